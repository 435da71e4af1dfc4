from datetime import UTC, date, datetime, timedelta

import pytest

from bp_till.domain.business_day import TOKYO, business_day, business_month, day_bounds, month_bounds
from bp_till.domain.errors import InvalidInput
from bp_till.domain.stay import StayPolicy, StayState, stay_status


def tokyo(*parts):
    return datetime(*parts, tzinfo=TOKYO)


def test_business_day_cutoff_at_five():
    assert business_day(tokyo(2026, 11, 25, 4, 59, 59)) == date(2026, 11, 24)
    assert business_day(tokyo(2026, 11, 25, 5, 0)) == date(2026, 11, 25)
    assert business_day(tokyo(2026, 11, 25, 1, 30)) == date(2026, 11, 24)


def test_business_day_of_a_utc_time():
    # 16:30 UTC on the 24th is 01:30 on the 25th in Tokyo: still the 24th's night.
    assert business_day(datetime(2026, 11, 24, 16, 30, tzinfo=UTC)) == date(2026, 11, 24)


def test_naive_time_refused():
    with pytest.raises(InvalidInput, match="time zone"):
        business_day(datetime(2026, 11, 24, 12, 0))


def test_month_turns_at_five_on_the_first():
    assert business_month(tokyo(2026, 12, 1, 4, 59)) == "2026-11"
    assert business_month(tokyo(2026, 12, 1, 5, 0)) == "2026-12"
    start, end = month_bounds("2026-12")
    assert (start, end) == (tokyo(2026, 12, 1, 5), tokyo(2027, 1, 1, 5))


def test_day_bounds():
    assert day_bounds(date(2026, 11, 24)) == (tokyo(2026, 11, 24, 5), tokyo(2026, 11, 25, 5))


@pytest.mark.parametrize(
    "minutes, extensions, state",
    [(0, 0, StayState.OK), (79, 0, StayState.OK), (80, 0, StayState.WARNING),
     (89, 0, StayState.WARNING), (90, 0, StayState.OVER), (100, 1, StayState.OK),
     (110, 1, StayState.WARNING), (120, 1, StayState.OVER)],
)
def test_stay_warns_at_the_limit(minutes, extensions, state):
    opened = tokyo(2026, 11, 24, 19, 0)
    status = stay_status(opened, opened + timedelta(minutes=minutes), 90 + 30 * extensions,
                         StayPolicy())
    assert status.state is state
    assert status.label == f"{minutes} / {90 + 30 * extensions} min"
