"""The e-KTP form driven like an officer drives it: typing into fields, picking from lists, clicking buttons."""

from __future__ import annotations

from datetime import datetime
from unittest import mock

import pytest
from PySide6.QtCore import Qt

from app import errors, registrations
from app.kinds.ektp import FIELDS_BY_KEY
from app.i18n import translate
from ui.kinds.ektp import EktpFormPage

VALID = {  # typed as an officer types it; dates day first
    "head_of_family": "Ahmad Yani", "address": "Jl. Merdeka No. 5", "rt": "003", "rw": "002",
    "name": "Siti Rahmawati", "nik": "1603075708900003", "kk_number": "1603071203150007",
    "birth_place": "Muara Enim", "birth_date": "17081990", "mother_name": "Aminah",
}
CHOICES = {"sex": "Female", "religion": "Islam", "marital_status": "Married, registered", "relationship": "Wife",
           "education": "Senior secondary school or equivalent", "occupation": "Farmer / planter",
           "citizenship": "Indonesian citizen (WNI)"}
MARRIAGE = {"marriage_certificate_no": "123/45/VI/2012", "marriage_date": "01062012"}


@pytest.fixture
def ctx(make_ui_context):
    # labels in English: the tests pick options by label
    return make_ui_context(translators="en", language="id", autosave_seconds=0.05)


@pytest.fixture
def page(qtbot, ctx):
    form = EktpFormPage(ctx)
    qtbot.addWidget(form)
    form.resize(1136, 690)
    form.show()
    return form


def type_into(qtbot, page, key: str, text: str) -> None:
    editor = page.editors[key]
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def choose(qtbot, page, key: str, label_en: str) -> None:
    """Picks an option the way a keyboard user does: focus the list, then arrow down to the option."""
    combo = page.editors[key]
    wanted = translate("ValueList", label_en, page.language)
    target = combo.findText(wanted)
    assert target > 0, (key, wanted)
    combo.setFocus()
    combo.setCurrentIndex(0)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.value() == next(c.code for c in FIELDS_BY_KEY[key].choices if c.label == label_en)
    combo.activated.emit(combo.currentIndex())  # keyboard moves change the index; activated marks the edit


def pick_village(qtbot, page, text: str, wanted: str) -> None:
    combo = page.picker.combos["village_code"]
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), text)
    popup = combo.search_popup.popup()
    model = popup.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data().split(" — ")[0] == wanted)
    popup.scrollTo(model.index(row, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(model.index(row, 0)).center())


def fill_valid(qtbot, page) -> None:
    for key, text in VALID.items():
        type_into(qtbot, page, key, text)
    for key, label in CHOICES.items():
        choose(qtbot, page, key, label)
    for key, text in MARRIAGE.items():
        type_into(qtbot, page, key, text)
    page.picker.set_values({"province_code": "16", "regency_code": "16.03"})
    pick_village(qtbot, page, "tanj", "Tanjung Enim")


def wait_saved(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.is_dirty() and page.record_id() is not None, timeout=3000)


def stored(ctx, page) -> registrations.Registration:
    with ctx.workspace.transaction() as s:
        reg = registrations.get(s, page.record_id())
        s.expunge(reg)
        return reg


def test_impossible_date_in_nik_is_shown_next_to_the_nik_in_indonesian(qtbot, page):
    type_into(qtbot, page, "nik", "1603073102900001")  # day 31, month 02
    qtbot.waitUntil(lambda: "tidak ada di kalender" in page.boxes["nik"].message_text(), timeout=2000)
    assert "31-02" in page.boxes["nik"].message_text()
    assert page.editors["nik"].property("severity") == "error"
    assert any("tidak ada di kalender" in text for text in page.issue_panel.texts())


def test_nik_disagreeing_with_sex_and_birth_date_is_a_warning(qtbot, page):
    type_into(qtbot, page, "nik", "1603071708900001")  # a man born 17-08-1990
    choose(qtbot, page, "sex", "Female")
    type_into(qtbot, page, "birth_date", "18081990")
    page.validate()
    nik_issues = [i for i in page.issues if i.field == "nik"]
    assert nik_issues and all(i.severity == "warning" for i in nik_issues)
    assert page.editors["nik"].property("severity") == "warning"


def test_digits_fields_take_only_digits_up_to_their_length(qtbot, page):
    type_into(qtbot, page, "nik", "1603 0757-0890 0003 99")
    assert page.editors["nik"].text() == "1603075708900003"
    type_into(qtbot, page, "rt", "12a34")
    assert page.editors["rt"].text() == "123"


def test_date_is_typed_day_first_and_stored_iso(qtbot, page):
    type_into(qtbot, page, "birth_date", "17081990")
    assert page.editors["birth_date"].text() == "17-08-1990"
    assert page.values()["birth_date"] == "1990-08-17"


def test_village_picked_by_typing_is_saved(qtbot, ctx, page):
    type_into(qtbot, page, "name", "Siti Rahmawati")
    page.picker.set_values({"province_code": "16", "regency_code": "16.03"})
    pick_village(qtbot, page, "tanj", "Tanjung Enim")
    assert page.picker.combos["district_code"].currentText() == "Lawang Kidul"
    wait_saved(qtbot, page)
    reg = stored(ctx, page)
    assert reg.data["village_code"] == "16.03.07.1001"
    assert reg.data["district_code"] == "16.03.07"


def test_valid_form_is_saved_and_found_by_name_then_submitted(qtbot, ctx, page):
    changed = []
    ctx.changes.registrations_changed.connect(changed.append)
    fill_valid(qtbot, page)
    page.validate()
    assert [i for i in page.issues if i.is_error] == [], [i.text("en") for i in page.issues]
    assert page.eligibility.text().startswith("✔")  # adult and married: clearly eligible
    wait_saved(qtbot, page)
    with ctx.workspace.transaction() as s:
        rows = registrations.search(s, text="rahmawati")
    assert [r.id for r in rows] == [page.record_id()]
    assert rows[0].status == "draft" and rows[0].subject_nik == "1603075708900003"
    assert [page.record_id()] in changed
    with qtbot.waitSignal(page.closed, timeout=2000):
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert stored(ctx, page).status == "submitted"


def test_submit_with_missing_fields_shows_errors_and_stays_draft(qtbot, ctx, page):
    type_into(qtbot, page, "name", "Siti Rahmawati")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert "wajib diisi" in page.boxes["head_of_family"].message_text()
    assert "wajib diisi" in page.boxes["nik"].message_text()
    assert any("wajib diisi" in text for text in page.issue_panel.texts())
    assert page.editors["head_of_family"].hasFocus()  # the first field to correct
    assert stored(ctx, page).status == "draft"
    # Clicking a line of the list goes to its field.
    row = next(r for r in page.issue_panel.row_widgets() if r.field == "kk_number")
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert page.editors["kk_number"].hasFocus()


def test_empty_form_makes_no_record(qtbot, ctx, page):
    with qtbot.waitSignal(page.closed, timeout=2000):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    with ctx.workspace.transaction() as s:
        assert registrations.count(s) == 0


def test_save_and_close_then_reopen_fills_the_widgets(qtbot, ctx, page):
    type_into(qtbot, page, "name", "Siti Rahmawati")
    type_into(qtbot, page, "nik", "1603075708900003")
    choose(qtbot, page, "sex", "Female")
    type_into(qtbot, page, "birth_date", "17081990")
    with qtbot.waitSignal(page.closed, timeout=2000):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    again = EktpFormPage(ctx, registration_id=page.record_id())
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.body.isEnabled(), timeout=2000)
    assert again.editors["name"].text() == "Siti Rahmawati"
    assert again.editors["nik"].text() == "1603075708900003"
    assert again.editors["sex"].value() == "2"
    assert again.editors["birth_date"].text() == "17-08-1990"
    assert again.picker.values()["province_code"] == "16"


def test_disk_full_keeps_what_was_typed_and_says_so(qtbot, ctx, page):
    type_into(qtbot, page, "name", "Siti")
    wait_saved(qtbot, page)
    full = errors.DatabaseProblem(errors.MSG_DISK_FULL)
    with mock.patch.object(registrations, "save_draft", side_effect=full):
        type_into(qtbot, page, "name", " Rahmawati")
        page.save_now()
    assert "penuh" in page.save_state.text()  # "Disk penuh ..." in Indonesian
    assert page.editors["name"].text() == "Siti Rahmawati"
    assert page.is_dirty()
    page.save_now()  # space freed: the next save stores it
    assert not page.is_dirty()
    assert stored(ctx, page).data["name"] == "Siti Rahmawati"


def test_nik_of_a_person_already_on_this_laptop_is_announced(qtbot, ctx, officer, page):
    with ctx.workspace.transaction() as s:
        registrations.create_draft(s, actor=officer, kind="ektp", now=datetime(2026, 1, 1),
                                   data={"name": "Siti Rahmawati", "nik": "1603075708900003"})
    type_into(qtbot, page, "name", "Siti Rahmawati")
    wait_saved(qtbot, page)
    type_into(qtbot, page, "nik", "1603075708900003")
    page.save_now()
    assert page.info.isVisible()
    assert "1603075708900003" in page.info.text()


def test_closing_the_page_saves_what_waits_for_the_timer(qtbot, ctx):
    ctx.settings.autosave_seconds = 60  # the timer would not fire during this test
    form = EktpFormPage(ctx)
    qtbot.addWidget(form)
    form.show()
    type_into(qtbot, form, "name", "Siti Rahmawati")
    assert form.is_dirty()
    form.close()
    with ctx.workspace.transaction() as s:
        assert [r.subject_name for r in registrations.search(s, text="siti")] == ["Siti Rahmawati"]
