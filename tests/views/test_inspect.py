"""`storyledger extract` and `annotate`: the per-article work on files, printed, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyledger.process import process
from storyledger.records import Hints
from storyledger.sources import read_path
from storyledger.views.cli.app import app
from storyledger.views.serialize import annotated_json, article_json


def _json_lines(*args: str) -> list[dict]:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_annotate_prints_what_the_per_article_function_finds(seed_000: Path) -> None:
    (raw,) = read_path(seed_000, Hints())
    annotated = process(raw)
    assert _json_lines("annotate", str(seed_000)) == [annotated_json(raw.source, annotated)]
    assert _json_lines("extract", str(seed_000)) == [article_json(raw.source, annotated.article)]


def test_an_unreadable_input_is_a_failure_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "empty.txt"), "--json"])
    assert result.exit_code == 1
    (line,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert (line["ok"], line["error"]) == (False, "empty file")
