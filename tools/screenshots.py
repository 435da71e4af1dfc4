"""Render the till's screens and printouts offscreen into docs/ (``make screenshots``).

Uses a throwaway store with the demo data and a fixed clock, so the pictures
are the same every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from bp_till.bootstrap import open_till  # noqa: E402
from bp_till.clock import FakeClock  # noqa: E402
from bp_till.config import load_config  # noqa: E402
from bp_till.demo import load_demo  # noqa: E402
from bp_till.domain.business_day import TOKYO  # noqa: E402
from bp_till.domain.settlement import Tender  # noqa: E402
from bp_till.gui.app import MainWindow  # noqa: E402
from bp_till.printing.layout import card_slip, sale_receipt  # noqa: E402
from bp_till.services import checks, producers, settle  # noqa: E402
from bp_till.services.staff import list_staff  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(datetime(2026, 11, 24, 21, 15, tzinfo=TOKYO))
        till = open_till(load_config(Path(folder)), clock=clock)
        load_demo(till.ctx)
        window = MainWindow(till)
        window.show()
        app.processEvents()
        window.grab().save(str(out / "sign-in.png"))
        _printouts(till, out)
        till.close()


def _printouts(till, out: Path) -> None:
    """The card slip, a sale receipt with Japanese items and cast names, and its reprint."""
    ctx = till.ctx
    cashier = next(s for s in list_staff(ctx) if s.role == "cashier")
    issued = producers.issue_producer(ctx, cashier)
    slip = card_slip(ctx.site.shop_name, ctx.site.portal_url, issued.login_id, issued.password,
                     issued.card_number, issued.issued_at)
    till.printer.render_png(slip, out / "card-slip.png")
    check = checks.open_check(ctx, cashier, "T7", 2, takeout=True)  # food at 8 %, marked ※
    lines = (("F01", 1, None), ("F07", 2, None), ("S01", 2, None), ("C01", 1, "C001"),
             ("C01", 1, "C002"))
    for code, quantity, cast in lines:
        checks.add_line(ctx, cashier, check, code, quantity, cast)
    checks.attach_producer(ctx, cashier, check, issued.card_number)
    receipt = settle.settle_check(ctx, cashier, check, [Tender("cash", 20_000)])
    till.printer.render_png(sale_receipt(receipt), out / "receipt.png")
    till.printer.render_png(sale_receipt(settle.receipt_for(ctx, check)), out / "reprint.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
