"""``bp-till --exit-when-ready``: how long the till takes to show its first screen.

A hidden option for the start-up benchmark: once the widget has been painted,
print how long that took and quit, so a script can time the start from outside.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, started: float) -> None:
        super().__init__(widget)
        self.started = started
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)  # after this paint event has drawn the screen
        return False

    def _report(self) -> None:
        print(f"ready in {(time.perf_counter() - self.started) * 1000:.0f} ms", flush=True)
        QApplication.instance().quit()


def quit_when_painted(widget: QWidget, started: float) -> None:
    """Print the milliseconds from ``started`` (a ``perf_counter``) to ``widget``'s first paint."""
    _FirstPaint(widget, started)
