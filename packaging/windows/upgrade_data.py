"""The data side of the Windows upgrade check (scripts/check-windows.sh), run on Linux with the project's .venv:

    .venv/bin/python packaging/windows/upgrade_data.py old DIR      # DIR/jemput.sqlite as an older release left it
    .venv/bin/python packaging/windows/upgrade_data.py verify DIR   # after the newer release opened DIR

"old" puts in DIR the fixture of revision 0012 (tests/data, made by tests/data/make_fixtures.py): the last release
whose database, photos and backups were plaintext, with accounts, records of every status and a sync state. The
installed newer app must, at its first start and before showing the login, encrypt it (an encrypted backup first,
the plaintext wiped; docs/ENCRYPTION.md) and migrate it to the newest revision (with its own backup). "verify" then
checks that nothing in the folder is plaintext, that the database is locked, that the fixture officer's password
unlocks it, and that it is at the newest revision with every record of the fixture. Two real releases would be better; this
repository has one, and a second installer built from the same program differs only in its version number (which
is what the installer's upgrade path sees).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app import login, registrations  # noqa: E402
from app.paths import DB_FILENAME  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from db import migrate, migrations  # noqa: E402

OLD = "0012"
FIXTURE = ROOT / "tests" / "data" / f"jemput-rev{OLD}.sqlite"
USERNAME, PASSWORD = "siti", "rahasia123"  # the fixture's officer (tests/data/make_fixtures.py)
NIK = "1603021201850001"  # Ahmad's e-KTP record in the fixture
RECORDS = 9  # every record the fixture holds, each status included


def make_old(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.iterdir():
        if leftover.is_file():
            leftover.unlink()
    shutil.copyfile(FIXTURE, folder / DB_FILENAME)
    print(f"old data: {folder / DB_FILENAME} at revision {migrate.read_revision(folder / DB_FILENAME)} (plaintext)")


def verify(folder: Path) -> int:
    path = folder / DB_FILENAME
    problems = [f"{p.name} is plaintext" for p in folder.iterdir() if p.is_file() and migrate.is_plaintext(p)]
    if not (folder / "keyring.json").exists():
        problems.append("the app wrote no key ring: the database was not encrypted")
    backups = sorted(folder.glob(f"{path.stem}.backup-*-rev{OLD}{path.suffix}"))
    if not backups:
        problems.append(f"no backup of revision {OLD} beside the database")
    if not problems:
        workspace = Workspace.open(folder)
        try:
            if not workspace.locked:
                problems.append("the converted database opened without a password")
            # The login is the laptop's: the schema was already migrated by the installed app at its start.
            answer = login.attempt_login(workspace, username=USERNAME, password=PASSWORD)
            if getattr(answer, "username", None) != USERNAME:
                problems.append(f"the fixture officer's password did not unlock the database ({answer!r})")
            else:
                revision = migrate.read_revision(path, workspace.data_key)
                if revision != migrations.HEAD:
                    problems.append(f"the database is at revision {revision}, not {migrations.HEAD}")
                for backup in backups:
                    if migrate.read_revision(backup, workspace.data_key) != OLD:
                        problems.append(f"the backup {backup.name} is not at revision {OLD}")
                with workspace.transaction() as session:
                    found = registrations.count(session)
                    ahmad = registrations.search(session, text=NIK, kind="ektp")
                if found != RECORDS or len(ahmad) != 1:
                    problems.append(f"records lost in the upgrade: {found} of {RECORDS}, Ahmad found {len(ahmad)}")
        finally:
            workspace.close()
    if problems:
        print("UPGRADE CHECK FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"upgrade kept the data: plaintext revision {OLD} encrypted by the installed app, unlocked by the "
          f"officer's password and migrated to {migrations.HEAD}; backups {', '.join(b.name for b in backups)}; {RECORDS} records there")
    return 0


def main(argv: list[str]) -> int:
    command, folder = argv[0], Path(argv[1])
    if command == "old":
        make_old(folder)
        return 0
    return verify(folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
