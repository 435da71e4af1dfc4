"""Many rows at once: how a batch's events and projections reach the central tables.

On PostgreSQL the events, which need ON CONFLICT and RETURNING, travel as
one array per column unnested by the server: one short statement per batch,
which psycopg prepares once, instead of a statement per row (executemany) or
a statement text as long as the batch (multi-row VALUES). The projections go
by COPY, whose rows psycopg formats in C: the till's CPU, not the server, is
what limits a push (arrays for them too, or one JSON text per batch, each
cost more of it; measured). Both need nothing but INSERT, so the terminal
role can run them. On SQLite, which serialises writers and has no network
in between, SQLAlchemy's executemany is as good.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from operator import itemgetter

import psycopg
from sqlalchemy import JSON, Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.exc import DBAPIError

_PG = postgresql.dialect()


def _is_json(table: Table, name: str) -> bool:
    return isinstance(table.c[name].type.dialect_impl(_PG), JSON | JSONB)


@cache
def _unnest_insert(table: Table, names: tuple[str, ...], suffix: str) -> str:
    """INSERT INTO t (a, b) SELECT a, b FROM unnest(CAST(%(a)b AS type[]), ...) AS u(a, b)."""
    arrays, picks = [], []
    for name in names:
        if _is_json(table, name):  # JSON travels as text, parsed by the server once
            kind = "jsonb" if isinstance(table.c[name].type.dialect_impl(_PG), JSONB) else "json"
            arrays.append(f"CAST(%({name})b AS text[])")
            picks.append(f"CAST({name} AS {kind})")
        else:
            sql_type = table.c[name].type.compile(dialect=_PG)
            arrays.append(f"CAST(%({name})b AS {sql_type}[])")
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


def _copy(conn: Connection, table: Table, rows: Sequence[dict]) -> None:
    """COPY FROM STDIN, its rows formatted by psycopg's C code.

    A refusal (a key taken) is raised as SQLAlchemy's error, like every other
    statement's.
    """
    names = list(rows[0])
    values = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    encode = [_is_json(table, name) for name in names]
    has_json = any(encode)
    cursor = conn.connection.dbapi_connection.cursor()
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                line = values(row)
                if has_json:
                    line = [json.dumps(v) if is_json and not isinstance(v, str) else v
                            for v, is_json in zip(line, encode, strict=True)]
                copy.write_row(line)
    except psycopg.Error as exc:
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc
    finally:
        cursor.close()


def insert_tables(conn: Connection, tables: dict[Table, Sequence[dict]]) -> None:
    """Rows into several tables, parents first: COPY on PostgreSQL, executemany on SQLite."""
    for table, rows in tables.items():
        if not rows:
            continue
        if conn.dialect.name == "postgresql":
            _copy(conn, table, rows)
        else:
            conn.execute(sqlite.insert(table), list(rows))
