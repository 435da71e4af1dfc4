"""Which cast member a cheki or cast drink is for: a searchable list of 100+ names.

Typing filters by stage name, romaji or code; arrows move, Enter credits the
highlighted one
(through the dialog's default button). The cast members of this check come first, since a producer
usually orders for the same favourite again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from bp_till.gui.loader import give_back_focus, load_ui
from bp_till.services.masterdata import CastEntry


class CastPicker(QObject):
    chosen = Signal(str)  # the cast member's code

    def __init__(self, cast: list[CastEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: QDialog = load_ui("cast_picker", parent)
        self.dialog.setModal(True)
        self.search: QLineEdit = self.dialog.findChild(QLineEdit, "castSearch")
        self.list: QListWidget = self.dialog.findChild(QListWidget, "castList")
        self.label: QLabel = self.dialog.findChild(QLabel, "itemLabel")
        self.cast = cast
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self.list.itemDoubleClicked.connect(lambda _item: self._choose())
        self.dialog.findChild(QPushButton, "okButton").clicked.connect(self._choose)
        self.dialog.findChild(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        self.dialog.finished.connect(lambda _result: give_back_focus(parent))

    def ask(self, item_name: str, first: list[str]) -> None:
        """Open for one line; ``first`` are codes to list on top (this check's cast)."""
        self.label.setText(item_name)
        order = {code: n for n, code in enumerate(first)}
        ranked = sorted(self.cast, key=lambda c: (order.get(c.code, len(order)), c.code))
        self.list.clear()
        for member in ranked:
            row = QListWidgetItem(f"{member.stage_name}   {member.romaji}   {member.code}")
            row.setData(Qt.ItemDataRole.UserRole, member.code)
            row.setData(Qt.ItemDataRole.UserRole + 1,
                        f"{member.stage_name} {member.romaji} {member.code}".casefold())
            self.list.addItem(row)
        self.search.clear()
        self.list.setCurrentRow(0)
        self.dialog.open()
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first_shown = None
        for n in range(self.list.count()):
            row = self.list.item(n)
            hidden = not all(w in row.data(Qt.ItemDataRole.UserRole + 1) for w in words)
            row.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = row
        self.list.setCurrentItem(first_shown)

    def _choose(self) -> None:
        row = self.list.currentItem()
        if row is None or row.isHidden():
            return
        self.dialog.accept()
        self.chosen.emit(row.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return False

    def _step(self, step: int) -> None:
        shown = [n for n in range(self.list.count()) if not self.list.item(n).isHidden()]
        if not shown:
            return
        current = self.list.currentRow()
        position = shown.index(current) if current in shown else -1
        self.list.setCurrentRow(shown[max(0, min(len(shown) - 1, position + step))])
