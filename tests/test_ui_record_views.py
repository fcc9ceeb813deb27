"""The plain-Python side of the records screens: no Qt here."""

from datetime import date, datetime, timedelta

from app import record_views, registrations as regs
from app.record_views import RecordPages, RecordQuery

T0 = datetime(2026, 11, 2, 9, 0)


def test_pages_take_only_the_current_search_in_order():
    pages = RecordPages(page_size=2)
    old_gen, *_ = pages.next_request()
    gen = pages.reset(RecordQuery(text="siti"))
    assert not pages.accept(old_gen, 0, ["stale"])  # late answer to the previous search
    gen2, query, offset, limit = pages.next_request()
    assert (gen2, query.text, offset, limit) == (gen, "siti", 0, 2)
    assert not pages.can_fetch_more()  # one load at a time
    assert pages.accept(gen, 0, ["a", "b"]) and pages.can_fetch_more()
    _, _, offset, _ = pages.next_request()
    assert pages.accept(gen, offset, ["c"]) and pages.exhausted and pages.rows == ["a", "b", "c"]


def test_failed_page_can_be_retried():
    pages = RecordPages(page_size=2)
    gen, *_ = pages.next_request()
    pages.failed(gen)
    assert pages.can_fetch_more() and not pages.exhausted


def test_fetch_page_and_count_follow_the_query(workspace, officer):
    with workspace.transaction() as s:
        for i, name in enumerate(["Siti Aminah", "Budi Santoso", "Siti Rahma"]):
            regs.create_draft(s, actor=officer, kind="ektp", now=T0 + timedelta(minutes=i),
                              data={"name": name, "nik": f"16710141019000{i:02d}"})
    with workspace.transaction() as s:
        rows = record_views.fetch_page(s, RecordQuery(text="siti"), 0, 10)
        assert [r.row.subject_name for r in rows] == ["Siti Rahma", "Siti Aminah"]  # newest first
        assert record_views.count(s, RecordQuery(text="1671014101900001")) == 1


def test_home_counts_drafts_waiting_and_today(workspace, officer, monkeypatch):
    now = workspace.now()
    with workspace.transaction() as s:
        regs.create_draft(s, actor=officer, kind="ektp", now=now, data={"name": "A"})
        sent = regs.create_draft(s, actor=officer, kind="ektp", now=now, data={"name": "B"})
        regs.transition(s, actor=officer, registration_id=sent.id, action="submit", now=now)
        sent.submitted_at = now
    with workspace.transaction() as s:
        counts = record_views.home_counts(s, actor=officer, today=date.today())
    assert (counts.drafts, counts.waiting, counts.submitted_today) == (1, 1, 1)
    assert [r.subject_name for r in counts.my_drafts] == ["A"]


def test_detail_copies_data_and_history(workspace, officer):
    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "Siti"})
    with workspace.transaction() as s:
        detail = record_views.load_detail(s, reg.id)
    assert detail.data == {"name": "Siti"} and detail.owner_name == "Siti Aminah"
    assert [h.action for h in detail.history] == ["create"]
    assert detail.history[0].changes == {"name": [None, "Siti"]}


def test_detail_labels_every_service_and_shows_codes_as_words(qtbot):
    from app.kinds.cataract import FIELDS_BY_KEY as CATARACT
    from app.reference.regions import shipped_regions
    from ui.records.detail import field_value, form_fields

    assert {f.key for f in form_fields("birth")} >= {"child_name", "mother_nik", "doc_birth_letter"}
    assert form_fields("cataract") and form_fields("unknown-kind") == []
    barriers = CATARACT["surgery_barriers"]
    shown = field_value(barriers, [barriers.choices[0].code, barriers.choices[2].code], regions=shipped_regions())
    assert shown.count(",") == 1 and barriers.choices[0].code not in shown.split(", ")
    assert field_value(CATARACT["referred"], True, regions=shipped_regions()) != \
        field_value(CATARACT["referred"], False, regions=shipped_regions())
