"""Cancel stops an upload in flight and the next run finishes it; a dead link is waited out with backoff."""

import threading
import time

import pytest

from app import attachments, sync_state
from bench.faultproxy import Faults
from sync.backoff import Cancelled


def test_cancel_during_a_slow_upload_stops_at_once_and_the_next_run_finishes(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    [rid] = kit.submitted(laptop, actor, 1)
    store = attachments.AttachmentStore.beside(laptop.db_path)
    with laptop.transaction() as s:
        sha = attachments.attach(s, store=store, actor=actor, registration_id=rid, data=bytes(range(256)) * 2048,
                                 media_type="image/jpeg", purpose="photo", now=laptop.now()).sha256
    proxy.faults = Faults(bandwidth=400_000)  # a 256 KB chunk takes about 5 s
    cancel = threading.Event()
    phases = []

    def progress(p):
        phases.append(p.phase)
        if p.phase == "files":
            threading.Timer(0.5, cancel.set).start()

    started = time.monotonic()
    with pytest.raises(Cancelled):
        kit.sync(laptop, progress=progress, cancel=cancel, client=kit.fast_client(laptop, cancel=cancel))
    assert time.monotonic() - started < 3.5, "cancel must not wait for the chunk to finish"
    with laptop.transaction() as s:
        assert sync_state.sync_log(s)[0].result == "cancelled"
    proxy.faults = Faults()
    assert kit.sync(laptop).files_sent == 1
    assert server.scalar("SELECT complete FROM attachments WHERE sha256 = :s", s=sha) in (1, True)


def test_a_link_that_is_down_is_waited_out_and_the_sync_resumes_by_itself(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 3)
    proxy.faults = Faults(down_until=time.monotonic() + 1.5)
    client = kit.fast_client(laptop)
    result = kit.sync(laptop, client=client)
    assert result.accepted == 3 and client.retries >= 2
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=ids[0]) == 1
