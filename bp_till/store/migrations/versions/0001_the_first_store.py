"""The first store: staff, cast, menu, producers, cards, checks, points, audit, days, outbox.

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 01:02:39.324471
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cast_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('stage_name', sa.String(length=80), nullable=False),
    sa.Column('romaji', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cast_members')),
    sa.UniqueConstraint('code', name=op.f('uq_cast_members_code')),
    sa.UniqueConstraint('stage_name', name=op.f('uq_cast_members_stage_name'))
    )
    op.create_table('counters',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('menu_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('name_ja', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('cast_credit', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.CheckConstraint('price >= 0 AND price <= 10000000', name=op.f('ck_menu_items_price')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_menu_items')),
    sa.UniqueConstraint('code', name=op.f('uq_menu_items_code'))
    )
    op.create_table('outbox',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('terminal', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('sent_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('terminal', 'seq', name='uq_outbox_terminal_seq')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_unsent', ['sent_at', 'seq'], unique=False)

    op.create_table('producers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login_id', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('spend_points', sa.Integer(), nullable=False),
    sa.Column('vote_points', sa.Integer(), nullable=False),
    sa.CheckConstraint('spend_points >= 0', name=op.f('ck_producers_spend_points')),
    sa.CheckConstraint('vote_points >= 0', name=op.f('ck_producers_vote_points')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_producers')),
    sa.UniqueConstraint('login_id', name=op.f('uq_producers_login_id'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('pin_hash', sa.String(length=200), nullable=False),
    sa.Column('failed_pin_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint("role IN ('cashier', 'shift_lead', 'manager')", name=op.f('ck_staff_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('name', name=op.f('uq_staff_name'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('approver_id', sa.Integer(), nullable=True),
    sa.Column('subject', sa.String(length=80), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['approver_id'], ['staff.id'], name=op.f('fk_audit_log_approver_id_staff')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_audit_log_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('business_days',
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('closed_at', sa.String(length=32), nullable=True),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('open', 'closed')", name=op.f('ck_business_days_status')),
    sa.ForeignKeyConstraint(['closed_by'], ['staff.id'], name=op.f('fk_business_days_closed_by_staff')),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_business_days'))
    )
    op.create_table('cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=16), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('issued_at', sa.String(length=32), nullable=False),
    sa.Column('replaced_at', sa.String(length=32), nullable=True),
    sa.CheckConstraint("status IN ('live', 'replaced')", name=op.f('ck_cards_status')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_cards_producer_id_producers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cards')),
    sa.UniqueConstraint('number', name=op.f('uq_cards_number'))
    )
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cards_producer_id'), ['producer_id'], unique=False)

    op.create_table('checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('table_label', sa.String(length=16), nullable=False),
    sa.Column('guests', sa.Integer(), nullable=False),
    sa.Column('takeout', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('opened_at', sa.String(length=32), nullable=False),
    sa.Column('opened_by', sa.Integer(), nullable=False),
    sa.Column('extensions', sa.Integer(), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=True),
    sa.Column('card_number', sa.String(length=16), nullable=True),
    sa.Column('rank_name', sa.String(length=32), nullable=True),
    sa.Column('multiplier_pct', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.String(length=32), nullable=True),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.Column('business_day', sa.String(length=10), nullable=True),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('change', sa.Integer(), nullable=False),
    sa.Column('spend_points', sa.Integer(), nullable=False),
    sa.Column('vote_points', sa.Integer(), nullable=False),
    sa.Column('void_reason', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('open', 'settled', 'voided')", name=op.f('ck_checks_status')),
    sa.CheckConstraint('guests >= 1', name=op.f('ck_checks_guests')),
    sa.ForeignKeyConstraint(['closed_by'], ['staff.id'], name=op.f('fk_checks_closed_by_staff')),
    sa.ForeignKeyConstraint(['opened_by'], ['staff.id'], name=op.f('fk_checks_opened_by_staff')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_checks_producer_id_producers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checks')),
    sa.UniqueConstraint('number', name=op.f('uq_checks_number')),
    sa.UniqueConstraint('uuid', name=op.f('uq_checks_uuid'))
    )
    with op.batch_alter_table('checks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checks_producer_id'), ['producer_id'], unique=False)
        batch_op.create_index('ix_checks_status_day', ['status', 'business_day'], unique=False)

    op.create_table('check_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('menu_item_id', sa.Integer(), nullable=False),
    sa.Column('name_ja', sa.String(length=120), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('unit_price', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('tax_rate', sa.Integer(), nullable=False),
    sa.Column('cast_id', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.String(length=32), nullable=False),
    sa.Column('added_by', sa.Integer(), nullable=False),
    sa.Column('voided_at', sa.String(length=32), nullable=True),
    sa.Column('voided_by', sa.Integer(), nullable=True),
    sa.Column('void_reason', sa.Text(), nullable=True),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_check_lines_quantity')),
    sa.CheckConstraint('tax_rate IN (8, 10)', name=op.f('ck_check_lines_tax_rate')),
    sa.ForeignKeyConstraint(['added_by'], ['staff.id'], name=op.f('fk_check_lines_added_by_staff')),
    sa.ForeignKeyConstraint(['cast_id'], ['cast_members.id'], name=op.f('fk_check_lines_cast_id_cast_members')),
    sa.ForeignKeyConstraint(['check_id'], ['checks.id'], name=op.f('fk_check_lines_check_id_checks')),
    sa.ForeignKeyConstraint(['menu_item_id'], ['menu_items.id'], name=op.f('fk_check_lines_menu_item_id_menu_items')),
    sa.ForeignKeyConstraint(['voided_by'], ['staff.id'], name=op.f('fk_check_lines_voided_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_lines'))
    )
    with op.batch_alter_table('check_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_lines_check_id'), ['check_id'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('amount', sa.Integer(), nullable=False),
    sa.Column('tendered', sa.Integer(), nullable=False),
    sa.CheckConstraint("method IN ('cash', 'card', 'emoney')", name=op.f('ck_payments_method')),
    sa.ForeignKeyConstraint(['check_id'], ['checks.id'], name=op.f('fk_payments_check_id_checks')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_check_id'), ['check_id'], unique=False)

    op.create_table('points_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('producer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('delta', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.CheckConstraint("kind IN ('spend', 'vote')", name=op.f('ck_points_ledger_kind')),
    sa.ForeignKeyConstraint(['check_id'], ['checks.id'], name=op.f('fk_points_ledger_check_id_checks')),
    sa.ForeignKeyConstraint(['producer_id'], ['producers.id'], name=op.f('fk_points_ledger_producer_id_producers')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_points_ledger_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_points_ledger'))
    )
    with op.batch_alter_table('points_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_points_ledger_producer', ['producer_id', 'created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('points_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_points_ledger_producer')

    op.drop_table('points_ledger')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_check_id'))

    op.drop_table('payments')
    with op.batch_alter_table('check_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_lines_check_id'))

    op.drop_table('check_lines')
    with op.batch_alter_table('checks', schema=None) as batch_op:
        batch_op.drop_index('ix_checks_status_day')
        batch_op.drop_index(batch_op.f('ix_checks_producer_id'))

    op.drop_table('checks')
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cards_producer_id'))

    op.drop_table('cards')
    op.drop_table('business_days')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('staff')
    op.drop_table('producers')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_unsent')

    op.drop_table('outbox')
    op.drop_table('menu_items')
    op.drop_table('counters')
    op.drop_table('cast_members')
