"""Opening the local store: SQLite pragmas for money data, migrations on start.

Two engines share the file: writes begin with ``BEGIN IMMEDIATE`` so two
actions never interleave and a busy store waits instead of failing half way;
reads begin deferred so the screen never takes the write lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import re
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bp_till.domain.errors import StoreUnreadable
from bp_till.store.backup import BACKUP_FOLDER, backup_store

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
sql_log = logging.getLogger("bp_till.store.sql")

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000


def trace_sql(dbapi_connection) -> None:
    """With ``bp_till.store.sql`` at DEBUG, every statement of this connection is logged
    with its values: also those the unit of work sends to sqlite3 directly, which
    SQLAlchemy's own ``sqlalchemy.engine`` log never sees. Off, it costs nothing."""
    on = sql_log.isEnabledFor(logging.DEBUG)
    dbapi_connection.set_trace_callback(_log_statement if on else None)


def _log_statement(statement: str) -> None:
    sql_log.debug("%s", statement)


def _sqlite_engine(path: Path, begin: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's begin event (below) issue BEGIN, not the sqlite3 module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        # Straight to sqlite3: through SQLAlchemy's statement machinery this cost 13 µs of
        # every action and every read, a few per cent of a settle.
        connection.connection.dbapi_connection.execute(begin)

    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


# The two lines alembic writes at the top of every migration file.
_REVISION = re.compile(r"^revision = ['\"](\w+)['\"]$", re.MULTILINE)
_PARENT = re.compile(r"^down_revision = (?:['\"](\w+)['\"]|None)$", re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration, read from the files without importing alembic.

    Importing alembic costs about a second of the till's start; a store already at
    the head does not need it. None (let alembic decide) unless every file names
    exactly one revision and one plain parent, and one revision is nobody's parent.
    """
    revisions, parents = set(), set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        named, parent = _REVISION.findall(text), _PARENT.findall(text)
        if len(named) != 1 or len(parent) != 1:
            return None
        revisions.add(named[0])
        parents.add(parent[0])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except OperationalError:  # a new store: no version table yet
            return None


def migrate(engine: Engine, revision: str = "head",
            before_upgrade: Callable[[str, str], None] | None = None) -> None:
    """Bring the schema to ``revision``; a no-op (and cheap) when it is there.

    ``before_upgrade(current, target)`` runs first when a store that has a schema
    is about to change (not for a new, empty one).
    """
    if revision == "head" and (head := head_revision()) and _stored_revision(engine) == head:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    cfg = alembic_config(engine)
    target = ScriptDirectory.from_config(cfg).get_current_head() if revision == "head" else revision
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == target:
        return
    if current is not None and before_upgrade is not None:
        before_upgrade(current, target)
    log.info("migrating the store from %s to %s", current, target)
    try:
        command.upgrade(cfg, revision)
    except CommandError:  # a schema revision this version does not know
        raise StoreUnreadable(
            f"The store {engine.url.database} was written by a newer version of bp-till; "
            "install that version to open it."
        ) from None


def backup_before_upgrade(path: Path) -> Callable[[str, str], None]:
    """An upgrade first copies the store to backups/, so a failed one can be undone."""
    def take(current: str, target: str) -> None:
        folder = path.parent / BACKUP_FOLDER
        folder.mkdir(exist_ok=True)
        copy = backup_store(path, folder, label=f"before-{target}")
        log.info("store at %s backed up to %s before the upgrade to %s", current, copy.path, target)

    return take


@dataclass
class Store:
    """The local store: a write and a read session factory over one file."""

    path: Path
    write_engine: Engine
    read_engine: Engine

    def __post_init__(self) -> None:
        self.writer = sessionmaker(self.write_engine, expire_on_commit=False)
        self.reader = sessionmaker(self.read_engine, expire_on_commit=False)

    def read(self) -> Session:
        """A session for what the screen shows; it never writes."""
        return self.reader()

    def dispose(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()


def open_store(path: Path, *, migrate_schema: bool = True) -> Store:
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(
        path, _sqlite_engine(path, "BEGIN IMMEDIATE"), _sqlite_engine(path, "BEGIN")
    )
    if migrate_schema:
        try:
            migrate(store.write_engine, before_upgrade=backup_before_upgrade(path))
        except DatabaseError as exc:  # not SQLite, or pages missing: nothing to repair here
            store.dispose()
            reason = str(exc.orig).strip() if exc.orig is not None else type(exc).__name__
            raise StoreUnreadable(
                f"The store {path} cannot be read ({reason}). Nothing was changed; "
                "restore it from a backup or ask IT."
            ) from None
        except StoreUnreadable:
            store.dispose()
            raise
    return store
