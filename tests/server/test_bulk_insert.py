"""server.core.bulk.insert_rows stores exactly what SQLAlchemy's Core insert stores, on SQLite and PostgreSQL."""

from datetime import datetime

import pytest

from live_server import _database
from server.core.bulk import insert_rows
from server.core.config import Settings
from server.core.db import make_engine, make_session_factory, transaction
from server.core.migrate import upgrade
from server.models import AuditEvent, Registration, RegistrationHistory
from server.services import accounts
from sqlalchemy import insert, text


def _rows(owner: str, prefix: str) -> list[dict]:
    at = datetime(2026, 12, 2, 14, 0, 0)
    with_micro = datetime(2026, 1, 31, 23, 59, 59, 123456)
    rows = []
    for i, (files, details) in enumerate([(None, None), ([{"sha256": "a" * 64, "purpose": "photo", "label": ""}],
                                                          {"reasons": ["foto"], "fields": {"nik": "cek"}})]):
        rows.append({
            "id": f"{prefix}-{i}", "kind": "ektp", "version": 1, "owner_id": owner, "device_id": "d1",
            "received_at": at, "status": "submitted",
            "data": {"nama": "Siti Aminah — ñ 🐟", "rt": "003", "ada": True, "kosong": None, "daftar": ["1", "2"]},
            "attachments": [] if files is None else ["a" * 64],
            "device_history": [{"at": "2026-12-02T14:00:00.000000Z", "user_id": "u", "action": "create",
                                "changes": {"nama": [None, "Siti"]}}],
            "review_comment": None if i == 0 else "Foto kabur", "review_details": details, "files": files,
            "origin_device": None, "signature": None, "seal_batch_id": "b1", "content_hash": f"{i}" * 64,
            "device_version": 2, "last_device_id": "d1", "created_at": with_micro, "updated_at": at,
            "server_updated_at": at})
    return rows


@pytest.fixture(params=["sqlite", "postgresql"])
def factory(request, tmp_path):
    with _database(request.param, tmp_path) as url:
        engine = make_engine(Settings(data_dir=tmp_path, database_url=url, data_key=b"k" * 32))
        upgrade(engine)
        factory = make_session_factory(engine)
        with transaction(factory) as session:
            owner = accounts.create_user(session=session, username="siti", full_name="Siti", role="officer",
                                         password="Rahasia-panjang-123", now=datetime(2026, 12, 1))
        factory.owner_id = owner.id
        try:
            yield factory
        finally:
            engine.dispose()


def _stored(factory, table: str, key: str, value: str) -> list[tuple]:
    with factory() as session:
        return [tuple(row) for row in session.execute(
            text(f"SELECT * FROM {table} WHERE {key} LIKE :v ORDER BY {key}"), {"v": value + "%"})]


def test_records_and_history_are_stored_as_core_stores_them(factory):
    with transaction(factory) as session:
        connection = session.connection()
        connection.execute(insert(Registration.__table__), _rows(factory.owner_id, "core"))
        insert_rows(connection, Registration.__table__, _rows(factory.owner_id, "bulk"))
        history = {"version": 1, "at": datetime(2026, 12, 2, 14, 0, 0, 5), "user_id": "u", "device_id": "d1",
                   "action": "create", "changes": {}}
        connection.execute(insert(RegistrationHistory.__table__), [dict(history, registration_id="core-0")])
        insert_rows(connection, RegistrationHistory.__table__, [dict(history, registration_id="bulk-0")])
    core, bulk = _stored(factory, "registrations", "id", "core"), _stored(factory, "registrations", "id", "bulk")
    assert len(core) == len(bulk) == 2
    assert [row[1:] for row in core] == [row[1:] for row in bulk]  # every column but the id, as the driver reads it
    with factory() as session:
        read = session.get(Registration, "bulk-0")
        assert read.files is None and read.review_details is None and read.data["kosong"] is None
        assert read.created_at == datetime(2026, 1, 31, 23, 59, 59, 123456)
    core_h = _stored(factory, "registration_history", "registration_id", "core")
    bulk_h = _stored(factory, "registration_history", "registration_id", "bulk")
    assert [row[2:] for row in core_h] == [row[2:] for row in bulk_h]  # but the id and the record's id


def test_a_column_with_a_python_default_may_not_be_left_out(factory):
    with transaction(factory) as session, pytest.raises(ValueError, match="username"):
        insert_rows(session.connection(), AuditEvent.__table__,
                    [{"at": datetime(2026, 12, 2), "action": "x", "chain_hash": "0" * 64}])
