"""A box in Settings that saves a new version of a rule behind a role's PIN.

The stage shows and the cast backs are built the same way: a version line, the
fields, a save button, a message; a save checks what was typed, then asks for
the PIN when the signed-in role is not enough. Subclasses translate their own
words (Qt looks a string up under the class that calls ``tr``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from bp_till.domain.business_day import business_day
from bp_till.domain.errors import InvalidInput

from bp_till.gui.feedback import Feedback
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.services.context import TillContext
from bp_till.services.staff import Approval, StaffMember


class RuleBox(QObject):
    role = "manager"
    name = ""  # the object names: {name}Box, {name}Version, save{Name}Button, {name}Message

    def __init__(self, ctx: TillContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.override: OverrideDialog | None = None
        self.box = QGroupBox(parent, objectName=f"{self.name}Box")  # titled by the subclass
        self.form = QFormLayout(self.box)
        self.version = QLabel(objectName=f"{self.name}Version")
        self.form.addRow(self.version)

    def add_since(self, label: str) -> None:
        """The business day a new version starts on (rules versioned by day: backs, stays)."""
        self.since = QLineEdit(objectName=f"{self.name}From", minimumHeight=44)
        self.form.addRow(label, self.since)

    def show_since(self) -> None:
        self.since.setText(business_day(self.ctx.clock.now()).isoformat())

    def typed_since(self, refusal: str) -> date:
        try:
            return date.fromisoformat(self.since.text().strip())
        except ValueError:
            raise InvalidInput(refusal) from None

    def add_save(self, text: str) -> None:
        """The save button and the message under it, after the subclass's fields."""
        save = QPushButton(text, objectName=f"save{self.name.capitalize()}Button", minimumHeight=48)
        save.clicked.connect(self.save)
        self.form.addRow(save)
        message = QLabel(objectName=f"{self.name}Message", wordWrap=True)
        self.form.addRow(message)
        self.feedback = Feedback(message)

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self._load()

    def save(self) -> None:
        ok, typed = self.feedback.attempt(self._typed)
        if not ok:
            return
        action = lambda approval: self._store(typed, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, self.role, self._asking(), action, self._saved,
            self.box)

    # --- what each rule fills in -------------------------------------------------------
    def _load(self) -> None:
        raise NotImplementedError

    def _typed(self) -> Any:
        """What was typed, checked, or InvalidInput (shown, nothing saved)."""
        raise NotImplementedError

    def _store(self, typed: Any, approval: Approval | None) -> int:
        """Save the new version; returns its number."""
        raise NotImplementedError

    def _asking(self) -> str:
        """What the PIN dialog says is being done."""
        raise NotImplementedError

    def _saved(self, version: int) -> None:
        raise NotImplementedError
