"""The stage show schedule, versioned like the rank table.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "show_schedules",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"],
                                name=op.f("fk_show_schedules_created_by_staff")),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_show_schedules")),
    )


def downgrade() -> None:
    op.drop_table("show_schedules")
