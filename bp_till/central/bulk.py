"""Many rows at once, for the Python ingest: SQLAlchemy's executemany per table.

The Python ingest is what an SQLite central runs (SQLite serialises writers
and has no network in between: executemany is as good as anything there).
On PostgreSQL the tills ingest through the SQL function instead
(ingest_function.py); the Python ingest runs there only as the schema's
owner, in the tests that hold the two to the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def _insert(conn: Connection, table: Table):
    """An INSERT that knows ON CONFLICT, in the connection's dialect."""
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(table)


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict], *,
                skip_conflicts_on: str | None = None, returning: tuple[str, ...] = ()):
    """Insert rows that all have the same keys; returns the result.

    ``skip_conflicts_on`` names a unique column whose known values are skipped
    (ON CONFLICT DO NOTHING); ``returning`` the columns of the rows inserted.
    """
    statement = _insert(conn, table)
    if skip_conflicts_on:
        statement = statement.on_conflict_do_nothing(index_elements=[skip_conflicts_on])
    if returning:
        statement = statement.returning(*(table.c[name] for name in returning))
    return conn.execute(statement, list(rows))


def insert_tables(conn: Connection, tables: dict[Table, Sequence[dict]]) -> None:
    """Rows into several tables, parents first."""
    for table, rows in tables.items():
        if rows:
            conn.execute(_insert(conn, table), list(rows))
