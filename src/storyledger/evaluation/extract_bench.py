"""Extraction speed of this checkout against another (main's), as a ratio of medians:

    python -m storyledger.evaluation.extract_bench --base /work/main/src [--kind html|text] [--pages 80] [--runs 5]

Each run is a fresh process that extracts the first ``--pages`` naeb pages once untimed (imports, model
loading) and then times them; runs of the two checkouts alternate, so a machine shared with other jobs slows
both alike, and the medians leave out the odd run that another job's burst slowed. The worker is a script
given to ``python -c`` so that it runs unchanged on a checkout that lacks this module."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from storyledger.config import eval_root

# Only the public entry points both checkouts have: extract() and the raw-input records.
_WORKER = """
import gzip, sys, time
from pathlib import Path
from storyledger.extract import extract
from storyledger.records import Hints, RawDocument
root, kind, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
if kind == "html":
    files = sorted((root / "html").glob("*.html.gz"))[:n]
    raws = [RawDocument(source=str(f), data=gzip.decompress(f.read_bytes()), hints=Hints(format="html")) for f in files]
else:
    files = sorted((root / "text").glob("*.txt"))[:n]
    raws = [RawDocument(source=str(f), data=f.read_bytes(), hints=Hints(format="text")) for f in files]
def run():
    failed = 0
    for raw in raws:
        try:
            extract(raw)
        except Exception:
            failed += 1
    return failed
run()
start = time.perf_counter()
failed = run()
print(len(raws) / (time.perf_counter() - start), failed)
"""


def pages_per_second(src: Path, data: Path, kind: str, pages: int) -> tuple[float, int]:
    """Pages per second of the timed pass, and how many pages failed (a failure is not timed as work)."""
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _WORKER, str(data), kind, str(pages)], env=env, capture_output=True, text=True, check=True
    )
    rate, failed = out.stdout.split()[-2:]
    return float(rate), int(failed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="the src/ folder of the checkout to compare against")
    parser.add_argument("--data", type=Path, default=eval_root() / "extract" / "naeb", help="a set in the naeb layout")
    parser.add_argument("--kind", choices=("html", "text"), default="html")
    parser.add_argument("--pages", type=int, default=80)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    here = Path(__file__).resolve().parents[2]
    base, ours, failed = [], [], [0, 0]
    for _ in range(args.runs):
        for k, (src, rates) in enumerate(((args.base, base), (here, ours))):
            rate, errors = pages_per_second(src, args.data, args.kind, args.pages)
            rates.append(rate)
            failed[k] = errors
    print(f"{args.kind}, {args.pages} pages, {args.runs} runs each (pages/s; failed pages: base {failed[0]}, this {failed[1]})")
    print(f"  base  {args.base}: " + " ".join(f"{x:.1f}" for x in base) + f"  median {statistics.median(base):.1f}")
    print(f"  this  {here}: " + " ".join(f"{x:.1f}" for x in ours) + f"  median {statistics.median(ours):.1f}")
    print(f"  speed ratio this/base: {statistics.median(ours) / statistics.median(base):.3f}")


if __name__ == "__main__":
    main()
