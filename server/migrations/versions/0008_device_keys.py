"""device keys, record signatures and the signed key list

devices.signing_key / encryption_key / keys_at: a laptop's certified public keys; registrations.origin_device /
signature: who made the current content and their signature; key_list: the newest signed key list.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signing_key', sa.String(length=44), nullable=True))
        batch_op.add_column(sa.Column('encryption_key', sa.String(length=44), nullable=True))
        batch_op.add_column(sa.Column('keys_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin_device', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('signature', sa.String(length=88), nullable=True))
    op.create_table('key_list',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('signature', sa.String(length=88), nullable=False),
    sa.Column('feed_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('key_list')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_column('signature')
        batch_op.drop_column('origin_device')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_column('keys_at')
        batch_op.drop_column('encryption_key')
        batch_op.drop_column('signing_key')
