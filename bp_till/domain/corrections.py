"""The rules of a void or a refund: where the money goes back, which points come back.

A refund is paid back by the methods the check was paid with, in the order
they were taken (card and e-money first, cash last, as settle records them),
each up to what it has not already given back. Points come back as the check
would have earned them without the refunded lines: spend points fully, vote
points only as far as the producer still holds them (votes already given to a
cast member stay given; the shortfall is recorded).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import yen
from bp_till.domain.points import spend_points, vote_points


def refund_split(
    paid: Sequence[tuple[str, int]], refunded: Mapping[str, int], amount: int
) -> list[tuple[str, int]]:
    """Split a refund of ``amount`` yen over the methods paid; amounts come back positive.

    ``refunded`` is what each method has already given back (positive yen).
    """
    by_method: dict[str, int] = {}
    for method, paid_amount in paid:
        by_method[method] = by_method.get(method, 0) + paid_amount
    left, split = amount, []
    for method, paid_amount in by_method.items():
        take = min(left, paid_amount - refunded.get(method, 0))
        if take > 0:
            split.append((method, take))
            left -= take
    if left > 0:
        raise InvalidInput(f"That is {yen(left)} more than is left to refund on the check.")
    return split


@dataclass(frozen=True)
class PointsBack:
    """Points a correction takes back (positive numbers) and votes it could not."""

    spend: int
    vote: int
    votes_already_spent: int


def points_back(
    check_total: int,
    refunded_before: int,
    refunding: int,
    multiplier_pct: int,
    balances: tuple[int, int],
) -> PointsBack:
    """What a refund of ``refunding`` yen (or a void of the whole check) takes back.

    ``balances`` is the producer's (lifetime spend, vote balance) now; neither
    may go below zero.
    """
    before = spend_points(check_total - refunded_before)
    after = spend_points(check_total - refunded_before - refunding)
    spend_balance, vote_balance = balances
    votes_due = vote_points(before, multiplier_pct) - vote_points(after, multiplier_pct)
    votes = min(votes_due, vote_balance)
    return PointsBack(min(before - after, spend_balance), votes, votes_due - votes)
