"""Table / guests, from the check: seat the party at a free table, join another table's
check, or change how many guests sit at it (a friend joins, one leaves early).

A button added to the check's actions opens a small dialog; the check view
itself only hands over the check and is told where to go next.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from bp_till.gui.feedback import Feedback
from bp_till.services import checks, tables
from bp_till.services.checks import MAX_GUESTS
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
                 guests: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="moveMergeDialog")
        self.ctx, self.staff, self.check_id = ctx, staff, check_id
        self.setWindowTitle(self.tr("Table and guests"))
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
        self.guests = self._add_guests(layout, guests)
        self.message = QLabel(self, objectName="moveMergeMessage", wordWrap=True)
        self.feedback = Feedback(self.message)
        layout.addWidget(self.message)
        add_button(self, layout, "closeMoveMergeButton", self.tr("Close"), self.reject)
        self.move_button.setEnabled(self.tables.count() > 0)
        self.merge_button.setEnabled(self.targets.count() > 0)

    def _add_guests(self, layout, guests: int | None) -> QSpinBox:
        """The party's size; a take-out check (``None``) seats nobody."""
        layout.addWidget(QLabel(self.tr("Guests at the table")))
        spin = QSpinBox(self, objectName="guestsSpin", minimum=1, maximum=MAX_GUESTS,
                        minimumHeight=48)
        spin.setValue(guests or 1)
        layout.addWidget(spin)
        button = add_button(self, layout, "setGuestsButton", self.tr("Set guests"), self._set_guests)
        spin.setEnabled(guests is not None)
        button.setEnabled(guests is not None)
        return spin

    def _done_if(self, shown: int, action, *args) -> None:
        """The change, then the check to show (this one, or the one merged into); else why not."""
        ok, _ = self.feedback.attempt(action, self.ctx, self.staff, self.check_id, *args)
        if ok:
            self.moved.emit(shown)
            self.accept()

    def _set_guests(self) -> None:
        self._done_if(self.check_id, checks.set_guests, self.guests.value())

    def _move(self) -> None:
        self._done_if(self.check_id, tables.move_check, self.tables.currentText())

    def _merge(self) -> None:
        self._done_if(self.targets.currentData(), tables.merge_checks, self.targets.currentData())


def title_row(view) -> QHBoxLayout:
    """Beside the check's title: a row of its own would push a 1280x800 check screen past
    the screen's foot whenever the fault banner shows."""
    return view.widget.findChild(QHBoxLayout, "titleRow")


def title_button(view, name: str, text: str, slot) -> QPushButton:
    """A touch-sized button in the check's title row."""
    button = QPushButton(text, view.widget, objectName=name, minimumHeight=48)
    title_row(view).addWidget(button)
    button.clicked.connect(slot)
    return button


class MoveMergeHook(QObject):
    """The "Table / guests" button on the check screen, and what follows a move or merge."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view, self.table_labels = view, tables.floor_tables(view.till.config.tables)
        self.dialog: MoveMergeDialog | None = None
        self.button = title_button(view, "moveMergeButton", self.tr("Table / guests"),
                                   self.open)

    def open(self) -> MoveMergeDialog:
        view = self.view
        detail = view.detail
        self.dialog = MoveMergeDialog(view.ctx, view.staff, view.check_id, self.table_labels,
                                      None if detail.takeout else detail.guests, view.widget)
        self.dialog.moved.connect(lambda check_id: view.show_check(view.staff, check_id))
        self.dialog.open()
        return self.dialog
