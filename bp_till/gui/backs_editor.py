"""The cast backs in Settings: yen or a percentage on each cast-credited item, from a day (manager)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget,
)

from bp_till.domain.backs import FIXED, PERCENT
from bp_till.domain.money import credits_cast, yen
from bp_till.domain.typed import whole_number
from bp_till.gui.rule_box import RuleBox
from bp_till.services.backs import BACKS_ROLE, current_rates, save_back_rates
from bp_till.services.context import TillContext
from bp_till.services.masterdata import MenuEntry, menu
from bp_till.services.staff import Approval

NONE = ""
KINDS = (NONE, FIXED, PERCENT)


class BacksEditor(RuleBox):
    role = BACKS_ROLE
    name = "backs"

    def __init__(self, ctx: TillContext, parent: QWidget) -> None:
        super().__init__(ctx, parent)
        self.box.setTitle(self.tr("Cast backs (a manager's PIN to save)"))
        self.items: list[MenuEntry] = []
        self.table = QTableWidget(0, 4, objectName="backsTable", minimumHeight=200)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Price"), self.tr("Back"), self.tr("Yen or %")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 70), (3, 150)):  # the kind's longest name fits
            self.table.setColumnWidth(column, width)
        self.form.addRow(self.table)
        self.add_since(self.tr("In force from (YYYY-MM-DD)"))
        self.add_save(self.tr("Save the backs"))

    def _kind_names(self) -> dict[str, str]:
        return {NONE: self.tr("no back"), FIXED: self.tr("yen per item"),
                PERCENT: self.tr("% of the price")}

    def _load(self) -> None:
        saved = current_rates(self.ctx)
        self.version.setText(
            self.tr("Version {v}, in force from {day}").format(
                v=saved.version, day=saved.effective_from.isoformat()) if saved
            else self.tr("No backs saved yet"))
        rates = saved.rates if saved else {}
        self.items = [e for e in menu(self.ctx) if credits_cast(e.category, e.cast_credit)]
        self.table.setRowCount(len(self.items))
        names = self._kind_names()
        for row, entry in enumerate(self.items):
            rate = rates.get(entry.code)
            self.table.setItem(row, 0, QTableWidgetItem(f"{entry.code}  {entry.name_ja}"))
            self.table.setItem(row, 1, QTableWidgetItem(yen(entry.price)))
            self.table.setItem(row, 2, QTableWidgetItem(str(rate.value) if rate else ""))
            kind = QComboBox(objectName=f"backKind_{entry.code}")
            for key in KINDS:
                kind.addItem(names[key], key)
            kind.setCurrentIndex(KINDS.index(rate.kind) if rate else 0)
            self.table.setCellWidget(row, 3, kind)
        self.show_since()

    def _typed(self) -> tuple[date, list[tuple[str, str, int]]]:
        since = self.typed_since(self.tr("In force from: type a day as YYYY-MM-DD."))
        rates = []
        for row, entry in enumerate(self.items):
            kind = self.table.cellWidget(row, 3).currentData()
            cell = self.table.item(row, 2)
            if kind != NONE:
                rates.append((entry.code, kind, whole_number(cell.text() if cell else "",
                                                             entry.code)))
        return since, rates

    def _store(self, typed: tuple[date, list], approval: Approval | None) -> int:
        since, rates = typed
        return save_back_rates(self.ctx, self.staff, since, rates, approval)

    def _asking(self) -> str:
        return self.tr("Save new cast backs")

    def _saved(self, version: int) -> None:
        self._load()
        self.feedback.info(self.tr("Backs version {v} is saved.").format(v=version))
