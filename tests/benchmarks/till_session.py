"""A till in a process of its own, for the start-up and memory figures.

``python -m tests.benchmarks.till_session shift DATA_DIR CARD`` opens the till on
that data folder as ``bp-till`` does, signs the bench cashier in on the PIN pad,
floor shown, opens table T1 for two, adds items by touch, types the producer's
card, settles in exact cash and prints the receipt, then says which check it
settled. ``… bare`` shows an empty PySide6 window and quits once it is painted:
the baseline of both figures. Each says its peak resident memory last (VmHWM,
counted from its own exec, so none of the parent's memory is in it).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTED = time.perf_counter()
ITEMS = ("T01", "F01", "F02", "A01", "S03")  # a table charge, food, a beer, a soft drink


def peak_kb() -> int:
    """This process's peak resident set (Linux ``/proc``), in kB."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1])


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    from bp_till.gui.ready import quit_when_painted

    app = QApplication(sys.argv)
    window = QWidget()
    window.resize(1280, 800)
    quit_when_painted(window, STARTED)
    window.show()
    app.exec()
    print(f"peak {peak_kb()} kB", flush=True)
    return 0


def shift(data_dir: str, card: str) -> int:
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QTabWidget

    from bp_till.bootstrap import open_till
    from bp_till.config import load_config
    from bp_till.gui.app import TillApp
    from tests.benchmarks.scale import CASHIER, CASHIER_PIN

    app = QApplication(sys.argv)
    till = open_till(load_config(Path(data_dir)))
    window = TillApp(till).window
    window.show()
    QTest.qWaitForWindowExposed(window)

    def click(name: str) -> None:
        button = window.findChild(QPushButton, name)
        if button is None or not button.isVisible():
            raise SystemExit(f"{name} is not on the screen")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        app.processEvents()

    combo = window.findChild(QComboBox, "staffCombo")
    combo.setCurrentIndex(combo.findText(CASHIER))
    for digit in CASHIER_PIN:
        click(f"pad{digit}")
    click("signInButton")
    click("table_T1")  # a tap opens it for two
    tabs = window.check.widget.findChild(QTabWidget, "menuTabs")
    for code in ITEMS:  # tap the item's tab (titles are in the till's language), then the item
        page = window.findChild(QPushButton, f"menu_{code}")
        while tabs.indexOf(page) < 0:
            page = page.parentWidget()
        tabs.setCurrentIndex(tabs.indexOf(page))
        click(f"menu_{code}")
    field = window.check.widget.findChild(QLineEdit, "producerEdit")
    QTest.keyClicks(field, card)
    QTest.keyClick(field, Qt.Key.Key_Return)
    click("settleButton")
    click("cashExactButton")
    click("confirmButton")
    print(f"settled check {window.settle.detail.check_id}", flush=True)
    window.close()
    till.close()
    print(f"peak {peak_kb()} kB", flush=True)
    return 0


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    sys.exit(bare() if mode == "bare" else shift(*rest))
