"""Table & guests from the check screen: a party moves to a free table, two tables merge, a
friend joins."""

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox
from sqlalchemy import select

from bp_till.services import checks
from bp_till.services.floor import check_detail
from bp_till.store.models import Check
from tests.gui.conftest import button, click, open_for, sign_in


def _open_at(qtbot, window, table, guests):
    open_for(qtbot, window, table, guests)
    assert window.pages.currentWidget() is window.check.widget
    return window.check.check_id


def _dialog(qtbot, window):
    click(qtbot, button(window, "moveMergeButton"))
    dialog = window.check.move_merge.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _choose(combo: QComboBox, text: str) -> None:
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text))
    combo.setCurrentIndex(index)


def test_a_party_moves_then_merges_into_another_table(qtbot, window, ctx, cashier):
    other = checks.open_check(ctx, cashier, "T2", 1)
    sign_in(qtbot, window, "Yuto")
    window.floor.refresh()
    check = _open_at(qtbot, window, "T5", 2)
    click(qtbot, button(window, "menu_T01"))

    dialog = _dialog(qtbot, window)
    tables = dialog.findChild(QComboBox, "freeTablesCombo")
    free = [tables.itemText(i) for i in range(tables.count())]
    assert "T2" not in free and "T5" not in free and "T9" in free  # taken tables are not offered
    _choose(tables, "T9")
    with qtbot.waitSignal(dialog.moved):
        click(qtbot, dialog.findChild(QPushButton, "moveButton"))
    assert "T9" in window.check.widget.findChild(QLabel, "checkTitle").text()

    dialog = _dialog(qtbot, window)
    _choose(dialog.findChild(QComboBox, "mergeTargetsCombo"), "T2")
    with qtbot.waitSignal(dialog.moved):
        click(qtbot, dialog.findChild(QPushButton, "mergeButton"))
    assert window.check.check_id == other  # the screen follows the lines to T2
    with ctx.store.read() as session:
        merged, kept = session.get(Check, check), session.get(Check, other)
        assert (merged.status, merged.merged_into, merged.table_label) == ("voided", other, "T9")
        assert kept.guests == 3 and [line.menu_item.code for line in kept.lines] == ["T01"]
        assert session.scalars(select(Check).where(Check.status == "open")).all() == [kept]


def test_a_friend_joins_and_the_check_and_its_extension_charge_three(qtbot, window, ctx):
    sign_in(qtbot, window, "Yuto")
    check = _open_at(qtbot, window, "T5", 2)
    dialog = _dialog(qtbot, window)
    spin = dialog.findChild(QSpinBox, "guestsSpin")
    assert spin.value() == 2
    spin.setValue(3)
    with qtbot.waitSignal(dialog.moved):
        click(qtbot, dialog.findChild(QPushButton, "setGuestsButton"))
    assert not dialog.isVisible()
    assert window.check.widget.findChild(QLabel, "checkTitle").text() == "Check #1 · T5 · 3 guests"
    assert "3 × " in button(window, "extendButton").text()
    assert check_detail(ctx, check).guests == 3


def test_a_take_out_check_offers_no_guests(qtbot, window, ctx, cashier):
    takeout = checks.open_check(ctx, cashier, "TO", 1, takeout=True)
    sign_in(qtbot, window, "Yuto")
    window.show_check(takeout)
    dialog = _dialog(qtbot, window)
    assert not dialog.findChild(QPushButton, "setGuestsButton").isEnabled()


def test_a_refused_move_says_why_and_writes_nothing(qtbot, window, ctx, cashier):
    sign_in(qtbot, window, "Yuto")
    check = _open_at(qtbot, window, "T5", 1)
    dialog = _dialog(qtbot, window)
    tables = dialog.findChild(QComboBox, "freeTablesCombo")
    _choose(tables, "T6")
    checks.open_check(ctx, cashier, "T6", 2)  # another cashier seats T6 meanwhile
    click(qtbot, dialog.findChild(QPushButton, "moveButton"))
    assert dialog.isVisible()
    assert "T6 is taken by check #" in dialog.findChild(QLabel, "moveMergeMessage").text()
    with ctx.store.read() as session:
        assert session.get(Check, check).table_label == "T5"


def test_a_refusal_is_said_in_japanese_too(qtbot):
    from bp_till.gui.i18n import install_language
    from bp_till.gui.refusals import localise

    install_language("ja")
    try:
        assert localise("T6 is taken by check #12; merge the two checks instead.") == (
            "T6は伝票 #12 が使用中です。移動ではなく合算してください。")
    finally:
        install_language("en")
