"""Upgrading a till: migrations run on start, and a backup of the store is taken first."""

import shutil
import sqlite3
from contextlib import closing

import pytest

from bp_till.services.checks import open_check
from bp_till.store import db
from bp_till.store.db import MIGRATIONS, alembic_config, open_store

NEXT = '''
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("gift_cards", sa.Column("id", sa.Integer, primary_key=True))
    {fail}


def downgrade():
    op.drop_table("gift_cards")
'''


def _next_release(tmp_path, monkeypatch, fail: bool = False) -> str:
    """The shipped migrations plus one more, as the next release of the app would bring."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    folder = tmp_path / "next-release-migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_next_release.py").write_text(NEXT.format(
        head=head, fail="raise RuntimeError('the upgrade broke')" if fail else ""))
    monkeypatch.setattr(db, "MIGRATIONS", folder)
    return head


def _query(path, sql):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchall()


def _tables(path):
    return {name for (name,) in _query(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def test_an_upgrade_backs_the_store_up_first(ctx, cashier, tmp_path, monkeypatch):
    open_check(ctx, cashier, "T3", 2)
    ctx.store.dispose()
    path = ctx.store.path
    old = _next_release(tmp_path, monkeypatch)

    upgraded = open_store(path)
    upgraded.dispose()

    (backup,) = (path.parent / "backups").glob("*.db")
    assert backup.name.startswith("till-") and backup.name.endswith("-before-9999.db")
    assert _query(backup, "SELECT version_num FROM alembic_version") == [(old,)]
    assert "gift_cards" not in _tables(backup)
    assert _query(backup, "SELECT table_label, guests FROM checks") == [("T3", 2)]
    assert _query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert _query(path, "SELECT version_num FROM alembic_version") == [("9999",)]
    assert "gift_cards" in _tables(path)
    assert _query(path, "SELECT table_label, guests FROM checks") == [("T3", 2)]
    assert _query(path, "SELECT count(*) FROM staff") == _query(backup, "SELECT count(*) FROM staff")

    open_store(path).dispose()  # already upgraded: no second backup
    assert len(list((path.parent / "backups").glob("*.db"))) == 1


def test_a_new_store_needs_no_backup(tmp_path, monkeypatch):
    _next_release(tmp_path, monkeypatch)
    open_store(tmp_path / "new" / "till.db").dispose()
    assert _query(tmp_path / "new" / "till.db", "SELECT version_num FROM alembic_version") == \
        [("9999",)]
    assert not (tmp_path / "new" / "backups").exists()


def test_a_failed_upgrade_leaves_the_store_as_it_was_and_the_backup_beside_it(
        ctx, cashier, tmp_path, monkeypatch):
    open_check(ctx, cashier, "T4", 1)
    ctx.store.dispose()
    path = ctx.store.path
    old = _next_release(tmp_path, monkeypatch, fail=True)

    with pytest.raises(RuntimeError, match="the upgrade broke"):
        open_store(path)

    assert _query(path, "SELECT version_num FROM alembic_version") == [(old,)]
    assert "gift_cards" not in _tables(path)  # the migration's transaction rolled back
    (backup,) = (path.parent / "backups").glob("*-before-9999.db")
    assert _query(backup, "SELECT table_label FROM checks") == [("T4",)]
