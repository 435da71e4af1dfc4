import json
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from bp_till.domain.errors import InvalidInput
from bp_till.store.db import alembic_config, migrate, open_store
from bp_till.store.models import Base, Counter, OutboxEvent, Staff


def test_pragmas_for_money_data(ctx):
    with ctx.store.write_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_migration_from_empty_matches_the_models(tmp_path):
    store = open_store(tmp_path / "new.db")
    with store.write_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert diff == []
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
    store.dispose()


def test_migration_from_the_first_schema_keeps_its_data(tmp_path, template_store):
    """A till installed with schema 0001, holding a night's data, upgrades in place."""
    import sqlite3

    path = tmp_path / "old.db"
    old = open_store(path, migrate_schema=False)
    migrate(old.write_engine, "0001")
    old.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO staff (name, role, pin_hash, failed_pin_attempts, active, created_at)"
                     " VALUES ('Old', 'cashier', 'x', 0, 1, '2026-01-01T00:00:00.000000Z')")
        conn.execute("INSERT INTO counters (name, value) VALUES ('outbox', 41)")
    upgraded = open_store(path)
    with upgraded.read() as session:
        assert session.get(Counter, "outbox").value == 41
        assert session.scalar(select(func.count()).select_from(Staff)) == 1
    with upgraded.write_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    upgraded.dispose()


def test_reopening_a_migrated_store_keeps_its_data(ctx, cashier):
    from bp_till.services.checks import open_check

    open_check(ctx, cashier, "T1", 2)
    ctx.store.dispose()
    again = open_store(ctx.store.path)
    with again.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEvent)) >= 0
        assert session.get(Counter, "check").value == 1
    again.dispose()


def test_unit_of_work_rolls_back_unless_committed(ctx):
    with ctx.uow() as uow:
        uow.emit("test.event", {"n": 1})
    with ctx.uow() as uow:
        uow.emit("test.event", {"n": 2})
        uow.commit()
    with ctx.store.read() as session:
        rows = session.scalars(select(OutboxEvent).where(OutboxEvent.type == "test.event")).all()
    assert [json.loads(r.payload) for r in rows] == [{"n": 2}]


def test_outbox_sequence_is_gapless_across_failed_actions(ctx, cashier):
    from bp_till.services.checks import add_line, open_check

    check = open_check(ctx, cashier, "T1", 1)
    for attempt in range(6):
        with ctx.uow() as uow:
            uow.emit("test.event", {"attempt": attempt})
            if attempt % 2 == 0:  # odd attempts end without commit, as a crash would
                uow.commit()
        with pytest.raises(InvalidInput):
            add_line(ctx, cashier, check, "F01", 0)
    with ctx.store.read() as session:
        seqs = session.scalars(select(OutboxEvent.seq).order_by(OutboxEvent.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1))
    assert len(seqs) >= 3


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, bp_till.domain.money, bp_till.domain.points, bp_till.store.db, "
        "bp_till.services.settle, bp_till.services.producers, bp_till.cli, bp_till.simulate, "
        "bp_till.services.card_desk, bp_till.services.receipts, bp_till.printing.queue; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_migration_0004_adds_the_print_journal_to_a_store_holding_sales(ctx, tmp_path, cashier):
    from bp_till.domain.settlement import Tender
    from bp_till.printing.queue import JobKind, JobState, Printout
    from bp_till.services.checks import add_line, open_check
    from bp_till.services.context import TillContext
    from bp_till.services.receipts import StoreJournal
    from bp_till.services.settle import settle_check
    from bp_till.store.models import Check, PrintJob
    from tests.support.old_stores import copy_into_revision

    check = open_check(ctx, cashier, "T1", 1)
    add_line(ctx, cashier, check, "F01")
    settle_check(ctx, cashier, check, [Tender("cash", 2_000)])
    ctx.store.dispose()
    path = tmp_path / "old.db"
    copy_into_revision(ctx.store.path, path, "0001")

    store = open_store(path)  # migrates to the head, as the till does on start
    with store.read() as session:
        (kept,) = session.scalars(select(Check)).all()
        assert (kept.status, kept.total, kept.change) == ("settled", 1_500, 500)
    later = TillContext(store=store, clock=ctx.clock)
    journal = StoreJournal(later)
    journal.queued("job1", Printout(JobKind.RECEIPT, None, later.clock.now(), ref=check))
    journal.finished("job1", JobState.CONFIRMED, None)
    with store.read() as session:
        assert session.get(PrintJob, "job1").check.number == kept.number
    store.dispose()
