"""Closing out the night: the day's report, and the one transaction that locks the day.

``close_day`` refuses while checks are still open, then in one transaction
records the count and the figures, marks the business day closed, appends the
``day.closed`` event and the audit entry. Printing the report and forcing a
sync are the caller's next steps: a printer jam or a dead network must not
undo a close that has happened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bp_till.domain.business_day import business_day, day_bounds
from bp_till.domain.cash import CashCount, check_float, count_cash
from bp_till.domain.closeout import DayFigures, day_figures
from bp_till.domain.errors import ChecksStillOpen, DayClosed, InvalidInput
from bp_till.services.context import TillContext
from bp_till.services.day_rows import read_day
from bp_till.services.staff import Approval, StaffMember, authorize
from bp_till.store.models import BusinessDay, Check, Staff


@dataclass(frozen=True)
class OpenCheck:
    number: int
    table: str
    opened_at: datetime


@dataclass(frozen=True)
class DayReport:
    figures: DayFigures
    closed_at: datetime | None = None
    closed_by: str | None = None
    open_checks: tuple[OpenCheck, ...] = ()

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def as_json(self) -> dict:
        """What `bp-till report day --json` prints: the figures, and whether the day is locked."""
        return {
            "business_day": self.figures.business_day.isoformat(),
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "closed_by": self.closed_by,
            "open_checks": [
                {"number": c.number, "table": c.table, "opened_at": c.opened_at.isoformat()}
                for c in self.open_checks
            ],
            "figures": self.figures.as_json(),
        }


def current_day(ctx: TillContext) -> date:
    return business_day(ctx.clock.now())


def _open_checks(session: Session, day: date) -> tuple[OpenCheck, ...]:
    """Checks still open that were opened before the day ended (any left from before, too)."""
    rows = session.execute(
        select(Check.number, Check.table_label, Check.opened_at)
        .where(Check.status == "open", Check.opened_at < day_bounds(day)[1])
        .order_by(Check.number)
    )
    return tuple(OpenCheck(*row) for row in rows)


def _stored_count(record: BusinessDay | None) -> tuple[int, CashCount | None]:
    if record is None or record.cash_count is None:
        return 0, None
    pieces = {int(value): count for value, count in json.loads(record.cash_count).items()}
    return record.opening_float or 0, count_cash(pieces)


def _report(session: Session, day: date) -> DayReport:
    record = session.get(BusinessDay, day)
    figures = day_figures(read_day(session, day), *_stored_count(record))
    if record is not None and record.status == "closed":
        closer = session.get(Staff, record.closed_by)
        return DayReport(figures, record.closed_at, closer.name if closer else None)
    return DayReport(figures, open_checks=_open_checks(session, day))


def day_report(ctx: TillContext, day: date | None = None) -> DayReport:
    """The figures of a business day (default: the current one), closed or not."""
    with ctx.store.read() as session:
        return _report(session, day or current_day(ctx))


def _refuse_open_checks(open_checks: tuple[OpenCheck, ...]) -> None:
    if not open_checks:
        return
    shown = ", ".join(f"#{c.number} ({c.table})" for c in open_checks[:8])
    more = f" and {len(open_checks) - 8} more" if len(open_checks) > 8 else ""
    count = "1 check is" if len(open_checks) == 1 else f"{len(open_checks)} checks are"
    raise ChecksStillOpen(
        f"{count} still open: {shown}{more}. Settle or cancel them before closing out."
    )


def close_day(
    ctx: TillContext,
    actor: StaffMember,
    day: date,
    opening_float: int,
    counted: Mapping[int, int],
    approval: Approval | None = None,
) -> DayReport:
    """Lock a business day with its cash count; returns the report as closed."""
    opening_float = check_float(opening_float)
    count = count_cash(counted)
    if day > current_day(ctx):
        raise InvalidInput(f"Business day {day.isoformat()} has not begun; it cannot be closed.")
    approver = authorize(ctx, actor, "shift_lead", approval, "close out the day")
    with ctx.uow() as uow:
        record = uow.session.get(BusinessDay, day)
        if record is not None and record.status == "closed":
            raise DayClosed(f"Business day {day.isoformat()} is closed out already.")
        _refuse_open_checks(_open_checks(uow.session, day))
        figures = day_figures(read_day(uow.session, day), opening_float, count)
        if record is None:
            record = BusinessDay(day=day)
            uow.session.add(record)
        record.status, record.closed_at, record.closed_by = "closed", uow.now, actor.id
        record.close_approved_by = approver.id if approver else None
        record.opening_float, record.counted_cash = opening_float, count.total
        record.cash_count = json.dumps(count.as_dict())
        as_json = figures.as_json()
        record.figures = json.dumps(as_json, ensure_ascii=False)
        uow.emit("day.closed", {
            "business_day": day.isoformat(), "closed_at": uow.now.isoformat(),
            "closed_by": actor.name, "approved_by": approver.name if approver else None,
            "figures": as_json,
        })
        uow.audit("day.closed", actor.id, approver_id=record.close_approved_by,
                  subject=f"day:{day.isoformat()}", net_sales=figures.net_sales,
                  over_short=figures.drawer.over_short)
        uow.commit()
        return DayReport(figures, uow.now, actor.name)
