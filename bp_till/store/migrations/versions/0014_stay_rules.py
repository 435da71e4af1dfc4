"""The stay rule as versions (sets, extension, automatic extension), and each check's minutes.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import IsoDate, UtcDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# The rule before versions: 90 minutes and 30 for each extension (StayPolicy's defaults).
OLD_LIMIT, OLD_EXTENSION = 90, 30


def upgrade() -> None:
    op.create_table(
        "stay_rules",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", IsoDate(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"],
                                name=op.f("fk_stay_rules_created_by_staff")),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_stay_rules")),
    )
    # A plain ADD COLUMN: SQLite has it, and a batch copy of checks would trip its lines' keys.
    op.add_column("checks", sa.Column("stay_minutes", sa.Integer(), nullable=True))
    # The tables seated before the upgrade keep the time they were given.
    op.execute(f"UPDATE checks SET stay_minutes = {OLD_LIMIT} + {OLD_EXTENSION} * extensions")


def downgrade() -> None:
    op.execute("ALTER TABLE checks DROP COLUMN stay_minutes")  # SQLite 3.35+, as Python 3.11 ships
    op.drop_table("stay_rules")
