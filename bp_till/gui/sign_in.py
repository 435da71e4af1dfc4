"""The sign-in view: pick yourself, type your PIN (keyboard or the on-screen pad)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from bp_till.domain.errors import TillError
from bp_till.gui.loader import load_ui
from bp_till.gui.refusals import localise
from bp_till.services.context import TillContext
from bp_till.services.staff import StaffMember, list_staff, sign_in


class SignInView(QObject):
    signed_in = Signal(object)  # StaffMember

    def __init__(self, ctx: TillContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = load_ui("sign_in", parent)
        self.staff_combo: QComboBox = self.widget.findChild(QComboBox, "staffCombo")
        self.pin_edit: QLineEdit = self.widget.findChild(QLineEdit, "pinEdit")
        self.message: QLabel = self.widget.findChild(QLabel, "messageLabel")
        self.widget.findChild(QPushButton, "signInButton").clicked.connect(self.submit)
        self.pin_edit.returnPressed.connect(self.submit)
        for digit in "0123456789":
            pad = self.widget.findChild(QPushButton, f"pad{digit}")
            pad.clicked.connect(lambda _=False, d=digit: self.pin_edit.insert(d))
        self.widget.findChild(QPushButton, "padClear").clicked.connect(self.pin_edit.clear)
        self.widget.findChild(QPushButton, "padBack").clicked.connect(lambda: self.pin_edit.backspace())
        self.reload()

    def reload(self, note: str = "") -> None:
        self.staff_combo.clear()
        for member in list_staff(self.ctx):
            self.staff_combo.addItem(member.name, member)
        self.pin_edit.clear()
        self.message.setText(note)
        self.pin_edit.setFocus()

    def submit(self) -> None:
        member: StaffMember | None = self.staff_combo.currentData()
        if member is None:
            self.message.setText(self.tr("No staff yet: run `bp-till init` first."))
            return
        pin, _ = self.pin_edit.text(), self.pin_edit.clear()
        try:
            signed = sign_in(self.ctx, member.id, pin)
        except TillError as refusal:
            self.message.setText(localise(refusal.message))
            return
        self.message.clear()
        self.signed_in.emit(signed)
