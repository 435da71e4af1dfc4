"""Connecting to the central database and creating its schema (`bp-till central init`)."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event, inspect, text

from bp_till.central import totals
from bp_till.central.postgres import init_postgres
from bp_till.central.schema import MASTERDATA_COLUMNS, cast_month_totals, metadata, points_ledger
from bp_till.central.views import VIEWS
from bp_till.central.website import WEBSITE_INDEXES, website_views

CONNECT_TIMEOUT_S = 5


class OlderCentralSchema(RuntimeError):
    """A central database made by a bp-till from before the insert-only schema."""


def central_engine(url: str, **pool) -> Engine:
    """An engine with a short connect timeout, so a dead central server fails fast.

    ``pool``: the connection pool's size for a server with many clients at
    once (the portal); a till's sync needs SQLAlchemy's default. A till pings
    a pooled connection before use (its central may have restarted since the
    last round, minutes ago); the portal may not (see portal/app.py).
    """
    if url.startswith("postgresql"):
        pool.setdefault("pool_pre_ping", True)
        return create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, **pool)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_foreign_keys)
        return engine
    return create_engine(url, pool_pre_ping=True, **pool)


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=ON")  # as PostgreSQL would enforce them
    # A pull reads in one snapshot (sync/pull.py); in WAL mode that blocks no push meanwhile.
    dbapi_connection.execute("PRAGMA journal_mode=WAL")


def _refuse_older_schema(conn) -> None:
    inspector = inspect(conn)
    if "events" in inspector.get_table_names() and "ingest_id" not in {
            c["name"] for c in inspector.get_columns("events")}:
        raise OlderCentralSchema(
            "This central database was made by an older bp-till (events have no ingest_id). "
            "It is left as it is; point the tills at a new one made by `bp-till central init`.")


# A central made before the covering ledger index: the index by login it replaces.
OLD_LEDGER_INDEX = "ix_central_ledger_login"


def _upgrade(conn, before: set[str]) -> None:
    """What a central made by an older bp-till lacks besides new tables (made by create_all).

    Every step finds out for itself whether it is needed, so running init again does nothing.
    """
    if cast_month_totals.name not in before:
        totals.upgrade(conn, VIEWS["monthly_cast_ranking"])
    if OLD_LEDGER_INDEX in {i["name"] for i in inspect(conn).get_indexes(points_ledger.name)}:
        for index in points_ledger.indexes:  # PostgreSQL: ingests wait while it builds
            index.create(conn, checkfirst=True)
        conn.execute(text(f"DROP INDEX {OLD_LEDGER_INDEX}"))
    _masterdata_columns(conn)


# The views that read the master data's versions, made again when their columns are new.
MASTERDATA_VIEWS = ("cast_roster", "menu_items")


def _masterdata_columns(conn) -> None:
    """Retired, order and window of the cast and menu (a central from before the maintenance)."""
    added = False
    for table, columns in MASTERDATA_COLUMNS.items():
        have = {c["name"] for c in inspect(conn).get_columns(table)}
        for name, kind in columns:
            if name not in have:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} "
                                  f"{kind.compile(dialect=conn.dialect)}"))
                added = True
    if added:
        for view in MASTERDATA_VIEWS:  # made again below, with the new columns
            conn.execute(text(f"DROP VIEW IF EXISTS {view}"))


def init_central(engine: Engine) -> list[str]:
    """Create what is missing; safe to run again. Returns the tables it created.

    On PostgreSQL it also creates the website's functions and the terminal
    and website roles with their grants (postgres.py).
    """
    with engine.begin() as conn:
        _refuse_older_schema(conn)
        before = set(inspect(conn).get_table_names())
        metadata.create_all(conn)
        if before:
            _upgrade(conn, before)
        views = set(inspect(conn).get_view_names())
        for name, select in {**VIEWS, **website_views(conn.dialect.name)}.items():
            if name not in views:
                conn.execute(text(f"CREATE VIEW {name} AS {select}"))
        for statement in WEBSITE_INDEXES:
            conn.execute(text(statement))
        if conn.dialect.name == "postgresql":
            init_postgres(conn)
        return sorted(set(inspect(conn).get_table_names()) - before)
