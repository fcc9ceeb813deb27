"""whose laptop it is, and the recoveries of laptops' data keys

enrolment_codes.user_id / devices.user_id: the officer or supervisor a laptop is for, which decides the accounts
it gets for offline login (never an administrator's); key_recoveries: every opening of a laptop's recovery
envelope by jemput-server recover-key.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('enrolment_codes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key('fk_enrolment_codes_user_id_users', 'users', ['user_id'], ['id'])
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.String(length=36), nullable=True))
        batch_op.create_foreign_key('fk_devices_user_id_users', 'users', ['user_id'], ['id'])
    op.create_table('key_recoveries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('key_recoveries')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_constraint('fk_devices_user_id_users', type_='foreignkey')
        batch_op.drop_column('user_id')
    with op.batch_alter_table('enrolment_codes', schema=None) as batch_op:
        batch_op.drop_constraint('fk_enrolment_codes_user_id_users', type_='foreignkey')
        batch_op.drop_column('user_id')
