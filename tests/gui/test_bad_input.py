"""Bad input at the register: a clear message on screen, and nothing written to the store."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bp_till.services import producers
from tests.gui.conftest import button, click, open_for, press, scan, sign_in, type_keys


def _open_table(qtbot, window, table="T2"):
    sign_in(qtbot, window, "Yuto")
    open_for(qtbot, window, table, 1)


def _message(view):
    return view.feedback.label.text()


def test_letters_in_the_quantity_field(qtbot, window, unchanged):
    _open_table(qtbot, window)
    quantity = window.check.quantity
    quantity.setFocus()
    quantity.selectAll()
    type_keys(qtbot, "x2")
    with unchanged():
        click(qtbot, button(window, "menu_T01"))
    assert _message(window.check) == "Quantity: 'x2' is not a whole number; type digits only."
    assert window.check.lines.rowCount() == 0


def test_letters_in_the_cash_field(qtbot, window, unchanged):
    _open_table(qtbot, window)
    click(qtbot, button(window, "menu_T01"))
    press(qtbot, Qt.Key.Key_F12)
    type_keys(qtbot, "1O00")  # a letter O among the zeros
    assert window.settle.widget.findChild(type(window.sign_in.message), "changeLabel").text() == (
        "Cash received: '1O00' is not a whole number; type digits only.")
    with unchanged():
        press(qtbot, Qt.Key.Key_Return)
    assert _message(window.settle) == "Cash received: '1O00' is not a whole number; type digits only."
    assert window.settle.steps.currentIndex() == 0  # still taking payment


def test_a_short_payment_is_refused(qtbot, window, unchanged):
    _open_table(qtbot, window)
    click(qtbot, button(window, "menu_T01"))
    press(qtbot, Qt.Key.Key_F12)
    type_keys(qtbot, "1000")
    with unchanged():
        press(qtbot, Qt.Key.Key_Return)
    assert _message(window.settle) == "¥100 short: the check is ¥1,100."


def test_scans_of_garbage(qtbot, window, unchanged):
    _open_table(qtbot, window)
    window.findChild(QLineEdit, "searchEdit").setFocus()
    with unchanged(refusals=1):  # only the refusal's audit entry
        scan(qtbot, "010100000014")  # a card number with a wrong check digit
    assert _message(window.check) == "That card number has a typo (its check digit does not match)."
    with unchanged(refusals=1):
        scan(qtbot, "XJ#8kq!zzQ")
    assert _message(window.check) == "Scan a card (12 digits) or type a login ID (11 digits)."
    assert window.findChild(QLineEdit, "searchEdit").text() == ""


def test_a_scan_of_a_replaced_card(qtbot, window, ctx, cashier, manager, unchanged):
    lost = producers.issue_producer(ctx, cashier)
    producers.replace_card(ctx, manager, lost.card_number)
    _open_table(qtbot, window)
    with unchanged(refusals=1):
        scan(qtbot, lost.card_number)
    assert "was replaced; it no longer works. Ask for the new card." in _message(window.check)


def test_settling_an_empty_check(qtbot, window, unchanged):
    _open_table(qtbot, window)
    with unchanged():
        click(qtbot, button(window, "settleButton"))
    assert _message(window.check) == "Check #1 is empty: there is nothing to settle."
    assert window.pages.currentWidget() is window.check.widget


def test_a_voided_line_leaves_an_empty_check_unsettleable(qtbot, window):
    _open_table(qtbot, window)
    click(qtbot, button(window, "menu_T01"))
    window.check.table.selectRow(0)
    click(qtbot, button(window, "voidLineButton"))
    click(qtbot, button(window, "reasonOkButton"))  # no reason typed
    assert _message(window.check) == "Voiding a line needs a reason."
    window.check.reason_combo.setFocus()
    type_keys(qtbot, "Wrong table")
    click(qtbot, button(window, "reasonOkButton"))
    assert window.check.detail.total == 0 and window.check.lines.lines[0].voided
    click(qtbot, button(window, "settleButton"))
    assert _message(window.check) == "Check #1 is empty: there is nothing to settle."
