"""Cast backs (バック): versions of the rates, each in force from a business day.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import IsoDate, UtcDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cast_back_rates",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("effective_from", IsoDate(), nullable=False),
        sa.Column("rates", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"],
                                name=op.f("fk_cast_back_rates_created_by_staff")),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_cast_back_rates")),
    )


def downgrade() -> None:
    op.drop_table("cast_back_rates")
