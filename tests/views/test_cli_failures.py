"""What ingest prints about failed inputs reaches the terminal as text: escape sequences and markup in
a file name are shown, never run."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyledger.views.cli.app import app
from storyledger.views.cli.terminal import for_terminal


def test_failed_and_noted_inputs_are_printed_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "esc-\x1b[2J\x1b]0;pwned\x07.txt").write_bytes(b"")
    (folder / "[red]fake[bold]x.jsonl").write_text(json.dumps({"text": "Short.", "published": "9999-12-31"}))
    res = CliRunner().invoke(app, ["ingest", "-q", "--db", str(tmp_path / "l.db"), str(folder)])
    out = res.output
    assert res.exit_code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "failed (extract): " in out and "esc-\\x1b[2J\\x1b]0;pwned\\x07.txt: empty file" in out
    assert "[red]fake[bold]x.jsonl:1: dropped 'published'" in out  # markup shown as written


def test_for_terminal_shows_controls_bidi_overrides_and_surrogates() -> None:
    assert for_terminal("a\x1b[31mb\u202ec\ud800\x9b") == "a\\x1b[31mb\\u202ec\\ud800\\x9b"
    assert for_terminal("line one\n\tline two\r", lines=True) == "line one\n\tline two\\r"
