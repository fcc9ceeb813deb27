"""Every bad batch file is refused whole, with its own code and an Indonesian message, and the staging folder is left
empty (issue 10, "Bad files"). Real files, real keys: each case is a real file on disk made from a good one."""

from __future__ import annotations

import struct
import zipfile

import pytest
from batch_kit import Party, flip, open_as, random_bytes, refusal, write, write_bytes

from sync.batch import BatchError, read_header
from sync.batch import writer as batch_writer
from sync.batch.header import PRELUDE
from sync.batch.stream import SEALED_SIZE, chunk_sizes

SIGNATURE = 64


@pytest.fixture(scope="module")
def parties():
    return {"siti": Party("key-siti"), "ani": Party("key-ani"), "server": Party("key-server"),
            "other": Party("key-other")}


@pytest.fixture(scope="module")
def good(tmp_path_factory, parties):
    """A batch of 20 records and 30 photos from Siti's laptop to the server and to Ani, her supervisor."""
    folder = tmp_path_factory.mktemp("good")
    written = write(folder / "stick", parties["siti"], [parties["server"], parties["ani"]])
    return written.path, written.path.read_bytes()


def _layout(data: bytes) -> dict:
    """Where each part of the file lies, read the way sync/BATCH.md describes it."""
    _magic, _version, length = PRELUDE.unpack(data[:PRELUDE.size])
    header_end = PRELUDE.size + length
    entries, at = [], header_end
    for _ in range(2):
        (size,) = struct.unpack(">H", data[at:at + 2])
        entries.append((at, at + 2, at + 2 + size))  # length field, blob start, blob end
        at += 2 + size
    body_start, body_end = at, len(data) - SIGNATURE
    chunk_starts = list(range(body_start, body_end, SEALED_SIZE))
    return {"header_end": header_end, "entries": entries, "body": (body_start, body_end), "chunks": chunk_starts,
            "header_text": data[PRELUDE.size:header_end]}


def _bad(tmp_path, data: bytes, name: str = "bad.jbb"):
    return write_bytes(tmp_path / name, data)


def test_a_flipped_byte_in_the_prelude_or_header_is_refused(tmp_path, good, parties):
    _path, data = good
    layout = _layout(data)
    ours = layout["header_text"].find(b'"key-ani"') + PRELUDE.size
    staging = tmp_path / "staging"
    for offset in range(layout["header_end"]):
        code = refusal(_bad(tmp_path, flip(data, offset)), parties["ani"], parties["siti"], staging)
        if offset < 8:
            expected = "not_a_batch"
        elif offset == 8:
            expected = "newer_version"  # format version 257: refused before anything else is read
        elif ours < offset < ours + len('"key-ani"') - 1:
            expected = "not_for_us"  # our key id no longer in the list
        else:
            expected = "tampered"  # the version 0, the length, the JSON: the key is bound to the header
        assert code == expected, f"offset {offset}: {code}"


def test_a_flipped_byte_in_the_key_block_is_refused(tmp_path, good, parties):
    _path, data = good
    (server_len, server_blob, server_end), (ani_len, ani_blob, ani_end) = _layout(data)["entries"]
    staging = tmp_path / "staging"
    for offset in range(server_len, ani_end):
        code = refusal(_bad(tmp_path, flip(data, offset)), parties["ani"], parties["siti"], staging)
        # Another recipient's wrapped key is not ours to open: only the signature sees the change.
        expected = "bad_signature" if server_blob <= offset < server_end else "tampered"
        assert code == expected, f"offset {offset}: {code}"


def test_a_flipped_byte_anywhere_in_the_body_is_refused(tmp_path, good, parties):
    _path, data = good
    start, end = _layout(data)["body"]
    offsets = sorted({start, start + 1, start + 16, (start + end) // 2, end - 1, end - 17,
                      *range(start + 5, end, 9973)})
    for offset in offsets:
        code = refusal(_bad(tmp_path, flip(data, offset)), parties["server"], parties["siti"], tmp_path / "s")
        assert code == "tampered", f"offset {offset}: {code}"


def test_a_flipped_byte_in_the_signature_is_refused(tmp_path, good, parties):
    _path, data = good
    for offset in range(len(data) - SIGNATURE, len(data)):
        assert refusal(_bad(tmp_path, flip(data, offset)), parties["ani"], parties["siti"],
                       tmp_path / "s") == "bad_signature"


def test_a_truncated_file_is_refused_at_any_length(tmp_path, good, parties):
    _path, data = good
    layout = _layout(data)
    lengths = {1, 7, 8, 13, 14, layout["header_end"] - 1, layout["header_end"], layout["header_end"] + 1,
               layout["body"][0] + 100, layout["body"][1], len(data) - 1, *range(20, len(data), 7919)}
    for chunk_start in layout["chunks"]:
        lengths |= {chunk_start, chunk_start + 1, chunk_start - 1}
    for length in sorted(lengths):
        assert refusal(_bad(tmp_path, data[:length]), parties["ani"], parties["siti"],
                       tmp_path / "s") == "truncated", f"length {length}"


def test_chunks_removed_repeated_or_swapped_are_refused(tmp_path, good, parties):
    _path, data = good
    layout = _layout(data)
    starts, end = layout["chunks"], layout["body"][1]
    chunks = [data[s:min(s + SEALED_SIZE, end)] for s in starts]
    assert len(chunks) == len(chunk_sizes(read_header(good[0]).bytes)) > 4
    head, tail = data[:starts[0]], data[end:]

    def with_chunks(pieces):
        return _bad(tmp_path, head + b"".join(pieces) + tail)

    cases = {
        "middle removed": (chunks[:2] + chunks[3:], "tampered"),
        "first repeated": ([chunks[0]] + chunks, "tampered"),
        "middle repeated": (chunks[:3] + [chunks[2]] + chunks[3:], "tampered"),
        "two swapped": (chunks[:1] + [chunks[2], chunks[1]] + chunks[3:], "tampered"),
        "last two swapped": (chunks[:-2] + [chunks[-1], chunks[-2]], "tampered"),
        # The header says how many chunks there are: one fewer is a file cut short.
        "last removed": (chunks[:-1], "truncated"),
        "last made not last": (chunks[:-1] + [chunks[-2]], "tampered"),
    }
    for name, (pieces, expected) in cases.items():
        assert refusal(with_chunks(pieces), parties["ani"], parties["siti"], tmp_path / "s") == expected, name


def test_bytes_after_the_signature_are_refused(tmp_path, good, parties):
    _path, data = good
    assert refusal(_bad(tmp_path, data + b"\0"), parties["ani"], parties["siti"], tmp_path / "s") == "tampered"


def test_a_file_for_other_laptops_is_refused_unopened(tmp_path, good, parties):
    path, _data = good
    assert refusal(path, parties["other"], parties["siti"], tmp_path / "s") == "not_for_us"
    assert not (tmp_path / "s").exists()  # refused before anything was staged, or even decrypted


def test_a_recipient_key_id_with_another_private_key_is_refused(tmp_path, good, parties):
    path, _data = good
    mixed = Party("key-ani", encryption=parties["other"].encryption)
    assert refusal(path, mixed, parties["siti"], tmp_path / "s") == "tampered"


def test_a_sender_key_that_does_not_match_is_refused(tmp_path, good, parties):
    path, _data = good
    # The key list says the sender device has another key than the one that signed: a forged sender.
    assert refusal(path, parties["ani"], parties["other"], tmp_path / "s") == "bad_signature"


def test_the_trust_callback_refuses_an_unknown_or_revoked_sender(tmp_path, good, parties):
    path, _data = good
    asked = []

    def revoked(header):
        asked.append(header.sender_device)
        raise BatchError("unknown_sender")

    with pytest.raises(BatchError) as caught:
        open_as_callback(path, parties["ani"], revoked, tmp_path / "s")
    assert caught.value.code == "unknown_sender" and asked == ["device-siti"]
    assert caught.value.params["name"] == path.name  # the reader names the file in the message
    assert "laptop" in caught.value.text("id")
    assert not (tmp_path / "s").exists()


def open_as_callback(path, who, callback, staging):
    from sync.batch import open_batch
    return open_batch(path, who.key_id, who.encryption, callback, staging)


def test_a_newer_format_version_is_refused_with_its_own_code(tmp_path, good, parties):
    _path, data = good
    newer = _bad(tmp_path, data[:8] + struct.pack(">H", 2) + data[10:])
    assert refusal(newer, parties["ani"], parties["siti"], tmp_path / "s") == "newer_version"
    with pytest.raises(BatchError) as caught:
        read_header(newer)
    assert caught.value.code == "newer_version"
    assert "versi" in caught.value.text("id").lower()


@pytest.mark.parametrize("case", ["zip", "random", "empty", "text"])
def test_files_that_are_not_batches_are_refused(tmp_path, parties, case):
    path = tmp_path / "siti-0007.jbb"
    if case == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("records.json", '{"records": []}')
    else:
        path.write_bytes({"random": random_bytes(200_000), "empty": b"", "text": b"JBB batch\r\n"}[case])
    assert refusal(path, parties["ani"], parties["siti"], tmp_path / "s") == "not_a_batch"
    with pytest.raises(BatchError) as caught:
        read_header(path)
    assert caught.value.code == "not_a_batch"


def test_a_part_file_is_refused_even_when_its_bytes_are_complete(tmp_path, good, parties):
    _path, data = good
    # A .part name means the writer did not finish (the stick was pulled before the rename).
    part = _bad(tmp_path, data, "siti-0007.jbb.part")
    assert refusal(part, parties["ani"], parties["siti"], tmp_path / "s") == "truncated"
    cut = _bad(tmp_path, data[:len(data) // 2], "siti-0008.jbb.part")
    assert refusal(cut, parties["ani"], parties["siti"], tmp_path / "s") == "truncated"
    with pytest.raises(BatchError) as caught:
        read_header(part)  # not even listed as if it were whole
    assert caught.value.code == "truncated"


def test_a_missing_file_cannot_be_read(tmp_path, parties):
    assert refusal(tmp_path / "gone.jbb", parties["ani"], parties["siti"], tmp_path / "s") == "cannot_read"


def _lying_copy(path, sha, size, sealer):
    """A writer that signs what it did not check: the photo's bytes are not the ones its hash names."""
    data = bytearray(path.read_bytes())
    if data:
        data[len(data) // 2] ^= 0xFF
    sealer.write(bytes(data))


def test_a_signed_attachment_that_does_not_match_its_hash_is_refused(tmp_path, parties, monkeypatch):
    monkeypatch.setattr(batch_writer, "_copy_checked", _lying_copy)
    written = write(tmp_path / "stick", parties["siti"], [parties["ani"]], records=3, attachments=5)
    staging = tmp_path / "staging"
    assert refusal(written.path, parties["ani"], parties["siti"], staging) == "bad_attachment"
    # The same file with its signature broken too: the signature, checked over every byte, decides.
    data = written.path.read_bytes()
    broken = _bad(tmp_path, flip(data, len(data) - 1))
    assert refusal(broken, parties["ani"], parties["siti"], staging) == "bad_signature"


def test_a_refusal_in_the_middle_leaves_earlier_staged_files_removed(tmp_path, good, parties):
    _path, data = good
    start, end = _layout(data)["body"]
    staging = tmp_path / "staging"
    # Late in the body: most photos were staged by the time the broken chunk is reached.
    assert refusal(_bad(tmp_path, flip(data, end - 100)), parties["ani"], parties["siti"], staging) == "tampered"
    assert staging.exists() and list(staging.iterdir()) == []


def test_read_header_shows_the_claim_without_any_key(good):
    path, _data = good
    header = read_header(path)
    assert (header.file_type, header.sender_device, header.sequence) == ("batch", "device-siti", 7)
    assert header.recipients == ("key-server", "key-ani") and header.attachments == 30 and header.records == 20


def test_opening_twice_into_a_clean_staging_works_and_the_file_is_unchanged(tmp_path, good, parties):
    path, data = good
    opened = open_as(path, parties["ani"], parties["siti"], tmp_path / "a")
    assert len(opened.attachments) == 30
    assert path.read_bytes() == data


class _TwoFacedSuite:
    """A sender that wraps another content key for its second recipient (to show them other records)."""

    def __init__(self, real):
        self._real, self._calls = real, 0

    def encrypt(self, plaintext, public_key, info=None):
        self._calls += 1
        key = plaintext if self._calls == 1 else bytes(32)
        return self._real.encrypt(key, public_key, info=info)


def test_every_recipient_must_get_the_key_the_header_commits_to(tmp_path, parties, monkeypatch):
    monkeypatch.setattr(batch_writer, "SUITE", _TwoFacedSuite(batch_writer.SUITE))
    written = write(tmp_path / "stick", parties["siti"], [parties["server"], parties["ani"]], records=3,
                    attachments=2)
    assert open_as(written.path, parties["server"], parties["siti"], tmp_path / "a").payload == written.payload
    assert refusal(written.path, parties["ani"], parties["siti"], tmp_path / "b") == "tampered"
