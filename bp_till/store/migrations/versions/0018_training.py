"""Training: a check rung up while the till is in training, and the till's training switch.

A new column with a default and a new one-row table: SQLite adds them in
place, so ``checks`` is never copied. Every check already stored is a real
sale (training did not exist before).

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

from bp_till.store.types import UtcDateTime

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("checks", sa.Column("training", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table(
        "training_mode",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("started_by", sa.Integer(),
                  sa.ForeignKey("staff.id", name="fk_training_mode_started_by_staff"),
                  nullable=False),
        sa.CheckConstraint("id = 1", name="ck_training_mode_one_row"),
    )


def downgrade() -> None:
    op.drop_table("training_mode")
    op.execute("ALTER TABLE checks DROP COLUMN training")
