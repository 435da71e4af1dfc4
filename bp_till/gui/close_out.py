"""The close-out screen: open checks, the cash count against the drawer, the night's figures.

The shift lead counts the drawer by denomination and sees expected, counted
and over/short change as they type; Close locks the day, prints the report
and forces a sync. A sync that cannot reach the central database does not
undo the close: the screen says how many events stay queued.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QWidget,
)

from bp_till.domain.business_day import TOKYO
from bp_till.domain.cash import DENOMINATIONS, MAX_PIECES, Drawer, count_cash, over_short_label
from bp_till.domain.errors import TillError
from bp_till.domain.money import yen
from bp_till.gui.hour_chart import hour_chart_view, show_hours
from bp_till.gui.loader import load_ui
from bp_till.printing.blocks import Line, Row
from bp_till.printing.layout import close_out_figures, close_out_report
from bp_till.printing.printers import PrintFailed, Printer
from bp_till.services.closeout import DayReport, close_day, current_day, day_report
from bp_till.services.context import TillContext
from bp_till.services.staff import ROLE_NAMES, Approval, StaffMember, list_staff
from bp_till.sync.once import sync_now
from bp_till.sync.push import pending_count

ERROR_STYLE, OK_STYLE = "color: #b00020;", "color: #1b5e20;"


class _SyncJob(QRunnable):
    """Runs the forced sync off the GUI thread; reports back by signal."""

    def __init__(self, force_sync: Callable[[], int], done: Signal) -> None:
        super().__init__()
        self.force_sync, self.done = force_sync, done

    def run(self) -> None:
        try:
            self.done.emit(self.force_sync(), "")
        except Exception as exc:  # noqa: BLE001 - whatever the central side did, the close stands
            reason = (str(getattr(exc, "orig", exc)).strip().splitlines() or [type(exc).__name__])[0]
            self.done.emit(None, reason[:120])


class CloseOutView(QObject):
    closed = Signal(object)  # DayReport, once the day is locked
    sync_finished = Signal(int, str)  # events still queued; why the sync failed ("" if it did not)
    _sync_done = Signal(object, str)

    def __init__(
        self, ctx: TillContext, printer: Printer, staff: StaffMember,
        force_sync: Callable[[], int] | None = None, parent: QWidget | None = None,
        *, central_url: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx, self.printer, self.staff = ctx, printer, staff
        self.force_sync = force_sync or partial(sync_now, ctx, central_url)
        self.widget = load_ui("close_out", parent)
        self._find_widgets()
        self.counts = self._count_boxes()
        self.chart = hour_chart_view()
        self.widget.findChild(QWidget, "chartHost").layout().addWidget(self.chart)
        self._setup_approval()
        self.float_spin.valueChanged.connect(self._update_drawer)
        self.close_button.clicked.connect(self.close_day)
        self.print_button.clicked.connect(self.print_report)
        self.widget.findChild(QPushButton, "refreshButton").clicked.connect(self.reload)
        self._sync_done.connect(self._synced)
        self.reload()

    def _find_widgets(self) -> None:
        find = self.widget.findChild
        self.day_label: QLabel = find(QLabel, "dayLabel")
        self.open_list: QListWidget = find(QListWidget, "openChecksList")
        self.float_spin: QSpinBox = find(QSpinBox, "floatSpin")
        self.expected_label: QLabel = find(QLabel, "expectedLabel")
        self.counted_label: QLabel = find(QLabel, "countedLabel")
        self.over_short_label: QLabel = find(QLabel, "overShortLabel")
        self.table: QTableWidget = find(QTableWidget, "figuresTable")
        self.close_button: QPushButton = find(QPushButton, "closeButton")
        self.print_button: QPushButton = find(QPushButton, "printButton")
        self.message: QLabel = find(QLabel, "messageLabel")
        self.approval_box: QGroupBox = find(QGroupBox, "approvalBox")
        self.approver_combo: QComboBox = find(QComboBox, "approverCombo")
        self.approver_pin: QLineEdit = find(QLineEdit, "approverPinEdit")

    def _count_boxes(self) -> dict[int, QSpinBox]:
        grid: QGridLayout = self.widget.findChild(QGridLayout, "countGrid")
        boxes = {}
        for index, value in enumerate(DENOMINATIONS):
            box = QSpinBox(self.widget)
            box.setObjectName(f"count{value}")
            box.setRange(0, MAX_PIECES)
            box.valueChanged.connect(self._update_drawer)
            row, column = index % 5, (index // 5) * 2  # notes on the left, coins on the right
            grid.addWidget(QLabel(yen(value), self.widget), row, column)
            grid.addWidget(box, row, column + 1)
            boxes[value] = box
        return boxes

    def _setup_approval(self) -> None:
        self.needs_approval = not self.staff.can("shift_lead")  # a cashier closing needs a PIN
        self.approval_box.setVisible(self.needs_approval)
        if self.needs_approval:
            for member in list_staff(self.ctx):
                if member.can("shift_lead"):
                    self.approver_combo.addItem(member.name, member)

    def reload(self) -> None:
        """Read the day again (after a check is settled elsewhere, or on showing the screen)."""
        self.day = current_day(self.ctx)
        self._show(day_report(self.ctx, self.day))

    def _show(self, report: DayReport) -> None:
        self.report = report
        who = f"{self.staff.name} ({ROLE_NAMES[self.staff.role]})"
        state = (f"closed {report.closed_at.astimezone(TOKYO):%H:%M} by {report.closed_by}"
                 if report.closed else "open")
        self.day_label.setText(f"Business day {report.figures.business_day} — {state} · {who}")
        self.open_list.clear()
        for check in report.open_checks:
            self.open_list.addItem(
                f"#{check.number}  {check.table}  opened {check.opened_at.astimezone(TOKYO):%H:%M}")
        self._fill_table(report)
        show_hours(self.chart, report.figures.hours)
        for box in (self.float_spin, *self.counts.values()):
            box.setEnabled(not report.closed)
        self.close_button.setEnabled(not report.closed)
        self._update_drawer()

    def _fill_table(self, report: DayReport) -> None:
        rows = [b for b in close_out_figures(report.figures) if isinstance(b, (Line, Row))]
        self.table.clearSpans()
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for index, block in enumerate(rows):
            left = QTableWidgetItem(block.text if isinstance(block, Line) else block.left)
            right = QTableWidgetItem("" if isinstance(block, Line) else block.right)
            right.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if isinstance(block, Line) and block.bold:
                left.setFont(bold)
                self.table.setSpan(index, 0, 1, 2)
            self.table.setItem(index, 0, left)
            self.table.setItem(index, 1, right)
        self.table.resizeColumnToContents(0)

    def pieces(self) -> dict[int, int]:
        return {value: box.value() for value, box in self.counts.items()}

    def _update_drawer(self) -> None:
        d = self.report.figures.drawer
        if self.report.closed:  # the count as it was locked
            drawer = Drawer(d.opening_float, d.cash_sales, d.cash_refunds,
                            count_cash({int(v): n for v, n in d.counts.items()}))
        else:
            drawer = Drawer(self.float_spin.value(), d.cash_sales, d.cash_refunds,
                            count_cash(self.pieces()))
        self.expected_label.setText(yen(drawer.expected))
        self.counted_label.setText(yen(drawer.counted.total))
        self.over_short_label.setText(over_short_label(drawer.over_short))
        self.over_short_label.setStyleSheet(
            "font-weight: bold;" + (ERROR_STYLE if drawer.over_short else OK_STYLE))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    def _approval(self) -> Approval | None:
        if not self.needs_approval:
            return None
        member = self.approver_combo.currentData()
        pin, _ = self.approver_pin.text(), self.approver_pin.clear()
        return Approval(member.id, pin) if member else None

    def close_day(self) -> None:
        try:
            report = close_day(self.ctx, self.staff, self.day, self.float_spin.value(),
                               self.pieces(), self._approval())
        except TillError as refusal:
            self._say(refusal.message, error=True)
            return
        self._show(report)
        self._closed_note = f"Business day {self.day} is closed. {self._print(report)}"
        self._say(f"{self._closed_note} Sending the night's points…")
        self.closed.emit(report)
        QThreadPool.globalInstance().start(_SyncJob(self.force_sync, self._sync_done))

    def print_report(self) -> None:
        self._say(self._print(self.report))

    def _print(self, report: DayReport) -> str:
        blocks = close_out_report(report.figures, self.ctx.site.shop_name,
                                  self.ctx.site.terminal, report.closed_at, report.closed_by)
        try:
            self.printer.print_blocks(blocks, "close-out", self.ctx.clock.now())
        except PrintFailed as failure:
            return f"The report did not print: {failure} Press Print report to try again."
        return "The report is printed."

    def _synced(self, pending: int | None, error: str) -> None:
        closed = self._closed_note
        if error:
            pending = pending_count(self.ctx)
            self._say(f"{closed} The night's points are queued ({pending} events): "
                      f"the central database cannot be reached ({error}).", error=True)
        elif pending:
            self._say(f"{closed} Synced; {pending} events are still queued.")
        else:
            self._say(f"{closed} The night's points reached the central database.")
        self.sync_finished.emit(pending, error)
