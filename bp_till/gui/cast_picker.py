"""Which cast member a cheki, a cast drink or a vote is for: a searchable list of 100+ names.

Typing filters by stage name, romaji or code; arrows move, Enter picks the
highlighted one (through the dialog's default button). The cast members of
this check come first, since a producer usually orders for the same favourite,
then tonight's roster (marked); someone not on it can still be credited (the
roster may be late), with a warning under the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from bp_till.domain.roster import Roster, picker_order
from bp_till.gui.loader import give_back_focus, load_ui
from bp_till.services.masterdata import CastEntry

ON_TONIGHT = "●"  # the mark of tonight's roster in the list

_CODE = Qt.ItemDataRole.UserRole
_HAYSTACK = Qt.ItemDataRole.UserRole + 1


class CastList(QObject):
    """A search field over a list of cast members, steered from the field with the arrows."""

    def __init__(self, search: QLineEdit, rows: QListWidget, cast: list[CastEntry]) -> None:
        super().__init__(rows)
        self.search, self.rows, self.cast = search, rows, cast
        self.names = {member.code: member.stage_name for member in cast}
        search.textChanged.connect(self._filter)
        search.installEventFilter(self)

    def fill(self, first: list[str] = (), tonight: set[str] = frozenset()) -> None:
        """List everyone in this order (codes first, then the rest by code); clear the search.

        Those in ``tonight`` are marked as on tonight's roster.
        """
        order = {code: n for n, code in enumerate(first)}
        ranked = sorted(self.cast, key=lambda c: (order.get(c.code, len(order)), c.code))
        self.rows.clear()
        for member in ranked:
            mark = f"{ON_TONIGHT} " if member.code in tonight else ""
            row = QListWidgetItem(f"{mark}{member.stage_name}   {member.romaji}   {member.code}")
            row.setData(_CODE, member.code)
            row.setData(_HAYSTACK, f"{member.stage_name} {member.romaji} {member.code}".casefold())
            self.rows.addItem(row)
        self.search.clear()
        self.rows.setCurrentRow(0)

    def current_code(self) -> str | None:
        row = self.rows.currentItem()
        return None if row is None or row.isHidden() else row.data(_CODE)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first_shown = None
        for n in range(self.rows.count()):
            row = self.rows.item(n)
            hidden = not all(w in row.data(_HAYSTACK) for w in words)
            row.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = row
        self.rows.setCurrentItem(first_shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return False

    def _step(self, step: int) -> None:
        shown = [n for n in range(self.rows.count()) if not self.rows.item(n).isHidden()]
        if not shown:
            return
        current = self.rows.currentRow()
        position = shown.index(current) if current in shown else -1
        self.rows.setCurrentRow(shown[max(0, min(len(shown) - 1, position + step))])


class CastPicker(QObject):
    chosen = Signal(str)  # the cast member's code

    def __init__(self, cast: list[CastEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog: QDialog = load_ui("cast_picker", parent)
        self.dialog.setModal(True)
        self.search: QLineEdit = self.dialog.findChild(QLineEdit, "castSearch")
        self.list = CastList(self.search, self.dialog.findChild(QListWidget, "castList"), cast)
        self.cast = cast
        self.label: QLabel = self.dialog.findChild(QLabel, "itemLabel")
        self.warning: QLabel = self.dialog.findChild(QLabel, "rosterWarning")
        self.roster: Roster | None = None
        self.list.rows.currentItemChanged.connect(lambda *_: self._warn())
        self.list.rows.itemActivated.connect(lambda _item: self._choose())
        self.list.rows.itemDoubleClicked.connect(lambda _item: self._choose())
        self.dialog.findChild(QPushButton, "okButton").clicked.connect(self._choose)
        self.dialog.findChild(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        self.dialog.finished.connect(lambda _result: give_back_focus(parent))

    def set_cast(self, cast: list[CastEntry]) -> None:
        """Those who can be credited now (a retired member drops out)."""
        self.cast = self.list.cast = cast
        self.list.names = {member.code: member.stage_name for member in cast}

    def ask(self, item_name: str, on_check: list[str], roster: Roster) -> None:
        """Open for one line: this check's cast on top, then tonight's roster."""
        self.label.setText(item_name)
        self.roster = roster
        order = picker_order((c.code for c in self.cast), on_check, roster)
        self.list.fill(order, set(roster.cast_codes))
        self._warn()
        self.dialog.open()
        self.search.setFocus()

    def _warn(self) -> None:
        """Say so when the highlighted cast member is not on tonight's roster (once one is set)."""
        code = self.list.current_code()
        off = self.roster is not None and self.roster.version > 0 and code is not None \
            and code not in self.roster
        self.warning.setText(self.tr("{name} is not on tonight's roster.").format(
            name=self.list.names[code]) if off else "")

    def _choose(self) -> None:
        code = self.list.current_code()
        if code is None:
            return
        self.dialog.accept()
        self.chosen.emit(code)
