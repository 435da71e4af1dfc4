"""Dialogs of the producer desk: giving vote points to cast members, and a manager's adjustment."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from bp_till.domain.identifiers import format_login_id
from bp_till.domain.typed import signed_number, whole_number
from bp_till.domain.votes import Allocation
from bp_till.gui.cast_picker import CastList
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import give_back_focus, load_ui
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.services.context import TillContext
from bp_till.services.masterdata import CastEntry
from bp_till.services.producers import ProducerView, adjust_points
from bp_till.services.staff import StaffMember
from bp_till.services.votes import cast_votes


class VotesDialog(QObject):
    """Pick cast members and points into a basket, then give them all in one go."""

    given = Signal(object)  # the producer's view after the votes

    def __init__(self, ctx: TillContext, staff: StaffMember, producer: ProducerView,
                 cast: list[CastEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.staff, self.producer = ctx, staff, producer
        self.dialog: QDialog = load_ui("votes", parent)
        self.dialog.setModal(True)
        find = self.dialog.findChild
        self.cast = CastList(find(QLineEdit, "castSearch"), find(QListWidget, "castList"), cast)
        self.points: QLineEdit = find(QLineEdit, "pointsEdit")
        self.basket_list: QListWidget = find(QListWidget, "basketList")
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        self.basket: dict[str, int] = {}
        # Keyboard flow: name, Enter, points, Enter (added), the next name…
        self.cast.search.returnPressed.connect(self.points.setFocus)
        self.points.returnPressed.connect(self.add)
        find(QPushButton, "addButton").clicked.connect(self.add)
        find(QPushButton, "giveButton").clicked.connect(self.give)
        find(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        self.dialog.finished.connect(lambda _result: give_back_focus(parent))
        self.cast.fill()
        self._show_basket()

    def open(self) -> None:
        self.dialog.open()
        self.cast.search.setFocus()

    def add(self) -> None:
        code = self.cast.current_code()
        if code is None:
            self.feedback.error(self.tr("Choose a cast member first."))
            return
        ok, points = self.feedback.attempt(whole_number, self.points.text(), self.tr("Points"))
        if ok:
            self.basket[code] = self.basket.get(code, 0) + points
            self.points.clear()
            self._show_basket()
            self.cast.search.clear()
            self.cast.search.setFocus()

    def _show_basket(self) -> None:
        self.basket_list.clear()
        for code, points in self.basket.items():
            row = QListWidgetItem(f"{self.cast.names[code]}   {points:,}")
            row.setData(Qt.ItemDataRole.UserRole, code)
            self.basket_list.addItem(row)
        giving = sum(self.basket.values())
        self.dialog.findChild(QLabel, "balanceLabel").setText(
            self.tr("{login}: {balance} vote points · giving {giving} · left {left}").format(
                login=format_login_id(self.producer.login_id),
                balance=f"{self.producer.vote_points:,}", giving=f"{giving:,}",
                left=f"{self.producer.vote_points - giving:,}"))

    def give(self) -> None:
        allocations = [Allocation(code, points) for code, points in self.basket.items()]
        ok, view = self.feedback.attempt(cast_votes, self.ctx, self.staff,
                                         self.producer.login_id, allocations)
        if ok:
            self.dialog.accept()
            self.given.emit(view)


class AdjustDialog(QObject):
    """A correction of spend or vote points with a reason; a manager approves the exact change."""

    done = Signal(object)  # the producer's view after the adjustment

    def __init__(self, ctx: TillContext, staff: StaffMember, producer: ProducerView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.staff, self.producer = ctx, staff, producer
        self.override: OverrideDialog | None = None
        self.dialog: QDialog = load_ui("adjust_points", parent)
        self.dialog.setModal(True)
        find = self.dialog.findChild
        find(QLabel, "producerLabel").setText(format_login_id(producer.login_id))
        self.spend, self.votes = find(QLineEdit, "spendEdit"), find(QLineEdit, "voteEdit")
        self.reason: QLineEdit = find(QLineEdit, "reasonEdit")
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        find(QPushButton, "applyButton").clicked.connect(self.apply)
        find(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        self.dialog.finished.connect(lambda _result: give_back_focus(parent))

    def open(self) -> None:
        self.dialog.open()
        self.spend.setFocus()

    def apply(self) -> None:
        ok, deltas = self.feedback.attempt(lambda: (
            signed_number(self.spend.text(), self.tr("Spend points")),
            signed_number(self.votes.text(), self.tr("Vote points"))))
        if not ok:
            return
        spend, votes, reason = *deltas, self.reason.text()
        what = self.tr("Adjust {login}: spend {spend:+,}, votes {votes:+,} ({reason})").format(
            login=format_login_id(self.producer.login_id), spend=spend, votes=votes, reason=reason)
        action = lambda approval: adjust_points(  # noqa: E731
            self.ctx, self.staff, self.producer.login_id, spend_delta=spend, vote_delta=votes,
            reason=reason, approval=approval)
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, "manager", what, action, self._done, self.dialog)

    def _done(self, view: ProducerView) -> None:
        self.dialog.accept()
        self.done.emit(view)
