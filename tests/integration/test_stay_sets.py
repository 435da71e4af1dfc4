"""Timed sets and extensions on the store: a check opened on a set, the rule's versions, and the
extension that adds itself after the manager's grace period."""

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from bp_till.domain.business_day import TOKYO
from bp_till.domain.errors import InvalidInput, NotAllowed, NotFound
from bp_till.domain.stay import rule_on, stay_rule
from bp_till.services import checks
from bp_till.services.closeout import close_day, day_report
from bp_till.services.floor import check_detail, open_checks
from bp_till.services.menu_admin import retire_item
from bp_till.services.stay import extend_overdue, rule_in_force, save_stay_rule, saved_rules
from bp_till.store.models import AuditEntry, OutboxEvent
from tests.conftest import snapshot
from tests.integration.test_backs import _settle

NIGHT = date(2026, 11, 20)
SETS = stay_rule([("T04", 90), ("T01", 60), ("T02", 60)], "T03", 30, 10)
AUTO = stay_rule([("T04", 90), ("T01", 60)], "T03", 30, 10, 5)


def _lines(ctx, check_id):
    return [(line.item_code, line.quantity, line.amount) for line in check_detail(ctx, check_id).lines]


def test_a_check_opened_on_a_set_charges_every_guest_and_is_seated_for_its_minutes(
        ctx, cashier, manager, clock):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    check = checks.open_check(ctx, cashier, "T1", 3, stay_set="T01")
    assert _lines(ctx, check) == [("T01", 3, 3_300)]
    clock.advance(minutes=50)
    (tile,) = open_checks(ctx)
    assert (tile.stay.label, tile.stay.state.value, tile.total) == ("50 / 60 min", "warning", 3_300)
    clock.advance(minutes=10)
    assert check_detail(ctx, check).stay.state.value == "over"
    assert checks.extend_stay(ctx, cashier, check) == 1
    assert check_detail(ctx, check).stay.label == "60 / 90 min"
    assert _lines(ctx, check)[-1] == ("T03", 3, 1_800)


def test_a_check_opened_without_a_set_keeps_the_rules_default_minutes_and_no_charge(
        ctx, cashier, manager):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    check = checks.open_check(ctx, cashier, "T2", 2)
    assert _lines(ctx, check) == []
    assert check_detail(ctx, check).stay.label == "0 / 90 min"


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"stay_set": "F01"}, InvalidInput, "'F01' is not one of the sets"),
    ({"stay_set": "T01", "takeout": True}, InvalidInput, "take-out check has no stay"),
])
def test_a_bad_set_opens_nothing(ctx, cashier, manager, kwargs, error, message):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    before = snapshot(ctx)
    with pytest.raises(error, match=message):
        checks.open_check(ctx, cashier, "T3", 2, **kwargs)
    assert snapshot(ctx) == before


def test_a_set_whose_charge_left_the_menu_opens_nothing(ctx, cashier, manager):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    retire_item(ctx, manager, "T01")
    before = snapshot(ctx)
    with pytest.raises(NotFound, match="no set's table charge .item T01."):
        checks.open_check(ctx, cashier, "T3", 2, stay_set="T01")
    assert snapshot(ctx) == before


def test_a_manager_saves_the_rule_as_a_version_in_force_from_its_day(ctx, manager, cashier):
    assert rule_in_force(ctx).version == 0  # the café's default until one is saved
    assert save_stay_rule(ctx, manager, NIGHT, SETS) == 1
    assert save_stay_rule(ctx, manager, NIGHT + timedelta(days=1), AUTO) == 2
    assert rule_in_force(ctx).sets == SETS.sets
    assert rule_in_force(ctx, day=NIGHT + timedelta(days=1)).auto_extend_after == 5
    with ctx.store.read() as session:
        events = [json.loads(e.payload) for e in
                  session.scalars(select(OutboxEvent).where(OutboxEvent.type == "stay.updated"))]
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "stay.updated")).all()
    assert [e["sets"] for e in events] == [[["T04", 90], ["T01", 60], ["T02", 60]],
                                           [["T04", 90], ["T01", 60]]]
    assert [a.staff_id for a in audits] == [manager.id, manager.id]


def test_the_rule_read_for_a_day_is_the_domains_newest_version_in_force(ctx, manager):
    """A later version may start earlier than the one before it: the newest in force wins."""
    for start in (NIGHT + timedelta(days=2), NIGHT, NIGHT + timedelta(days=1)):
        save_stay_rule(ctx, manager, start, AUTO if start == NIGHT else SETS)
    with ctx.store.read() as session:
        versions = saved_rules(session)
    for offset in range(-1, 4):
        day = NIGHT + timedelta(days=offset)
        assert rule_in_force(ctx, day=day) == rule_on(versions, day, ctx.stay)
    assert rule_in_force(ctx, day=NIGHT).version == 2
    assert rule_in_force(ctx, day=NIGHT + timedelta(days=2)).version == 3


@pytest.mark.parametrize(("rule", "message"), [
    (stay_rule([("F01", 60)], "T03", 30, 10), "A set: 'F01' is not a table charge"),
    (stay_rule([("T01", 60)], "F01", 30, 10), "The extension: 'F01' is not a table charge"),
    (stay_rule([("ZZ9", 60)], "T03", 30, 10), "A set: 'ZZ9' is not a table charge"),
])
def test_a_rule_naming_what_is_not_a_table_charge_is_refused_and_nothing_written(
        ctx, manager, rule, message):
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match=message):
        save_stay_rule(ctx, manager, NIGHT, rule)
    assert snapshot(ctx) == before


def test_only_a_manager_changes_the_rule_and_never_on_a_night_already_closed(
        ctx, cashier, manager, shift_lead, clock):
    with pytest.raises(NotAllowed):
        save_stay_rule(ctx, cashier, NIGHT, SETS)
    close_day(ctx, shift_lead, NIGHT, 0, {})
    clock.set(datetime(2026, 11, 21, 19, 0, tzinfo=TOKYO))
    before = snapshot(ctx)
    with pytest.raises(InvalidInput, match="already closed out .up to 2026-11-20."):
        save_stay_rule(ctx, manager, NIGHT, SETS)
    assert snapshot(ctx) == before


def test_a_new_rule_never_shortens_a_table_already_seated(ctx, cashier, manager, clock):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    check = checks.open_check(ctx, cashier, "T4", 1, stay_set="T04")
    save_stay_rule(ctx, manager, NIGHT, stay_rule([("T01", 45)], "T03", 15, 5))
    clock.advance(minutes=60)
    assert check_detail(ctx, check).stay.label == "60 / 90 min"
    checks.extend_stay(ctx, cashier, check)  # tonight's rule: 15 minutes an extension
    assert check_detail(ctx, check).stay.label == "60 / 105 min"


def test_the_extension_adds_itself_after_the_grace_period_and_the_close_out_counts_it(
        ctx, cashier, manager, shift_lead, clock):
    save_stay_rule(ctx, manager, NIGHT, AUTO)
    short = checks.open_check(ctx, cashier, "T5", 2, stay_set="T01")
    long = checks.open_check(ctx, cashier, "T6", 1, stay_set="T04")
    takeout = checks.open_check(ctx, cashier, "TO1", 1, takeout=True)
    clock.advance(minutes=64)
    assert extend_overdue(ctx, cashier).checks == ()
    clock.advance(minutes=1)
    assert extend_overdue(ctx, cashier).checks == (short,)
    assert extend_overdue(ctx, cashier).checks == ()  # once, not on every tick
    clock.advance(minutes=60)  # the till was off: 125 minutes in
    assert extend_overdue(ctx, cashier).checks == (short, short, long, long)
    assert check_detail(ctx, short).stay.label == "125 / 150 min"  # 60 + 3 x 30
    assert check_detail(ctx, long).stay.label == "125 / 150 min"  # 90 + 2 x 30
    assert [line for line in _lines(ctx, short) if line[0] == "T03"] == [("T03", 2, 1_200)] * 3
    assert _lines(ctx, takeout) == []
    with ctx.store.read() as session:
        audited = session.scalars(select(AuditEntry).where(AuditEntry.action == "stay.extended"))
        assert len(list(audited)) == 5
    for check in (short, long):
        _settle(ctx, cashier, check)
    checks.cancel_check(ctx, cashier, takeout, "Left")
    assert day_report(ctx, NIGHT).figures.extensions == 5


def test_an_extension_that_cannot_be_added_is_reported_and_the_others_still_are(
        ctx, cashier, manager, clock):
    save_stay_rule(ctx, manager, NIGHT, AUTO)
    first = checks.open_check(ctx, cashier, "T7", 1, stay_set="T01")
    clock.advance(minutes=65)
    retire_item(ctx, manager, "T03")
    result = extend_overdue(ctx, cashier)
    assert result.checks == ()
    assert "no extension charge (item T03)" in result.refusals[0]
    assert check_detail(ctx, first).stay.label == "65 / 60 min"
