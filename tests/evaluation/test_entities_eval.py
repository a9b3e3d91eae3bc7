"""The entity evaluation: the CoNLL scorer on the worked example of Pradhan et al. (2014), and the
ECB+ reading (proper-name mentions, printed text, alignment by head) on a hand-made row."""

from __future__ import annotations

import json

import pytest

from storyledger.evaluation.coref_metrics import ceaf_e, chains, score
from storyledger.evaluation.entities import AuditedEntity, align, audit, detokenize, load_ecb, normalised_name
from storyledger.records import EntityType, Mention


def test_scores_match_the_reference_example():
    """Key {a,b,c},{d,e,f,g}; response {a,b},{c,d},{f,g,h,i} (Pradhan et al. 2014, figure 1)."""
    key = [frozenset("abc"), frozenset("defg")]
    response = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]
    s = score(key, response)
    assert (s.muc.recall, s.muc.precision) == pytest.approx((0.4, 0.4))
    assert (s.b_cubed.recall, s.b_cubed.precision) == pytest.approx((35 / 84, 0.5))
    assert (s.ceaf_e.recall, s.ceaf_e.precision) == pytest.approx((0.65, 1.3 / 3))
    assert s.conll_f1 == pytest.approx((0.4 + 2 * (35 / 84) * 0.5 / (35 / 84 + 0.5) + 2 * 0.65 * (1.3 / 3) / (0.65 + 1.3 / 3)) / 3)


def test_perfect_and_empty_responses():
    key = chains({"a": 1, "b": 1, "c": 2})
    assert score(key, key).conll_f1 == pytest.approx(1.0)
    assert ceaf_e(key, []).recall == 0.0


ROW = {
    "doc_id": "9_1ecb", "topic": 9, "subtopic": "9_ecb", "split_cv2015": "train",
    "text": "Police said Mr . Tobias Renwick 's lawyer met the Harbour Board in Castellan .\n"
            "Renwick , a court - mandated witness , left the U . S . on Monday .",
    "sentence_ids": [0, 1], "selected_sentences": [0, 1],
    "mentions": [],
}


def _row() -> dict:
    text = ROW["text"]
    out = dict(ROW)

    def m(mid, phrase, chain, kind="entity", etype="HUMAN_PART_PER", sentence=0, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        return {"m_id": mid, "start": start, "end": start + len(phrase), "text": phrase, "kind": kind, "type": etype,
                "chain_id": chain, "sentence": sentence, "in_selected_sentence": True}

    out["mentions"] = [
        m("1", "Police", None, etype="HUMAN_PART_ORG"),
        m("2", "Mr . Tobias Renwick", "HUM1"),
        m("3", "Mr . Tobias Renwick 's lawyer", "HUM2"),
        m("4", "the Harbour Board in Castellan", "HUM3", etype="HUMAN_PART_ORG"),
        m("5", "in Castellan", "LOC1", etype="LOC_GEO"),
        m("6", "Renwick", "HUM1", sentence=1, nth=1),
        m("7", "Monday", None, etype="TIME_DATE", sentence=1),
        m("8", "said", None, kind="event", etype="ACTION_REPORTING"),
    ]
    return out


def test_only_proper_names_in_checked_sentences_are_gold(tmp_path):
    path = tmp_path / "ecb.jsonl"
    rows = [_row(), {**_row(), "doc_id": "9_2ecb", "mentions": [], "text": "Later the police said so .\nYes ."}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    doc = load_ecb(path)[0]
    texts = {doc.text[g.start:g.end] for g in doc.mentions}
    # "Police" opens its sentence and is written in lower case elsewhere; "lawyer" heads a description
    assert texts == {"Mr . Tobias Renwick", "the Harbour Board in Castellan", "in Castellan", "Renwick"}
    board = next(g for g in doc.mentions if g.chain == "HUM3")
    assert doc.text[board.head[0]:board.head[1]] == "Board"


def test_the_text_is_read_as_printed_and_mapped_back():
    text = ROW["text"]
    clean, offsets = detokenize(text)
    assert clean.split("\n") == ["Police said Mr. Tobias Renwick's lawyer met the Harbour Board in Castellan.",
                                 "Renwick, a court-mandated witness, left the U.S. on Monday."]
    at = clean.index("Tobias Renwick")
    assert text[offsets[at]:offsets[at + len("Tobias Renwick") - 1] + 1] == "Tobias Renwick"


def test_alignment_needs_each_span_to_hold_the_others_head(tmp_path):
    path = tmp_path / "ecb.jsonl"
    path.write_text(json.dumps(_row()))
    doc = load_ecb(path)[0]
    t = doc.text
    at = t.index("Tobias Renwick")
    board = t.index("Harbour Board")
    predicted = [Mention("e1", at, at + len("Tobias Renwick"), "Tobias Renwick"),
                 Mention("e2", board, board + len("Harbour Board"), "Harbour Board"),
                 Mention("e3", t.index("Castellan"), t.index("Castellan") + 9, "Castellan")]
    found = {gid.split(":")[1]: m.entity_id for gid, m in align(doc.mentions, predicted).items()}
    assert found == {"2": "e1", "4": "e2", "5": "e3"}


def test_baseline_key_ignores_case_articles_and_honorifics():
    assert normalised_name("the Harbour Board's") == normalised_name("Harbour Board") == "harbour board"
    assert normalised_name("Mr. Renwick") == "renwick"


def test_audit_finds_entities_holding_two_peoples_full_names():
    entities = [
        AuditedEntity("E1", "Hattie Quill", EntityType.PERSON, ("Hattie Quill", "Barnaby Quill", "Quill"), 3),
        AuditedEntity("E2", "Dorian W. Pell", EntityType.PERSON, ("Dorian W. Pell", "Dorian Pell", "Mr. Pell"), 2),
        AuditedEntity("E3", "Quill Group", EntityType.ORGANISATION, ("Hattie Quill", "Barnaby Quill"), 1),
    ]
    [finding] = audit(entities)
    assert finding.entity.id == "E1"
    assert sorted(finding.clashing) == ["Barnaby Quill", "Hattie Quill"]
