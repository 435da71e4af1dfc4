"""Business days as the store keeps them: open until the shift lead closes them out.

A closed day is locked: nothing more is rung up, settled, voided or refunded
on it. Corrections after the close land on the current business day.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from bp_till.domain.business_day import business_day
from bp_till.domain.errors import DayClosed, InvalidInput
from bp_till.store.models import BusinessDay
from bp_till.store.uow import UnitOfWork


def is_closed(session, day: date) -> bool:
    record = session.get(BusinessDay, day)
    return record is not None and record.status == "closed"


def open_day(uow: UnitOfWork, refusal: str) -> date:
    """Today's business day, which must still be open; recorded the first time it is used.

    ``refusal`` finishes the message when it is closed ("no more sales can land on it").
    Plain sqlite3 on the action's connection: every sale asks (see store/settle_rows.py).
    """
    day = business_day(uow.now)
    record = uow.db.execute("SELECT status FROM business_days WHERE day = ?",
                            (day.isoformat(),)).fetchone()
    if record is None:
        uow.db.execute("INSERT INTO business_days (day, status) VALUES (?, 'open')",
                       (day.isoformat(),))
    elif record[0] == "closed":
        raise DayClosed(f"Business day {day.isoformat()} is closed out; {refusal}.")
    return day


def refuse_closed_nights(session, effective_from: date, what: str) -> None:
    """A rule version may not start on a night already closed out: that night is locked."""
    closed = session.scalar(select(func.max(BusinessDay.day)).where(BusinessDay.status == "closed"))
    if closed is not None and effective_from <= closed:
        raise InvalidInput(
            f"{what} from {effective_from.isoformat()} would change nights already closed out "
            f"(up to {closed.isoformat()}); start them on "
            f"{(closed + timedelta(days=1)).isoformat()} or later."
        )
