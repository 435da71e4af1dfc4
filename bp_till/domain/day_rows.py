"""What the store hands the close-out: plain rows of one business day.

The service reads them with a few queries; ``closeout.day_figures`` turns them
into the figures. No SQL here, so the figures can be computed (and tested)
from rows built by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bp_till.domain.backs import BackLine, BackRates


@dataclass(frozen=True)
class VoidInfo:
    at: datetime
    by: str
    approved_by: str | None
    reason: str


@dataclass(frozen=True)
class SaleCheck:
    id: int
    number: int
    table: str
    guests: int
    total: int
    settled_at: datetime
    spend_points: int
    vote_points: int
    void: VoidInfo | None = None
    extensions: int = 0  # of the stay, each charged to every guest


@dataclass(frozen=True)
class SaleLine:
    """A line sold (on a standing check) or given back (in a refund: negative)."""

    check_id: int
    category: str
    tax_rate: int
    quantity: int
    amount: int
    cast_code: str | None = None
    cast_name: str | None = None


@dataclass(frozen=True)
class Paid:
    check_id: int
    method: str
    amount: int


@dataclass(frozen=True)
class RefundRow:
    number: int
    check_number: int
    original_day: date
    at: datetime
    total: int  # negative
    by: str
    approved_by: str | None
    reason: str
    spend_points: int  # negative: taken back
    vote_points: int  # negative: taken back
    lines: tuple[SaleLine, ...]  # negative quantities and amounts
    payments: tuple[tuple[str, int], ...]  # (method, negative amount)


@dataclass(frozen=True)
class TillVote:
    cast_code: str
    cast_name: str
    points: int


@dataclass(frozen=True)
class DayRows:
    day: date
    checks: tuple[SaleCheck, ...]
    lines: tuple[SaleLine, ...]  # live lines of standing checks
    payments: tuple[Paid, ...]  # of standing checks
    refunds: tuple[RefundRow, ...]
    cancelled_checks: int = 0  # open checks cancelled before payment
    voided_lines: int = 0
    voided_line_amount: int = 0
    cards_issued: int = 0
    cards_replaced: int = 0
    till_votes: tuple[TillVote, ...] = ()  # votes given at the till, less refused ones
    back_lines: tuple[BackLine, ...] = ()  # cast-credited lines sold and given back
    back_rates: tuple[BackRates, ...] = ()  # every saved version: a refund uses its sale's
    # Checks paid in parts: (check id, part, tax rate, amount), a receipt per part.
    part_receipts: tuple[tuple[int, int, int, int], ...] = ()
    training_checks: int = 0  # rung up in training: left out of every figure, counted here
