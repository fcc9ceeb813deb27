"""Builds the fixture databases ``jemput-rev0002.sqlite`` … ``jemput-rev0016.sqlite``: one file per released
schema revision, holding what a laptop running that release could hold, for ``tests/test_fixture_upgrades.py``.

Run by hand from the project root, then commit the files::

    PYTHONPATH=. python tests/data/make_fixtures.py          # every revision
    PYTHONPATH=. python tests/data/make_fixtures.py 0006     # only these

When a new schema revision is released, add it to REVISIONS (and what it can hold below) and run the script for
it alone: an old fixture stands for files already out on laptops, so its data must never change.
``jemput-rev0001.sqlite`` was saved by the 0001 app itself and is not made here.

Each file is an empty file upgraded to its revision with ``db.migrate.upgrade`` and filled with plain SQL, as the
app of that release wrote its rows: today's ORM models describe only the head schema. Everything is fixed (ids,
times, the password hash), so a second run gives the same rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from db import migrate

HERE = Path(__file__).resolve().parent
REVISIONS = ("0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013",
             "0014", "0015", "0016")
# The revisions that replaced a synced record's status by 'uploaded' (0006 gives the status back).
UPLOADED_STATUS_REVISIONS = ("0004", "0005")

OFFICER = "01a2f000-0000-7000-8000-0000000000a1"
SUPERVISOR = "01a2f000-0000-7000-8000-0000000000a2"
CENTRAL = "00000000-0000-0000-0000-000000000000"  # app.auth.CENTRAL_USER_ID, the history's name for central staff
# scrypt of "rahasia123" (app.auth.hash_password), fixed so that the files come out the same on every run.
PASSWORD_HASH = "scrypt$32768$8$1$+208OMlwusRNaf+SiXcc9w==$T07s/rwOSkg/0bINzyGzDuDyrPPW1znNirlFz21L34A="
VILLAGE = "16.03.02.1006"  # Tungkal, Muara Enim
FAMILY_KK = "1603021503150007"  # Ahmad and Rina's family card

# Columns added by a later revision than the file's are left out; any other unknown column is a typo.
ADDED_LATER = {"name_key", "group_id", "due_date", "due_action", "server_version", "synced_version",
               "sync_error", "status_note", "uploaded", "stage", "review_details", "remote_files", "chain_hash"}


def fixture_path(revision: str) -> Path:
    return HERE / f"jemput-rev{revision}.sqlite"


def device_id(revision: str) -> str:
    return f"01a2f000-0000-7000-8000-00000000{revision}"


def at(day: int, hour: int, minute: int = 0) -> str:
    """November 2026, in the form SQLAlchemy stores a naive UTC DateTime."""
    return f"2026-11-{day:02d} {hour:02d}:{minute:02d}:00.000000"


def rid(n: int) -> str:
    return f"01a2f000-0000-7000-8000-0000000001{n:02d}"


def pid(n: int) -> str:
    return f"01a2f000-0000-7000-8000-0000000002{n:02d}"


class Writer:
    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.columns = {t: {r[1] for r in con.execute(f"PRAGMA table_info({t})")}
                        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}

    def has(self, table: str) -> bool:
        return table in self.columns

    def insert(self, table: str, **values) -> None:
        unknown = set(values) - self.columns[table]
        if unknown - ADDED_LATER:
            raise KeyError(f"{table} has no columns {sorted(unknown - ADDED_LATER)}")
        row = {k: json.dumps(v, separators=(",", ":"), ensure_ascii=False) if isinstance(v, (dict, list)) else v
               for k, v in values.items() if k not in unknown}
        self.con.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         list(row.values()))


def build(revision: str, target: Path) -> None:
    target.unlink(missing_ok=True)
    migrate.upgrade(target, target=revision)
    con = sqlite3.connect(target)
    w = Writer(con)
    w.insert("app_meta", key="device_id", value=device_id(revision))
    add_users(w)
    add_people(w, revision)
    for record in records(revision):
        add_registration(w, revision, **record)
    add_attachments(w, revision)
    add_sync_rows(w, revision)
    add_keys(w, revision)
    add_handover(w, revision)
    con.commit()
    # One self-contained file (no -wal beside it), in small pages: most tables hold a row or two.
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA page_size=512")
    con.execute("VACUUM")
    con.close()


def add_users(w: Writer) -> None:
    w.insert("users", id=OFFICER, username="siti", full_name="Siti Aminah", role="officer",
             password_hash=PASSWORD_HASH, failed_attempts=0, active=1, created_at=at(1, 8))
    w.insert("users", id=SUPERVISOR, username="ani", full_name="Ani Suryani", role="supervisor",
             password_hash=PASSWORD_HASH, failed_attempts=0, active=1, created_at=at(1, 8, 5))
    if w.has("sync_log"):
        w.insert("users", id=CENTRAL, username="@central", full_name="Central office", role="central",
                 password_hash="!", failed_attempts=0, active=0, created_at=at(6, 10))
    if w.has("audit_events"):
        from datetime import datetime

        from app.audit_chain import GENESIS, entry_hash

        chained = "chain_hash" in w.columns["audit_events"]  # from 0014
        prev = GENESIS
        events = ((at(1, 8), OFFICER, "siti", "account_created", "first account"),
                  (at(2, 7, 58), None, "siti", "login_failed", ""),
                  (at(2, 7, 59), OFFICER, "siti", "login", ""),
                  (at(3, 8), SUPERVISOR, "ani", "login", ""))
        for when, user, name, action, detail in events:
            prev = entry_hash(prev, at=datetime.fromisoformat(when), user_id=user, username=name, action=action,
                              detail=detail)
            w.insert("audit_events", at=when, user_id=user, username=name, action=action, detail=detail,
                     chain_hash=prev)
        if chained:
            w.insert("app_meta", key="audit_head", value=f"{len(events)} {prev}")


# id, NIK, name, sex, birth place, birth date, village, from which revision (the birth's people from 0003)
PEOPLE = (
    (1, "1603024506900003", "RINA MARLINA", "2", "MUARA ENIM", "1990-06-05", VILLAGE, "0002"),
    (2, "1603021201850001", "AHMAD RIFAI", "1", "PALEMBANG", "1985-01-12", VILLAGE, "0002"),
    (3, "1603026303920004", "DEWI LESTARI", "2", "LAHAT", "1992-03-23", VILLAGE, "0002"),
    (4, None, "PUTRA RIFAI", "1", "MUARA ENIM", "2026-10-30", None, "0003"),
    (5, None, "PUTRI RIFAI", "2", "MUARA ENIM", "2026-10-30", None, "0003"),
    (6, "1603024107550001", "MAIMUNAH", "2", None, "1955-07-01", VILLAGE, "0003"),
    (7, "1603024808700002", "SUKARNI", "2", "MUARA ENIM", "1970-08-08", VILLAGE, "0004"),
    (8, "1603020509880003", "BUDI SANTOSO", "1", "BATURAJA", "1988-09-05", VILLAGE, "0004"),
    (9, "1603020102500001", "HASAN BASRI", "1", None, "1950-02-01", VILLAGE, "0004"),
)


def add_people(w: Writer, revision: str) -> None:
    for n, nik, name, sex, place, born, village, since in PEOPLE:
        if revision >= since:
            w.insert("persons", id=pid(n), nik=nik, name=name, name_key=name.lower(), sex=sex, birth_place=place,
                     birth_date=born, village_code=village, created_at=at(2, 9), updated_at=at(2, 9), version=1)


def ektp(nik: str, name: str, sex: str, place: str, born: str, *, kk: str, head: str, relationship: str,
         mother: str, father: str, married: tuple[str, str]) -> dict:
    """An F-1.01 as an officer filled it in, complete enough for the submit checks."""
    return {"head_of_family": head, "address": "JL. LINTAS SUMATERA NO. 12", "rt": "002", "rw": "001",
            "postal_code": "31315", "province_code": VILLAGE[:2], "regency_code": VILLAGE[:5],
            "district_code": VILLAGE[:8], "village_code": VILLAGE, "name": name, "nik": nik, "kk_number": kk,
            "sex": sex, "birth_place": place, "birth_date": born, "blood_type": "13", "religion": "1",
            "marital_status": "2", "relationship": relationship, "education": "5", "occupation": "9",
            "citizenship": "1", "mother_name": mother, "father_name": father,
            "marriage_certificate_no": married[0], "marriage_date": married[1]}


def twin(order: int, name: str, sex: str, weight: str) -> dict:
    """One of the twins' F-2.01: the parents typed once for both, the child's part for each."""
    return {"child_name": name, "child_sex": sex, "child_birth_date": "2026-10-30", "child_birth_time": "04:15",
            "child_birth_place": VILLAGE[:5], "child_birth_place_type": "2", "child_birth_type": "2",
            "child_birth_order": str(order), "child_birth_attendant": "2", "child_weight": weight,
            "child_length": "47", "child_kk_number": FAMILY_KK, "multiple_birth_order": order, "group_size": 2,
            "mother_nik": "1603024506900003", "mother_name": "RINA MARLINA", "mother_birth_date": "1990-06-05",
            "mother_birth_place": "MUARA ENIM", "mother_citizenship": "1",
            "father_nik": "1603021201850001", "father_name": "AHMAD RIFAI", "father_birth_date": "1985-01-12",
            "father_birth_place": "PALEMBANG", "father_citizenship": "1",
            "reporter_nik": "1603021201850001", "reporter_name": "AHMAD RIFAI", "reporter_kk_number": FAMILY_KK,
            "reporter_citizenship": "1", "reporter_phone": "081273451122",
            "doc_birth_letter": True, "doc_birth_letter_issuer": "2", "doc_marriage_proof": True,
            "doc_marriage_proof_type": "1", "doc_kk": True}


def cataract(nik: str, name: str, sex: str, born: str, *, screened: str, scheduled: str) -> dict:
    """An eye-camp screening that found cataract and referred the patient for surgery."""
    return {"patient_nik": nik, "patient_name": name, "patient_sex": sex, "patient_birth_date": born,
            "patient_address": "DUSUN 3", "patient_province_code": VILLAGE[:2],
            "patient_regency_code": VILLAGE[:5], "patient_district_code": VILLAGE[:8],
            "patient_village_code": VILLAGE, "screening_date": screened, "exam_status": "1",
            # The value lists' codes: right eye under 3/60 with an opaque lens, left under 6/18; the better eye
            # makes WHO category 3 (moderate), which the form computed and stored.
            "right_presenting_va": "5", "right_pinhole_va": "5", "right_lens": "2",
            "left_presenting_va": "3", "left_pinhole_va": "2", "left_lens": "1", "principal_cause": "3",
            "who_category": "3", "surgery_barriers": ["3", "6"], "referred": True, "referral_eye": "1",
            "referral_facility": "RS Khusus Mata Sumsel", "bpjs_status": "1", "referral_date": screened,
            "surgery_scheduled_date": scheduled}


def created(data: dict) -> dict:
    return {k: [None, v] for k, v in sorted(data.items())}


def records(revision: str) -> list[dict]:
    """Each record with its history in order: (action, user, time, changes, whether it made a new version)."""
    up = revision in UPLOADED_STATUS_REVISIONS
    rina = ektp("1603024506900003", "RINA MARLINA", "2", "MUARA ENIM", "1990-06-05", kk=FAMILY_KK,
                head="AHMAD RIFAI", relationship="3", mother="ROHANI", father="SYAHRIAL",
                married=("472/17/VI/2012", "2012-06-16"))
    ahmad = ektp("1603021201850001", "AHMAD RIFAI", "1", "PALEMBANG", "1985-01-12", kk=FAMILY_KK,
                 head="AHMAD RIFAI", relationship="1", mother="ZUBAIDAH", father="RUSLI",
                 married=("472/17/VI/2012", "2012-06-16"))
    dewi = ektp("1603026303920004", "DEWI LESTARI", "2", "LAHAT", "1992-03-23", kk="1603020207180011",
                head="HENDRA WIJAYA", relationship="3", mother="RATNA", father="SAMSUL",
                married=("118/05/II/2018", "2018-02-07"))
    out = [
        dict(n=1, kind="ektp", status="draft", data=rina, people={"subject": 1}, history=[
            ("create", OFFICER, at(2, 9), created({k: v for k, v in rina.items() if k != "rt"}), True),
            ("edit", OFFICER, at(2, 9, 40), {"rt": [None, "002"]}, True)]),
        dict(n=2, kind="ektp", status="uploaded" if up else "submitted", data=ahmad, people={"subject": 2},
             submitted=at(2, 10), sync=("synced", 1, 2), history=[
                 ("create", OFFICER, at(2, 9, 5), created(ahmad), True),
                 ("submit", OFFICER, at(2, 10), {"status": ["draft", "submitted"]}, True),
                 *([("status", OFFICER, at(6, 16), {"status": ["submitted", "uploaded"]}, False)] if up else [])]),
        dict(n=3, kind="ektp", status="returned", data=dewi, people={"subject": 3}, submitted=at(2, 11),
             comment="Foto buram, mohon difoto ulang.", sync=("pending", 0, 0), history=[
                 ("create", OFFICER, at(2, 10, 30), created(dewi), True),
                 ("submit", OFFICER, at(2, 11), {"status": ["draft", "submitted"]}, True),
                 ("return", SUPERVISOR, at(3, 8, 30), {"status": ["submitted", "returned"], "review_comment": [
                     None, "Foto buram, mohon difoto ulang."]}, True)]),
    ]
    if revision < "0003":
        return out
    birth_people = {"mother": 1, "father": 2, "reporter": 2}
    putra, putri = twin(1, "PUTRA RIFAI", "1", "2.4"), twin(2, "PUTRI RIFAI", "2", "2.25")
    maimunah = cataract("1603024107550001", "MAIMUNAH", "2", "1955-07-01", screened="2026-11-04",
                        scheduled="2026-11-20")
    out += [
        dict(n=4, kind="birth", status="uploaded" if up else "submitted", data=putra, group="g1",
             people={"child": 4, **birth_people}, submitted=at(4, 9), sync=("synced", 1, 2), history=[
                 ("create", OFFICER, at(4, 8), created(putra), True),
                 ("submit", OFFICER, at(4, 9), {"status": ["draft", "submitted"]}, True),
                 *([("status", OFFICER, at(6, 16), {"status": ["submitted", "uploaded"]}, False)] if up else [])]),
        dict(n=5, kind="birth", status="submitted", data=putri, group="g1", people={"child": 5, **birth_people},
             submitted=at(4, 9), sync=("conflict", 0, 2), history=[
                 ("create", OFFICER, at(4, 8), created(putri), True),
                 ("submit", OFFICER, at(4, 9), {"status": ["draft", "submitted"]}, True)]),
        dict(n=6, kind="cataract", status="uploaded" if up else "approved", data=maimunah, due="2026-11-20",
             people={"patient": 6}, submitted=at(4, 11), sync=("synced", 1, 3), history=[
                 ("create", OFFICER, at(4, 10), created(maimunah), True),
                 ("submit", OFFICER, at(4, 11), {"status": ["draft", "submitted"]}, True),
                 ("approve", SUPERVISOR, at(5, 8), {"status": ["submitted", "approved"]}, True),
                 *([("status", OFFICER, at(6, 16), {"status": ["approved", "uploaded"]}, False)] if up else [])]),
    ]
    if revision < "0004":
        return out
    sukarni = ektp("1603024808700002", "SUKARNI", "2", "MUARA ENIM", "1970-08-08", kk="1603021105990002",
                   head="SUKARNI", relationship="1", mother="SITI HASANAH", father="MARZUKI",
                   married=("061/11/IV/1993", "1993-04-10"))
    budi = ektp("1603020509880003", "BUDI SANTOSO", "1", "BATURAJA", "1988-09-05", kk="1603022010140004",
                head="BUDI SANTOSO", relationship="1", mother="SRI WATI", father="JOKO SANTOSO",
                married=("233/08/X/2014", "2014-10-20"))
    hasan = cataract("1603020102500001", "HASAN BASRI", "1", "1950-02-01", screened="2026-11-07",
                     scheduled="2026-12-03")
    note = "Data sedang diverifikasi Disdukcapil"
    reason = "NIK sudah terdaftar di SIAK dengan nama lain."
    out += [
        dict(n=7, kind="ektp", status="accepted", data=sukarni, people={"subject": 7}, submitted=at(5, 9),
             note=note, sync=("synced", 2, 3), history=[
                 ("create", OFFICER, at(5, 8), created(sukarni), True),
                 ("submit", OFFICER, at(5, 9), {"status": ["draft", "submitted"]}, True),
                 *([("status", OFFICER, at(6, 16), {"status": ["submitted", "uploaded"]}, False)] if up else []),
                 ("status", CENTRAL, at(7, 9), {"status_note": [None, note],
                                                "status": ["uploaded" if up else "submitted", "accepted"]}, True)]),
        dict(n=8, kind="ektp", status="returned", data=budi, people={"subject": 8}, submitted=at(5, 10),
             comment=reason, error=reason, sync=("rejected", 0, 2), history=[
                 ("create", OFFICER, at(5, 9, 30), created(budi), True),
                 ("submit", OFFICER, at(5, 10), {"status": ["draft", "submitted"]}, True),
                 ("status", OFFICER, at(6, 16), {"status": ["submitted", "returned"]}, False)]),
        dict(n=9, kind="cataract", status="submitted", data=hasan, due="2026-12-03", people={"patient": 9},
             submitted=at(7, 11), sync=("pending", 0, 0), history=[
                 ("create", OFFICER, at(7, 10), created(hasan), True),
                 ("submit", OFFICER, at(7, 11), {"status": ["draft", "submitted"]}, True)]),
    ]
    return out


def add_registration(w: Writer, revision: str, *, n: int, kind: str, status: str, data: dict, people: dict,
                     history: list, submitted: str | None = None, comment: str | None = None,
                     note: str | None = None, error: str | None = None, group: str | None = None,
                     due: str | None = None, sync: tuple[str, int, int] = ("local", 0, 0)) -> None:
    """``sync``: the record's sync state, server version and synced version from 0004 on (before, it was local)."""
    version = sum(1 for *_, new_version in history if new_version)
    subject_role = {"ektp": "subject", "birth": "child", "cataract": "patient"}[kind]
    subject = next(p for p in PEOPLE if p[0] == people[subject_role])
    state, server_version, synced = sync if w.has("sync_log") else ("local", 0, 0)
    w.insert("registrations", id=rid(n), kind=kind, status=status, person_id=pid(subject[0]), owner_id=OFFICER,
             device_id=device_id(revision), created_at=history[0][2], updated_at=history[-1][2], version=version,
             sync_state=state, data=data, subject_name=subject[2], subject_name_key=subject[2].lower(),
             subject_nik=subject[1], village_code=VILLAGE, submitted_at=submitted, review_comment=comment,
             group_id=rid(40) if group else None, due_date=due, due_action="surgery" if due else None,
             server_version=server_version, synced_version=synced, sync_error=error, status_note=note)
    number = 0
    for action, user, when, changes, new_version in history:
        number += new_version
        w.insert("registration_changes", registration_id=rid(n), version=number, user_id=user, at=when,
                 action=action, changes=changes)
    if w.has("registration_persons"):
        for role, person in people.items():
            w.insert("registration_persons", registration_id=rid(n), role=role, person_id=pid(person))


# sha256 of the bytes b"fixture photo n" stands in for the file: the attachment store is not part of the fixture.
ATTACHMENTS = (
    (1, "photo", "image/jpeg", 48213, "Foto warga"),
    (4, "birth_letter", "image/jpeg", 91544, "Surat keterangan lahir"),
    (4, "kk", "application/pdf", 120733, "Kartu Keluarga"),
    (6, "eye_photo", "image/jpeg", 51002, "Mata kanan"),
)


def add_attachments(w: Writer, revision: str) -> None:
    if not w.has("attachments"):
        return
    for n, (record, purpose, media_type, size, label) in enumerate(ATTACHMENTS):
        sha = hashlib.sha256(f"fixture attachment {n}".encode()).hexdigest()
        w.insert("attachments", sha256=sha, size=size, media_type=media_type, created_at=at(4, 12),
                 uploaded=1 if record in (4, 6) else 0)
        w.insert("registration_attachments", registration_id=rid(record), sha256=sha, purpose=purpose,
                 label=label, added_at=at(4, 12), added_by=OFFICER)


def add_sync_rows(w: Writer, revision: str) -> None:
    if not w.has("sync_log"):
        return
    w.insert("app_meta", key="server_url", value="https://jemput.example.go.id")
    w.insert("app_meta", key="device_token", value="fixture-device-token")
    putri = next(r for r in records(revision) if r["n"] == 5)
    w.insert("sync_conflicts", registration_id=rid(5), server_version=2, detected_at=at(6, 16),
             server_copy={"id": rid(5), "kind": "birth", "status": "submitted",
                          "data": dict(putri["data"], child_weight="2.3")},
             device_copy={"id": rid(5), "kind": "birth", "status": "submitted", "data": putri["data"]})
    counts = dict(sent=0, accepted=0, duplicates=0, conflicts=0, rejected=0, files_sent=0, changes_pulled=0,
                  bytes_up=0, bytes_down=0, requests=1)
    w.insert("sync_log", started_at=at(5, 17), finished_at=at(5, 17), user_id=OFFICER, username="siti",
             server_url="https://jemput.example.go.id", **counts, result="offline",
             message="Tidak ada koneksi ke server.")
    counts.update(sent=6, accepted=4, conflicts=1, rejected=1, files_sent=3, changes_pulled=1, bytes_up=305411,
                  bytes_down=4120, requests=9)
    w.insert("sync_log", started_at=at(6, 16), finished_at=at(6, 16, 2), user_id=OFFICER, username="siti",
             server_url="https://jemput.example.go.id", **counts, result="ok", message="")


# Fixed keys (raw private bytes from a hash), so that the file and the key list's signature come out the same.
SERVER_DEVICE = "01a2f000-0000-7000-8000-0000000000d1"  # this laptop's id on the server
SUPERVISOR_DEVICE = "01a2f000-0000-7000-8000-0000000000d2"


def fixed_key(name: str) -> bytes:
    return hashlib.sha256(f"fixture key {name}".encode()).digest()


def add_keys(w: Writer, revision: str) -> None:
    """This laptop's own keys (registered with the server), the pinned root key and a key list it signed."""
    if not w.has("device_keys"):
        return
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from sync import key_list, signing

    own_sign, own_box = fixed_key("laptop signing"), fixed_key("laptop encryption")
    root = Ed25519PrivateKey.from_private_bytes(fixed_key("province root"))
    w.insert("device_keys", id=1, signing_private=own_sign, encryption_private=own_box, created_at=at(6, 9),
             registered_at=at(6, 9))
    w.insert("app_meta", key="server_device_id", value=SERVER_DEVICE)
    w.insert("app_meta", key="province_root_key", value=signing.public_text(root))

    def entry(device: str, name: str, sign: bytes, box: bytes, users: tuple, revoked: str | None):
        return key_list.KeyEntry(device_id=device, name=name,
                                 signing_key=signing.public_text(Ed25519PrivateKey.from_private_bytes(sign)),
                                 encryption_key=signing.public_text(X25519PrivateKey.from_private_bytes(box)),
                                 users=users, revoked_at=revoked)

    devices = (entry(SERVER_DEVICE, "laptop-siti", own_sign, own_box, (OFFICER,), None),
               entry(SUPERVISOR_DEVICE, "laptop-ani", fixed_key("ani signing"), fixed_key("ani encryption"),
                     (SUPERVISOR,), "2026-11-07T10:00:00.000000Z"))
    listing = key_list.KeyList(version=3, issued_at="2026-11-07T10:00:00.000000Z", devices=devices,
                               server_encryption_key=signing.public_text(
                                   X25519PrivateKey.from_private_bytes(fixed_key("server batch"))))
    signed = key_list.sign(listing, root)
    w.insert("key_list", id=1, version=3, issued_at=at(7, 10), document=signed.document,
             signature=signed.signature, server_encryption_key=listing.server_encryption_key, stored_at=at(7, 10))
    for d in devices:
        w.insert("known_devices", device_id=d.device_id, name=d.name, signing_key=d.signing_key,
                 encryption_key=d.encryption_key, users=list(d.users), revoked_at=at(7, 10) if d.revoked else None)


def add_handover(w: Writer, revision: str) -> None:
    """A batch file written to the stick (berkas 1, two records, not yet confirmed by a receipt), one imported
    from another laptop (its number 4: 1 to 3 never arrived), and a record of it waiting to be relayed."""
    if not w.has("handover_files"):
        return
    out_id, in_id = "01a2f000-0000-7000-8000-0000000003f1", "01a2f000-0000-7000-8000-0000000003f2"
    w.insert("handover_files", file_id=out_id, direction="out", file_type="batch", sender_device=SERVER_DEVICE,
             sender_user=OFFICER, sequence=1, created_at=at(7, 15), handled_at=at(7, 15), user_id=OFFICER,
             records=2, attachments=1, bytes=48213, name="berkas-0001.jbb", contents=None, confirmed_at=None)
    # HASAN BASRI as he is now; DEWI LESTARI was edited after the file was written, so she is held back again.
    for n, version in ((3, 2), (9, 2)):
        w.insert("handed_over", registration_id=rid(n), file_id=out_id, version=version, sequence=1,
                 handed_at=at(7, 15), confirmed_at=None)
    w.insert("handover_files", file_id=in_id, direction="in", file_type="batch", sender_device=SUPERVISOR_DEVICE,
             sender_user=SUPERVISOR, sequence=4, created_at=at(7, 16), handled_at=at(7, 17), user_id=OFFICER,
             records=1, attachments=0, bytes=2210, name="berkas-0004.jbb", contents=[[rid(2), 2]], confirmed_at=None)
    from sync.payload import Record, to_dict

    relayed = Record(id=rid(2), kind="ektp", status="submitted", version=2, base_version=0, owner_id=OFFICER,
                     device_id=device_id(revision), created_at="2026-11-02T09:00:00.000000Z",
                     updated_at="2026-11-02T10:00:00.000000Z", data={"name": "AHMAD RIFAI"})
    w.insert("relay_queue", registration_id=rid(2), record=to_dict(relayed), base_version=0, file_id=in_id,
             queued_at=at(7, 17), local_version=2)


def main(argv: list[str]) -> None:
    wanted = argv or list(REVISIONS)
    for revision in wanted:
        if revision not in REVISIONS:
            raise SystemExit(f"unknown revision {revision}; known: {', '.join(REVISIONS)}")
        with tempfile.TemporaryDirectory() as tmp:
            # Built aside and moved in, so that a failed run never leaves half a fixture.
            built = Path(tmp) / "fixture.sqlite"
            build(revision, built)
            built.replace(fixture_path(revision))
        print(f"{fixture_path(revision).name}: {fixture_path(revision).stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
