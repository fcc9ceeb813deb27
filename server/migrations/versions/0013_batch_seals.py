"""batch seals: one signature of the pushing laptop over the records of its batch

push_batches.seal_message / seal_signature: the seal as checked; registrations.seal_batch_id: the batch whose
seal vouches for a record's current content (instead of a signature of its own).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('push_batches', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seal_message', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('seal_signature', sa.String(length=88), nullable=True))
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('seal_batch_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_column('seal_batch_id')
    with op.batch_alter_table('push_batches', schema=None) as batch_op:
        batch_op.drop_column('seal_signature')
        batch_op.drop_column('seal_message')
