"""0003 (close-out and refunds) on a store that was at 0001 and holds a night of sales."""

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bp_till.clock import FakeClock
from bp_till.domain.settlement import Tender
from bp_till.services import checks, corrections, producers
from bp_till.services.context import TillContext
from bp_till.services.settle import settle_check
from bp_till.store.db import open_store
from bp_till.store.models import Base
from tests.conftest import EVENING
from tests.support.old_stores import copy_into_revision


def _rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_upgrade_from_0001_keeps_the_night_and_takes_refunds(ctx, tmp_path, cashier, manager):
    card = producers.issue_producer(ctx, cashier)
    check = checks.open_check(ctx, cashier, "T1", 1)
    checks.add_line(ctx, cashier, check, "C01", 2, "C001")
    checks.attach_producer(ctx, cashier, check, card.card_number)
    settle_check(ctx, cashier, check, [Tender("card", 2_000)])
    ctx.store.dispose()
    path = tmp_path / "old.db"
    copy_into_revision(ctx.store.path, path, "0001")
    assert _rows(path, "SELECT version_num FROM alembic_version") == [("0001",)]

    store = open_store(path)  # migrates to the head, 0003 included
    with store.write_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    assert _rows(path, "SELECT number, status, total, voided_at FROM checks") == [
        (1, "settled", 2_000, None)]
    assert _rows(path, "SELECT status, figures FROM business_days") == [("open", None)]
    assert _rows(path, "SELECT count(*) FROM check_lines") == [(1,)]
    later = TillContext(store=store, clock=FakeClock(EVENING))
    corrections.refund_check(later, manager, check, "photo came out blank")
    assert _rows(path, "SELECT total, spend_points, vote_points FROM refunds") == [(-2_000, -20, -20)]
    assert _rows(path, "SELECT spend_points, vote_points FROM producers") == [(0, 0)]
    store.dispose()
