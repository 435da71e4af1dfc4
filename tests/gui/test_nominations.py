"""Nominations on the real window: tapped on the Nominations tab, the cast member picked, the fee
charged for each guest, the check's title naming who is nominated, a second main refused."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget
from sqlalchemy import select

from bp_till.store.models import Check
from tests.gui.conftest import button, click, open_for, press, sign_in, type_keys


def _nominate(qtbot, window, item: str, typed: str) -> None:
    tabs = window.check.widget.findChild(QTabWidget, "menuTabs")
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i) == "Nominations"))
    click(qtbot, button(window, f"menu_{item}"))
    picker = window.check.picker
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search)
    type_keys(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.dialog.isVisible())


def test_a_table_of_two_nominates_kaori_and_then_ami_as_extra(qtbot, window, ctx):
    sign_in(qtbot, window, "Yuto")
    open_for(qtbot, window, "T5", 2)
    _nominate(qtbot, window, "N01", "kaori")
    _nominate(qtbot, window, "N02", "ami")
    title = window.check.widget.findChild(QLabel, "checkTitle").text()
    assert title.endswith("· 2 guests · nominates かおり, あみ")
    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == "T5")).one()
        assert [(line.menu_item.code, line.quantity, line.amount, line.cast.code)
                for line in check.lines if line.category == "nomination"] == [
            ("N01", 2, 2_000, "C001"), ("N02", 2, 1_000, "C002")]
    _nominate(qtbot, window, "N01", "karen")  # a second main nomination
    message = window.check.feedback.label.text()
    assert message == ("This check has its main nomination already; "
                       "nominate more cast members as extra.")


def test_the_extend_button_says_what_it_charges_and_warns_past_the_time(qtbot, window, ctx, clock):
    sign_in(qtbot, window, "Yuto")
    open_for(qtbot, window, "T6", 2)
    extend = button(window, "extendButton")
    assert extend.text() == "Extend +30 min\n2 × ¥600"
    clock.advance(minutes=91)
    window.check.refresh()
    assert extend.text() == "Past its time! +30 min\n2 × ¥600"
    click(qtbot, extend)
    assert extend.text() == "Extend +30 min\n2 × ¥600"
    assert window.check.detail.lines[-1].amount == 1_200
