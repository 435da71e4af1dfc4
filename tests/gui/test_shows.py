"""The stage show schedule on the real window: set in Settings, counted down on the board, and
the tables seated through the next show marked on the floor."""

from datetime import datetime, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from bp_till.domain.business_day import TOKYO
from bp_till.domain.shows import ShowSchedule
from bp_till.services.shows import current_schedule
from tests.conftest import PINS
from tests.gui.conftest import button, click, open_for, press, sign_in, type_keys


def _type_schedule(qtbot, window, **typed) -> None:
    for name, text in typed.items():
        field = window.findChild(QLineEdit, f"shows_{name}")
        field.setFocus()
        field.selectAll()
        if text.isascii():
            type_keys(qtbot, text)
        else:  # full-width, as a Japanese input method commits it (QTest types Latin-1 only)
            field.insert(text)


def test_a_manager_sets_a_late_schedule_in_settings(qtbot, window, ctx):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    assert window.findChild(QLineEdit, "shows_first").text() == "12:00"  # the café's default
    _type_schedule(qtbot, window, first="19:00", last="１：００", every="60", length="20")
    click(qtbot, window.findChild(QPushButton, "saveShowsButton"))
    assert window.settings.shows.feedback.label.text() == "Show schedule version 1 is in force."
    assert current_schedule(ctx) == (1, ShowSchedule(time(19), time(1), 60, 20))


def test_a_bad_schedule_gets_a_message_and_nothing_is_saved(qtbot, window, ctx):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    save = window.findChild(QPushButton, "saveShowsButton")
    for typed, says in ((dict(every="0"), "Shows come every 15 to 240 minutes."),
                        (dict(every="60", first="7pm"),
                         "First show: type a time as HH:MM, for example 19:00."),
                        (dict(first="12:00", length="90"),
                         "A show lasts at least 1 minute and no longer than the time between "
                         "two shows.")):
        _type_schedule(qtbot, window, **typed)
        click(qtbot, save)
        assert window.settings.shows.feedback.label.text() == says
    assert current_schedule(ctx)[0] == 0


def test_a_shift_lead_saves_the_schedule_with_a_managers_pin(qtbot, window, ctx):
    sign_in(qtbot, window, "Kenta")
    click(qtbot, button(window, "settingsNav"))
    _type_schedule(qtbot, window, every="30", length="10")
    click(qtbot, window.findChild(QPushButton, "saveShowsButton"))
    override = window.settings.shows.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    override.approver.setCurrentIndex(override.approver.findText("Misaki"))
    type_keys(qtbot, PINS["manager"])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current_schedule(ctx)[0] == 1)
    assert current_schedule(ctx)[1].every_minutes == 30


def test_the_board_counts_down_to_the_next_show_and_says_when_one_is_on(qtbot, window, clock):
    sign_in(qtbot, window, "Yuto")  # the fixture's clock: 19:30 in Tokyo
    click(qtbot, button(window, "boardNav"))
    board = window.board
    qtbot.waitUntil(board.isVisible)
    assert board.show_line.text() == "♪ Next stage show 20:00 · in 30 min"
    clock.set(datetime(2026, 11, 20, 20, 5, tzinfo=TOKYO))
    qtbot.waitUntil(lambda: board.show_line.text() == "♪ On stage now (since 20:00)",
                    timeout=10_000)  # the countdown's own timer, no refresh needed


def test_the_floor_marks_tables_seated_through_the_next_show(qtbot, window, clock):
    sign_in(qtbot, window, "Yuto")
    clock.set(datetime(2026, 11, 20, 18, 0, tzinfo=TOKYO))
    open_for(qtbot, window, "T2", 2)  # 18:00 to 19:30: past the 19:00 show
    clock.set(datetime(2026, 11, 20, 18, 50, tzinfo=TOKYO))
    click(qtbot, button(window, "floorNav"))
    open_for(qtbot, window, "T4", 1)  # 18:50 to 20:20: past it too
    clock.set(datetime(2026, 11, 20, 19, 10, tzinfo=TOKYO))  # the next show is 20:00 now
    click(qtbot, button(window, "floorNav"))
    tiles = {name: window.findChild(QPushButton, f"table_{name}").text() for name in ("T2", "T4")}
    assert "♪" not in tiles["T2"]  # leaves at 19:30, before the 20:00 show
    assert tiles["T4"].endswith("♪ 20:00")
    assert window.floor.summary.text().endswith("next show 20:00 · tables seated through it: 1")
