"""A kept print job names the part of a check paid in parts whose receipt it printed.

A failed part receipt must print again as that part's receipt, not as the
whole check's. A nullable column: SQLite adds it in place; every job already
kept is a whole check's receipt.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("print_jobs", sa.Column("part", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE print_jobs DROP COLUMN part")
