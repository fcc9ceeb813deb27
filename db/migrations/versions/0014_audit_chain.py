"""audit_events.chain_hash: the laptop's audit log hash-chained; person_corrections; the receipt HMAC key dropped

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

Existing entries are chained in id order, so that a log from before this revision checks as intact from here on
(what was changed before it cannot be told, and the note in app/audit_chain.py says so). The hash is computed here
with the formula as it stands today, not by importing app/: a migration must give the same result whatever the
app becomes.

The receipt key (app_meta ``receipt_key``) made 40-bit HMAC codes that nobody but this laptop could check, and sat
in plaintext beside the data; receipts are now signed with the laptop's certified Ed25519 key (app/receipt_seal.py),
so the secret goes.
"""

import hashlib
import json

from alembic import op
import sqlalchemy as sa


revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def _hash(prev, at, user_id, username, action, detail) -> str:
    if isinstance(at, str):  # SQLite hands back the stored text: "2026-11-02 09:00:00.000000"
        at = at.replace(" ", "T")
        at = at if "." in at else at + ".000000"
    else:
        at = f"{at:%Y-%m-%dT%H:%M:%S.%f}"
    body = json.dumps([prev, at, user_id, username or "", action, detail or ""], ensure_ascii=True,
                      separators=(",", ":"))
    return hashlib.sha256(body.encode("ascii")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "person_corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person_corrections", schema=None) as batch_op:
        batch_op.create_index("ix_person_corrections_person_id", ["person_id"], unique=False)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    prev = GENESIS
    rows = bind.execute(sa.text("SELECT id, at, user_id, username, action, detail FROM audit_events ORDER BY id"))
    for row_id, at, user_id, username, action, detail in rows.fetchall():
        prev = _hash(prev, at, user_id, username, action, detail)
        bind.execute(sa.text("UPDATE audit_events SET chain_hash = :h WHERE id = :id"), {"h": prev, "id": row_id})
    # No remembered head yet (app/audit_log.py writes it with the next entry): the chain is all there is to check.
    bind.execute(sa.text("DELETE FROM app_meta WHERE key = 'receipt_key'"))


def downgrade() -> None:
    op.drop_table("person_corrections")
    op.get_bind().execute(sa.text("DELETE FROM app_meta WHERE key = 'audit_head'"))
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("chain_hash")
