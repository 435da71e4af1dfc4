"""A privileged action from a cashier's session: a manager's PIN typed there and then."""


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from bp_till.domain.settlement import Tender
from bp_till.printing.escpos_out import to_escpos
from bp_till.printing.layout import sale_receipt
from bp_till.services import checks
from bp_till.services.settle import receipt_for, settle_check
from bp_till.store.models import AuditEntry
from tests.conftest import PINS
from tests.gui.conftest import button, click, press, sign_in, type_keys


def _settled_check(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T9", 1)
    checks.add_line(ctx, cashier, check, "T01")
    settle_check(ctx, cashier, check, [Tender("card", 1_100)])
    return check


def _audit(ctx):
    with ctx.store.read() as session:
        return [(a.action, a.staff_id, a.approver_id) for a in session.scalars(select(AuditEntry))]


def test_a_reprint_needs_a_managers_pin_and_a_wrong_one_is_refused(
        qtbot, window, ctx, cashier, manager, prints):
    check = _settled_check(ctx, cashier)
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "receiptsNav"))
    table = window.receipts.table
    assert table.rowCount() == 1 and table.item(0, 3).text() == "¥1,100"
    table.selectRow(0)
    click(qtbot, button(window, "reprintButton"))
    override = window.receipts.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText("Misaki"))
    before = _audit(ctx)

    type_keys(qtbot, "111111")
    press(qtbot, Qt.Key.Key_Return)
    assert override.message.text() == "Wrong PIN (4 tries left)."
    assert override.dialog.isVisible()
    assert not prints.exists()  # nothing printed
    assert _audit(ctx)[len(before):] == [
        ("pin.failed", manager.id, None), ("override.refused", cashier.id, manager.id)]

    type_keys(qtbot, PINS["manager"])
    press(qtbot, Qt.Key.Key_Return)
    assert not override.dialog.isVisible()
    qtbot.waitUntil(lambda: window.receipts.feedback.label.text() == "Receipt #1 reprinted.")
    copy = receipt_for(ctx, check)
    assert copy.reprint
    assert prints.read_bytes() == to_escpos(sale_receipt(copy), "TM-T88V")
    assert _audit(ctx)[len(before) + 2:] == [
        ("override.granted", cashier.id, manager.id),
        ("receipt.reprinted", cashier.id, manager.id),  # both staff on record
    ]


def test_a_shift_lead_reprints_without_an_override(qtbot, window, ctx, cashier, shift_lead, prints):
    _settled_check(ctx, cashier)
    sign_in(qtbot, window, "Kenta")
    click(qtbot, button(window, "receiptsNav"))
    window.receipts.table.selectRow(0)
    click(qtbot, button(window, "reprintButton"))
    assert window.receipts.override is None
    qtbot.waitUntil(lambda: window.receipts.feedback.label.text() == "Receipt #1 reprinted.")
    assert prints.exists()
    (entry,) = [a for a in _audit(ctx) if a[0] == "receipt.reprinted"]
    assert entry == ("receipt.reprinted", shift_lead.id, None)


def test_a_cashier_voids_a_sale_with_a_managers_pin_and_a_manager_refunds_one(
        qtbot, window, ctx, cashier, manager, prints):
    first, second = _settled_check(ctx, cashier), _settled_check(ctx, cashier)
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "receiptsNav"))
    view = window.receipts
    view.table.selectRow(1)  # newest first: the first sale is the second row
    click(qtbot, button(window, "voidButton"))
    click(qtbot, button(window, "reasonOkButton"))  # no reason: refused before any PIN
    assert view.feedback.label.text() == "Voiding a settled check needs a reason."
    view.reasons.combo.setFocus()
    type_keys(qtbot, "Charged to the wrong table")
    click(qtbot, button(window, "reasonOkButton"))
    override = view.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText("Misaki"))
    type_keys(qtbot, PINS["manager"])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.feedback.label.text() == "Sale #1 is void.", timeout=10_000)
    assert view.table.item(1, 5).text() == "voided"
    assert ("check.voided", cashier.id, manager.id) in _audit(ctx)

    click(qtbot, button(window, "lockButton"))
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "receiptsNav"))
    view.table.selectRow(0)
    click(qtbot, button(window, "refundButton"))
    view.reasons.combo.setFocus()
    type_keys(qtbot, "Item returned")
    click(qtbot, button(window, "reasonOkButton"))  # a manager: no override
    qtbot.waitUntil(lambda: view.feedback.label.text() == "Refunded ¥1,100 of sale #2.",
                    timeout=10_000)
    assert view.table.item(0, 5).text() == "settled · refunded ¥1,100"
    assert prints.stat().st_size > 0
    assert (first, second) == (1, 2)
