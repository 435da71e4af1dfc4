"""What a benchmark figure is, how it is timed, and the table `make bench` prints.

This machine is shared and noisy, so every figure carries a baseline measured
in the same run (a bare sqlite3 transaction, a bare psycopg executemany, …)
and the table shows the ratio beside the goal.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Goal:
    """What a figure must meet: ``stat`` of the samples (or the ratio) against ``limit``.

    ``stat`` is "median", "p95" or "ratio" (median over the baseline's median);
    ``below`` says whether the value must stay under the limit or reach it.
    """

    stat: str
    limit: float
    below: bool = True

    def met(self, figure: Figure) -> bool:
        value = figure.value(self.stat)
        return value <= self.limit if self.below else value >= self.limit

    def describe(self, unit: str) -> str:
        sign = "≤" if self.below else "≥"
        if self.stat == "ratio":
            return f"ratio {sign} {self.limit:g}×"
        return f"{self.stat} {sign} {self.limit:g} {unit}"


@dataclass
class Figure:
    """One row of the table. Samples and baseline are in ``unit`` already."""

    name: str
    unit: str
    samples: list[float]
    goal: Goal
    baseline: list[float] = field(default_factory=list)
    baseline_name: str = ""
    note: str = ""

    def value(self, stat: str) -> float:
        if stat == "median":
            return statistics.median(self.samples)
        if stat == "p95":
            return percentile(self.samples, 95)
        if stat == "ratio":
            return self.ratio
        raise ValueError(stat)

    @property
    def ratio(self) -> float:
        if not self.baseline:
            return float("nan")
        return statistics.median(self.samples) / statistics.median(self.baseline)

    @property
    def ok(self) -> bool:
        return self.goal.met(self)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def time_ms(action: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    """Wall-clock milliseconds of ``repeat`` calls, after a few unmeasured ones."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _fmt(value: float) -> str:
    if value != value:  # NaN: no baseline
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


HEADER = ("figure", "median", "p95", "baseline", "ratio", "goal", "")


def table(figures: list[Figure]) -> str:
    """The Markdown table the README quotes."""
    rows = [HEADER, tuple("---" for _ in HEADER)]
    for f in figures:
        base = f"{_fmt(statistics.median(f.baseline))} {f.unit}" if f.baseline else "—"
        if f.baseline_name:
            base += f" ({f.baseline_name})"
        rows.append((
            f.name,
            f"{_fmt(f.value('median'))} {f.unit}",
            f"{_fmt(f.value('p95'))} {f.unit}",
            base,
            f"{_fmt(f.ratio)}×" if f.baseline else "—",
            f.goal.describe(f.unit),
            "ok" if f.ok else "MISSED",
        ))
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)
