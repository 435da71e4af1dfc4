"""0015 (an event item's days on the menu) on a store at 0013 holding sales: in place, kept."""

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


def test_upgrade_from_0013_keeps_the_menu_and_the_lines_that_refer_to_it(ctx, cashier):
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "C01", 2, "C001")
    settle_check(ctx, cashier, check, [Tender("card", 2_000)])
    command.downgrade(alembic_config(ctx.store.write_engine), "0013")  # the store as 0013 had it
    ctx.store.dispose()
    path = ctx.store.path
    columns = {row[1] for row in _rows(path, "PRAGMA table_info(menu_items)")}
    assert "available_from" not in columns
    before = _rows(path, "SELECT * FROM menu_items ORDER BY id")
    lines = _rows(path, "SELECT menu_item_id, name_ja, unit_price FROM check_lines")

    store = open_store(path)  # migrates to the head, 0015 included
    with store.write_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    store.dispose()
    assert [row[:-2] for row in _rows(path, "SELECT * FROM menu_items ORDER BY id")] == before
    assert _rows(path, "SELECT DISTINCT available_from, available_until FROM menu_items") == [
        (None, None)]  # every item as it was: on the menu every night
    assert _rows(path, "SELECT menu_item_id, name_ja, unit_price FROM check_lines") == lines
