"""The board's running totals: the votes per business month and cast member, kept up to date.

``cast_month_totals`` holds, for each (business month, cast member), the sum
of ``votes.points`` and the latest ``votes.voted_at``: what the board's view
(``monthly_cast_ranking``) used to aggregate over a month of votes at every
read. Every writer of votes adds to it in the same transaction: the SQL
functions ``ingest_events`` and ``cast_vote`` through ``UPSERT_SQL``, the
Python ingest and ``votes.cast_vote`` through ``add_to_totals``. A test holds
it equal to a GROUP BY over the votes (tests/central/test_totals.py).

The latest vote is a MAX, not the one added last: a till that was offline for
a night sends its older votes after newer ones from elsewhere.

Each transaction that counts votes locks the totals rows it touches until it
commits, always in (business month, cast code) order ("C" collation, as
Python orders strings), so two of them never wait for each other in a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, func, text
from sqlalchemy.dialects import postgresql, sqlite

from bp_till.central.schema import cast_month_totals

# The key by its constraint's name: in a function whose parameters are named like the
# columns (cast_vote's cast_code), a column list here would be ambiguous.
_MERGE = """ON CONFLICT ON CONSTRAINT pk_cast_month_totals DO UPDATE
    SET points = t.points + excluded.points,
        last_vote_at = GREATEST(t.last_vote_at, excluded.last_vote_at)"""

# PL/pgSQL: add the rows of a SELECT of (business_month, cast_code, points, last_vote_at),
# one row per key, in key order; the functions fill in the SELECT.
UPSERT_SQL = """
  INSERT INTO cast_month_totals AS t (business_month, cast_code, points, last_vote_at)
  {select}
  """ + _MERGE

# Every vote counted so far, for a central made before the totals (db.py's upgrade).
BACKFILL = """
INSERT INTO cast_month_totals (business_month, cast_code, points, last_vote_at)
SELECT business_month, cast_code, SUM(points), MAX(voted_at) FROM votes
GROUP BY business_month, cast_code"""


def _totals(vote_rows: Iterable[dict]) -> list[dict]:
    """The votes' sums per (month, cast code), in the order the rows are locked."""
    found: dict[tuple[str, str], dict] = {}
    for vote in vote_rows:
        key = (vote["business_month"], vote["cast_code"])
        total = found.setdefault(key, {"business_month": key[0], "cast_code": key[1],
                                       "points": 0, "last_vote_at": vote["voted_at"]})
        total["points"] += vote["points"]
        total["last_vote_at"] = max(total["last_vote_at"], vote["voted_at"])
    return [found[key] for key in sorted(found)]


def add_to_totals(conn: Connection, vote_rows: Iterable[dict]) -> None:
    """Add the votes about to be written (``votes`` rows as dicts) to the totals."""
    rows = _totals(vote_rows)
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(cast_month_totals)
    latest = func.greatest if conn.dialect.name == "postgresql" else func.max  # SQLite's max(a, b)
    conn.execute(statement.on_conflict_do_update(
        index_elements=["business_month", "cast_code"],
        set_={"points": cast_month_totals.c.points + statement.excluded.points,
              "last_vote_at": latest(cast_month_totals.c.last_vote_at,
                                     statement.excluded.last_vote_at)}), rows)


def upgrade(conn: Connection, ranking_view: str) -> None:
    """A central made before the totals: count its votes in, and read the board from them.

    On PostgreSQL the votes table is locked against writers first (SHARE waits for
    the ingests under way to commit and holds new ones until this commits, when the
    new functions are in place), so no vote is counted twice or left out.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE events, votes IN SHARE MODE"))
        conn.execute(text(BACKFILL))
        conn.execute(text(f"CREATE OR REPLACE VIEW monthly_cast_ranking AS {ranking_view}"))
        return
    conn.execute(text(BACKFILL))
    conn.execute(text("DROP VIEW IF EXISTS monthly_cast_ranking"))
    conn.execute(text(f"CREATE VIEW monthly_cast_ranking AS {ranking_view}"))
