"""The figures of a business day, from plain rows: one computation for every report.

The service, the CLI (text and JSON), the printed report and the close-out
screen all show what ``day_figures`` returns, so they cannot disagree.

What counts where:
- a *standing* check is settled on the day and not voided since; sales, tax,
  payments, categories, hours, points, cast credits and backs come from these;
- a voided check (same night, with a manager) is listed under voids, not sold;
- a refund counts on the day it was given (a negative entry), whatever day the
  sale was: the original day's figures never change after its close;
- tax per rate is the sum of the tax printed on each receipt (once per receipt
  per rate), so the report agrees with the receipts to the yen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime

from bp_till.domain.backs import CastBacks, cast_backs
from bp_till.domain.business_day import CUTOFF, TOKYO
from bp_till.domain.cash import CashCount, Drawer
from bp_till.domain.day_rows import DayRows, RefundRow, SaleCheck, SaleLine
from bp_till.domain.money import Category, TaxRate, tax_included
from bp_till.domain.settlement import CASH, METHODS


@dataclass(frozen=True)
class RateFigure:
    rate: int
    sales: int
    refunds: int
    net: int
    tax: int  # as printed: the receipts' tax minus the refund receipts' tax


@dataclass(frozen=True)
class MethodFigure:
    method: str
    sales: int
    refunds: int
    net: int


@dataclass(frozen=True)
class CategoryFigure:
    category: str
    quantity: int  # sold minus given back
    sales: int
    refunds: int
    net: int


@dataclass(frozen=True)
class HourFigure:
    hour: int  # Tokyo clock hour of the settle
    checks: int
    sales: int


@dataclass(frozen=True)
class VoidFigure:
    check_number: int
    table: str
    total: int
    voided_at: datetime
    voided_by: str
    approved_by: str | None
    reason: str


@dataclass(frozen=True)
class RefundFigure:
    number: int
    check_number: int
    original_day: date
    refunded_at: datetime
    total: int
    payments: dict[str, int]
    refunded_by: str
    approved_by: str | None
    reason: str


@dataclass(frozen=True)
class CastFigure:
    code: str
    name: str
    cheki: int
    cheki_amount: int
    cast_drinks: int
    cast_drink_amount: int
    nominations: int
    nomination_amount: int
    till_votes: int


@dataclass(frozen=True)
class PointsFigure:
    spend_issued: int
    vote_issued: int
    spend_reversed: int  # by the day's refunds, negative
    vote_reversed: int

    @property
    def spend_net(self) -> int:
        return self.spend_issued + self.spend_reversed

    @property
    def vote_net(self) -> int:
        return self.vote_issued + self.vote_reversed


@dataclass(frozen=True)
class DrawerFigure:
    opening_float: int
    cash_sales: int
    cash_refunds: int
    expected: int
    counted: int | None
    over_short: int | None
    counts: dict[str, int]


@dataclass(frozen=True)
class DayFigures:
    business_day: date
    checks: int
    guests: int
    extensions: int  # stays extended on the standing checks
    gross_sales: int
    refunds: int
    net_sales: int
    average_per_check: int
    average_per_guest: int
    tax: tuple[RateFigure, ...]
    payments: tuple[MethodFigure, ...]
    categories: tuple[CategoryFigure, ...]
    hours: tuple[HourFigure, ...]
    voids: tuple[VoidFigure, ...]
    refund_list: tuple[RefundFigure, ...]
    cancelled_checks: int
    voided_lines: int
    voided_line_amount: int
    cards_issued: int
    cards_replaced: int
    points: PointsFigure
    cast: tuple[CastFigure, ...]
    backs: tuple[CastBacks, ...]  # each cast member's backs for payroll, per item
    drawer: DrawerFigure
    training_checks: int = 0  # practice checks the figures leave out, so the lead sees them

    def as_json(self) -> dict:
        """Plain JSON types: dates and times as ISO text, yen and points as integers."""
        return _plain(self)


def _plain(value):
    if is_dataclass(value):
        out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        if isinstance(value, PointsFigure):
            out |= {"spend_net": value.spend_net, "vote_net": value.vote_net}
        if isinstance(value, CastBacks):
            out |= {"count": value.count, "total": value.total}
        return out
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def business_hour_order(hour: int) -> int:
    """Hours sort as the night runs: 05:00 first, 04:00 last."""
    return (hour - CUTOFF.hour) % 24


def day_figures(
    rows: DayRows, opening_float: int = 0, counted: CashCount | None = None
) -> DayFigures:
    """The day's figures; the drawer is counted only at close (before, it shows expected)."""
    standing = [c for c in rows.checks if c.void is None]
    gross = sum(c.total for c in standing)
    refunded = sum(r.total for r in rows.refunds)
    guests = sum(c.guests for c in standing)
    return DayFigures(
        business_day=rows.day,
        checks=len(standing),
        guests=guests,
        extensions=sum(c.extensions for c in standing),
        gross_sales=gross,
        refunds=refunded,
        net_sales=gross + refunded,
        average_per_check=gross // len(standing) if standing else 0,
        average_per_guest=gross // guests if guests else 0,
        tax=_tax(rows),
        payments=_payments(rows),
        categories=_categories(rows),
        hours=_hours(standing),
        voids=tuple(_void(c) for c in rows.checks if c.void is not None),
        refund_list=tuple(_refund(r) for r in rows.refunds),
        cancelled_checks=rows.cancelled_checks,
        voided_lines=rows.voided_lines,
        voided_line_amount=rows.voided_line_amount,
        cards_issued=rows.cards_issued,
        cards_replaced=rows.cards_replaced,
        points=PointsFigure(
            sum(c.spend_points for c in standing), sum(c.vote_points for c in standing),
            sum(r.spend_points for r in rows.refunds), sum(r.vote_points for r in rows.refunds),
        ),
        cast=_cast(rows),
        backs=cast_backs(rows.back_lines, rows.back_rates),
        drawer=_drawer(Drawer(opening_float, *cash_taken(rows), counted)),
        training_checks=rows.training_checks,
    )


def _receipt_taxes(rows: DayRows) -> dict[int, int]:
    """Tax per rate summed over receipts (sales and refunds), each taxed once per rate."""
    per_receipt: dict[tuple, int] = defaultdict(int)
    in_parts = {check_id for check_id, *_ in rows.part_receipts}
    for line in rows.lines:
        if line.check_id not in in_parts:  # a check paid in parts printed a receipt a part
            per_receipt[("sale", line.check_id, line.tax_rate)] += line.amount
    for check_id, part, rate, amount in rows.part_receipts:
        per_receipt[("part", (check_id, part), rate)] += amount
    for refund in rows.refunds:
        for line in refund.lines:
            per_receipt[("refund", refund.number, line.tax_rate)] += line.amount
    tax: dict[int, int] = defaultdict(int)
    for (_, _, rate), amount in per_receipt.items():
        tax[rate] += tax_included(amount, TaxRate(rate))
    return tax


def _tax(rows: DayRows) -> tuple[RateFigure, ...]:
    tax = _receipt_taxes(rows)
    sales, back = _sum_by(rows.lines, "tax_rate"), _sum_by(_given_back(rows), "tax_rate")
    return tuple(
        RateFigure(rate, sales.get(rate, 0), back.get(rate, 0),
                   sales.get(rate, 0) + back.get(rate, 0), tax[rate])
        for rate in sorted(set(sales) | set(back), reverse=True)
    )


def _given_back(rows: DayRows) -> list[SaleLine]:
    return [line for refund in rows.refunds for line in refund.lines]


def _sum_by(lines: Iterable[SaleLine], key: str) -> dict:
    sums: dict = defaultdict(int)
    for line in lines:
        sums[getattr(line, key)] += line.amount
    return sums


def _payments(rows: DayRows) -> tuple[MethodFigure, ...]:
    sales: dict[str, int] = defaultdict(int)
    back: dict[str, int] = defaultdict(int)
    for paid in rows.payments:
        sales[paid.method] += paid.amount
    for refund in rows.refunds:
        for method, amount in refund.payments:
            back[method] += amount
    return tuple(
        MethodFigure(m, sales[m], back[m], sales[m] + back[m])
        for m in METHODS if m in sales or m in back
    )


def _categories(rows: DayRows) -> tuple[CategoryFigure, ...]:
    refund_lines = _given_back(rows)
    sales, back = _sum_by(rows.lines, "category"), _sum_by(refund_lines, "category")
    quantity: dict[str, int] = defaultdict(int)
    for line in [*rows.lines, *refund_lines]:
        quantity[line.category] += line.quantity
    return tuple(
        CategoryFigure(c, quantity[c], sales.get(c, 0), back.get(c, 0),
                       sales.get(c, 0) + back.get(c, 0))
        for c in Category.ALL if c in quantity
    )


def _hours(standing: list[SaleCheck]) -> tuple[HourFigure, ...]:
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for check in standing:
        slot = counts[check.settled_at.astimezone(TOKYO).hour]
        slot[0] += 1
        slot[1] += check.total
    return tuple(
        HourFigure(hour, *counts[hour]) for hour in sorted(counts, key=business_hour_order)
    )


def _void(check: SaleCheck) -> VoidFigure:
    v = check.void
    return VoidFigure(check.number, check.table, check.total, v.at, v.by, v.approved_by, v.reason)


def _refund(r: RefundRow) -> RefundFigure:
    payments: dict[str, int] = defaultdict(int)
    for method, amount in r.payments:
        payments[method] += amount
    return RefundFigure(r.number, r.check_number, r.original_day, r.at, r.total,
                        dict(payments), r.by, r.approved_by, r.reason)


def _cast(rows: DayRows) -> tuple[CastFigure, ...]:
    tally: dict[str, dict] = {}

    def slot(code: str, name: str) -> dict:
        return tally.setdefault(code, {"name": name, "votes": 0} | {
            category: [0, 0] for category in Category.CAST_CREDITED})

    for line in [*rows.lines, *_given_back(rows)]:
        if line.cast_code and line.category in Category.CAST_CREDITED:
            counted = slot(line.cast_code, line.cast_name or line.cast_code)[line.category]
            counted[0] += line.quantity
            counted[1] += line.amount
    for vote in rows.till_votes:
        slot(vote.cast_code, vote.cast_name)["votes"] += vote.points
    return tuple(
        CastFigure(code, t["name"], *t[Category.CHEKI], *t[Category.CAST_DRINK],
                   *t[Category.NOMINATION], t["votes"])
        for code, t in sorted(tally.items())
    )


def _drawer(drawer: Drawer) -> DrawerFigure:
    counted = drawer.counted
    return DrawerFigure(
        drawer.opening_float, drawer.cash_sales, drawer.cash_refunds, drawer.expected,
        counted.total if counted else None, drawer.over_short,
        counted.as_dict() if counted else {},
    )


def cash_taken(rows: DayRows) -> tuple[int, int]:
    """Cash in for standing checks and cash out for refunds (negative) on the day."""
    cash_in = sum(p.amount for p in rows.payments if p.method == CASH)
    cash_out = sum(a for r in rows.refunds for m, a in r.payments if m == CASH)
    return cash_in, cash_out
