import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app import auth, errors, registrations as regs
from app.paths import DB_FILENAME
from app.workspace import Workspace
from db import migrate, migrations
from db.models import AuditEvent


def test_head_constant_matches_newest_script():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_current_head() == migrations.HEAD
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == list(migrations.KNOWN)


def test_new_database_has_wal_foreign_keys_and_current_schema(tmp_path):
    ws = Workspace.open(tmp_path)
    with ws.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert con.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")
    ws.close()
    assert not migrate.is_plaintext(tmp_path / DB_FILENAME)  # SQLCipher from the first byte
    assert migrate.read_revision(tmp_path / DB_FILENAME, ws.data_key) == migrations.HEAD
    assert ws.migration.backup is None  # nothing to back up in a new file


def test_device_id_is_made_once_and_kept(tmp_path):
    first = Workspace.open(tmp_path)
    device = first.device_id
    first.close()
    second = Workspace.open(tmp_path)
    assert second.device_id == device
    second.close()


def test_file_that_is_not_a_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"this is a photo, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(errors.DatabaseProblem) as caught:
        Workspace.open(tmp_path)
    assert caught.value.template == errors.MSG_NOT_A_DATABASE
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_database_from_newer_app_is_refused_and_untouched(tmp_path):
    ws = Workspace.open(tmp_path)
    ws.close()
    path = tmp_path / DB_FILENAME
    con = migrate.connect(path, ws.data_key)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(errors.DatabaseProblem) as caught:
        Workspace.open(tmp_path)
    assert caught.value.template == errors.MSG_NEWER_DATABASE
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photos (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(errors.DatabaseProblem):
        Workspace.open(tmp_path)


FIXTURE_0001 = Path(__file__).parent / "data" / "jemput-rev0001.sqlite"


def test_database_saved_by_first_schema_is_upgraded_with_data_intact(tmp_path):
    """A real file written by revision 0001 (kept in tests/data) opened by today's code."""
    path = tmp_path / DB_FILENAME
    shutil.copy(FIXTURE_0001, path)
    original = path.read_bytes()
    ws = Workspace.open(tmp_path)
    try:
        assert ws.migration.from_revision == "0001" and ws.migration.to_revision == migrations.HEAD
        # The backup is a byte-for-byte usable copy at the old revision.
        assert ws.migration.backup.exists()
        assert migrate.read_revision(ws.migration.backup, ws.data_key) == "0001"
        assert not migrate.is_plaintext(ws.migration.backup)
        assert ws.device_id == "01a20000-0000-7000-8000-000000000001"
        with ws.transaction() as s:
            rows = regs.search(s)
            assert sorted(r.subject_name for r in rows) == ["AHMAD RIFAI", "MARLINA SARI", "RINA MARLINA"]
            marlina = next(r for r in rows if r.subject_name == "MARLINA SARI")
            assert regs.get(s, marlina.id).data == {"nik": "1671014107600002", "name": "MARLINA SARI", "sex": "2"}
            assert [e.action for e in regs.history(s, marlina.id)] == ["create", "edit"]
            # The new table of revision 0002 works on the upgraded file.
            auth.login(s, username="siti", password="rahasia123", now=datetime(2026, 11, 3), device_id=ws.device_id)
            assert s.query(AuditEvent).filter_by(action="login").count() == 1
    finally:
        ws.close()
    assert FIXTURE_0001.read_bytes() == original  # the fixture itself is never modified


def test_every_migration_step_upgrades_an_empty_database(tmp_path):
    path = tmp_path / "ladder.sqlite"
    for revision in migrations.KNOWN:
        migrate.upgrade(path, target=revision)
        assert migrate.read_revision(path) == revision


def test_models_and_migrations_describe_the_same_schema(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db import name_search
    from db.engine import make_engine
    from db.models import Base

    migrate.upgrade(tmp_path / "schema.sqlite")
    engine = make_engine(tmp_path / "schema.sqlite")
    with engine.connect() as con:
        context = MigrationContext.configure(con, opts={"include_name": name_search.include_name})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_uploaded_status_of_0005_becomes_the_status_the_record_had(tmp_path):
    """Schema 0005 replaced the status of a synced record by 'uploaded': 0006 gives back submitted or approved and
    drops the history entries that made the swap."""
    import sqlite3

    path = tmp_path / DB_FILENAME
    migrate.upgrade(path, target="0005")
    con = sqlite3.connect(path)
    con.execute("INSERT INTO users (id, username, full_name, role, password_hash, failed_attempts, active, "
                "created_at) VALUES ('u1', 'siti', 'Siti', 'officer', 'x', 0, 1, '2026-11-01 00:00:00')")
    for rid, before in (("r-sub", "submitted"), ("r-app", "approved"), ("r-bare", None)):
        con.execute("INSERT INTO registrations (id, kind, status, owner_id, device_id, created_at, updated_at, "
                    "version, sync_state, data, subject_name, subject_name_key, server_version, synced_version) "
                    "VALUES (?, 'ektp', 'uploaded', 'u1', 'd1', '2026-11-01 00:00:00', '2026-11-01 00:00:00', 3, "
                    "'synced', '{}', '', '', 1, 3)", (rid,))
        con.execute("INSERT INTO registration_changes (registration_id, version, user_id, at, action, changes) "
                    "VALUES (?, 2, 'u1', '2026-11-01 00:00:00', 'submit', ?)",
                    (rid, '{"status": ["draft", "submitted"]}'))
        if before:
            con.execute("INSERT INTO registration_changes (registration_id, version, user_id, at, action, changes) "
                        "VALUES (?, 3, 'u1', '2026-11-01 00:00:00', 'status', ?)",
                        (rid, f'{{"status": ["{before}", "uploaded"]}}'))
    con.commit()
    con.close()
    migrate.upgrade(path)
    con = sqlite3.connect(path)
    assert dict(con.execute("SELECT id, status FROM registrations")) == {
        "r-sub": "submitted", "r-app": "approved", "r-bare": "submitted"}
    assert con.execute("SELECT count(*) FROM registration_changes WHERE changes LIKE '%uploaded%'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM registration_changes").fetchone()[0] == 3
    con.close()
