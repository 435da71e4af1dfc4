"""The board's running totals (cast_month_totals) stay equal to the votes they sum.

Tills' votes, website votes, refused votes and batches sent again go in, on
SQLite (the Python ingest) and PostgreSQL (the SQL functions); afterwards the
totals are a GROUP BY over the votes ledger and the board is in the order the
view gave when it still aggregated the votes itself.
"""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import ProgrammingError

from bp_till.central import reads
from bp_till.central.db import init_central
from bp_till.central.ingest import ingest
from bp_till.central.postgres import TERMINAL_ROLE, WEBSITE_ROLE
from bp_till.central.votes import VoteRefused, cast_vote
from bp_till.domain.business_day import TOKYO
from tests.central.feed import FakeTill, send
from tests.central.test_postgres import _as

A, B, C, NOBODY = "10000000001", "10000000002", "10000000003", "10000000009"
NOVEMBER = datetime(2026, 11, 20, 20, 0, tzinfo=TOKYO)
DECEMBER = datetime(2026, 12, 1, 5, 0, tzinfo=TOKYO)  # the first minute of December's board
on_postgresql = pytest.mark.parametrize("central", ["postgresql"], indirect=True)

# The board as the view computed it before the totals: straight from the votes.
FROM_THE_VOTES = """
SELECT business_month, cast_code, points, last_vote_at,
       ROW_NUMBER() OVER (PARTITION BY business_month
                          ORDER BY points DESC, last_vote_at, cast_code) AS place
FROM (SELECT business_month, cast_code, SUM(points) AS points, MAX(voted_at) AS last_vote_at
      FROM votes GROUP BY business_month, cast_code) t
WHERE points > 0"""
TOTALS = "SELECT business_month, cast_code, points, last_vote_at FROM cast_month_totals"
GROUPED = ("SELECT business_month, cast_code, SUM(points), MAX(voted_at) FROM votes "
           "GROUP BY business_month, cast_code")
BOARD = "SELECT business_month, cast_code, points, last_vote_at, place FROM monthly_cast_ranking"


def _website(central, login: str, cast_code: str, points: int) -> None:
    """A website vote as the portal casts it, now: the SQL function, or its twin on SQLite."""
    with central.begin() as conn:
        if central.dialect.name == "postgresql":
            conn.execute(text("SELECT cast_vote(:l, :c, :p)"), {"l": login, "c": cast_code,
                                                                 "p": points})
        else:
            cast_vote(conn, login, cast_code, points, datetime.now(UTC))


def _rows(central, query: str) -> list[tuple]:
    with central.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(text(query)))


def _assert_totals_are_the_votes(central) -> None:
    totals = _rows(central, TOTALS)
    assert totals == _rows(central, GROUPED)
    assert _rows(central, BOARD) == _rows(central, FROM_THE_VOTES)


def _a_month_of_votes(central) -> None:
    one, two = FakeTill(1), FakeTill(2)
    first = [one.cast(C010="Hikari", C020="Mio", C030="Rin"),
             one.card_issued(A, "100000000001", NOVEMBER),
             one.settled(A, 50_000, NOVEMBER),  # 500 vote points
             one.card_issued(B, "100000000002", NOVEMBER),
             one.settled(B, 20_000, NOVEMBER),  # 200
             one.votes(A, NOVEMBER, C020=100, C010=50),  # two cast members in one event
             one.votes(B, NOVEMBER - timedelta(minutes=10), C010=100),
             one.votes(NOBODY, NOVEMBER, C030=7)]  # refused: unknown producer
    send(central, *first)
    send(central, *first)  # the till died before marking them sent: counted once
    _website(central, A, "C030", 50)
    # Till 2 was offline: its votes are older than those above, and arrive after them.
    late = [two.card_issued(C, "100000000003", NOVEMBER - timedelta(hours=2)),
            two.settled(C, 10_000, NOVEMBER - timedelta(hours=2)),
            two.votes(C, NOVEMBER - timedelta(hours=1), C030=50, C020=50),
            two.votes(B, NOVEMBER - timedelta(minutes=30), C020=150)]  # refused: 100 left
    send(central, *late)
    send(central, *late[2:], two.votes(A, DECEMBER, C010=300))  # known ones and a new one
    with pytest.raises(VoteRefused if central.dialect.name == "sqlite" else Exception,
                       match="vote points"):
        _website(central, B, "C010", 1_000)  # refused: nothing written


def test_the_totals_are_the_votes_and_the_board_is_as_before(central):
    _a_month_of_votes(central)
    _assert_totals_are_the_votes(central)
    with central.connect() as conn:
        november = [(r.cast_code, r.points) for r in reads.ranking(conn, ["2026-11"])]
        december = reads.ranking(conn, ["2026-12"])
        refused = conn.scalar(text("SELECT count(*) FROM vote_refusals"))
    # C010 and C020 tie on 150, both last voted for at 20:00 (A's vote): by code, C010 first.
    # C's vote for C020, at 19:00 but counted after A's, does not make C020's total earlier.
    assert november == [("C010", 150), ("C020", 150), ("C030", 50)]
    assert (december[0].cast_code, december[0].points) == ("C010", 300)
    assert refused == 2


def test_the_upgrade_counts_an_older_centrals_votes_in_once_and_covers_the_ledger(central):
    _a_month_of_votes(central)
    expected = _rows(central, TOTALS)
    with central.begin() as conn:  # the central as a bp-till before the totals made it
        if central.dialect.name == "postgresql":
            conn.execute(text(f"CREATE OR REPLACE VIEW monthly_cast_ranking AS {FROM_THE_VOTES}"))
        else:
            conn.execute(text("DROP VIEW monthly_cast_ranking"))
            conn.execute(text(f"CREATE VIEW monthly_cast_ranking AS {FROM_THE_VOTES}"))
        conn.execute(text("DROP TABLE cast_month_totals"))
        conn.execute(text("DROP INDEX ix_ledger_login_kind_delta"))  # and the ledger by login
        conn.execute(text("CREATE INDEX ix_central_ledger_login ON points_ledger (login_id)"))
    assert init_central(central) == ["cast_month_totals"]
    with central.connect() as conn:
        assert [i["name"] for i in inspect(conn).get_indexes("points_ledger")] == [
            "ix_ledger_login_kind_delta"]
    assert _rows(central, TOTALS) == expected
    init_central(central)  # again: nothing counted twice
    assert _rows(central, TOTALS) == expected
    with central.connect() as conn:
        view = conn.scalar(text("SELECT definition FROM pg_views WHERE viewname = "
                                "'monthly_cast_ranking'") if central.dialect.name == "postgresql"
                           else text("SELECT sql FROM sqlite_master WHERE name = "
                                     "'monthly_cast_ranking'"))
    assert "cast_month_totals" in view
    send(central, FakeTill(3).settled(A, 1_000, DECEMBER))  # 10 vote points more …
    _website(central, A, "C020", 5)  # … and the totals keep counting
    _assert_totals_are_the_votes(central)


@on_postgresql
def test_the_roles_move_the_totals_only_through_the_functions(central):
    till = FakeTill(1)
    send(central, till.cast(C010="Hikari"), till.card_issued(A, "100000000001", NOVEMBER),
         till.settled(A, 10_000, NOVEMBER))
    website, terminal = _as(central, WEBSITE_ROLE), _as(central, TERMINAL_ROLE)
    try:
        with website.begin() as conn:
            conn.execute(text("SELECT cast_vote(:l, 'C010', 30)"), {"l": A})
        with terminal.begin() as conn:
            ingest(conn, [till.votes(A, NOVEMBER, C010=20)])
        for role in (website, terminal):
            with role.connect() as conn:  # the board, read through the view's owner
                assert conn.execute(text("SELECT sum(points) FROM monthly_cast_ranking"
                                         )).scalar() == 50
            for statement in (TOTALS, "UPDATE cast_month_totals SET points = points + 1000",
                              "INSERT INTO cast_month_totals VALUES ('2026-11', 'C010', 1, "
                              "now())", "DELETE FROM cast_month_totals"):
                with role.connect() as conn, pytest.raises(ProgrammingError,
                                                           match="permission denied"):
                    conn.execute(text(statement))
    finally:
        website.dispose()
        terminal.dispose()
    _assert_totals_are_the_votes(central)


def test_no_vote_is_in_the_totals_of_a_batch_that_rolled_back(central):
    till = FakeTill(1)
    send(central, till.cast(C010="Hikari"), till.card_issued(A, "100000000001", NOVEMBER),
         till.settled(A, 10_000, NOVEMBER), till.votes(A, NOVEMBER, C010=10))
    with pytest.raises(RuntimeError), central.begin() as conn:
        ingest(conn, [till.votes(A, NOVEMBER.astimezone(UTC), C010=40)])
        raise RuntimeError("the connection dropped before the commit")
    _assert_totals_are_the_votes(central)
    assert _rows(central, TOTALS)[0][2] == 10
