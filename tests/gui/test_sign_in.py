"""The sign-in screen: keyboard and PIN pad, wrong PINs, and the idle lock."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from sqlalchemy import select

from bp_till.store.models import AuditEntry
from tests.conftest import PINS
from tests.gui.conftest import button, click, sign_in


def _choose(window, name):
    combo = window.findChild(QComboBox, "staffCombo")
    combo.setCurrentIndex(combo.findText(name))


def test_sign_in_with_the_keyboard_shows_who_is_signed_in(qtbot, window):
    _choose(window, "Misaki")
    pin = window.findChild(QLineEdit, "pinEdit")
    qtbot.keyClicks(pin, PINS["manager"])
    with qtbot.waitSignal(window.sign_in.signed_in, timeout=5000):
        qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.floor.widget
    assert window.staff_label.text() == "Misaki · manager"
    assert window.header.isVisible()


def test_the_pin_pad_types_clears_and_deletes(qtbot, window):
    pin = window.findChild(QLineEdit, "pinEdit")
    for name in ("pad9", "pad5", "padBack", "pad2"):
        click(qtbot, button(window, name))
    assert pin.text() == "92"
    click(qtbot, button(window, "padClear"))
    assert pin.text() == ""


def test_wrong_pin_says_so_stays_and_is_audited(qtbot, window, ctx):
    sign_in(qtbot, window, "Yuto", "999999")
    assert window.sign_in.message.text() == "Wrong PIN (4 tries left)."
    assert window.pages.currentWidget() is window.sign_in.widget
    assert window.findChild(QLineEdit, "pinEdit").text() == ""  # the PIN is not left on screen
    assert not window.header.isVisible()
    with ctx.store.read() as session:
        assert [a.action for a in session.scalars(select(AuditEntry))][-1] == "pin.failed"


def test_an_idle_till_locks_itself(qtbot, window):
    window.idle.timer.setInterval(50)  # the configured minutes, shortened for the test
    sign_in(qtbot, window, "Yuto")
    assert window.staff is not None
    with qtbot.waitSignal(window.idle.idle, timeout=3000):
        pass
    assert window.pages.currentWidget() is window.sign_in.widget
    assert window.staff is None and not window.header.isVisible()
    assert "Locked after" in window.sign_in.message.text()


def test_activity_keeps_the_till_unlocked(qtbot, window):
    window.idle.timer.setInterval(1000)
    sign_in(qtbot, window, "Yuto")
    for _ in range(6):  # a click every 250 ms for 1.5 s: longer than the idle time
        qtbot.wait(250)
        click(qtbot, button(window, "floorNav"))
    assert window.staff is not None
