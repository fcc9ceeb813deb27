"""indexes for the records list filters (kind, status, village) in newest-first order

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from alembic import op


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_registrations_kind_updated", "registrations", ["kind", "updated_at"])
    op.create_index("ix_registrations_status_updated", "registrations", ["status", "updated_at"])
    op.create_index("ix_registrations_village_updated", "registrations", ["village_code", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_registrations_village_updated", table_name="registrations")
    op.drop_index("ix_registrations_status_updated", table_name="registrations")
    op.drop_index("ix_registrations_kind_updated", table_name="registrations")
