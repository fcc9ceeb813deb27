"""A batch file written by one laptop opens on each recipient's with everything it holds, checked (sync/BATCH.md);
the writer leaves no file behind when it cannot finish, and splits what a FAT32 stick cannot hold in one file."""

from __future__ import annotations

import hashlib
import json

import pytest
from batch_kit import Party, header, make_attachments, open_as, records_payload, refusal, write

from sync.batch import BatchError, read_header, volume_path, volumes, write_batch
from sync.batch.header import MAGIC, PRELUDE, VOLUME_MAGIC
from sync.batch.stream import CHUNK_SIZE
from sync.batch.volumes import MIN_LIMIT


@pytest.fixture
def siti():
    return Party("key-siti")


@pytest.fixture
def ani():
    return Party("key-ani")


@pytest.fixture
def server():
    return Party("key-server")


def test_two_recipients_each_open_the_same_file_with_every_record_and_photo(tmp_path, siti, ani, server):
    written = write(tmp_path / "stick", siti, [server, ani], records=50, attachments=30)
    assert written.path.name == "siti-0007.jbb" and sorted(p.name for p in written.path.parent.iterdir()) == [
        "siti-0007.jbb"]
    for who in (ani, server):
        staging = tmp_path / f"staging-{who.key_id}"
        opened = open_as(written.path, who, siti, staging)
        assert opened.payload == written.payload
        assert json.loads(opened.payload)["records"][0]["kind"] == "birth"
        assert list(opened.manifest.records) == written.records
        assert opened.header.sender_device == "device-siti" and opened.header.sequence == 7
        assert opened.header.recipients == ("key-server", "key-ani")
        assert opened.header.records == 50 and opened.header.attachments == 30
        assert opened.header.file_id == written.header.file_id
        assert set(opened.attachments) == set(written.attachments)
        for sha, staged in opened.attachments.items():
            assert staged.parent == staging and staged.read_bytes() == written.attachments[sha]
            assert hashlib.sha256(staged.read_bytes()).hexdigest() == sha
        assert sorted(p.name for p in staging.iterdir()) == sorted(written.attachments)


def test_the_file_is_laid_out_as_batch_md_says(tmp_path, siti, ani):
    written = write(tmp_path / "stick", siti, [ani], records=5, attachments=3)
    data = written.path.read_bytes()
    magic, version, length = PRELUDE.unpack(data[:PRELUDE.size])
    assert (magic, version) == (MAGIC, 1)
    text = data[PRELUDE.size:PRELUDE.size + length]
    assert json.loads(text) == read_header(written.path).to_json()
    assert json.dumps(json.loads(text), sort_keys=True, separators=(",", ":")).encode() == text  # canonical
    # Nothing readable after the header: no name, NIK or id of a record travels in the clear.
    rest = data[PRELUDE.size + length:]
    assert b"Siti Aminah" not in rest and written.records[0].id.encode() not in rest
    overhead = len(data) - read_header(written.path).bytes
    assert overhead < 1000 + 16 * (read_header(written.path).bytes // CHUNK_SIZE + 1)


def test_a_receipt_is_the_same_format_with_its_own_type_and_extension(tmp_path, siti, ani):
    head = header(file_type="receipt", device="device-ani")
    path = write_batch(tmp_path, "tanda-terima-0007", head, b'{"received": []}', [], ani.signing,
                       [siti.recipient], records=[])
    assert path.name == "tanda-terima-0007.jbr"
    opened = open_as(path, siti, ani, tmp_path / "staging")
    assert opened.header.file_type == "receipt" and opened.payload == b'{"received": []}'
    assert opened.attachments == {} and opened.manifest.records == ()


def test_progress_counts_every_plaintext_byte_on_both_sides(tmp_path, siti, ani):
    seen = []
    written = write(tmp_path / "stick", siti, [ani], records=30, attachments=10,
                    progress=lambda done, total: seen.append((done, total)))
    total = read_header(written.path).bytes
    assert seen[0] == (0, total) and seen[-1] == (total, total) and len(seen) > total // CHUNK_SIZE
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    read = []
    open_as(written.path, ani, siti, tmp_path / "staging", progress=lambda done, t: read.append((done, t)))
    assert read[0] == (0, total) and read[-1] == (total, total)


def test_a_cancelled_write_leaves_no_file(tmp_path, siti, ani):
    def cancel(done, _total):
        if done > 3 * CHUNK_SIZE:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write(tmp_path / "stick", siti, [ani], progress=cancel)
    assert list((tmp_path / "stick").iterdir()) == []


def test_a_cancelled_import_leaves_the_staging_folder_empty(tmp_path, siti, ani):
    written = write(tmp_path / "stick", siti, [ani])

    def cancel(done, _total):
        if done > 5 * CHUNK_SIZE:
            raise InterruptedError  # an OSError: still the caller's, not a disk error

    with pytest.raises(InterruptedError):
        open_as(written.path, ani, siti, tmp_path / "staging", progress=cancel)
    assert list((tmp_path / "staging").iterdir()) == []


def test_what_a_killed_import_left_in_staging_is_cleared_and_anything_else_refused(tmp_path, siti, ani):
    written = write(tmp_path / "stick", siti, [ani], attachments=4)
    staging = tmp_path / "staging"
    staging.mkdir()
    sha = next(iter(written.attachments))
    (staging / f"{sha}.part").write_bytes(b"half")
    (staging / ("0" * 64)).write_bytes(b"old")
    opened = open_as(written.path, ani, siti, staging)
    assert sorted(p.name for p in staging.iterdir()) == sorted(opened.attachments)
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError):
        open_as(written.path, ani, siti, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def test_an_attachment_that_changed_on_the_laptop_stops_the_write_and_leaves_no_file(tmp_path, siti, ani):
    payload, entries = records_payload(3)
    files = make_attachments(tmp_path / "photos", 4)
    sha, path = list(files.items())[1]
    path.write_bytes(path.read_bytes()[:-1] + b"X")  # same size, other bytes
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(BatchError) as caught:
        write_batch(stick, "siti-0007", header(), payload, list(files.items()), siti.signing, [ani.recipient],
                    records=entries)
    assert caught.value.code == "attachment_changed" and caught.value.params["name"] == path.name
    assert list(stick.iterdir()) == []
    path.unlink()
    with pytest.raises(BatchError) as caught:
        write_batch(stick, "siti-0007", header(), payload, list(files.items()), siti.signing, [ani.recipient],
                    records=entries)
    assert caught.value.code == "attachment_changed" and list(stick.iterdir()) == []


def test_a_repeated_attachment_is_written_once(tmp_path, siti, ani):
    payload, entries = records_payload(2)
    files = list(make_attachments(tmp_path / "photos", 3).items())
    path = write_batch(tmp_path, "x", header(), payload, files + files[:2], siti.signing, [ani.recipient],
                       records=entries)
    opened = open_as(path, ani, siti, tmp_path / "staging")
    assert len(opened.manifest.attachments) == 3 and opened.header.attachments == 3


def test_a_file_over_the_volume_limit_is_split_and_read_back_whole(tmp_path, siti, ani):
    limit = MIN_LIMIT
    written = write(tmp_path / "stick", siti, [ani], records=40, attachments=30, volume_limit=limit)
    names = sorted(p.name for p in written.path.parent.iterdir())
    count = len(names)
    assert volumes(written.path) == [volume_path(written.path, n) for n in range(1, count + 1)]
    assert count >= 5 and names == sorted(volume_path(written.path, n).name for n in range(1, count + 1))
    assert names[:2] == ["siti-0007.002.jbb", "siti-0007.003.jbb"] and "siti-0007.jbb" in names
    for n in range(1, count + 1):
        volume = volume_path(written.path, n)
        assert volume.stat().st_size <= limit
        assert volume.read_bytes()[:8] == (MAGIC if n == 1 else VOLUME_MAGIC)
    opened = open_as(written.path, ani, siti, tmp_path / "staging")
    assert opened.payload == written.payload and set(opened.attachments) == set(written.attachments)

    # A later volume opened on its own says to open the first one.
    assert refusal(volume_path(written.path, 2), ani, siti, tmp_path / "s") == "not_first_volume"
    # A volume missing (left on the other stick) is a file cut short; volumes in the wrong place are refused.
    third = volume_path(written.path, 3)
    kept = third.read_bytes()
    third.unlink()
    assert refusal(written.path, ani, siti, tmp_path / "s") == "truncated"
    third.write_bytes(volume_path(written.path, 4).read_bytes())
    assert refusal(written.path, ani, siti, tmp_path / "s") == "tampered"
    third.write_bytes(kept)
    assert open_as(written.path, ani, siti, tmp_path / "again").payload == written.payload


def test_a_volume_of_another_batch_is_refused(tmp_path, siti, ani):
    one = write(tmp_path / "one", siti, [ani], attachments=20, volume_limit=MIN_LIMIT)
    two = write(tmp_path / "two", siti, [ani], attachments=20, volume_limit=MIN_LIMIT)
    volume_path(one.path, 2).write_bytes(volume_path(two.path, 2).read_bytes())
    assert refusal(one.path, ani, siti, tmp_path / "s") == "tampered"


def test_writing_again_under_the_same_name_replaces_the_file_and_its_old_volumes(tmp_path, siti, ani):
    big = write(tmp_path / "stick", siti, [ani], attachments=30, volume_limit=MIN_LIMIT)
    assert volume_path(big.path, 3).exists()
    small = write(tmp_path / "stick", siti, [ani], records=2, attachments=0, volume_limit=MIN_LIMIT)
    assert sorted(p.name for p in small.path.parent.iterdir()) == ["siti-0007.jbb"]
    assert open_as(small.path, ani, siti, tmp_path / "staging").payload == small.payload


def test_every_error_code_has_an_indonesian_message():
    from sync.batch import CODES
    for code in CODES:
        error = BatchError(code, name="siti-0007.jbb", reason="Input/output error")
        assert error.text("id") != error.template, code
        assert "siti-0007.jbb" in error.text("id")
    with pytest.raises(ValueError):
        BatchError("no_such_code")


def test_a_cancelled_write_keeps_the_callers_exception(tmp_path, siti, ani):
    def cancel(done, _total):
        if done > CHUNK_SIZE:
            raise InterruptedError  # an OSError, yet not the disk's: it reaches the caller as it was raised

    with pytest.raises(InterruptedError):
        write(tmp_path / "stick", siti, [ani], progress=cancel)
    assert list((tmp_path / "stick").iterdir()) == []


def test_the_laptops_sealed_photos_travel_as_their_plaintext(tmp_path, siti, ani):
    """Photos in a laptop's store are sealed with its data key (app/at_rest); the batch carries what they hold."""
    from app.attachments import AttachmentStore
    from app.workspace import Workspace

    ws = Workspace.open(tmp_path / "laptop")
    try:
        store = AttachmentStore.beside(ws.db_path)
        photos = [bytes([n]) * 150_000 + b"FOTO" for n in range(3)]
        files = [(store.put(p), store.path(store.put(p))) for p in photos]
        assert all(b"FOTO" not in path.read_bytes() for _sha, path in files)
        payload, records = records_payload(2)
        (tmp_path / "stick").mkdir()
        path = write_batch(tmp_path / "stick", "siti-0007", header(), payload, files, siti.signing,
                           [ani.recipient], records=records)
    finally:
        ws.close()
    opened = open_as(path, ani, siti, tmp_path / "staging")
    assert sorted(p.read_bytes() for p in opened.attachments.values()) == sorted(photos)
