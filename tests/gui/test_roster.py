"""Tonight's cast on the real window: ticked and saved, first in the cast picker, on the board."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QTabWidget
from sqlalchemy import select

from bp_till.domain.votes import Allocation
from bp_till.services import producers
from bp_till.services.roster import save_roster, tonights_roster
from bp_till.services.votes import cast_votes
from bp_till.store.models import Check
from tests.conftest import PINS
from tests.gui.conftest import button, click, open_for, press, sign_in, type_keys


def _tick(qtbot, window, typed: str) -> None:
    """Find a cast member by typing, then tick them with a tap on their row and Space."""
    view = window.roster
    view.search.setFocus()
    view.search.clear()
    type_keys(qtbot, typed)
    row = next(view.rows.item(n) for n in range(view.rows.count())
               if not view.rows.item(n).isHidden())
    qtbot.mouseClick(view.rows.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.rows.visualItemRect(row).center())
    press(qtbot, Qt.Key.Key_Space)


def test_a_shift_lead_ticks_tonights_cast_and_saves_it(qtbot, window, ctx):
    sign_in(qtbot, window, "Kenta")
    click(qtbot, button(window, "rosterNav"))
    assert window.pages.currentWidget() is window.roster.widget
    assert window.roster.summary.text() == "0 on the floor tonight · no roster saved yet tonight"
    _tick(qtbot, window, "karen")
    _tick(qtbot, window, "yume")
    assert window.roster.summary.text().startswith("2 on the floor tonight")
    click(qtbot, button(window, "saveRosterButton"))
    assert window.roster.feedback.label.text() == "Tonight's roster is saved: 2 on the floor."
    assert tonights_roster(ctx).cast_codes == ("C003", "C007")
    # Opened again, tonight's cast are ticked and listed first.
    click(qtbot, button(window, "floorNav"))
    click(qtbot, button(window, "rosterNav"))
    rows = window.roster.rows
    assert [rows.item(n).checkState() for n in range(3)] == [
        Qt.CheckState.Checked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert rows.item(0).text().startswith("カレン")


def test_a_cashier_saves_the_roster_with_a_shift_leads_pin(qtbot, window, ctx):
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "rosterNav"))
    _tick(qtbot, window, "kaori")
    click(qtbot, button(window, "saveRosterButton"))
    override = window.roster.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    assert tonights_roster(ctx).version == 0  # nothing saved before the PIN
    override.approver.setCurrentIndex(override.approver.findText("Kenta"))
    type_keys(qtbot, PINS["shift_lead"])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not override.dialog.isVisible())
    assert tonights_roster(ctx).cast_codes == ("C001",)


def test_the_picker_lists_tonights_cast_first_and_warns_for_someone_else(
        qtbot, window, ctx, shift_lead):
    save_roster(ctx, shift_lead, ["C005", "C002"])
    sign_in(qtbot, window, "Yuto")
    open_for(qtbot, window, "T3", 2)
    tabs = window.check.widget.findChild(QTabWidget, "menuTabs")
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Cheki"))
    click(qtbot, button(window, "menu_C01"))
    picker = window.check.picker
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search)
    rows = picker.dialog.findChild(QListWidget, "castList")
    assert [rows.item(n).text() for n in range(3)] == [
        "● りりあ   Riria   C005", "● あみ   Ami   C002", "かおり   Kaori   C001"]
    warning = picker.dialog.findChild(QLabel, "rosterWarning")
    assert warning.text() == ""  # りりあ, on tonight, is highlighted
    type_keys(qtbot, "kaori")
    assert warning.text() == "かおり is not on tonight's roster."
    press(qtbot, Qt.Key.Key_Return)  # a warning, not a refusal: the cheki is credited
    qtbot.waitUntil(lambda: not picker.dialog.isVisible())
    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == "T3")).one()
        assert [(line.name_en, line.cast.code) for line in check.lines if line.cast] == [
            ("Solo Cheki", "C001")]


def test_the_board_says_who_is_in_tonight_and_marks_them(qtbot, window, ctx, cashier, manager,
                                                         shift_lead):
    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, vote_delta=100, reason="welcome")
    cast_votes(ctx, cashier, card.card_number, [Allocation("C001", 60), Allocation("C002", 30)])
    save_roster(ctx, shift_lead, ["C003", "C001"])
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "boardNav"))
    board = window.board
    qtbot.waitUntil(board.isVisible)
    assert board.tonight.text() == "● In tonight: カレン · かおり"
    names = board.chart.chart().axes()[0].categories()
    assert names == ["2. あみ", "1. かおり ●"]  # place 1 drawn at the top
