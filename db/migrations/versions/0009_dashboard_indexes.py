"""covering indexes for the dashboard's grouped counts (per day by service, by status, per officer)

Without them each count reads every registration's row, long form included: 430 ms at 100,000 records on a
supervisor's laptop against a goal of 200 ms (bench/dashboard.py). Each holds every column its query reads, so
SQLite answers from the index alone.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from alembic import op


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_registrations_kind_created", "registrations", ["kind", "created_at", "owner_id"])
    op.create_index("ix_registrations_kind_status_stage", "registrations", ["kind", "status", "stage", "owner_id"])
    op.create_index("ix_registrations_owner_sync", "registrations",
                    ["owner_id", "status", "version", "synced_version", "updated_at"])


def downgrade() -> None:
    op.drop_index("ix_registrations_owner_sync", table_name="registrations")
    op.drop_index("ix_registrations_kind_status_stage", table_name="registrations")
    op.drop_index("ix_registrations_kind_created", table_name="registrations")
