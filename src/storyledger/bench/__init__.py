"""`storyledger bench ...`: what storyledger costs (linking, the per-article pipeline, workers, memory, queries)."""

from storyledger.bench.timing import BenchResult, run_bench

__all__ = ["BenchResult", "run_bench"]
