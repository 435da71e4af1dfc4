"""The stay rule in Settings: the sets a table opens on, the extension, and whether it adds itself.

Every table charge on the menu is a row; typing minutes makes it a set. The
default set (the one a table opens on without a tap) is chosen in a list.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QWidget,
)

from bp_till.domain.errors import InvalidInput
from bp_till.domain.money import Category, yen
from bp_till.domain.stay import StayPolicy, stay_rule
from bp_till.domain.typed import whole_number
from bp_till.gui.rule_box import RuleBox
from bp_till.services.context import TillContext
from bp_till.services.masterdata import MenuEntry, menu
from bp_till.services.staff import Approval
from bp_till.services.stay import STAY_ROLE, newest_rule, save_stay_rule


class StayEditor(RuleBox):
    role = STAY_ROLE
    name = "stay"

    def __init__(self, ctx: TillContext, parent: QWidget) -> None:
        super().__init__(ctx, parent)
        self.box.setTitle(self.tr("Sets and extensions (a manager's PIN to save)"))
        self.charges: list[MenuEntry] = []
        self.table = QTableWidget(0, 3, objectName="stayTable", minimumHeight=160)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Table charge"), self.tr("Price"), self.tr("Set (minutes)")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.form.addRow(self.table)
        self.default_set = QComboBox(objectName="stayDefault", minimumHeight=44)
        self.form.addRow(self.tr("A table opens on"), self.default_set)
        self.extension = QComboBox(objectName="stayExtension", minimumHeight=44)
        self.form.addRow(self.tr("Extension charge (per guest)"), self.extension)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (("extension", self.tr("Each extension (minutes)")),
                           ("warn", self.tr("Warn before the time (minutes)")),
                           ("grace", self.tr("Grace before it adds itself (minutes)"))):
            self.fields[key] = QLineEdit(objectName=f"stay_{key}", minimumHeight=44)
            self.form.addRow(label, self.fields[key])
        self.auto = QCheckBox(self.tr("Add the extension by itself after the grace period"),
                              objectName="stayAuto", minimumHeight=44)
        self.form.addRow(self.auto)
        self.add_since(self.tr("In force from (YYYY-MM-DD)"))
        self.add_save(self.tr("Save the sets and extensions"))

    def _load(self) -> None:
        rule = newest_rule(self.ctx)
        self.version.setText(
            self.tr("Version {v}, in force from {day}").format(
                v=rule.version, day=rule.effective_from.isoformat()) if rule.version
            else self.tr("The café's default: 90 minutes, table charges rung up by hand"))
        self.charges = [e for e in menu(self.ctx) if e.category == Category.TABLE_CHARGE]
        minutes = {s.item_code: s.minutes for s in rule.sets}
        self.table.setRowCount(len(self.charges))
        self.default_set.clear()
        self.extension.clear()
        for row, entry in enumerate(self.charges):
            self.table.setItem(row, 0, QTableWidgetItem(f"{entry.code}  {entry.name_ja}"))
            self.table.setItem(row, 1, QTableWidgetItem(yen(entry.price)))
            self.table.setItem(row, 2, QTableWidgetItem(str(minutes.get(entry.code, ""))))
            self.default_set.addItem(f"{entry.code}  {entry.name_ja}", entry.code)
            self.extension.addItem(f"{entry.code}  {entry.name_ja}", entry.code)
        self._show_choices(rule)
        self.show_since()

    def _show_choices(self, rule: StayPolicy) -> None:
        if rule.default_set is not None:
            self.default_set.setCurrentIndex(self.default_set.findData(rule.default_set.item_code))
        self.extension.setCurrentIndex(max(self.extension.findData(rule.extension_item), 0))
        self.fields["extension"].setText(str(rule.extension_minutes))
        self.fields["warn"].setText(str(rule.warn_minutes))
        self.fields["grace"].setText(str(rule.auto_extend_after or 5))
        self.auto.setChecked(rule.auto_extend_after is not None)

    def _typed(self) -> tuple[date, StayPolicy]:
        since = self.typed_since(self.tr("In force from: type a day as YYYY-MM-DD."))
        sets = []
        for row, entry in enumerate(self.charges):
            cell = self.table.item(row, 2)
            if cell is not None and cell.text().strip():
                sets.append((entry.code, whole_number(cell.text(), entry.code)))
        default = self.default_set.currentData()
        if sets and default not in {code for code, _ in sets}:
            raise InvalidInput(self.tr("{code} opens every table, so it needs a set's minutes.")
                               .format(code=default))
        sets.sort(key=lambda s: s[0] != default)  # the default first: stay_rule opens on it
        grace = (whole_number(self.fields["grace"].text(), self.tr("Grace (minutes)"))
                 if self.auto.isChecked() else None)
        return since, stay_rule(
            sets, self.extension.currentData(),
            whole_number(self.fields["extension"].text(), self.tr("Each extension (minutes)")),
            whole_number(self.fields["warn"].text(), self.tr("Warn before the time (minutes)")),
            grace)

    def _store(self, typed: tuple[date, StayPolicy], approval: Approval | None) -> int:
        since, rule = typed
        return save_stay_rule(self.ctx, self.staff, since, rule, approval)

    def _asking(self) -> str:
        return self.tr("Save new sets and extensions")

    def _saved(self, version: int) -> None:
        self._load()
        self.feedback.info(self.tr("Sets and extensions version {v} is saved; tables already "
                                   "seated keep their time.").format(v=version))
