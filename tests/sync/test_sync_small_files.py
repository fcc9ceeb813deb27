"""Small files (signatures, photos up to a chunk) go several to a request, and a cut inside such a request sends
again only the files the server had not stored: the file in flight, never the ones before it."""

import hashlib

from app import attachments, sync_state
from bench.faultproxy import Faults
from sync.client import SyncClient
from sync.file_batches import SMALL_FILE_MAX
from sync.file_frames import FrameReader


def add_files(ws, actor, ids, size, seed):
    store = attachments.AttachmentStore.beside(ws.db_path)
    hashes = []
    with ws.transaction() as s:
        for i, rid in enumerate(ids):
            block = hashlib.sha256(f"{seed}-{i}".encode()).digest()
            data = (block * (size // 32 + 1))[:size]
            info = attachments.attach(s, store=store, actor=actor, registration_id=rid, data=data,
                                      media_type="image/png", purpose="signature", now=ws.now())
            hashes.append(info.sha256)
    return hashes


class CountingClient(SyncClient):
    """The real client, noting how many files each multi-file request carried."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.bodies: list[int] = []

    def put_files(self, body: bytes):
        self.bodies.append(len(list(FrameReader(max_file=len(body), max_files=10_000).feed(body))))
        return super().put_files(body)


def counting_client(kit, ws):
    plain = kit.fast_client(ws)
    return CountingClient(plain.server_url, backoff=plain.backoff, give_up_after=30)


def assert_complete_on_server(server, hashes, sizes):
    for sha in hashes:
        row = server.scalar("SELECT complete FROM attachments WHERE sha256 = :s", s=sha)
        assert row in (1, True), sha
    assert server.scalar("SELECT count(*) FROM attachments WHERE size = :n AND complete", n=sizes) >= len(hashes)


def test_a_hundred_signatures_cost_two_requests_not_a_hundred(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 100)
    hashes = add_files(laptop, actor, ids, 8 * 1024 - 7, "sig")
    client = counting_client(kit, laptop)
    result = kit.sync(laptop, client=client)
    assert (result.files_sent, result.file_bytes) == (100, 100 * (8 * 1024 - 7))
    assert result.file_requests == 2 and client.bodies == [100]  # which are missing, then all of them
    assert result.chunk_bytes_sent == result.file_bytes
    assert_complete_on_server(server, hashes, 8 * 1024 - 7)
    with laptop.transaction() as s:
        assert sync_state.sync_log(s)[0].result == "ok"
    # Nothing is sent twice: the next sync finds nothing waiting.
    assert kit.sync(laptop, client=counting_client(kit, laptop)).file_requests == 0


def test_a_cut_inside_a_multi_file_request_resends_only_what_was_not_stored(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 30)
    size = 100 * 1024 - 11  # photos just under the limit, 3 MB in one request
    hashes = add_files(laptop, actor, ids, size, "cut")
    assert size <= SMALL_FILE_MAX
    # The connection is cut some 1.5 MB into it: inside the body of files, after the records went up.
    proxy.faults = Faults(cut_range=(1_400_000, 1_600_000), max_cuts=1)
    client = counting_client(kit, laptop)
    result = kit.sync(laptop, client=client)
    assert proxy.counters.cuts == 1
    assert result.files_sent == 30 and result.file_bytes == 30 * size
    # The first request carried all 30; after the cut only those the server had not stored went again.
    assert client.bodies[0] == 30 and sum(client.bodies[1:]) < 30 - 10, client.bodies
    # What went twice is at most the file in flight.
    assert 0 <= result.chunk_bytes_sent - result.file_bytes <= size
    assert_complete_on_server(server, hashes, size)
    with laptop.transaction() as s:
        assert sync_state.pending_count(s) == 0
        assert sync_state.sync_log(s)[0].result == "ok"


def test_a_bigger_photo_still_goes_in_chunks_beside_the_small_ones(laptop, server, proxy, kit):
    actor = kit.actor_for(laptop, "siti")
    ids = kit.submitted(laptop, actor, 3)
    small = add_files(laptop, actor, ids[:2], 4000, "mixed")
    big = add_files(laptop, actor, ids[2:], SMALL_FILE_MAX + 1, "mixed-big")
    client = counting_client(kit, laptop)
    result = kit.sync(laptop, client=client)
    assert result.files_sent == 3 and client.bodies == [2]
    assert result.file_requests == 1 + 1 + 2  # status, the small ones, the big one's two chunks
    assert_complete_on_server(server, small, 4000)
    assert_complete_on_server(server, big, SMALL_FILE_MAX + 1)
