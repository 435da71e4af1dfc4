"""A toast: a short note at the top of the screen, under the header, after each action is done.

It says the action took (an item added, a check settled, a card issued, a
receipt printed, synced) without taking a tap to dismiss: it fades by itself
and lets clicks through. It sits at the top in the middle, under the header and any fault
banner: the screens keep their buttons at the bottom (Floor, Settle), and a note over them
would hide what the cashier taps next. The style sheet dresses it by role="toast".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOWN_MS = 2_500
MARGIN = 8


class Toast(QLabel):
    def __init__(self, parent: QWidget, above: tuple[QWidget, ...] = ()) -> None:
        """``above``: the widgets at the top of ``parent`` (header, banner) it goes under."""
        super().__init__(parent)
        self.above = above
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
        top = max((w.geometry().bottom() + 1 for w in self.above if w.isVisible()), default=0)
        self.move((self.parentWidget().width() - self.width()) // 2, top + MARGIN)
        self.raise_()
        self.show()
        self.timer.start()
