"""Connecting to the central database and creating its schema (`bp-till central init`)."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event, inspect, text

from bp_till.central.schema import PRODUCER_BALANCES_SQL, metadata

CONNECT_TIMEOUT_S = 5


def central_engine(url: str) -> Engine:
    """An engine with a short connect timeout, so a dead central server fails fast."""
    if url.startswith("postgresql"):
        return create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
                             pool_pre_ping=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_foreign_keys)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=ON")  # as PostgreSQL would enforce them


def init_central(engine: Engine) -> list[str]:
    """Create what is missing; safe to run again. Returns the tables it created."""
    with engine.begin() as conn:
        before = set(inspect(conn).get_table_names())
        metadata.create_all(conn)
        if "producer_balances" not in inspect(conn).get_view_names():
            conn.execute(text(PRODUCER_BALANCES_SQL))
        return sorted(set(inspect(conn).get_table_names()) - before)
