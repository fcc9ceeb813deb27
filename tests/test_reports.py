"""Exports of the records list and the monthly recap, read back as a person's spreadsheet would read them: the
rows, the Indonesian columns, NIKs masked unless a supervisor asks, the personal-data mark, the audit entry."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app import auth, errors, registrations as regs
from app.i18n import translate
from app.kinds import status_source
from app.record_views import RecordQuery
from app.reports import export, writers
from app.reports.writers import ExportCancelled, ExportError
from db.models import AuditEvent

T0 = datetime(2026, 12, 10, 5, 0)
NOW = datetime(2026, 12, 20, 8, 0)
VILLAGE_A, VILLAGE_B = "16.03.07.1001", "16.03.07.1002"


def ektp(nik: str, name: str, village: str) -> dict:
    return {"nik": nik, "name": name, "sex": "2", "birth_place": "LAHAT", "birth_date": "1990-06-05",
            "marital_status": "1", "province_code": "16", "regency_code": "16.03", "district_code": "16.03.07",
            "village_code": village}


@pytest.fixture
def supervisor(workspace):
    with workspace.transaction() as s:
        user = auth.create_user(s, username="ani", full_name="Ani Supervisor", password="rahasia123",
                                role="supervisor", now=T0)
        return auth.Actor(user.id, user.username, user.full_name, user.role, workspace.device_id)


@pytest.fixture
def records(workspace, officer, supervisor):
    """Siti's three records in two villages (a draft, one waiting, one returned) and one of Ani's own."""
    with workspace.transaction() as s:
        draft = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=ektp("1603054506900003", "RINA MARLINA",
                                                                                     VILLAGE_A))
        waiting = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=ektp("1603055001850004", "SITI RAHMA",
                                                                                       VILLAGE_A))
        returned = regs.create_draft(s, actor=officer, kind="ektp", now=T0,
                                     data=ektp("1603056102800005", "=HYPERLINK(\"http://x\")", VILLAGE_B))
        for reg in (waiting, returned):  # the form's checks are not what is tested here
            regs.transition(s, actor=officer, registration_id=reg.id, action="submit", now=T0)
        regs.transition(s, actor=supervisor, registration_id=returned.id, action="return", now=T0,
                        comment="Foto KK kurang jelas")
        own = regs.create_draft(s, actor=supervisor, kind="ektp", now=T0, data=ektp("1603057003700006", "AISYAH",
                                                                                      VILLAGE_B))
        return {"draft": draft.id, "waiting": waiting.id, "returned": returned.id, "own": own.id}


def run(workspace, fn, **kw):
    with workspace.transaction() as s:
        return fn(s, now=NOW, **kw)


def sheet_rows(path: Path) -> list[list]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def header_row(rows: list[list]) -> int:
    return next(i for i, row in enumerate(rows) if row and row[0] == "Nomor registrasi"
                or row and row[0] == "Kabupaten/Kota")


def by_name(rows: list[list]) -> dict[str, dict]:
    top = header_row(rows)
    headers = rows[top]
    return {row[headers.index("Nama")]: dict(zip(headers, row)) for row in rows[top + 1:]}


def audits(workspace) -> list[AuditEvent]:
    with workspace.transaction() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
        s.expunge_all()
        return events


def test_an_officer_exports_only_their_own_records_with_niks_masked(workspace, officer, records, tmp_path):
    target = tmp_path / "data-jemput-2026-12.xlsx"
    # A query naming no owner, as a forged or careless caller might: the officer still gets only their own.
    result = run(workspace, export.export_records, actor=officer, query=RecordQuery(), target=target, fmt="xlsx")
    assert result.rows == 3 and not result.full_nik
    rows = sheet_rows(target)
    assert "DATA PRIBADI" in rows[0][0] and "UU 27/2022" in rows[0][0]
    assert "Siti Aminah" in rows[1][0] and "NIK disamarkan" in rows[1][0]
    top = header_row(rows)
    assert rows[top][:5] == ["Nomor registrasi", "Layanan", "Nama", "NIK", "Pemilik NIK"]
    assert {"Status", "Pemeriksaan", "Catatan supervisor", "Sinkronisasi", "Petugas"} <= set(rows[top])
    found = by_name(rows)
    assert set(found) == {"RINA MARLINA", "SITI RAHMA", "=HYPERLINK(\"http://x\")"}  # not Ani's AISYAH
    rina = found["RINA MARLINA"]
    assert rina["NIK"] == "160305******0003"
    assert rina["Layanan"] == translate("Kinds", "e-KTP biodata", "id")
    assert rina["Desa/Kelurahan"] and rina["Kode wilayah"] == VILLAGE_A and rina["Kecamatan"]
    assert rina["Status"] == translate("Status", status_source("ektp", "draft"), "id") == "Draf"
    assert rina["Pemeriksaan"] == "Belum diajukan"
    assert rina["Sinkronisasi"] == "Hanya di laptop ini"
    assert rina["Nomor registrasi"].startswith("KTP-261210-")
    assert isinstance(rina["Tanggal dibuat"], datetime) and rina["Tanggal diajukan"] is None
    returned = found["=HYPERLINK(\"http://x\")"]  # stays text: no formula in the sheet
    assert returned["Pemeriksaan"] == "Dikembalikan untuk diperbaiki"
    assert returned["Catatan supervisor"] == "Foto KK kurang jelas"
    assert found["SITI RAHMA"]["Pemeriksaan"] == "Menunggu pemeriksaan"
    assert all(len(str(row["NIK"])) == 16 and "******" in row["NIK"] for row in found.values())

    book = openpyxl.load_workbook(target)
    assert book.properties.category == "DATA PRIBADI (UU 27/2022)"
    assert "UU 27/2022" in book.properties.keywords and "DATA PRIBADI" in book.properties.description
    assert book.custom_doc_props["Klasifikasi"].value == "DATA PRIBADI (UU 27/2022)"
    assert "DATA PRIBADI" in book.worksheets[0].oddHeader.left.text

    (event,) = audits(workspace)
    assert event.user_id == officer.user_id
    detail = json.loads(event.detail)
    assert detail == {"what": "records", "format": "xlsx", "rows": 3, "nik": "masked", "file": target.name,
                      "filters": {}, "everyone": False}


def test_a_supervisor_sees_everyones_records_and_full_niks_only_when_asked(workspace, supervisor, officer,
                                                                            records, tmp_path):
    masked = tmp_path / "masked.xlsx"
    run(workspace, export.export_records, actor=supervisor, query=RecordQuery(), target=masked, fmt="xlsx")
    assert by_name(sheet_rows(masked))["AISYAH"]["NIK"] == "160305******0006"
    full = tmp_path / "full.xlsx"
    result = run(workspace, export.export_records, actor=supervisor, query=RecordQuery(), target=full, fmt="xlsx",
                 full_nik=True)
    found = by_name(sheet_rows(full))
    assert result.rows == 4 and len(found) == 4
    assert found["AISYAH"]["NIK"] == "1603057003700006" and found["RINA MARLINA"]["NIK"] == "1603054506900003"
    assert "NIK lengkap" in sheet_rows(full)[1][0]
    assert [json.loads(e.detail)["nik"] for e in audits(workspace)] == ["masked", "full"]

    with pytest.raises(errors.NotAllowed):
        run(workspace, export.export_records, actor=officer, query=RecordQuery(), target=tmp_path / "no.xlsx",
            fmt="xlsx", full_nik=True)
    assert not (tmp_path / "no.xlsx").exists()


def test_the_export_is_the_list_as_filtered(workspace, supervisor, records, tmp_path):
    target = tmp_path / "waiting.xlsx"
    query = RecordQuery(state="submitted", village="16.03.07")
    assert run(workspace, export.export_records, actor=supervisor, query=query, target=target, fmt="xlsx").rows == 1
    assert set(by_name(sheet_rows(target))) == {"SITI RAHMA"}
    target = tmp_path / "search.xlsx"
    run(workspace, export.export_records, actor=supervisor, query=RecordQuery(text="160305500"), target=target,
        fmt="xlsx")
    assert set(by_name(sheet_rows(target))) == {"SITI RAHMA"}
    details = [json.loads(e.detail) for e in audits(workspace)]
    assert details[0]["filters"] == {"status": "submitted", "village": "16.03.07"}
    assert details[1]["filters"] == {"search": True}  # that there was a search, never the NIK searched for


def test_csv_has_a_bom_the_mark_first_and_no_formulas(workspace, officer, records, tmp_path):
    target = tmp_path / "data.csv"
    assert run(workspace, export.export_records, actor=officer, query=RecordQuery(), target=target, fmt="csv").rows == 3
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0][0].startswith("DATA PRIBADI")
    headers = lines[2]
    assert headers[:4] == ["Nomor registrasi", "Layanan", "Nama", "NIK"]
    names = {line[2]: dict(zip(headers, line)) for line in lines[3:]}
    assert names["RINA MARLINA"]["NIK"] == "160305******0003"
    assert "'=HYPERLINK(\"http://x\")" in names  # a spreadsheet shows it as text, never runs it
    assert names["RINA MARLINA"]["Tanggal dibuat"].startswith("2026-12-10")


def test_monthly_recap_counts_per_village_service_and_status(workspace, supervisor, officer, records, tmp_path):
    with workspace.transaction() as s:  # taken in November: not in December's recap
        regs.create_draft(s, actor=officer, kind="ektp", now=datetime(2026, 11, 15, 5), data=ektp(
            "1603054506900099", "NOVEMBER", VILLAGE_A))
    target = tmp_path / "rekap-jemput-2026-12.xlsx"
    result = run(workspace, export.export_recap, actor=supervisor, month=date(2026, 12, 1), target=target, fmt="xlsx")
    rows = sheet_rows(target)
    assert "DATA PRIBADI" in rows[0][0] and "Desember 2026" in rows[1][0]
    top = header_row(rows)
    headers = rows[top]
    assert headers[:5] == ["Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan", "Kode wilayah", "Layanan"]
    assert headers[-1] == "Jumlah" and "Draf" in headers
    lines = {row[3]: dict(zip(headers, row)) for row in rows[top + 1:] if row[3]}
    assert result.rows == 2 and set(lines) == {VILLAGE_A, VILLAGE_B}
    a, b = lines[VILLAGE_A], lines[VILLAGE_B]
    waiting = translate("Status", status_source("ektp", "submitted"), "id")
    returned = translate("Status", status_source("ektp", "returned"), "id")
    assert (a["Draf"], a[waiting], a["Jumlah"]) == (1, 1, 2)
    assert (b["Draf"], b[returned], b["Jumlah"]) == (1, 1, 2)  # Ani's own draft and Siti's returned record
    total = rows[top + 3]
    assert total[0] == "Jumlah" and total[-1] == 4
    assert json.loads(audits(workspace)[0].detail)["month"] == "2026-12"

    mine = tmp_path / "rekap-siti.csv"
    run(workspace, export.export_recap, actor=officer, month=date(2026, 12, 1), target=mine, fmt="csv")
    lines = list(csv.reader(mine.read_text(encoding="utf-8-sig").splitlines()))
    assert lines[-1][0] == "Jumlah" and lines[-1][-1] == "3"  # Siti's own three; Ani's is not hers to count


@pytest.mark.parametrize("failure,message", [
    (OSError(28, "No space left on device"), writers.MSG_DISK_FULL),
    (PermissionError(13, "Permission denied"), writers.MSG_NO_PERMISSION),
])
def test_a_failed_write_leaves_nothing_under_the_name_and_no_audit(workspace, officer, records, tmp_path,
                                                                    monkeypatch, failure, message):
    target = tmp_path / "data.xlsx"

    def fail(*_args):
        raise failure

    monkeypatch.setattr(writers.os, "replace", fail)  # the last step: the whole file was written by then
    with pytest.raises(ExportError) as caught:
        run(workspace, export.export_records, actor=officer, query=RecordQuery(), target=target, fmt="xlsx")
    assert caught.value.template == message and caught.value.text("id") != message
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*.part")) == []
    assert audits(workspace) == []


def test_a_folder_that_is_not_there_is_said_plainly(workspace, officer, records, tmp_path):
    with pytest.raises(ExportError) as caught:
        run(workspace, export.export_records, actor=officer, query=RecordQuery(),
            target=tmp_path / "gone" / "data.csv", fmt="csv")
    assert caught.value.template == writers.MSG_NO_FOLDER and caught.value.text("id").startswith("Folder ")
    assert str(tmp_path / "gone") in caught.value.text("id")
    assert audits(workspace) == []


def test_a_cancelled_export_leaves_no_file(workspace, officer, records, tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "PROGRESS_EVERY", 1)
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done >= 2:
            raise ExportCancelled()

    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        run(workspace, export.export_records, actor=officer, query=RecordQuery(), target=folder / "d.xlsx",
            fmt="xlsx", progress=progress)
    assert seen[0] == (0, 3) and list(folder.iterdir()) == []
    assert audits(workspace) == []
