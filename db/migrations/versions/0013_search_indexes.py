"""covering indexes for the name search, which an encrypted database makes costly to answer from the tables

With SQLCipher every table page read is decrypted and checked, so a search that walks the registrations and their
people's rows (the long form included) took 400 ms at 100,000 records. These hold every column the name search
reads: the list's order with the name, a person's name with their id, and a link by person with its role and
registration, so that SQLite answers from the indexes alone (app/registrations.py ``_filtered``).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

from alembic import op


revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_registrations_updated_name", "registrations", ["updated_at", "id", "subject_name_key"])
    op.create_index("ix_persons_name_id", "persons", ["name_key", "id"])
    op.create_index("ix_registration_persons_person_role", "registration_persons",
                    ["person_id", "role", "registration_id"])


def downgrade() -> None:
    op.drop_index("ix_registration_persons_person_role", table_name="registration_persons")
    op.drop_index("ix_persons_name_id", table_name="persons")
    op.drop_index("ix_registrations_updated_name", table_name="registrations")
