"""Add an item to a check in the real main window and see it drawn (300-item menu, 40-line check)."""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime

from bp_till.bootstrap import Till
from bp_till.clock import FakeClock
from bp_till.config import Config
from bp_till.demo import demo_cast
from bp_till.domain.business_day import TOKYO
from bp_till.domain.money import Category
from bp_till.printing.printers import Printer
from bp_till.services import checks
from bp_till.services.context import TillContext
from bp_till.services.masterdata import MenuEntry, save_cast, save_menu
from bp_till.services.staff import add_staff
from bp_till.store.db import open_store
from tests.benchmarks.harness import Figure, Goal, time_ms

MENU_ITEMS = 300
LINES = 40
SAMPLES = 25


def big_menu() -> list[MenuEntry]:
    """300 items over the categories (no cast credit, so no picker opens)."""
    plain = [c for c in Category.ALL if c not in Category.CAST_CREDITED]
    return [
        MenuEntry(f"M{n:03d}", plain[n % len(plain)], f"メニュー{n:03d}", f"Menu item {n:03d}",
                  300 + 50 * (n % 40))
        for n in range(MENU_ITEMS)
    ]


def figures(env) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bp_till.gui.app import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    folder = env.folder("gui")
    ctx = TillContext(store=open_store(folder / "till.db"),
                      clock=FakeClock(datetime(2026, 11, 20, 20, 0, tzinfo=TOKYO)))
    menu = big_menu()
    save_menu(ctx, menu)
    save_cast(ctx, demo_cast())
    cashier = add_staff(ctx, "Bench", "cashier", "4812")
    # One 40-line check per sample, so every measured add lands on a 40-line check.
    check_ids = []
    for n in range(SAMPLES + 2):
        check_id = checks.open_check(ctx, cashier, f"B{n}", 2)
        for line in range(LINES):
            checks.add_line(ctx, cashier, check_id, menu[(n + line * 7) % MENU_ITEMS].code)
        check_ids.append(check_id)
    window = MainWindow(Till(Config(data_dir=folder), ctx, Printer("preview", preview_dir=folder)))
    window.resize(1280, 800)
    window.show()
    window.on_signed_in(cashier)
    button = window.check.menu.buttons[menu[1].code]

    def timed_add(check_id: int) -> float:
        window.show_check(check_id)  # not timed: only the add and its redraw are
        app.processEvents()
        started = time.perf_counter()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        window.check.widget.repaint()  # draw now, not at the next turn of the event loop
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    samples = [timed_add(check_id) for check_id in check_ids][2:]  # two warm-ups
    baseline = time_ms(lambda: checks.add_line(ctx, cashier, check_ids[0], menu[1].code), SAMPLES)
    window.close()
    ctx.store.dispose()
    return [Figure(f"add an item and redraw ({MENU_ITEMS}-item menu, {LINES}-line check)", "ms",
                   samples, Goal("median", 50), baseline, "the add_line service alone")]
