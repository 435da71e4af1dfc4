"""The customer's screen: a second window, on the second screen when there is one.

It follows the check at the till: its lines and total while ringing up, the
change once paid, and then the producer's new rank and points (read fresh from
the store, so the points of this very check are in). It has no buttons: the
guest only reads it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bp_till.domain.identifiers import format_login_id
from bp_till.domain.money import yen
from bp_till.domain.receipt import Receipt
from bp_till.services.context import TillContext
from bp_till.services.floor import CheckDetail
from bp_till.services.producers import find_producer

SHOWN_LINES = 12  # the newest lines; a long check scrolls off the top


def wanted_by_default() -> bool:
    """On by itself when the till has a second screen to put it on."""
    return len(QGuiApplication.screens()) > 1


class CustomerDisplay(QWidget):
    def __init__(self, ctx: TillContext) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ctx = ctx
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Your check"))
        layout = QVBoxLayout(self)
        self.labels: dict[str, QLabel] = {}
        # Read from across the counter: the style sheet's largest roles.
        for name, role in (("customerTitle", "title"), ("customerLines", "lead"),
                           ("customerTotal", "total"), ("customerChange", "change"),
                           ("customerProducer", "heading")):
            label = QLabel(self, objectName=name, wordWrap=True)
            label.setProperty("role", role)
            layout.addWidget(label)
            self.labels[name] = label
        layout.addStretch(1)
        self.welcome()

    def place(self) -> None:
        """On the last screen (the customer's, when there are two), full-screen there."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[-1].geometry())
            self.showFullScreen()
        else:
            self.resize(640, 480)
            self.show()

    def _set(self, **texts: str) -> None:
        for name, label in self.labels.items():
            label.setText(texts.get(name, ""))

    def welcome(self) -> None:
        self._set(customerTitle=self.tr("Welcome home!"))

    def show_check(self, detail: CheckDetail) -> None:
        """The check as it stands: what is on it and what it comes to."""
        lines = [f"{line.name_ja}  × {line.quantity}  {yen(line.unit_price * line.quantity)}"
                 for line in detail.live_lines]
        title = self.tr("Check #{number}").format(number=detail.number)
        if detail.training:  # a practice sale: the guest must not take it for a real one
            title = self.tr("練習 TRAINING") + " · " + title
        self._set(customerTitle=title,
                  customerLines="\n".join(lines[-SHOWN_LINES:]),
                  customerTotal=self.tr("Total {total}").format(total=yen(detail.total)),
                  customerProducer=self._producer_now(detail))

    def _producer_now(self, detail: CheckDetail) -> str:
        p = detail.producer
        if p is None:
            return ""
        if detail.training:
            return self.tr("Producer {login} · {rank} · training: no points").format(
                login=format_login_id(p.login_id), rank=p.rank_name)
        return self.tr("Producer {login} · {rank} · this visit +{earn} points").format(
            login=format_login_id(p.login_id), rank=p.rank_name, earn=p.earn_spend)

    def show_paid(self, receipt: Receipt, login_id: str | None) -> None:
        """Paid: the change, and the producer's rank and points with this check counted."""
        self.labels["customerTotal"].setText(
            self.tr("Paid {total}").format(total=yen(receipt.total)))
        self.labels["customerChange"].setText(
            self.tr("Change {change}").format(change=yen(receipt.change)))
        if login_id is None:
            self.labels["customerProducer"].setText(self.tr("Thank you!"))
            return
        now = find_producer(self.ctx, login_id)
        text = self.tr("{rank} · {spend} points · {votes} vote points").format(
            rank=now.rank.name, spend=f"{now.spend_points:,}", votes=f"{now.vote_points:,}")
        if now.next_rank:
            text += "\n" + self.tr("{needed} points to {rank}.").format(
                needed=f"{now.points_to_next:,}", rank=now.next_rank.name)
        self.labels["customerProducer"].setText(text)
