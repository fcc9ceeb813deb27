"""registrations.files: what each of a record's attachments is (purpose, label), for the supervisor's laptop

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('registrations') as batch_op:
        batch_op.add_column(sa.Column('files', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('registrations') as batch_op:
        batch_op.drop_column('files')
