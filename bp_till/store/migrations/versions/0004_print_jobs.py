"""The print queue's journal: sale receipts and reprints, so a failed one prints again.

Revision ID: 0004
Revises: 0001

Times are UTC ISO text, as in 0001 (bp_till.store.types.UtcDateTime).
"""

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'print_jobs',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('check_id', sa.Integer(), nullable=False),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('queued_at', sa.String(length=32), nullable=False),
        sa.Column('sent_at', sa.String(length=32), nullable=True),
        sa.Column('finished_at', sa.String(length=32), nullable=True),
        sa.Column('fault_kind', sa.String(length=16), nullable=True),
        sa.Column('fault_message', sa.Text(), nullable=True),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('retry_of', sa.String(length=32), nullable=True),
        sa.CheckConstraint("kind IN ('receipt', 'reprint')", name=op.f('ck_print_jobs_kind')),
        sa.CheckConstraint("state IN ('queued', 'sent', 'confirmed', 'failed', 'retried')",
                           name=op.f('ck_print_jobs_state')),
        sa.ForeignKeyConstraint(['check_id'], ['checks.id'],
                                name=op.f('fk_print_jobs_check_id_checks')),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'],
                                name=op.f('fk_print_jobs_staff_id_staff')),
        sa.ForeignKeyConstraint(['retry_of'], ['print_jobs.id'],
                                name=op.f('fk_print_jobs_retry_of_print_jobs')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs')),
    )
    op.create_index('ix_print_jobs_state', 'print_jobs', ['state', 'queued_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_print_jobs_state', table_name='print_jobs')
    op.drop_table('print_jobs')
