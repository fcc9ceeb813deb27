"""lock-out per user and device; a row /health writes

login_failures: consecutive wrong passwords and lock time of one user on one device, so that a laptop can lock an
account out of that laptop only (never an administrator out of everywhere). users.failed_attempts / locked_until
(0003) are left unused. server_probe: the one row /health rewrites to know the database takes writes.

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_failures',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('user_id', 'device_id')
    )
    op.create_table('server_probe',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('checked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.execute("INSERT INTO server_probe (id, checked_at) VALUES (1, NULL)")


def downgrade() -> None:
    op.drop_table('server_probe')
    op.drop_table('login_failures')
