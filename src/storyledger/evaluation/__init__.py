"""Measure capabilities against development sets; the `eval` commands print these figures."""
