"""A manager's menu and cast maintenance on the store: add, edit, price, retire, reorder,
an event item's window, renames and their clashes; each one event and one audit entry,
and nothing written when refused."""

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from bp_till.demo import demo_menu
from bp_till.domain.errors import InvalidInput, NotAllowed, NotFound
from bp_till.services import checks, menu_admin
from bp_till.services.masterdata import CastEntry, MenuEntry, cast, cast_book, menu, menu_book
from bp_till.services.staff import Approval
from bp_till.store.models import AuditEntry, CheckLine, OutboxEvent
from tests.conftest import PINS

SODA = MenuEntry("S99", "soft_drink", "季節のソーダ", "Seasonal soda", 700)
XMAS = MenuEntry("F99", "food", "クリスマスケーキ", "Christmas cake", 1500,
                 available_from=date(2026, 12, 20), available_until=date(2026, 12, 25))


def _events(ctx, kind):
    with ctx.store.read() as session:
        return [json.loads(e.payload) for e in session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == kind).order_by(OutboxEvent.seq))]


def _audits(ctx, prefix):
    with ctx.store.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action.like(prefix + "%"))
                                    .order_by(AuditEntry.id)))


def _entry(ctx, code):
    return next(e for e in menu_book(ctx) if e.code == code)


def test_an_added_item_goes_last_on_its_tab_with_one_event_and_one_audit_entry(ctx, manager):
    before = len(_events(ctx, "menu.updated"))
    menu_admin.add_item(ctx, manager, SODA)
    sodas = [e.code for e in menu(ctx) if e.category == "soft_drink"]
    assert sodas[-1] == "S99" and len(sodas) == 11
    (event,) = _events(ctx, "menu.updated")[before:]
    assert event["items"] == [{"code": "S99", "category": "soft_drink", "name_ja": "季節のソーダ",
                               "name_en": "Seasonal soda", "price": 700, "cast_credit": False,
                               "active": True, "sort_order": len(demo_menu()), "available_from": None,
                               "available_until": None}]
    (audit,) = _audits(ctx, "menu.")
    assert (audit.action, audit.subject, audit.staff_id) == ("menu.item_added", "S99", manager.id)


def test_a_new_price_applies_to_new_lines_and_old_lines_keep_theirs(ctx, manager, cashier):
    check = checks.open_check(ctx, cashier, "T1", 2)
    old_line = checks.add_line(ctx, cashier, check, "S01")
    old_price = _entry(ctx, "S01").price
    menu_admin.edit_item(ctx, manager, replace(_entry(ctx, "S01"), price=old_price + 100,
                                               name_en="Oolong tea (large)"))
    new_line = checks.add_line(ctx, cashier, check, "S01")
    with ctx.store.read() as session:
        lines = {line.id: (line.unit_price, line.name_en) for line in session.scalars(
            select(CheckLine).where(CheckLine.check_id == check))}
    assert lines[old_line][0] == old_price and lines[old_line][1] != "Oolong tea (large)"
    assert lines[new_line] == (old_price + 100, "Oolong tea (large)")
    (audit,) = _audits(ctx, "menu.item_changed")
    assert json.loads(audit.detail) == {"changed": ["name_en", "price"],
                                        "price_before": old_price, "price": old_price + 100}


def test_a_retired_item_leaves_the_menu_is_refused_at_the_till_and_comes_back(ctx, manager,
                                                                             cashier):
    menu_admin.retire_item(ctx, manager, "F01")
    assert "F01" not in {e.code for e in menu(ctx)}
    assert _entry(ctx, "F01").active is False  # kept, for old checks and the export
    check = checks.open_check(ctx, cashier, "T1", 1)
    with pytest.raises(NotFound, match="No menu item 'F01'"):
        checks.add_line(ctx, cashier, check, "F01")
    assert _events(ctx, "menu.updated")[-1]["items"][0]["active"] is False
    menu_admin.retire_item(ctx, manager, "F01", active=True)
    assert checks.add_line(ctx, cashier, check, "F01")
    assert [a.action for a in _audits(ctx, "menu.")] == ["menu.item_retired",
                                                         "menu.item_reinstated"]


def test_an_event_item_is_on_the_menu_only_inside_its_window(ctx, manager, cashier, clock):
    menu_admin.add_item(ctx, manager, XMAS)
    assert "F99" not in {e.code for e in menu(ctx)}  # 2026-11-20: before its window
    assert "F99" in {e.code for e in menu(ctx, date(2026, 12, 25))}
    check = checks.open_check(ctx, cashier, "T1", 1)
    with pytest.raises(InvalidInput, match="Christmas cake is an event item on the menu from "
                                           "2026-12-20; business day 2026-11-20 is before it"):
        checks.add_line(ctx, cashier, check, "F99")
    clock.set(clock.now().replace(month=12, day=26, hour=4, minute=59))  # still the 25th
    assert checks.add_line(ctx, cashier, check, "F99")
    clock.set(clock.now().replace(hour=5, minute=0))  # the 26th: after it
    with pytest.raises(InvalidInput, match="was an event item on the menu until 2026-12-25"):
        checks.add_line(ctx, cashier, check, "F99")


def test_an_item_moves_up_and_down_within_its_category(ctx, manager):
    menu_admin.move_item(ctx, manager, "S03", -1)
    sodas = [e.code for e in menu(ctx) if e.category == "soft_drink"]
    assert sodas[:4] == ["S01", "S03", "S02", "S04"]
    moved = {i["code"]: i["sort_order"] for i in _events(ctx, "menu.updated")[-1]["items"]}
    assert set(moved) == {"S02", "S03"} and moved["S03"] < moved["S02"]
    menu_admin.move_item(ctx, manager, "S03", 1)
    assert [e.code for e in menu(ctx) if e.category == "soft_drink"][:3] == ["S01", "S02", "S03"]


@pytest.mark.parametrize(("action", "message"), [
    (lambda ctx, m: menu_admin.add_item(ctx, m, replace(SODA, code="S01")),
     "S01 is on the menu already"),
    (lambda ctx, m: menu_admin.add_item(ctx, m, replace(SODA, price=-5)), "cannot be negative"),
    (lambda ctx, m: menu_admin.add_item(ctx, m, replace(SODA, category="dessert")),
     "unknown category"),
    (lambda ctx, m: menu_admin.add_item(ctx, m, replace(SODA, name_en="  ")), "English name"),
    (lambda ctx, m: menu_admin.add_item(ctx, m, replace(XMAS, available_until=date(2026, 12, 1))),
     "available until 2026-12-01 is before available from 2026-12-20"),
    (lambda ctx, m: menu_admin.edit_item(ctx, m, SODA), "No menu item 'S99'"),
    (lambda ctx, m: menu_admin.edit_item(ctx, m, _entry(ctx, "S01")), "changes nothing"),
    (lambda ctx, m: menu_admin.retire_item(ctx, m, "S01", active=True), "on the menu already"),
    (lambda ctx, m: menu_admin.move_item(ctx, m, "S01", -1), "first in its category"),
    (lambda ctx, m: menu_admin.move_item(ctx, m, "S10", 1), "last in its category"),
    (lambda ctx, m: menu_admin.move_item(ctx, m, "S10", 3), "one place up or down"),
    (lambda ctx, m: menu_admin.add_member(ctx, m, CastEntry("C001", "新人", "Shinjin")),
     "C001 is in the cast already"),
    (lambda ctx, m: menu_admin.add_member(ctx, m, CastEntry("C900", "かおり", "Kaori")),
     "かおり is the stage name of C001; a stage name belongs to one cast member"),
    (lambda ctx, m: menu_admin.rename_member(ctx, m, CastEntry("C002", "かおり", "Kaori")),
     "stage name of C001"),
    (lambda ctx, m: menu_admin.rename_member(ctx, m, CastEntry("C900", "新人", "")),
     "No cast member 'C900'"),
    (lambda ctx, m: menu_admin.retire_member(ctx, m, "C001", active=True), "in the cast already"),
])
def test_bad_changes_are_refused_with_a_message_and_nothing_is_written(ctx, manager, unchanged,
                                                                      action, message):
    with unchanged(), pytest.raises((InvalidInput, NotFound), match=message):
        action(ctx, manager)


def test_a_cashier_needs_a_managers_pin_and_both_are_audited(ctx, cashier, manager, unchanged):
    with unchanged(), pytest.raises(NotAllowed, match="manager's PIN is needed to add a menu item"):
        menu_admin.add_item(ctx, cashier, SODA)
    menu_admin.add_item(ctx, cashier, SODA, Approval(manager.id, PINS["manager"]))
    (audit,) = _audits(ctx, "menu.item_added")
    assert (audit.staff_id, audit.approver_id) == (cashier.id, manager.id)


def test_cast_members_are_added_renamed_and_retired_and_history_keeps_the_name(ctx, manager,
                                                                              cashier):
    menu_admin.add_member(ctx, manager, CastEntry("C900", "ゆずは", "Yuzuha"))
    check = checks.open_check(ctx, cashier, "T1", 1)
    line = checks.add_line(ctx, cashier, check, "C01", cast_code="C900")
    menu_admin.rename_member(ctx, manager, CastEntry("C900", "ゆずは☆", "Yuzuha"))
    menu_admin.retire_member(ctx, manager, "C900")
    assert "C900" not in {c.code for c in cast(ctx)}
    assert next(c for c in cast_book(ctx) if c.code == "C900") == CastEntry(
        "C900", "ゆずは☆", "Yuzuha", active=False)
    with pytest.raises(InvalidInput, match=r"ゆずは☆ \(C900\) has retired and cannot be credited"):
        checks.add_line(ctx, cashier, check, "C01", cast_code="C900")
    with ctx.store.read() as session:
        assert session.get(CheckLine, line).cast.stage_name == "ゆずは☆"
    # A retired member keeps the name: a newcomer cannot take it.
    with pytest.raises(InvalidInput, match=r"stage name of C900 \(retired; the history keeps"):
        menu_admin.add_member(ctx, manager, CastEntry("C901", "ゆずは☆", "Yuzuha"))
    assert [e["cast"] for e in _events(ctx, "cast.updated")[-3:]] == [
        [{"code": "C900", "stage_name": "ゆずは", "romaji": "Yuzuha", "active": True}],
        [{"code": "C900", "stage_name": "ゆずは☆", "romaji": "Yuzuha", "active": True}],
        [{"code": "C900", "stage_name": "ゆずは☆", "romaji": "Yuzuha", "active": False}]]
    assert [a.action for a in _audits(ctx, "cast.")] == [
        "cast.member_added", "cast.member_renamed", "cast.member_retired"]
