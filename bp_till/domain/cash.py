"""Counting the drawer at close-out: notes and coins against what should be there.

The expected drawer is the float the night started with, plus the cash taken
for checks that stand, minus the cash handed back for refunds. Voided checks
are not in it: their money went back to the guest on the spot.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import require_whole, yen

DENOMINATIONS = (10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 1)
MAX_PIECES = 100_000  # more of one note or coin than any drawer holds is a typo
MAX_FLOAT = 10_000_000


@dataclass(frozen=True)
class CashCount:
    """How many of each note and coin were counted, ¥10,000 first."""

    pieces: tuple[tuple[int, int], ...]

    @property
    def total(self) -> int:
        return sum(value * count for value, count in self.pieces)

    def as_dict(self) -> dict[str, int]:
        return {str(value): count for value, count in self.pieces}


def count_cash(pieces: Mapping[int, int]) -> CashCount:
    """Check a count typed by denomination; a denomination left out counts as none."""
    unknown = [value for value in pieces if value not in DENOMINATIONS]
    if unknown:
        raise InvalidInput(f"There is no ¥{unknown[0]} note or coin.")
    for value, count in pieces.items():
        require_whole(count, f"The count of ¥{value:,}")
        if not 0 <= count <= MAX_PIECES:
            raise InvalidInput(f"The count of ¥{value:,} must be from 0 to {MAX_PIECES:,}.")
    return CashCount(tuple((value, pieces.get(value, 0)) for value in DENOMINATIONS))


def check_float(opening_float: int) -> int:
    require_whole(opening_float, "The float")
    if not 0 <= opening_float <= MAX_FLOAT:
        raise InvalidInput(f"The float must be from ¥0 to {yen(MAX_FLOAT)}.")
    return opening_float


@dataclass(frozen=True)
class Drawer:
    opening_float: int
    cash_sales: int
    cash_refunds: int  # negative: cash that left the drawer
    counted: CashCount | None = None

    @property
    def expected(self) -> int:
        return self.opening_float + self.cash_sales + self.cash_refunds

    @property
    def over_short(self) -> int | None:
        """Counted minus expected: positive is over, negative is short."""
        return None if self.counted is None else self.counted.total - self.expected


def over_short_label(difference: int | None) -> str:
    if difference is None:
        return "not counted"
    if difference == 0:
        return "even"
    return f"over {yen(difference)}" if difference > 0 else f"short {yen(-difference)}"
