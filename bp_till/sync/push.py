"""Push: unsent outbox events, in order, in batches, each batch one central transaction.

An event is marked sent only after the central commit. If the till dies
between the two, the batch is sent again and the central side skips what it
already has: at-least-once delivery plus idempotent ingest counts each event
exactly once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, update

from bp_till.central.ingest import Event, ingest
from bp_till.services.context import TillContext
from bp_till.store.models import OutboxEvent

BATCH_SIZE = 500


@dataclass(frozen=True)
class PushResult:
    sent: int  # events the central side acknowledged
    new: int  # of those, events it did not have yet
    pending: int  # still queued here


def _unsent(ctx: TillContext, limit: int) -> list[Event]:
    with ctx.store.read() as session:
        rows = session.scalars(
            select(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
            .order_by(OutboxEvent.seq).limit(limit)
        ).all()
        return [Event(r.event_id, r.terminal, r.seq, r.type, r.version, json.loads(r.payload))
                for r in rows]


def _mark_sent(ctx: TillContext, batch: list[Event]) -> None:
    with ctx.uow() as uow:
        uow.session.execute(
            update(OutboxEvent)
            .where(OutboxEvent.event_id.in_([e.event_id for e in batch]))
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
    sent = new = 0
    with central.connect() as conn:
        while batch := _unsent(ctx, batch_size):
            with conn.begin():
                new += ingest(conn, batch)
            _mark_sent(ctx, batch)  # only after the central commit
            sent += len(batch)
    return PushResult(sent, new, pending_count(ctx))
