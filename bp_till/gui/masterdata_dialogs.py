"""The dialogs that add or edit one menu item or one cast member (Menu & cast screen).

A dialog reads what was typed (a refusal stays in the dialog), then saves
through the service behind a manager's PIN when the signed-in role is not
enough; once saved it closes and the screen reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from bp_till.domain.money import Category
from bp_till.domain.typed import calendar_day, whole_number
from bp_till.gui.feedback import Feedback
from bp_till.gui.loader import give_back_focus, load_ui
from bp_till.gui.menu_panel import category_name
from bp_till.gui.override import OverrideDialog, run_privileged
from bp_till.services import menu_admin
from bp_till.services.context import TillContext
from bp_till.services.masterdata import CastEntry, MenuEntry
from bp_till.services.staff import StaffMember


class EntryDialog(QObject):
    """One entry's form: ``_typed`` reads it, ``save`` stores it (new or edited)."""

    saved = Signal(str)  # the code saved
    code_field = ""  # the object name of the code's field

    def __init__(self, ctx: TillContext, staff: StaffMember, ui: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.staff = ctx, staff
        self.override: OverrideDialog | None = None
        self.dialog: QDialog = load_ui(ui, parent)
        self.dialog.setModal(True)
        self.feedback = Feedback(self.dialog.findChild(QLabel, "messageLabel"))
        self.dialog.findChild(QPushButton, "saveButton").clicked.connect(self.save)
        self.dialog.findChild(QPushButton, "cancelButton").clicked.connect(self.dialog.reject)
        self.dialog.finished.connect(lambda _result: give_back_focus(parent))
        self.is_new = True

    def field(self, name: str) -> QLineEdit:
        return self.dialog.findChild(QLineEdit, name)

    def open(self, focus: str) -> None:
        # The code is what other tills and old checks know it by: it does not change.
        self.field(self.code_field).setReadOnly(not self.is_new)
        self.dialog.open()
        self.field(focus).setFocus()

    def save(self) -> None:
        ok, entry = self.feedback.attempt(self._typed)
        if not ok:
            return
        store = self._adder() if self.is_new else self._editor()
        action = lambda approval: store(self.ctx, self.staff, entry, approval)  # noqa: E731
        ok, self.override = self.feedback.attempt(
            run_privileged, self.ctx, self.staff, menu_admin.MASTERDATA_ROLE, self._asking(),
            action, lambda _none: self._done(entry.code), self.dialog)

    def _done(self, code: str) -> None:
        self.dialog.accept()
        self.saved.emit(code)

    # --- what each kind fills in -------------------------------------------------------
    def _typed(self) -> Any:
        raise NotImplementedError

    def _adder(self) -> Callable:
        raise NotImplementedError

    def _editor(self) -> Callable:
        raise NotImplementedError

    def _asking(self) -> str:
        raise NotImplementedError


class MenuItemDialog(EntryDialog):
    code_field = "itemCode"

    def __init__(self, ctx: TillContext, staff: StaffMember, parent: QWidget,
                 entry: MenuEntry | None = None) -> None:
        super().__init__(ctx, staff, "menu_item", parent)
        self.category: QComboBox = self.dialog.findChild(QComboBox, "itemCategory")
        for category in Category.ALL:
            self.category.addItem(category_name(category), category)
        self.credit: QCheckBox = self.dialog.findChild(QCheckBox, "itemCastCredit")
        self.entry = entry
        self.is_new = entry is None
        self.dialog.setWindowTitle(self.tr("Add a menu item") if entry is None
                                   else self.tr("Edit {code}").format(code=entry.code))
        if entry is not None:
            for name, value in (("itemCode", entry.code), ("itemNameJa", entry.name_ja),
                                ("itemNameEn", entry.name_en), ("itemPrice", str(entry.price)),
                                ("itemFrom", _day(entry.available_from)),
                                ("itemUntil", _day(entry.available_until))):
                self.field(name).setText(value)
            self.category.setCurrentIndex(self.category.findData(entry.category))
            self.credit.setChecked(entry.cast_credit)

    def _typed(self) -> MenuEntry:
        text = lambda name: self.field(name).text()  # noqa: E731
        return MenuEntry(
            text("itemCode").strip(), self.category.currentData(), text("itemNameJa"),
            text("itemNameEn"), whole_number(text("itemPrice"), self.tr("Price"), money=True),
            self.credit.isChecked(), self.entry.active if self.entry else True,
            calendar_day(text("itemFrom"), self.tr("Available from")),
            calendar_day(text("itemUntil"), self.tr("Available until")))

    def _adder(self) -> Callable:
        return menu_admin.add_item

    def _editor(self) -> Callable:
        return menu_admin.edit_item

    def _asking(self) -> str:
        return self.tr("Save a menu item")


class CastMemberDialog(EntryDialog):
    code_field = "memberCode"

    def __init__(self, ctx: TillContext, staff: StaffMember, parent: QWidget,
                 entry: CastEntry | None = None) -> None:
        super().__init__(ctx, staff, "cast_member", parent)
        self.entry = entry
        self.is_new = entry is None
        self.dialog.setWindowTitle(self.tr("Add a cast member") if entry is None
                                   else self.tr("Rename {code}").format(code=entry.code))
        if entry is not None:
            for name, value in (("memberCode", entry.code), ("memberStageName", entry.stage_name),
                                ("memberRomaji", entry.romaji)):
                self.field(name).setText(value)

    def _typed(self) -> CastEntry:
        text = lambda name: self.field(name).text()  # noqa: E731
        return CastEntry(text("memberCode").strip(), text("memberStageName"),
                         text("memberRomaji"), self.entry.active if self.entry else True)

    def _adder(self) -> Callable:
        return menu_admin.add_member

    def _editor(self) -> Callable:
        return menu_admin.rename_member

    def _asking(self) -> str:
        return self.tr("Save a cast member")


def _day(value) -> str:
    return value.isoformat() if value else ""
