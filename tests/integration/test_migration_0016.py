"""0016 (merged checks), 0017 (checks paid in parts), 0018 (training) on a store at 0015: in place, kept."""

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bp_till.domain.settlement import Tender
from bp_till.services import checks
from bp_till.services.settle import settle_check
from bp_till.store.db import alembic_config, open_store
from bp_till.store.models import Base


def _rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_upgrade_from_0015_keeps_the_checks(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "T01", 1)
    settle_check(ctx, cashier, check, [Tender("card", 1_100)])
    command.downgrade(alembic_config(ctx.store.write_engine), "0015")
    ctx.store.dispose()
    path = ctx.store.path
    assert "merged_into" not in {row[1] for row in _rows(path, "PRAGMA table_info(checks)")}
    before = _rows(path, "SELECT id, number, status, total FROM checks")

    store = open_store(path)
    with store.write_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    store.dispose()
    assert _rows(path, "SELECT id, number, status, total FROM checks") == before
    assert _rows(path, "SELECT DISTINCT merged_into, split_plan FROM checks") == [(None, None)]
    assert _rows(path, "SELECT count(*) FROM check_parts") == [(0,)]
    # Checks stored before training existed are real sales, and the till is not in training.
    assert _rows(path, "SELECT DISTINCT training FROM checks") == [(0,)]
    assert _rows(path, "SELECT count(*) FROM training_mode") == [(0,)]
