"""The promises a store keeps whatever happened to it, checked with plain SQL.

``broken(conn)`` names every broken promise of the store behind an sqlite3
connection; an empty list is a sound store. The crash test runs it after each
SIGKILL, the fuzz after each step.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bp_till.domain.business_day import business_day

# Each query returns the rows that break the promise named beside it.
PROMISES: dict[str, str] = {
    "a settled check has live lines that add up to its total": """
        SELECT c.number FROM checks c WHERE c.status = 'settled' AND c.total != (
            SELECT coalesce(sum(l.unit_price * l.quantity), -1) FROM check_lines l
            WHERE l.check_id = c.id AND l.voided_at IS NULL)""",
    "a settled check has payments that pay its total, with the change it shows": """
        SELECT c.number FROM checks c WHERE c.status = 'settled' AND (
            c.total != (SELECT coalesce(sum(amount), -1) FROM payments WHERE check_id = c.id)
            OR c.change != (SELECT sum(tendered - amount) FROM payments WHERE check_id = c.id))""",
    "a settled check has exactly one check.settled event, with its total": """
        SELECT c.number FROM checks c WHERE c.status = 'settled' AND 1 != (
            SELECT count(*) FROM outbox o WHERE o.type = 'check.settled'
            AND json_extract(o.payload, '$.check_uuid') = c.uuid
            AND json_extract(o.payload, '$.total') = c.total)""",
    "a producer's settled check earned its points in the ledger": """
        SELECT c.number FROM checks c WHERE c.status = 'settled' AND (
            c.spend_points != CASE WHEN c.producer_id IS NULL THEN 0 ELSE c.total / 100 END
            OR c.spend_points != (SELECT coalesce(sum(delta), 0) FROM points_ledger l
                                  WHERE l.check_id = c.id AND l.kind = 'spend')
            OR c.vote_points != (SELECT coalesce(sum(delta), 0) FROM points_ledger l
                                 WHERE l.check_id = c.id AND l.kind = 'vote'))""",
    "a check that is not settled has no payments, points or sale event": """
        SELECT c.number FROM checks c WHERE c.status != 'settled' AND (
            EXISTS (SELECT 1 FROM payments p WHERE p.check_id = c.id)
            OR EXISTS (SELECT 1 FROM points_ledger l WHERE l.check_id = c.id)
            OR EXISTS (SELECT 1 FROM outbox o WHERE o.type = 'check.settled'
                       AND json_extract(o.payload, '$.check_uuid') = c.uuid))""",
    "every check.settled event belongs to a settled check": """
        SELECT o.seq FROM outbox o WHERE o.type = 'check.settled' AND NOT EXISTS (
            SELECT 1 FROM checks c WHERE c.status = 'settled'
            AND c.uuid = json_extract(o.payload, '$.check_uuid'))""",
    "a producer's points are the sum of their ledger, and never negative": """
        SELECT p.login_id FROM producers p WHERE p.spend_points < 0 OR p.vote_points < 0
            OR p.spend_points != (SELECT coalesce(sum(delta), 0) FROM points_ledger l
                                  WHERE l.producer_id = p.id AND l.kind = 'spend')
            OR p.vote_points != (SELECT coalesce(sum(delta), 0) FROM points_ledger l
                                 WHERE l.producer_id = p.id AND l.kind = 'vote')""",
    "the outbox sequence runs 1, 2, 3 … without a gap, as its counter says": """
        SELECT count(*) FROM outbox HAVING count(*) != coalesce(max(seq), 0) OR min(seq) != 1
            OR count(*) != (SELECT coalesce(max(value), 0) FROM counters WHERE name = 'outbox')""",
    "the check counter matches the checks": """
        SELECT count(*) FROM checks HAVING count(*) != coalesce(max(number), 0)
            OR count(*) != (SELECT coalesce(max(value), 0) FROM counters WHERE name = 'check')""",
    "the card and login counters match the cards and producers": """
        SELECT name FROM counters WHERE (name = 'card' AND value != (SELECT count(*) FROM cards))
            OR (name = 'login' AND value != (SELECT count(*) FROM producers))""",
    "a producer has exactly one live card": """
        SELECT p.login_id FROM producers p WHERE 1 != (
            SELECT count(*) FROM cards c WHERE c.producer_id = p.id AND c.status = 'live')""",
}


def broken(conn: sqlite3.Connection) -> list[str]:
    """Every broken promise, with the rows that break it."""
    found = []
    integrity = conn.execute("PRAGMA integrity_check").fetchall()
    if integrity != [("ok",)]:
        found.append(f"PRAGMA integrity_check: {integrity[:5]}")
    if conn.execute("PRAGMA foreign_key_check").fetchall():
        found.append("a row points at a row that does not exist (foreign_key_check)")
    for promise, query in PROMISES.items():
        rows = conn.execute(query).fetchall()
        if rows:
            found.append(f"{promise}: broken by {[row[0] for row in rows][:10]}")
    for number, closed_at, day in conn.execute(
        "SELECT number, closed_at, business_day FROM checks WHERE status = 'settled'"
    ):
        closed = datetime.strptime(closed_at, "%Y-%m-%dT%H:%M:%S.%f%z")
        if business_day(closed).isoformat() != day:
            found.append(f"check {number} settled at {closed_at} is filed on {day}")
    return found


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How much a store holds, for the figures and for 'a restart continues'."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "settled": one("SELECT count(*) FROM checks WHERE status = 'settled'"),
        "finished": one("SELECT count(*) FROM checks WHERE status != 'open'"),
        "events": one("SELECT count(*) FROM outbox"),
        "producers": one("SELECT count(*) FROM producers"),
    }
