import hashlib
from datetime import datetime

import pytest

from app import attachments, registrations as regs

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def store(workspace):
    return attachments.AttachmentStore.beside(workspace.db_path)


def test_files_are_stored_once_by_hash_and_linked(workspace, officer, store):
    photo = b"\xff\xd8\xff" + bytes(range(256)) * 40
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "RINA"})
        first = attachments.attach(s, store=store, actor=officer, registration_id=reg.id, data=photo,
                                   media_type="image/jpeg", purpose="photo", now=T0)
        attachments.attach(s, store=store, actor=officer, registration_id=reg.id, data=photo,
                           media_type="image/jpeg", purpose="kk", now=T0, label="KK")
    assert first.sha256 == hashlib.sha256(photo).hexdigest()
    sealed = store.path(first.sha256).read_bytes()
    assert sealed.startswith(b"JBF1") and photo[:64] not in sealed  # sealed with the laptop's data key
    assert [f.name for f in store.root.rglob("*") if f.is_file()] == [first.sha256]
    with workspace.transaction() as s:
        listed = attachments.attachments_of(s, reg.id)
    assert [(a.purpose, a.size) for a in listed] == [("photo", len(photo)), ("kk", len(photo))]
    assert store.read(first.sha256) == photo


def test_missing_or_damaged_file_is_reported_with_a_message(store):
    sha = store.put(b"scan of a birth letter")
    store.path(sha).write_bytes(b"scan of a birth lettex")
    with pytest.raises(attachments.AttachmentProblem) as damaged:
        store.read(sha, label="Surat lahir")
    assert damaged.value.template == attachments.MSG_CORRUPT
    store.path(sha).unlink()
    with pytest.raises(attachments.AttachmentProblem) as missing:
        store.read(sha, label="Surat lahir")
    assert missing.value.template == attachments.MSG_MISSING
    assert "Surat lahir" in missing.value.text("id")


def test_attach_files_links_each_file_in_the_one_transaction(workspace, officer, store):
    from types import SimpleNamespace

    files = [SimpleNamespace(data=b"small photo", media_type="image/jpeg", purpose="photo"),
             SimpleNamespace(data=b"the original", media_type="image/jpeg", purpose="photo")]
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "RINA"})
        stored = attachments.attach_files(s, store=store, actor=officer, registration_id=reg.id, files=files, now=T0)
    with workspace.transaction() as s:
        listed = attachments.attachments_of(s, reg.id)
    assert [a.sha256 for a in listed] == [a.sha256 for a in stored]
    assert [a.size for a in listed] == [len(f.data) for f in files]
