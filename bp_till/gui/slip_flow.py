"""A card's slip at the till: printed off the GUI thread, with Retry when the printer fails.

The card desk waits for the printer, so it runs in the background while the
screen stays live. A slip that did not print offers Retry (a fresh password:
whatever came out is void) or Give up (the password is voided; a manager can
reset it later). The preview printer's slip is shown in a window and never saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from bp_till.bootstrap import Till
from bp_till.domain.errors import TillError
from bp_till.domain.identifiers import format_card_number, format_login_id
from bp_till.gui.background import in_background
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import give_back_focus, load_ui
from bp_till.gui.print_preview import PrintPreviewDialog
from bp_till.gui.refusals import localise
from bp_till.services.card_desk import CardSlip, SlipPurpose
from bp_till.services.staff import StaffMember


class SlipFlow(QObject):
    landed = Signal(object)  # a CardSlip, printed or not: the card exists either way
    finished = Signal()  # printed, or given up
    issued = Signal(str)  # a card issued and its slip printed, in words (for the toast)

    def __init__(self, till: Till, staff: StaffMember, feedback: Feedback,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.till, self.staff, self.feedback, self.parent_widget = till, staff, feedback, parent
        self.failed_dialog: QDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        self.busy = False

    def start(self, call: Callable[[], CardSlip], doing: str) -> None:
        """Run a card-desk call (issue, replace, reset, retry) and follow its slip."""
        self.busy = True
        self.feedback.info(doing)
        in_background(call, self._landed, self._refused, self)

    def _refused(self, refusal: TillError) -> None:
        self.busy = False
        self.feedback.error(refusal.message)
        self.finished.emit()

    def _landed(self, slip: CardSlip) -> None:
        self.busy = False
        self.landed.emit(slip)
        card = self.tr("Card {card} for producer {login}.").format(
            card=format_card_number(slip.card_number), login=format_login_id(slip.login_id))
        if slip.printed:
            self.feedback.info(card + " " + self.tr("The slip is printed."))
            self.issued.emit(card + " " + self.tr("The slip is printed."))
            if slip.preview is not None:
                self.preview = PrintPreviewDialog(slip.preview, self.tr("Producer card slip"),
                                                  self.parent_widget)
                self.preview.open()
            self.finished.emit()
            return
        self.feedback.error(card + " " + self.tr("The slip did not print: {why}").format(
            why=localise(slip.message)))
        self._ask(slip)

    def _ask(self, slip: CardSlip) -> None:
        dialog = self.failed_dialog = load_ui("slip_failed", self.parent_widget)
        dialog.setModal(True)
        dialog.findChild(QLabel, "faultLabel").setText(localise(slip.message))
        desk = self.till.card_desk
        dialog.findChild(QPushButton, "retryButton").clicked.connect(lambda: (
            dialog.accept(),
            self.start(lambda: desk.retry(self.staff, slip), self.tr("Printing the slip again…"))))
        dialog.findChild(QPushButton, "giveUpButton").clicked.connect(lambda: (
            dialog.accept(), self._give_up(slip)))
        dialog.finished.connect(lambda _result: give_back_focus(self.parent_widget))
        dialog.open()

    def _give_up(self, slip: CardSlip) -> None:
        def given_up(_none) -> None:
            self.feedback.error(self.tr("No slip: the password is void. A manager can reset it."))
            self.finished.emit()

        in_background(lambda: self.till.card_desk.give_up(self.staff, slip), given_up,
                      self._refused, self)


def issue_new_producer(current: SlipFlow | None, till: Till, staff: StaffMember,
                       feedback: Feedback, parent: QWidget,
                       put_on_check: Callable[[str], object]) -> SlipFlow:
    """“New producer”: a card issued in the background, on the check as soon as it exists
    (whether or not its slip prints). A second press while one is under way does nothing."""
    if current is not None and current.busy:
        return current
    flow = SlipFlow(till, staff, feedback, parent)
    flow.landed.connect(
        lambda slip: put_on_check(slip.card_number) if slip.purpose == SlipPurpose.ISSUE else None)
    desk = till.card_desk
    flow.start(lambda: desk.issue(staff),
               flow.tr("Issuing a card and printing its slip…"))
    return flow
