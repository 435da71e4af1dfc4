"""What the register screens show: the floor's open checks and one check in full.

Read-only views built from the store in one read session each, so a screen
redraw is one or two indexed queries and never takes the write lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from bp_till.domain.errors import NotFound
from bp_till.domain.money import RateTotal, TaxRate, totals_by_rate
from bp_till.domain.points import Rank, spend_points, vote_points
from bp_till.domain.stay import StayPolicy, StayStatus, stay_status
from bp_till.services.context import TillContext
from bp_till.services.stay import rule_in_force
from bp_till.store.models import (
    CastMember,
    Check,
    CheckLine,
    CheckPart,
    MenuItem,
    Producer,
    Refund,
)


@dataclass(frozen=True)
class OpenCheck:
    """One open check as a floor tile shows it."""

    check_id: int
    number: int
    table: str
    guests: int
    takeout: bool
    opened_at: datetime
    stay: StayStatus
    total: int
    has_producer: bool


@dataclass(frozen=True)
class LineView:
    line_id: int
    item_code: str
    name_ja: str
    name_en: str
    category: str
    quantity: int
    unit_price: int
    tax_rate: int
    cast_name: str | None
    voided: bool
    void_reason: str | None

    @property
    def amount(self) -> int:
        return self.unit_price * self.quantity

    @property
    def reduced(self) -> bool:
        return self.tax_rate == TaxRate.REDUCED


@dataclass(frozen=True)
class ProducerOnCheck:
    """The producer attached to a check, and what this check will earn them."""

    login_id: str
    card_number: str | None
    rank: Rank
    multiplier_pct: int  # the rank held when the check opened
    rank_name: str
    spend_points: int  # lifetime
    vote_points: int  # balance
    next_rank: Rank | None
    points_to_next: int
    earn_spend: int  # this check, at its current total
    earn_votes: int


@dataclass(frozen=True)
class CheckDetail:
    check_id: int
    number: int
    table: str
    guests: int
    takeout: bool
    status: str
    opened_at: datetime
    stay: StayStatus
    lines: tuple[LineView, ...]
    rate_totals: tuple[RateTotal, ...]
    total: int
    producer: ProducerOnCheck | None
    stay_rule: StayPolicy  # in force tonight: what Extend charges and adds
    training: bool = False  # a practice check: marked on screen, earns nothing

    @property
    def live_lines(self) -> list[LineView]:
        return [line for line in self.lines if not line.voided]


def open_checks(ctx: TillContext) -> list[OpenCheck]:
    """Every open check, oldest first, with its running total and stay."""
    now = ctx.clock.now()
    live_total = (
        select(func.coalesce(func.sum(CheckLine.unit_price * CheckLine.quantity), 0))
        .where(CheckLine.check_id == Check.id, CheckLine.voided_at.is_(None))
        .scalar_subquery()
    )
    with ctx.store.read() as session:
        rule = rule_in_force(ctx, session)
        rows = session.execute(
            select(Check, live_total).where(Check.status == "open").order_by(Check.opened_at)
        ).all()
        return [
            OpenCheck(
                check.id, check.number, check.table_label, check.guests, check.takeout,
                check.opened_at, _stay(check, now, rule),
                total, check.producer_id is not None,
            )
            for check, total in rows
        ]


def _stay(check: Check, now: datetime, rule: StayPolicy) -> StayStatus:
    """Against the minutes the check was seated for; take-out has none and never warns."""
    return stay_status(check.opened_at, now, check.stay_minutes or rule.limit_minutes, rule)


_LINE_COLUMNS = (
    CheckLine.id, MenuItem.code, CheckLine.name_ja, CheckLine.name_en, CheckLine.category,
    CheckLine.quantity, CheckLine.unit_price, CheckLine.tax_rate, CastMember.stage_name,
    CheckLine.voided_at.is_not(None), CheckLine.void_reason,
)


def check_detail(ctx: TillContext, check_id: int) -> CheckDetail:
    """The check as the screen shows it; redrawn after every item, so kept to plain rows."""
    with ctx.store.read() as session:
        check = session.get(Check, check_id)
        if check is None:
            raise NotFound(f"Check {check_id} does not exist.")
        rows = session.execute(
            select(*_LINE_COLUMNS)
            .join(MenuItem, MenuItem.id == CheckLine.menu_item_id)
            .outerjoin(CastMember, CastMember.id == CheckLine.cast_id)
            .where(CheckLine.check_id == check_id).order_by(CheckLine.id)
        ).all()
        lines = tuple(LineView(*row) for row in rows)
        live = [line for line in lines if not line.voided]
        total = sum(line.amount for line in live)
        producer = session.get(Producer, check.producer_id) if check.producer_id else None
        rule = rule_in_force(ctx, session)
        return CheckDetail(
            check.id, check.number, check.table_label, check.guests, check.takeout, check.status,
            check.opened_at, _stay(check, ctx.clock.now(), rule),
            lines,
            tuple(totals_by_rate((TaxRate(line.tax_rate), line.amount) for line in live)),
            total,
            _producer_on_check(ctx, check, producer, total) if producer else None,
            rule,
            check.training,
        )


def _producer_on_check(ctx: TillContext, check: Check, producer: Producer, total: int):
    rank = ctx.ranks.rank_for(producer.spend_points)
    upcoming = ctx.ranks.next_rank(producer.spend_points)
    earn = 0 if check.training else spend_points(total)  # practice earns nothing
    multiplier = check.multiplier_pct or rank.multiplier_pct
    return ProducerOnCheck(
        login_id=producer.login_id,
        card_number=check.card_number,
        rank=rank,
        multiplier_pct=multiplier,
        rank_name=check.rank_name or rank.name,
        spend_points=producer.spend_points,
        vote_points=producer.vote_points,
        next_rank=upcoming,
        points_to_next=upcoming.threshold - producer.spend_points if upcoming else 0,
        earn_spend=earn,
        earn_votes=vote_points(earn, multiplier),
    )


@dataclass(frozen=True)
class ClosedCheck:
    """A settled (or later voided) check in the day's list of receipts."""

    check_id: int
    number: int
    table: str
    closed_at: datetime
    total: int
    status: str
    methods: tuple[str, ...]
    has_producer: bool
    refunded: int  # yen given back so far (a positive amount)
    training: bool = False  # a practice sale: in no figures, nothing to void or refund
    parts: int = 0  # paid in that many parts (0: in one)


def closed_checks(ctx: TillContext, day: date) -> list[ClosedCheck]:
    """The receipts of a business day, newest first, with what was refunded of each."""
    refunded = (
        select(func.coalesce(-func.sum(Refund.total), 0)).where(Refund.check_id == Check.id)
        .scalar_subquery()
    )
    parts = select(func.count(CheckPart.id)).where(CheckPart.check_id == Check.id).scalar_subquery()
    with ctx.store.read() as session:
        rows = session.execute(
            select(Check, refunded, parts).where(Check.business_day == day, Check.status != "open")
            .options(selectinload(Check.payments))
            .order_by(Check.closed_at.desc(), Check.number.desc())
        ).all()
        return [
            ClosedCheck(c.id, c.number, c.table_label, c.closed_at, c.total, c.status,
                        tuple(dict.fromkeys(p.method for p in c.payments)),
                        c.producer_id is not None, back, c.training, n_parts)
            for c, back, n_parts in rows
        ]
