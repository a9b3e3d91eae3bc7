"""Coreference scores as the CoNLL reference scorer defines them: MUC, B³, CEAF-e and their mean.

Written here because the scorers on PyPI are either the Perl reference wrapped in a subprocess or
unmaintained; these are the standard definitions (Vilain 1995, Bagga & Baldwin 1998, Luo 2005, as
in Pradhan et al. 2014), checked in tests against the worked example of that paper. Key and
response may hold different mentions: a mention missing from one side counts as a singleton there.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Chains = list[frozenset[Hashable]]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def chains(assignment: Mapping[Hashable, Hashable]) -> Chains:
    """Mention -> chain id, as a list of chains."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, chain in assignment.items():
        groups.setdefault(chain, set()).add(mention)
    return [frozenset(g) for g in groups.values()]


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _muc_recall(key: Chains, response: Chains) -> float:
    where = {m: i for i, chain in enumerate(response) for m in chain}
    num = den = 0
    for chain in key:
        parts = {where.get(m, ("alone", m)) for m in chain}
        num += len(chain) - len(parts)
        den += len(chain) - 1
    return _ratio(num, den)


def muc(key: Chains, response: Chains) -> PRF:
    return PRF(_muc_recall(response, key), _muc_recall(key, response))


def _b_cubed_recall(key: Chains, response: Chains) -> float:
    where = {m: i for i, chain in enumerate(response) for m in chain}
    num = 0.0
    for chain in key:
        counts: dict[int, int] = {}
        for m in chain:
            if m in where:
                counts[where[m]] = counts.get(where[m], 0) + 1
        num += sum(c * c for c in counts.values()) / len(chain)
    return _ratio(num, sum(len(c) for c in key))


def b_cubed(key: Chains, response: Chains) -> PRF:
    return PRF(_b_cubed_recall(response, key), _b_cubed_recall(key, response))


def ceaf_e(key: Chains, response: Chains) -> PRF:
    """Entity-based CEAF: chains aligned one to one maximising the sum of 2|K∩R| / (|K|+|R|)."""
    if not key or not response:
        return PRF(0.0, 0.0)
    where = {m: i for i, chain in enumerate(response) for m in chain}
    sim = np.zeros((len(key), len(response)))
    for i, chain in enumerate(key):
        for m in chain:
            j = where.get(m)
            if j is not None:
                sim[i, j] += 1
    sizes_k = np.array([len(c) for c in key], dtype=float)[:, None]
    sizes_r = np.array([len(c) for c in response], dtype=float)[None, :]
    phi = 2 * sim / (sizes_k + sizes_r)
    rows, cols = linear_sum_assignment(-phi)
    total = float(phi[rows, cols].sum())
    return PRF(total / len(response), total / len(key))


def score(key: Chains, response: Chains) -> CorefScores:
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))


def restrict(assignment: Mapping[Hashable, Hashable], mentions: Iterable[Hashable]) -> dict[Hashable, Hashable]:
    keep = set(mentions)
    return {m: c for m, c in assignment.items() if m in keep}
