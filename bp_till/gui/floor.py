"""The floor: every table with its open check, guests, stay against the limit, total so far."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from bp_till.domain.errors import TillError
from bp_till.domain.business_day import TOKYO
from bp_till.domain.money import yen
from bp_till.domain.shows import crosses
from bp_till.domain.stay import StayState
from bp_till.domain.typed import whole_number
from bp_till.gui.loader import load_ui
from bp_till.gui.set_choice import SetChoice
from bp_till.services import checks
from bp_till.services.context import TillContext
from bp_till.services.floor import OpenCheck, open_checks
from bp_till.services.shows import current_schedule
from bp_till.services.staff import StaffMember

COLUMNS = 6
DEFAULT_GUESTS = 2  # most tables are a pair: a tap opens for two, a hold asks
HOLD_MS = 500  # a press this long on a free table opens the panel for other counts and sets


def _set_stay(tile: QPushButton, stay: str) -> None:
    """Colour a tile by its stay through the style sheet's [stay=…] rules."""
    if tile.property("stay") != stay:
        tile.setProperty("stay", stay)
        tile.style().unpolish(tile)
        tile.style().polish(tile)


class FloorView(QObject):
    check_chosen = Signal(int)  # check id, opened now or earlier

    def __init__(self, ctx: TillContext, tables: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.table_labels = [f"T{n}" for n in range(1, tables + 1)]
        self.widget = load_ui("floor", parent)
        self.grid: QGridLayout = self.widget.findChild(QGridLayout, "tablesGrid")
        self.message: QLabel = self.widget.findChild(QLabel, "messageLabel")
        self.summary: QLabel = self.widget.findChild(QLabel, "summaryLabel")
        self.panel: QFrame = self.widget.findChild(QFrame, "openPanel")
        self.guests_edit: QLineEdit = self.widget.findChild(QLineEdit, "guestsEdit")
        self.tiles: dict[str, QPushButton] = {}
        self.next_show = None  # the next stage show's start, as of the last redraw
        self._pending_table: str | None = None
        self._held: str | None = None  # the table whose press turned into a hold
        self._wire()
        self.sets = SetChoice(ctx, self.panel)
        self.panel.hide()
        # Stay times move on their own: redraw the tiles every 30 s while shown.
        self.ticker = QTimer(self)
        self.ticker.setInterval(30_000)
        self.ticker.timeout.connect(self.refresh)
        self.hold = QTimer(self, singleShot=True, interval=HOLD_MS)
        self.hold.timeout.connect(self._held_long)

    def _wire(self) -> None:
        find = self.widget.findChild
        for n in range(1, 5):
            find(QPushButton, f"guests{n}").clicked.connect(lambda _=False, g=n: self._open(g))
        find(QPushButton, "openButton").clicked.connect(self._open_typed)
        self.guests_edit.returnPressed.connect(self._open_typed)
        find(QPushButton, "closePanelButton").clicked.connect(self.panel.hide)
        find(QPushButton, "takeoutButton").clicked.connect(self._takeout)

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.panel.hide()
        self.message.clear()
        self.refresh()
        self.ticker.start()

    def refresh(self) -> None:
        now = self.ctx.clock.now()
        self.next_show = current_schedule(self.ctx)[1].next_show(now)
        by_table: dict[str, list[OpenCheck]] = {}
        for check in open_checks(self.ctx):
            by_table.setdefault(check.table, []).append(check)
        extra = [label for label in by_table if label not in self.table_labels]
        labels = self.table_labels + sorted(extra)
        for index, label in enumerate(labels):
            tile = self._tile(label, index)
            self._paint(tile, label, by_table.get(label, []))
        for label in [label for label in self.tiles if label not in labels]:
            self.tiles.pop(label).deleteLater()  # a take-out check was settled
        guests = sum(c.guests for group in by_table.values() for c in group)
        checks_open = sum(len(group) for group in by_table.values())
        summary = self.tr("{checks} open checks · {guests} guests").format(
            checks=checks_open, guests=guests)
        if self.next_show is not None:
            through = sum(1 for group in by_table.values() if self._through_show(group[0], now))
            summary += " · " + self.tr("next show {at} · tables seated through it: {n}").format(
                at=f"{self.next_show.astimezone(TOKYO):%H:%M}", n=through)
        self.summary.setText(summary)

    def _through_show(self, check: OpenCheck, now) -> bool:
        """Whether the table's stay, as it stands, runs past the next show's start."""
        return crosses(self.next_show, now, check.opened_at + check.stay.limit)

    def _tile(self, label: str, index: int) -> QPushButton:
        tile = self.tiles.get(label)
        if tile is None:
            tile = QPushButton(self.widget)
            tile.setObjectName(f"table_{label}")
            tile.clicked.connect(lambda _=False, t=label: self._tile_clicked(t))
            tile.pressed.connect(lambda t=label: self._pressed(t))
            self.tiles[label] = tile
        self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        return tile

    def _paint(self, tile: QPushButton, label: str, open_here: list[OpenCheck]) -> None:
        tile.setProperty("checks", [c.check_id for c in open_here])
        if not open_here:
            tile.setText(f"{label}\n\n" + self.tr("free"))
            tile.setToolTip(self.tr("Tap: a check for 2 guests. Hold: other guests or sets."))
            _set_stay(tile, "free")
            return
        tile.setToolTip("")
        check = open_here[0]
        guests = self.tr("1 guest") if check.guests == 1 else self.tr("{n} guests").format(n=check.guests)
        text = f"{label}\n#{check.number} · {guests}\n{check.stay.label}\n{yen(check.total)}"
        if len(open_here) > 1:
            text += self.tr(" (+{n} more)").format(n=len(open_here) - 1)
        if self._through_show(check, self.ctx.clock.now()):
            text += f"\n♪ {self.next_show.astimezone(TOKYO):%H:%M}"
        if check.stay.state == StayState.OVER and not check.takeout:
            text += "\n" + self.tr("Past its time: extend?")
        tile.setText(text)
        _set_stay(tile, check.stay.state.value)

    def _pressed(self, label: str) -> None:
        self._held = None
        self._pending_table = label
        self.hold.start()

    def _held_long(self) -> None:
        """A hold on a free table: ask the guests and the set (the tap's defaults don't fit)."""
        label = self._pending_table
        if label is None or self.tiles[label].property("checks") or not self.tiles[label].isDown():
            return
        self._held = label
        self.widget.findChild(QLabel, "openLabel").setText(label)
        self.guests_edit.clear()
        self.sets.offer()
        self.panel.show()
        self.guests_edit.setFocus()

    def _tile_clicked(self, label: str) -> None:
        """A tap: the table's open check, or a new one for two on tonight's first set."""
        self.hold.stop()
        self.message.clear()
        if self._held == label:
            return  # the hold has opened the panel already
        open_here = self.tiles[label].property("checks") or []
        if open_here:
            self.check_chosen.emit(open_here[0])
            return
        self._pending_table = label
        self.sets.offer()
        self._open(DEFAULT_GUESTS)

    def _open_typed(self) -> None:
        try:
            guests = whole_number(self.guests_edit.text(), self.tr("Guests"))
        except TillError as refusal:
            self.message.setText(refusal.message)
            return
        self._open(guests)

    def _open(self, guests: int, table: str | None = None, takeout: bool = False) -> None:
        try:
            check_id = checks.open_check(
                self.ctx, self.staff, table or self._pending_table, guests, takeout=takeout,
                stay_set=None if takeout else self.sets.chosen())
        except TillError as refusal:
            self.message.setText(refusal.message)
            return
        self.panel.hide()
        self.check_chosen.emit(check_id)

    def _takeout(self) -> None:
        """Take-out orders get their own tiles, TO1, TO2, …, while they are open."""
        busy = {label for label, tile in self.tiles.items() if tile.property("checks")}
        number = next(n for n in range(1, 100) if f"TO{n}" not in busy)
        self._open(1, table=f"TO{number}", takeout=True)
