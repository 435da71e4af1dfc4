"""The website's two hot reads are answered from indexes: a balance, and the board.

At test sizes a planner may prefer a scan of the whole (tiny) table, so scans
are turned off on PostgreSQL: what is checked is that an index can answer the
read alone, which is what keeps it fast at a year of 100 tills (docs/CENTRAL.md).
"""

import json

from sqlalchemy import text

from tests.central.feed import FakeTill, send
from tests.central.test_totals import A, NOVEMBER

BALANCE = "SELECT spend_points, vote_points FROM producer_balances WHERE login_id = :l"
BOARD = ("SELECT place, cast_code, points FROM monthly_cast_ranking "
         "WHERE business_month = :m ORDER BY place")


def _scans(conn, query: str, **params) -> set[tuple[str, str]]:
    """How the read reaches each table: (table, how) — on SQLite, its plan's lines."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        conn.execute(text("SET LOCAL enable_bitmapscan = off"))
        (plan,) = conn.scalar(text(f"EXPLAIN (FORMAT JSON) {query}"), params)
        return set(_pg_scans(plan["Plan"]))
    return {("", row[-1]) for row in conn.execute(text(f"EXPLAIN QUERY PLAN {query}"), params)}


def _pg_scans(node: dict):
    if "Relation Name" in node:
        yield node["Relation Name"], f'{node["Node Type"]} {node.get("Index Name", "")}'.strip()
    for child in node.get("Plans", ()):
        yield from _pg_scans(child)


def test_a_balance_is_read_from_the_ledger_index_alone(central):
    till = FakeTill(1)
    send(central, till.cast(C010="Hikari"), till.card_issued(A, "100000000001", NOVEMBER),
         *(till.settled(A, 1_000 * n, NOVEMBER) for n in range(1, 20)),
         till.votes(A, NOVEMBER, C010=10))
    with central.begin() as conn:
        scans = _scans(conn, BALANCE, l=A)
    if central.dialect.name == "postgresql":
        assert scans == {("producers", "Index Only Scan producers_pkey"),
                         ("points_ledger", "Index Only Scan ix_ledger_login_kind_delta")}
    else:
        assert any("COVERING INDEX ix_ledger_login_kind_delta" in how for _, how in scans)
        assert not any(how.startswith("SCAN l") for _, how in scans)


def test_the_board_is_read_from_the_totals_key(central):
    till = FakeTill(1)
    send(central, till.cast(C010="Hikari"), till.card_issued(A, "100000000001", NOVEMBER),
         till.settled(A, 10_000, NOVEMBER), till.votes(A, NOVEMBER, C010=10))
    with central.begin() as conn:
        scans = _scans(conn, BOARD, m="2026-11")
    if central.dialect.name == "postgresql":
        assert scans == {("cast_month_totals", "Index Scan pk_cast_month_totals")}
    else:
        assert [how for _, how in scans if "cast_month_totals" in how] == [
            "SEARCH cast_month_totals USING INDEX sqlite_autoindex_cast_month_totals_1 "
            "(business_month=?)"]
