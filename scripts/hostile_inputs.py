"""Hostile inputs against ingest, outside CI (the tests run a bounded sample of the same generators).

    python scripts/hostile_inputs.py shapes [--budget 10]      # each adversarial shape alone
    python scripts/hostile_inputs.py batches --inputs 10000 --batches 100 [--cli 5] [--budget 10]

``batches`` writes random hostile inputs (tests/fuzz/shapes.py: random bytes under every suffix, mutated
and cut articles, legacy encodings, JSON with odd values in every field, feeds with odd dates and
character references, HTML with odd structure) plus every adversarial shape, mixes two good articles
into each batch, and ingests the batches one after the other into one ledger, in this process (the
pipeline loaded once; an article met again is not annotated again, as in real use);
``--cli N`` also runs the first N batches through the ``storyledger ingest`` command. It checks that no
batch aborted (an exception out of ingest, or a traceback from the command), every hostile input is
named in the report (failed, noted, or stored under its name), every good article is stored, and no
input ran past the time budget. Prints a JSON summary; exit code 1 if a check failed.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyledger.ingest import IngestReport, ingest
from storyledger.sources.limits import display_name
from storyledger.store import open_ledger
from tests.fuzz.shapes import adversarial_shapes, good_article, random_input, write_shapes


def _run(paths: list[Path], db: Path, budget: float) -> tuple[IngestReport | None, set[str], list[float], str]:
    """Ingest ``paths``; the report (None if ingest raised), every source the ledger holds, each item's seconds."""
    stamps = [time.perf_counter()]
    try:
        with open_ledger(db, durable=False) as ledger:
            report = ingest([str(p) for p in paths], ledger, on_item=lambda _s: stamps.append(time.perf_counter()),
                            budget=budget)
            stored = {row[1] for batch in ledger.table_rows("document_sources") for row in batch}
    except Exception as exc:  # a batch abort: what this script is here to find
        return None, set(), [], f"{type(exc).__name__}: {exc}"
    return report, stored, [b - a for a, b in zip(stamps, stamps[1:])], ""


def _named(path: Path, report: IngestReport, stored: set[str]) -> bool:
    name = display_name(path)
    sources = [f.source for f in report.failed] + [n.source for n in report.notices] + list(stored)
    return any(s == name or s.startswith((f"{name}:", f"{name}[", f"{name}#")) for s in sources)


def shapes(budget: float) -> int:
    rows, worst = [], 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "shapes")
        for path in write_shapes(folder):
            t = time.perf_counter()
            report, stored, _, abort = _run([path], Path(tmp, f"{len(rows)}.db"), budget)
            took = time.perf_counter() - t
            worst = max(worst, took)
            outcome = abort or ("; ".join(f"{f.stage}: {f.reason}"[:140] for f in report.failed)
                                or f"stored {len(report.ingested)}") + "".join(
                f" | note: {n.reason[:80]}" for n in report.notices)
            rows.append({"shape": display_name(path.name), "seconds": round(took, 2), "outcome": outcome,
                         "named": bool(report) and _named(path, report, stored)})
            print(json.dumps(rows[-1], ensure_ascii=True), flush=True)
    bad = [r for r in rows if r["seconds"] > 10 or not r["named"]]
    print(json.dumps({"shapes": len(rows), "slowest_s": round(worst, 2), "over_10s_or_unnamed": bad}))
    return 1 if bad else 0


def batches(inputs: int, n_batches: int, cli: int, budget: float, seed: int) -> int:
    rng = random.Random(seed)
    shape_names = list(adversarial_shapes())
    summary = {"inputs": 0, "batches": n_batches, "aborts": [], "unnamed": [], "good_missing": [],
               "over_budget": 0, "slowest_item_s": 0.0, "failed": 0, "notices": 0, "stored_hostile": 0}
    with tempfile.TemporaryDirectory() as tmp:
        shape_dir = Path(tmp, "shapes")
        shape_paths = write_shapes(shape_dir)
        per_batch = inputs // n_batches
        for b in range(n_batches):
            folder = Path(tmp, f"b{b}")
            folder.mkdir()
            hostile = []
            for i in range(per_batch):
                suffix, data = random_input(rng)
                path = folder / f"h{i}{suffix}"
                path.write_bytes(data)
                hostile.append(path)
            if b < len(shape_paths):  # every shape goes into one batch (a few per batch)
                hostile += shape_paths[b::n_batches]
            good = []
            for k in range(2):
                path = folder / f"good{k}.txt"
                path.write_text(good_article(1_000_000 + 2 * b + k), encoding="utf-8")
                good.append(path)
            order = hostile + good
            rng.shuffle(order)
            summary["inputs"] += len(hostile)
            report, stored, times, abort = _run(order, Path(tmp, "batches.db"), budget)
            if report is None:
                summary["aborts"].append(f"batch {b}: {abort}")
                continue
            summary["failed"] += len(report.failed)
            summary["notices"] += len(report.notices)
            summary["over_budget"] += sum(1 for f in report.failed if "time budget" in f.reason)
            summary["slowest_item_s"] = round(max([summary["slowest_item_s"], *times]), 2)
            summary["unnamed"] += [display_name(p) for p in hostile if not _named(p, report, stored)]
            summary["good_missing"] += [display_name(p) for p in good if display_name(p) not in stored]
            summary["stored_hostile"] += sum(1 for p in hostile if display_name(p) in stored)
            if b < cli:
                done = subprocess.run([sys.executable, "-m", "storyledger.views.cli.app", "ingest", "-q", "--db",
                                       str(Path(tmp, f"cli{b}.db")), *map(str, order)], capture_output=True,
                                      text=True, errors="replace")
                if done.returncode not in (0, 1) or "Traceback" in done.stderr:
                    summary["aborts"].append(f"cli batch {b}: exit {done.returncode}: {done.stderr[-300:]}")
            print(f"batch {b + 1}/{n_batches}: {len(hostile)} hostile, failed {len(report.failed)}, "
                  f"slowest item {max(times, default=0):.1f} s", file=sys.stderr, flush=True)
    summary["shape_names"] = len(shape_names)
    print(json.dumps(summary, ensure_ascii=True))
    ok = not (summary["aborts"] or summary["unnamed"] or summary["good_missing"] or summary["over_budget"])
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["shapes", "batches"])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--batches", type=int, default=100)
    parser.add_argument("--cli", type=int, default=0, help="run the first N batches through the CLI too")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()
    if args.mode == "shapes":
        return shapes(args.budget)
    return batches(args.inputs, args.batches, args.cli, args.budget, args.seed)


if __name__ == "__main__":
    sys.exit(main())
