"""Votes given at the till, and versions of the rank table.

Revision ID: 0008
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import UtcDateTime

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column("cast_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("business_month", sa.String(length=7), nullable=False),
        sa.Column("voted_at", UtcDateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("points > 0", name=op.f("ck_votes_points")),
        sa.ForeignKeyConstraint(["cast_id"], ["cast_members.id"], name=op.f("fk_votes_cast_id_cast_members")),
        sa.ForeignKeyConstraint(["producer_id"], ["producers.id"], name=op.f("fk_votes_producer_id_producers")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_votes_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_votes")),
    )
    op.create_index("ix_votes_month_cast", "votes", ["business_month", "cast_id"])
    op.create_index(op.f("ix_votes_producer_id"), "votes", ["producer_id"])
    op.create_table(
        "rank_tables",
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("ranks", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"], name=op.f("fk_rank_tables_created_by_staff")),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_rank_tables")),
    )


def downgrade() -> None:
    op.drop_table("rank_tables")
    op.drop_index(op.f("ix_votes_producer_id"), table_name="votes")
    op.drop_index("ix_votes_month_cast", table_name="votes")
    op.drop_table("votes")
