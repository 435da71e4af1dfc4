"""Producers from other tills: the password hash may be absent.

A producer whose card was issued at another till reaches this one by the
pull, which brings their points and cards but never their password hash
(the central database gives terminals no hash to read). Nothing at a till
reads a hash it holds; it only writes one when it issues, replaces or resets.

SQLite drops a NOT NULL rule only by copying the table, and producers are
referred to by cards, checks, the ledger and votes, whose foreign keys a copy
would trip. SQLite's documented shortcut for removing a NOT NULL constraint
(lang_altertable.html, "the simpler procedure") edits the table's definition
in place instead: no row is rewritten, and the schema version is bumped so
every open connection reads the new definition.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

REQUIRED = "password_hash VARCHAR(200) NOT NULL,"
OPTIONAL = "password_hash VARCHAR(200),"


def _rewrite_definition(old: str, new: str) -> None:
    conn = op.get_bind()
    (sql,) = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'producers'").one()
    if sql.count(old) != 1:
        raise RuntimeError(f"producers: expected {old!r} once in its definition")
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'producers'",
        (sql.replace(old, new),))
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = conn.exec_driver_sql("PRAGMA integrity_check").all()
    if problems != [("ok",)]:
        raise RuntimeError(f"producers: integrity check after the change: {problems[:3]}")


def upgrade() -> None:
    _rewrite_definition(REQUIRED, OPTIONAL)


def downgrade() -> None:
    # Only a store that never pulled a producer from another till can go back.
    missing = op.get_bind().exec_driver_sql(
        "SELECT count(*) FROM producers WHERE password_hash IS NULL").scalar_one()
    if missing:
        raise RuntimeError(f"{missing} producers from other tills have no password hash here")
    _rewrite_definition(OPTIONAL, REQUIRED)
