"""The stage show schedule: when shows start, the next one, and tables whose stay crosses it."""

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.business_day import TOKYO, business_day
from bp_till.domain.errors import InvalidInput
from bp_till.domain.shows import ShowSchedule, crosses

DAY = date(2026, 12, 6)


def at(hour: int, minute: int = 0, day: int = 6) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=TOKYO)


def test_the_cafes_default_is_a_show_at_the_start_of_every_hour_from_noon_to_ten():
    shows = ShowSchedule().shows_on(DAY)
    assert shows[0] == at(12) and shows[-1] == at(22) and len(shows) == 11
    assert all(s.minute == 0 for s in shows)


def test_a_late_schedule_runs_past_midnight_within_the_business_day():
    late = ShowSchedule(first=time(19, 30), last=time(1, 30), every_minutes=90, length_minutes=20)
    assert late.shows_on(DAY) == [at(19, 30), at(21), at(22, 30), at(0, day=7), at(1, 30, day=7)]


def test_the_next_show_and_the_one_on_stage():
    schedule = ShowSchedule()
    assert schedule.next_show(at(19, 40)) == at(20)
    assert schedule.next_show(at(20)) == at(21)  # the 20:00 show has started
    assert schedule.on_stage(at(20, 14)) == at(20) and schedule.on_stage(at(20, 15)) is None
    assert schedule.next_show(at(23, 30)) == at(12, day=7)  # after the last: tomorrow's first
    assert schedule.next_show(at(3, day=7)) == at(12, day=7)  # 03:00 is still the 6th's night


def test_a_table_whose_stay_crosses_the_next_show():
    show = at(20)
    assert crosses(show, at(19, 40), at(20, 30))
    assert not crosses(show, at(19, 40), at(19, 55))  # leaves before it
    assert not crosses(None, at(19, 40), at(23))


@pytest.mark.parametrize("rule, says", [
    (dict(every_minutes=0), "Shows come every 15 to 240 minutes."),
    (dict(every_minutes=60, length_minutes=0), "A show lasts at least 1 minute"),
    (dict(every_minutes=30, length_minutes=45), "no longer than the time between two shows"),
    (dict(first=time(22), last=time(12)), "The last show comes before the first one"),
    (dict(first=time(12, 0, 30)), "The first show is a time of day in hours and minutes."),
])
def test_a_bad_schedule_is_refused_with_a_message(rule, says):
    with pytest.raises(InvalidInput, match=says):
        ShowSchedule(**rule)


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from([15, 30, 45, 60, 90, 120]),
       st.integers(0, 24 * 60 - 1))
def test_shows_fall_in_their_business_day_evenly_apart_and_next_is_the_first_after_now(
        hour, minute, every, offset):
    """Any first show, until the day turns: the shows stay in it and ``next_show`` skips none."""
    schedule = ShowSchedule(first=time(hour, minute), last=time(4, 59), every_minutes=every,
                            length_minutes=min(every, 15))
    shows = schedule.shows_on(DAY)
    assert all(business_day(s) == DAY for s in shows)
    assert all(b - a == timedelta(minutes=every) for a, b in zip(shows, shows[1:]))
    now = at(5) + timedelta(minutes=offset)
    upcoming = schedule.next_show(now)
    assert upcoming > now
    assert not [s for s in shows if now < s < upcoming]


def test_a_typed_time_of_day():
    from bp_till.domain.typed import clock_time

    assert clock_time(" １９：３０ ", "The first show") == time(19, 30)
    for bad in ("7pm", "25:00", "19", ""):
        with pytest.raises(InvalidInput, match="The first show: type a time as HH:MM"):
            clock_time(bad, "The first show")
