"""'uploaded' is a sync state, not a status: records that synced get back the status they had

Until 0005 a record the server accepted had its status replaced by 'uploaded', so that an approved record no
longer showed as approved and a submitted one could no longer be reviewed. Each such change left a history entry
{"status": [before, "uploaded"]}: the status before it is restored, and those entries (no new version, no change a
person made) are removed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from alembic import op


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""
        UPDATE registrations SET status = COALESCE(
            (SELECT json_extract(c.changes, '$.status[0]') FROM registration_changes c
             WHERE c.registration_id = registrations.id AND json_extract(c.changes, '$.status[1]') = 'uploaded'
             ORDER BY c.id DESC LIMIT 1),
            'submitted')
        WHERE status = 'uploaded'
    """)
    op.execute("""
        DELETE FROM registration_changes
        WHERE action = 'status' AND json_extract(changes, '$.status[1]') = 'uploaded'
          AND json_extract(changes, '$.status_note') IS NULL
    """)


def downgrade() -> None:
    # The old versions show a synced record as 'uploaded'; keeping the real status is harmless to them.
    pass
