"""The extensions that add themselves: checked every 30 s while someone is signed in.

The rule's grace period decides (services.stay.extend_overdue); a till that was
locked catches up at the next sign-in with every extension the tables used.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from bp_till.services.context import TillContext
from bp_till.services.staff import StaffMember
from bp_till.services.stay import extend_overdue

CHECK_EVERY_MS = 30_000


class AutoExtender(QObject):
    extended = Signal(str)  # what to tell the cashier: tables extended, or why one was not

    def __init__(self, ctx: TillContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run)

    def start(self, staff: StaffMember) -> None:
        self.staff = staff
        self.run()
        self.timer.start()

    def stop(self) -> None:
        self.staff = None
        self.timer.stop()

    def run(self) -> None:
        if self.staff is None:
            return
        done = extend_overdue(self.ctx, self.staff)
        if done.checks:
            self.extended.emit(self.tr("Stay extended automatically on {n} table(s).").format(
                n=len(set(done.checks))))
        for refusal in done.refusals:
            self.extended.emit(self.tr("An extension could not be added: {why}").format(why=refusal))
