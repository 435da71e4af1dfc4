"""Many rows in one INSERT: how a batch's events and projections reach the central tables.

On PostgreSQL the rows travel as one array per column, unnested by the
server: one short statement per table whatever the batch size, which psycopg
prepares once, instead of a statement per row (executemany) or a statement
text as long as the batch (multi-row VALUES); a batch's projections go as
one statement for all their tables. It needs nothing but INSERT, so the
terminal role can run it. On SQLite, which serialises writers and has no
network in between, SQLAlchemy's executemany is as good.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache

from sqlalchemy import JSON, Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB

_PG = postgresql.dialect()


def _is_json(table: Table, name: str) -> bool:
    return isinstance(table.c[name].type.dialect_impl(_PG), JSON | JSONB)


@cache
def _unnest_insert(table: Table, names: tuple[str, ...], suffix: str, prefix: str = "") -> str:
    """INSERT INTO t (a, b) SELECT a, b FROM unnest(CAST(%(a)b AS type[]), ...) AS u(a, b)."""
    arrays, picks = [], []
    for name in names:
        if _is_json(table, name):  # JSON travels as text, parsed by the server once
            kind = "jsonb" if isinstance(table.c[name].type.dialect_impl(_PG), JSONB) else "json"
            arrays.append(f"CAST(%({prefix}{name})b AS text[])")
            picks.append(f"CAST({name} AS {kind})")
        else:
            sql_type = table.c[name].type.compile(dialect=_PG)
            arrays.append(f"CAST(%({prefix}{name})b AS {sql_type}[])")
            picks.append(name)
    columns = ", ".join(names)
    return (f"INSERT INTO {table.name} ({columns}) SELECT {', '.join(picks)} "
            f"FROM unnest({', '.join(arrays)}) AS u({columns}) {suffix}")


def _columns(table: Table, rows: Sequence[dict]) -> dict[str, list]:
    names = list(rows[0])
    columns = {name: [row[name] for row in rows] for name in names}
    for name in names:
        if _is_json(table, name):
            columns[name] = [value if isinstance(value, str) else json.dumps(value)
                             for value in columns[name]]
    return columns


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict], *,
                skip_conflicts_on: str | None = None, returning: tuple[str, ...] = ()):
    """Insert rows that all have the same keys, in one statement; returns the result.

    ``skip_conflicts_on`` names a unique column whose known values are skipped
    (ON CONFLICT DO NOTHING); ``returning`` the columns of the rows inserted.
    A JSON value may be given as JSON text on PostgreSQL (the till's own).
    """
    if conn.dialect.name != "postgresql":
        statement = sqlite.insert(table)
        if skip_conflicts_on:
            statement = statement.on_conflict_do_nothing(index_elements=[skip_conflicts_on])
        if returning:
            statement = statement.returning(*(table.c[name] for name in returning))
        return conn.execute(statement, list(rows))
    suffix = f"ON CONFLICT ({skip_conflicts_on}) DO NOTHING" if skip_conflicts_on else ""
    if returning:
        suffix += f" RETURNING {', '.join(returning)}"
    columns = _columns(table, rows)
    # Binary parameters (%b) spare the quoting of every JSON payload inside a text array.
    return conn.exec_driver_sql(_unnest_insert(table, tuple(columns), suffix), columns)


def insert_tables(conn: Connection, tables: dict[Table, Sequence[dict]]) -> None:
    """Rows into several tables at once, parents first: one statement on PostgreSQL.

    Each table is a data-modifying WITH of one statement, so a batch's
    projections cost one round trip to the server however many tables they
    touch (the foreign keys are checked at the end of the statement, when
    every table has its rows).
    """
    tables = {table: rows for table, rows in tables.items() if rows}
    if not tables:
        return
    if conn.dialect.name != "postgresql":
        for table, rows in tables.items():
            conn.execute(sqlite.insert(table), list(rows))
        return
    parts, params = [], {}
    for n, (table, rows) in enumerate(tables.items()):
        columns = _columns(table, rows)
        parts.append(f"t{n} AS ({_unnest_insert(table, tuple(columns), '', f't{n}_')})")
        params.update({f"t{n}_{name}": values for name, values in columns.items()})
    conn.exec_driver_sql(f"WITH {', '.join(parts)} SELECT 1", params)
