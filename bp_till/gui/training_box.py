"""The training switch in Settings: a manager turns training on or off for this till.

The header's badge follows the switch through ``changed``, so whoever stands
at the till sees at a glance that what they ring up is practice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from bp_till.domain.business_day import TOKYO
from bp_till.gui.feedback import Feedback
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.style import set_role
from bp_till.services.context import TillContext
from bp_till.services.staff import StaffMember
from bp_till.services.training import Training, set_training, training_state


class TrainingBox(QObject):
    changed = Signal(bool)  # training is on (True) or off

    def __init__(self, ctx: TillContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.override: OverrideDialog | None = None
        self.box = QGroupBox(self.tr("Training (a manager's PIN)"), parent, objectName="trainingBox")
        layout = QVBoxLayout(self.box)
        self.state = QLabel(objectName="trainingState", wordWrap=True)
        self.button = QPushButton(objectName="trainingButton", minimumHeight=48)
        self.button.clicked.connect(self.toggle)
        message = QLabel(objectName="trainingMessage", wordWrap=True)
        for widget in (self.state, self.button, message):
            layout.addWidget(widget)
        self.feedback = Feedback(message)
        self.training = Training()

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self._show(training_state(self.ctx))

    def _show(self, training: Training) -> None:
        self.training = training
        if training.on:
            self.state.setText(self.tr(
                "Training is on since {at} ({by}): checks opened now are practice, marked "
                "練習 / TRAINING, with no points, no cards and nothing in the close-out.").format(
                    at=f"{training.started_at.astimezone(TOKYO):%Y-%m-%d %H:%M}",
                    by=training.started_by))
            self.button.setText(self.tr("Turn training off"))
        else:
            self.state.setText(self.tr("Training is off: every check is a real sale."))
            self.button.setText(self.tr("Turn training on"))
        set_role(self.state, "warning" if training.on else "")

    def toggle(self) -> None:
        on = not self.training.on
        what = self.tr("Turn training on") if on else self.tr("Turn training off")
        action = lambda approval: set_training(self.ctx, self.staff, on, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, "manager", what, action, self._done, self.box)

    def _done(self, training: Training) -> None:
        self._show(training)
        self.feedback.info(self.tr("Training is on.") if training.on
                           else self.tr("Training is off; checks are real sales again."))
        self.changed.emit(training.on)
