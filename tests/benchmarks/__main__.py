"""``python -m tests.benchmarks [--only SUBSTRING] [--out FILE]``: run every bench module."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests import benchmarks  # noqa: E402
from tests.benchmarks.harness import Figure, table  # noqa: E402


class BenchEnv:
    """What the bench modules share: a scratch folder, and a cache for large stores."""

    def __init__(self, scratch: Path, cache: Path) -> None:
        self.scratch = scratch
        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)

    def folder(self, name: str) -> Path:
        path = self.scratch / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--only", help="run only modules whose name contains this")
    parser.add_argument("--out", help="also write the table to this file")
    parser.add_argument("--cache", default=os.environ.get("BP_TILL_BENCH_CACHE", ".bench-cache"),
                        help="where generated large stores are kept between runs")
    args = parser.parse_args(argv)
    names = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if m.name.startswith("bench_"))
    if args.only:
        names = [n for n in names if args.only in n]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bp-bench-") as scratch:
        env = BenchEnv(Path(scratch), Path(args.cache).resolve())
        for name in names:
            started = time.perf_counter()
            module = importlib.import_module(f"tests.benchmarks.{name}")
            got = module.figures(env)
            figures += got
            print(f"  {name}: {len(got)} figure(s) in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)
    text = table(figures)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    missed = [f.name for f in figures if not f.ok]
    if missed:
        print(f"Goals missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
