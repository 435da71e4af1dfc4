"""Render Move / merge and Split check offscreen into docs/ (a table of three producers).

``python tools/screenshots_share.py docs``; the same throwaway store and fixed
clock as tools/screenshots.py, so the pictures are the same every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QComboBox, QListWidget  # noqa: E402

from bp_till.bootstrap import open_till  # noqa: E402
from bp_till.clock import FakeClock  # noqa: E402
from bp_till.config import load_config  # noqa: E402
from bp_till.demo import load_demo  # noqa: E402
from bp_till.domain.settlement import Tender  # noqa: E402
from bp_till.gui.i18n import install_language  # noqa: E402
from bp_till.printing.layout import sale_receipt  # noqa: E402
from bp_till.services import checks, producers  # noqa: E402
from bp_till.services.split_pay import settle_part  # noqa: E402
from bp_till.services.staff import list_staff  # noqa: E402
from tools.screenshots import NOW, _signed_in  # noqa: E402


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    install_language("en")
    with tempfile.TemporaryDirectory() as folder:
        till = open_till(load_config(Path(folder)), clock=FakeClock(NOW))
        load_demo(till.ctx)
        ctx = till.ctx
        cashier = next(s for s in list_staff(ctx) if s.role == "cashier")
        checks.open_check(ctx, cashier, "T2", 2)
        check = checks.open_check(ctx, cashier, "T5", 3)
        checks.add_line(ctx, cashier, check, "T01", 3)
        drinks = [checks.add_line(ctx, cashier, check, code) for code in ("A01", "A02", "S05")]
        window = _signed_in(till, cashier)
        window.show_check(check)
        dialog = window.check.move_merge.open()
        app.processEvents()
        dialog.grab().save(str(out / "move-merge.png"))
        dialog.reject()
        split = window.check.split.open()
        for n, line in enumerate(drinks, start=1):
            split.findChild(QComboBox, f"partOf_{line}").setCurrentIndex(n)
        split._plan()
        card = producers.issue_producer(ctx, cashier)
        split.findChild(QListWidget, "partsList").setCurrentRow(0)
        split.card.setText(card.card_number)
        split.amount.setText("5000")
        split._pay()
        app.processEvents()
        split.grab().save(str(out / "split-check.png"))
        receipt = settle_part(ctx, cashier, check, 2, [Tender("card", split_total(split, 1))])
        till.printer.render_png(sale_receipt(receipt), out / "split-receipt.png")
        window.close()
        till.close()


def split_total(split, row: int) -> int:
    """A part's total as the dialog's list shows it (Part n: ¥1,234)."""
    text = split.findChild(QListWidget, "partsList").item(row).text()
    return int(text.split("¥")[1].split()[0].replace(",", ""))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
