"""Close-out and corrections: voids of settled checks, refunds, the locked day's count and figures.

Only new columns and new tables: SQLite adds a column in place, so the
checks of a store in use are never copied (a copy would trip the foreign keys
of their lines and payments).

Revision ID: 0003
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0008'
branch_labels = None
depends_on = None


def _add_staff_column(table: str, name: str) -> None:
    # Alembic would copy the table to add a foreign key; SQLite adds it in place.
    op.execute(f'ALTER TABLE {table} ADD COLUMN {name} INTEGER '
               f'CONSTRAINT fk_{table}_{name}_staff REFERENCES staff (id)')


def upgrade() -> None:
    with op.batch_alter_table('checks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('voided_at', sa.String(length=32), nullable=True))
    _add_staff_column('checks', 'voided_by')
    _add_staff_column('checks', 'void_approved_by')

    _add_staff_column('business_days', 'close_approved_by')
    with op.batch_alter_table('business_days', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opening_float', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('counted_cash', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('cash_count', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('figures', sa.Text(), nullable=True))

    op.create_table('refunds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('business_day', sa.String(length=10), nullable=False),
    sa.Column('refunded_at', sa.String(length=32), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('approver_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('spend_points', sa.Integer(), nullable=False),
    sa.Column('vote_points', sa.Integer(), nullable=False),
    sa.Column('votes_already_spent', sa.Integer(), nullable=False),
    sa.CheckConstraint('spend_points <= 0 AND vote_points <= 0', name=op.f('ck_refunds_points')),
    sa.CheckConstraint('total < 0', name=op.f('ck_refunds_total')),
    sa.ForeignKeyConstraint(['approver_id'], ['staff.id'], name=op.f('fk_refunds_approver_id_staff')),
    sa.ForeignKeyConstraint(['check_id'], ['checks.id'], name=op.f('fk_refunds_check_id_checks')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_refunds_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refunds')),
    sa.UniqueConstraint('number', name=op.f('uq_refunds_number'))
    )
    with op.batch_alter_table('refunds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refunds_business_day'), ['business_day'], unique=False)
        batch_op.create_index(batch_op.f('ix_refunds_check_id'), ['check_id'], unique=False)

    op.create_table('refund_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('refund_id', sa.Integer(), nullable=False),
    sa.Column('check_line_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['check_line_id'], ['check_lines.id'], name=op.f('fk_refund_lines_check_line_id_check_lines')),
    sa.ForeignKeyConstraint(['refund_id'], ['refunds.id'], name=op.f('fk_refund_lines_refund_id_refunds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund_lines')),
    sa.UniqueConstraint('check_line_id', name=op.f('uq_refund_lines_check_line_id'))
    )
    with op.batch_alter_table('refund_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_lines_refund_id'), ['refund_id'], unique=False)

    op.create_table('refund_payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('refund_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.CheckConstraint("method IN ('cash', 'card', 'emoney')", name=op.f('ck_refund_payments_method')),
    sa.CheckConstraint('amount < 0', name=op.f('ck_refund_payments_amount')),
    sa.ForeignKeyConstraint(['refund_id'], ['refunds.id'], name=op.f('fk_refund_payments_refund_id_refunds')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refund_payments'))
    )
    with op.batch_alter_table('refund_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refund_payments_refund_id'), ['refund_id'], unique=False)


def downgrade() -> None:
    # Dropping the staff columns means copying checks, which their lines' foreign
    # keys forbid while the store is open; and refunds are money records.
    raise NotImplementedError(
        "The close-out schema (0003) cannot be undone in place: "
        "restore the store file saved before the upgrade."
    )
