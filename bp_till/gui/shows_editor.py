"""The stage show schedule in Settings: first and last show, how often, how long (manager)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from bp_till.domain.shows import ShowSchedule
from bp_till.domain.typed import clock_time, whole_number
from bp_till.gui.feedback import Feedback
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.services.context import TillContext
from bp_till.services.shows import SCHEDULE_ROLE, current_schedule, save_schedule
from bp_till.services.staff import StaffMember


class ShowsEditor(QObject):
    def __init__(self, ctx: TillContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.override: OverrideDialog | None = None
        self.box = QGroupBox(self.tr("Stage shows (a manager's PIN to save)"), parent,
                             objectName="showsBox")
        form = QFormLayout(self.box)
        self.version = QLabel(objectName="showsVersion")
        form.addRow(self.version)
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (("first", self.tr("First show (HH:MM)")),
                            ("last", self.tr("Last show (HH:MM)")),
                            ("every", self.tr("Every (minutes)")),
                            ("length", self.tr("Each lasts (minutes)"))):
            self.fields[name] = QLineEdit(objectName=f"shows_{name}", minimumHeight=44)
            form.addRow(label, self.fields[name])
        save = QPushButton(self.tr("Save the show schedule"), objectName="saveShowsButton",
                           minimumHeight=48)
        save.clicked.connect(self.save)
        form.addRow(save)
        message = QLabel(objectName="showsMessage", wordWrap=True)
        form.addRow(message)
        self.feedback = Feedback(message)

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self._load()

    def _load(self) -> None:
        version, schedule = current_schedule(self.ctx)
        self.version.setText(self.tr("Version {v} in force").format(v=version) if version
                             else self.tr("The café's default: a show at the start of every hour"))
        for name, value in (("first", f"{schedule.first:%H:%M}"), ("last", f"{schedule.last:%H:%M}"),
                            ("every", str(schedule.every_minutes)),
                            ("length", str(schedule.length_minutes))):
            self.fields[name].setText(value)

    def _typed(self) -> ShowSchedule:
        text = {name: field.text() for name, field in self.fields.items()}
        return ShowSchedule(clock_time(text["first"], self.tr("First show")),
                            clock_time(text["last"], self.tr("Last show")),
                            whole_number(text["every"], self.tr("Every (minutes)")),
                            whole_number(text["length"], self.tr("Each lasts (minutes)")))

    def save(self) -> None:
        ok, schedule = self.feedback.attempt(self._typed)
        if not ok:
            return
        action = lambda approval: save_schedule(self.ctx, self.staff, schedule, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, SCHEDULE_ROLE,
            self.tr("Save a new stage show schedule"), action, self._saved, self.box)

    def _saved(self, version: int) -> None:
        self._load()
        self.feedback.info(self.tr("Show schedule version {v} is in force.").format(v=version))
