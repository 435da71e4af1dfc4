"""The status bar: sync state, printer state and the business day, always in view."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from bp_till.bootstrap import Till
from bp_till.domain.business_day import business_day
from bp_till.gui.background import on_gui_thread
from bp_till.gui.refusals import localise
from bp_till.printing.queue import QueueState
from bp_till.sync.push import pending_count

REFRESH_MS = 10_000


class StatusBar(QObject):
    def __init__(self, till: Till, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.till = till
        self.sync_label = self._label(bar, "syncStatus")
        self.printer_label = self._label(bar, "printerStatus")
        self.day_label = self._label(bar, "dayStatus")
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        queue = till.print_queue
        self._unsubscribe = queue.subscribe(on_gui_thread(self.show_printer, self))
        self.show_printer(queue.state)
        self.refresh()

    @staticmethod
    def _label(bar: QStatusBar, name: str) -> QLabel:
        label = QLabel(bar)
        label.setObjectName(name)
        bar.addPermanentWidget(label)
        return label

    def refresh(self) -> None:
        ctx = self.till.ctx
        self.sync_label.setText(self.tr("Sync: {n} events waiting").format(n=pending_count(ctx)))
        self.day_label.setText(self.tr("Business day {day}").format(
            day=business_day(ctx.clock.now()).isoformat()))

    def show_printer(self, state: QueueState) -> None:
        if not state.printer_ok:
            text = self.tr("Printer: {problem}").format(problem=localise(state.message))
            self.printer_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            text = self.tr("Printer: ready")
            self.printer_label.setStyleSheet("")
        if state.paper_low:
            text += " · " + self.tr("paper low")
        if state.waiting:
            text += " · " + self.tr("{n} printing").format(n=state.waiting)
        if state.failed_receipts:
            text += " · " + self.tr("{n} receipts to print again").format(n=state.failed_receipts)
        self.printer_label.setText(text)

    def stop(self) -> None:
        self.timer.stop()
        self._unsubscribe()
