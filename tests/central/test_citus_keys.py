"""Past one server: does every query the tills and the website send name its distribution key?

Citus is not packaged for this machine (Debian has no postgresql-15-citus), so this
checks the SQL instead of running it on Citus: the statements the tills' pull and
the portal send (captured from a real PostgreSQL central while they run), the
views, and the statements inside ingest_events, cast_vote and change_password,
each parsed by PostgreSQL's parser against the design in distribution.py
(docs/CENTRAL.md, "Past one server: Citus"). What misses its key today is listed
in KNOWN, each with the change the design makes for it; anything else fails, and
so does a KNOWN entry that no longer misses (the list cannot go stale).
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import event

from bp_till.central import reads
from bp_till.central.ingest_function import INGEST_EVENTS
from bp_till.central.postgres import CAST_VOTE
from bp_till.central.views import VIEWS
from bp_till.central.website import CHANGE_PASSWORD, website_views
from bp_till.domain.business_day import TOKYO
from bp_till.portal import reads as portal_reads
from tests.central.distribution import DESIGN, REFERENCE, key_misses, plpgsql_statements
from tests.central.feed import FakeTill, send
from tests.sync.conftest import postgres_central

NOW = datetime(2026, 11, 20, 21, 0, tzinfo=TOKYO)

# (where, relation) -> what the design changes on Citus (docs/CENTRAL.md says the same).
KNOWN = {
    ("view card_states", "cards"): "card_retirements gains login_id; the join adds it",
    ("view card_states", "card_retirements"): "card_retirements gains login_id; the join adds it",
    ("view current_credentials", "credentials"): "credentials keep their ingest order; no events",
    ("view current_credentials", "events"): "credentials keep their ingest order; no events",
    ("view producer_visits", "points_ledger"): "a visits table by login_id, written at ingest",
    ("view producer_visits", "events"): "a visits table by login_id, written at ingest",
    ("function cast_vote", "events"): "a website vote key is looked up among terminal 0's",
    ("function ingest_events", "card_retirements"): "card_retirements gains login_id",
    ("function ingest_events", "cast_credits"): "cast_credits gains the event's terminal",
    ("pull changed_producers", "events"): "the change feed reads every shard (by xid)",
    ("pull refusals", "events"): "the join names the till: AND events.terminal = :terminal",
    ("portal rank_table", "rank_tables"): "rank tables become a reference table, like the cast",
    ("portal standing", "rank_tables"): "rank tables become a reference table, like the cast",
}


def _view_misses(sql: str) -> list:
    """A view is read through: one distributed relation alone is keyed by the outer query."""
    misses = key_misses(sql)
    distributed = [m for m in misses if m.why.endswith("read on every shard")]
    alone = len({m.relation for m in distributed}) == 1 and not _joins_two(sql)
    return [m for m in misses if not (alone and m in distributed)]


def _joins_two(sql: str) -> bool:
    return sum(1 for name, place in DESIGN.items() if place != REFERENCE
               and re.search(rf"\b{name}\b", sql)) > 1


def _static() -> dict[str, list[str]]:
    views = {**VIEWS, **website_views("postgresql")}
    found = {f"view {name}": [sql] for name, sql in views.items()}
    for name, body in (("cast_vote", CAST_VOTE), ("change_password", CHANGE_PASSWORD),
                       ("ingest_events", INGEST_EVENTS)):
        found[f"function {name}"] = plpgsql_statements(body)
    return found


def _as_parsed(statement: str) -> str:
    """psycopg's placeholders as PostgreSQL's, for the parser."""
    return re.sub(r"%\(\w+\)[sb]", "$1", statement).replace("%%", "%")


@pytest.fixture
def sent(pg_url):
    """The tills' pull and the portal's reads on a central with a producer, votes and a refusal."""
    with postgres_central(pg_url) as central:
        till = FakeTill(1)
        send(central, till.cast(C01="Mio", C02="Rin"), till.menu(DR01=800),
             till.card_issued("10000000001", "200000000001", NOW),
             till.settled("10000000001", 5_000, NOW, cast_code="C01"),
             till.votes("10000000001", NOW, C01=20), till.votes("10000000001", NOW, C02=999),
             till.event("ranks.updated",
                        ranks=[{"name": "Regular", "threshold": 0, "multiplier_pct": 100}]),
             till.day_closed(NOW, checks=1))
        by_caller: dict[str, list[str]] = {}
        caller = [""]

        def capture(_conn, _cursor, statement, *_args) -> None:
            by_caller.setdefault(caller[0], []).append(_as_parsed(statement))

        event.listen(central, "before_cursor_execute", capture)
        calls = {
            "pull changed_producers": lambda c: reads.changed_producers(c, 0),
            "pull acknowledged": lambda c: reads.acknowledged(c, 1),
            "pull ranking": lambda c: reads.ranking(c, ["2026-11", "2026-10"]),
            "pull refusals": lambda c: reads.refusals(c, 1),
            "pull cast_roster": reads.cast_roster,
            "pull menu": reads.menu,
            "portal password_hash": lambda c: portal_reads.password_hash(c, "10000000001"),
            "portal rank_table": portal_reads.rank_table,
            "portal stage_names": lambda c: portal_reads.stage_names(c, {"C01"}),
            "portal standing": lambda c: portal_reads.standing(c, "10000000001"),
            "portal board": lambda c: portal_reads.board(c, NOW),
        }
        with central.connect() as conn:
            for name, call in calls.items():
                caller[0] = name
                assert call(conn) is not None
        event.remove(central, "before_cursor_execute", capture)
        yield by_caller


def _misses(where: str, statements: list[str]) -> set[tuple[str, str]]:
    check = _view_misses if where.startswith("view ") else key_misses
    return {(where, miss.relation) for sql in statements for miss in check(sql)}


def test_every_query_names_its_key_but_the_known_ones(sent):
    statements = {**_static(), **sent}
    assert len(sent) == 11 and all(sent.values())  # every read ran and was seen
    found = set().union(*(_misses(where, sql) for where, sql in statements.items()))
    assert found - KNOWN.keys() == set(), "new queries without their distribution key"
    assert KNOWN.keys() - found == set(), "fixed: take them off KNOWN (and docs/CENTRAL.md)"


def test_the_design_places_every_table_and_view():
    from bp_till.central.schema import metadata

    names = set(metadata.tables) | set(VIEWS) | set(website_views("postgresql"))
    assert names == set(DESIGN)


@pytest.mark.parametrize("sql", [
    "SELECT login_id FROM points_ledger WHERE kind = 'vote'",  # the whole ledger
    "SELECT login_id FROM producer_balances ORDER BY vote_points DESC LIMIT 10",
    "SELECT v.points FROM votes v JOIN producers p ON p.created_at = v.voted_at "
    "WHERE p.login_id = $1",  # a join not on the key
    "SELECT v.points FROM votes v JOIN events e ON e.event_id = v.event_id "
    "WHERE v.login_id = $1",  # producers and tills are not colocated
    "INSERT INTO votes (event_id, cast_code, points) VALUES ($1, $2, $3)",
    "SELECT cast_code FROM cast_month_totals WHERE points > 100",  # every month
    "SELECT count(*) FROM events WHERE type = 'card.issued'",
    "SELECT 1 FROM brand_new_table WHERE login_id = $1",  # not placed in the design
])
def test_a_query_without_its_key_is_caught(sql):
    assert key_misses(sql)


@pytest.mark.parametrize("sql", [
    "SELECT delta FROM points_ledger WHERE login_id = $1 AND kind = 'vote'",
    "SELECT v.points FROM votes v JOIN producers p ON p.login_id = v.login_id "
    "WHERE p.login_id = ANY($1)",
    "SELECT place FROM monthly_cast_ranking WHERE business_month IN ($1, $2)",
    "SELECT max(seq) FROM events WHERE terminal = $1",
    "SELECT code FROM cast_roster ORDER BY code",  # a reference table
    "INSERT INTO points_ledger (event_id, login_id, kind, delta, reason) "
    "VALUES ($1, $2, 'vote', -3, 'vote')",
])
def test_a_query_with_its_key_passes(sql):
    assert key_misses(sql) == []
