"""Settings: a manager edits the rank table; bad cells are refused and nothing is saved."""

from PySide6.QtWidgets import QLabel, QTableWidgetItem

from bp_till.services.ranks import current_rank_table
from tests.gui.conftest import button, click, sign_in


def _set(view, row, column, text):
    view.table.setItem(row, column, QTableWidgetItem(text))


def test_a_manager_saves_a_new_rank_table(qtbot, window, ctx):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    view = window.settings
    assert view.widget.findChild(QLabel, "ranksVersion").text() == "The café's default ranks (never changed)"
    assert [view.table.item(2, c).text() for c in range(3)] == ["Silver", "500", "1.5"]
    _set(view, 2, 1, "400")
    _set(view, 2, 2, "1.6")
    click(qtbot, button(window, "saveRanksButton"))  # a manager needs no override
    version, table = current_rank_table(ctx)
    assert version == 1
    assert (table.ranks[2].threshold, table.ranks[2].multiplier_pct) == (400, 160)
    assert ctx.ranks.ranks == table.ranks  # in force on this till at once
    assert view.widget.findChild(QLabel, "ranksVersion").text() == "Version 1 in force"


def test_a_bad_multiplier_is_refused(qtbot, window, ctx, unchanged):
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    view = window.settings
    _set(view, 1, 2, "one point two")
    with unchanged():
        click(qtbot, button(window, "saveRanksButton"))
    assert view.feedback.label.text() == "Vote multiplier: 'one point two' is not a multiplier like 1.5 or 2."
    assert current_rank_table(ctx)[0] == 0


def test_a_cashier_needs_a_manager_to_save_ranks(qtbot, window, ctx):
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "settingsNav"))
    _set(window.settings, 1, 1, "150")
    click(qtbot, button(window, "saveRanksButton"))
    assert window.settings.override is not None and window.settings.override.dialog.isVisible()
    assert current_rank_table(ctx)[0] == 0


def test_a_clock_set_back_is_refused_until_a_manager_confirms_it(qtbot, window, ctx, clock, cashier):
    from bp_till.services import checks

    check = checks.open_check(ctx, cashier, "T3", 1)
    checks.add_line(ctx, cashier, check, "T01")
    clock.advance(hours=-2)  # the CMOS battery went flat
    sign_in(qtbot, window, "Yuto")
    window.show_settle(check)
    window.settle.fields["cash"].setText("2000")
    click(qtbot, button(window, "confirmButton"))
    assert "the clock was set back. Nothing was settled." in window.settle.feedback.label.text()
    click(qtbot, button(window, "lockButton"))
    sign_in(qtbot, window, "Misaki")
    click(qtbot, button(window, "settingsNav"))
    click(qtbot, button(window, "acceptClockButton"))
    assert window.settings.feedback.label.text() == "The clock is confirmed; settling works again."
    window.show_settle(check)
    window.settle.fields["cash"].setText("2000")
    click(qtbot, button(window, "confirmButton"))
    assert window.settle.steps.currentIndex() == 1  # settled
