"""The keyboard-wedge scanner is told from a person by the gaps between keys."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from bp_till.gui.scanner import ScanCatcher
from tests.gui.conftest import send_stamped

CARD = "010100000013"


@pytest.fixture
def field(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    catcher = ScanCatcher()
    heard = []
    catcher.scanned.connect(heard.append)
    QApplication.instance().installEventFilter(catcher)
    yield edit, heard
    QApplication.instance().removeEventFilter(catcher)


def test_a_scan_stays_whole_while_the_till_is_slow_to_take_its_keys(field):
    edit, heard = field
    send_stamped(edit, CARD, gap_ms=4, stall_s=0.08)
    assert heard == [CARD] and edit.text() == ""


def test_keys_a_person_typed_are_left_in_the_field(field):
    edit, heard = field
    send_stamped(edit, CARD, gap_ms=180)
    assert heard == [] and edit.text() == CARD


def test_keys_without_a_stamp_are_timed_on_arrival(field):
    edit, heard = field
    QTest.keyClicks(edit, CARD)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert heard == [CARD] and edit.text() == ""
    for char in "12345678":
        QTest.keyClick(edit, char)
        time.sleep(0.07)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert heard == [CARD] and edit.text() == "12345678"
