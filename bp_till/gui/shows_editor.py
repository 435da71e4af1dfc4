"""The stage show schedule in Settings: first and last show, how often, how long (manager)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from bp_till.domain.shows import ShowSchedule
from bp_till.domain.typed import clock_time, whole_number
from bp_till.gui.rule_box import RuleBox
from bp_till.services.context import TillContext
from bp_till.services.shows import SCHEDULE_ROLE, current_schedule, save_schedule
from bp_till.services.staff import Approval


class ShowsEditor(RuleBox):
    role = SCHEDULE_ROLE
    name = "shows"

    def __init__(self, ctx: TillContext, parent: QWidget) -> None:
        super().__init__(ctx, parent)
        self.box.setTitle(self.tr("Stage shows (a manager's PIN to save)"))
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (("first", self.tr("First show (HH:MM)")),
                            ("last", self.tr("Last show (HH:MM)")),
                            ("every", self.tr("Every (minutes)")),
                            ("length", self.tr("Each lasts (minutes)"))):
            self.fields[name] = QLineEdit(objectName=f"shows_{name}", minimumHeight=44)
            self.form.addRow(label, self.fields[name])
        self.add_save(self.tr("Save the show schedule"))

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

    def _store(self, schedule: ShowSchedule, approval: Approval | None) -> int:
        return save_schedule(self.ctx, self.staff, schedule, approval)

    def _asking(self) -> str:
        return self.tr("Save a new stage show schedule")

    def _saved(self, version: int) -> None:
        self._load()
        self.feedback.info(self.tr("Show schedule version {v} is in force.").format(v=version))
