"""How the claim scorer's examples are labelled and its threshold chosen (training/train_claims.py)."""

from __future__ import annotations

from datetime import date

from storyledger.annotate.claims.component import build_candidates
from storyledger.evaluation.claim_gold import ClaimCounts, GoldClaim, GoldClaimArticle
from storyledger.records import Stance
from training.train_claims import f_beta, label

TEXT = ("Tom Hadley pledged to cut taxes for farmers. Lena Vorst visited Halden on Monday. "
        "Lena Vorst urged Norvania to release the prisoners.")


def test_the_candidate_matching_a_gold_claim_is_the_positive_with_the_gold_stance(nlp):
    with nlp.select_pipes(disable=["storyledger_claims"]):
        doc = nlp.make_doc(TEXT)
        doc._.sl_published = date(2025, 3, 4)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    built = build_candidates(doc)
    evidence = "Lena Vorst urged Norvania to release the prisoners."
    start = TEXT.index(evidence)
    gold = GoldClaim(start, start + len(evidence), "Lena Vorst", "Lena Vorst", Stance.DEMANDED, False,
                     "release the prisoners", "Norvania", None, None, None)
    article = GoldClaimArticle("a1", TEXT, date(2025, 3, 4), (gold,))
    labels, stances = label(article, built, {e.id: e for e in doc._.sl_entities})
    positives = [b.claim.action for b, y in zip(built, labels) if y]
    assert positives == ["release the prisoners"]
    assert [s for s in stances if s] == ["demanded"]
    assert len(built) >= 2  # the pledge (no gold here) and the visit are negatives


def test_f_half_weighs_precision_above_recall():
    precise = ClaimCounts(predicted=10, gold=40, matched=8)  # P 0.8, R 0.2
    loose = ClaimCounts(predicted=40, gold=40, matched=8 * 2)  # P 0.4, R 0.4
    assert round(f_beta(precise), 3) == 0.5 and f_beta(precise) > f_beta(loose)
