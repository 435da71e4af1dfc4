"""`make bench`: every figure of DESIGN §7 next to a baseline measured in the same run.

Each ``bench_*.py`` module here offers ``figures(env) -> list[Figure]``; the runner
(``python -m tests.benchmarks``) collects them, prints one table and exits 1 when a
goal is missed. pytest does not collect these files (they are not ``test_*.py``).
"""
