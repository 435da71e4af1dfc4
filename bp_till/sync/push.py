"""Push: unsent outbox events, in order, in batches, each batch one central transaction.

An event is marked sent only after the central commit. If the till dies
between the two, the batch is sent again and the central side skips what it
already has: at-least-once delivery plus idempotent ingest counts each event
exactly once.

The events go as the outbox stores them, payloads as JSON text: the central
side decodes them (on PostgreSQL the server, in one function call per
batch), not the till.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select, update

from bp_till.services.context import TillContext
from bp_till.store.models import OutboxEvent

if TYPE_CHECKING:
    from bp_till.central.ingest import Event

BATCH_SIZE = 500


@dataclass(frozen=True)
class PushResult:
    sent: int  # events the central side acknowledged
    new: int  # of those, events it did not have yet
    pending: int  # still queued here


def _unsent(ctx: TillContext, limit: int, after: int = 0) -> list[Event]:
    """The oldest unsent events after a sequence number; plain rows, not ORM objects."""
    from bp_till.central.ingest import Event  # the central side loads with the first push

    o = OutboxEvent.__table__.c
    with ctx.store.read() as session:
        rows = session.execute(
            select(o.event_id, o.terminal, o.seq, o.type, o.version, o.payload)
            .where(o.sent_at.is_(None), o.seq > after).order_by(o.seq).limit(limit)
        ).all()
    return list(map(Event._make, rows))  # the payload as stored: the central side decodes it


def _mark_sent(ctx: TillContext, batch: list[Event]) -> None:
    """Mark a batch sent: the unsent events from its first sequence number to its last.

    That range holds the batch and nothing else: the batch was every unsent event
    after a sequence number, oldest first, and numbers only grow (a new event
    gets a higher one). A range costs one short statement where the batch's ids
    cost one parameter each.
    """
    o = OutboxEvent.__table__.c
    with ctx.uow() as uow:
        uow.session.execute(
            update(OutboxEvent.__table__)
            .where(o.sent_at.is_(None), o.seq.between(batch[0].seq, batch[-1].seq))
            .values(sent_at=uow.now)
        )
        uow.commit()


def pending_count(ctx: TillContext) -> int:
    with ctx.store.read() as session:
        return session.scalar(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
        )


def push(ctx: TillContext, central: Engine, batch_size: int = BATCH_SIZE) -> PushResult:
    """Send everything queued; raises the driver's error if the central side fails.

    Connects even when nothing is queued, so a round says truthfully whether
    the central database can be reached.
    """
    from bp_till.central.ingest import ingest  # psycopg and the projections: not at start-up

    sent = new = 0
    # The till's side (reading the next batch, marking the last one sent with its own
    # fsync) runs on a helper thread while the central database works on a batch, so
    # neither waits for the other's disk. The order that matters is kept: a batch is
    # marked sent only after its central commit.
    with central.connect() as conn, ThreadPoolExecutor(1, "bp-till-push") as till_side:
        batch, marked = _unsent(ctx, batch_size), None
        while batch:
            upcoming = till_side.submit(_unsent, ctx, batch_size, batch[-1].seq)
            with conn.begin():
                new += ingest(conn, batch)
            if marked:
                marked.result()  # raises if marking the previous batch failed
            marked = till_side.submit(_mark_sent, ctx, batch)  # only after the central commit
            sent += len(batch)
            batch = upcoming.result()
        if marked:
            marked.result()
    return PushResult(sent, new, pending_count(ctx))
