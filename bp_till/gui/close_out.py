"""The close-out screen: open checks, the cash count against the drawer, the night's figures.

The shift lead counts the drawer by denomination and sees expected, counted
and over/short change as they type; Close locks the day (a cashier gets a
shift lead's PIN typed there and then), prints the report through the print
queue and forces a sync. A sync that cannot reach the central database does
not undo the close: the screen says how many events stay queued.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout, QLabel, QListWidget, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QWidget,
)

from bp_till.bootstrap import Till
from bp_till.domain.business_day import TOKYO
from bp_till.domain.cash import DENOMINATIONS, MAX_PIECES, Drawer, count_cash
from bp_till.domain.money import yen
from bp_till.gui.background import in_background, on_gui_thread
from bp_till.gui.feedback import Feedback
from bp_till.gui.hour_chart import hour_chart_view, show_hours
from bp_till.gui.loader import load_ui
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.refusals import localise
from bp_till.gui.style import set_state
from bp_till.printing.blocks import Line, Row
from bp_till.printing.backs_layout import backs_slip
from bp_till.printing.layout import close_out_figures, close_out_report
from bp_till.printing.queue import JobKind, JobResult, Printout
from bp_till.services.closeout import DayReport, close_day, current_day, day_report
from bp_till.services.staff import StaffMember
from bp_till.sync.push import pending_count

CLOSE_ROLE = "shift_lead"
SYNC_WAIT_S = 120  # a round with a night's backlog; the close itself never waits on it


def _default_sync(till: Till) -> Callable[[], int]:
    """Through the running sync worker (one round at a time), or a round of its own."""
    worker = till.sync_worker
    if worker is None:
        from bp_till.sync.once import sync_now  # the central side loads when first needed

        return partial(sync_now, till.ctx, till.config.central_url)

    def through_worker() -> int:
        outcome = worker.sync_now().result(timeout=SYNC_WAIT_S)
        if not outcome.ok:
            raise CentralUnreachable(outcome.reason)
        return outcome.pending
    return through_worker


class CentralUnreachable(Exception):
    """The worker's round failed; its reason is this exception's text."""


class CloseOutView(QObject):
    closed = Signal(object)  # DayReport, once the day is locked
    sync_finished = Signal(int, str)  # events still queued; why the sync failed ("" if it did not)

    def __init__(self, till: Till, parent: QWidget | None = None,
                 force_sync: Callable[[], int] | None = None) -> None:
        super().__init__(parent)
        self.till, self.ctx = till, till.ctx
        self.staff: StaffMember | None = None
        self.force_sync = force_sync  # None: chosen at the close (the worker may start later)
        self.override: OverrideDialog | None = None
        self.notes: dict[str, tuple[str, bool]] = {}  # closed, printed, synced: (text, failed)
        self.widget = load_ui("close_out", parent)
        self._find_widgets()
        self.counts = self._count_boxes()
        self.chart = hour_chart_view()
        self.widget.findChild(QWidget, "chartHost").layout().addWidget(self.chart)
        self.float_spin.valueChanged.connect(self._update_drawer)
        self.close_button.clicked.connect(self.close_day)
        self.print_button.clicked.connect(lambda: self._print(self.report))
        self.widget.findChild(QPushButton, "refreshButton").clicked.connect(self.reload)

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
        self.feedback = Feedback(find(QLabel, "messageLabel"))

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

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.notes = {}
        self.feedback.clear()
        self.reload()

    def reload(self) -> None:
        """Read the day again (after a check is settled elsewhere, or on showing the screen)."""
        self.day = current_day(self.ctx)
        self._show(day_report(self.ctx, self.day))

    def _show(self, report: DayReport) -> None:
        self.report = report
        figures = report.figures
        if report.closed:
            state = self.tr("closed {time} by {name}").format(
                time=f"{report.closed_at.astimezone(TOKYO):%H:%M}", name=report.closed_by)
        else:
            state = self.tr("open")
        self.day_label.setText(self.tr("Business day {day}: {state}").format(
            day=figures.business_day, state=state))
        self.open_list.clear()
        for check in report.open_checks:
            self.open_list.addItem(self.tr("#{number}  {table}  opened {time}").format(
                number=check.number, table=check.table,
                time=f"{check.opened_at.astimezone(TOKYO):%H:%M}"))
        self._fill_table(report)
        show_hours(self.chart, figures.hours)
        for box in (self.float_spin, *self.counts.values()):
            box.setEnabled(not report.closed)
        self.close_button.setEnabled(not report.closed)
        self._update_drawer()

    def _fill_table(self, report: DayReport) -> None:
        """The same figures the printed report carries, in its own words (receipts/close_out.toml)."""
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
        self.over_short_label.setText(self._over_short(drawer.over_short))
        set_state(self.over_short_label, "error" if drawer.over_short else "ok")

    def _over_short(self, amount: int) -> str:
        if amount > 0:
            return self.tr("over {amount}").format(amount=yen(amount))
        if amount < 0:
            return self.tr("short {amount}").format(amount=yen(-amount))
        return self.tr("even")

    # --- closing ----------------------------------------------------------------------
    def close_day(self) -> None:
        day, float_yen, pieces = self.day, self.float_spin.value(), self.pieces()
        action = lambda approval: close_day(  # noqa: E731
            self.ctx, self.staff, day, float_yen, pieces, approval)
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, CLOSE_ROLE,
            self.tr("Close business day {day}").format(day=day), action, self._closed,
            self.widget)

    def _closed(self, report: DayReport) -> None:
        self._show(report)
        self.notes = {"closed": (self.tr("Business day {day} is closed.").format(day=self.day), False)}
        self._print(report)
        self._print_backs_slips(report)
        self._note("synced", self.tr("Sending the night's points…"))
        self.closed.emit(report)
        in_background(self._sync_once, self._synced, lambda refusal: None, self)

    def _sync_once(self) -> tuple[int, str]:
        """One push; a central database out of reach is an answer here, not an error."""
        try:
            return (self.force_sync or _default_sync(self.till))(), ""
        except Exception as exc:  # noqa: BLE001 - whatever the central side did, the close stands
            from bp_till.sync.once import failure_reason

            return pending_count(self.ctx), failure_reason(exc)

    def _synced(self, outcome: tuple[int, str]) -> None:
        pending, error = outcome
        if error:
            self._note("synced", self.tr(
                "The night's points are queued ({n} events): the central database cannot be "
                "reached ({why}).").format(n=pending, why=error), error=True)
        elif pending:
            self._note("synced", self.tr("Synced; {n} events are still queued.").format(n=pending))
        else:
            self._note("synced", self.tr("The night's points reached the central database."))
        self.sync_finished.emit(pending, error)

    # --- the printed report -----------------------------------------------------------
    def _print(self, report: DayReport) -> None:
        blocks = close_out_report(report.figures, self.ctx.site.shop_name,
                                  self.ctx.site.terminal, report.closed_at, report.closed_by)
        self._note("printed", self.tr("Printing the report…"))
        ticket = self.till.print_queue.submit(
            Printout(JobKind.DOCUMENT, blocks, self.ctx.clock.now(), "close-out"))
        ticket.add_done_callback(on_gui_thread(self._printed, self))

    def _print_backs_slips(self, report: DayReport) -> None:
        """A slip for each cast member with backs tonight, once, at the close (not on a retry)."""
        for backs in report.figures.backs:
            blocks = backs_slip(backs, report.figures.business_day, self.ctx.site.shop_name,
                                self.ctx.site.terminal)
            self.till.print_queue.submit(
                Printout(JobKind.DOCUMENT, blocks, self.ctx.clock.now(), f"backs-{backs.code}"))

    def _printed(self, result: JobResult) -> None:
        if result.ok:
            self._note("printed", self.tr("The report is printed."))
        else:
            self._note("printed", self.tr(
                "The report did not print: {why} Press Print report to try again.").format(
                why=localise(result.fault.message)), error=True)

    def _note(self, part: str, text: str, error: bool = False) -> None:
        """One line for the close, the printout and the sync, red while any of them failed."""
        self.notes[part] = (text, error)
        parts = [self.notes[k] for k in ("closed", "printed", "synced") if k in self.notes]
        line = " ".join(text for text, _ in parts)
        (self.feedback.error if any(failed for _, failed in parts) else self.feedback.info)(line)
