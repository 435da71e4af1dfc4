"""Vote points given to cast members, and the monthly ranking they make.

A producer spends vote points on one or more cast members; a balance never
goes below zero. The ranking of a business month orders cast members by the
vote points they received; a tie goes to the one who reached that total first
(the earlier last vote), then to the lower cast code, so the order never
depends on how a database happens to return rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import require_whole

MAX_VOTE = 1_000_000
TIE_BREAK_RULE = "Equal points: whoever reached the total first ranks higher."


@dataclass(frozen=True)
class Allocation:
    cast_code: str
    points: int


def check_allocations(allocations: Iterable[Allocation], balance: int) -> list[Allocation]:
    """Merge allocations per cast member and refuse zero, negative or more than the balance."""
    merged: dict[str, int] = {}
    for allocation in allocations:
        points = require_whole(allocation.points, "Vote points")
        if points <= 0:
            raise InvalidInput("Vote points given must be at least 1.")
        if points > MAX_VOTE:
            raise InvalidInput(f"More than {MAX_VOTE:,} vote points at once is refused.")
        merged[allocation.cast_code] = merged.get(allocation.cast_code, 0) + points
    if not merged:
        raise InvalidInput("Choose at least one cast member to vote for.")
    total = sum(merged.values())
    if total > balance:
        raise InvalidInput(
            f"That is {total:,} vote points; the producer has {balance:,}."
        )
    return [Allocation(code, points) for code, points in merged.items()]


@dataclass(frozen=True)
class CastScore:
    """One cast member's month so far: points, and when the last of them arrived."""

    cast_code: str
    points: int
    last_vote_at: datetime


@dataclass(frozen=True)
class RankingRow:
    place: int
    cast_code: str
    points: int
    last_vote_at: datetime


def _order(score: CastScore) -> tuple:
    return (-score.points, score.last_vote_at, score.cast_code)


def rank_cast(scores: Iterable[CastScore]) -> list[RankingRow]:
    """The board: most points first; ties by the earlier last vote, then by cast code.

    The tie-break is total, so every place is held by exactly one cast member.
    """
    ordered = sorted((s for s in scores if s.points > 0), key=_order)
    return [RankingRow(n, s.cast_code, s.points, s.last_vote_at) for n, s in enumerate(ordered, 1)]


def winner(scores: Iterable[CastScore]) -> RankingRow | None:
    """The month's winner: place 1 once the month is over (None if nobody got a vote)."""
    board = rank_cast(scores)
    return board[0] if board else None
