"""The status bar: sync state, printer state and the business day, always in view."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from bp_till.bootstrap import Till
from bp_till.domain.business_day import TOKYO, business_day
from bp_till.gui.background import on_gui_thread
from bp_till.gui.refusals import localise
from bp_till.gui.style import set_state
from bp_till.printing.queue import QueueState
from bp_till.sync.push import pending_count

if TYPE_CHECKING:
    from bp_till.sync.worker import SyncState

REFRESH_MS = 10_000


class StatusBar(QObject):
    fault = Signal(str, str)  # "printer" or "sync", what is wrong ("" once it is fine)
    announced = Signal(str)  # a round of sync done, for the toast

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
        self.sync_state: SyncState | None = None
        self._unsubscribe_sync = lambda: None
        if till.sync_worker is not None:
            self.sync_state = till.sync_worker.state
            self._unsubscribe_sync = till.sync_worker.subscribe(on_gui_thread(self.show_sync, self))
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
        self._show_sync(pending_count(ctx))
        self.day_label.setText(self.tr("Business day {day}").format(
            day=business_day(ctx.clock.now()).isoformat()))

    def show_sync(self, state: SyncState) -> None:
        """A new state from the sync worker (on the GUI thread)."""
        before = self.sync_state.last_success if self.sync_state else None
        self.sync_state = state
        self._show_sync(state.pending)
        if state.last_success and state.last_success != before and not state.last_error:
            self.announced.emit(self.tr("Synced with the central database."))

    def _show_sync(self, pending: int) -> None:
        """Pending is read fresh: a sale since the last round is waiting too."""
        state, waiting = self.sync_state, self.tr("{n} events waiting").format(n=pending)
        set_state(self.sync_label, "")
        self.sync_label.setToolTip("")
        if state is None:
            text = self.tr("Sync off") + " · " + waiting
        elif state.running:
            text = self.tr("Sync: sending…") + " · " + waiting
        elif state.last_error:
            if state.refused:  # no retry helps: a person must renumber a till
                text = self.tr("Sync stopped: the central database refuses terminal {n}'s "
                               "events (another till has this number; see the tip)").format(
                    n=self.till.ctx.site.terminal)
            else:
                text = self.tr("Sync: central database unreachable, next try {at}").format(
                    at=_clock(state.next_attempt))
            text += " · " + waiting
            set_state(self.sync_label, "error")
            self.sync_label.setToolTip(localise(state.last_error))
            self.fault.emit("sync", text + "\n" + self.tr("Sales go on: they are kept and sent "
                                                        "once it is back."))
        elif state.last_success:
            text = self.tr("Synced {at}").format(at=_clock(state.last_success)) + " · " + waiting
        else:
            text = self.tr("Sync: starting") + " · " + waiting
        if not (state and state.last_error):
            self.fault.emit("sync", "")
        self.sync_label.setText(text)

    def show_printer(self, state: QueueState) -> None:
        if not state.printer_ok:
            text = self.tr("Printer: {problem}").format(problem=localise(state.message))
            set_state(self.printer_label, "error")
            self.fault.emit("printer", text + " · " + self.tr(
                "Sales go on; receipts wait in Receipts to print again."))
        else:
            self.fault.emit("printer", "")
            text = self.tr("Printer: ready")
            set_state(self.printer_label, "")
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
        self._unsubscribe_sync()


def _clock(moment: datetime | None) -> str:
    return moment.astimezone(TOKYO).strftime("%H:%M:%S") if moment else "—"
