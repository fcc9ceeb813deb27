"""Imports a batch file in a process of its own, for the kill -9 test (tests/sync/test_handover_crash.py).

    python handover_import_process.py DATA_FOLDER USERNAME PASSWORD FILE PROGRESS_FILE MODE

MODE ``decrypting``: halfway through the file, it writes "half" to PROGRESS_FILE and waits to be killed.
MODE ``applying``: with every record applied inside the import's transaction (not committed), it writes "applying"
and waits. MODE ``moving``: committed, the staged photos not yet moved into the store: "moving", and waits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app import auth, files_after_commit, login
from app.workspace import Workspace
from sync.handover import import_batch, importer


def wait_to_be_killed(progress: Path, word: str) -> None:
    progress.write_text(word)
    time.sleep(120)
    raise SystemExit("not killed")


def main(folder: str, username: str, password: str, path: str, progress_file: str, mode: str) -> None:
    progress = Path(progress_file)
    ws = Workspace.open(Path(folder))
    actor = login.attempt_login(ws, username=username, password=password)  # the encrypted database opens here
    assert isinstance(actor, auth.Actor), actor

    def report(done: int, total: int) -> None:
        if mode == "decrypting" and total and done >= total // 2:
            wait_to_be_killed(progress, "half")

    if mode == "applying":
        real = importer._apply

        def apply_then_wait(session, *args, **kw):
            result = real(session, *args, **kw)
            session.flush()
            wait_to_be_killed(progress, "applying")
            return result

        importer._apply = apply_then_wait
    if mode == "moving":
        real_commit = files_after_commit._on_commit

        def commit_then_wait(session):
            if session.info.get(files_after_commit._MOVES) or session.info.get(files_after_commit._ADOPT):
                wait_to_be_killed(progress, "moving")
            real_commit(session)

        from sqlalchemy import event

        # The workspace's hook, re-pointed: the photos are not moved until the process is killed.
        event.remove(ws._sessions, "after_commit", real_commit)
        event.listen(ws._sessions, "after_commit", commit_then_wait)
    import_batch(ws, actor, Path(path), progress=report)
    progress.write_text("finished")


if __name__ == "__main__":
    main(*sys.argv[1:])
