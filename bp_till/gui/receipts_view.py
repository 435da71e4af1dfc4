"""The day's receipts: reprint a copy, void a sale the same night, refund one (manager's PIN)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from bp_till.bootstrap import Till
from bp_till.domain.business_day import TOKYO, business_day
from bp_till.domain.money import yen
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import load_ui
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.background import on_gui_thread
from bp_till.printing.queue import JobResult
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
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        find(QPushButton, "reprintButton").clicked.connect(self.reprint)
        for name in ("voidButton", "refundButton"):
            find(QPushButton, name).hide()  # the corrections arrive with the close-out work

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self.refresh()

    def refresh(self) -> None:
        day = business_day(self.ctx.clock.now())
        self.widget.findChild(QLabel, "dayLabel").setText(day.isoformat())
        self.rows = closed_checks(self.ctx, day)
        self.table.setRowCount(len(self.rows))
        for row, check in enumerate(self.rows):
            cells = (f"#{check.number}", check.closed_at.astimezone(TOKYO).strftime("%H:%M"),
                     check.table, yen(check.total), ", ".join(check.methods),
                     self.tr(STATUS.get(check.status, check.status)))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> ClosedCheck | None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen:
            self.feedback.error(self.tr("Choose a receipt first."))
            return None
        return self.rows[chosen[0].row()]

    def reprint(self) -> None:
        check = self.selected()
        if check is None:
            return
        action = lambda approval: self.till.receipts.reprint(  # noqa: E731
            self.staff, check.check_id, approval)
        ok, dialog = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, REPRINT_ROLE,
            self.tr("Reprint receipt #{n} (marked REPRINT)").format(n=check.number),
            action, lambda ticket: self._queued(ticket, check.number), self.widget)
        self.override = dialog if ok else None

    def _queued(self, ticket, number: int) -> None:
        self.feedback.info(self.tr("Printing a copy of receipt #{n}…").format(n=number))
        ticket.add_done_callback(on_gui_thread(lambda result: self._printed(result, number), self))

    def _printed(self, result: JobResult, number: int) -> None:
        if result.ok:
            self.feedback.info(self.tr("Receipt #{n} reprinted.").format(n=number))
        else:
            self.feedback.error(self.tr("The copy did not print: {why}").format(
                why=result.fault.message))
