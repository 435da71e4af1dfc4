"""Business days and months in Asia/Tokyo with the 05:00 cut-off.

A night at the café runs past midnight: a check closed at 01:30 on the 25th
belongs to the business day of the 24th. Monthly rankings use the business
day's month, so the month turns at 05:00 on the 1st.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bp_till.domain.errors import InvalidInput

TOKYO = ZoneInfo("Asia/Tokyo")
CUTOFF = time(5, 0)
_CUTOFF_DELTA = timedelta(hours=CUTOFF.hour, minutes=CUTOFF.minute)


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput("A time without a time zone cannot be placed in a business day.")


def business_day(moment: datetime) -> date:
    _require_aware(moment)
    return (moment.astimezone(TOKYO) - _CUTOFF_DELTA).date()


def business_month(moment: datetime) -> str:
    """The ranking month of a moment as ``YYYY-MM``."""
    return business_day(moment).strftime("%Y-%m")


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The half-open interval [start, end) of a business day, as aware times."""
    start = datetime.combine(day, CUTOFF, tzinfo=TOKYO)
    end = datetime.combine(day + timedelta(days=1), CUTOFF, tzinfo=TOKYO)
    return start, end


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """[05:00 on the 1st, 05:00 on the 1st of the next month) in Tokyo."""
    try:
        year, mon = (int(part) for part in month.split("-"))
        first = date(year, mon, 1)
    except ValueError:
        raise InvalidInput(f"A month is written YYYY-MM; {month!r} is not one.") from None
    following = date(year + mon // 12, mon % 12 + 1, 1)
    return day_bounds(first)[0], day_bounds(following)[0]


def previous_month(month: str) -> str:
    """The business month before ``month`` (``YYYY-MM``): whose winner the board still shows."""
    return business_month(month_bounds(month)[0] - timedelta(hours=1))
