"""Change marks: how an actor's statement on a matter compares with the actor's earlier statement on it.

A step is compared with the actor's latest earlier position on the matter, stated on an earlier day in
another article: two sentences of one article, copies of one wire story (one near-duplicate group)
and one statement rewritten by several outlets within a few days are never a change of position.
  - repeated: the same stand again (ruled out in April, refused in May: one refusal, repeated).
  - changed, and which way: reversed (for it, now against it); hardened (from considering to a
    decision); softened (from a decision back to considering); condition met, dropped, added or
    changed. A condition missing from a later report is not taken as dropped unless the text says
    so ("regardless of", "unconditionally"): outlets often leave conditions out.
  - new: nothing earlier to compare with, or nothing comparable (a demand made of others and the
    actor's own commitment are different things). When unsure, new: a wrong "changed" costs a reader
    more than a missed one.

A stand is a direction (for, open, against) read from the stance and polarity; two actions whose head
verbs are opposites in one family turn it round: "suspend its mediation" is against what "resume its
mediation" is for, "lift the tariffs" against "impose tariffs". The verb families are general English,
not any story's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyledger.link.records import Change, Mark, PositionStep
from storyledger.link.text import content_terms, words
from storyledger.records import Polarity, Stance

SAME_STATEMENT_DAYS = 3  # one statement, reported by several outlets over a few days
SAME_STATEMENT_OVERLAP = 0.6  # share of the shorter evidence's content words the other holds
SAME_STATEMENT_WORDS = 5  # and at least this many: two short sentences alike in words can still differ
CONDITION_MET_OVERLAP = 0.6
CONDITIONS_DIFFER = 0.34  # conditions sharing less than this share of their words are different

# Verb families whose two sides point opposite ways on one object: (starts, keeps or raises it) against
# (stops, undoes or lowers it). Two actions reverse each other by their verbs only when their head verbs are
# on opposite sides of one family ("suspend its mediation" / "resume its mediation"): a verb outside the
# families, or two verbs of unrelated families ("end the strike" / "call off the strike"), say nothing.
_VERB_FAMILIES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    name: (frozenset(on.split()), frozenset(off.split())) for name, on, off in (
        ("activity", "resume restart continue unfreeze", "suspend halt pause stop freeze interrupt end"),
        ("level", "raise increase impose extend expand tighten hike", "lift remove cut reduce lower ease scrap drop "
                                                                       "loosen repeal rescind abolish"),
        ("presence", "send deploy return station", "withdraw pull recall evacuate"),
        ("membership", "join rejoin stay remain enter", "leave quit exit abandon"),
        ("access", "open reopen allow permit approve admit", "close shut ban block bar veto forbid"),
        ("schedule", "hold proceed start begin launch", "cancel postpone delay"),
    )
}
# Words that may stand before an action's verb without being it.
_LEADING = frozenset("also not to fully immediately again temporarily formally officially partially partly "
                     "further still now quickly gradually be being".split())
# Signs that a position is said to hold without its earlier condition, or only under a new one.
_RELEASED = ("regardless", "unconditional", "without condition", "without precondition", "no longer condition",
             "whether or not", "even without", "no strings")
_RESTRICTED = ("only if", "only when", "only after", "only once", "as long as", "provided", "on condition")
_CONDITIONAL = frozenset("if unless provided once when until".split())


@dataclass(frozen=True, slots=True)
class Stand:
    """What a step says of its action: ``demand`` (of others) or the actor's own stand; ``direction``
    +1 for it, 0 open (considering), -1 against; ``weak`` for a bare report of support or opposition."""

    demand: bool
    direction: int
    weak: bool = False


def _lemmas(word: str) -> set[str]:
    """The forms a verb may take in the list: "suspending" -> suspend, "stopped" -> stop, "closing" -> close."""
    forms = {word}
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            forms |= {base, base + "e"}
            if len(base) > 3 and base[-1] == base[-2]:
                forms.add(base[:-1])
    return forms


def _verb_sides(action: str) -> dict[str, int]:
    """The side (+1 on, -1 off) of the action's head verb in each family it belongs to."""
    for word in words(action):
        if word in _LEADING:
            continue
        forms = _lemmas(word)
        return {name: 1 if forms & on else -1 for name, (on, off) in _VERB_FAMILIES.items() if forms & (on | off)}
    return {}


def opposite_verbs(a: str, b: str) -> bool:
    """Whether the two actions' head verbs are on opposite sides of one family ("lift" / "impose")."""
    sa, sb = _verb_sides(a), _verb_sides(b)
    return any(sa[f] != sb[f] for f in sa.keys() & sb.keys())


def stand(step: PositionStep) -> Stand:
    negated = step.polarity == Polarity.NEGATED
    if step.stance == Stance.DEMANDED:
        return Stand(True, -1 if negated else 1)
    if step.stance in (Stance.RULED_OUT, Stance.REFUSED):
        return Stand(False, -1)
    if step.stance == Stance.CONSIDERING:
        return Stand(False, -1 if negated else 0)
    return Stand(False, -1 if negated else 1, weak=step.stance == Stance.REPORTED)


def _overlap(a: str, b: str, at_least: int = 1) -> float:
    """Share of the shorter text's content words that the other holds (0 when fewer than ``at_least`` are shared)."""
    ta, tb = set(content_terms(a)), set(content_terms(b))
    shared = len(ta & tb)
    if not ta or not tb or shared < at_least:
        return 0.0
    return shared / min(len(ta), len(tb))


def _days(a: date | None, b: date | None) -> int | None:
    return abs((a - b).days) if a and b else None


def same_statement(a: PositionStep, b: PositionStep) -> bool:
    """One statement as several outlets reported it: near in time, the same words, its verb the same way
    ("suspended its role" two days before "resumed its role" is two statements)."""
    if a.canonical and a.canonical == b.canonical:
        return True
    gap = _days(a.stated, b.stated)
    return (gap is not None and gap <= SAME_STATEMENT_DAYS and not opposite_verbs(a.action, b.action)
            and _overlap(a.evidence, b.evidence, SAME_STATEMENT_WORDS) >= SAME_STATEMENT_OVERLAP)


def _condition_change(ref: PositionStep, cur: PositionStep) -> tuple[Mark, Change | None]:
    before, now = (ref.condition or "").strip(), (cur.condition or "").strip()
    said = cur.evidence.lower()
    if before and now:
        if _overlap(before, now) < CONDITIONS_DIFFER:
            return Mark.CHANGED, Change.CONDITION_CHANGED
        return Mark.REPEATED, None
    if before:
        if not (_CONDITIONAL & set(words(said))) and _contains(said, before) >= CONDITION_MET_OVERLAP:
            return Mark.CHANGED, Change.CONDITION_MET
        if any(sign in said for sign in _RELEASED):
            return Mark.CHANGED, Change.CONDITION_DROPPED
        return Mark.REPEATED, None
    if now and (now.lower().startswith(_RESTRICTED) or any(sign in said for sign in _RESTRICTED)):
        return Mark.CHANGED, Change.CONDITION_ADDED
    return Mark.REPEATED, None


def _contains(text: str, part: str) -> float:
    """Share of ``part``'s content words found in ``text``."""
    tp = set(content_terms(part))
    return len(tp & set(content_terms(text))) / len(tp) if tp else 0.0


def compare(ref: PositionStep, cur: PositionStep) -> tuple[Mark, Change | None] | None:
    """How ``cur`` stands against the earlier ``ref``; None when the two are not comparable."""
    a, b = stand(ref), stand(cur)
    if a.demand != b.demand:
        return None
    if opposite_verbs(ref.action, cur.action):  # "suspend" then "resume" with one stance: the other way
        b = Stand(b.demand, -b.direction, b.weak)
    if a.direction * b.direction < 0:
        return Mark.CHANGED, Change.REVERSED
    if a.direction == 0 and b.direction != 0:
        return Mark.CHANGED, Change.HARDENED
    if a.direction != 0 and b.direction == 0:
        return (Mark.REPEATED, None) if a.weak else (Mark.CHANGED, Change.SOFTENED)
    return _condition_change(ref, cur)


@dataclass(frozen=True, slots=True)
class Marked:
    step: PositionStep
    mark: Mark
    change: Change | None = None
    previous: PositionStep | None = None


def _references(steps: list[PositionStep], i: int) -> list[tuple[PositionStep, tuple[Mark, Change | None]]]:
    """The comparable steps of the latest earlier day before step ``i``, with how step ``i`` stands against each.
    Walks back from ``i`` (steps are in the order they were stated) and stops past that day, so a long
    sequence costs a few comparisons per step, not one per earlier step."""
    cur, found, latest = steps[i], [], None
    for s in reversed(steps[:i]):
        if latest is not None and s.stated != latest:
            break
        if not s.stated or not cur.stated or s.stated >= cur.stated or same_statement(s, cur):
            continue
        verdict = compare(s, cur)
        if verdict is not None:
            latest = s.stated
            found.append((s, verdict))
    return found[::-1]


def mark_sequence(steps: list[PositionStep]) -> list[Marked]:
    """Mark every step of one actor's sequence on one matter, given in the order they were stated."""
    out = []
    for i, cur in enumerate(steps):
        on_latest = _references(steps, i)
        if not on_latest:
            out.append(Marked(cur, Mark.NEW))
            continue
        # Reports of one day may disagree (an outlet's wording, an extraction slip): a repetition of any
        # of them is the safer reading. Of copies of one article, the line refers to the one shown.
        pool = [(s, v) for s, v in on_latest if v[0] == Mark.REPEATED] or on_latest
        ref, (mark, change) = ([(s, v) for s, v in pool if s.document_id == s.canonical] or pool)[-1]
        out.append(Marked(cur, mark, change, ref))
    return out
