"""Cuts at random byte offsets during a push of records and photos; a client killed with SIGKILL mid-sync.

The server must end with every record exactly once and every photo complete, and a cut must cost at most the
chunk in flight.
"""

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from app import attachments, sync_state
from app.paths import DB_FILENAME
from app.status import SUBMITTED
from app.at_rest import file_cipher
from bench.faultproxy import Faults
from db import migrate
from sync.payload import CHUNK_SIZE

ROOT = Path(__file__).resolve().parents[2]


def add_photos(ws, actor, ids, size, seed):
    store = attachments.AttachmentStore.beside(ws.db_path)
    hashes = []
    with ws.transaction() as s:
        for i, rid in enumerate(ids):
            data = hashlib.sha256(f"{seed}-{i}".encode()).digest() * (size // 32)  # distinct per photo
            data = bytes(b ^ (j * 131 % 251) for j, b in enumerate(data)) if i % 2 else data
            info = attachments.attach(s, store=store, actor=actor, registration_id=rid, data=data,
                                      media_type="image/jpeg", purpose="photo", now=ws.now())
            hashes.append(info.sha256)
    return hashes


def assert_server_has_exactly(server, ids, hashes):
    marks = ",".join(f"'{i}'" for i in ids)
    assert server.scalar(f"SELECT count(*) FROM registrations WHERE id IN ({marks})") == len(ids)
    # One version and one create entry each: nothing was applied twice.
    assert server.scalar(f"SELECT sum(version) FROM registrations WHERE id IN ({marks})") == len(ids)
    assert server.scalar(f"SELECT count(*) FROM registration_history WHERE registration_id IN ({marks})") == len(ids)
    folder = server.settings.attachments_dir
    for sha in hashes:
        assert server.scalar("SELECT complete FROM attachments WHERE sha256 = :s", s=sha) in (1, True)
        sealed = folder / sha[:2] / sha  # sealed with the server's data key
        assert hashlib.sha256(file_cipher.read_sealed(server.settings.data_key, sealed)).hexdigest() == sha


def test_cuts_at_random_points_lose_nothing_and_double_nothing(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 40)
    hashes = add_photos(laptop, actor, ids[:5], 600 * 1024, "cuts")
    proxy.faults = Faults(cut_range=(20_000, 300_000), max_cuts=10)
    result = kit.sync(laptop)
    assert proxy.counters.cuts >= 5, "the test must really cut"
    assert (result.sent, result.accepted + result.duplicates, result.files_sent) == (40, 40, 5)
    assert_server_has_exactly(server, ids, hashes)
    # Each cut during an upload costs at most the chunk in flight.
    assert result.chunk_bytes_sent - result.file_bytes <= proxy.counters.cuts * CHUNK_SIZE
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == 0
        assert sync_state.sync_log(s)[0].result == "ok"


CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from app.workspace import Workspace
    from sync.backoff import Backoff
    from sync.client import SyncClient
    from sync.engine import run_sync
    from sync.enrol import settings

    from app.login import attempt_login

    ws = Workspace.open(sys.argv[2])
    password = sys.stdin.readline().strip()  # never on the command line
    attempt_login(ws, username="siti", password=password)  # the encrypted database opens at the login
    url, _ = settings(ws)
    run_sync(ws, username="siti", password=password,
             client=SyncClient(url, backoff=Backoff(base=0.05, cap=0.5), give_up_after=60))
    print("finished", flush=True)
""")


def run_child(folder, password):
    return subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(folder)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})


def test_a_client_killed_mid_sync_finishes_on_restart_with_nothing_lost_or_doubled(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 1100)  # three batches
    hashes = add_photos(laptop, actor, ids[:3], 700 * 1024, "kill")
    folder = laptop.db_path.parent
    key = laptop.data_key
    laptop.close()
    proxy.faults = Faults(bandwidth=200_000, delay=0.02)
    proxy.reset_counters()
    batches_before = server.scalar("SELECT count(*) FROM push_batches")
    child = run_child(folder, kit.password)
    child.stdin.write(kit.password + "\n")
    child.stdin.flush()
    deadline = time.monotonic() + 30
    # Killed once the server has answered the first batch and the second is on its way (a few KB of it sent).
    while (server.scalar("SELECT count(*) FROM push_batches") == batches_before and child.poll() is None
           and time.monotonic() < deadline):
        time.sleep(0.005)
    answered_at = proxy.counters.bytes_up
    while proxy.counters.bytes_up < answered_at + 4_000 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    marks = ",".join(f"'{i}'" for i in ids)
    on_server = server.scalar(f"SELECT count(*) FROM registrations WHERE id IN ({marks})")
    shas = ",".join(f"'{h}'" for h in hashes)  # this test's files only: the server is shared by the module's tests
    complete = server.scalar(f"SELECT count(*) FROM attachments WHERE complete AND sha256 IN ({shas})")
    assert on_server < len(ids) or complete < len(hashes), "killed too late to test anything"
    db = migrate.connect(folder / DB_FILENAME, key)
    try:
        stored = db.execute("SELECT value FROM app_meta WHERE key = 'push_batch'").fetchone()
    finally:
        db.close()
    assert stored, "killed between batches: the resend of a stored batch id is what this test is about"

    proxy.faults = Faults()
    again = run_child(folder, kit.password)
    out, err = again.communicate(kit.password + "\n", timeout=60)
    assert again.returncode == 0, err
    assert_server_has_exactly(server, ids, hashes)
    from app.workspace import Workspace
    from app import registrations as regs

    ws = Workspace.open(folder, key=key)
    try:
        with ws.transaction() as s:
            assert sync_state.pending_count(s) == 0
            assert {regs.get(s, i).status for i in ids} == {SUBMITTED}
            assert [log.result for log in sync_state.sync_log(s)][:2] == ["ok", "running"]  # the killed run
    finally:
        ws.close()
