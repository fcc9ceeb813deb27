"""Every released schema revision has a real file in tests/data (made by tests/data/make_fixtures.py), and today's
code opens each with its data intact, as a laptop that skipped some releases would (Electrum's storage upgrade
tests). Revision 0001's file has its own test in test_db_migrations.py."""

import json
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlcipher3.dbapi2 import Row as sqlcipher_row

from app import attachments, auth, follow_up, login, persons, registrations as regs, sync_state
from app.paths import DB_FILENAME
from app.workspace import Workspace
from db import migrate, migrations
from db.models import AuditEvent

DATA = Path(__file__).parent / "data"
REVISIONS = ("0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013",
             "0014", "0015", "0016")
MOTHER_NIK = "1603024506900003"

# Who each revision's file holds, and the status each record has once upgraded: the 0004 and 0005 files say
# 'uploaded' for the three records that had synced, and 0006 gives back what they were.
STATUS_AFTER = {
    "0002": {"RINA MARLINA": "draft", "AHMAD RIFAI": "submitted", "DEWI LESTARI": "returned"},
    "0003": {"PUTRA RIFAI": "submitted", "PUTRI RIFAI": "submitted", "MAIMUNAH": "approved"},
    "0004": {"SUKARNI": "accepted", "BUDI SANTOSO": "returned", "HASAN BASRI": "submitted"},
}


def expected_statuses(revision: str) -> dict[str, str]:
    return {name: s for since, names in STATUS_AFTER.items() if revision >= since for name, s in names.items()}


def rows_of(path: Path, key: bytes | None = None) -> dict[str, list[dict]]:
    con = migrate.connect(path, key, read_only=True)
    con.row_factory = sqlite3.Row if key is None else sqlcipher_row
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
                  if t not in ("alembic_version", "sqlite_sequence")]
        return {t: [dict(r) for r in con.execute(f"SELECT * FROM {t}")] for t in tables}
    finally:
        con.close()


def made_uploaded(change: dict) -> bool:
    """A history entry of 0004/0005 that swapped a synced record's status for 'uploaded' (0006 removes it)."""
    swap = json.loads(change["changes"]).get("status") or [None, None]
    return change["action"] == "status" and swap[1] == "uploaded"


def test_every_revision_this_code_knows_has_a_fixture():
    missing = [r for r in migrations.KNOWN if not (DATA / f"jemput-rev{r}.sqlite").exists()]
    assert not missing, f"add these to tests/data/make_fixtures.py and run it: {missing}"
    assert REVISIONS == migrations.KNOWN[1:]


@pytest.fixture(params=REVISIONS)
def upgraded(request, tmp_path):
    """A copy of the fixture of one revision opened by today's code; yields (revision, workspace, old rows)."""
    revision = request.param
    fixture = DATA / f"jemput-rev{revision}.sqlite"
    assert migrate.read_revision(fixture) == revision
    original = fixture.read_bytes()
    shutil.copy(fixture, tmp_path / DB_FILENAME)
    first = Workspace.open(tmp_path)
    key = first.data_key
    first.close()
    # Converted to SQLCipher on the first opening; the key is wrapped for the file's accounts, so that at the next
    # start the database stays closed until one of them logs in.
    ws = Workspace.open(tmp_path)
    assert ws.locked and not migrate.is_plaintext(tmp_path / DB_FILENAME)
    ws.unlock(key)
    ws.migration = first.migration  # what the upgrade did happened at the first opening
    yield revision, ws, rows_of(fixture)
    ws.close()
    assert fixture.read_bytes() == original  # the fixture itself is never modified


def test_file_is_at_head_and_its_backup_at_the_old_revision(upgraded):
    revision, ws, _old = upgraded
    assert (ws.migration.from_revision, ws.migration.to_revision) == (revision, migrations.HEAD)
    assert migrate.read_revision(ws.db_path, ws.data_key) == migrations.HEAD
    if revision == migrations.HEAD:
        assert ws.migration.backup is None  # nothing was changed, so nothing to back up
    else:
        assert migrate.is_plaintext(ws.migration.backup) is False
        assert migrate.read_revision(ws.migration.backup, ws.data_key) == revision
        assert rows_of(ws.migration.backup, ws.data_key) == rows_of(DATA / f"jemput-rev{revision}.sqlite")
    # Every copy beside it is encrypted: the database, the backups of this and earlier upgrades; no leftovers.
    assert all(not migrate.is_plaintext(p) for p in ws.data_folder.iterdir() if p.is_file())
    assert sorted(p.name for p in ws.data_folder.glob("*.plaintext")) == []
    assert ws.device_id == f"01a2f000-0000-7000-8000-00000000{revision}"


def test_every_old_row_is_kept_with_its_values(upgraded):
    """Row for row, column for column, except what 0006 undoes on purpose ('uploaded', checked below)."""
    revision, ws, old = upgraded
    new = rows_of(ws.db_path, ws.data_key)
    for table, rows in old.items():
        if table == "registration_changes":
            rows = [r for r in rows if not made_uploaded(r)]
        columns = [c for c in rows[0] if not (table == "registrations" and c == "status")] if rows else []
        kept = sorted(json.dumps([r[c] for c in columns], default=bytes.hex) for r in new[table])
        assert kept == sorted(json.dumps([r[c] for c in columns], default=bytes.hex) for r in rows), table


def test_records_list_shows_each_record_with_its_status(upgraded):
    revision, ws, _old = upgraded
    with ws.transaction() as s:
        listed = {r.subject_name: r.status for r in regs.search(s)}
        assert listed == expected_statuses(revision)
        assert regs.count(s) == len(listed)
        ahmad = regs.search(s, text="1603021201850001", kind="ektp")[0]
        assert regs.get(s, ahmad.id).data["address"] == "JL. LINTAS SUMATERA NO. 12"
        assert [e.action for e in regs.history(s, ahmad.id)] == ["create", "submit"]
        dewi = regs.search(s, text="dewi")[0]
        assert regs.get(s, dewi.id).review_comment == "Foto buram, mohon difoto ulang."
        assert [(e.action, e.user_name) for e in regs.history(s, dewi.id)] == [
            ("create", "Siti Aminah"), ("submit", "Siti Aminah"), ("return", "Ani Suryani")]
        rina = regs.search(s, text="rina marlina", kind="ektp")[0]
        assert [(e.action, e.version) for e in regs.history(s, rina.id)] == [("create", 1), ("edit", 2)]


def test_people_are_linked_in_every_role(upgraded):
    revision, ws, _old = upgraded
    with ws.transaction() as s:
        mother = persons.find_by_nik(s, MOTHER_NIK)
        roles = sorted((link.role, link.kind) for link in persons.registrations_of(s, mother.id))
        if revision < "0003":
            # 0003 linked every e-KTP subject it found; births came with that release.
            assert roles == [("subject", "ektp")]
            return
        assert roles == [("mother", "birth"), ("mother", "birth"), ("subject", "ektp")]
        # The twins are found by their mother's NIK and name, and know each other.
        twins = regs.search(s, text=MOTHER_NIK, kind="birth")
        assert sorted(t.subject_name for t in twins) == ["PUTRA RIFAI", "PUTRI RIFAI"]
        assert all(t.other_nik == MOTHER_NIK for t in twins)
        assert [r.subject_name for r in regs.siblings(s, twins[0].id)] == [
            ({"PUTRA RIFAI", "PUTRI RIFAI"} - {twins[0].subject_name}).pop()]
        assert [(f.patient_name, f.action) for f in follow_up.follow_ups(s, until=date(2026, 11, 30))] == [
            ("MAIMUNAH", "surgery")]


def test_every_record_is_found_by_a_part_of_its_names_and_stays_so(upgraded):
    """The name index (0015) is filled from the records the file holds, survives the file's encryption (a copy
    that may renumber the tables' own rowids) and follows what is changed after the upgrade."""
    revision, ws, _old = upgraded
    with ws.transaction() as s:
        for name in expected_statuses(revision):
            assert name in [r.subject_name for r in regs.search(s, text=name[1:-1].lower())]
        # The twins by their mother's and their father's names too, from 0003, when births came.
        births = ["PUTRA RIFAI", "PUTRI RIFAI"] if revision >= "0003" else []
        assert sorted(r.subject_name for r in regs.search(s, text="marlin", kind="birth")) == births
        assert sorted(r.subject_name for r in regs.search(s, text="ad rif", kind="birth")) == births
        assert regs.count(s, text="rifai") == 1 + len(births)
        # Returned to the officer, who corrects the name.
        dewi = regs.get(s, regs.search(s, text="ewi les")[0].id)
        officer = auth.Actor(dewi.owner_id, "siti", "Siti Aminah", "officer", ws.device_id)
        regs.save_draft(s, actor=officer, registration_id=dewi.id, now=datetime(2026, 12, 1, 9),
                        data={**dewi.data, "name": "DEWI KARTIKA"})
    with ws.transaction() as s:
        assert regs.search(s, text="lestari") == []
        assert [r.id for r in regs.search(s, text="kartika")] == [dewi.id]


def test_attachments_are_still_linked(upgraded):
    revision, ws, _old = upgraded
    with ws.transaction() as s:
        if revision < "0003":
            # Attachments came with 0003: the upgraded file has the table, with nothing in it yet.
            assert all(attachments.attachments_of(s, r.id) == [] for r in regs.search(s))
            return
        putra = regs.search(s, text="putra rifai")[0]
        assert [(a.purpose, a.label, a.size) for a in attachments.attachments_of(s, putra.id)] == [
            ("birth_letter", "Surat keterangan lahir", 91544), ("kk", "Kartu Keluarga", 120733)]


def test_sync_state_is_kept(upgraded):
    revision, ws, _old = upgraded
    with ws.transaction() as s:
        if revision < "0004":
            # Nothing had synced: every record submitted so far waits for its first push.
            assert not sync_state.is_enrolled(s)
            assert sync_state.pending_count(s) == len(expected_statuses(revision)) - 1  # all but the draft
            return
        assert sync_state.is_enrolled(s) and sync_state.server_url(s) == "https://jemput.example.go.id"
        assert sync_state.pending_count(s) == 2  # the returned DEWI LESTARI and HASAN BASRI, never sent
        assert [c.subject_name for c in sync_state.conflicts(s)] == ["PUTRI RIFAI"]
        assert [(r.subject_name, r.status) for r in sync_state.rejected(s)] == [("BUDI SANTOSO", "returned")]
        assert [(log.result, log.accepted) for log in sync_state.sync_log(s)] == [("ok", 4), ("offline", 0)]
        sukarni = regs.search(s, text="sukarni")[0]
        assert regs.get(s, sukarni.id).status_note == "Data sedang diverifikasi Disdukcapil"
        history = regs.history(s, sukarni.id)
        assert [e.action for e in history] == ["create", "submit", "status"] and history[-1].by_central
        # No history entry of the old 'uploaded' swap is left; the central status change stays.
        assert not [e for r in regs.search(s) for e in regs.history(s, r.id) if "uploaded" in
                    e.changes.get("status", [None, None])[1:]]


def test_the_fixture_accounts_unlock_the_converted_database_by_their_password(upgraded):
    _revision, ws, _old = upgraded
    ws.close()
    again = Workspace.open(ws.data_folder)
    try:
        assert again.locked
        assert isinstance(login.attempt_login(again, username="siti", password="salah-salah"), auth.LoginError)
        assert again.locked
        assert login.attempt_login(again, username="siti", password="rahasia123").username == "siti"
        assert not again.locked
        with again.transaction() as s:
            # The old scrypt hash was replaced at this login; the key ring wraps for the new one.
            assert not auth.needs_rehash(s.get(auth.User, "01a2f000-0000-7000-8000-0000000000a1").password_hash)
            assert "login_failed" in [e.action for e in s.query(AuditEvent)]  # typed while it was closed
        assert again.ring.account("siti")["params"].startswith("argon2id$")
    finally:
        again.close()


def test_the_fixture_account_logs_in(upgraded):
    _revision, ws, _old = upgraded
    with ws.transaction() as s:
        actor = auth.login(s, username="siti", password="rahasia123", now=datetime(2026, 11, 8),
                           device_id=ws.device_id)
        assert (actor.username, actor.role) == ("siti", "officer")
        with pytest.raises(auth.LoginError):
            auth.login(s, username="ani", password="salah", now=datetime(2026, 11, 8), device_id=ws.device_id)


def test_the_laptops_keys_and_key_list_are_kept(upgraded):
    """From 0011 a laptop holds its own keys, the pinned root key and a signed key list; before, none of them,
    and the first sync makes and registers the keys (tests/sync/test_device_keys.py)."""
    from sync import device_keys, key_list, signing

    revision, ws, _old = upgraded
    with ws.transaction() as s:
        own = device_keys.own_keys(s)
        if revision < "0011":
            assert own is None and device_keys.key_list(s) == [] and device_keys.root_key(s) is None
            return
        assert own.registered
        listed = key_list.read_signed(device_keys.signed_key_list(s), device_keys.root_key(s))
        assert (listed.version, device_keys.key_list_version(s)) == (3, 3)
        siti, ani = device_keys.key_list(s)
        assert siti.signing_key == signing.public_text(own.signing) and not siti.revoked and ani.revoked
        assert [d for d, _key in device_keys.device_keys_of_user(s, siti.users[0])] == [siti.device_id]
        assert device_keys.device_keys_of_user(s, ani.users[0]) == []  # revoked: no batch goes to it
        assert device_keys.signing_key_of(s, ani.device_id) is None
        assert device_keys.server_batch_key(s) is not None


def test_the_batch_files_handed_over_and_imported_are_kept(upgraded):
    """From 0012 a laptop remembers the batch files it wrote and imported, what it handed over in them, and what it
    still has to relay; before, none of that, and nothing counts as handed over by a file."""
    from sqlalchemy import select

    from app import guardrails
    from db.models import User
    from sync.handover import files, gaps, handed_over_in
    from sync.handover.relay import waiting

    revision, ws, _old = upgraded
    with ws.transaction() as s:
        officer = s.scalar(select(User.id).where(User.username == "siti"))
        held_back = guardrails._not_handed_over(s, officer)
        if revision < "0012":
            assert files(s, "out") == [] and waiting(s) == 0
            return
        [written] = files(s, "out")
        assert (written.sequence, written.records, written.confirmed_at) == (1, 2, None)
        hasan, dewi = regs.search(s, text="hasan basri")[0].id, regs.search(s, text="dewi lestari")[0].id
        assert handed_over_in(s, [hasan, dewi]) == {hasan: 1}  # Dewi was edited after the file
        assert held_back == 1
        assert [g.missing for g in gaps(s)] == [(1, 2, 3)]
        assert waiting(s) == 1


def test_the_audit_log_is_chained_and_checks_intact(upgraded):
    """From 0014 the audit log is hash-chained (app/audit_log.py); an older file's entries are chained at upgrade,
    and a new entry links on."""
    from app import audit_log

    revision, ws, old = upgraded
    with ws.transaction() as s:
        result = audit_log.check(s)
        assert result.intact and result.entries == len(old.get("audit_events", []))
        audit_log.append(s, now=ws.now(), action="login", username="siti")
    with ws.transaction() as s:
        assert audit_log.check(s).intact
