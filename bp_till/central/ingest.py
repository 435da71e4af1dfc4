"""Ingesting a batch of till events: idempotent, projected in the same transaction.

``ingest`` is the one entry point; it chooses by the central database:

- PostgreSQL: one call of the SQL function ``ingest_events`` per batch
  (ingest_function.py), the payloads sent as the till stored them. The till
  decodes nothing, and its database role needs no INSERT on any table.
- SQLite (the embedded central, which has no functions): the same in Python
  here: one INSERT of the events that skips known ids and returns the new
  ones, the vote locks and balances of the producers who voted, then the
  projections (projections.py), one executemany per table.

Both record each new event once and project only those; a *different*
event reusing a (terminal, seq) fails the batch loudly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection

from bp_till.central.bulk import insert_rows
from bp_till.central.ingest_function import ingest_batch
from bp_till.central.projections import PROJECTIONS, Arrived, Event, Projection
from bp_till.central.schema import events
from bp_till.central.votes import lock_producers, vote_balances

__all__ = ["Event", "ingest", "ingest_in_python", "overlaps_safely"]

# What a batch's ingest reads of what earlier batches wrote: nothing, for these. A check
# (settled, voided, refunded) and an adjustment add ledger and cast-credit rows, which no
# key ties to other rows; a new card brings its own producer; a close-out its own day. A
# batch of only these may therefore be ingested while the batch before it is still
# uncommitted, on another connection. The others wait for it: a vote reads the balance, a
# replaced card or a new password the producer row (a foreign key), and a menu or cast
# update is ordered by its arrival.
_SELF_CONTAINED = frozenset({"check.settled", "check.voided", "check.refunded",
                             "points.adjusted", "card.issued", "day.closed"})


def _insert_new(conn: Connection, batch: Sequence[Event], payloads: list[dict],
                received_at: datetime) -> list[Arrived]:
    """Insert the events whose id is unknown; return those, in batch order.

    Only a known event id is skipped. A *different* event with a (terminal, seq)
    already taken means two tills share a terminal number, or a till was
    reinstalled with an empty store: the unique constraint refuses it and the
    batch fails loudly, rather than its sales and cards being dropped.
    """
    rows = [dict(event_id=e.event_id, terminal=e.terminal, seq=e.seq, type=e.type,
                 version=e.version, payload=payload, received_at=received_at,
                 login_id=payload.get("login_id"))
            for e, payload in zip(batch, payloads, strict=True)]
    # RETURNING, not rowcount: a skipped row returns nothing, on either database.
    new = dict(insert_rows(conn, events, rows, skip_conflicts_on="event_id",
                           returning=("event_id", "ingest_id")).all())
    return [Arrived(e, payload, new[e.event_id], received_at)
            for e, payload in zip(batch, payloads, strict=True) if e.event_id in new]


def ingest_in_python(conn: Connection, batch: Sequence[Event]) -> int:
    """The ingest done here rather than by the SQL function: what an SQLite central runs.

    Runs as well on PostgreSQL as the schema's owner (the tests compare the two).
    """
    arrived = _insert_new(conn, batch, [json.loads(e.payload) for e in batch],
                          datetime.now(UTC))
    voters = [a.payload["login_id"] for a in arrived if a.event.type == "votes.cast"]
    lock_producers(conn, voters)
    projection = Projection(vote_balances(conn, voters))
    for new in arrived:
        project = PROJECTIONS.get(new.event.type)
        if project:
            project(projection, new)
    projection.write(conn)
    return len(arrived)


def overlaps_safely(batch: Sequence[Event]) -> bool:
    """Whether the batch may be ingested before the batches ahead of it have committed."""
    return all(e.type in _SELF_CONTAINED for e in batch)


def ingest(conn: Connection, batch: Sequence[Event]) -> int:
    """Record and project each new event of a batch; returns how many were new.

    Runs inside the caller's transaction: the batch lands whole or not at all.
    Events the central side knows already are skipped, so a batch sent twice
    counts once. Votes are checked against the central balance in event order,
    under the voters' locks; votes it cannot cover are recorded as refused.
    """
    if not batch:
        return 0
    if conn.dialect.name == "postgresql":
        return ingest_batch(conn, batch)
    return ingest_in_python(conn, batch)
