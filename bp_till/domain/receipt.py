"""What a sale receipt says: a qualified simplified invoice (適格簡易請求書).

Built once at settle from the check as it was, so a reprint shows exactly the
same figures; the printing layer only lays it out.
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

    def as_reprint(self) -> Receipt:
        return replace(self, reprint=True)
