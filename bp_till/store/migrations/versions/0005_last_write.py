"""The last-write mark: the time of the newest write, for the clock check at settle.

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-25 03:00:00

The mark starts at the newest time the store already holds, so a clock set
back right after the upgrade is caught as well. Every time column keeps the
same fixed-width UTC text, so the text maximum is the latest time.
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None

# Times the till wrote itself (not staff.locked_until: that one lies in the future).
WRITTEN_AT = (
    ("staff", "created_at"), ("producers", "created_at"), ("cards", "issued_at"),
    ("cards", "replaced_at"), ("points_ledger", "created_at"), ("checks", "opened_at"),
    ("checks", "closed_at"), ("check_lines", "added_at"), ("check_lines", "voided_at"),
    ("audit_log", "at"), ("business_days", "closed_at"), ("outbox", "created_at"),
    ("outbox", "sent_at"),
)


def upgrade() -> None:
    op.create_table('last_write',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=True),
    sa.CheckConstraint('id = 1', name=op.f('ck_last_write_one_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_last_write'))
    )
    newest = " UNION ALL ".join(f"SELECT max({column}) AS at FROM {table}"
                                for table, column in WRITTEN_AT)
    op.execute(f"INSERT INTO last_write (id, at) SELECT 1, max(at) FROM ({newest})")


def downgrade() -> None:
    op.drop_table('last_write')
