"""kill -9 of a process importing a batch file: halfway through the file, or with every record applied in the
import's transaction, leaves the supervisor's laptop exactly as before, and the import then succeeds; killed after
the commit and before the photos were moved into place, the next import finishes the move."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from handover_kit import PASSWORD, dump, files_in

from app import sync_state
from sync.handover import export_batch, import_batch
from sync.handover.trust import staging_folder

HELPER = Path(__file__).with_name("handover_import_process.py")
ROOT = Path(__file__).resolve().parents[2]


def run_until(laptop, path: Path, mode: str, word: str, tmp_path: Path) -> None:
    progress = tmp_path / f"progress-{mode}"
    progress.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    laptop.ws.close()  # the helper is the only one using the database while it runs, like a second app window
    proc = subprocess.Popen([sys.executable, str(HELPER), str(laptop.ws.data_folder), laptop.username, PASSWORD,
                             str(path), str(progress), mode], env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    try:
        while not (progress.exists() and progress.read_text() == word):
            assert proc.poll() is None, f"the import ended before it was killed ({proc.returncode})"
            assert time.monotonic() < deadline, "the import never got there"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL


@pytest.fixture
def big_file(tmp_path, pair, kit):
    officer, sup = pair
    ids = kit.submitted(officer.ws, officer.actor, 20)
    for n, rid in enumerate(ids):
        officer.attach(rid, b"\xff\xd8\xff" + bytes([n]) + os.urandom(200_000))
    stick = tmp_path / "stick"
    stick.mkdir()
    return officer, sup, export_batch(officer.ws, officer.actor, stick), ids


@pytest.mark.parametrize("mode, word", [("decrypting", "half"), ("applying", "applying")])
def test_a_killed_import_leaves_the_laptop_as_before_and_the_import_then_succeeds(tmp_path, big_file, mode,
                                                                                  word):
    _officer, sup, exported, ids = big_file
    before, store = dump(sup.ws), files_in(sup.store.root)
    run_until(sup, exported.path, mode, word, tmp_path)
    reopened = type(sup.ws).open(sup.ws.data_folder, key=sup.ws.data_key)
    sup.ws = reopened
    assert dump(reopened) == before
    assert files_in(sup.store.root) == store
    result = import_batch(reopened, sup.actor, exported.path)
    assert (result.records_new, result.files, result.already_imported) == (20, 20, False)
    assert not list(staging_folder(reopened).iterdir())
    with reopened.reading() as s:
        assert sync_state.pending_count(s) == 0


def test_killed_after_the_commit_the_next_import_moves_the_photos_into_place(tmp_path, big_file):
    officer, sup, exported, ids = big_file
    run_until(sup, exported.path, "moving", "moving", tmp_path)
    sup.ws = type(sup.ws).open(sup.ws.data_folder, key=sup.ws.data_key)
    assert files_in(sup.store.root) == []  # committed, not moved yet
    again = import_batch(sup.ws, sup.actor, exported.path)
    assert again.already_imported
    assert len([f for f in files_in(sup.store.root)]) == 20
    assert not list(staging_folder(sup.ws).iterdir())
