"""Taking payment: cash with change, card, e-money or a split; then the receipt prints."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget, QWidget

from bp_till.bootstrap import Till
from bp_till.domain.errors import TillError
from bp_till.domain.money import yen
from bp_till.domain.settlement import CARD, CASH, EMONEY, REVENUE_STAMP_THRESHOLD, Tender, settle
from bp_till.domain.typed import whole_number
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import load_ui
from bp_till.gui.background import on_gui_thread
from bp_till.gui.print_preview import PrintPreviewDialog
from bp_till.gui.refusals import localise
from bp_till.gui.slip_flow import SlipFlow, issue_new_producer
from bp_till.printing.queue import JobResult
from bp_till.services import checks
from bp_till.services.floor import CheckDetail, check_detail
from bp_till.services.settle import settle_check
from bp_till.services.staff import StaffMember

QUICK_NOTES = (1_000, 5_000, 10_000)
FIELDS = {CASH: "cashEdit", CARD: "cardEdit", EMONEY: "emoneyEdit"}
FIELD_NAMES = {
    CASH: QT_TRANSLATE_NOOP("SettleView", "Cash received"),
    CARD: QT_TRANSLATE_NOOP("SettleView", "Credit card"),
    EMONEY: QT_TRANSLATE_NOOP("SettleView", "E-money"),
}


class SettleView(QObject):
    back = Signal(int)  # to the check
    done = Signal()  # settled and seen: back to the floor
    announced = Signal(str)  # an action done, for the toast
    paid = Signal(object)  # the Receipt, once the check is settled (the customer display)

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.ctx = till, till.ctx
        self.staff: StaffMember | None = None
        self.detail: CheckDetail | None = None
        self.widget = load_ui("settle", parent)
        find = self.widget.findChild
        self.fields = {method: find(QLineEdit, name) for method, name in FIELDS.items()}
        self.steps: QStackedWidget = find(QStackedWidget, "steps")
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        self.slips: SlipFlow | None = None
        self.preview: PrintPreviewDialog | None = None
        self._wire()

    def _wire(self) -> None:
        find = self.widget.findChild
        for field in self.fields.values():
            field.textChanged.connect(self._preview)
            field.returnPressed.connect(self.confirm)
        for note in QUICK_NOTES:
            find(QPushButton, f"quick{note}").clicked.connect(lambda _=False, n=note: self._add_cash(n))
        find(QPushButton, "cashExactButton").clicked.connect(lambda: self._rest(CASH))
        find(QPushButton, "cardRestButton").clicked.connect(lambda: self._rest(CARD))
        find(QPushButton, "emoneyRestButton").clicked.connect(lambda: self._rest(EMONEY))
        find(QPushButton, "clearTendersButton").clicked.connect(self._clear)
        find(QPushButton, "confirmButton").clicked.connect(self.confirm)
        find(QPushButton, "payCardButton").clicked.connect(self._pay_by_card)
        find(QPushButton, "backButton").clicked.connect(self._back)
        find(QPushButton, "doneButton").clicked.connect(self.done.emit)
        find(QPushButton, "newProducerButton").clicked.connect(self._new_producer)
        escape = QShortcut(QKeySequence("Esc"), self.widget)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._back)

    def show_for(self, staff: StaffMember, check_id: int) -> None:
        self.staff = staff
        self.steps.setCurrentIndex(0)
        self._set_buttons(paying=True)
        self.feedback.clear()
        self._load(check_id)
        self._clear()
        self.fields[CASH].setFocus()

    def _load(self, check_id: int) -> None:
        detail = self.detail = check_detail(self.ctx, check_id)
        find = self.widget.findChild
        find(QLabel, "titleLabel").setText(self.tr("Check #{number} · {table}").format(
            number=detail.number, table=detail.table))
        find(QLabel, "totalLabel").setText(self.tr("To pay {total}").format(total=yen(detail.total)))
        p = detail.producer
        find(QLabel, "producerLabel").setText(
            self.tr("{rank}: +{spend} spend and +{votes} vote points on this check.").format(
                rank=p.rank_name, spend=p.earn_spend, votes=p.earn_votes)
            if p else self.tr("No producer card: a first visit can get one now."))
        find(QPushButton, "newProducerButton").setEnabled(p is None)
        find(QPushButton, "payCardButton").setText(
            self.tr("Card: all {total}").format(total=yen(detail.total)))

    # --- the tenders ------------------------------------------------------------------
    def _typed(self, method: str) -> int:
        text = self.fields[method].text()
        return whole_number(text, self.tr(FIELD_NAMES[method]), money=True) if text.strip() else 0

    def tenders(self) -> list[Tender]:
        """What the customer handed over, read from the fields; letters are refused."""
        amounts = {method: self._typed(method) for method in self.fields}
        return [Tender(method, amount) for method, amount in amounts.items() if amount]

    def _preview(self) -> None:
        """Live change (or what is still missing) as the cashier types."""
        label = self.widget.findChild(QLabel, "changeLabel")
        stamp = self.widget.findChild(QLabel, "stampLabel")
        stamp.clear()
        try:
            tenders = self.tenders()
            given = sum(t.amount for t in tenders)
            if given < self.detail.total:
                label.setText(self.tr("{short} still to pay").format(
                    short=yen(self.detail.total - given)))
                return
            outcome = settle(self.detail.total, tenders)
        except TillError as problem:
            label.setText(problem.message)
            return
        label.setText(self.tr("Change {change}").format(change=yen(outcome.change)))
        if outcome.needs_revenue_stamp:
            stamp.setText(self.tr("Cash of {limit} or more: this receipt needs a revenue stamp "
                                  "(収入印紙).").format(limit=yen(REVENUE_STAMP_THRESHOLD)))

    def _add_cash(self, note: int) -> None:
        try:
            cash = self._typed(CASH)
        except TillError:
            cash = 0
        self.fields[CASH].setText(str(cash + note))

    def _rest(self, method: str) -> None:
        """Put whatever the other methods do not cover on ``method``."""
        others = 0
        for other in self.fields:
            if other != method:
                try:
                    others += self._typed(other) if other != CASH else 0
                except TillError:
                    self.fields[other].clear()
        if method != CASH:
            self.fields[CASH].clear()
        self.fields[method].setText(str(max(0, self.detail.total - others)))

    def _clear(self) -> None:
        for field in self.fields.values():
            field.clear()
        self._preview()

    # --- paying -----------------------------------------------------------------------
    def _pay_by_card(self) -> None:
        """The card terminal approved the whole total: one tap, no typing."""
        self._clear()
        self._rest(CARD)
        self.confirm()

    def confirm(self) -> None:
        if self.steps.currentIndex() != 0:
            return
        ok, tenders = self.feedback.attempt(self.tenders)
        if not ok:
            return
        ok, receipt = self.feedback.attempt(settle_check, self.ctx, self.staff,
                                            self.detail.check_id, tenders)
        if not ok:
            return
        find = self.widget.findChild
        said = (self.tr("Change {change}").format(change=yen(receipt.change)) if receipt.change
                else self.tr("Paid. No change."))
        find(QLabel, "doneLabel").setText(said)
        self.announced.emit(self.tr("Check #{number} settled.").format(number=self.detail.number)
                            + " " + said)
        self.paid.emit(receipt)
        self._print(receipt, cash=any(t.method == CASH for t in tenders))
        self.steps.setCurrentIndex(1)
        self._set_buttons(paying=False)
        find(QPushButton, "doneButton").setFocus()

    def _print(self, receipt, cash: bool) -> None:
        """The drawer first (cash only), then the receipt, both through the print queue."""
        if cash:
            self.till.print_queue.open_drawer()
        self.widget.findChild(QLabel, "printLabel").setText(self.tr("Printing the receipt…"))
        ticket = self.till.receipts.print_receipt(receipt)
        ticket.add_done_callback(on_gui_thread(self._printed, self))

    def _printed(self, result: JobResult) -> None:
        label = self.widget.findChild(QLabel, "printLabel")
        if not result.ok:
            label.setText(self.tr("The receipt did not print: {why} The sale is saved; print it "
                                  "again from Receipts.").format(why=localise(result.fault.message)))
            return
        label.setText(self.tr("Receipt printed."))
        self.announced.emit(self.tr("Receipt printed."))
        if result.printed and result.printed.preview_image is not None:
            self.preview = PrintPreviewDialog(result.printed.preview_image,
                                              self.tr("Receipt"), self.widget)
            self.preview.show()

    def _set_buttons(self, paying: bool) -> None:
        for name in ("confirmButton", "backButton", "payCardButton"):
            self.widget.findChild(QPushButton, name).setVisible(paying)

    def _new_producer(self) -> None:
        """A first visit at the payment step: a card, on this check before it is paid."""
        self.slips = issue_new_producer(self.slips, self.till, self.staff, self.feedback,
                                        self.widget, self.attach)

    def attach(self, typed: str) -> bool:
        """A card scanned at the payment step still joins the check."""
        ok, _ = self.feedback.attempt(checks.attach_producer, self.ctx, self.staff,
                                      self.detail.check_id, typed)
        if ok:
            self._load(self.detail.check_id)
        return ok

    def _back(self) -> None:
        if self.steps.currentIndex() == 0:
            self.back.emit(self.detail.check_id)
