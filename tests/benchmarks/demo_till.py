"""A till over a fresh store with the demo menu, cast and staff, for the printing benchmarks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bp_till.bootstrap import Till
from bp_till.clock import FakeClock
from bp_till.config import Config
from bp_till.demo import load_demo
from bp_till.domain.business_day import TOKYO
from bp_till.printing.printers import Printer
from bp_till.services.context import TillContext
from bp_till.services.staff import StaffMember, list_staff
from bp_till.store.db import open_store


def demo_till(folder: Path, printer: Printer) -> tuple[Till, StaffMember]:
    """The till and its first cashier; ``till.close()`` stops its queue and closes the store."""
    store = open_store(folder / "till.db")
    ctx = TillContext(store=store, clock=FakeClock(datetime(2026, 11, 20, 20, 0, tzinfo=TOKYO)))
    load_demo(ctx)
    return Till(Config(data_dir=folder), ctx, printer), list_staff(ctx)[0]
