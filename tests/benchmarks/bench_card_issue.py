"""Issue a producer card end to end: account + card + argon2id hash + slip + ESC/POS with QR.

Through the card desk and the print queue, as the till does it, to a ``file://``
printer; the baseline is the argon2id hash alone, the floor of any card issue.
"""

from __future__ import annotations

from datetime import datetime

from bp_till.bootstrap import Till
from bp_till.clock import FakeClock
from bp_till.config import Config
from bp_till.demo import load_demo
from bp_till.domain.business_day import TOKYO
from bp_till.domain.credentials import generate_password, hash_password
from bp_till.printing.printers import Printer
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
    till = Till(Config(data_dir=folder), ctx, Printer(f"file://{folder / 'slips.bin'}"))

    def issue() -> None:
        if not till.card_desk.issue(cashier).printed:
            raise RuntimeError("the slip did not print")

    samples = time_ms(issue, REPEAT)
    baseline = time_ms(lambda: hash_password(generate_password()), REPEAT)
    till.close()
    return [Figure("issue a card end to end", "ms", samples, Goal("median", 300),
                   baseline, "argon2id hash alone")]
