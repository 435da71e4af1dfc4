"""Push: unsent outbox events, in order, in batches, each batch one central transaction.

An event is marked sent only after the central commit. If the till dies
between the two, the batch is sent again and the central side skips what it
already has: at-least-once delivery plus idempotent ingest counts each event
exactly once.

The events go as the outbox stores them, payloads as JSON text: the central
side decodes them (on PostgreSQL the server, in one function call per
batch), not the till. On PostgreSQL two batches are ingested at once and
committed in order (see ``push``).
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Transaction, func, select, update

from bp_till.services.context import TillContext
from bp_till.store.models import OutboxEvent

if TYPE_CHECKING:
    from bp_till.central.ingest import Event

BATCH_SIZE = 500
LANES = 2  # batches ingested at once on a PostgreSQL central (see push)


@dataclass(frozen=True)
class PushResult:
    sent: int  # events the central side acknowledged
    new: int  # of those, events it did not have yet
    pending: int  # still queued here


# Plain sqlite3 rather than SQLAlchemy: a push of a backlog spent most of the till's CPU
# building result rows, and that CPU is taken from the central server on the same machine.
_UNSENT = ("SELECT event_id, terminal, seq, type, version, payload FROM outbox "
           "WHERE sent_at IS NULL AND seq > ? ORDER BY seq LIMIT ?")


def _unsent(ctx: TillContext, limit: int, after: int = 0) -> list[Event]:
    """The oldest unsent events after a sequence number, the payloads as stored."""
    from bp_till.central.ingest import Event  # the central side loads with the first push

    with ctx.store.read() as session:
        db = session.connection().connection.dbapi_connection
        return list(map(Event._make, db.execute(_UNSENT, (after, limit))))


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


def _begin_ingest(conn: Connection, batch: list[Event]) -> tuple[Transaction, int]:
    """Ingest a batch in a transaction left open: the caller commits it in its turn."""
    from bp_till.central.ingest import ingest

    transaction = conn.begin()
    return transaction, ingest(conn, batch)


def push(ctx: TillContext, central: Engine, batch_size: int = BATCH_SIZE) -> PushResult:
    """Send everything queued; raises the driver's error if the central side fails.

    Connects even when nothing is queued, so a round says truthfully whether
    the central database can be reached.
    """
    from bp_till.central.ingest import overlaps_safely  # psycopg and the ingest: not at start-up

    # On PostgreSQL the server's work on a batch is the limit of a push, so two batches are
    # ingested at once, on two connections (two server processes). They commit in order:
    # the central database always holds a prefix of this till's events, which is what the
    # pull counts on (pulled_producers.queued_points). A batch that reads what the one
    # before it writes (a vote reads the balance) starts only once that one has committed.
    lanes = LANES if central.dialect.name == "postgresql" else 1
    sent = new = 0
    with ExitStack() as stack:  # on the way out: wait for the threads, then roll back the rest
        connections = stack.enter_context(ExitStack())  # closed after the threads are done
        idle = [connections.enter_context(central.connect())]  # the second when there is work
        ingesting = stack.enter_context(ThreadPoolExecutor(lanes, "bp-till-ingest"))
        marking = stack.enter_context(ThreadPoolExecutor(1, "bp-till-push"))
        in_flight: deque[tuple[Future, Connection, list[Event]]] = deque()  # oldest first
        batch, marked = _unsent(ctx, batch_size), None
        while batch or in_flight:
            # Every connection is idle or holds a batch in flight: open one while fewer are.
            if (batch and (idle or len(in_flight) < lanes)
                    and (not in_flight or overlaps_safely(batch))):
                if not idle:
                    idle.append(connections.enter_context(central.connect()))
                conn = idle.pop()
                in_flight.append((ingesting.submit(_begin_ingest, conn, batch), conn, batch))
                batch = _unsent(ctx, batch_size, batch[-1].seq)  # while the server works
                continue
            ingested, conn, done = in_flight.popleft()
            transaction, count = ingested.result()
            transaction.commit()
            idle.append(conn)
            if marked:
                marked.result()  # raises if marking the previous batch failed
            # Only after the central commit; the till's fsync runs while the server works.
            marked = marking.submit(_mark_sent, ctx, done)
            sent, new = sent + len(done), new + count
        if marked:
            marked.result()
    return PushResult(sent, new, pending_count(ctx))
