"""“New producer” at the till with a real network printer: the slip prints, or fails with Retry."""

from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy import select

from bp_till.domain.credentials import verify_password
from bp_till.gui.app import MainWindow
from bp_till.printing.status import Status
from bp_till.store.models import AuditEntry, Check, Producer
from tests.gui.conftest import button, click, open_for, sign_in
from tests.support.fake_printer import FakePrinter
from tests.support.tills import printouts, slip_seen, till_with


def _window(qtbot, ctx, tmp_path, url):
    till = till_with(ctx, tmp_path, url, timeout_s=1.0)
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    return till, window


def _new_producer_on_a_check(qtbot, window):
    sign_in(qtbot, window, "Yuto")
    open_for(qtbot, window, "T6", 1)
    click(qtbot, button(window, "newProducerButton"))


def _hash(ctx):
    with ctx.store.read() as session:
        (producer,) = session.scalars(select(Producer)).all()
        check = session.scalars(select(Check)).one()
        return producer.password_hash, check.producer_id == producer.id


def test_the_slip_prints_and_the_card_is_on_the_check(qtbot, ctx, tmp_path):
    with FakePrinter("accept") as printer:
        till, window = _window(qtbot, ctx, tmp_path, printer.url)
        _new_producer_on_a_check(qtbot, window)
        feedback = window.check.feedback.label
        qtbot.waitUntil(lambda: "The slip is printed." in feedback.text(), timeout=10_000)
        (job,) = [j for j in printer.wait_for_jobs(1) if j]
        till.close(drain_s=5)
    password_hash, on_check = _hash(ctx)
    seen = slip_seen(printouts(job)[-1])
    assert on_check and verify_password(password_hash, seen["pw"])  # the QR's password works
    assert "0101-000001-3" in window.check.widget.findChild(QLabel, "producerLabel").text()


def test_paper_out_offers_retry_and_the_retried_slip_has_a_fresh_password(qtbot, ctx, tmp_path):
    with FakePrinter("accept", Status(paper_out=True)) as printer:
        till, window = _window(qtbot, ctx, tmp_path, printer.url)
        _new_producer_on_a_check(qtbot, window)
        qtbot.waitUntil(lambda: window.check.slips.failed_dialog is not None, timeout=10_000)
        dialog = window.check.slips.failed_dialog
        assert "out of paper" in dialog.findChild(QLabel, "faultLabel").text()
        first_hash, on_check = _hash(ctx)
        assert on_check  # the sale goes on: the card is on the check already
        printer.status = Status()  # a new roll is loaded
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
        click(qtbot, dialog.findChild(QPushButton, "retryButton"))
        feedback = window.check.feedback.label
        qtbot.waitUntil(lambda: "The slip is printed." in feedback.text(), timeout=10_000)
        job = printer.wait_for_jobs(2)[-1]
        till.close(drain_s=5)
    second_hash, _ = _hash(ctx)
    seen = slip_seen(printouts(job)[-1])
    assert second_hash != first_hash and verify_password(second_hash, seen["pw"])
    with ctx.store.read() as session:
        actions = [a.action for a in session.scalars(select(AuditEntry))]
    assert "card.slip_failed" in actions
