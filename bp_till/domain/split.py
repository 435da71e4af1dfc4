"""Splitting a check at payment: by guest (each guest's lines) or by line.

Each line of the check goes to one part, or is *shared*: a table charge or a
nomination charged per guest is split evenly over the parts to the yen, the
remainder (at most parts - 1 yen) to the first part, so the parts always add
up to the check. Every part is a settlement of its own: its own payment, its
own producer card, its own points on its own amount, its own receipt (tax
once per rate per part, as every receipt).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import RateTotal, TaxRate, totals_by_rate

MAX_PARTS = 50  # as many as a table seats
SHARED = None  # a line everyone at the table pays a share of


@dataclass(frozen=True)
class SplitLine:
    key: Hashable  # the check line it is (its id in the store)
    amount: int  # tax-inclusive yen
    tax_rate: int


@dataclass(frozen=True)
class Share:
    key: Hashable
    amount: int
    tax_rate: int
    whole: bool  # the part pays the whole line (else a share of a shared line)


@dataclass(frozen=True)
class Part:
    number: int  # 1-based, as the cashier calls them out
    shares: tuple[Share, ...]

    @property
    def total(self) -> int:
        return sum(share.amount for share in self.shares)

    @property
    def rate_totals(self) -> list[RateTotal]:
        return totals_by_rate((TaxRate(s.tax_rate), s.amount) for s in self.shares)


def shared_amounts(amount: int, parts: int) -> list[int]:
    """One shared line over the parts: even to the yen, the remainder to the first part."""
    each, remainder = divmod(amount, parts)
    return [each + remainder] + [each] * (parts - 1)


def split_check(lines: Sequence[SplitLine], assignment: Mapping[Hashable, int | None],
                parts: int) -> tuple[Part, ...]:
    """The parts of a check: every line to its part (1 … parts) or shared (None).

    Refused: fewer than 2 parts, a line left out or unknown, a part number out
    of range, a part with nothing to pay.
    """
    if isinstance(parts, bool) or not isinstance(parts, int) or not 2 <= parts <= MAX_PARTS:
        raise InvalidInput(f"A check is split into 2 to {MAX_PARTS} parts.")
    keys = [line.key for line in lines]
    if set(assignment) != set(keys):
        raise InvalidInput("Every line of the check goes to one part or is shared, once.")
    shares: list[list[Share]] = [[] for _ in range(parts)]
    for line in lines:
        part = assignment[line.key]
        if part is SHARED:
            for n, amount in enumerate(shared_amounts(line.amount, parts)):
                shares[n].append(Share(line.key, amount, line.tax_rate, False))
        elif isinstance(part, bool) or not isinstance(part, int) or not 1 <= part <= parts:
            raise InvalidInput(f"Part {part!r} does not exist: the check has {parts} parts.")
        else:
            shares[part - 1].append(Share(line.key, line.amount, line.tax_rate, True))
    result = tuple(Part(n + 1, tuple(s)) for n, s in enumerate(shares))
    empty = [part.number for part in result if part.total <= 0]
    if empty:
        raise InvalidInput(f"Part {empty[0]} has nothing to pay; give it a line or split "
                           "into fewer parts.")
    return result


def split_by_line(lines: Sequence[SplitLine], assignment: Mapping[Hashable, int]
                  ) -> tuple[Part, ...]:
    """By line: each line to one part, nothing shared; as many parts as the highest named."""
    if any(part is SHARED for part in assignment.values()):
        raise InvalidInput("Split by line gives every line to one part.")
    named = [p for p in assignment.values() if isinstance(p, int) and not isinstance(p, bool)]
    return split_check(lines, assignment, max(named, default=0))
