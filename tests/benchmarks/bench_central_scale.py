"""The central database's two hot reads as it grows to a year of 100 tills (issue 19).

For each size (1 % of a year by default, built in about 30 s here; 10 % too,
which takes about 5 minutes to build, with ``BP_TILL_BENCH_CENTRAL=10`` or once
it has been built; the whole year, about 50 million events, with
``BP_TILL_BENCH_CENTRAL_FULL=1``, 71 min and 59 GB) a PostgreSQL central built through the real
ingest (scale_central.py, kept between runs), so that ``make bench`` on a new
machine stays under 10 minutes:

- the board as the website reads it (``bp_till.portal.reads.board``: this
  month's ranking and last month's winner, with the cast roster); goal p95
  ≤ 100 ms. The baseline is the same three statements with the rankings
  computed from the votes themselves, as the view did before the running totals;
- a producer's balance (``producer_balances`` by login, a random producer each
  time); goal p95 ≤ 5 ms. The baseline is a producer's row by its key.

One connection, as the portal's pool hands out; a fresh random producer each
call, so the caches hold what a busy server's would, not one producer.
"""

from __future__ import annotations

import os
import random
import sys

from sqlalchemy import create_engine, make_url, text

from bp_till.central.db import central_engine
from bp_till.domain.business_day import business_month, previous_month
from bp_till.portal.reads import board
from tests.benchmarks import scale_central
from tests.benchmarks.harness import Figure, Goal, time_ms

PG_URL = os.environ.get("BP_TILL_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
FULL = os.environ.get("BP_TILL_BENCH_CENTRAL_FULL") == "1"
TENTH = os.environ.get("BP_TILL_BENCH_CENTRAL") == "10"


def _is_built(fraction: float) -> bool:
    """Whether an earlier run left that central complete (measuring it then costs seconds)."""
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            name = scale_central.database_name(fraction)
            if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
                return False
    finally:
        engine.dispose()
    engine = create_engine(make_url(PG_URL).set(database=name))
    try:
        with engine.connect() as conn:
            return conn.scalar(text("SELECT to_regclass('bench_built')")) is not None
    finally:
        engine.dispose()


def _fractions() -> tuple[float, ...]:
    if FULL:
        return (0.01, 0.1, 1.0)
    return (0.01, 0.1) if TENTH or _is_built(0.1) else (0.01,)
REPEAT = 300
BALANCE = text("SELECT spend_points, vote_points FROM producer_balances WHERE login_id = :l")
ROSTER = text("SELECT code, stage_name, romaji FROM cast_roster ORDER BY code")
BY_KEY = text("SELECT created_at FROM producers WHERE login_id = :l")
# The board straight from the votes: the view's definition before cast_month_totals.
FROM_THE_VOTES = text("""
SELECT place, cast_code, points FROM (
  SELECT cast_code, points, ROW_NUMBER() OVER (ORDER BY points DESC, last_vote_at, cast_code)
         AS place
  FROM (SELECT cast_code, SUM(points) AS points, MAX(voted_at) AS last_vote_at FROM votes
        WHERE business_month = :m GROUP BY cast_code) t
  WHERE points > 0) r
WHERE place <= :top ORDER BY place""")


def _board_from_votes(conn, month: str) -> None:
    """The board's three statements (roster, this month's top 20, last month's winner)."""
    conn.execute(ROSTER).all()
    for m, top in ((month, 20), (previous_month(month), 1)):
        conn.execute(FROM_THE_VOTES, {"m": m, "top": top}).all()


def _size(fraction: float, built: scale_central.Built) -> str:
    return f"{fraction * 100:g} % of a year ({built.events / 1e6:.2g} M events)"


def _measure(fraction: float) -> list[Figure]:
    built = scale_central.build(PG_URL, fraction)
    print(f"  {_size(fraction, built)}: {built.producers:,} producers, {built.votes:,} votes; "
          + (f"built in {built.seconds:.0f} s" if built.seconds else "kept from an earlier run"),
          file=sys.stderr, flush=True)
    engine = central_engine(built.url)
    rng = random.Random(7)
    logins = [f"1{n:010d}" for n in range(built.producers)]
    month = business_month(scale_central.NOW)
    try:
        with engine.connect() as conn:
            shown = board(conn, scale_central.NOW)
            assert shown.month == month and shown.placings and shown.last_winner
            boards = time_ms(lambda: board(conn, scale_central.NOW), REPEAT)
            from_votes = time_ms(lambda: _board_from_votes(conn, month), REPEAT)
            balances = time_ms(lambda: conn.execute(BALANCE, {"l": rng.choice(logins)}).one(),
                               REPEAT * 3)
            by_key = time_ms(lambda: conn.execute(BY_KEY, {"l": rng.choice(logins)}).one(),
                             REPEAT * 3)
    finally:
        engine.dispose()
    size = _size(fraction, built)
    return [
        Figure(f"central at {size}: the board and last month's winner", "ms", boards,
               Goal("p95", 100), from_votes, "the same from the votes"),
        Figure(f"central at {size}: a producer's balance", "ms", balances, Goal("p95", 5),
               by_key, "a producer's row by key"),
    ]


def figures(env) -> list[Figure]:
    return [figure for fraction in _fractions() for figure in _measure(fraction)]



RANKING = ("SELECT place, cast_code, points FROM monthly_cast_ranking "
           "WHERE business_month = :m ORDER BY place LIMIT 20")


def explain(fraction: float) -> str:
    """EXPLAIN ANALYZE of the ranking and of a balance at that size (docs/CENTRAL.md)."""
    built = scale_central.build(PG_URL, fraction)
    engine = central_engine(built.url)
    login = f"1{built.producers // 2:010d}"
    out = [f"-- {_size(fraction, built)}, {built.producers:,} producers, {built.votes:,} votes"]
    try:
        with engine.connect() as conn:
            for query, params in ((RANKING, {"m": business_month(scale_central.NOW)}),
                                  (BALANCE.text, {"l": login})):
                conn.execute(text(f"EXPLAIN ANALYZE {query}"), params).all()  # warm
                plan = conn.execute(text(f"EXPLAIN (ANALYZE, BUFFERS) {query}"), params)
                out += [f"EXPLAIN ANALYZE {query}", *(row[0] for row in plan), ""]
    finally:
        engine.dispose()
    return "\n".join(out)


if __name__ == "__main__":
    print(explain(float(sys.argv[1]) if len(sys.argv) > 1 else 0.01))
