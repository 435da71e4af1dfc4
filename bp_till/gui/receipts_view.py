"""A business day's receipts: reprint a copy, void a sale the same night, refund one later.

A reprint needs a shift lead; a void or a refund needs a manager (a cashier
gets the PIN typed there and then). Each asks why first, for the audit trail.
Void slips and refund receipts print through the queue like everything else.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QObject
from PySide6.QtWidgets import QDateEdit, QFrame, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget

from bp_till.bootstrap import Till
from bp_till.domain.business_day import TOKYO, business_day
from bp_till.domain.money import yen
from bp_till.gui.background import on_gui_thread
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import load_ui
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.reason_panel import ReasonPanel
from bp_till.gui.refusals import localise
from bp_till.printing.layout import refund_receipt, sale_receipt
from bp_till.printing.queue import JobKind, JobResult, Printout, Ticket
from bp_till.services import corrections
from bp_till.services.floor import ClosedCheck, closed_checks
from bp_till.services.receipts import REPRINT_ROLE
from bp_till.services.staff import StaffMember

COLUMNS = (
    QT_TRANSLATE_NOOP("ReceiptsView", "No."), QT_TRANSLATE_NOOP("ReceiptsView", "Time"),
    QT_TRANSLATE_NOOP("ReceiptsView", "Table"), QT_TRANSLATE_NOOP("ReceiptsView", "Total"),
    QT_TRANSLATE_NOOP("ReceiptsView", "Paid by"), QT_TRANSLATE_NOOP("ReceiptsView", "Status"),
)
STATUS = {"settled": QT_TRANSLATE_NOOP("ReceiptsView", "settled"),
          "voided": QT_TRANSLATE_NOOP("ReceiptsView", "voided")}
VOID_REASONS = (
    QT_TRANSLATE_NOOP("Reasons", "Charged to the wrong table"),
    QT_TRANSLATE_NOOP("Reasons", "Customer disputes the bill"),
    QT_TRANSLATE_NOOP("Reasons", "Paid twice by mistake"),
)
REFUND_REASONS = (
    QT_TRANSLATE_NOOP("Reasons", "Item returned"),
    QT_TRANSLATE_NOOP("Reasons", "Cheki photo came out blank"),
    QT_TRANSLATE_NOOP("Reasons", "Charged twice"),
)
MANAGER = "manager"


class ReceiptsView(QObject):
    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.ctx = till, till.ctx
        self.staff: StaffMember | None = None
        self.rows: list[ClosedCheck] = []
        self.override: OverrideDialog | None = None
        self.widget = load_ui("receipts", parent)
        find = self.widget.findChild
        self.table: QTableWidget = find(QTableWidget, "checksTable")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.day_edit: QDateEdit = find(QDateEdit, "dayEdit")
        self.day_edit.dateChanged.connect(lambda _date: self.refresh())
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        self.reasons = ReasonPanel(find(QFrame, "reasonPanel"))
        find(QPushButton, "reprintButton").clicked.connect(self.reprint)
        find(QPushButton, "voidButton").clicked.connect(self.void)
        find(QPushButton, "refundButton").clicked.connect(self.refund)

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self.reasons.hide()
        today = business_day(self.ctx.clock.now())
        self.day_edit.setDate(QDate(today.year, today.month, today.day))  # refreshes
        self.refresh()

    def refresh(self) -> None:
        self.rows = closed_checks(self.ctx, self.day_edit.date().toPython())
        self.table.setRowCount(len(self.rows))
        for row, check in enumerate(self.rows):
            status = self.tr(STATUS.get(check.status, check.status))
            if check.refunded:
                status += " · " + self.tr("refunded {amount}").format(amount=yen(check.refunded))
            if check.parts:  # each part its own payment and points: void or refund is refused
                status += " · " + self.tr("paid in {n} parts").format(n=check.parts)
            if check.training:
                status += " · " + self.tr("練習 TRAINING")
            cells = (f"#{check.number}", check.closed_at.astimezone(TOKYO).strftime("%H:%M"),
                     check.table, yen(check.total), ", ".join(check.methods), status)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> ClosedCheck | None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen:
            self.feedback.error(self.tr("Choose a receipt first."))
            return None
        return self.rows[chosen[0].row()]

    # --- the three actions ------------------------------------------------------------
    def reprint(self) -> None:
        check = self.selected()
        if check is None:
            return
        action = lambda approval: self.till.receipts.reprint(  # noqa: E731
            self.staff, check.check_id, approval)
        self._privileged(REPRINT_ROLE, self.tr("Reprint receipt #{n} (marked REPRINT)").format(
            n=check.number), action, lambda ticket: self._follow(
                ticket, self.tr("Receipt #{n} reprinted.").format(n=check.number)))

    def void(self) -> None:
        check = self.selected()
        if check is None:
            return
        self.reasons.ask(self.tr("Why void sale #{n}?").format(n=check.number), VOID_REASONS,
                         lambda reason: self._void(check, reason))

    def _void(self, check: ClosedCheck, reason: str) -> bool:
        ok, reason = self.feedback.attempt(corrections.void_reason, reason)
        if not ok:  # before the manager is called over for nothing
            return False
        action = lambda approval: corrections.void_settled_check(  # noqa: E731
            self.ctx, self.staff, check.check_id, reason, approval)
        return self._privileged(MANAGER, self.tr("Void sale #{n} ({total}): {reason}").format(
            n=check.number, total=yen(check.total), reason=reason), action,
            lambda receipt: self._print(sale_receipt(receipt), "void",
                                        self.tr("Sale #{n} is void.").format(n=check.number)))

    def refund(self) -> None:
        check = self.selected()
        if check is None:
            return
        self.reasons.ask(self.tr("Why refund sale #{n}?").format(n=check.number),
                         REFUND_REASONS, lambda reason: self._refund(check, reason))

    def _refund(self, check: ClosedCheck, reason: str) -> bool:
        ok, reason = self.feedback.attempt(corrections.refund_reason, reason)
        if not ok:
            return False
        action = lambda approval: corrections.refund_check(  # noqa: E731
            self.ctx, self.staff, check.check_id, reason, approval)
        return self._privileged(MANAGER, self.tr("Refund sale #{n} ({total}): {reason}").format(
            n=check.number, total=yen(check.total - check.refunded), reason=reason), action,
            lambda receipt: self._print(refund_receipt(receipt), "refund", self.tr(
                "Refunded {amount} of sale #{n}.").format(amount=yen(-receipt.total), n=check.number)))

    def _privileged(self, role: str, what: str, action, done) -> bool:
        """The action now, or behind an override dialog; the screen redraws after it."""
        def finished(result) -> None:
            self.reasons.hide()
            self.refresh()
            done(result)

        ok, dialog = self.feedback.attempt(run_privileged, self.ctx, self.staff, role, what,
                                           action, finished, self.widget)
        self.override = dialog if ok else None
        return False  # the panel closes when the action went through (``finished``)

    # --- printing ---------------------------------------------------------------------
    def _print(self, blocks, name: str, note: str) -> None:
        ticket = self.till.print_queue.submit(
            Printout(JobKind.DOCUMENT, blocks, self.ctx.clock.now(), name))
        self._follow(ticket, note)

    def _follow(self, ticket: Ticket, note: str) -> None:
        self.feedback.info(note + " " + self.tr("Printing…"))
        ticket.add_done_callback(on_gui_thread(lambda result: self._printed(result, note), self))

    def _printed(self, result: JobResult, note: str) -> None:
        if result.ok:
            self.feedback.info(note)
        else:
            self.feedback.error(note + " " + self.tr("It did not print: {why}").format(
                why=localise(result.fault.message)))
