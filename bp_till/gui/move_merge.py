"""Move / merge, from the check: seat the party at a free table, or join another table's check.

A button added to the check's actions opens a small dialog; the check view
itself only hands over the check and is told where to go next.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from bp_till.gui.feedback import Feedback
from bp_till.services import tables
from bp_till.services.context import TillContext
from bp_till.services.staff import StaffMember


def add_button(parent: QWidget, layout, name: str, text: str, slot) -> QPushButton:
    """A touch-sized button at the foot of a small dialog's layout."""
    button = QPushButton(text, parent, objectName=name, minimumHeight=48)
    button.clicked.connect(slot)
    layout.addWidget(button)
    return button


class MoveMergeDialog(QDialog):
    moved = Signal(int)  # the check id to show now: the same check, or the one merged into

    def __init__(self, ctx: TillContext, staff: StaffMember, check_id: int, table_labels: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="moveMergeDialog")
        self.ctx, self.staff, self.check_id = ctx, staff, check_id
        self.setWindowTitle(self.tr("Move or merge"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Move to a free table")))
        self.tables = QComboBox(self, objectName="freeTablesCombo")
        self.tables.addItems(tables.free_tables(ctx, table_labels))
        layout.addWidget(self.tables)
        self.move_button = add_button(self, layout, "moveButton", self.tr("Move"), self._move)
        layout.addWidget(QLabel(self.tr("Merge this check into another table's")))
        self.targets = QComboBox(self, objectName="mergeTargetsCombo")
        for target_id, number, table in tables.merge_candidates(ctx, check_id):
            self.targets.addItem(self.tr("{table} · check #{number}").format(
                table=table, number=number), target_id)
        layout.addWidget(self.targets)
        self.merge_button = add_button(self, layout, "mergeButton", self.tr("Merge"), self._merge)
        self.message = QLabel(self, objectName="moveMergeMessage", wordWrap=True)
        self.feedback = Feedback(self.message)
        layout.addWidget(self.message)
        add_button(self, layout, "closeMoveMergeButton", self.tr("Close"), self.reject)
        self.move_button.setEnabled(self.tables.count() > 0)
        self.merge_button.setEnabled(self.targets.count() > 0)

    def _move(self) -> None:
        ok, _ = self.feedback.attempt(tables.move_check, self.ctx, self.staff, self.check_id,
                                      self.tables.currentText())
        if ok:
            self.moved.emit(self.check_id)
            self.accept()

    def _merge(self) -> None:
        target = self.targets.currentData()
        ok, _ = self.feedback.attempt(tables.merge_checks, self.ctx, self.staff, self.check_id,
                                      target)
        if ok:
            self.moved.emit(target)
            self.accept()


def title_row(view) -> QHBoxLayout:
    """Beside the check's title: a row of its own would push a 1280x800 check screen past
    the screen's foot whenever the fault banner shows."""
    return view.widget.findChild(QHBoxLayout, "titleRow")


class MoveMergeHook(QObject):
    """The "Move / merge" button on the check screen, and what follows a move or merge."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view, self.table_labels = view, tables.floor_tables(view.till.config.tables)
        self.dialog: MoveMergeDialog | None = None
        self.button = QPushButton(self.tr("Move / merge"), view.widget,
                                  objectName="moveMergeButton", minimumHeight=48)
        title_row(view).addWidget(self.button)
        self.button.clicked.connect(self.open)

    def open(self) -> MoveMergeDialog:
        view = self.view
        self.dialog = MoveMergeDialog(view.ctx, view.staff, view.check_id, self.table_labels,
                                      view.widget)
        self.dialog.moved.connect(lambda check_id: view.show_check(view.staff, check_id))
        self.dialog.open()
        return self.dialog
