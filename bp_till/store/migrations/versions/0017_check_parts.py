"""A check paid in parts (split by guest or by line): the plan, each part paid, its payments.

New table and new columns only: SQLite adds them in place, so ``checks`` and
``payments`` are never copied.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import IsoDate, UtcDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("checks", sa.Column("split_plan", sa.Text(), nullable=True))
    op.add_column("payments", sa.Column("part", sa.Integer(), nullable=True))
    op.create_table(
        "check_parts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("check_id", sa.Integer(), sa.ForeignKey("checks.id", name="fk_check_parts_check_id_checks"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("standard_total", sa.Integer(), nullable=False),
        sa.Column("reduced_total", sa.Integer(), nullable=False),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), sa.ForeignKey("producers.id", name="fk_check_parts_producer_id_producers"), nullable=True),
        sa.Column("card_number", sa.String(16), nullable=True),
        sa.Column("rank_name", sa.String(32), nullable=True),
        sa.Column("multiplier_pct", sa.Integer(), nullable=True),
        sa.Column("spend_points", sa.Integer(), nullable=False),
        sa.Column("vote_points", sa.Integer(), nullable=False),
        sa.Column("settled_at", UtcDateTime(), nullable=False),
        sa.Column("settled_by", sa.Integer(), sa.ForeignKey("staff.id", name="fk_check_parts_settled_by_staff"), nullable=False),
        sa.Column("business_day", IsoDate(), nullable=False),
        sa.UniqueConstraint("check_id", "number", name="uq_check_parts_check_number"),
    )
    op.create_index("ix_check_parts_check_id", "check_parts", ["check_id"])


def downgrade() -> None:
    op.drop_index("ix_check_parts_check_id", "check_parts")
    op.drop_table("check_parts")
    op.execute("ALTER TABLE payments DROP COLUMN part")
    op.execute("ALTER TABLE checks DROP COLUMN split_plan")
