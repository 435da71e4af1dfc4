"""``bp-till backup``: a consistent copy of the store, safe while the till runs.

SQLite's online backup API copies the pages under one read transaction; in WAL
mode that read never blocks the cashier's writes, and what it copies is the
store as of one moment: every committed action whole, nothing half-written.
The copy is checked with ``PRAGMA integrity_check`` before it gets its name.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bp_till.domain.business_day import TOKYO
from bp_till.domain.errors import NotFound, TillError

BACKUP_FOLDER = "backups"


@dataclass(frozen=True)
class Backup:
    path: Path
    counts: dict[str, int]  # rows per table in the copy
    revision: str | None  # the schema revision the copy is at


def backup_name(moment: datetime, label: str = "") -> str:
    """``till-20261124-211500.db``, in shop time, so a manager finds last night's."""
    stamp = moment.astimezone(TOKYO).strftime("%Y%m%d-%H%M%S")
    return f"till-{stamp}{'-' + label if label else ''}.db"


def _free(path: Path) -> Path:
    """The path, or the same name with -2, -3 … when two backups share a second."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def backup_store(store: Path, destination: Path, label: str = "") -> Backup:
    """Copy ``store`` to ``destination``: a new file, or a timestamped one in a folder."""
    if not store.is_file():
        raise NotFound(f"There is no store at {store} to back up.")
    if destination.is_dir():
        destination = _free(destination / backup_name(datetime.now(TOKYO), label))
    elif destination.exists():
        raise TillError(f"{destination} already exists; a backup never overwrites a file.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(store, partial)
        counts, revision = _verify(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(destination)  # only a checked copy carries the backup's name
    return Backup(destination, counts, revision)


def _copy(store: Path, target: Path) -> None:
    # Read-only: a backup must never be the thing that changes the store.
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as source, \
            closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # all pages in one step: one snapshot
        # One self-contained file: no -wal beside it to lose when it is copied away.
        copy.execute("PRAGMA journal_mode=DELETE")


def _verify(path: Path) -> tuple[dict[str, int], str | None]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise TillError(f"The backup failed its integrity check: {'; '.join(problems[:3])}")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return table_counts(conn), row[0] if row else None


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table of the store (Alembic's bookkeeping left out), read in one transaction."""
    conn.execute("BEGIN")  # one snapshot, even while the till writes
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY name")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.rollback()


def restore_store(backup: Path, store: Path) -> Path | None:
    """Put a checked backup in the store's place; returns where the old store was kept.

    The old store and its write-ahead files are renamed, never deleted
    (``till-damaged-…db``, with its -wal and -shm beside it, so it still opens).
    The backup is copied in as ``till.db.partial`` first and renamed last, so
    a restore cut short leaves either no store or a whole one.
    """
    if not backup.is_file():
        raise NotFound(f"There is no backup at {backup}.")
    _verify(backup)  # a damaged backup is refused before anything moves
    if _in_use(store):
        raise TillError(f"{store} is open in another program (the till, or a bp-till command): "
                        "close it first, then restore.")
    kept = None
    if store.exists():
        kept = _free(store.with_name(backup_name(datetime.now(TOKYO), "damaged")))
        for suffix in ("-wal", "-shm"):
            side = store.with_name(store.name + suffix)
            if side.exists():
                side.rename(kept.with_name(kept.name + suffix))
        store.rename(kept)
    partial = store.with_name(store.name + ".partial")
    partial.unlink(missing_ok=True)
    _copy(backup, partial)
    partial.rename(store)
    return kept


def _in_use(store: Path) -> bool:
    """Whether another connection has the store open: it holds a lock an exclusive one needs.

    (An idle till in WAL mode holds no lock on the file itself, but does on its shared
    memory, which exclusive locking mode must take too.)
    """
    if not store.exists():
        return False
    with closing(sqlite3.connect(store, timeout=0)) as conn:
        try:
            conn.execute("PRAGMA locking_mode=EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")
            conn.rollback()
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        except sqlite3.DatabaseError:
            return False  # too damaged to say; nothing can be writing to it sensibly
    return False
