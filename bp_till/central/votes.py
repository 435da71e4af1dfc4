"""Spending vote points at the central database: one producer at a time, never below zero.

Tills (through their `votes.cast` events) and the website (through the SQL
function `cast_vote`, or `cast_vote` below on an SQLite central) spend from
one ledger. On PostgreSQL each takes a transaction-level advisory lock per
producer before reading the balance, so two tills and the website can never
spend the same points together; the lock key is the same in Python and in
the SQL function (see postgres.py). An SQLite central has one writer at a
time anyway: whoever writes first holds the whole database until it commits.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection, bindparam, insert, select, text

from bp_till.central.projections import PROJECTIONS, Arrived, Event, Projection, when
from bp_till.central.reads import cast_roster_view
from bp_till.central.schema import events
from bp_till.domain.business_day import business_month
from bp_till.domain.errors import InvalidInput, TillError

LOCK_PREFIX = "bp_till.votes:"
WEBSITE = 0  # the terminal number of the website's votes

_LOCK = text(
    "SELECT pg_advisory_xact_lock(hashtextextended(:prefix || k, 0)) "
    "FROM unnest(CAST(:logins AS text[])) AS k"  # in the array's (sorted) order
)
_BALANCES = text(
    "SELECT login_id, vote_points FROM producer_balances WHERE login_id IN :logins"
).bindparams(bindparam("logins", expanding=True))


class VoteRefused(TillError):
    """Votes the producer's central balance cannot cover; nothing was written."""


class VoteCountedAlready(TillError):
    """A vote submitted again (a double click, a resent form): it counted the first time."""


def lock_producers(conn: Connection, logins: Iterable[str]) -> None:
    """Hold each producer's vote lock until the transaction ends (PostgreSQL only).

    Taken in sorted order, so two batches that share producers cannot deadlock.
    """
    wanted = sorted(set(logins))
    if wanted and conn.dialect.name == "postgresql":
        conn.execute(_LOCK, {"prefix": LOCK_PREFIX, "logins": wanted})


def vote_balances(conn: Connection, logins: Iterable[str]) -> dict[str, int | None]:
    """Each producer's vote balance after their lock was taken; None for an unknown login."""
    wanted = sorted(set(logins))
    if not wanted:
        return {}
    found = dict(conn.execute(_BALANCES, {"logins": wanted}).all())
    return {login: (int(found[login]) if login in found else None) for login in wanted}


def next_website_seq(conn: Connection) -> int:
    """The next sequence number of the website's events (terminal 0)."""
    if conn.dialect.name == "postgresql":  # shared with the SQL functions
        return conn.scalar(text("SELECT nextval('website_vote_seq')"))
    return conn.scalar(select(text("COALESCE(MAX(seq), 0) + 1")).select_from(events)
                       .where(events.c.terminal == WEBSITE))


def _website_event(conn: Connection, login_id: str, cast_code: str, points: int,
                   at: datetime, vote_id: str | None) -> Arrived:
    """A website vote is an event like a till's (terminal 0, its own sequence)."""
    seq = next_website_seq(conn)
    payload = {"login_id": login_id, "business_month": business_month(at),
               "cast_at": at.isoformat(), "votes": [{"cast_code": cast_code, "points": points}]}
    event = Event(vote_id or str(uuid.uuid4()), WEBSITE, seq, "votes.cast", 1,
                  json.dumps(payload))
    ingest_id = conn.execute(insert(events).values(
        event_id=event.event_id, terminal=WEBSITE, seq=seq, type=event.type, version=1,
        payload=payload, received_at=when(at.isoformat()), login_id=login_id,
    ).returning(events.c.ingest_id)).scalar_one()
    return Arrived(event, payload, ingest_id, at)


def _counted_already(conn: Connection, vote_id: str, login_id: str) -> None:
    """A vote id seen before: the same producer's vote submitted twice, counted once."""
    known = conn.execute(select(events.c.type, events.c.login_id)
                         .where(events.c.event_id == vote_id)).first()
    if known is None:
        return
    if tuple(known) != ("votes.cast", login_id):
        raise InvalidInput("That vote key belongs to something else.")
    raise VoteCountedAlready("These votes were counted already.")


def cast_vote(conn: Connection, login_id: str, cast_code: str, points: int,
              at: datetime, vote_id: str | None = None) -> int:
    """The website's vote, as the SQL function `cast_vote` does it on PostgreSQL.

    Runs in the caller's transaction and returns the producer's vote balance
    left; raises VoteRefused (the caller rolls back) when it does not cover
    the points, and VoteCountedAlready when ``vote_id`` (the event's id, a
    UUID) was counted before. Used on an SQLite central and by the tests.
    """
    if not isinstance(points, int) or isinstance(points, bool) or points <= 0:
        raise InvalidInput("Vote points given must be at least 1.")
    roster = cast_roster_view.c
    if conn.scalar(select(roster.code).where(roster.code == cast_code,
                                             roster.active.is_(True))) is None:  # not retired
        raise VoteRefused(f"No cast member {cast_code!r}.")
    if vote_id is not None:
        vote_id = str(uuid.UUID(vote_id))  # ValueError: not a UUID
    lock_producers(conn, [login_id])  # on SQLite the event's INSERT below locks instead
    if vote_id is not None:
        _counted_already(conn, vote_id, login_id)
    arrived = _website_event(conn, login_id, cast_code, points, at, vote_id)
    balance = vote_balances(conn, [login_id])[login_id]
    if balance is None:
        raise VoteRefused(f"No producer {login_id!r}.")
    if balance < points:
        raise VoteRefused(f"That is {points:,} vote points; the producer has {balance:,}.")
    projection = Projection({login_id: balance})
    PROJECTIONS["votes.cast"](projection, arrived)  # the same rows as a till's votes
    projection.write(conn)
    return projection.vote_balances[login_id]

