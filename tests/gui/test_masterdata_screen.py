"""The Menu & cast screen on the real window, driven with clicks and keys: a manager adds,
edits, retires and reorders items and cast members; bad input keeps the dialog open with
its message and writes nothing; a cashier needs a manager's PIN; the check screen follows."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget, QTabWidget,
)
from sqlalchemy import select

from bp_till.demo import demo_menu
from bp_till.services.masterdata import cast, cast_book, menu, menu_book
from bp_till.store.models import AuditEntry
from tests.gui.conftest import approve, button, click, press, sign_in, type_keys


def _open_screen(qtbot, window, who="Misaki"):
    sign_in(qtbot, window, who)
    click(qtbot, button(window, "settingsNav"))
    click(qtbot, button(window, "menuCastButton"))
    assert window.pages.currentWidget() is window.masterdata.widget
    return window.masterdata


def _visible_codes(table: QTableWidget) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount()) if not table.isRowHidden(r)]


def _cast_tab(qtbot, view) -> None:
    tabs = view.widget.findChild(QTabWidget, "masterdataTabs")
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(1).center())
    assert tabs.currentIndex() == 1


def _row(table: QTableWidget, code: str) -> int:
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == code)


def _choose(qtbot, view, table: QTableWidget, filter_name: str, typed: str,
            code: str | None = None) -> None:
    """Find the row with the filter box, as a manager would, and click it."""
    field = view.widget.findChild(QLineEdit, filter_name)
    click(qtbot, field)
    _focus_on(qtbot, field)
    field.selectAll()
    type_keys(qtbot, typed)
    code = code or typed
    row = next(r for r in range(table.rowCount())
               if not table.isRowHidden(r) and table.item(r, 0).text() == code)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _focus_on(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)  # the dialog gets it


def _fill(qtbot, dialog, name: str, text: str) -> None:
    field = dialog.findChild(QLineEdit, name)
    click(qtbot, field)
    _focus_on(qtbot, field)
    field.selectAll()
    if text.isascii():
        type_keys(qtbot, text)
    else:
        field.insert(text)  # kana and full-width digits: what an input method commits


def test_a_manager_adds_an_event_item_and_the_check_screen_offers_it_in_its_days(
        qtbot, window, ctx, clock, cashier):
    view = _open_screen(qtbot, window)
    assert len(_visible_codes(view.menu_table)) == len(demo_menu())
    click(qtbot, button(window, "addItemButton"))
    dialog = view.dialog.dialog
    _focus_on(qtbot, dialog.findChild(QLineEdit, "itemCode"))
    type_keys(qtbot, "F99")
    combo = dialog.findChild(QComboBox, "itemCategory")
    combo.setCurrentIndex(combo.findData("food"))
    _fill(qtbot, dialog, "itemNameJa", "ハロウィンパフェ")
    _fill(qtbot, dialog, "itemNameEn", "Halloween parfait")
    _fill(qtbot, dialog, "itemPrice", "１２００")
    _fill(qtbot, dialog, "itemFrom", "2026-11-20")
    _fill(qtbot, dialog, "itemUntil", "2026-11-21")
    click(qtbot, dialog.findChild(QPushButton, "saveButton"))  # (Enter after a fast burst
    # of 8 keys would be taken for a scan: the tests type at a scanner's speed)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.feedback.label.text() == "F99 is saved; the tills get it with the next sync."
    added = next(e for e in menu_book(ctx) if e.code == "F99")
    assert (added.price, added.available_from, added.available_until) == (
        1200, date(2026, 11, 20), date(2026, 11, 21))
    row = _row(view.menu_table, "F99")
    assert view.menu_table.item(row, 6).text() == "2026-11-20 – 2026-11-21"
    assert view.menu_table.item(row, 7).text() == "on the menu"
    from bp_till.services import checks

    check = checks.open_check(ctx, cashier, "T5", 1)
    window.show_check(check)
    assert "F99" in window.check.menu.buttons  # the check screen reloaded its menu
    clock.set(clock.now().replace(day=23))  # after its last day
    window.show_check(check)
    assert "F99" not in window.check.menu.buttons


def test_a_manager_changes_a_price_retires_and_reorders(qtbot, window, ctx):
    view = _open_screen(qtbot, window)
    _choose(qtbot, view, view.menu_table, "menuFilter", "S01")
    click(qtbot, button(window, "editItemButton"))
    dialog = view.dialog.dialog
    price = dialog.findChild(QLineEdit, "itemPrice")
    _focus_on(qtbot, price)
    assert price.text() == "600"
    assert dialog.findChild(QLineEdit, "itemCode").isReadOnly()
    price.selectAll()
    type_keys(qtbot, "650")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert next(e for e in menu_book(ctx) if e.code == "S01").price == 650

    _choose(qtbot, view, view.menu_table, "menuFilter", "S02")
    click(qtbot, button(window, "retireItemButton"))
    assert "S02" not in {e.code for e in menu(ctx)}
    assert button(window, "retireItemButton").text() == "Put back"
    row = _row(view.menu_table, "S02")
    assert view.menu_table.item(row, 7).text() == "retired"

    _choose(qtbot, view, view.menu_table, "menuFilter", "S04")
    click(qtbot, button(window, "itemUpButton"))
    click(qtbot, button(window, "itemUpButton"))  # over the retired S02 as well
    view.menu_filter.clear()
    sodas = [c for c in _visible_codes(view.menu_table) if c.startswith("S")]
    assert sodas[:4] == ["S01", "S04", "S02", "S03"]
    assert [e.code for e in menu(ctx) if e.category == "soft_drink"][:3] == ["S01", "S04", "S03"]
    assert view.menu_table.item(view.menu_table.currentRow(), 0).text() == "S04"  # still chosen


def test_bad_input_keeps_the_dialog_open_with_its_message_and_writes_nothing(
        qtbot, window, ctx, unchanged):
    view = _open_screen(qtbot, window)
    _choose(qtbot, view, view.menu_table, "menuFilter", "F01")
    click(qtbot, button(window, "editItemButton"))
    dialog = view.dialog.dialog
    message = dialog.findChild(QLabel, "messageLabel")
    with unchanged():
        for field, typed, says in (
            ("itemPrice", "12OO", "Price: '12OO' is not a whole number; type digits only."),
            ("itemPrice", "1500", "F01: that changes nothing."),
            ("itemFrom", "next week", "Available from is a day as YYYY-MM-DD, not 'next week'"),
            ("itemFrom", "2026-12-25", None),
            ("itemUntil", "2026-12-24", "F01: available until 2026-12-24 is before available "
                                        "from 2026-12-25."),
        ):
            _fill(qtbot, dialog, field, typed)
            if says:
                click(qtbot, dialog.findChild(QPushButton, "saveButton"))
                assert message.text() == says and dialog.isVisible()
    click(qtbot, dialog.findChild(QPushButton, "cancelButton"))
    _cast_tab(qtbot, view)
    click(qtbot, button(window, "addMemberButton"))
    member = view.dialog.dialog
    _focus_on(qtbot, member.findChild(QLineEdit, "memberCode"))
    with unchanged():
        type_keys(qtbot, "C900")
        _fill(qtbot, member, "memberStageName", "かおり")
        press(qtbot, Qt.Key.Key_Return)
        assert member.findChild(QLabel, "messageLabel").text() == (
            "かおり is the stage name of C001; a stage name belongs to one cast member.")


def test_a_cashier_retires_a_cast_member_with_a_managers_pin(qtbot, window, ctx, cashier):
    view = _open_screen(qtbot, window, "Yuto")
    _cast_tab(qtbot, view)
    assert len(_visible_codes(view.cast_table)) == 120  # found with the filter box
    _choose(qtbot, view, view.cast_table, "castFilter", "kaori", "C001")
    assert _visible_codes(view.cast_table) == ["C001"]
    click(qtbot, button(window, "retireMemberButton"))
    approve(qtbot, view.override)
    qtbot.waitUntil(lambda: not view.override.dialog.isVisible())
    assert "C001" not in {c.code for c in cast(ctx)}
    assert next(c for c in cast_book(ctx) if c.code == "C001").active is False
    with ctx.store.read() as session:
        audit = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "cast.member_retired")).one()
    assert (audit.staff_id, audit.subject) == (cashier.id, "C001") and audit.approver_id
    from bp_till.services import checks

    check = checks.open_check(ctx, cashier, "T6", 1)
    window.show_check(check)
    assert "C001" not in window.check.picker.list.names  # no longer offered for a cheki
