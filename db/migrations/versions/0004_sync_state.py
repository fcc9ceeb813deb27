"""sync state: server versions, rejections, conflicts kept with the server's copy, sync log

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # synced_version 0 makes every record already submitted wait for its first push, which is what it needs.
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("server_version", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("synced_version", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("sync_error", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("status_note", sa.Text(), nullable=True))
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uploaded", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("registration_id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("server_copy", sa.JSON(), nullable=False),
        sa.Column("device_copy", sa.JSON(), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sync_conflicts_reg", "sync_conflicts", ["registration_id", "resolved_at"], unique=False)
    op.create_table(
        "sync_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("server_url", sa.String(length=200), nullable=False),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in (
            "sent", "accepted", "duplicates", "conflicts", "rejected", "files_sent", "changes_pulled", "bytes_up",
            "bytes_down", "requests")],
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_sync_log_started", "sync_log", ["started_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sync_log_started", table_name="sync_log")
    op.drop_table("sync_log")
    op.drop_index("ix_sync_conflicts_reg", table_name="sync_conflicts")
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_column("uploaded")
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_column("status_note")
        batch_op.drop_column("sync_error")
        batch_op.drop_column("synced_version")
        batch_op.drop_column("server_version")
