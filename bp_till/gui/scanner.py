"""Card scans from a barcode/QR scanner that types like a keyboard, anywhere in the window.

A scanner sends the card's number (or the slip's QR link) much faster than
anyone types, then Enter.
Keys reach the focused widget as usual (no delay for people typing); when Enter
ends a burst of enough digits that all came fast, the burst is taken back out
of the field it landed in and reported as a scan instead.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLineEdit

MAX_GAP_S = 0.05  # people type slower than one key per 50 ms; scanners far faster
MIN_CHARS = 8  # shorter fast bursts are typing; a login ID has 11 digits, a card 12
MAX_CHARS = 200  # the slip's QR link is the longest thing a scanner sends
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanCatcher(QObject):
    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self._burst = ""
        self._last_key: tuple[bool, float] = (False, 0.0)  # (from the input's own clock, when)
        self._target: QObject | None = None  # where the burst's keys are going
        self._field: QLineEdit | None = None
        self._field_text = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not self.enabled:
            return False
        if not watched.isWidgetType() or watched is not (QApplication.focusWidget() or watched.window()):
            return False  # a key press is offered to each parent in turn; count it once
        fast = self._fast(event)
        if event.key() in _ENTER:
            return self._finish(fast)
        text = event.text()
        if text and text.isprintable():
            if not (fast and self._burst and watched is self._target):
                self._start_burst(watched)
            self._burst += text
            if len(self._burst) > MAX_CHARS:
                self._burst = ""
        else:
            self._burst = ""
        return False

    def _fast(self, event) -> bool:
        """Did this key follow the last within a scanner's gap?

        A key from a real keyboard or scanner carries the time it was pressed, so a
        field busy with the first key (the menu search filtering 300 items on a loaded
        till) does not split a scan in two. Keys without one (made up in software)
        are timed on arrival; the two clocks are never compared.
        """
        stamped = event.timestamp() > 0
        now = event.timestamp() / 1000 if stamped else time.monotonic()
        was_stamped, last = self._last_key
        self._last_key = (stamped, now)
        return stamped == was_stamped and 0 <= now - last <= MAX_GAP_S

    def _start_burst(self, widget: QObject) -> None:
        """Remember the focused field as it was, to put it back if this turns out a scan."""
        self._burst = ""
        self._target = widget
        self._field = widget if isinstance(widget, QLineEdit) else None
        self._field_text = self._field.text() if self._field else ""

    def _finish(self, fast: bool) -> bool:
        code, self._burst = self._burst, ""
        if not (fast and len(code) >= MIN_CHARS):
            return False  # an ordinary Enter
        if self._field is not None:
            self._field.setText(self._field_text)
        self.scanned.emit(code)
        return True  # the Enter was the scanner's, not the field's
