"""A clock set back: settling is refused until a manager has looked at the clock.

A till whose clock jumps back (a flat CMOS battery, a wrong manual setting)
would settle checks onto a business day that is already over and write
events whose times run backwards against their sequence. Every write records
its time (the newest one wins); a settle whose clock reads more than five
minutes before that is refused. Five minutes leave room for the small steps
a time service makes when it corrects a drifting clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bp_till.domain.business_day import TOKYO
from bp_till.domain.errors import ClockSetBack

MAX_SET_BACK = timedelta(minutes=5)


def set_back(now: datetime, last_write: datetime | None) -> bool:
    """Whether ``now`` is more than the tolerance before the newest write."""
    return last_write is not None and now < last_write - MAX_SET_BACK


def refuse_set_back(now: datetime, last_write: datetime | None) -> None:
    if set_back(now, last_write):
        raise ClockSetBack(
            f"The till's clock reads {_shown(now)}, but this till already wrote at "
            f"{_shown(last_write)}: the clock was set back. Nothing was settled. "
            "Fetch a manager to check the clock."
        )


def _shown(moment: datetime) -> str:
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")
