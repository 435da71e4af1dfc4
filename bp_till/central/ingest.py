"""Ingesting a batch of till events: idempotent, projected in the same transaction.

One batch costs a handful of statements whatever its size: one multi-row
INSERT of the events that skips known ids and returns the new ones, the vote
locks and balances of the producers who voted, then one INSERT per
projection table. The same code runs on PostgreSQL and SQLite, and needs
only INSERT (and SELECT on non-secret columns): the central tables are
insert-only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection

from bp_till.central.bulk import insert_rows
from bp_till.central.projections import PROJECTIONS, Arrived, Event, Projection
from bp_till.central.schema import events
from bp_till.central.votes import lock_producers, vote_balances

__all__ = ["Event", "ingest"]


def _insert_new(conn: Connection, batch: list[Event], received_at: datetime) -> list[Arrived]:
    """Insert the events whose id is unknown; return those, in batch order.

    Only a known event id is skipped. A *different* event with a (terminal, seq)
    already taken means two tills share a terminal number, or a till was
    reinstalled with an empty store: the unique constraint refuses it and the
    batch fails loudly, rather than its sales and cards being dropped.
    """
    as_text = conn.dialect.name == "postgresql"  # SQLite's JSON column encodes the dict
    rows = [dict(event_id=e.event_id, terminal=e.terminal, seq=e.seq, type=e.type,
                 version=e.version, payload=(e.payload_json if as_text and e.payload_json
                                             else e.payload),
                 received_at=received_at, login_id=e.payload.get("login_id")) for e in batch]
    # RETURNING, not rowcount: a skipped row returns nothing, on either database.
    new = dict(insert_rows(conn, events, rows, skip_conflicts_on="event_id",
                           returning=("event_id", "ingest_id")).all())
    return [Arrived(e, new[e.event_id], received_at) for e in batch if e.event_id in new]


def ingest(conn: Connection, batch: Iterable[Event]) -> int:
    """Record and project each new event of a batch; returns how many were new.

    Runs inside the caller's transaction: the batch lands whole or not at all.
    Events the central side knows already are skipped, so a batch sent twice
    counts once. Votes are checked against the central balance in event order,
    under the voters' locks; votes it cannot cover are recorded as refused.
    """
    batch = list(batch)
    if not batch:
        return 0
    arrived = _insert_new(conn, batch, datetime.now(UTC))
    voters = [a.event.payload["login_id"] for a in arrived if a.event.type == "votes.cast"]
    lock_producers(conn, voters)
    projection = Projection(vote_balances(conn, voters))
    for new in arrived:
        project = PROJECTIONS.get(new.event.type)
        if project:
            project(projection, new)
    projection.write(conn)
    return len(arrived)
