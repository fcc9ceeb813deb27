"""guardrail_limits: the province's limits on what a laptop may hold back before new registrations are blocked

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('guardrail_limits',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('max_waiting_review', sa.Integer(), nullable=False),
    sa.Column('max_not_handed_over', sa.Integer(), nullable=False),
    sa.Column('max_days_since_handover', sa.Integer(), nullable=False),
    sa.Column('set_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('guardrail_limits')
