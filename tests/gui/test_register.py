"""A cashier's whole check through the real main window: sign in, ring up, scan, settle, print."""

import json
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QTabWidget
from sqlalchemy import select

from bp_till.printing.escpos_out import drawer_kick, to_escpos
from bp_till.printing.layout import sale_receipt
from bp_till.services import producers
from bp_till.services.settle import receipt_for
from bp_till.store.models import Check, OutboxEvent
from tests.gui.conftest import button, click, open_for, press, scan, sign_in, type_keys


def _label(window, name):
    """A label's text on the screen now showing (screens share names like messageLabel)."""
    found = window.pages.currentWidget().findChild(QLabel, name) or window.findChild(QLabel, name)
    return found.text()


def _tab(window, title):
    tabs = window.check.widget.findChild(QTabWidget, "menuTabs")
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == title))


def test_a_cashier_rings_up_scans_and_settles_a_check(qtbot, window, ctx, cashier, prints):
    regular = producers.issue_producer(ctx, cashier)  # card from an earlier visit
    sign_in(qtbot, window, "Yuto")
    assert window.pages.currentWidget() is window.floor.widget
    assert _label(window, "staffLabel") == "Yuto · cashier"

    open_for(qtbot, window, "T5", 2)  # a tap: two guests is the default
    assert window.pages.currentWidget() is window.check.widget

    # Two table charges by touch: quantity typed first, then the button.
    quantity = window.findChild(QLineEdit, "quantityEdit")
    quantity.setFocus()
    quantity.selectAll()
    type_keys(qtbot, "2")
    click(qtbot, button(window, "menu_T01"))
    # A highball found by search, added with Enter.
    window.findChild(QLineEdit, "searchEdit").setFocus()
    type_keys(qtbot, "highb")
    results = window.findChild(QListWidget, "searchResults")
    assert results.isVisible() and results.count() == 1
    press(qtbot, Qt.Key.Key_Return)
    # A cheki for Kaori, from the cast picker by typing her name.
    _tab(window, "Cheki")
    click(qtbot, button(window, "menu_C01"))
    picker = window.check.picker
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search)  # the dialog is up
    type_keys(qtbot, "kaori")
    press(qtbot, Qt.Key.Key_Return)
    assert not picker.dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The producer's card, scanned while the search field has the focus.
    window.findChild(QLineEdit, "searchEdit").setFocus()
    scan(qtbot, regular.card_number)
    assert window.findChild(QLineEdit, "searchEdit").text() == ""  # the scan did not land there
    assert "This check earns +40 spend and +40 vote points." in _label(window, "producerLabel")
    assert _label(window, "totalLabel") == "Total ¥4,000"

    press(qtbot, Qt.Key.Key_F12)
    assert window.pages.currentWidget() is window.settle.widget
    type_keys(qtbot, "5000")
    assert _label(window, "changeLabel") == "Change ¥1,000"
    press(qtbot, Qt.Key.Key_Return)
    assert _label(window, "doneLabel") == "Change ¥1,000"
    qtbot.waitUntil(lambda: _label(window, "printLabel") == "Receipt printed.", timeout=10_000)

    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == "T5")).one()
        assert (check.status, check.total, check.change, check.guests) == ("settled", 4_000, 1_000, 2)
        assert [(l.name_en, l.quantity, l.cast.romaji if l.cast else None) for l in check.lines] == [
            ("Table Charge (60 min)", 2, None), ("Highball", 1, None), ("Solo Cheki", 1, "Kaori")]
        assert [(p.method, p.amount, p.tendered) for p in check.payments] == [("cash", 4_000, 5_000)]
        (event,) = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "check.settled"))
        check_id = check.id
    payload = json.loads(event.payload)
    assert (payload["login_id"], payload["spend_points"], payload["total"]) == (regular.login_id, 40, 4_000)
    assert [line["cast_code"] for line in payload["lines"]] == [None, None, "C001"]
    printed = prints.read_bytes()
    expected = to_escpos(sale_receipt(replace(receipt_for(ctx, check_id), reprint=False)), "TM-T88V")
    assert printed == drawer_kick("TM-T88V") + expected  # cash: the drawer opened, then the receipt
    assert b"Table T5" in printed

    click(qtbot, button(window, "doneButton"))
    assert window.pages.currentWidget() is window.floor.widget
    assert "free" in window.floor.tiles["T5"].text()
