"""Latency of `storyledger serve` under concurrent readers: a Python load generator (threads, one
keep-alive connection each, http.client), against a server it starts itself on 127.0.0.1.

    python scripts/load.py [--db LEDGER | --articles 2000] [--concurrency 1 20 50] [--requests 1000]

Without ``--db`` it builds a synthetic ledger (storyledger.bench: made-up stories, entities and claims,
stored and linked as ingest does). Each client requests a fixed mix of what a reader opens: the story
list, story pages, entity pages, article pages, searches and the JSON API, in a seeded random order.
Prints one JSON line per concurrency: requests, errors, throughput and latency percentiles (ms).
Traffic goes to 127.0.0.1 only, and every loop is bounded by ``--requests``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from storyledger.bench.synthetic import SyntheticNews
from storyledger.bench.timing import build_ledger
from storyledger.store import open_ledger


def _paths(db: Path, rng: random.Random) -> list[str]:
    """The request mix: ids read from the ledger, so every path exists."""
    with open_ledger(db, read_only=True) as ledger:
        stories = [s.id for s in ledger.story_page(limit=50).items]
        entities = [e.id for e in ledger.entity_page(limit=50).items]
        docs = [d.id for d in ledger.document_page(limit=50).items]
        words = [w for d in ledger.document_page(limit=20).items for w in (d.title or "").split()[:3]]
    mix = ["/", "/stories/all", "/documents", "/entities", "/api/stories", "/api/claims?limit=50"]
    mix += [f"/stories/{s}" for s in stories[:10]] + [f"/api/statements?story={s}" for s in stories[:5]]
    mix += [f"/entities/{e}" for e in entities[:10]] + [f"/api/entities/{e}" for e in entities[:5]]
    mix += [f"/documents/{d}" for d in docs[:10]] + [f"/api/documents/{d}" for d in docs[:5]]
    mix += [f"/search?q={w}" for w in rng.sample(words, min(8, len(words)))]
    mix += [f"/api/search?q={w}" for w in rng.sample(words, min(4, len(words)))]
    return mix


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start within a minute")


def _client(port: int, paths: list[str], n: int, seed: int, out: list[tuple[str, float]], errors: list[str]) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(n):
        path = rng.choice(paths)
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Host": f"127.0.0.1:{port}"})
            res = conn.getresponse()
            res.read()
            if res.status != 200:
                errors.append(f"{res.status} {path}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out.append((path, time.perf_counter() - t0))
    conn.close()


def _route(path: str) -> str:
    """/stories/S1a2b?x=1 -> /stories/{id}: the page a path is an instance of."""
    parts = path.split("?")[0].split("/")
    if len(parts) > 2 and parts[-2] in ("stories", "entities", "documents") and parts[-1] != "all":
        parts[-1] = "{id}"
    return "/".join(parts)


def run(port: int, paths: list[str], concurrency: int, requests: int) -> dict[str, object]:
    per = max(1, requests // concurrency)
    latencies: list[list[tuple[str, float]]] = [[] for _ in range(concurrency)]
    errors: list[str] = []
    threads = [threading.Thread(target=_client, args=(port, paths, per, i, latencies[i], errors))
               for i in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - t0
    ms = sorted(x * 1000 for lat in latencies for _, x in lat)
    q = statistics.quantiles(ms, n=100)
    by_path: dict[str, list[float]] = {}
    for path, x in (item for lat in latencies for item in lat):
        by_path.setdefault(_route(path), []).append(x)
    slowest = sorted(((round(statistics.mean(v) * 1000, 1), k) for k, v in by_path.items()), reverse=True)[:5]
    return {"concurrency": concurrency, "requests": len(ms), "errors": len(errors), "rps": round(len(ms) / took, 1),
            "p50_ms": round(q[49], 1), "p90_ms": round(q[89], 1), "p99_ms": round(q[98], 1),
            "max_ms": round(ms[-1], 1), "slowest_mean_ms": slowest, "error_sample": errors[:3]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a ledger to serve (default: a synthetic one)")
    parser.add_argument("--articles", type=int, default=2000, help="size of the synthetic ledger")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 20, 50])
    parser.add_argument("--requests", type=int, default=1000, help="requests per concurrency level")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp, "load.db")
            build_ledger(db, args.articles, SyntheticNews())
        paths = _paths(db, random.Random(7))
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-c", "from storyledger.views.cli.app import main; main()",
                                   "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL)
        try:
            _wait_until_up(port, server)
            run(port, paths, 4, 100)  # warm-up: connections, caches, the page cache
            for c in args.concurrency:
                print(json.dumps(run(port, paths, c, args.requests)), flush=True)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
