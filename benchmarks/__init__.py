"""Benchmarks for conflict-kg: run them all with ``make bench`` (``python -m benchmarks.run``)."""
