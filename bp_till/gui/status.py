"""The status bar: sync state, printer state and the business day, always in view."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from bp_till.bootstrap import Till
from bp_till.domain.business_day import business_day
from bp_till.sync.push import pending_count

REFRESH_MS = 10_000


class StatusBar(QObject):
    def __init__(self, till: Till, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.till = till
        self.sync_label = QLabel(bar)
        self.sync_label.setObjectName("syncStatus")
        self.printer_label = QLabel(bar)
        self.printer_label.setObjectName("printerStatus")
        self.day_label = QLabel(bar)
        self.day_label.setObjectName("dayStatus")
        for label in (self.sync_label, self.printer_label, self.day_label):
            bar.addPermanentWidget(label)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        ctx = self.till.ctx
        self.sync_label.setText(self.tr("Sync: {n} events waiting").format(n=pending_count(ctx)))
        self.printer_label.setText(self.tr("Printer: {url}").format(url=self.till.config.printer_url))
        self.day_label.setText(self.tr("Business day {day}").format(
            day=business_day(ctx.clock.now()).isoformat()))

    def stop(self) -> None:
        self.timer.stop()
