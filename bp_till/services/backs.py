"""Cast backs: the rates a manager saves, and each cast member's backs for a night or a pay period.

The close-out and ``bp-till report backs`` read the same lines with the same
query and total them with the same domain function, so the slip, the report
and the payroll export cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, Select, func, literal, select
from sqlalchemy.orm import Session

from bp_till.domain.backs import (
    BackLine, BackRate, BackRates, CastBacks, back_rate, cast_backs,
)
from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import credits_cast
from bp_till.services.context import TillContext
from bp_till.services.days import refuse_closed_nights
from bp_till.services.inputs import shown
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import (
    BackRatesVersion, BusinessDay, CastMember, Check, CheckLine, MenuItem, Refund, RefundLine,
)

BACKS_ROLE = "manager"
MAX_PERIOD_DAYS = 366  # a pay period is a month or two; a year is the most a report covers


def saved_rates(session: Session) -> tuple[BackRates, ...]:
    """Every saved version, oldest first (a refund may need an old one)."""
    return tuple(
        BackRates(row.version, row.effective_from, {
            code: BackRate(code, rate["kind"], rate["value"])
            for code, rate in json.loads(row.rates).items()
        })
        for row in session.scalars(select(BackRatesVersion).order_by(BackRatesVersion.version))
    )


def current_rates(ctx: TillContext) -> BackRates | None:
    """The newest version saved (it may start on a later day), for the editor to start from."""
    with ctx.store.read() as session:
        versions = saved_rates(session)
    return versions[-1] if versions else None


def _credited_items(session: Session) -> dict[str, MenuItem]:
    """The menu items a back can be set on: those that name a cast member."""
    items = session.scalars(select(MenuItem).where(MenuItem.active))
    return {i.code: i for i in items if credits_cast(i.category, i.cast_credit)}


def _checked_rates(session: Session, rates: Iterable[tuple[str, str, object]]) -> dict:
    credited = _credited_items(session)
    checked: dict[str, BackRate] = {}
    for code, kind, value in rates:
        item = credited.get(code)
        if item is None:
            raise InvalidInput(f"{shown(code)} is not a menu item credited to a cast member.")
        if code in checked:
            raise InvalidInput(f"{code} has two backs; give it one.")
        checked[code] = back_rate(code, kind, value, item.price)
    return checked


def save_back_rates(ctx: TillContext, actor: StaffMember, effective_from: date,
                    rates: Iterable[tuple[str, str, object]],
                    approval: Approval | None = None) -> int:
    """A new version of the backs, in force from ``effective_from``; one transaction.

    A version cannot start on a night already closed out: the close-out printed
    each cast member's backs, and a closed day is locked.
    """
    rates = list(rates)
    approver = authorize(ctx, actor, BACKS_ROLE, approval, "change the cast backs")
    if not isinstance(effective_from, date):
        raise InvalidInput("The backs need the business day they start on.")
    with ctx.uow() as uow:
        refuse_closed_nights(uow.session, effective_from, "Backs")
        checked = _checked_rates(uow.session, rates)
        as_json = {code: {"kind": r.kind, "value": r.value} for code, r in sorted(checked.items())}
        version = (uow.session.scalar(select(func.max(BackRatesVersion.version))) or 0) + 1
        uow.session.add(BackRatesVersion(
            version=version, effective_from=effective_from, rates=json.dumps(as_json),
            created_at=uow.now, created_by=actor.id,
        ))
        uow.emit("backs.updated", {"version": version, "effective_from": effective_from.isoformat(),
                                   "rates": as_json})
        uow.audit("backs.updated", actor.id, approver_id=approver.id if approver else None,
                  version=version, effective_from=effective_from.isoformat(), items=len(as_json))
        uow.commit()
    return version


def _credited(quantity) -> Select:
    """A check line's sale day, cast member, menu code, name and price, and ``quantity``."""
    return select(Check.business_day, CastMember.code, CastMember.stage_name, MenuItem.code,
                  CheckLine.name_ja, CheckLine.unit_price, quantity)


def _of_the_sale(query: Select) -> Select:
    """The joins both halves need, from a check line: its check, cast member and menu item."""
    return (query.join(Check, Check.id == CheckLine.check_id)
            .join(CastMember, CastMember.id == CheckLine.cast_id)
            .join(MenuItem, MenuItem.id == CheckLine.menu_item_id))


def back_lines(conn: Connection, first: date, last: date) -> tuple[BackLine, ...]:
    """Cast-credited lines of standing checks settled in the days, and those given back in them.

    A refund gives back whole lines, so a line given back is its quantity, negative.
    """
    sold = _of_the_sale(_credited(CheckLine.quantity).select_from(CheckLine)).where(
        Check.business_day >= first, Check.business_day <= last,
        Check.status == "settled", Check.training.is_(False), CheckLine.voided_at.is_(None))
    given_back = _of_the_sale(
        _credited(literal(0) - CheckLine.quantity).select_from(RefundLine)
        .join(CheckLine, CheckLine.id == RefundLine.check_line_id)
        .join(Refund, Refund.id == RefundLine.refund_id)
    ).where(Refund.business_day >= first, Refund.business_day <= last)
    return tuple(BackLine(*row) for row in conn.execute(sold.union_all(given_back)).all())


@dataclass(frozen=True)
class BacksReport:
    first: date
    last: date
    casts: tuple[CastBacks, ...]

    @property
    def total(self) -> int:
        return sum(c.total for c in self.casts)

    def as_json(self) -> dict:
        return {
            "from": self.first.isoformat(), "to": self.last.isoformat(), "total": self.total,
            "cast": [{"code": c.code, "name": c.name, "count": c.count, "total": c.total,
                      "items": [{"item": i.item_code, "name": i.item_name, "count": i.count,
                                 "back": i.back} for i in c.items]} for c in self.casts],
        }

    def csv_rows(self) -> list[list]:
        """One row per cast member and item, for a payroll sheet."""
        rows: list[list] = [["from", "to", "cast_code", "stage_name", "item", "item_name",
                             "count", "back_yen"]]
        for c in self.casts:
            rows += [[self.first.isoformat(), self.last.isoformat(), c.code, c.name,
                      i.item_code, i.item_name, i.count, i.back] for i in c.items]
        return rows


def backs_report(ctx: TillContext, first: date, last: date) -> BacksReport:
    """Each cast member's backs for the business days ``first`` to ``last``, both included."""
    if last < first:
        raise InvalidInput(f"The period ends ({last.isoformat()}) before it starts "
                           f"({first.isoformat()}).")
    if (last - first).days >= MAX_PERIOD_DAYS:
        raise InvalidInput(f"A backs report covers at most {MAX_PERIOD_DAYS} days; split it.")
    with ctx.store.read() as session:
        lines = back_lines(session.connection(), first, last)
        return BacksReport(first, last, cast_backs(lines, saved_rates(session)))
