from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app import attachments, registrations as regs, retention, status
from app.settings import Settings
from db import name_search
from db.models import (Attachment, AuditEvent, Person, Registration, RegistrationAttachment, RegistrationChange,
                       RegistrationPerson, SyncConflict)

NOW = datetime(2027, 3, 1, 9, 0)
OLD = NOW - timedelta(days=120)
NIK_RINA = "3201014101900001"
NIK_BUDI = "3201010202850002"


@pytest.fixture
def store(workspace):
    return attachments.AttachmentStore.beside(workspace.db_path)


def make(session, officer, store, *, at=OLD, state=status.DONE, synced=True, name="RINA", nik=NIK_RINA,
         files=(), uploaded=True):
    """A registration as the sync leaves it: everything dated ``at``, history included."""
    reg = regs.create_draft(session, actor=officer, kind="ektp", now=at, data={"name": name, "nik": nik})
    reg.status = state
    if state != status.DRAFT:
        reg.version = 3
        reg.server_version = 2
        reg.synced_version = 3 if synced else 2
        reg.sync_state = "synced" if synced else "pending"
    for data in files:
        info = attachments.attach(session, store=store, actor=officer, registration_id=reg.id, data=data,
                                  media_type="image/jpeg", purpose="photo", now=at)
        session.get(Attachment, info.sha256).uploaded = uploaded
    session.flush()
    return reg.id


def count(session, model, *where):
    return session.scalar(select(func.count()).select_from(model).where(*where))


def test_an_old_done_synced_record_goes_with_its_history_links_person_and_file(workspace, officer, store):
    photo = b"\xff\xd8 photo of rina"
    with workspace.transaction() as s:
        rid = make(s, officer, store, files=[photo])
        person_id = s.get(Registration, rid).person_id
        sha = s.scalar(select(RegistrationAttachment.sha256))
    assert store.path(sha).exists()
    with workspace.transaction() as s:
        assert retention.purgeable(s, now=NOW, retention_days=90) == [rid]
        report = retention.purge(s, store=store, actor_or_none=officer, now=NOW, retention_days=90)
        # Not before the commit: a rollback here must find every file still in place.
        assert store.path(sha).exists()
    assert report == retention.PurgeReport(registrations=1, persons=1, files=1, bytes=len(photo))
    assert not store.path(sha).exists()
    with workspace.transaction() as s:
        assert s.get(Registration, rid) is None
        assert regs.search(s, text="rina") == [] and regs.count(s, text="rin") == 0
        assert count(s, name_search.ids) == count(s, name_search.names) == 0  # gone from the name index too
        assert s.get(Person, person_id) is None
        assert s.get(Attachment, sha) is None
        for model in (RegistrationChange, RegistrationPerson, RegistrationAttachment):
            assert count(s, model, model.registration_id == rid) == 0


def test_records_the_server_has_not_confirmed_or_still_recent_are_kept(workspace, officer, store):
    with workspace.transaction() as s:
        unsent = make(s, officer, store, synced=False, name="A", nik="3201010101900011")
        conflict = make(s, officer, store, name="B", nik="3201010101900012")
        s.add(SyncConflict(registration_id=conflict, server_version=3, server_copy={}, device_copy={},
                           detected_at=OLD))
        newer = make(s, officer, store, at=NOW - timedelta(days=10), name="C", nik="3201010101900013")
        draft = make(s, officer, store, state=status.DRAFT, name="D", nik="3201010101900014")
        accepted = make(s, officer, store, state=status.ACCEPTED, name="E", nik="3201010101900015")
        file_not_uploaded = make(s, officer, store, name="F", nik="3201010101900016", files=[b"scan"],
                                 uploaded=False)
        old_but_touched = make(s, officer, store, name="G", nik="3201010101900017")
        s.add(RegistrationChange(registration_id=old_but_touched, version=3, user_id=officer.user_id,
                                 at=NOW - timedelta(days=1), action="status", changes={}))
    kept = {unsent, conflict, newer, draft, accepted, file_not_uploaded, old_but_touched}
    with workspace.transaction() as s:
        assert retention.purgeable(s, now=NOW, retention_days=90) == []
        assert not retention.purge(s, store=store, actor_or_none=officer, now=NOW, retention_days=90)
    with workspace.transaction() as s:
        assert set(s.scalars(select(Registration.id))) == kept
        assert count(s, Person) == len(kept)
        assert count(s, AuditEvent, AuditEvent.action == "purge") == 0  # nothing happened, nothing to log


def test_a_person_and_a_file_still_used_by_a_kept_record_stay(workspace, officer, store):
    shared = b"\xff\xd8 family card"
    with workspace.transaction() as s:
        gone = make(s, officer, store, files=[shared, b"only the old one"])
        kept = make(s, officer, store, state=status.ACCEPTED, files=[shared])  # same NIK: the same person
        person_id = s.get(Registration, kept).person_id
        assert s.get(Registration, gone).person_id == person_id
    with workspace.transaction() as s:
        report = retention.purge(s, store=store, actor_or_none=None, now=NOW, retention_days=90)
    assert (report.registrations, report.persons, report.files) == (1, 0, 1)
    sha = attachments.hashlib.sha256(shared).hexdigest()
    assert store.read(sha) == shared
    with workspace.transaction() as s:
        assert s.get(Person, person_id) is not None
        assert s.get(Attachment, sha) is not None
        assert [a.sha256 for a in attachments.attachments_of(s, kept)] == [sha]


def test_zero_days_turns_the_purge_off(workspace, officer, store):
    with workspace.transaction() as s:
        make(s, officer, store, at=NOW - timedelta(days=3000))
    with workspace.transaction() as s:
        assert retention.purgeable(s, now=NOW, retention_days=0) == []
        assert retention.purge(s, store=store, actor_or_none=officer, now=NOW, retention_days=0) == \
            retention.PurgeReport()
        assert count(s, Registration) == 1


def test_a_rollback_keeps_rows_and_files(workspace, officer, store):
    with workspace.transaction() as s:
        make(s, officer, store, files=[b"photo"])
    sha = attachments.hashlib.sha256(b"photo").hexdigest()
    with pytest.raises(RuntimeError), workspace.transaction() as s:
        retention.purge(s, store=store, actor_or_none=officer, now=NOW, retention_days=90)
        raise RuntimeError("power cut before the commit")
    assert store.path(sha).exists()
    with workspace.transaction() as s:
        assert count(s, Registration) == 1
        assert count(s, Attachment) == 1
    # A later commit of another session must not act on the abandoned purge's files.
    with workspace.transaction() as s:
        s.add(AuditEvent(at=NOW, action="login", username="siti"))
    assert store.path(sha).exists()


def test_the_audit_event_has_counts_and_no_personal_data(workspace, officer, store):
    with workspace.transaction() as s:
        make(s, officer, store, name="RINA WULANDARI", nik=NIK_RINA)
        make(s, officer, store, name="BUDI SANTOSO", nik=NIK_BUDI, files=[b"x" * 10])
    with workspace.transaction() as s:
        retention.purge(s, store=store, actor_or_none=officer, now=NOW, retention_days=90)
    with workspace.transaction() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).one()
        assert (event.user_id, event.username, event.at) == (officer.user_id, "siti", NOW)
        assert "registrations=2" in event.detail and "persons=2" in event.detail and "files=1" in event.detail
        text = f"{event.username} {event.detail}"
        for secret in ("RINA", "BUDI", NIK_RINA, NIK_BUDI):
            assert secret not in text


def test_settings_keep_90_days_unless_told(tmp_path):
    assert Settings().retention_days == 90
    (tmp_path / "settings.json").write_text('{"retention_days": 30}')
    assert Settings.load(tmp_path).retention_days == 30
    (tmp_path / "settings.json").write_text('{"retention_days": "forever"}')
    assert Settings.load(tmp_path).retention_days == 90


def test_the_file_deleting_hooks_belong_to_the_workspace_not_to_every_session(tmp_path):
    from sqlalchemy import event
    from sqlalchemy.orm import Session, sessionmaker

    from app import auth, files_after_commit
    from app.workspace import Workspace

    assert not event.contains(Session, "after_commit", files_after_commit._on_commit), "importing it adds nothing"
    first, second = Workspace.open(tmp_path / "first"), Workspace.open(tmp_path / "second")
    try:
        stores = [attachments.AttachmentStore.beside(ws.db_path) for ws in (first, second)]
        officers = []
        for ws, store in zip((first, second), stores):
            with ws.transaction() as s:
                user = auth.create_user(s, username="siti", full_name="Siti", password="rahasia123",
                                        role="officer", now=OLD)
                officers.append(auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id))
                make(s, officers[-1], store, files=[b"photo"])
        sha = attachments.hashlib.sha256(b"photo").hexdigest()
        with first.transaction() as s:
            assert retention.purge(s, store=stores[0], actor_or_none=officers[0], now=NOW, retention_days=90)
        assert not stores[0].path(sha).exists()
        assert stores[1].path(sha).exists(), "the other workspace's file is untouched"
        # A session that no workspace made (the server's, a script's) has no hook: nothing it commits deletes files.
        outside = sessionmaker(second.engine)()
        files_after_commit.delete_after_commit(outside, [stores[1].path(sha)])
        outside.commit()
        outside.close()
        assert stores[1].path(sha).exists()
        with second.transaction() as s:
            assert retention.purge(s, store=stores[1], actor_or_none=officers[1], now=NOW, retention_days=90)
        assert not stores[1].path(sha).exists()
    finally:
        first.close()
        second.close()
