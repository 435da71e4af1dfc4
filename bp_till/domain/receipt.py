"""What a sale receipt says: a qualified simplified invoice (適格簡易請求書).

Built once at settle from the check as it was, so a reprint shows exactly the
same figures; the printing layer only lays it out. A refund gets its own
receipt, a return invoice (返品・返金) that names the original sale's day and
number and carries the amounts and the tax per rate as negative figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from bp_till.domain.money import RateTotal, TaxRate
from bp_till.domain.settlement import AppliedPayment


@dataclass(frozen=True)
class ReceiptLine:
    name_ja: str
    name_en: str
    quantity: int
    unit_price: int
    tax_rate: int
    cast_name: str | None = None

    @property
    def amount(self) -> int:
        return self.unit_price * self.quantity

    @property
    def reduced(self) -> bool:
        """Printed with ※, the reduced-rate mark, and explained in the legend."""
        return self.tax_rate == TaxRate.REDUCED


@dataclass(frozen=True)
class ProducerPoints:
    masked_login_id: str
    rank_name: str
    multiplier_label: str
    spend_points: int
    vote_points: int


@dataclass(frozen=True)
class Receipt:
    shop_name: str
    registration_number: str
    terminal: int
    check_number: int
    table: str
    takeout: bool
    issued_at: datetime
    business_day: date
    lines: tuple[ReceiptLine, ...]
    rate_totals: tuple[RateTotal, ...]
    total: int
    payments: tuple[AppliedPayment, ...]
    change: int
    revenue_stamp: bool
    producer: ProducerPoints | None = None
    reprint: bool = False
    voided: bool = False  # a reprint of a check voided since: not a valid receipt
    training: bool = False  # rung up in training: marked 練習 / TRAINING, not a sale
    part: int | None = None  # of a check paid in parts: which part's receipt this is

    def as_reprint(self) -> Receipt:
        return replace(self, reprint=True)


@dataclass(frozen=True)
class RefundReceipt:
    shop_name: str
    registration_number: str
    terminal: int
    refund_number: int
    issued_at: datetime
    business_day: date
    original_day: date
    original_check_number: int
    lines: tuple[ReceiptLine, ...]  # as sold; the layout prints their amounts negative
    rate_totals: tuple[RateTotal, ...]  # negative totals and tax
    total: int  # negative
    payments: tuple[AppliedPayment, ...]  # what each method gave back, negative
    reason: str
    producer: ProducerPoints | None = None  # points taken back, negative
    votes_already_spent: int = 0
    reprint: bool = False
