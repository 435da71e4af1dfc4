"""A check merged into another table's (its lines moved there): which one it went to.

Only a new column: SQLite adds it in place, so ``checks``, which lines,
payments and refunds refer to, is never copied.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("checks", sa.Column("merged_into", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE checks DROP COLUMN merged_into")
