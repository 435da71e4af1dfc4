"""One push on demand (the close-out forces one): how many events stay queued afterwards."""

from __future__ import annotations

from bp_till.central.db import central_engine, init_central
from bp_till.services.context import TillContext
from bp_till.sync.push import push


def sync_now(ctx: TillContext, central_url: str) -> int:
    """Push everything queued; returns what is still pending.

    Raises the driver's error when the central database cannot be reached, so
    the caller can say the night's points are queued rather than sent.
    """
    engine = central_engine(central_url)
    try:
        if central_url.startswith("sqlite"):
            init_central(engine)  # the embedded central database sets itself up
        return push(ctx, engine).pending
    finally:
        engine.dispose()
