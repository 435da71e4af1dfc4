"""Render the till's screens and printouts offscreen into docs/ (``make screenshots``).

Uses a throwaway store with the demo data and a fixed clock, so the pictures
are the same every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTabWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bp_till import simulate  # noqa: E402
from bp_till.bootstrap import open_till  # noqa: E402
from bp_till.clock import FakeClock  # noqa: E402
from bp_till.config import load_config  # noqa: E402
from bp_till.demo import load_demo  # noqa: E402
from bp_till.domain.business_day import TOKYO, business_day  # noqa: E402
from bp_till.domain.settlement import Tender  # noqa: E402
from bp_till.domain.votes import Allocation  # noqa: E402
from bp_till.gui.app import MainWindow, sharp_on_high_dpi  # noqa: E402
from bp_till.gui.board import RankingBoard  # noqa: E402
from bp_till.gui.i18n import install_language  # noqa: E402
from bp_till.printing.backs_layout import backs_slip  # noqa: E402
from bp_till.printing.layout import card_slip, close_out_report, sale_receipt  # noqa: E402
from bp_till.services import (  # noqa: E402
    checks, closeout, corrections, menu_admin, producers, settle,
)
from bp_till.services.clock import accept_clock  # noqa: E402
from bp_till.services.masterdata import MenuEntry  # noqa: E402
from bp_till.services.roster import save_roster  # noqa: E402
from bp_till.services.staff import list_staff  # noqa: E402
from bp_till.services.training import set_training  # noqa: E402
from bp_till.services.votes import cast_votes  # noqa: E402
from bp_till.store.models import Card, Check, Producer  # noqa: E402
from bp_till.sync.once import sync_now  # noqa: E402
import gallery  # noqa: E402  (beside this script)
import gallery_moments  # noqa: E402

NOW = datetime(2026, 11, 24, 21, 15, tzinfo=TOKYO)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sharp_on_high_dpi()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        clock = FakeClock(NOW)
        till = open_till(load_config(Path(folder)), clock=clock)
        load_demo(till.ctx)
        _printouts(till, out)
        _close_out(app, till, out)  # before the busy floor, whose tables are still open
        _regular_visits(till, clock)  # after the simulated night, which must not pick them
        shown = _screens(app, till, clock, out)
        _ranking(app, till, clock, out)
        _menu_and_cast(app, till, out)  # it changes the menu the pictures before show
        clock.set(NOW)  # the votes moved the clock back: stays are counted from tonight
        _share(app, till, out)
        gallery.render(app, till, shown, _regular(till), out / "screens")
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


def _regular_visits(till, clock: FakeClock) -> None:
    """A regular since last month, with two earlier visits for the producer panel."""
    ctx = till.ctx
    staff = {s.role: s for s in list_staff(ctx)}
    clock.set(NOW - timedelta(days=20))
    accept_clock(ctx, staff["manager"], note="screenshots: earlier visits")
    regular = producers.issue_producer(ctx, staff["cashier"]).card_number
    producers.adjust_points(ctx, staff["manager"], regular, spend_delta=1_200,
                            reason="loyalty card import")
    for days_ago, items in ((12, ("T01", "CD03", "C01")), (5, ("T01", "A02", "F07", "C02"))):
        clock.set(NOW - timedelta(days=days_ago))
        check = checks.open_check(ctx, staff["cashier"], "T6", 1)
        for code in items:
            checks.add_line(ctx, staff["cashier"], check, code, 1, "C002" if code[0] == "C" else None)
        checks.attach_producer(ctx, staff["cashier"], check, regular)
        settle.settle_check(ctx, staff["cashier"], check, [Tender("cash", 30_000)])
    clock.set(NOW)


def _busy_floor(till, clock: FakeClock) -> int:
    """A Friday night: tables opened over the last two hours, so stays show every colour."""
    ctx = till.ctx
    cashier = next(s for s in list_staff(ctx) if s.role == "cashier")
    shown = None
    for minutes_ago, table, guests, items in (
        (100, "T2", 2, ("T01", "A02", "F07")), (84, "T4", 1, ("T02", "CD03")),
        (55, "T5", 3, ("T01", "S05", "F01")), (40, "T8", 1, ("T01", "A01")),
        (25, "T11", 2, ("T01",)), (12, "T3", 1, ("T01", "S09", "F11")),
    ):
        clock.set(NOW - timedelta(minutes=minutes_ago))
        check = checks.open_check(ctx, cashier, table, guests)
        for code in items:
            cast = "C001" if code.startswith("C") else None
            checks.add_line(ctx, cashier, check, code, guests if code.startswith("T0") else 1, cast)
        if table == "T5":
            shown = check
    clock.set(NOW)
    checks.add_line(ctx, cashier, shown, "C02", 1, "C003")
    checks.attach_producer(ctx, cashier, shown, _regular(till))
    return shown


def _screens(app, till, clock: FakeClock, out: Path) -> None:
    install_language("en")
    shown = _busy_floor(till, clock)
    window = MainWindow(till)
    window.resize(1280, 800)
    window.show()

    def grab(name: str) -> None:
        for _ in range(3):  # a relayout (a label that wraps anew) posts another round of events
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))

    grab("sign-in")
    staff = next(s for s in list_staff(till.ctx) if s.role == "cashier")
    window.on_signed_in(staff)
    grab("floor")
    window.floor._tile_clicked("T6")  # a free table: the open panel with tonight's sets
    grab("floor-open")
    window.show_check(shown)
    grab("check")
    window.show_settle(shown)
    window.settle.fields["cash"].setText("10000")
    grab("settle")
    lead = next(s for s in list_staff(till.ctx) if s.role == "shift_lead")
    save_roster(till.ctx, lead, ["C001", "C003", "C002", "C007", "C012"])
    window.show_roster()
    grab("roster")
    window.close()
    install_language("ja")
    window = MainWindow(till)
    window.resize(1280, 800)
    window.show()
    window.on_signed_in(staff)
    window.show_check(shown)
    grab("check-ja")
    window.close()
    install_language("en")
    return shown


def _votes(till, clock: FakeClock, when: datetime, given: dict[str, list[tuple[str, int]]]) -> None:
    """Producers voting at the till, then a sync round, so the board holds central figures."""
    ctx = till.ctx
    cashier = next(s for s in list_staff(ctx) if s.role == "cashier")
    manager = next(s for s in list_staff(ctx) if s.role == "manager")
    for n, (_, votes) in enumerate(sorted(given.items())):
        clock.set(when + timedelta(minutes=7 * n))
        card = producers.issue_producer(ctx, cashier)
        total = sum(points for _, points in votes)
        producers.adjust_points(ctx, manager, card.card_number, vote_delta=total, reason="event bonus")
        cast_votes(ctx, cashier, card.card_number, [Allocation(code, p) for code, p in votes])
    sync_now(ctx, till.config.central_url)


def _ranking(app, till, clock: FakeClock, out: Path) -> None:
    """Last month's winner, this month's board, and a producer's panel."""
    _votes(till, clock, NOW - timedelta(days=30), {
        "a": [("C004", 900), ("C001", 300)], "b": [("C002", 700)], "c": [("C004", 150)]})
    _votes(till, clock, NOW - timedelta(hours=3), {
        "a": [("C001", 1_200), ("C003", 400)], "b": [("C002", 950)], "c": [("C005", 620)],
        "d": [("C003", 550), ("C006", 300)], "e": [("C007", 480), ("C001", 90)],
        "f": [("C008", 410)], "g": [("C009", 260), ("C010", 210)], "h": [("C011", 120)]})
    staff = {s.role: s for s in list_staff(till.ctx)}
    producers.adjust_points(till.ctx, staff["manager"], _regular(till), vote_delta=90,
                            reason="birthday event")
    cast_votes(till.ctx, staff["cashier"], _regular(till),
               [Allocation("C002", 40)])  # on its way: not synced yet
    board = RankingBoard(till)
    board.resize(1280, 720)
    board.show()
    app.processEvents()
    board.grab().save(str(out / "ranking-board.png"))
    board.close()
    window = MainWindow(till)
    window.resize(1280, 800)
    window.show()
    window.on_signed_in(staff["cashier"])
    window.show_producers()
    window.producers.look_up(_regular(till))
    app.processEvents()
    window.grab().save(str(out / "producer-panel.png"))
    window.close()


def _regular(till) -> str:
    """The card of the regular from the busy floor (the producer with the most spend points)."""
    with till.ctx.store.read() as session:
        producer = session.scalars(select(Producer).order_by(Producer.spend_points.desc())).first()
        return session.scalar(select(Card.number).where(Card.producer_id == producer.id,
                                                        Card.status == "live"))


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
    install_language("en")
    window = MainWindow(till)
    window.resize(1280, 800)
    window.show()
    window.on_signed_in(lead)
    window.show_closeout()
    view = window.closeout
    drawer = view.report.figures.drawer
    view.float_spin.setValue(30_000)
    left = 30_000 + drawer.cash_sales + drawer.cash_refunds - 500
    for value, box in view.counts.items():
        box.setValue(left // value)
        left %= value
    app.processEvents()
    window.grab().save(str(out / "close-out.png"))
    window.close()
    report = closeout.day_report(ctx, last_day)
    till.printer.render_png(close_out_report(report.figures, ctx.site.shop_name, ctx.site.terminal),
                            out / "close-out-report.png")
    busiest = max(report.figures.backs, key=lambda backs: backs.total)
    till.printer.render_png(backs_slip(busiest, last_day, ctx.site.shop_name, ctx.site.terminal),
                            out / "backs-slip.png")
    _settings(app, till, manager, out)


def _signed_in(till, staff) -> MainWindow:
    """The till's window at a register's size, with ``staff`` signed in."""
    window = MainWindow(till)
    window.resize(1280, 800)
    window.show()
    window.on_signed_in(staff)
    return window


def _settings(app, till, manager, out: Path) -> None:
    """Settings scrolled to the stage shows and the cast backs the demo loads."""
    window = _signed_in(till, manager)
    window.show_settings()
    app.processEvents()
    page = window.settings.widget
    page.ensureWidgetVisible(window.settings.backs.box)
    app.processEvents()
    window.grab().save(str(out / "settings-backs.png"))
    page.ensureWidgetVisible(window.settings.stay.box)
    app.processEvents()
    window.grab().save(str(out / "settings-stay.png"))
    window.close()
    _training(app, till, manager, out)


def _training(app, till, manager, out: Path) -> None:
    """Training on: the header's badge and the switch in Settings (then off again)."""
    set_training(till.ctx, manager, True)
    window = _signed_in(till, manager)
    window.show_settings()
    app.processEvents()
    window.settings.widget.ensureWidgetVisible(window.settings.training.box)
    app.processEvents()
    window.grab().save(str(out / "settings-training.png"))
    window.close()
    set_training(till.ctx, manager, False)


def _menu_and_cast(app, till, out: Path) -> None:
    """Menu & cast: a seasonal item for a week, one retired, the drinks chosen; the cast found."""
    ctx = till.ctx
    manager = next(s for s in list_staff(ctx) if s.role == "manager")
    today = business_day(ctx.clock.now())
    menu_admin.add_item(ctx, manager, MenuEntry(
        "S11", "soft_drink", "季節のホットアップルサイダー", "Seasonal Hot Apple Cider", 750,
        available_from=today + timedelta(days=3), available_until=today + timedelta(days=10)))
    menu_admin.retire_item(ctx, manager, "S05")
    menu_admin.retire_member(ctx, manager, "C014")  # graduated
    window = _signed_in(till, manager)
    window.show_masterdata()
    view = window.masterdata
    view.reload(keep="S04")
    app.processEvents()
    window.grab().save(str(out / "menu-cast.png"))
    view.widget.findChild(QTabWidget, "masterdataTabs").setCurrentIndex(1)
    view.cast_filter.setText("mi")
    view.reload(keep="C002")
    app.processEvents()
    window.grab().save(str(out / "menu-cast-cast.png"))
    window.close()


def _share(app, till, out: Path) -> None:
    """Table / guests and Split check on a table of three, part 1 paid; part 2's receipt."""
    cashier = next(s for s in list_staff(till.ctx) if s.role == "cashier")
    window = _signed_in(till, cashier)
    check, drinks = gallery_moments.fresh_check(window, gallery_moments.SPLIT_TABLE)
    dialog = window.check.move_merge.open()
    app.processEvents()
    dialog.grab().save(str(out / "move-merge.png"))
    dialog.reject()
    split = gallery_moments.split_dialog(app, window, drinks)
    split.grab().save(str(out / "split-check.png"))
    receipts = gallery_moments.pay_the_rest(window, split, check)
    till.printer.render_png(sale_receipt(receipts[0]), out / "split-receipt.png")
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
