"""One sync round: push what is queued, then pull what other tills and the website changed.

The worker runs a round every interval, the close-out forces one, and
`bp-till sync --once` runs exactly one. Push comes first, so a pull never
reads central figures that are missing events this till has already marked
sent: every event is counted either in the central figures or as still
queued here, never in both and never in neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from bp_till.central.db import central_engine, init_central
from bp_till.services.context import TillContext
from bp_till.sync.numbering import NumberTaken, continue_card_numbers, continue_numbering
from bp_till.sync.pull import PullResult, pull
from bp_till.sync.push import BATCH_SIZE, pending_count, push


@dataclass(frozen=True)
class RoundResult:
    pushed: int  # events the central side acknowledged this round
    new: int  # of those, events it did not have yet
    pulled: int  # producers, board rows and master-data rows brought here
    pending: int  # events still queued here
    what_pulled: PullResult = field(default_factory=PullResult)  # ``pulled`` in parts


def failure_reason(exc: BaseException) -> str:
    """The first line of what the driver said, short enough for one screen line."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return (text.splitlines() or [type(exc).__name__])[0][:160]


def explain_failure(exc: BaseException, url: str) -> str:
    """One line a shift lead can read: where (never the password), and the driver's why."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if isinstance(exc, NumberTaken):
        return str(exc)  # names the terminal and the way out; nothing about the server
    try:
        where = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        where = "(not a database URL)"
    reason = failure_reason(exc)
    if isinstance(exc, IntegrityError):
        return (f"The central database at {where} refused the events: {reason} "
                "(is this terminal number used by another till?)")
    return f"The central database at {where} cannot be reached: {reason}"


def open_central(central_url: str) -> Engine:
    """An engine for the central database; the embedded SQLite one sets itself up."""
    engine = central_engine(central_url)
    if central_url.startswith("sqlite"):
        init_central(engine)
    return engine


def run_round(ctx: TillContext, engine: Engine, batch_size: int = BATCH_SIZE) -> RoundResult:
    """Push, then pull; raises the driver's error when the central side fails.

    First the till's numbers are held against the central's (numbering.py):
    ``NumberTaken`` when another till uses this terminal number, nothing sent.
    """
    continue_numbering(ctx, engine)
    try:
        pushed = push(ctx, engine, batch_size)
    except IntegrityError as exc:  # the numbers were taken between the check and the push
        raise NumberTaken(ctx.site.terminal, 0, pending_count(ctx), failure_reason(exc)) from exc
    pulled = pull(ctx, engine)
    continue_card_numbers(ctx)
    # Counted again: a check settled while the round ran is queued for the next one.
    return RoundResult(pushed.sent, pushed.new, pulled.changes, pending_count(ctx), pulled)


def sync_now(ctx: TillContext, central_url: str) -> int:
    """One round on a fresh engine; returns how many events are still pending.

    Raises the driver's error when the central database cannot be reached, so
    the caller can say the night's points are queued rather than sent.
    """
    engine = open_central(central_url)
    try:
        return run_round(ctx, engine).pending
    finally:
        engine.dispose()
