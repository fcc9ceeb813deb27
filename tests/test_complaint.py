"""The complaint service for SP4N-LAPOR!, Qt-free: its checks, how far the citizen is named on the list and the
receipt, the row LAPOR! imports, and the steps central reports."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app import receipts, registrations as regs
from app.kinds import kind_spec, status_source
from app.kinds.complaint.lapor import COLUMNS, lapor_row
from app.kinds.spec import ExportRecord
from app.reference.regions import shipped_regions

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 3, 0)
COMPLAINT = {
    "identity": "1", "complainant_name": "Rusdi Hartono", "complainant_nik": "1603071201850001",
    "complainant_phone": "081234567890", "title": "Jembatan gantung putus", "category": "1", "agency": "2",
    "incident_date": "2026-11-20", "description": "Sejak banjir jembatan gantung ke sekolah putus, anak-anak naik rakit.",
    "province_code": "16", "regency_code": "16.03", "district_code": "16.03.07", "village_code": "16.03.07.1001",
    "place_detail": "Jalan ke SD Negeri 12",
}
SPEC = kind_spec("complaint")


def issues(data: dict, for_submit: bool = True) -> dict[str, str]:
    return {i.field: i.code for i in SPEC.validate(data, today=TODAY, regions=shipped_regions(),
                                                  for_submit=for_submit)}


def test_a_complete_named_complaint_has_nothing_to_correct():
    assert issues(COMPLAINT) == {}


def test_an_anonymous_complaint_may_carry_nothing_that_names_the_citizen():
    anonymous = COMPLAINT | {"identity": "3"}
    assert issues(anonymous) == {"complainant_name": "anonymous_named", "complainant_nik": "anonymous_named",
                                 "complainant_phone": "anonymous_named"}
    assert issues(anonymous | {"complainant_name": "", "complainant_nik": "", "complainant_phone": ""}) == {}


def test_a_named_or_confidential_complaint_says_who_complains():
    for identity in ("1", "2"):
        assert issues(COMPLAINT | {"identity": identity, "complainant_name": ""}) == {"complainant_name": "required"}
    # A draft may wait for the name; what is typed is still checked.
    assert issues(COMPLAINT | {"complainant_name": "", "complainant_nik": "1603"}, for_submit=False) == {
        "complainant_nik": "nik_length"}


def test_the_story_and_the_place_are_checked():
    found = issues(COMPLAINT | {"title": "x" * 151, "description": "jalan rusak", "district_code": "16.71.01",
                                "incident_date": "2027-01-01"})
    assert found["title"] == "title_too_long" and found["description"] == "description_short"
    assert found["district_code"] == "region_mismatch" and found["incident_date"] == "date_future"
    assert set(issues({})) >= {"identity", "title", "category", "agency", "incident_date", "description",
                               "province_code", "regency_code", "district_code"}


def test_an_anonymous_complaint_is_listed_by_its_title_and_its_receipt_names_nobody(ctx):
    anonymous = COMPLAINT | {"identity": "3", "complainant_name": "", "complainant_nik": "", "complainant_phone": ""}
    with ctx.workspace.transaction() as s:
        named = regs.create_draft(s, actor=ctx.actor, kind="complaint", now=NOW, data=COMPLAINT)
        hidden = regs.create_draft(s, actor=ctx.actor, kind="complaint", now=NOW, data=anonymous)
        s.flush()
        assert (named.subject_name, named.subject_nik) == ("Rusdi Hartono", "1603071201850001")
        assert (hidden.subject_name, hidden.subject_nik) == ("Jembatan gantung putus", None)
        slip = receipts.build_receipt(s, registration=hidden, officer_name="Siti", village_name="Tanjung Enim")
        assert slip.citizen_name.startswith("Anonim") and slip.citizen_nik == "-"
        assert slip.number.startswith("LPR-") and slip.come_back_on is None
        assert "lapor.go.id" in slip.next_steps and slip.about == "Jembatan gantung putus"
        assert slip.number_label == "Nomor pengaduan"  # the number to follow it by, not an application's
        slip = receipts.build_receipt(s, registration=named, officer_name="Siti", village_name="Tanjung Enim")
        assert slip.citizen_name == "Rusdi Hartono" and slip.citizen_nik == "160307******0001"


@pytest.mark.parametrize(("identity", "anonim", "rahasia", "name"), [
    ("1", "0", "0", "Rusdi Hartono"), ("2", "0", "1", ""), ("3", "1", "0", "")])
def test_the_lapor_row_names_the_complainant_only_when_they_agreed(identity, anonim, rahasia, name):
    record = ExportRecord(id="0196f0a0-0000-7000-8000-000000000001", number="LPR-261201-ABCDEF",
                          status="approved", stage=None, data=COMPLAINT | {"identity": identity},
                          created_at=NOW, regions=shipped_regions())
    row = lapor_row(record)
    assert tuple(row) == COLUMNS
    assert (row["anonim"], row["rahasia"], row["nama_pelapor"]) == (anonim, rahasia, name)
    assert bool(row["nik_pelapor"]) == bool(row["telepon_pelapor"]) == (identity == "1")
    assert row["lokasi"] == "Jalan ke SD Negeri 12, Tanjung Enim, Lawang Kidul, Kabupaten Muara Enim, Sumatera Selatan"
    assert (row["kode_wilayah"], row["kategori"], row["tanggal_laporan"]) == (
        "16.03.07.1001", "Jalan, jembatan dan pekerjaan umum", "2026-12-01")


def test_the_steps_central_reports_are_named_by_the_service():
    assert list(SPEC.stages) == ["forwarded", "followed_up", "resolved"]
    assert [stage.status for stage in SPEC.stages.values()] == ["accepted", "accepted", "done"]
    assert status_source("complaint", "accepted", "followed_up") == "Being followed up by the agency"
    assert status_source("complaint", "accepted", None) == "In process"
    assert status_source("ektp", "accepted", "followed_up") == "In process"  # not a step of e-KTP
