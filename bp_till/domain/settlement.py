"""Paying a check: cash with change, card, e-money, or a split of them.

Only cash gives change: card and e-money are charged exactly what they are
given, and together may not exceed the total. The cash tendered must cover
the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bp_till.domain.errors import InvalidInput, PaymentShort
from bp_till.domain.money import MAX_UNIT_PRICE, require_whole, yen
from bp_till.domain.text import shown

CASH, CARD, EMONEY = "cash", "card", "emoney"
METHODS = (CASH, CARD, EMONEY)
REVENUE_STAMP_THRESHOLD = 50_000  # a cash receipt from here on needs 収入印紙
MAX_TENDER = 10 * MAX_UNIT_PRICE


@dataclass(frozen=True)
class Tender:
    """What the customer hands over for one method (cash: the notes given)."""

    method: str
    amount: int


@dataclass(frozen=True)
class AppliedPayment:
    method: str
    amount: int  # what pays the check
    tendered: int  # what was handed over (differs only for cash)


@dataclass(frozen=True)
class Settlement:
    payments: tuple[AppliedPayment, ...]
    change: int

    @property
    def cash_received(self) -> int:
        return sum(p.amount for p in self.payments if p.method == CASH)

    @property
    def needs_revenue_stamp(self) -> bool:
        return self.cash_received >= REVENUE_STAMP_THRESHOLD


def _check_tender(tender: Tender) -> None:
    if not isinstance(tender, Tender):
        raise InvalidInput("A payment is a method and an amount.")
    if tender.method not in METHODS:
        raise InvalidInput(f"Unknown payment method {shown(tender.method)}.")
    amount = require_whole(tender.amount, "A payment in yen")
    if amount <= 0:
        raise InvalidInput("A payment must be more than ¥0.")
    if amount > MAX_TENDER:
        raise InvalidInput(f"A payment over {yen(MAX_TENDER)} is refused; check the amount.")


def settle(total: int, tenders: Sequence[Tender]) -> Settlement:
    """Apply tenders to a check total; refuse a short payment or an overcharge."""
    for tender in tenders:
        _check_tender(tender)
    non_cash = sum(t.amount for t in tenders if t.method != CASH)
    cash = sum(t.amount for t in tenders if t.method == CASH)
    if non_cash > total:
        raise InvalidInput(
            f"Card and e-money ({yen(non_cash)}) are more than the check ({yen(total)})."
        )
    cash_due = total - non_cash
    if cash < cash_due:
        raise PaymentShort(f"{yen(cash_due - cash)} short: the check is {yen(total)}.")
    if cash and not cash_due:
        raise InvalidInput("Card and e-money already cover the check; give the cash back.")
    applied = [AppliedPayment(t.method, t.amount, t.amount) for t in tenders if t.method != CASH]
    if cash:
        applied.append(AppliedPayment(CASH, cash_due, cash))
    return Settlement(tuple(applied), cash - cash_due)
