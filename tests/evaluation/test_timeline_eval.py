"""`eval timeline`: an analyst's marks against the timeline, on hand-built lines and end to end on the
made-up corpus (tests/link/corpus/positions)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from storyledger.evaluation.timeline import AnalystMark, score
from storyledger.link.records import Change, Mark
from storyledger.records import Polarity, Stance
from storyledger.store.read_models import EarlierLine, TimelineLine
from storyledger.views.cli.app import app

CORPUS = Path(__file__).parent.parent / "link" / "corpus" / "positions"


def _said(doc: str, evidence: str) -> dict[str, object]:
    return {"date": date(2025, 1, 1), "date_label": "2025-01-01", "stance": Stance.COMMITTED,
            "polarity": Polarity.AFFIRMED, "claim": evidence, "condition": None, "evidence": evidence,
            "document_id": doc, "claim_id": "c1", "start": 0, "end": len(evidence), "outlet": None}


def _line(doc: str, evidence: str, mark: Mark, change: Change | None = None,
          earlier: tuple[str, str] | None = None) -> TimelineLine:
    return TimelineLine(**_said(doc, evidence), actor="Norland", actor_id="E1", matter_id="M1",  # type: ignore[arg-type]
                        matter="the offer", mark=mark, change=change,
                        earlier=EarlierLine(**_said(*earlier)) if earlier else None)  # type: ignore[arg-type]


def test_scores_count_marks_found_wrong_changes_and_same_article_comparisons():
    keys = {"d1": "a1", "d2": "a2", "d3": "a3"}
    lines = [
        _line("d1", "Norland rejected the offer.", Mark.NEW),
        _line("d2", "Norland again rejected the offer.", Mark.REPEATED, earlier=("d1", "Norland rejected the offer.")),
        _line("d3", "Norland accepted the offer.", Mark.CHANGED, Change.HARDENED, ("d2", "again rejected")),
        _line("d3", "It said it would sign in May.", Mark.CHANGED, Change.REVERSED, ("d3", "accepted")),
    ]
    marks = [AnalystMark("a2", "Norland", "again rejected", "repeated", None, "a1", "rejected the offer"),
             AnalystMark("a3", "norland", "accepted", "changed", "reversed", "a2", "again rejected")]
    s = score(lines, marks, keys)
    assert (s.found["repeated"], s.marked["repeated"]) == (1, 1)
    assert (s.found["changed"], s.marked["changed"]) == (0, 1)  # shown as changed, but the wrong way
    assert (s.changed_lines, s.changed_marked, s.same_article) == (2, 1, 1)
    assert s.by_mark == {"new": 1, "repeated": 1, "changed (hardened)": 1, "changed (reversed)": 1}


def test_eval_timeline_on_the_made_up_corpus():
    result = CliRunner().invoke(app, ["eval", "timeline", "--data", str(CORPUS)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    ours = next(line for line in result.output.splitlines() if line.startswith("storyledger"))
    assert "repeated found 2/2 (1.00)  changed found 2/2 (1.00)  changed lines 2, precision 1.00" in ours
    assert "same-article comparisons 0" in ours


def test_eval_timeline_names_missing_data(tmp_path):
    result = CliRunner().invoke(app, ["eval", "timeline", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "marks.jsonl" in result.output
