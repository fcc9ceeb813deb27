"""sync_queue_indexes: partial indexes holding only the records a sync looks for, so that it need not read the rest

A sync asks twice which records wait to be sent (at its start, and once more at the end of the push, when nothing
does) and once which records have files still on the server. Answered from the table, each read every
registration's row, long form included, every page decrypted: 58 to 73 ms each at 10,000 records, timed around
the sync's steps in a bench/sync.py records run, and growing with every record the laptop holds. Each index here
holds only the rows its query wants, with every column the query reads, so SQLite answers from its own pages:

- waiting: ``version != synced_version`` (a draft too: the query leaves drafts out from the index's own status
  column; ``app.record_changes.waiting`` keeps that one definition);
- remote files: ``remote_files IS NOT NULL`` (a team member's record received for review, ``sync/team_files``).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op


revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_registrations_waiting", "registrations",
                    ["owner_id", "updated_at", "id", "version", "synced_version", "status"],
                    sqlite_where=sa.text("version != synced_version"))
    op.create_index("ix_registrations_remote_files", "registrations", ["submitted_at", "id"],
                    sqlite_where=sa.text("remote_files IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_registrations_remote_files", table_name="registrations")
    op.drop_index("ix_registrations_waiting", table_name="registrations")
