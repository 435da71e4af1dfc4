"""Split the check, from the check screen: each line to a guest's part (or shared), each part paid.

The dialog fixes the split once (shared lines such as table charges split
evenly), then takes one part at a time: that guest's card, their payment,
their receipt. The check closes itself when the last part is paid.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGridLayout, QLabel, QLineEdit, QListWidget, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from bp_till.domain.money import Category, yen
from bp_till.domain.points import spend_points
from bp_till.domain.settlement import METHODS, Tender
from bp_till.domain.typed import whole_number
from bp_till.gui.feedback import Feedback
from bp_till.gui.move_merge import add_button, title_button
from bp_till.services.floor import check_detail
from bp_till.services.split_pay import plan_split, settle_part

SHARED_BY_DEFAULT = (Category.TABLE_CHARGE, Category.NOMINATION)


class SplitDialog(QDialog):
    closed_check = Signal(int)  # the last part is paid

    def __init__(self, till, staff, check_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="splitDialog")
        self.till, self.ctx, self.staff, self.check_id = till, till.ctx, staff, check_id
        self.detail = check_detail(self.ctx, check_id)
        self.paid: set[int] = set()
        self.setWindowTitle(self.tr("Split check #{number}").format(number=self.detail.number))
        layout = QVBoxLayout(self)
        self.parts = QSpinBox(self, objectName="partsSpin", minimum=2, maximum=50)
        self.parts.setValue(max(2, self.detail.guests))
        self.parts.valueChanged.connect(self._offer_parts)
        form = QFormLayout()
        form.addRow(self.tr("Parts (guests)"), self.parts)
        layout.addLayout(form)
        self.choices: dict[int, QComboBox] = {}
        grid = QGridLayout()
        for row, line in enumerate(self.detail.live_lines):
            grid.addWidget(QLabel(f"{line.name_ja} ×{line.quantity} {yen(line.amount)}"), row, 0)
            self.choices[line.line_id] = QComboBox(self, objectName=f"partOf_{line.line_id}")
            self.choices[line.line_id].setProperty("shared", line.category in SHARED_BY_DEFAULT)
            grid.addWidget(self.choices[line.line_id], row, 1)
        layout.addLayout(grid)
        self.plan_button = add_button(self, layout, "planSplitButton", self.tr("Split"), self._plan)
        self.part_list = QListWidget(self, objectName="partsList")
        layout.addWidget(self.part_list)
        pay = QFormLayout()
        self.card = QLineEdit(self, objectName="partCardEdit", placeholderText=self.tr("scan a card"))
        self.method = QComboBox(self, objectName="partMethodCombo")
        names = {"cash": self.tr("Cash"), "card": self.tr("Card"), "emoney": self.tr("E-money")}
        for method in METHODS:
            self.method.addItem(names[method], method)
        self.amount = QLineEdit(self, objectName="partAmountEdit")
        pay.addRow(self.tr("Producer card"), self.card)
        pay.addRow(self.tr("Paid by"), self.method)
        pay.addRow(self.tr("Handed over (¥)"), self.amount)
        layout.addLayout(pay)
        self.pay_button = add_button(self, layout, "payPartButton", self.tr("Pay this part"), self._pay)
        self.pay_button.setEnabled(False)
        self.feedback = Feedback(QLabel(self, objectName="splitMessage", wordWrap=True))
        layout.addWidget(self.feedback.label)
        add_button(self, layout, "closeSplitButton", self.tr("Close"), self.reject)
        self._offer_parts()

    def _offer_parts(self) -> None:
        """Each line's choices: Shared, Part 1 … n; shared charges start shared, others part 1."""
        for combo in self.choices.values():
            combo.clear()
            combo.addItem(self.tr("Shared"), None)
            for n in range(1, self.parts.value() + 1):
                combo.addItem(self.tr("Part {n}").format(n=n), n)
            combo.setCurrentIndex(0 if combo.property("shared") else 1)

    def _plan(self) -> None:
        assignment = {line_id: combo.currentData() for line_id, combo in self.choices.items()}
        ok, split = self.feedback.attempt(plan_split, self.ctx, self.staff, self.check_id,
                                          assignment, self.parts.value())
        if not ok:
            return
        self.part_list.clear()
        for part in split:
            text = self.tr("Part {n}: {total}").format(n=part.number, total=yen(part.total))
            if not self.detail.training:  # what that guest's card will earn on the part alone
                text += " · " + self.tr("+{spend} points").format(spend=spend_points(part.total))
            self.part_list.addItem(text)
        self.part_list.setCurrentRow(0)
        self.pay_button.setEnabled(True)

    def _pay(self) -> None:
        number = self.part_list.currentRow() + 1
        ok, handed = self.feedback.attempt(
            lambda: whole_number(self.amount.text(), self.tr("Handed over"), money=True))
        if not ok:
            return
        card = self.card.text().strip() or None
        ok, receipt = self.feedback.attempt(settle_part, self.ctx, self.staff, self.check_id,
                                            number, [Tender(self.method.currentData(), handed)],
                                            card)
        if not ok:
            return
        self.paid.add(number)
        self.part_list.item(number - 1).setText(self.tr("Part {n}: {total} · paid").format(
            n=number, total=yen(receipt.total)))
        self.till.receipts.print_receipt(receipt)
        self.card.clear()
        self.amount.clear()
        self.plan_button.setEnabled(False)  # the split stands once a part is paid
        self.parts.setEnabled(False)
        note = self.tr("Part {n} paid; change {change}.").format(n=number,
                                                                   change=yen(receipt.change))
        if receipt.producer is not None:
            p = receipt.producer
            note += " " + self.tr("{login}: +{spend} spend and +{votes} vote points.").format(
                login=p.masked_login_id, spend=p.spend_points, votes=p.vote_points)
        self.feedback.info(note)
        if len(self.paid) == self.part_list.count():
            self.closed_check.emit(self.check_id)
            self.accept()


class SplitHook(QObject):
    """The "Split check" button on the check screen; back to the floor once all is paid."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.dialog: SplitDialog | None = None
        self.button = title_button(view, "splitCheckButton", self.tr("Split check"), self.open)

    def open(self) -> SplitDialog:
        view = self.view
        self.dialog = SplitDialog(view.till, view.staff, view.check_id, view.widget)
        self.dialog.closed_check.connect(lambda _id: view.back_to_floor.emit())
        self.dialog.open()
        return self.dialog
