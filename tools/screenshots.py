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
from bp_till import simulate  # noqa: E402
from bp_till.gui.app import MainWindow  # noqa: E402
from bp_till.gui.close_out import CloseOutView  # noqa: E402
from bp_till.printing.layout import card_slip, close_out_report, sale_receipt  # noqa: E402
from bp_till.services import checks, closeout, corrections, producers, settle  # noqa: E402
from bp_till.services.staff import list_staff  # noqa: E402
from bp_till.store.models import Check  # noqa: E402
from sqlalchemy import func, select  # noqa: E402


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
        _close_out(app, till, out)
        till.close()


def _printouts(till, out: Path) -> None:
    ctx = till.ctx
    cashier = next(s for s in list_staff(ctx) if s.role == "cashier")
    issued = producers.issue_producer(ctx, cashier)
    slip = card_slip(ctx.site.shop_name, ctx.site.portal_url, issued.login_id, issued.password,
                     issued.card_number, issued.issued_at)
    till.printer.render_png(slip, out / "card-slip.png")
    check = checks.open_check(ctx, cashier, "T7", 1)
    for code, cast in (("T01", None), ("F01", None), ("S01", None), ("C01", "C001"), ("CD02", "C001")):
        checks.add_line(ctx, cashier, check, code, 1, cast)
    checks.attach_producer(ctx, cashier, check, issued.card_number)
    receipt = settle.settle_check(ctx, cashier, check, [Tender("cash", 10_000)])
    till.printer.render_png(sale_receipt(receipt), out / "receipt.png")


def _close_out(app, till, out: Path) -> None:
    """A simulated night with a void and a refund, the drawer counted ¥500 short."""
    ctx = till.ctx
    simulate.run(till, 70, seed=6)
    manager = next(s for s in list_staff(ctx) if s.role == "manager")
    lead = next(s for s in list_staff(ctx) if s.role == "shift_lead")
    with ctx.store.read() as session:
        last_day = session.scalar(select(func.max(Check.business_day)))
        last = session.scalar(select(func.max(Check.closed_at)))
        sold = session.scalars(select(Check.id).where(
            Check.business_day == last_day, Check.status == "settled").order_by(Check.number)).all()
    ctx.clock.set(last)
    corrections.void_settled_check(ctx, manager, sold[3], "Charged to the wrong table")
    corrections.refund_check(ctx, manager, sold[8], "Cheki photo came out blank")
    view = CloseOutView(ctx, till.printer, lead, force_sync=lambda: 0)
    view.widget.resize(1024, 720)
    view.widget.show()
    drawer = view.report.figures.drawer
    view.float_spin.setValue(30_000)
    left = 30_000 + drawer.cash_sales + drawer.cash_refunds - 500
    for value, box in view.counts.items():
        box.setValue(left // value)
        left %= value
    app.processEvents()
    view.widget.grab().save(str(out / "close-out.png"))
    report = closeout.day_report(ctx, last_day)
    till.printer.render_png(close_out_report(report.figures, ctx.site.shop_name, ctx.site.terminal),
                            out / "close-out-report.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
