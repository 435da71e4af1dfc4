"""The customer's screen follows the check: its lines and total, then the change and the
producer's new rank and points once paid, then a welcome for the next guest."""

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel

from bp_till.bootstrap import Till
from bp_till.config import Config
from bp_till.gui.app import MainWindow
from bp_till.gui.style import THEMES, apply_style, colour
from bp_till.printing.printers import Printer
from bp_till.services import producers
from tests.gui.conftest import button, click, scan, sign_in


@pytest.fixture
def window(qtbot, ctx, tmp_path):
    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{tmp_path / 'prints.bin'}"))
    main = MainWindow(till, customer_display=True)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    till.close(drain_s=5)


def _seen(window, name):
    return window.customer.findChild(QLabel, name).text()


def test_the_customer_sees_the_lines_the_change_and_their_new_rank(qtbot, window, ctx, cashier):
    regular = producers.issue_producer(ctx, cashier)
    assert window.customer.isVisible() and _seen(window, "customerTitle") == "Welcome home!"
    sign_in(qtbot, window, "Yuto")
    click(qtbot, window.floor.tiles["T4"])
    scan(qtbot, regular.card_number)
    click(qtbot, button(window, "menu_T01"))
    assert _seen(window, "customerTitle") == "Check #1"
    assert _seen(window, "customerLines") == "テーブルチャージ（60分）  × 1  ¥1,100"
    assert _seen(window, "customerTotal") == "Total ¥1,100"
    assert _seen(window, "customerProducer").endswith("this visit +11 points")

    click(qtbot, button(window, "settleButton"))
    click(qtbot, button(window, "quick5000"))
    click(qtbot, button(window, "confirmButton"))
    now = producers.find_producer(ctx, regular.card_number)
    assert now.spend_points == 11  # this check's points are in
    assert _seen(window, "customerTotal") == "Paid ¥1,100"
    assert _seen(window, "customerChange") == "Change ¥3,900"
    assert _seen(window, "customerProducer").startswith(
        f"{now.rank.name} · 11 points · {now.vote_points:,} vote points")

    click(qtbot, button(window, "doneButton"))
    assert _seen(window, "customerTitle") == "Welcome home!"
    assert _seen(window, "customerTotal") == ""


@pytest.mark.parametrize("theme", THEMES)
def test_the_customer_reads_the_total_and_change_from_across_the_counter(qtbot, window, ctx,
                                                                         theme):
    apply_style(QApplication.instance(), theme)
    try:
        sign_in(qtbot, window, "Yuto")
        click(qtbot, window.floor.tiles["T4"])
        click(qtbot, button(window, "menu_T01"))
        click(qtbot, button(window, "settleButton"))
        click(qtbot, button(window, "quick5000"))
        click(qtbot, button(window, "confirmButton"))
        display = window.customer
        display.resize(1280, 800)
        QApplication.processEvents()
        for name in ("customerTotal", "customerChange"):
            label = display.findChild(QLabel, name)
            assert QFontInfo(label.font()).pixelSize() >= 48, name  # the till's own total is 36
            assert label.height() >= 48, name
        picture = display.grab().toImage()
        corner = picture.pixelColor(picture.width() - 3, picture.height() - 3).name()
        assert corner == colour("bg", theme)  # the display follows the till's theme
    finally:
        apply_style(QApplication.instance(), "light")


def test_a_practice_check_says_so_to_the_customer_and_promises_no_points(
        qtbot, window, ctx, cashier, manager):
    from bp_till.services.training import set_training

    regular = producers.issue_producer(ctx, cashier)
    set_training(ctx, manager, True)
    sign_in(qtbot, window, "Yuto")
    click(qtbot, window.floor.tiles["T4"])
    scan(qtbot, regular.card_number)
    click(qtbot, button(window, "menu_T01"))
    assert _seen(window, "customerTitle") == "練習 TRAINING · Check #1"
    assert _seen(window, "customerProducer").endswith("· training: no points")
