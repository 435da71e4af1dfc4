"""What a cashier notices: a toast after each action done, a banner for a printer fault that
does not stop the sale (and goes when the printer is fine again)."""

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from bp_till.gui.app import MainWindow
from bp_till.printing.queue import QueueState
from bp_till.printing.status import Status
from bp_till.store.models import Check
from tests.gui.conftest import button, click, sign_in
from tests.support.fake_printer import FakePrinter
from tests.support.tills import till_with


def _ring_up_and_pay_cash(qtbot, window):
    sign_in(qtbot, window, "Yuto")
    click(qtbot, window.floor.tiles["T3"])
    assert window.toast.isVisible() and window.toast.text() == "Check #1 · T3"
    click(qtbot, button(window, "menu_T01"))
    assert window.toast.text() == "Added テーブルチャージ（60分） × 1 · total ¥1,100"
    click(qtbot, button(window, "settleButton"))
    click(qtbot, button(window, "quick5000"))
    click(qtbot, button(window, "confirmButton"))
    assert window.toast.text() == "Check #1 settled. Change ¥3,900"


def test_each_action_done_shows_a_toast_that_goes_by_itself(qtbot, window):
    _ring_up_and_pay_cash(qtbot, window)
    qtbot.waitUntil(lambda: window.toast.text() == "Receipt printed.", timeout=10_000)
    assert not window.banner.isVisible()
    qtbot.waitUntil(lambda: not window.toast.isVisible(), timeout=5_000)


def test_a_printer_fault_shows_a_banner_and_the_sale_still_goes_through(qtbot, ctx, tmp_path):
    with FakePrinter("accept", Status(paper_out=True)) as printer:
        till = till_with(ctx, tmp_path, printer.url, timeout_s=1.0)
        window = MainWindow(till)
        qtbot.addWidget(window)
        window.show()
        _ring_up_and_pay_cash(qtbot, window)
        qtbot.waitUntil(window.banner.isVisible, timeout=10_000)
        assert "out of paper" in window.banner.text()
        assert "Sales go on" in window.banner.text()
        with ctx.store.read() as session:
            assert session.scalars(select(Check)).one().status == "settled"
        assert window.settle.widget.findChild(QLabel, "doneLabel").text() == "Change ¥3,900"
        click(qtbot, button(window, "doneButton"))  # nothing to dismiss: the floor is there
        assert window.pages.currentWidget() is window.floor.widget
        window.status.show_printer(QueueState())  # the queue's word once the roll is changed
        assert not window.banner.isVisible()
        till.close(drain_s=5)
