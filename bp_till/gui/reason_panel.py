"""An inline “why?” row: an editable list of usual reasons, OK and Cancel.

Voids, cancels and refunds each need a reason for the audit trail; the
service refuses an empty one, and the panel shows the refusal and stays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton


class ReasonPanel(QObject):
    def __init__(self, frame: QFrame) -> None:
        super().__init__(frame)
        self.frame = frame
        self.label: QLabel = frame.findChild(QLabel, "reasonLabel")
        self.combo: QComboBox = frame.findChild(QComboBox, "reasonCombo")
        self._then: Callable[[str], bool] | None = None
        frame.findChild(QPushButton, "reasonOkButton").clicked.connect(self._ok)
        frame.findChild(QPushButton, "reasonCancelButton").clicked.connect(frame.hide)
        frame.hide()

    def ask(self, prompt: str, reasons: tuple[str, ...], then: Callable[[str], bool]) -> None:
        """``then(reason)`` returns True when it went through (the panel then closes)."""
        self.label.setText(prompt)
        self.combo.clear()
        self.combo.addItems([QCoreApplication.translate("Reasons", r) for r in reasons])
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText("")
        self._then = then
        self.frame.show()
        self.combo.setFocus()

    def _ok(self) -> None:
        if self._then is not None and self._then(self.combo.currentText()):
            self.frame.hide()

    def hide(self) -> None:
        self.frame.hide()

    def isVisible(self) -> bool:  # noqa: N802 - reads like the widget's own
        return self.frame.isVisible()
