"""The producer desk: find a producer, see their rank, replace a lost card, reset a password.

Replacing a card and resetting a password need a manager; a cashier gets a
manager's PIN typed there and then. Each prints a new slip, the only place the
new password ever appears.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton, QWidget

from bp_till.bootstrap import Till
from bp_till.domain.business_day import business_day
from bp_till.domain.identifiers import format_card_number, format_login_id
from bp_till.domain.money import yen
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import load_ui
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.points_dialogs import AdjustDialog, VotesDialog
from bp_till.gui.slip_flow import SlipFlow
from bp_till.services import producers
from bp_till.services.card_desk import SlipPurpose
from bp_till.services.producers import IssuedCard, ProducerView
from bp_till.services.masterdata import cast
from bp_till.services.staff import StaffMember
from bp_till.services.ranking import refused_votes
from bp_till.services.visits import recent_visits

MANAGER = "manager"


class ProducersView(QObject):
    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till, self.ctx = till, till.ctx
        self.staff: StaffMember | None = None
        self.found: ProducerView | None = None
        self.override: OverrideDialog | None = None
        self.widget = load_ui("producers", parent)
        find = self.widget.findChild
        self.find_edit: QLineEdit = find(QLineEdit, "findEdit")
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        self.find_edit.returnPressed.connect(lambda: self.look_up(self.find_edit.text()))
        find(QPushButton, "findButton").clicked.connect(lambda: self.look_up(self.find_edit.text()))
        find(QPushButton, "replaceCardButton").clicked.connect(self.replace_card)
        find(QPushButton, "resetPasswordButton").clicked.connect(self.reset_password)
        find(QPushButton, "votesButton").clicked.connect(self.give_votes)
        find(QPushButton, "adjustButton").clicked.connect(self.adjust_points)
        self.dialog: VotesDialog | AdjustDialog | None = None
        self.slips: SlipFlow | None = None

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self._show(None)
        self.find_edit.clear()
        self.find_edit.setFocus()

    def look_up(self, typed: str) -> None:
        ok, found = self.feedback.attempt(producers.find_producer, self.ctx, typed)
        self._show(found if ok else None)
        if ok:
            self.find_edit.clear()

    def _show(self, view: ProducerView | None) -> None:
        self.found = view
        find = self.widget.findChild
        for name in ("replaceCardButton", "resetPasswordButton", "votesButton", "adjustButton"):
            find(QPushButton, name).setEnabled(view is not None)
        bar: QProgressBar = find(QProgressBar, "rankProgress")
        self._visits(view)
        if view is None:
            for name in ("identityLabel", "rankLabel", "pointsLabel"):
                find(QLabel, name).clear()
            bar.hide()
            return
        card = format_card_number(view.card_number) if view.card_number else self.tr("no live card")
        find(QLabel, "identityLabel").setText(self.tr("Login ID {login} · card {card}").format(
            login=format_login_id(view.login_id), card=card))
        find(QLabel, "rankLabel").setText(self.tr("{rank} · votes {mult}").format(
            rank=view.rank.name, mult=view.rank.multiplier_label))
        find(QLabel, "pointsLabel").setText(self._points_text(view))
        self._progress(bar, view)

    def _points_text(self, view: ProducerView) -> str:
        text = self.tr("{spend} lifetime spend points · {votes} vote points to give").format(
            spend=f"{view.spend_points:,}", votes=f"{view.vote_points:,}")
        if view.next_rank:
            text += "\n" + self.tr("{needed} more spend points to {rank} ({mult}).").format(
                needed=f"{view.points_to_next:,}", rank=view.next_rank.name,
                mult=view.next_rank.multiplier_label)
        else:
            text += "\n" + self.tr("The top rank.")
        for refused in refused_votes(self.ctx, view.login_id):
            text += "\n" + self.tr(
                "The central database refused {points} vote points given here on {day}: they "
                "were spent elsewhere first. They are back in the balance.").format(
                points=f"{refused.points:,}", day=business_day(refused.refused_at).isoformat())
        return text

    def _visits(self, view: ProducerView | None) -> None:
        rows: QListWidget = self.widget.findChild(QListWidget, "visitsList")
        rows.clear()
        for visit in recent_visits(self.ctx, view.login_id) if view else []:
            rows.addItem(self.tr("{day}  #{number}  {total}  +{spend} pt  +{votes} votes").format(
                day=visit.business_day.isoformat(), number=visit.check_number,
                total=yen(visit.total), spend=visit.spend_points, votes=visit.vote_points))

    @staticmethod
    def _progress(bar: QProgressBar, view: ProducerView) -> None:
        """Progress from the rank held to the next one."""
        bar.show()
        if view.next_rank is None:
            bar.setRange(0, 1)
            bar.setValue(1)
            return
        bar.setRange(view.rank.threshold, view.next_rank.threshold)
        bar.setValue(view.spend_points)

    # --- manager actions ---------------------------------------------------------------
    def replace_card(self) -> None:
        login = self.found.login_id
        self._privileged(
            self.tr("Replace the card of producer {login}: the old card stops working.").format(
                login=format_login_id(login)),
            lambda approval: producers.replace_card(self.ctx, self.staff, login, approval),
            SlipPurpose.REPLACEMENT)

    def reset_password(self) -> None:
        login = self.found.login_id
        self._privileged(
            self.tr("Reset the password of producer {login}.").format(login=format_login_id(login)),
            lambda approval: producers.reset_password(self.ctx, self.staff, login, approval),
            SlipPurpose.RESET)

    def give_votes(self) -> None:
        self.dialog = VotesDialog(self.ctx, self.staff, self.found, cast(self.ctx), self.widget)
        self.dialog.given.connect(self._after_points)
        self.dialog.open()

    def adjust_points(self) -> None:
        self.dialog = AdjustDialog(self.ctx, self.staff, self.found, self.widget)
        self.dialog.done.connect(self._after_points)
        self.dialog.open()

    def _after_points(self, view: ProducerView) -> None:
        self._show(view)
        self.feedback.info(self.tr("Saved. {votes} vote points left.").format(
            votes=f"{view.vote_points:,}"))

    def _privileged(self, what: str, action, purpose: SlipPurpose) -> None:
        """The manager's PIN is checked with the action itself; the slip prints afterwards,
        in the background, with Retry if the printer fails."""
        ok, dialog = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, MANAGER, what, action,
            lambda issued: self._issued(issued, purpose), self.widget)
        self.override = dialog if ok else None

    def _issued(self, issued: IssuedCard, purpose: SlipPurpose) -> None:
        self.look_up(issued.login_id)
        self.slips = SlipFlow(self.till, self.staff, self.feedback, self.widget)
        desk, staff = self.till.card_desk, self.staff
        self.slips.start(lambda: desk.print_slip(staff, issued, purpose),
                         self.tr("Printing the new slip…"))
