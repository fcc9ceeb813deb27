"""Computed values are the domain's: worked out whenever a record is stored, whoever stores it (no Qt here)."""

from datetime import datetime

from app import registrations
from app.kinds import kind_spec

NOW = datetime(2025, 1, 10, 9, 0)
EXAMINED = {"patient_name": "Rohani", "exam_status": "1", "right_presenting_va": "5", "left_presenting_va": "3"}


def test_the_cataract_kind_computes_the_who_category_from_the_better_eye():
    assert kind_spec("cataract").with_computed(EXAMINED)["who_category"] == "3"
    assert kind_spec("cataract").with_computed({"exam_status": "1"})["who_category"] == ""
    assert kind_spec("ektp").with_computed({"name": "Siti"}) == {"name": "Siti"}


def test_a_draft_gets_its_who_category_when_created_and_when_saved(workspace, officer):
    with workspace.transaction() as s:
        reg = registrations.create_draft(s, actor=officer, kind="cataract", now=NOW, data=EXAMINED)
        s.flush()
        assert reg.data["who_category"] == "3"
        # A typed or stale category never wins over the acuities it is computed from.
        registrations.save_draft(s, actor=officer, registration_id=reg.id, now=NOW,
                                 data={**EXAMINED, "left_presenting_va": "6", "who_category": "1"})
        assert reg.data["who_category"] == "5"
        registrations.save_draft(s, actor=officer, registration_id=reg.id, now=NOW,
                                 data={**EXAMINED, "exam_status": "2"})
        assert "who_category" not in reg.data  # not examined: no category, as the page showed it
