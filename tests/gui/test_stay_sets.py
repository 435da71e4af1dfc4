"""Sets and extensions on the real window: a table opens on the default set with a tap (two guests) or
on another with a hold and one tap, a table past its time says so on the floor and Extend charges it, the
extension adds itself after the grace period, and a manager edits the rule in Settings."""

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QTableWidget
from sqlalchemy import select

from bp_till.domain.stay import stay_rule
from bp_till.services.stay import newest_rule, save_stay_rule
from bp_till.store.models import Check
from tests.gui.conftest import button, click, hold, open_for, sign_in

NIGHT = date(2026, 11, 20)
SETS = stay_rule([("T04", 90), ("T01", 60), ("T02", 60)], "T03", 30, 10)


def _seated(ctx, table):
    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == table)).one()
        return check.stay_minutes, [(l.name_en, l.quantity) for l in check.lines]


def test_a_tap_opens_a_table_for_two_on_the_default_set(qtbot, window, ctx, manager):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "table_T3"))
    assert window.pages.currentWidget() is window.check.widget
    assert _seated(ctx, "T3") == (90, [("Table Charge (90 min)", 2)])
    assert window.check.widget.findChild(type(window.staff_label), "stayLabel").text() == \
        "Stay 0 / 90 min"


def test_a_hold_offers_the_sets_with_the_default_chosen(qtbot, window, ctx, manager):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    sign_in(qtbot, window, "Yuto")
    hold(qtbot, button(window, "table_T3"))
    assert window.pages.currentWidget() is window.floor.widget
    sets = [b for b in window.floor.sets.group.buttons()]
    assert [(b.objectName(), b.text(), b.isChecked()) for b in sets] == [
        ("set_T04", "90 min · ¥1,500\nテーブルチャージ（90分）", True),
        ("set_T01", "60 min · ¥1,100\nテーブルチャージ（60分）", False),
        ("set_T02", "60 min · ¥1,650\nVIPシートチャージ（60分）", False)]
    click(qtbot, button(window, "guests2"))
    assert window.pages.currentWidget() is window.check.widget
    assert _seated(ctx, "T3") == (90, [("Table Charge (90 min)", 2)])
    assert window.check.widget.findChild(type(window.staff_label), "stayLabel").text() == \
        "Stay 0 / 90 min"


def test_another_set_is_one_tap_and_the_floor_proposes_the_extension_past_its_time(
        qtbot, window, ctx, manager, clock):
    save_stay_rule(ctx, manager, NIGHT, SETS)
    sign_in(qtbot, window, "Yuto")
    hold(qtbot, button(window, "table_T4"))
    click(qtbot, button(window, "set_T01"))
    click(qtbot, button(window, "guests3"))
    assert _seated(ctx, "T4") == (60, [("Table Charge (60 min)", 3)])
    click(qtbot, button(window, "floorNav"))
    clock.advance(minutes=61)
    window.floor.refresh()
    tile = button(window, "table_T4")
    assert tile.property("stay") == "over"
    assert tile.text().endswith("Past its time: extend?")
    click(qtbot, tile)
    extend = button(window, "extendButton")
    assert extend.text() == "Past its time! +30 min\n3 × ¥600"
    click(qtbot, extend)
    assert _seated(ctx, "T4") == (90, [("Table Charge (60 min)", 3), ("Extension (30 min)", 3)])
    click(qtbot, button(window, "floorNav"))
    assert not button(window, "table_T4").text().endswith("extend?")


def test_the_extension_adds_itself_after_the_grace_period_and_the_floor_shows_it(
        qtbot, window, ctx, manager, clock):
    save_stay_rule(ctx, manager, NIGHT, stay_rule([("T01", 60)], "T03", 30, 10, 5))
    sign_in(qtbot, window, "Yuto")
    open_for(qtbot, window, "T2", 1)
    click(qtbot, button(window, "floorNav"))
    clock.advance(minutes=66)
    window.extender.timer.setInterval(10)  # the 30-second check, without the wait
    qtbot.waitUntil(lambda: _seated(ctx, "T2")[0] == 90)
    assert _seated(ctx, "T2")[1] == [("Table Charge (60 min)", 1), ("Extension (30 min)", 1)]
    qtbot.waitUntil(lambda: "66 / 90 min" in button(window, "table_T2").text())
    assert window.statusBar().currentMessage() == "Stay extended automatically on 1 table(s)."
    window.extender.timer.setInterval(30_000)


def test_a_manager_edits_the_sets_in_settings_and_a_set_of_0_minutes_saves_nothing(
        qtbot, window, ctx):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    editor = window.settings.stay
    table = window.findChild(QTableWidget, "stayTable")
    rows = {table.item(r, 0).text().split()[0]: r for r in range(table.rowCount())}
    assert set(rows) == {"T01", "T02", "T03", "T04"}  # the menu's table charges
    table.item(rows["T01"], 2).setText("0")
    click(qtbot, window.findChild(QPushButton, "saveStayButton"))
    assert editor.feedback.label.text() == \
        "The set T01 must be a whole number of minutes from 1 to 600."
    assert newest_rule(ctx).version == 0
    table.item(rows["T01"], 2).setText("60")
    table.item(rows["T04"], 2).setText("９０")  # full-width, as an input method types it
    default = window.findChild(QComboBox, "stayDefault")
    default.setCurrentIndex(default.findData("T04"))
    window.findChild(QCheckBox, "stayAuto").setChecked(True)
    window.findChild(QLineEdit, "stay_grace").setText("10")
    click(qtbot, window.findChild(QPushButton, "saveStayButton"))
    assert editor.feedback.label.text().startswith("Sets and extensions version 1 is saved")
    saved = newest_rule(ctx)
    assert ([(s.item_code, s.minutes) for s in saved.sets], saved.extension_item,
            saved.auto_extend_after, saved.effective_from) == (
        [("T04", 90), ("T01", 60)], "T03", 10, NIGHT)
    assert editor.version.text() == "Version 1, in force from 2026-11-20"
