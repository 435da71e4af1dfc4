"""The cast backs in Settings on the real window: a manager sets yen and percentages, a bad back
gets a message and saves nothing, a shift lead needs a manager's PIN; a screenshot of it."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QTableWidget

from bp_till.services.backs import current_rates
from tests.conftest import PINS
from tests.gui.conftest import button, click, press, sign_in, type_keys


def _row(window, code: str) -> int:
    table = window.findChild(QTableWidget, "backsTable")
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text().startswith(code + " "))


def _set(qtbot, window, code: str, kind: int, value: str) -> None:
    table = window.findChild(QTableWidget, "backsTable")
    row = _row(window, code)
    window.findChild(QComboBox, f"backKind_{code}").setCurrentIndex(kind)  # 1 yen, 2 percent
    table.item(row, 2).setText(value)


def _save(qtbot, window) -> None:
    click(qtbot, window.findChild(QPushButton, "saveBacksButton"))


def test_a_manager_sets_backs_in_settings(qtbot, window, ctx):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    editor = window.settings.backs
    assert editor.version.text() == "No backs saved yet"
    table = window.findChild(QTableWidget, "backsTable")
    listed = {table.item(r, 0).text().split()[0] for r in range(table.rowCount())}
    assert {"C01", "CD08", "N01", "N02"} <= listed and "F01" not in listed  # credited items only
    _set(qtbot, window, "C01", 1, "300")
    _set(qtbot, window, "CD03", 2, "３０")  # full-width, as a Japanese input method types it
    _save(qtbot, window)
    assert editor.feedback.label.text() == "Backs version 1 is saved."
    saved = current_rates(ctx)
    assert (saved.effective_from, {c: (r.kind, r.value) for c, r in saved.rates.items()}) == (
        date(2026, 11, 20), {"C01": ("yen", 300), "CD03": ("percent", 30)})
    assert editor.version.text() == "Version 1, in force from 2026-11-20"
    assert not window.settings.widget.grab().isNull()


def test_a_bad_back_gets_a_message_and_nothing_is_saved(qtbot, window, ctx):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    editor = window.settings.backs
    for code, kind, value, says in (
        ("CD03", 2, "120", "CD03: a back cannot be more than 100% of the price."),
        ("CD03", 2, "-5", "CD03: '-5' is not a whole number; type digits only."),
        ("CD03", 1, "2000", "CD03: a back of ¥2,000 is more than the ¥1,500 the item sells for."),
    ):
        _set(qtbot, window, code, kind, value)
        _save(qtbot, window)
        assert editor.feedback.label.text() == says
    _set(qtbot, window, "CD03", 0, "")
    field = window.findChild(QLineEdit, "backsFrom")
    field.setText("next week")
    _save(qtbot, window)
    assert editor.feedback.label.text() == "In force from: type a day as YYYY-MM-DD."
    assert current_rates(ctx) is None


def test_a_shift_lead_saves_backs_with_a_managers_pin(qtbot, window, ctx):
    sign_in(qtbot, window, "Kenta")
    click(qtbot, button(window, "settingsNav"))
    _set(qtbot, window, "N01", 2, "50")
    _save(qtbot, window)
    override = window.settings.backs.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText("Misaki"))
    type_keys(qtbot, PINS["manager"])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.settings.backs.feedback.label.text() == "Backs version 1 is saved.")
    assert current_rates(ctx).rates["N01"].value == 50


def test_settings_scroll_on_a_1280_by_800_screen_to_the_backs(qtbot, window):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.height() == 800)
    page = window.settings.widget
    page.ensureWidgetVisible(window.findChild(QPushButton, "saveBacksButton"))
    save = window.findChild(QPushButton, "saveBacksButton")
    top = save.mapTo(page.viewport(), save.rect().topLeft()).y()
    assert 0 <= top and top + save.height() <= page.viewport().height()
