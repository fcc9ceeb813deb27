import sqlite3

import pytest

from app import errors
from app.paths import DB_FILENAME
from app.workspace import Workspace
from db import migrate, migrations


def test_head_constant_matches_newest_script():
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from pathlib import Path

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
    ws.close()
    assert migrate.read_revision(tmp_path / DB_FILENAME) == migrations.HEAD
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
    assert "bukan basis data" in caught.value.text("id") or caught.value.template == errors.MSG_NOT_A_DATABASE
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]


def test_database_from_newer_app_is_refused_and_untouched(tmp_path):
    ws = Workspace.open(tmp_path)
    ws.close()
    path = tmp_path / DB_FILENAME
    con = sqlite3.connect(path)
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
