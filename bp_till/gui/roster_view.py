"""Tonight's cast (出勤): the shift lead ticks who is on the floor and saves it.

The cast picker then lists them first and the ranking board says who is in.
A cashier may open the screen to see who is in; saving asks for a shift
lead's PIN then.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from bp_till.domain.roster import Roster
from bp_till.gui.feedback import Feedback
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.gui.style import set_role
from bp_till.services.context import TillContext
from bp_till.services.masterdata import cast
from bp_till.services.roster import ROSTER_ROLE, save_roster, tonights_roster
from bp_till.services.staff import StaffMember

_CODE = Qt.ItemDataRole.UserRole
_HAYSTACK = Qt.ItemDataRole.UserRole + 1


class RosterView(QObject):
    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.override: OverrideDialog | None = None
        self.roster: Roster | None = None
        self.widget = QWidget(parent)
        self.widget.setObjectName("rosterView")
        title = QLabel(self.tr("Tonight's cast"), objectName="rosterTitle")
        set_role(title, "title")
        self.summary = QLabel(objectName="rosterSummary")
        self.search = QLineEdit(objectName="rosterSearch", minimumHeight=44)
        self.search.setPlaceholderText(self.tr("Name, romaji or code"))
        self.search.textChanged.connect(self._filter)
        self.rows = QListWidget(objectName="rosterList")
        set_role(self.rows, "lead")
        self.rows.itemChanged.connect(lambda _item: self._count())
        save = QPushButton(self.tr("Save tonight's roster"), objectName="saveRosterButton",
                           minimumHeight=48)
        save.clicked.connect(self.save)
        message = QLabel(objectName="messageLabel", wordWrap=True)
        self.feedback = Feedback(message)
        layout = QVBoxLayout(self.widget)
        for part in (title, self.summary, self.search, self.rows, save, message):
            layout.addWidget(part)

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self._load(tonights_roster(self.ctx))

    def _load(self, roster: Roster) -> None:
        """Everyone active, tonight's roster first (as marked) and ticked."""
        self.roster = roster
        on = {code: n for n, code in enumerate(roster.cast_codes)}
        members = sorted(cast(self.ctx), key=lambda c: (on.get(c.code, len(on)), c.code))
        self.rows.blockSignals(True)
        self.rows.clear()
        for member in members:
            row = QListWidgetItem(f"{member.stage_name}   {member.romaji}   {member.code}")
            row.setData(_CODE, member.code)
            row.setData(_HAYSTACK, f"{member.stage_name} {member.romaji} {member.code}".casefold())
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if member.code in on else Qt.CheckState.Unchecked)
            self.rows.addItem(row)
        self.rows.blockSignals(False)
        self.search.clear()
        self._count()

    def ticked(self) -> list[str]:
        """The codes ticked: those already on the roster in their order, then the new ones."""
        ticked = [self.rows.item(n).data(_CODE) for n in range(self.rows.count())
                  if self.rows.item(n).checkState() == Qt.CheckState.Checked]
        kept = [code for code in self.roster.cast_codes if code in ticked]
        return kept + [code for code in ticked if code not in kept]

    def _count(self) -> None:
        saved = self.roster.version if self.roster else 0
        text = self.tr("{n} on the floor tonight").format(n=len(self.ticked()))
        if not saved:
            text += " · " + self.tr("no roster saved yet tonight")
        self.summary.setText(text)

    def _filter(self, typed: str) -> None:
        words = typed.casefold().split()
        for n in range(self.rows.count()):
            row = self.rows.item(n)
            row.setHidden(not all(w in row.data(_HAYSTACK) for w in words))

    def save(self) -> None:
        codes = self.ticked()
        action = lambda approval: save_roster(self.ctx, self.staff, codes, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, ROSTER_ROLE, self.tr("Save tonight's roster"),
            action, self._saved, self.widget)

    def _saved(self, roster: Roster) -> None:
        self._load(roster)
        self.feedback.info(self.tr("Tonight's roster is saved: {n} on the floor.").format(
            n=len(roster.cast_codes)))
