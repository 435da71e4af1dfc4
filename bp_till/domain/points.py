"""Spend points, ranks and vote points.

Spend points (1 per ¥100 of a settled check, floored per check) accumulate for
life and set the producer's rank. Vote points of a check are its spend points
times the multiplier of the rank held when the check opened, floored, and fixed
at settle. Multipliers are kept as whole percentages (×1.5 is 150) so no float
rounding can move a vote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bp_till.domain.errors import InvalidInput

YEN_PER_SPEND_POINT = 100
MAX_MULTIPLIER_PCT = 1_000  # ×10: anything above is a typo


@dataclass(frozen=True)
class Rank:
    name: str
    threshold: int  # lifetime spend points needed
    multiplier_pct: int  # vote multiplier in percent: 150 means ×1.5

    @property
    def multiplier_label(self) -> str:
        return multiplier_label(self.multiplier_pct)


def multiplier_label(pct: int) -> str:
    """150 → "×1.5", 100 → "×1.0", 175 → "×1.75"."""
    whole, part = divmod(pct, 100)
    return f"×{whole}.{f'{part:02d}'.rstrip('0') or '0'}"


class RankTable:
    """Lifetime spend points → rank, ordered by threshold, starting at 0."""

    def __init__(self, ranks: Iterable[Rank]) -> None:
        ordered = sorted(ranks, key=lambda r: r.threshold)
        _validate(ordered)
        self.ranks: Sequence[Rank] = tuple(ordered)

    def rank_for(self, lifetime_spend_points: int) -> Rank:
        points = max(0, lifetime_spend_points)
        held = self.ranks[0]
        for rank in self.ranks:
            if points >= rank.threshold:
                held = rank
        return held

    def next_rank(self, lifetime_spend_points: int) -> Rank | None:
        """The rank after the one held, or None at the top."""
        for rank in self.ranks:
            if rank.threshold > max(0, lifetime_spend_points):
                return rank
        return None

    def by_name(self, name: str) -> Rank:
        for rank in self.ranks:
            if rank.name == name:
                return rank
        raise InvalidInput(f"No rank named {name!r}.")


def _validate(ranks: list[Rank]) -> None:
    if not ranks or ranks[0].threshold != 0:
        raise InvalidInput("A rank table needs a first rank at 0 points.")
    names = [r.name for r in ranks]
    if any(not isinstance(n, str) or not n.strip() or len(n) > 32 for n in names):
        raise InvalidInput("A rank needs a name of 1 to 32 characters.")
    if len(set(names)) != len(names):
        raise InvalidInput("Rank names must be unique.")
    thresholds = [r.threshold for r in ranks]
    if len(set(thresholds)) != len(thresholds):
        raise InvalidInput("Two ranks cannot share a threshold.")
    pcts = [r.multiplier_pct for r in ranks]
    if any(p < 100 for p in pcts) or pcts != sorted(pcts):
        raise InvalidInput("Multipliers start at ×1.0 and never fall as the rank rises.")
    if pcts[-1] > MAX_MULTIPLIER_PCT:
        raise InvalidInput(f"A multiplier above {multiplier_label(MAX_MULTIPLIER_PCT)} is refused.")


DEFAULT_RANK_TABLE = RankTable(
    [
        Rank("Regular", 0, 100),
        Rank("Bronze", 100, 120),
        Rank("Silver", 500, 150),
        Rank("Gold", 1_500, 200),
        Rank("Platinum", 5_000, 250),
        Rank("Legend", 15_000, 300),
    ]
)


def spend_points(check_total: int) -> int:
    """Spend points of one settled check: 1 per ¥100, floored, never negative."""
    return max(0, check_total) // YEN_PER_SPEND_POINT


def vote_points(spend: int, multiplier_pct: int) -> int:
    """Vote points of a check: spend points × multiplier, floored."""
    return max(0, spend) * multiplier_pct // 100


def rank_progress(table: RankTable, lifetime_spend_points: int) -> tuple[Rank, Rank | None, int]:
    """The rank held, the next one, and the spend points still needed for it."""
    held = table.rank_for(lifetime_spend_points)
    upcoming = table.next_rank(lifetime_spend_points)
    needed = upcoming.threshold - max(0, lifetime_spend_points) if upcoming else 0
    return held, upcoming, needed
