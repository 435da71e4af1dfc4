"""What only the PostgreSQL central has: the pull's cursor under concurrency, the roles."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from bp_till import simulate
from bp_till.bootstrap import Till
from bp_till.central import reads
from bp_till.central.db import init_central
from bp_till.central.ingest import ingest
from bp_till.central.postgres import TERMINAL_ROLE, WEBSITE_ROLE
from bp_till.central.projections import NOT_ENOUGH
from bp_till.central.schema import WRITE_ORDER, events
from bp_till.central.views import VIEWS
from bp_till.config import Config
from bp_till.printing.printers import Printer
from bp_till.sync.push import pending_count, push
from tests.central.feed import FakeTill, send
from tests.central.test_reads import NIGHT
from tests.sync.test_push import _central_balances, _local_balances

on_postgresql = pytest.mark.parametrize("central", ["postgresql"], indirect=True)


def _last_check_number(ctx) -> int:
    """The newest check number this till's events name (a check cancelled open sends none)."""
    with ctx.store.read() as session:
        return session.scalar(text(
            "SELECT max(json_extract(payload, '$.check_number')) FROM outbox "
            "WHERE type IN ('check.settled', 'check.voided', 'check.refunded')"))


def _as(central, role):
    url = make_url(central.url.render_as_string(hide_password=False)).set(username=role)
    return create_engine(url)


@on_postgresql
def test_a_batch_that_commits_late_with_lower_ids_is_not_skipped(central):
    one, two = FakeTill(1), FakeTill(2)
    send(central, one.card_issued("10000000001", "100000000001", NIGHT),
         two.card_issued("10000000002", "100000000002", NIGHT))
    with central.connect() as slow:
        slow_batch = slow.begin()
        ingest(slow, [one.settled("10000000001", 1_000, NIGHT)])  # takes the lower ingest_id
        send(central, two.settled("10000000002", 2_000, NIGHT))  # a higher one, committed first
        with central.connect() as conn:
            ids = conn.execute(text("SELECT ingest_id FROM events ORDER BY ingest_id")).scalars()
            assert list(ids) == [1, 2, 4]  # 3 is the slow batch's, not visible yet
            first, cursor = reads.changed_producers(conn, 0)
        assert {(s.login_id, s.spend_points) for s in first} == {
            ("10000000001", 0), ("10000000002", 20)}
        slow_batch.commit()
    with central.connect() as conn:
        after, _ = reads.changed_producers(conn, cursor)
    assert ("10000000001", 10) in {(s.login_id, s.spend_points) for s in after}


@on_postgresql
def test_the_terminal_role_ingests_a_real_night_and_can_change_or_read_no_secret(
        central, ctx, tmp_path):
    init_central(central)  # a second init changes nothing and keeps the grants
    till = Till(Config(data_dir=tmp_path), ctx, Printer(f"file://{tmp_path / 'prints.bin'}"))
    simulate.run(till, 15, 1)
    terminal = _as(central, TERMINAL_ROLE)
    try:
        queued = pending_count(ctx)
        result = push(ctx, terminal, batch_size=25)
        assert (result.sent, result.new, result.pending) == (queued, queued, 0)
        assert _central_balances(central) == _local_balances(ctx)
        with terminal.connect() as conn:  # the pull works as the terminal too
            states, _ = reads.changed_producers(conn, 0)
            assert {s.login_id: (s.spend_points, s.vote_points) for s in states} == (
                _local_balances(ctx))
            assert reads.refusals(conn, 1) == []  # the till checked its votes, none refused
            assert len(reads.cast_roster(conn)) > 0 and len(reads.menu(conn)) > 0
            # What a restored till reads to number on: its numbers, never a payload's secrets.
            assert reads.history_from(conn, 1, 0).check_number == _last_check_number(ctx) > 0
        refused = [
            "SELECT password_hash FROM credentials",
            "SELECT * FROM current_credentials",
            "SELECT payload FROM events",
            "SELECT * FROM events",
            "SELECT cast_vote('10000000001', 'C010', 1)",
            # A till writes only through ingest_events, which checks its votes.
            "INSERT INTO points_ledger (event_id, login_id, kind, delta, reason) "
            "VALUES ('x', '10000000001', 'vote', 1000, 'adjustment')",
            "INSERT INTO votes (event_id, login_id, cast_code, points, business_month, "
            "voted_at, terminal) VALUES ('x', '10000000001', 'C010', 1, '2026-11', now(), 1)",
            "INSERT INTO events (event_id, terminal, seq, type, version, payload, received_at) "
            "VALUES ('x', 1, 999999, 'menu.updated', 1, '{\"items\": []}', now())",
        ]
        for table in [events, *WRITE_ORDER]:
            refused += [f"INSERT INTO {table.name} DEFAULT VALUES",
                        f"UPDATE {table.name} SET {next(iter(table.c)).name} = "
                        f"{next(iter(table.c)).name}",
                        f"DELETE FROM {table.name}", f"TRUNCATE {table.name}"]
        for statement in refused:
            with terminal.connect() as conn, pytest.raises(ProgrammingError,
                                                           match="permission denied"):
                conn.execute(text(statement))
    finally:
        terminal.dispose()


@on_postgresql
def test_a_till_cannot_lend_the_ingest_a_ledger_of_its_own(central):
    """A temporary table named like a central one is not what the function reads or writes."""
    send(central, *_producer_with_points(10))
    terminal = _as(central, TERMINAL_ROLE)
    till = FakeTill(1)
    till._seq = iter(range(100, 200))  # after _producer_with_points' events
    try:
        with terminal.begin() as conn:
            conn.execute(text("CREATE TEMPORARY TABLE points_ledger (id bigint, event_id text, "
                              "login_id text, kind text, delta int, reason text, note text)"))
            conn.execute(text("INSERT INTO points_ledger VALUES "
                              "(1, 'x', '10000000001', 'vote', 1000000, 'adjustment', NULL)"))
            assert ingest(conn, [till.votes("10000000001", NIGHT, C010=500)]) == 1
    finally:
        terminal.dispose()
    with central.connect() as conn:
        assert reads.refusals(conn, 1)[0].reason == NOT_ENOUGH
    assert _central_balances(central) == {"10000000001": (10, 10)}


@on_postgresql
def test_the_website_role_reads_the_views_and_votes_only_through_the_function(central):
    send(central, *_producer_with_points(100))
    website = _as(central, WEBSITE_ROLE)
    try:
        with website.begin() as conn:
            for view in VIEWS:
                conn.execute(text(f"SELECT * FROM {view}")).all()
            assert conn.scalar(text("SELECT cast_vote('10000000001', 'C010', 30)")) == 70
        for statement in ["INSERT INTO votes (event_id, login_id, cast_code, points, "
                          "business_month, voted_at, terminal) VALUES "
                          "('x', '10000000001', 'C010', 1, '2026-11', now(), 0)",
                          "SELECT * FROM credentials", "DELETE FROM points_ledger"]:
            with website.connect() as conn, pytest.raises(ProgrammingError,
                                                          match="permission denied"):
                conn.execute(text(statement))
    finally:
        website.dispose()
    assert _central_balances(central) == {"10000000001": (100, 70)}


def _producer_with_points(points: int):
    till = FakeTill(1)
    return (till.cast(C010="Hikari", C020="Mio", C030="Rin"),
            till.card_issued("10000000001", "100000000001", NIGHT),
            till.settled("10000000001", points * 100, NIGHT))
