"""Positions over time: matters found from claims' words, steps marked in date order."""

from __future__ import annotations

from storyledger.link import matters
from storyledger.link.pipeline import link_new, relink
from storyledger.records import Polarity, Stance
from tests.link import negotiation
from tests.link.records import article, claim

BW = "Brightwater Chemicals"
THINGS = {BW: "organisation", "Lake Orrin": "place", "Environment Agency": "organisation"}


def _doc(text: str, day: str, outlet: str = "Gazette", people=None):
    return article(text, day, outlet, people, {k: v for k, v in THINGS.items() if k in text})


def _lines(ledger, **kw):
    return [(str(t.date), t.actor, t.mark_label, t.claim) for t in ledger.timeline_lines(**kw)]


def _cleanup_story():
    a = _doc(f"{BW} said it would pay for the cleanup of Lake Orrin if the agency confirmed the source. "
             f"{BW} will close its discharge pipe.", "2025-03-18")
    claim(a, BW, "pay for the cleanup of Lake Orrin", Stance.WILLING, condition="if the agency confirmed the source")
    claim(a, BW, "close its discharge pipe", Stance.COMMITTED)
    b = _doc(f"{BW} again said it would pay for the cleanup of Lake Orrin if the agency confirmed the source.",
             "2025-03-25", "Ledger")
    claim(b, BW, "pay for the cleanup of Lake Orrin", Stance.WILLING, condition="if the agency confirmed the source")
    c = _doc(f"{BW} said it would fund the Lake Orrin cleanup regardless of what the agency found.", "2025-04-02")
    claim(c, BW, "fund the Lake Orrin cleanup", Stance.WILLING, sentence=True)
    d = _doc(f"{BW} refused to pay for the cleanup of Lake Orrin after the fine.", "2025-04-20", "Ledger")
    claim(d, BW, "pay for the cleanup of Lake Orrin", Stance.REFUSED, Polarity.NEGATED)
    return a, b, c, d


def test_marks_along_one_actors_matter(ledger):
    for a in _cleanup_story():
        ledger.add(a)
    link_new(ledger)
    assert _lines(ledger, actor=BW) == [
        ("2025-03-18", BW, "new", "pay for the cleanup of Lake Orrin"),
        ("2025-03-18", BW, "new", "close its discharge pipe"),
        ("2025-03-25", BW, "repeated", "pay for the cleanup of Lake Orrin"),
        ("2025-04-02", BW, "changed (condition dropped)", "fund the Lake Orrin cleanup"),
        ("2025-04-20", BW, "changed (reversed)", "pay for the cleanup of Lake Orrin"),
    ]
    matters = {t.claim: t.matter_id for t in ledger.timeline_lines()}
    assert matters["fund the Lake Orrin cleanup"] == matters["pay for the cleanup of Lake Orrin"]
    assert matters["close its discharge pipe"] != matters["pay for the cleanup of Lake Orrin"]


def test_marks_follow_dates_not_arrival_order(ledger):
    a, b, c, d = _cleanup_story()
    for art in (d, c, a):
        ledger.add(art)
        link_new(ledger)
    ledger.add(b)
    link_new(ledger)
    marks = [m for _d, _a, m, claim_ in _lines(ledger, actor=BW) if "discharge" not in claim_]
    assert marks == ["new", "repeated", "changed (condition dropped)", "changed (reversed)"]


def test_a_changed_condition_is_a_change(ledger):
    a = _doc(f"{BW} would pay for the cleanup of Lake Orrin if the agency confirmed the source.", "2025-03-18")
    claim(a, BW, "pay for the cleanup of Lake Orrin", Stance.WILLING, condition="if the agency confirmed the source")
    b = _doc(f"{BW} would pay for the cleanup of Lake Orrin if the government shared the costs.", "2025-03-30")
    claim(b, BW, "pay for the cleanup of Lake Orrin", Stance.WILLING, condition="if the government shared the costs")
    for x in (a, b):
        ledger.add(x)
    link_new(ledger)
    assert [m for _d, _a, m, _c in _lines(ledger)] == ["new", "changed (condition changed)"]


def _dependency(answer_stance: Stance, polarity: Polarity = Polarity.AFFIRMED):
    people = {"Ines Halvorsen": ["Mayor"]}
    a = _doc("Mayor Ines Halvorsen said reopening the beaches of Lake Orrin would need approval from the "
             "Environment Agency.", "2025-04-02", people=people)
    claim(a, "Ines Halvorsen", "reopening the beaches of Lake Orrin would need approval from the Environment Agency",
          Stance.REPORTED, target="Environment Agency")
    b = _doc("The Environment Agency said on Tuesday it would approve reopening the beaches of Lake Orrin "
             "after new tests.", "2025-04-15", "Ledger")
    claim(b, "Environment Agency", "approve reopening the beaches of Lake Orrin", answer_stance, polarity)
    return a, b


def test_the_party_a_condition_depends_on_meets_it(ledger):
    for x in _dependency(Stance.COMMITTED):
        ledger.add(x)
    link_new(ledger)
    lines = ledger.timeline_lines(actor="Environment Agency")
    assert [(t.mark, t.previous) for t in lines] == [("condition_met", f"{_dependency(Stance.COMMITTED)[0].article.id}/c1")]


def test_the_party_a_condition_depends_on_refuses_it(ledger):
    a, b = _dependency(Stance.RULED_OUT, Polarity.NEGATED)
    for x in (b, a):  # the condition arrives after the answer: the answer is re-marked
        ledger.add(x)
        link_new(ledger)
    assert [t.mark for t in ledger.timeline_lines(actor="Environment Agency")] == ["condition_refused"]


def test_near_duplicate_claims_are_shown_once_with_their_outlets(ledger):
    text = (f"{BW} said it would pay for the cleanup of Lake Orrin if the agency confirmed the source, in a "
            "statement issued on Tuesday evening after residents reported dead fish along the eastern shore, "
            "and the company added that its own engineers were inspecting the cooling system of the plant.")
    copies = []
    for outlet, tail in (("Wire", ""), ("Gazette", " Reporting by Wire."), ("Ledger", " Editing by the desk.")):
        art = _doc(text + tail, "2025-03-18", outlet)
        claim(art, BW, "pay for the cleanup of Lake Orrin", Stance.WILLING)
        ledger.add(art)
        copies.append(art)
    link_new(ledger)
    lines = ledger.timeline_lines()
    assert [(t.outlet, t.also_in) for t in lines] == [("Wire", ["Gazette", "Ledger"])]


def _negotiation(ledger):
    for art in negotiation.corpus().values():
        ledger.add(art)
    link_new(ledger)
    return _negotiation_lines(ledger)


def _negotiation_lines(ledger):
    ids = {art.article.id: key for key, art in negotiation.corpus().items()}
    return [(ids[t.document_id], t.actor, t.speaker, t.mark_label, ids[t.earlier.document_id] if t.earlier else None)
            for t in ledger.timeline_lines()]


def test_the_negotiation_timeline_marks_every_change_and_repetition(ledger):
    front, velmora, ostmark = negotiation.FRONT, negotiation.VELMORA, negotiation.OSTMARK
    assert _negotiation(ledger) == [
        ("apr", front, None, "new", None),
        ("may", front, None, "repeated", "apr"),
        ("jun", front, negotiation.SPOKESWOMAN, "repeated", "may"),  # the spokeswoman speaks for the Front
        ("aug", front, None, "changed (reversed)", "jun"),
        ("aug", front, None, "new", None),
        ("sep", velmora, None, "new", None),  # three outlets carried the wire story: one line
        ("resume", velmora, None, "changed (reversed)", "sep"),
        ("one_article", ostmark, None, "new", None),  # two sentences of one article: never a change
        ("one_article", ostmark, None, "new", None),
        ("oct", ostmark, None, "changed (hardened)", "one_article"),  # from "would consider", its latest
    ]
    lines = ledger.timeline_lines(actor=velmora)
    assert lines[0].also_in == ["Valley Times", "Coastal Post"]


def test_matters_are_grouped_by_meaning_and_labelled_in_words(ledger):
    _negotiation(ledger)
    lines = ledger.timeline_lines()
    exchange = {t.matter_id for t in lines if "exchange" in t.claim}
    assert len(exchange) == 1
    assert {t.matter_id for t in lines if "mediator" in t.claim} != exchange
    assert {t.matter for t in lines if "mediator" in t.claim} <= {"suspended its role as mediator",
                                                                 "resumed its role as mediator"}


def test_relinking_gives_the_same_timeline(ledger):
    before = _negotiation(ledger)
    relink(ledger)
    assert _negotiation_lines(ledger) == before


def test_without_the_sentence_model_matters_fall_back_to_words(ledger, monkeypatch):
    monkeypatch.setattr(matters, "encoder", lambda: None)
    for a in _cleanup_story():
        ledger.add(a)
    link_new(ledger)
    lines = ledger.timeline_lines()
    by_claim = {t.claim: t.matter_id for t in lines}
    assert by_claim["fund the Lake Orrin cleanup"] == by_claim["pay for the cleanup of Lake Orrin"]
    assert by_claim["close its discharge pipe"] != by_claim["pay for the cleanup of Lake Orrin"]
    assert [m for _d, _a, m, c in _lines(ledger) if "discharge" not in c] == [
        "new", "repeated", "changed (condition dropped)", "changed (reversed)"]
