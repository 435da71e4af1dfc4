"""Driving the real main window as staff do: clicks, typing, and a scanner's key bursts."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.gui.app import MainWindow
from bp_till.printing.printers import Printer
from tests.conftest import PINS

STAFF_PIN = {"Yuto": PINS["cashier"], "Kenta": PINS["shift_lead"], "Misaki": PINS["manager"],
             "Haruna": PINS["cashier2"]}


@pytest.fixture
def prints(tmp_path):
    return tmp_path / "prints.bin"


@pytest.fixture
def window(qtbot, ctx, tmp_path, prints):
    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{prints}"))
    main = MainWindow(till)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    till.close(drain_s=5)  # the print queue's thread, before the store goes


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), f"{widget.objectName()} cannot be clicked"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def button(window, name: str) -> QPushButton:
    """A button on the screen now showing, else anywhere in the window (the header)."""
    page = window.pages.currentWidget() if hasattr(window, "pages") else window
    found = page.findChild(QPushButton, name) or window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def hold(qtbot, widget: QWidget) -> None:
    """Press and hold (a free table: asks the guests and the set instead of opening for two)."""
    from bp_till.gui.floor import HOLD_MS

    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    qtbot.wait(HOLD_MS + 150)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton)


def open_for(qtbot, window, table: str, guests: int) -> None:
    """Open ``table`` for ``guests`` as staff do: a tap for two, else a hold and the count."""
    tile = window.floor.tiles[table]
    if guests == 2:
        click(qtbot, tile)
        return
    hold(qtbot, tile)
    click(qtbot, button(window, f"guests{guests}"))


def sign_in(qtbot, window, name: str, pin: str | None = None) -> None:
    """Choose yourself and tap the PIN on the pad, as at the counter."""
    combo = window.findChild(QComboBox, "staffCombo")
    combo.setCurrentIndex(combo.findText(name))
    for digit in pin or STAFF_PIN[name]:
        click(qtbot, button(window, f"pad{digit}"))
    click(qtbot, button(window, "signInButton"))


def focused(qtbot) -> QWidget:
    """Where a keyboard's keys go now; a dialog closing hands the focus back asynchronously."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    return QApplication.focusWidget()


def type_keys(qtbot, text: str) -> None:
    """Type into whatever has the keyboard focus, like a keyboard would."""
    QTest.keyClicks(focused(qtbot), text)


def press(qtbot, key) -> None:
    QTest.keyClick(focused(qtbot), key)


def approve(qtbot, override, name: str = "Misaki") -> None:
    """In the override dialog now open: choose the approver, type their PIN, Enter."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText(name))
    type_keys(qtbot, STAFF_PIN[name])
    press(qtbot, Qt.Key.Key_Return)


def scan(qtbot, code: str) -> None:
    """A keyboard-wedge scanner: the characters at full speed, then Enter, wherever focus is."""
    send_stamped(focused(qtbot), code, gap_ms=4)  # a scanner sends a key every 4 ms


class _InputClock:
    """The window system's key clock, in ms: it only moves forward, across tests too."""

    ms = 1_000_000


def send_stamped(target: QWidget, text: str, gap_ms: int, stall_s: float = 0.0) -> None:
    """``text`` and Enter as key events stamped ``gap_ms`` apart, as the window system stamps
    real keys; ``stall_s`` is how long the till takes to get to each (it changes no stamp)."""
    for char, key in [*((c, _key_of(c)) for c in text), ("\r", Qt.Key.Key_Return)]:
        _InputClock.ms += gap_ms
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(_InputClock.ms)
            QApplication.sendEvent(QApplication.focusWidget() or target, event)
        time.sleep(stall_s)


def _key_of(char: str) -> Qt.Key:
    return Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
