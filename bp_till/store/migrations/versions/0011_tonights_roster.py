"""Tonight's roster (出勤): who is on the floor each business day, versioned.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import IsoDate, UtcDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rosters",
        sa.Column("business_day", IsoDate(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("cast_codes", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"], name=op.f("fk_rosters_created_by_staff")),
        sa.PrimaryKeyConstraint("business_day", "version", name=op.f("pk_rosters")),
    )


def downgrade() -> None:
    op.drop_table("rosters")
