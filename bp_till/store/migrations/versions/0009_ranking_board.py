"""The ranking board pulled from the central database, votes it refused, and sync cursors.

Revision ID: 0009
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import UtcDateTime

revision = "0009"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ranking_board",
        sa.Column("business_month", sa.String(length=7), nullable=False),
        sa.Column("cast_code", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("last_vote_at", UtcDateTime(), nullable=False),
        sa.Column("pulled_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("business_month", "cast_code", name=op.f("pk_ranking_board")),
    )
    op.create_table(
        "vote_refusals",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("login_id", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("refused_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_vote_refusals")),
    )
    op.create_index("ix_vote_refusals_login", "vote_refusals", ["login_id"])
    op.create_table(
        "sync_cursors",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_cursors")),
    )


def downgrade() -> None:
    op.drop_table("sync_cursors")
    op.drop_index("ix_vote_refusals_login", table_name="vote_refusals")
    op.drop_table("vote_refusals")
    op.drop_table("ranking_board")
