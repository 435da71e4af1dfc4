"""Event items on the menu for a window of business days (available from / until).

Only new columns: SQLite adds them in place, so ``menu_items``, which every
check line refers to, is never copied (a copy would trip their foreign keys).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import IsoDate

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("menu_items", sa.Column("available_from", IsoDate(), nullable=True))
    op.add_column("menu_items", sa.Column("available_until", IsoDate(), nullable=True))


def downgrade() -> None:
    # In place too (SQLite 3.35+), not by copying the table the check lines refer to.
    op.execute("ALTER TABLE menu_items DROP COLUMN available_until")
    op.execute("ALTER TABLE menu_items DROP COLUMN available_from")
