"""The data side of the Windows upgrade check (scripts/check-windows.sh), run on Linux with the project's .venv:

    .venv/bin/python packaging/windows/upgrade_data.py old DIR      # DIR/jemput.sqlite as an older release left it
    .venv/bin/python packaging/windows/upgrade_data.py verify DIR   # after the newer release opened DIR

"old" writes an account and a record with today's code, then takes the schema one migration back with that
migration's own downgrade, so the file is what the release before the newest migration would have left: the
installed newer app must migrate it, with the usual backup beside it, and keep the record. Two real releases would
be better; this repository has one, and a second installer built from the same program differs only in its
version number (which is what the installer's upgrade path sees).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app import auth, registrations  # noqa: E402
from app.paths import DB_FILENAME  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from db import migrate, migrations  # noqa: E402

NAME = "Rekaman Versi Lama"
NIK = "1671014101900002"
OLD = migrations.KNOWN[-2]


def make_old(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DB_FILENAME).unlink(missing_ok=True)
    workspace = Workspace.open(folder)
    try:
        now = workspace.now()
        with workspace.transaction() as session:
            auth.create_user(session, username="lama", full_name="Petugas Lama", password="petugas-lama-1",
                             role="officer", now=now)
        with workspace.transaction() as session:
            actor = auth.login(session, username="lama", password="petugas-lama-1", now=now,
                               device_id=workspace.device_id)
            registrations.create_draft(session, actor=actor, kind="ektp", now=now, data={"nik": NIK, "name": NAME})
    finally:
        workspace.close()
    _downgrade(folder / DB_FILENAME, OLD)
    print(f"old data: {folder / DB_FILENAME} at revision {migrate.read_revision(folder / DB_FILENAME)}, 1 record")


def _downgrade(path: Path, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    from db.engine import make_engine

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, target)
    finally:
        engine.dispose()


def verify(folder: Path) -> int:
    path = folder / DB_FILENAME
    problems = []
    revision = migrate.read_revision(path)
    if revision != migrations.HEAD:
        problems.append(f"the database is at revision {revision}, not {migrations.HEAD}")
    backups = sorted(folder.glob(f"{path.stem}.backup-*-rev{OLD}{path.suffix}"))
    if len(backups) != 1:
        problems.append(f"expected one backup of revision {OLD} beside the database, found {backups}")
    elif migrate.read_revision(backups[0]) != OLD:
        problems.append(f"the backup {backups[0].name} is not at revision {OLD}")
    if not problems:
        workspace = Workspace.open(folder)
        try:
            with workspace.transaction() as session:
                found = [r.subject_name for r in registrations.search(session, text=NIK)]
        finally:
            workspace.close()
        if found != [NAME]:
            problems.append(f"the record written before the upgrade is not there (found {found})")
    if problems:
        print("UPGRADE CHECK FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"upgrade kept the data: revision {OLD} -> {revision}, backup {backups[0].name}, the old record is there")
    return 0


def main(argv: list[str]) -> int:
    command, folder = argv[0], Path(argv[1])
    if command == "old":
        make_old(folder)
        return 0
    return verify(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
