"""0010 (a producer from another till has no password hash here) on a store at 0009 in use."""

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bp_till.domain.settlement import Tender
from bp_till.services import checks, producers
from bp_till.services.settle import settle_check
from bp_till.store.db import alembic_config, open_store
from bp_till.store.models import Base


def _rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_upgrade_from_0009_keeps_producers_cards_checks_and_points(ctx, tmp_path, cashier):
    card = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "C01", 2, "C001")
    checks.attach_producer(ctx, cashier, check, card.card_number)
    settle_check(ctx, cashier, check, [Tender("card", 2_000)])
    command.downgrade(alembic_config(ctx.store.write_engine), "0009")  # the store as 0009 had it
    ctx.store.dispose()
    path = ctx.store.path
    assert _rows(path, "SELECT version_num FROM alembic_version") == [("0009",)]
    assert "password_hash VARCHAR(200) NOT NULL" in _rows(
        path, "SELECT sql FROM sqlite_master WHERE name = 'producers'")[0][0]
    before = _rows(path, "SELECT id, login_id, password_hash, spend_points FROM producers")

    store = open_store(path)  # migrates to the head, 0010 included
    with store.write_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    store.dispose()
    assert _rows(path, "SELECT id, login_id, password_hash, spend_points FROM producers") == before
    assert before[0][2].startswith("$argon2id$") and before[0][3] == 20
    assert _rows(path, "SELECT count(*) FROM cards WHERE producer_id = 1") == [(1,)]
    assert _rows(path, "SELECT sum(delta) FROM points_ledger WHERE producer_id = 1") == [(40,)]
    with sqlite3.connect(path) as conn:  # a producer pulled from another till: no hash here
        conn.execute("INSERT INTO producers (login_id, password_hash, created_at, spend_points, "
                     "vote_points) VALUES ('100200000018', NULL, '2026-11-20T10:00:00.000000+00:00', "
                     "0, 0)")
