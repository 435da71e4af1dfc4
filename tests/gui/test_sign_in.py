"""The sign-in screen driven by keys and clicks, offscreen."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.gui.app import MainWindow
from bp_till.printing.printers import Printer
from tests.conftest import PINS


def _window(qtbot, ctx, tmp_path):
    till = Till(Config(data_dir=tmp_path), ctx, Printer("preview", preview_dir=tmp_path))
    window = MainWindow(till)
    qtbot.addWidget(window)
    window.show()
    return window


def _choose(window, name):
    combo = window.findChild(QComboBox, "staffCombo")
    combo.setCurrentIndex(combo.findText(name))


def test_sign_in_with_the_right_pin_shows_who_is_signed_in(qtbot, ctx, tmp_path):
    window = _window(qtbot, ctx, tmp_path)
    _choose(window, "Misaki")
    pin = window.findChild(QLineEdit, "pinEdit")
    qtbot.keyClicks(pin, PINS["manager"])
    with qtbot.waitSignal(window.sign_in.signed_in, timeout=5000):
        qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.home
    assert window.staff_label.text() == "Misaki (manager)"
    assert "Cast: 120 members" in window.findChild(QLabel, "homeLabel").text()
    window.grab().save(str(tmp_path / "home.png"))


def test_wrong_pin_says_so_and_stays(qtbot, ctx, tmp_path):
    window = _window(qtbot, ctx, tmp_path)
    _choose(window, "Yuto")
    qtbot.keyClicks(window.findChild(QLineEdit, "pinEdit"), "999999")
    qtbot.mouseClick(window.findChild(QPushButton, "signInButton"), Qt.MouseButton.LeftButton)
    assert window.findChild(QLabel, "messageLabel").text() == "Wrong PIN (4 tries left)."
    assert window.pages.currentWidget() is window.sign_in.widget
    assert window.findChild(QLineEdit, "pinEdit").text() == ""  # the PIN is not left on screen
