"""A toast: a short note over the bottom of the window after each action is done.

It says the action took (an item added, a check settled, a card issued, a
receipt printed, synced) without taking a tap to dismiss: it fades by itself
and lets clicks through. The style sheet dresses it by role="toast".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOWN_MS = 2_500
MARGIN = 24


class Toast(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setProperty("role", "toast")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str) -> None:
        """Show ``text`` (a newer note replaces an older one) for a couple of seconds."""
        if not text:
            return
        self.setText(text)
        self.adjustSize()
        area = self.parentWidget().rect()
        self.move((area.width() - self.width()) // 2, area.height() - self.height() - MARGIN)
        self.raise_()
        self.show()
        self.timer.start()
