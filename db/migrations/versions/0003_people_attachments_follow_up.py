"""people linked in every role, attachments, twins and follow-up dates

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=200), nullable=False, server_default=""))
        batch_op.create_index("ix_persons_name", ["name_key", "birth_date"], unique=False)
    # Names so far are plain ASCII in practice; lower() matches what app code writes for them.
    op.execute("UPDATE persons SET name_key = lower(trim(name))")

    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("due_date", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("due_action", sa.String(length=32), nullable=True))
        batch_op.create_index("ix_registrations_due", ["kind", "due_date"], unique=False)
        batch_op.create_index("ix_registrations_group", ["group_id"], unique=False)

    op.create_table(
        "registration_persons",
        sa.Column("registration_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"]),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("registration_id", "role"),
    )
    op.create_index("ix_registration_persons_person", "registration_persons", ["person_id"], unique=False)
    # Every e-KTP recording so far links its subject.
    op.execute("INSERT INTO registration_persons (registration_id, role, person_id) "
               "SELECT id, 'subject', person_id FROM registrations WHERE person_id IS NOT NULL")

    op.create_table(
        "attachments",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "registration_attachments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("registration_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sha256"], ["attachments.sha256"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_registration_attachments_reg", "registration_attachments", ["registration_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_registration_attachments_reg", table_name="registration_attachments")
    op.drop_table("registration_attachments")
    op.drop_table("attachments")
    op.drop_index("ix_registration_persons_person", table_name="registration_persons")
    op.drop_table("registration_persons")
    with op.batch_alter_table("registrations", schema=None) as batch_op:
        batch_op.drop_index("ix_registrations_group")
        batch_op.drop_index("ix_registrations_due")
        batch_op.drop_column("due_action")
        batch_op.drop_column("due_date")
        batch_op.drop_column("group_id")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_name")
        batch_op.drop_column("name_key")
