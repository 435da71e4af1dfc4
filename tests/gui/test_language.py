"""Japanese by default, English from the settings screen, compiled from the Linguist source."""

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTabWidget

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.gui.app import TillApp
from bp_till.gui.i18n import install_language, saved_language
from bp_till.printing.printers import Printer
from tests.gui.conftest import click, open_for, sign_in


@pytest.fixture
def gui(qtbot, ctx, tmp_path):
    app = TillApp(Till(Config(data_dir=tmp_path), ctx, Printer("preview", preview_dir=tmp_path)))
    qtbot.addWidget(app.window)
    app.window.show()
    yield app
    install_language("en")  # the translator is global to the process


def _tabs(window):
    tabs = window.check.widget.findChild(QTabWidget, "menuTabs")
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_the_till_starts_in_japanese(qtbot, gui):
    window = gui.window
    assert window.sign_in.widget.findChild(QPushButton, "signInButton").text() == "サインイン"
    sign_in(qtbot, window, "Yuto", "999999")  # refusals from the services are in Japanese too
    assert window.sign_in.message.text() == "PINが違います（あと4回）。"
    sign_in(qtbot, window, "Yuto")
    assert window.staff_label.text() == "Yuto · レジ"
    assert window.floor.tiles["T1"].text() == "T1\n\n空席"
    assert _tabs(window)[:3] == ["テーブルチャージ", "フード", "ソフトドリンク"]
    open_for(qtbot, window, "T1", 1)
    click(qtbot, window.check.widget.findChild(QPushButton, "settleButton"))
    assert window.check.feedback.label.text() == "伝票 #1 は空です。会計するものがありません。"


def test_switching_to_english_keeps_the_staff_member_signed_in(qtbot, gui, tmp_path):
    sign_in(qtbot, gui.window, "Yuto")
    click(qtbot, gui.window.header.findChild(QPushButton, "settingsNav"))
    combo = gui.window.settings.widget.findChild(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("en"))
    old = gui.window
    click(qtbot, gui.window.settings.widget.findChild(QPushButton, "applyLanguageButton"))
    assert gui.window is not old
    qtbot.addWidget(gui.window)
    assert gui.window.staff_label.text() == "Yuto · cashier"
    assert gui.window.settings.widget.findChild(QLabel, "languageLabel").text() == "Language"
    assert saved_language(tmp_path) == "en"  # kept for the next start
