"""Fewer taps: the two commonest flows, counted key press by key press and click by click.

A first visit (a table for two, four items with a cheki credited to a cast member,
a new producer card with its slip, ¥10,000 in cash with the change) in at most 12;
a repeat visit (a table, the card scanned, three items, paid by card) in at most 7.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from sqlalchemy import select

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.domain.settlement import CARD, Tender
from bp_till.gui.app import MainWindow
from bp_till.printing.printers import Printer
from bp_till.services import checks, producers
from bp_till.services.floor import check_detail
from bp_till.services.roster import save_roster
from bp_till.services.settle import settle_check
from bp_till.store.models import Check, Producer
from tests.gui.conftest import click, scan, sign_in

FIRST_VISIT_MOST = 12
REPEAT_VISIT_MOST = 7
SCANNER_GAP_MS = 50  # as the scanner's own rule: keys this close together are one burst


class TapCounter(QObject):
    """Counts what a cashier does: each click or touch, each key press.

    A card scan counts as ONE action: the scanner types its digits and Enter in a
    burst a few ms apart, but for the cashier it is one gesture (the card under the
    reader). So a key that follows the last one within the scanner's gap is part
    of the same gesture. A press that Qt hands on to a parent widget is the same
    press, counted once, at the widget it landed on first.
    """

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.log: list[str] = []
        self._last_key_ms = -10_000

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not watched.isWidgetType():
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and watched.childAt(event.position().toPoint()) is None:
            self._counted(f"click {watched.objectName() or type(watched).__name__}")
        elif kind == QEvent.Type.KeyPress and watched is (QApplication.focusWidget() or watched.window()):
            stamp = event.timestamp()
            burst = stamp > 0 and 0 <= stamp - self._last_key_ms <= SCANNER_GAP_MS
            self._last_key_ms = stamp if stamp > 0 else -10_000
            if not burst:
                self._counted(f"key {event.text() or event.key()}")
        return False

    def _counted(self, what: str) -> None:
        self.count += 1
        self.log.append(what)


@pytest.fixture
def counter():
    tap = TapCounter()
    QApplication.instance().installEventFilter(tap)
    yield tap
    QApplication.instance().removeEventFilter(tap)


@pytest.fixture
def window(qtbot, ctx, tmp_path):
    """The till on the preview printer: slips and receipts show in a window, as at a demo."""
    till = Till(Config(data_dir=tmp_path), ctx, Printer("preview", preview_dir=tmp_path))
    main = MainWindow(till)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    till.close(drain_s=5)


def _this_weeks_sales(ctx, cashier, clock, shift_lead):
    """What the till has sold this week (the shift's quick keys) and who is on tonight."""
    for codes in (["A02", "F08", "S01"], ["A02", "A01", "F08"], ["C01", "A02", "S01"]):
        check_id = checks.open_check(ctx, cashier, "T9", 2)
        for code in codes:
            checks.add_line(ctx, cashier, check_id, code, 1, "C001" if code == "C01" else None)
        settle_check(ctx, cashier, check_id, [Tender(CARD, check_detail(ctx, check_id).total)])
    clock.advance(minutes=30)
    save_roster(ctx, shift_lead, ["C003", "C001"])


def _page(window) -> QWidget:
    return window.pages.currentWidget()


def _tap(qtbot, window, name: str) -> None:
    found = _page(window).findChild(QPushButton, name)
    assert found is not None, name
    click(qtbot, found)


def _text(window, name: str) -> str:
    return _page(window).findChild(QLabel, name).text()


def test_a_first_visit_takes_at_most_12_taps(qtbot, window, ctx, cashier, clock, shift_lead,
                                              counter):
    _this_weeks_sales(ctx, cashier, clock, shift_lead)
    sign_in(qtbot, window, "Yuto")
    counter.count, counter.log = 0, []

    click(qtbot, window.floor.tiles["T1"])  # a tap opens it for two
    assert _page(window) is window.check.widget
    for code in ("A02", "F08", "S01", "C01"):  # the shift's quick keys
        _tap(qtbot, window, f"quick_{code}")
    picker = window.check.picker
    qtbot.waitUntil(picker.dialog.isVisible)
    assert picker.list.current_code() == "C003"  # it opens on tonight's cast
    click(qtbot, picker.dialog.findChild(QPushButton, "okButton"))
    _tap(qtbot, window, "newProducerButton")
    qtbot.waitUntil(lambda: window.check.slips.preview is not None, timeout=10_000)
    slip = window.check.slips.preview
    qtbot.waitUntil(slip.isVisible)
    assert "The slip is printed." in window.check.feedback.label.text()
    click(qtbot, slip.findChild(QPushButton))  # Close: the slip goes with the guest
    qtbot.waitUntil(lambda: not slip.isVisible())
    _tap(qtbot, window, "settleButton")
    _tap(qtbot, window, "quick10000")
    _tap(qtbot, window, "confirmButton")

    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == "T1")).one()
        lines = [(l.name_en, l.cast.code if l.cast else None) for l in check.lines]
        producer = session.get(Producer, check.producer_id)
        assert (check.status, check.guests) == ("settled", 2)
        assert producer.spend_points == check.spend_points > 0  # points credited
        total, change = check.total, check.change
    assert lines[-4:] == [("Highball", None), ("French Fries", None), ("Oolong Tea", None),
                          ("Solo Cheki", "C003")]  # the cheki credited to tonight's first
    assert change == 10_000 - total
    assert _text(window, "doneLabel") == f"Change ¥{change:,}"
    assert counter.count <= FIRST_VISIT_MOST, counter.log


def test_a_repeat_visit_takes_at_most_7_taps(qtbot, window, ctx, cashier, clock, shift_lead,
                                             counter):
    _this_weeks_sales(ctx, cashier, clock, shift_lead)
    regular = producers.issue_producer(ctx, cashier)
    sign_in(qtbot, window, "Yuto")
    counter.count, counter.log = 0, []

    click(qtbot, window.floor.tiles["T2"])
    scan(qtbot, regular.card_number)
    for code in ("A02", "A01", "F08"):
        _tap(qtbot, window, f"quick_{code}")
    _tap(qtbot, window, "settleButton")
    _tap(qtbot, window, "payCardButton")

    with ctx.store.read() as session:
        check = session.scalars(select(Check).where(Check.table_label == "T2")).one()
        assert check.status == "settled"
        assert [(p.method, p.amount) for p in check.payments] == [("card", check.total)]
        assert session.get(Producer, check.producer_id).login_id == regular.login_id
        assert [l.name_en for l in check.lines][-3:] == ["Highball", "Draft Beer", "French Fries"]
    assert _text(window, "doneLabel") == "Paid. No change."
    assert counter.count <= REPEAT_VISIT_MOST, counter.log
