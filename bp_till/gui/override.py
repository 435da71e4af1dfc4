"""The manager override: a higher role's PIN typed there and then for one action.

The dialog does not judge the PIN itself: it hands an ``Approval`` to the
action, whose service checks it (counting wrong PINs toward the lockout) and
audits both staff members. A refusal keeps the dialog open with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from bp_till.domain.errors import TillError
from bp_till.gui.loader import give_back_focus, load_ui
from bp_till.gui.refusals import localise
from bp_till.services.context import TillContext
from bp_till.services.staff import ROLES, Approval, StaffMember, list_staff

Action = Callable[[Approval | None], Any]


class OverrideDialog(QObject):
    """Asks for an approver's PIN, runs ``action`` with it, reports the result."""

    succeeded = Signal(object)  # whatever the action returned

    def __init__(self, ctx: TillContext, needed: str, what: str, action: Action,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.dialog: QDialog = load_ui("override", parent)
        self.dialog.setModal(True)
        self.dialog.findChild(QLabel, "whatLabel").setText(what)
        self.approver: QComboBox = self.dialog.findChild(QComboBox, "approverCombo")
        self.pin_edit: QLineEdit = self.dialog.findChild(QLineEdit, "pinEdit")
        self.message: QLabel = self.dialog.findChild(QLabel, "messageLabel")
        rank = ROLES.index(needed)
        for member in list_staff(ctx):
            if ROLES.index(member.role) >= rank:
                self.approver.addItem(member.name, member)
        self.dialog.findChild(QPushButton, "approveButton").clicked.connect(self.approve)
        self.dialog.findChild(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        # Enter in the PIN field presses Approve, the dialog's default button.
        self.dialog.finished.connect(lambda _result: give_back_focus(parent))

    def open(self) -> None:
        self.dialog.open()
        self.pin_edit.setFocus()

    def approve(self) -> None:
        member: StaffMember | None = self.approver.currentData()
        if member is None:
            self.message.setText(self.tr("Nobody with that role is set up on this till."))
            return
        pin, _ = self.pin_edit.text(), self.pin_edit.clear()
        try:
            result = self.action(Approval(member.id, pin))
        except TillError as refusal:
            self.message.setText(localise(refusal.message))
            return
        self.dialog.accept()
        self.succeeded.emit(result)


def run_privileged(ctx: TillContext, actor: StaffMember, needed: str, what: str,
                   action: Action, on_done: Callable[[Any], None],
                   parent: QWidget | None = None) -> OverrideDialog | None:
    """Run ``action`` now if the actor's role suffices, else behind an override dialog.

    Errors of the direct path propagate to the caller, which shows them as it
    shows any refusal. Returns the dialog when one was opened.
    """
    if actor.can(needed):
        on_done(action(None))
        return None
    override = OverrideDialog(ctx, needed, what, action, parent)
    override.succeeded.connect(on_done)
    override.open()
    return override
