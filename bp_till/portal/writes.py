"""What the portal writes at the central database: votes and a new password, nothing else.

On PostgreSQL through the SECURITY DEFINER functions ``cast_vote`` and
``change_password`` (the website role has no INSERT anywhere); on the
embedded SQLite central through their Python twins. Each call is one
transaction: all of a producer's votes of one form land, or none.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from bp_till.central import votes as central_votes
from bp_till.central import website
from bp_till.central.votes import VoteCountedAlready, VoteRefused
from bp_till.domain.errors import InvalidInput, NotFound, TillError
from bp_till.domain.votes import Allocation

__all__ = ["VoteCountedAlready", "VoteRefused", "change_password", "give_votes", "vote_ids"]

# The SQL functions' refusals (docs/CENTRAL.md), as the till's error types.
_SQLSTATES: dict[str, type[TillError]] = {
    "BPV01": VoteRefused, "BPV02": NotFound, "BPV03": VoteCountedAlready,
    "BPP01": website.PasswordChangedMeanwhile, "22023": InvalidInput, "22P02": InvalidInput,
}


def _refusal(exc: DBAPIError) -> TillError | None:
    """The function's own refusal inside a driver error, or None for any other failure."""
    diag = getattr(exc.orig, "diag", None)
    kind = _SQLSTATES.get(getattr(exc.orig, "sqlstate", None) or "")
    if kind is None or diag is None:
        return None
    return kind(diag.message_primary or str(exc.orig))


def vote_ids(vote_key: str, allocations: Sequence[Allocation]) -> list[str]:
    """One event id per cast member of a form, derived from the form's key.

    The same form sent twice (a double tap, a resent POST) gives the same ids,
    which the central database has counted already.
    """
    namespace = uuid.UUID(vote_key)  # ValueError: a forged or garbled key
    return [str(uuid.uuid5(namespace, a.cast_code)) for a in allocations]


def _vote(conn: Connection, login_id: str, allocation: Allocation, vote_id: str,
          at: datetime) -> int:
    if conn.dialect.name == "postgresql":
        return conn.scalar(text("SELECT cast_vote(:login, :cast, :points, :vote)"),
                           {"login": login_id, "cast": allocation.cast_code,
                            "points": allocation.points, "vote": vote_id})
    return central_votes.cast_vote(conn, login_id, allocation.cast_code, allocation.points,
                                   at, vote_id)


def _in_one_transaction(engine: Engine, work):
    """Run ``work(conn)``; a refusal by the central database comes back as a TillError."""
    try:
        with engine.begin() as conn:
            return work(conn)
    except IntegrityError as exc:
        # SQLite: a second copy of the same form raced the first to the event's key.
        if "event_id" in str(exc.orig) or "UNIQUE" in str(exc.orig):
            raise VoteCountedAlready("These votes were counted already.") from None
        raise
    except DBAPIError as exc:
        refusal = _refusal(exc)
        if refusal is None:
            raise
        raise refusal from None


def give_votes(engine: Engine, login_id: str, allocations: Sequence[Allocation],
               vote_key: str, at: datetime) -> int:
    """Spend vote points on cast members, all or nothing; returns the balance left."""
    ids = vote_ids(vote_key, allocations)

    def work(conn: Connection) -> int:
        left = None
        # In cast-code order: each vote locks its month's total for that cast member until
        # commit, and two producers' forms locking in opposite orders would deadlock.
        pairs = sorted(zip(allocations, ids, strict=True), key=lambda pair: pair[0].cast_code)
        for allocation, vote_id in pairs:
            left = _vote(conn, login_id, allocation, vote_id, at)
        return left

    return _in_one_transaction(engine, work)


def change_password(engine: Engine, login_id: str, old_hash: str, new_hash: str,
                    at: datetime) -> None:
    """The new hash is the password from now on, if ``old_hash`` is still the current one."""

    def work(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT change_password(:login, :old, :new)"),
                         {"login": login_id, "old": old_hash, "new": new_hash})
        else:
            website.change_password(conn, login_id, old_hash, new_hash, at)

    _in_one_transaction(engine, work)
