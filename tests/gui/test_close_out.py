"""The close-out screen as a shift lead uses it: keys and clicks, offscreen, waiting on signals."""

import json
from dataclasses import replace
from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton, QSpinBox, QTableWidget
from sqlalchemy import func, select

from datetime import date

from bp_till.domain.settlement import Tender
from bp_till.services.backs import save_back_rates
from bp_till.gui.app import MainWindow
from bp_till.sync.once import sync_now
from bp_till.services import checks
from bp_till.services.settle import settle_check
from bp_till.store.models import BusinessDay, OutboxEvent
from tests.conftest import PINS
from tests.escpos_reader import Text, read_escpos
from tests.gui.conftest import button, click, sign_in
from tests.support.fake_printer import free_port
from tests.support.tills import till_with

DEAD_CENTRAL = "postgresql+psycopg://postgres@127.0.0.1:9/none"


def _sale(ctx, cashier, table, code, tenders, quantity=1):
    check = checks.open_check(ctx, cashier, table, 1)
    checks.add_line(ctx, cashier, check, code, quantity, "C003" if code.startswith("C") else None)
    if tenders:
        settle_check(ctx, cashier, check, tenders)
    return check


@pytest.fixture
def night(ctx, cashier, clock):
    _sale(ctx, cashier, "T1", "T01", [Tender("cash", 5_000)], quantity=2)  # ¥2,200 cash
    clock.advance(hours=1)
    _sale(ctx, cashier, "T2", "C04", [Tender("card", 1_000), Tender("cash", 10_000)])  # ¥1,000 cash
    clock.advance(hours=1)
    _sale(ctx, cashier, "T3", "F01", [Tender("emoney", 1_500)])
    return _sale(ctx, cashier, "T4", "A01", None)  # still open


def _view(qtbot, request, ctx, tmp_path, central_url, printer_url=None, name="Kenta"):
    """The real main window, signed in as ``name``, on the close-out screen."""
    url = printer_url or f"file://{tmp_path / 'report.bin'}"
    till = till_with(ctx, tmp_path, url, timeout_s=1.0)
    till.config = replace(till.config, central_url=central_url)
    request.addfinalizer(lambda: till.close(drain_s=5))  # the print queue, before the store goes
    window = MainWindow(till)
    window.closeout.force_sync = partial(sync_now, ctx, central_url)
    qtbot.addWidget(window)
    window.show()
    sign_in(qtbot, window, name)
    click(qtbot, button(window, "closeoutNav"))
    return window


def _type(qtbot, view, name, value):
    box = view.widget.findChild(QSpinBox, name)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, str(value))
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def _label(view, name):
    return view.widget.findChild(QLabel, name).text()


def _click(qtbot, view, name):
    qtbot.mouseClick(view.widget.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_a_shift_lead_counts_the_drawer_and_closes_the_night(qtbot, request, ctx, cashier, shift_lead, night,
                                                             tmp_path, manager):
    save_back_rates(ctx, manager, date(2026, 11, 20), [("C04", "yen", 700)])
    window = _view(qtbot, request, ctx, tmp_path, f"sqlite:///{tmp_path / 'central.db'}")
    view = window.closeout
    opened = view.widget.findChild(QListWidget, "openChecksList")
    assert [opened.item(i).text()[:7] for i in range(opened.count())] == ["#4  T4 "]
    _click(qtbot, view, "closeButton")
    assert "1 check is still open: #4 (T4)" in _label(view, "messageLabel")

    settle_check(ctx, cashier, night, [Tender("cash", 1_000)])  # the last table pays at the register
    _click(qtbot, view, "refreshButton")
    assert opened.count() == 0
    _type(qtbot, view, "floatSpin", 20_000)
    assert _label(view, "expectedLabel") == "¥24,100"  # float + ¥2,200 + ¥1,000 + ¥900 cash
    _type(qtbot, view, "count10000", 2)
    _type(qtbot, view, "count1000", 4)
    assert (_label(view, "countedLabel"), _label(view, "overShortLabel")) == ("¥24,000", "short ¥100")
    _type(qtbot, view, "count500", 1)
    assert _label(view, "overShortLabel") == "over ¥400"
    table = view.widget.findChild(QTableWidget, "figuresTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert (rows["Net sales"], rows["Checks"]) == ("¥6,600", "4")
    bars = view.chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [2_200.0, 2_000.0, 1_500.0 + 900.0]

    with qtbot.waitSignal(view.sync_finished, timeout=30_000) as synced:
        _click(qtbot, view, "closeButton")
    assert synced.args == [0, ""]
    qtbot.waitUntil(lambda: _label(view, "messageLabel") == (
        "Business day 2026-11-20 is closed. The report is printed. "
        "The night's points reached the central database."), timeout=10_000)
    assert not view.widget.findChild(QPushButton, "closeButton").isEnabled()
    with ctx.store.read() as session:
        day = session.scalars(select(BusinessDay)).one()
        assert (day.status, day.opening_float, day.counted_cash) == ("closed", 20_000, 24_500)
        assert json.loads(day.figures)["drawer"]["over_short"] == 400
        assert session.scalar(select(func.count()).select_from(OutboxEvent)
                              .where(OutboxEvent.sent_at.is_(None))) == 0
    printed = [i.text for i in read_escpos((tmp_path / "report.bin").read_bytes()) if isinstance(i, Text)]
    assert any(line.startswith("Closed 2026-11-20") and line.endswith("by Kenta") for line in printed)
    assert "Checks                                   4" in printed
    # after the report, one backs slip: カレン's cheki, the only cast-credited line tonight
    assert printed.count("Business day 2026-11-20  Till #1") == 2
    assert json.loads(day.figures)["backs"] == [{
        "code": "C003", "name": "カレン", "count": 1, "total": 700,
        "items": [{"item_code": "C04", "item_name": "ツーショットチェキ（サイン・落書き付き）",
                   "count": 1, "back": 700}]}]


def test_a_cashier_closes_with_a_shift_leads_pin_while_printer_and_central_are_down(
    qtbot, request, ctx, cashier, shift_lead, night, tmp_path
):
    settle_check(ctx, cashier, night, [Tender("card", 900)])
    window = _view(qtbot, request, ctx, tmp_path, DEAD_CENTRAL,
                   printer_url=f"tcp://127.0.0.1:{free_port()}", name="Yuto")
    view = window.closeout
    _type(qtbot, view, "count1000", 3)
    _type(qtbot, view, "count100", 2)
    _click(qtbot, view, "closeButton")
    override = view.override
    qtbot.waitUntil(lambda: QApplication.focusWidget() is override.pin_edit)
    assert [override.approver.itemText(i) for i in range(override.approver.count())] == ["Kenta", "Misaki"]
    qtbot.keyClicks(override.pin_edit, "999999")
    qtbot.keyClick(override.pin_edit, Qt.Key.Key_Return)
    assert override.message.text() == "Wrong PIN (4 tries left)."
    qtbot.keyClicks(override.pin_edit, PINS["shift_lead"])
    with qtbot.waitSignal(view.sync_finished, timeout=30_000) as synced:
        qtbot.keyClick(override.pin_edit, Qt.Key.Key_Return)
    queued, reason = synced.args
    with ctx.store.read() as session:
        unsent = session.scalar(select(func.count()).select_from(OutboxEvent)
                                .where(OutboxEvent.sent_at.is_(None)))
        day = session.scalars(select(BusinessDay)).one()
        assert (day.status, day.closed_by, day.close_approved_by) == ("closed", cashier.id, shift_lead.id)
    assert queued == unsent > 0 and reason
    qtbot.waitUntil(lambda: "did not print" in _label(view, "messageLabel"), timeout=10_000)
    message = _label(view, "messageLabel")
    assert message.startswith(
        "Business day 2026-11-20 is closed. The report did not print: The printer refused the "
        "connection. Is it on, and is the port right? Press Print report to try again. "
        f"The night's points are queued ({unsent} events): the central database cannot be reached")
    assert _label(view, "overShortLabel") == "even"
