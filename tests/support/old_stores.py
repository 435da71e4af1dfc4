"""Stores at an old schema revision, holding today's data, for the migration tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bp_till.store.db import migrate, open_store


def copy_into_revision(source_path: Path, path: Path, revision: str = "0001") -> None:
    """What a till at ``revision`` would hold: every row of ``source_path``, in that
    revision's columns (a store built by today's services, copied down)."""
    old = open_store(path, migrate_schema=False)
    migrate(old.write_engine, revision)
    old.dispose()
    with sqlite3.connect(source_path) as source, sqlite3.connect(path) as target:
        tables = [t for (t,) in target.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'")]
        for table in tables:
            columns = ", ".join(r[1] for r in target.execute(f"PRAGMA table_info({table})"))
            rows = source.execute(f"SELECT {columns} FROM {table}").fetchall()
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                target.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
