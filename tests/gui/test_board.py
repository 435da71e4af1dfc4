"""The ranking board on the shop's screen and the sync state in the status bar."""

import pytest
from PySide6.QtCharts import QHorizontalBarSeries

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.domain.votes import TIE_BREAK_RULE, Allocation
from bp_till.gui.app import MainWindow
from bp_till.gui.board import tie_break_rule
from bp_till.printing.printers import Printer
from bp_till.services import producers
from bp_till.services.votes import cast_votes
from tests.gui.conftest import button, click, sign_in

DEAD = "postgresql://till:sekret@127.0.0.1:1/central"


@pytest.fixture
def synced_window(qtbot, ctx, tmp_path, request):
    url = getattr(request, "param", f"sqlite:///{tmp_path / 'central.db'}")
    till = Till(Config(data_dir=tmp_path, central_url=url, sync_interval_s=3600), ctx,
                Printer(f"file://{tmp_path / 'prints.bin'}"))
    till.start_sync()
    main = MainWindow(till)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    till.close(drain_s=5)


def _bars(board):
    (series,) = board.chart.chart().series()
    assert isinstance(series, QHorizontalBarSeries)
    (bars,) = series.barSets()
    names = board.chart.chart().axes()[0].categories()
    return list(zip(names, [int(bars.at(i)) for i in range(bars.count())]))


def test_votes_at_the_till_show_on_the_board_before_and_after_the_sync(
        qtbot, synced_window, ctx, cashier, manager):
    window = synced_window
    card = producers.issue_producer(ctx, cashier)
    producers.adjust_points(ctx, manager, card.card_number, vote_delta=100, reason="welcome")
    cast_votes(ctx, cashier, card.card_number, [Allocation("C001", 60), Allocation("C002", 30)])
    sign_in(qtbot, window, "Yuto")
    click(qtbot, button(window, "boardNav"))
    board = window.board
    qtbot.waitUntil(board.isVisible)
    assert board.isFullScreen()
    before = _bars(board)
    assert before[-1][1] == 60 and before[-2][1] == 30  # place 1 drawn at the top
    assert before[-1][0].startswith("1. ") and before[-2][0].startswith("2. ")
    assert "90 points from this till on their way" in board.source.text()

    worker = window.till.sync_worker
    assert worker.sync_now().result(timeout=60).ok
    qtbot.waitUntil(lambda: "Central figures of" in board.source.text(), timeout=10_000)
    assert _bars(board) == before  # the votes counted once: now centrally, no longer queued
    assert "on their way" not in board.source.text()
    assert board.rule.text() == TIE_BREAK_RULE
    qtbot.waitUntil(lambda: window.status.sync_label.text().startswith("Synced "))
    assert window.status.sync_label.text().endswith("0 events waiting")


@pytest.mark.parametrize("synced_window", [DEAD], indirect=True)
def test_the_status_bar_says_the_central_database_is_out_of_reach(qtbot, synced_window):
    label = synced_window.status.sync_label
    qtbot.waitUntil(lambda: "unreachable" in label.text(), timeout=15_000)
    assert "next try" in label.text() and "events waiting" in label.text()
    assert "127.0.0.1:1" in label.toolTip() and "sekret" not in label.toolTip()


def test_the_tie_break_rule_on_screen_is_the_domain_rule():
    assert tie_break_rule() == TIE_BREAK_RULE
