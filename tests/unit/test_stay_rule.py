"""The stay rule in the domain: sets, refusals by name, versions by day, automatic extensions."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bp_till.domain.business_day import TOKYO
from bp_till.domain.errors import InvalidInput
from bp_till.domain.stay import StayPolicy, StaySet, extensions_due, rule_on, stay_rule

OPENED = datetime(2026, 11, 20, 19, 0, tzinfo=TOKYO)


def test_a_rule_opens_on_its_first_set_and_takes_its_minutes_as_the_default():
    rule = stay_rule([("T04", 90), ("T01", 60)], "T03", 30, 10, 5)
    assert rule.default_set == StaySet("T04", 90)
    assert (rule.limit_minutes, rule.extension_minutes, rule.auto_extend_after) == (90, 30, 5)
    assert rule.set_for("T01").minutes == 60
    with pytest.raises(InvalidInput, match="'F01' is not one of the sets"):
        rule.set_for("F01")


@pytest.mark.parametrize(("args", "message"), [
    (([("T01", 0)], "T03", 30, 10), "The set T01 must be a whole number of minutes from 1"),
    (([("T01", -60)], "T03", 30, 10), "The set T01 must be"),
    (([("T01", 60.5)], "T03", 30, 10), "The set T01 must be"),
    (([("T01", True)], "T03", 30, 10), "The set T01 must be"),
    (([("T01", 601)], "T03", 30, 10), "from 1 to 600"),
    (([], "T03", 30, 10), "at least one set"),
    (([("T01", 60), ("T01", 90)], "T03", 30, 10), "T01 is two sets"),
    (([("T03", 60)], "T03", 30, 10), "T03 is the extension charge"),
    (([("T01", 60)], "T03", 0, 10), "The extension must be"),
    (([("T01", 60)], "T03", 30, 60), "The warning must be a whole number of minutes from 0 to 59"),
    (([("T01", 60)], "T03", 30, 10, 121), "The grace before an automatic extension"),
    (([("T01", 60)], "T03", 30, 10, -1), "The grace before an automatic extension"),
])
def test_a_bad_rule_is_refused_by_name(args, message):
    with pytest.raises(InvalidInput, match=message):
        stay_rule(*args)


def test_the_rule_in_force_is_the_newest_version_started_on_or_before_the_day():
    default = StayPolicy()
    first = StayPolicy(version=1, effective_from=date(2026, 11, 1), limit_minutes=60)
    second = StayPolicy(version=2, effective_from=date(2026, 11, 25), limit_minutes=120)
    versions = [first, second]
    assert rule_on(versions, date(2026, 10, 31), default) is default
    assert rule_on(versions, date(2026, 11, 24), default) is first
    assert rule_on(versions, date(2026, 11, 25), default) is second


def test_nothing_adds_itself_unless_the_manager_set_a_grace_period():
    rule = stay_rule([("T01", 60)], "T03", 30, 10)
    assert extensions_due(OPENED, OPENED + timedelta(hours=5), 60, rule) == 0


def test_the_extension_adds_itself_once_the_grace_period_is_over():
    rule = stay_rule([("T01", 60)], "T03", 30, 10, 5)
    assert extensions_due(OPENED, OPENED + timedelta(minutes=64, seconds=59), 60, rule) == 0
    assert extensions_due(OPENED, OPENED + timedelta(minutes=65), 60, rule) == 1
    assert extensions_due(OPENED, OPENED + timedelta(minutes=95), 60, rule) == 2  # till was off


@given(stay=st.integers(1, 300), extension=st.integers(1, 120), grace=st.integers(0, 120),
       elapsed=st.integers(0, 24 * 60))
def test_the_extensions_due_are_the_fewest_that_seat_the_table_past_now(stay, extension, grace,
                                                                       elapsed):
    rule = StayPolicy(extension_minutes=extension, auto_extend_after=grace)
    now = OPENED + timedelta(minutes=elapsed)
    due = extensions_due(OPENED, now, stay, rule)
    assert extensions_due(OPENED, now, stay + due * extension, rule) == 0
    if due:
        assert extensions_due(OPENED, now, stay + (due - 1) * extension, rule) > 0
