"""The stage show schedule: a show at the start of every hour (the article's), as a rule.

A schedule names the first and the last show of a business day, how often
they come and how long each lasts. Times are Tokyo wall-clock times in the
business day's order: a show at 01:00 belongs to the night before (the day
turns at 05:00), so a late-night schedule reads 19:00 to 01:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bp_till.domain.business_day import TOKYO, business_day, day_bounds
from bp_till.domain.errors import InvalidInput

EVERY_RANGE = (15, 240)  # minutes between two shows
DAY_TURNS = time(5, 0)


def _into_day(moment: time) -> timedelta:
    """How far into a business day (from 05:00) a wall-clock time falls."""
    minutes = moment.hour * 60 + moment.minute - (DAY_TURNS.hour * 60 + DAY_TURNS.minute)
    return timedelta(minutes=minutes % (24 * 60))


@dataclass(frozen=True)
class ShowSchedule:
    first: time = time(12, 0)
    last: time = time(22, 0)
    every_minutes: int = 60
    length_minutes: int = 15

    def __post_init__(self) -> None:
        for name, value in (("The first show", self.first), ("The last show", self.last)):
            if not isinstance(value, time) or value.second or value.microsecond:
                raise InvalidInput(f"{name} is a time of day in hours and minutes.")
        low, high = EVERY_RANGE
        if not isinstance(self.every_minutes, int) or not low <= self.every_minutes <= high:
            raise InvalidInput(f"Shows come every {low} to {high} minutes.")
        if not isinstance(self.length_minutes, int) or not 1 <= self.length_minutes <= self.every_minutes:
            raise InvalidInput("A show lasts at least 1 minute and no longer than the time "
                               "between two shows.")
        if _into_day(self.last) < _into_day(self.first):
            raise InvalidInput("The last show comes before the first one in the business day "
                               "(which turns at 05:00).")

    def shows_on(self, day: date) -> list[datetime]:
        """The start of every show of that business day, as aware Tokyo times."""
        opening, _ = day_bounds(day)
        start, end = _into_day(self.first), _into_day(self.last)
        step = timedelta(minutes=self.every_minutes)
        count = int((end - start) / step) + 1
        return [(opening + start + n * step).astimezone(TOKYO) for n in range(count)]

    def next_show(self, now: datetime) -> datetime | None:
        """The next show that has not started yet: tonight's, else the next business day's first."""
        today = business_day(now)
        for day in (today, today + timedelta(days=1)):
            for start in self.shows_on(day):
                if start > now:
                    return start
        return None

    def on_stage(self, now: datetime) -> datetime | None:
        """The start of the show under way at ``now``, if one is."""
        length = timedelta(minutes=self.length_minutes)
        for start in self.shows_on(business_day(now)):
            if start <= now < start + length:
                return start
        return None


def crosses(show: datetime | None, now: datetime, stay_ends: datetime) -> bool:
    """Whether a table still seated at ``now`` stays past the start of ``show``."""
    return show is not None and now < show < stay_ends
