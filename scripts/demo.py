"""The demo: ingest examples/ into a fresh ledger and run the commands the README's worked example
shows, printing each as "$ command" and its output. `make demo` runs it; `make readme-example` runs it
at 80 columns and writes the output into README.md between its worked-example markers, so the example
is always a real run.

    python scripts/demo.py [--db demo.db] [--markdown] [--write README.md]
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- worked-example:start -->", "<!-- worked-example:end -->"


def storyledger() -> str:
    """The storyledger beside this Python (the venv's), else the one on PATH."""
    here = Path(sys.executable).parent / "storyledger"
    return str(here) if here.exists() else "storyledger"


def run(args: list[str]) -> str:
    done = subprocess.run([storyledger(), *args], cwd=ROOT, capture_output=True, text=True, env=os.environ)
    out = done.stdout + done.stderr
    if done.returncode not in (0, 1):
        raise SystemExit(f"storyledger {shlex.join(args)} failed ({done.returncode}):\n{out}")
    return out


def commands(db: str) -> list[list[str]]:
    """The worked example: what was found, then one line's source followed to its sentence."""
    quotes = [json.loads(line) for line in run(["quotes", "--db", db, "--speaker", "Trump", "--json"]).splitlines()
              if line.startswith("{")]
    steps = [["stories", "--db", db], ["quotes", "--db", db, "--speaker", "Trump", "--limit", "4"],
             ["claims", "--db", db, "--actor", "Trump"], ["timeline", "--db", db, "--actor", "United States"]]
    if quotes:
        q = quotes[min(1, len(quotes) - 1)]
        steps.append(["show", f"{q['document_id']}:{q['start']}-{q['end']}", "--db", db, "--context", "0"])
    return steps


def demo(db: str) -> list[tuple[str, str]]:
    for suffix in ("", "-wal", "-shm"):
        (ROOT / f"{db}{suffix}").unlink(missing_ok=True)
    shown = [(f"storyledger ingest examples/ --db {db}", run(["ingest", "examples/", "--db", db, "--quiet"]))]
    for args in commands(db):
        shown.append((f"storyledger {shlex.join(args)}", run(args)))
    return shown


def as_text(shown: list[tuple[str, str]]) -> str:
    return "\n".join(f"$ {command}\n{output.rstrip()}\n" for command, output in shown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="demo.db")
    parser.add_argument("--markdown", action="store_true", help="Print a fenced block for README.md.")
    parser.add_argument("--write", type=Path, help="Replace the worked example in this README with the run.")
    opts = parser.parse_args()
    text = as_text(demo(opts.db))
    block = f"```\n{text}```"
    if opts.write:
        readme = opts.write.read_text(encoding="utf-8")
        if START not in readme or END not in readme:
            raise SystemExit(f"{opts.write} has no {START} ... {END} markers")
        head, rest = readme.split(START, 1)
        _old, tail = rest.split(END, 1)
        opts.write.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")
        print(f"wrote the worked example into {opts.write} ({os.environ.get('COLUMNS', 'terminal')} columns)")
    else:
        print(block if opts.markdown else text, end="\n" if opts.markdown else "")


if __name__ == "__main__":
    main()
