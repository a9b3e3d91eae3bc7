"""`storyledger bench`: what one more article costs to store and link, on small and large ledgers."""

from storyledger.bench.timing import BenchResult, run_bench

__all__ = ["BenchResult", "run_bench"]
