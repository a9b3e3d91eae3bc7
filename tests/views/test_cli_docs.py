"""Every command and option is listed by --help and documented in README.md (as sqlite-utils does)."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from storyledger.views.cli.app import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix: str = "") -> dict:
    """Leaf commands by full name; typer vendors click, so groups are told by their ``commands``."""
    out: dict = {}
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            out.update(_commands(cmd, full + " "))
        else:
            out[full] = cmd
    return out


COMMANDS = _commands(typer.main.get_command(app))


def _section(name: str) -> str:
    """The README text under '### storyledger NAME' up to the next heading."""
    m = re.search(rf"^### `?storyledger {re.escape(name)}`?\s*$(.*?)(?=^#)", README + "\n#", re.M | re.S)
    assert m, f"README.md has no '### storyledger {name}' section"
    return m.group(1)


def test_help_lists_every_top_level_command() -> None:
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    for name in {c.split()[0] for c in COMMANDS}:
        assert re.search(rf"│ {name}\b", result.output), name


def test_every_command_and_option_is_documented_in_readme() -> None:
    assert len(COMMANDS) >= 15
    for name, cmd in COMMANDS.items():
        section = _section(name)
        for param in cmd.params:
            if param.param_type_name == "option":
                longest = max(param.opts, key=len)
                if longest != "--help":
                    assert longest in section, f"README section for `{name}` does not mention {longest}"
