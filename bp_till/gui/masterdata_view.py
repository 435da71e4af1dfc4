"""Menu & cast (from Settings): the menu and the cast as tables a manager maintains.

Add, edit, retire or put back, and reorder menu items (within their category,
as the menu panel shows them); add, rename and retire cast members. Each
change is one service call behind a manager's PIN; the view only reads the
store and calls the services (bp_till/services/menu_admin.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QWidget,
)

from bp_till.domain.business_day import business_day
from bp_till.domain.menu_window import on_menu
from bp_till.domain.money import yen
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import load_ui
from bp_till.gui.masterdata_dialogs import CastMemberDialog, EntryDialog, MenuItemDialog
from bp_till.gui.menu_panel import category_name
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.services import menu_admin
from bp_till.services.context import TillContext
from bp_till.services.masterdata import cast_book, menu_book
from bp_till.services.staff import StaffMember

_CODE = Qt.ItemDataRole.UserRole
_FOUND_BY = Qt.ItemDataRole.UserRole + 1  # what the filter box searches, beside the cells
_RETIRED = QBrush(QColor("#9e9e9e"))


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str], bool]],
               found_by: Callable[[str], str] = lambda _code: "") -> None:
    """(code, cells, retired) per row; retired rows greyed."""
    table.setRowCount(len(rows))
    for row, (code, cells, retired) in enumerate(rows):
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(_CODE, code)
            cell.setData(_FOUND_BY, found_by(code))
            if retired:
                cell.setForeground(_RETIRED)
            table.setItem(row, column, cell)


def filter_table(table: QTableWidget, typed: str) -> None:
    words = typed.casefold().split()
    for row in range(table.rowCount()):
        text = " ".join([table.item(row, 0).data(_FOUND_BY), *(
            table.item(row, c).text() for c in range(table.columnCount()))]).casefold()
        table.setRowHidden(row, not all(word in text for word in words))


class MasterdataView(QObject):
    back = Signal()

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff: StaffMember | None = None
        self.override: OverrideDialog | None = None
        self.dialog: EntryDialog | None = None
        self.widget = load_ui("masterdata", parent)
        find = self.widget.findChild
        self.feedback = Feedback(find(QLabel, "messageLabel"))
        self.menu_table = self._table("menuTable", (
            self.tr("Code"), self.tr("Category"), self.tr("Japanese name"), self.tr("English name"),
            self.tr("Price"), self.tr("Cast credit"), self.tr("Available"), self.tr("Status")))
        self.cast_table = self._table("castTable", (
            self.tr("Code"), self.tr("Stage name"), self.tr("Romaji"), self.tr("Status")))
        self.menu_filter: QLineEdit = find(QLineEdit, "menuFilter")
        self.cast_filter: QLineEdit = find(QLineEdit, "castFilter")
        self.menu_filter.textChanged.connect(lambda text: filter_table(self.menu_table, text))
        self.cast_filter.textChanged.connect(lambda text: filter_table(self.cast_table, text))
        actions = {
            "backToSettingsButton": self.back.emit,
            "addItemButton": lambda: self._open(MenuItemDialog(self.ctx, self.staff, self.widget),
                                                "itemCode"),
            "editItemButton": self.edit_item, "retireItemButton": self.retire_item,
            "itemUpButton": lambda: self.move_item(-1), "itemDownButton": lambda: self.move_item(1),
            "addMemberButton": lambda: self._open(
                CastMemberDialog(self.ctx, self.staff, self.widget), "memberCode"),
            "editMemberButton": self.edit_member, "retireMemberButton": self.retire_member,
        }
        for name, slot in actions.items():
            find(QPushButton, name).clicked.connect(slot)
        self.menu_table.itemDoubleClicked.connect(lambda _item: self.edit_item())
        self.cast_table.itemDoubleClicked.connect(lambda _item: self.edit_member())
        self.menu_table.itemSelectionChanged.connect(self._retire_labels)
        self.cast_table.itemSelectionChanged.connect(self._retire_labels)

    def _table(self, name: str, columns: tuple[str, ...]) -> QTableWidget:
        table: QTableWidget = self.widget.findChild(QTableWidget, name)
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def show_for(self, staff: StaffMember) -> None:
        self.staff = staff
        self.feedback.clear()
        self.reload()

    # --- reading -------------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        today = business_day(self.ctx.clock.now())
        self.items = {e.code: e for e in menu_admin.category_order(menu_book(self.ctx))}
        fill_table(self.menu_table, [(e.code, [
            e.code, category_name(e.category), e.name_ja, e.name_en, yen(e.price),
            self.tr("yes") if e.cast_credit else "", self._window(e.available_from,
                                                                  e.available_until),
            self._status(e.active, on_menu(e.available_from, e.available_until, today)),
        ], not e.active) for e in self.items.values()],
            lambda code: self.items[code].category)  # "soft_drink" finds them in Japanese too
        self.members = {c.code: c for c in cast_book(self.ctx)}
        fill_table(self.cast_table, [(c.code, [
            c.code, c.stage_name, c.romaji,
            self.tr("in the cast") if c.active else self.tr("retired", "cast member"),
        ], not c.active) for c in self.members.values()])
        filter_table(self.menu_table, self.menu_filter.text())
        filter_table(self.cast_table, self.cast_filter.text())
        for table in (self.menu_table, self.cast_table):
            rows = [r for r in range(table.rowCount()) if table.item(r, 0).data(_CODE) == keep]
            if rows:
                table.selectRow(rows[0])
                table.scrollToItem(table.item(rows[0], 0))
        self._retire_labels()

    def _status(self, active: bool, tonight: bool) -> str:
        if not active:
            return self.tr("retired")
        return self.tr("on the menu") if tonight else self.tr("not tonight (outside its days)")

    def _window(self, first, last) -> str:
        if first and last:
            return f"{first.isoformat()} – {last.isoformat()}"
        if first:
            return self.tr("from {day}").format(day=first.isoformat())
        return self.tr("until {day}").format(day=last.isoformat()) if last else ""

    @staticmethod
    def _chosen(table: QTableWidget) -> str | None:
        rows = table.selectionModel().selectedRows()
        return table.item(rows[0].row(), 0).data(_CODE) if rows else None

    def _retire_labels(self) -> None:
        find = self.widget.findChild
        for button, table, book in (("retireItemButton", self.menu_table, self.items),
                                    ("retireMemberButton", self.cast_table, self.members)):
            code = self._chosen(table)
            retired = code is not None and not book[code].active
            find(QPushButton, button).setText(self.tr("Put back") if retired else self.tr("Retire"))

    # --- changing --------------------------------------------------------------------------
    def _open(self, dialog: EntryDialog, focus: str) -> None:
        self.feedback.clear()
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open(focus)

    def _saved(self, code: str) -> None:
        self.reload(keep=code)
        self.feedback.info(self.tr("{code} is saved; the tills get it with the next sync.").format(
            code=code))

    def _pick(self, table: QTableWidget) -> str | None:
        code = self._chosen(table)
        if code is None:
            self.feedback.error(self.tr("Choose a row first."))
        return code

    def edit_item(self) -> None:
        code = self._pick(self.menu_table)
        if code:
            self._open(MenuItemDialog(self.ctx, self.staff, self.widget, self.items[code]),
                       "itemPrice")

    def edit_member(self) -> None:
        code = self._pick(self.cast_table)
        if code:
            self._open(CastMemberDialog(self.ctx, self.staff, self.widget, self.members[code]),
                       "memberStageName")

    def _change(self, code: str, what: str, action: Callable) -> None:
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, menu_admin.MASTERDATA_ROLE, what,
            lambda approval: action(self.ctx, self.staff, code, approval=approval),
            lambda _none: self._saved(code), self.widget)

    def retire_item(self) -> None:
        self._retire(self.menu_table, self.items, menu_admin.retire_item,
                     (self.tr("Retire {code} from the menu"), self.tr("Put {code} back on the menu")))

    def retire_member(self) -> None:
        self._retire(self.cast_table, self.members, menu_admin.retire_member,
                     (self.tr("Retire {code} from the cast"), self.tr("Put {code} back in the cast")))

    def _retire(self, table: QTableWidget, book: dict, service: Callable,
                asking: tuple[str, str]) -> None:
        """Retire the chosen row, or put it back when it is retired."""
        code = self._pick(table)
        if code:
            back = not book[code].active
            self._change(code, asking[back].format(code=code),
                         lambda ctx, staff, code, approval: service(ctx, staff, code, back,
                                                                    approval))

    def move_item(self, step: int) -> None:
        code = self._pick(self.menu_table)
        if code:
            self._change(code, self.tr("Reorder the menu"),
                         lambda ctx, staff, code, approval: menu_admin.move_item(
                             ctx, staff, code, step, approval))
