"""Issue a producer card end to end: account + card + argon2id hash + slip + ESC/POS with QR."""

from __future__ import annotations

from datetime import datetime

from bp_till.bootstrap import Till
from bp_till.clock import FakeClock
from bp_till.config import Config
from bp_till.demo import load_demo
from bp_till.domain.business_day import TOKYO
from bp_till.domain.credentials import generate_password, hash_password
from bp_till.printing.layout import card_slip
from bp_till.printing.printers import Printer
from bp_till.services import producers
from bp_till.services.context import TillContext
from bp_till.services.staff import list_staff
from bp_till.store.db import open_store
from tests.benchmarks.harness import Figure, Goal, time_ms

REPEAT = 30


def figures(env) -> list[Figure]:
    folder = env.folder("card_issue")
    store = open_store(folder / "till.db")
    ctx = TillContext(store=store, clock=FakeClock(datetime(2026, 11, 20, 20, 0, tzinfo=TOKYO)))
    load_demo(ctx)
    cashier = list_staff(ctx)[0]
    printer = Printer(f"file://{folder / 'slips.bin'}")
    till = Till(Config(data_dir=folder), ctx, printer)

    def issue() -> None:
        issued = producers.issue_producer(till.ctx, cashier)
        slip = card_slip(ctx.site.shop_name, ctx.site.portal_url, issued.login_id,
                         issued.password, issued.card_number, issued.issued_at)
        printer.print_blocks(slip, "card", issued.issued_at, secret=True)

    samples = time_ms(issue, REPEAT)
    baseline = time_ms(lambda: hash_password(generate_password()), REPEAT)
    store.dispose()
    return [Figure("issue a card end to end", "ms", samples, Goal("median", 300),
                   baseline, "argon2id hash alone")]
