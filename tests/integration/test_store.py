import json
import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from bp_till.domain.errors import InvalidInput
from bp_till.store.db import alembic_config, open_store
from bp_till.store.models import Base, Counter, OutboxEvent


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
        "bp_till.services.settle, bp_till.services.producers, bp_till.cli, bp_till.simulate; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
