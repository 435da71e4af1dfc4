"""What the till looks like to staff: its font, its sizes, its two themes and the header's icons."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton

from bp_till.gui.style import THEMES, apply_style, saved_theme
from bp_till.services import checks
from tests.gui.conftest import button, click, sign_in

HEADER = ("floorNav", "rosterNav", "receiptsNav", "producersNav", "closeoutNav", "boardNav",
          "settingsNav", "lockButton")
SCREENS = ("floorNav", "rosterNav", "receiptsNav", "producersNav", "closeoutNav", "settingsNav")


def _background(window):
    """The colour of the window's body, sampled beside the floor's title."""
    QApplication.processEvents()
    page = window.pages.currentWidget()
    return page.grab().toImage().pixelColor(2, 2).name()


def test_the_screens_use_the_proportional_japanese_font(qtbot, window):
    assert QApplication.font().family() == "BIZ UDPGothic"
    label = window.sign_in.widget.findChild(QLabel)
    assert QFontInfo(label.font()).family() == "BIZ UDPGothic"


def test_every_button_on_the_main_screens_is_a_thumb_high(qtbot, window, ctx, cashier):
    window.resize(1280, 800)
    sign_in(qtbot, window, "Misaki")
    check = checks.open_check(ctx, cashier, "T3", 2)
    checks.add_line(ctx, cashier, check, "T01", 2, None)
    small = []
    for show in [lambda name=name: click(qtbot, button(window, name)) for name in SCREENS] + [
            lambda: window.show_check(check), lambda: window.show_settle(check)]:
        show()
        QApplication.processEvents()
        small += [(b.objectName() or b.text(), b.height()) for b in window.findChildren(QPushButton)
                  if b.isVisible() and b.height() < 48]
    assert small == []
    assert window.size() == QSize(1280, 800)  # the header and every screen fit a 1280×800 register


def test_the_total_is_read_from_a_step_away(qtbot, window, ctx, cashier):
    sign_in(qtbot, window, "Yuto")
    check = checks.open_check(ctx, cashier, "T3", 2)
    window.show_check(check)
    total = window.check.widget.findChild(QLabel, "totalLabel")
    body = window.check.widget.findChild(QLabel, "messageLabel")
    assert QFontInfo(total.font()).pixelSize() >= 2 * QFontInfo(body.font()).pixelSize()
    window.show_settle(check)
    change = window.settle.widget.findChild(QLabel, "changeLabel")
    assert QFontInfo(change.font()).pixelSize() >= 30


def test_the_dark_theme_is_chosen_in_settings_shows_at_once_and_is_kept(qtbot, window, tmp_path):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "floorNav"))
    light = _background(window)
    click(qtbot, button(window, "settingsNav"))
    combo = window.settings.widget.findChild(QComboBox, "themeCombo")
    try:
        combo.setCurrentIndex(combo.findData("dark"))
        combo.activated.emit(combo.currentIndex())  # as a tap on the list's entry does
        click(qtbot, button(window, "floorNav"))
        dark = _background(window)
        assert light != dark
        assert sum(int(dark[i:i + 2], 16) for i in (1, 3, 5)) < sum(
            int(light[i:i + 2], 16) for i in (1, 3, 5)) / 3  # far darker, not a tint
        assert saved_theme(tmp_path) == "dark"
    finally:
        apply_style(QApplication.instance(), "light")


def test_the_header_buttons_show_icons_in_both_themes(qtbot, window):
    try:
        for theme in THEMES:
            window.apply_theme(theme)
            for name in HEADER:
                shown = button(window, name).icon()
                assert not shown.isNull(), name
                assert not shown.pixmap(48, 48).toImage().isNull()
                assert QSize(96, 96) in shown.availableSizes()  # drawn anew for a 2× screen, not blown up
    finally:
        apply_style(QApplication.instance(), "light")


def test_every_label_on_the_check_shows_all_its_lines(qtbot, window, ctx, cashier, manager):
    """A regular's points (three sentences, the first wrapping) are not cut off at 1280×800."""
    from bp_till.services import producers

    window.resize(1280, 800)
    regular = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, regular.card_number, spend_delta=1_279,
                            reason="loyalty card import")
    check = checks.open_check(ctx, cashier, "T5", 3)
    for code, quantity, cast in (("T01", 3, None), ("A01", 1, None), ("F01", 1, None),
                                 ("C02", 1, "C003")):
        checks.add_line(ctx, cashier, check, code, quantity, cast)
    checks.attach_producer(ctx, cashier, check, regular.card_number)
    sign_in(qtbot, window, "Yuto")
    window.show_check(check)
    QApplication.processEvents()
    label = window.check.widget.findChild(QLabel, "producerLabel")
    assert label.text().count("\n") == 2  # points, this check's earnings, the next rank
    cut = [(lb.objectName(), lb.height(), lb.heightForWidth(lb.width()))
           for lb in window.check.widget.findChildren(QLabel)
           if lb.isVisible() and lb.wordWrap() and lb.height() < lb.heightForWidth(lb.width())]
    assert cut == []
    box = window.check.widget.findChild(QGroupBox, "producerBox")
    edit = window.check.widget.findChild(QLineEdit, "producerEdit")
    assert box.contentsRect().contains(label.geometry())  # inside its box, not under its edges
    assert label.geometry().top() > edit.geometry().bottom()  # below the card field
