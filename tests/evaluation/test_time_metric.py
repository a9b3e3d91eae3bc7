"""The TempEval-3 scorer on hand-made gold and system expressions: alignment, strict/relaxed F1,
attribute accuracy and attribute F1, and the DATE+TIME restriction."""

from __future__ import annotations

import json
from datetime import date

import pytest

from storyledger.evaluation.time import DATE_TIME, Scores, Timex, align, load_gold, restrict

GOLD = [Timex(0, 14, "DATE", "1998-08-07"), Timex(20, 27, "DURATION", "P3Y"), Timex(40, 46, "DATE", "1998")]


def test_alignment_is_one_to_one_exact_first():
    system = [Timex(0, 6, "DATE", "1998-08-07"), Timex(0, 14, "DATE", "1998-08-08")]
    assert align(GOLD[:1], system) == [(GOLD[0], system[1])]


def test_scores_follow_te3_definitions():
    system = [Timex(5, 14, "DATE", "1998-08-07"), Timex(20, 27, "DATE", "P3Y"), Timex(60, 64, "DATE", "1999")]
    s = Scores()
    s.add(GOLD, system)
    assert (s.gold, s.system, s.relaxed, s.strict, s.type_ok, s.value_ok) == (3, 3, 2, 1, 1, 2)
    assert s.relaxed_f1 == pytest.approx(2 / 3)
    assert s.strict_f1 == pytest.approx(1 / 3)
    assert s.value_accuracy == 1.0
    assert s.type_accuracy == 0.5
    assert s.value_f1 == pytest.approx(2 / 3)
    assert s.type_f1 == pytest.approx(1 / 3)


def test_restriction_to_date_and_time():
    system = [Timex(0, 14, "DATE", "1998-08-07"), Timex(20, 27, "DURATION", "P3Y"), Timex(50, 55, "SET", "P1D"),
              Timex(70, 74, "DATE", "1999")]
    gold, kept = restrict(GOLD, system, DATE_TIME)
    assert gold == [GOLD[0], GOLD[2]]
    # the duration matched gold of another type and the unmatched set is no DATE/TIME claim: both out
    assert kept == [system[0], system[3]]


def test_load_gold(tmp_path):
    row = {"doc_id": "b", "dct": "1998-08-07", "text": "Friday", "source": "x",
           "timexes": [{"start": 0, "end": 6, "text": "Friday", "type": "DATE", "value": "1998-08-07", "tid": "t1"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row) + "\n" + json.dumps({**row, "doc_id": "a"}) + "\n", encoding="utf-8")
    docs = load_gold(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].dct == date(1998, 8, 7)
    assert docs[0].timexes == (Timex(0, 6, "DATE", "1998-08-07"),)
    assert len(load_gold(path, limit=1)) == 1
