"""The checks panel beside a form, as the officer sees it while typing: what is still needed on an empty form
and once an answer makes more fields required, and free text in a value list as an error that keeps the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import registrations
from app.kinds.ektp import EKTP_FIELDS
from ui.kinds.cataract import CataractFormPage
from ui.kinds.ektp import EktpFormPage
from ui.forms.issue_panel import NEEDED_COLOR

from test_ui_ektp_form import choose, fill_valid, stored, wait_saved


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="id", language="id", autosave_seconds=0.05)


def open_form(qtbot, ctx, page_class):
    form = page_class(ctx)
    qtbot.addWidget(form)
    form.resize(1136, 690)
    form.show()
    qtbot.waitExposed(form)
    return form


def panel_rows(page) -> list[str]:
    return page.issue_panel.texts()


def needed_rows(page) -> list[str]:
    return [row.text() for row in page.issue_panel.row_widgets() if NEEDED_COLOR in row.styleSheet()]


def test_an_empty_form_says_what_is_still_needed_not_that_all_is_well(qtbot, ctx):
    page = open_form(qtbot, ctx, EktpFormPage)
    values = page.values()
    required = sum(1 for f in EKTP_FIELDS if f.required and not values.get(f.key))  # the province comes preset
    assert required > 15
    assert page.issue_panel.title.text() == f"Belum diisi: {required} kolom wajib"
    assert "Tidak ada masalah" not in page.issue_panel.title.text()
    assert len(needed_rows(page)) == required == len(panel_rows(page))
    assert all(row.startswith("○ ") for row in needed_rows(page))
    assert "○ Nama lengkap" in needed_rows(page)  # the title says what is missing; each row names the field
    assert not any(box.message_text() for box in page.boxes.values())  # nothing red before any typing


def test_a_reason_shared_by_several_fields_is_given_once(qtbot, ctx):
    from ui.kinds.birth import BirthFormPage

    page = open_form(qtbot, ctx, BirthFormPage)
    witnesses = [row for row in needed_rows(page) if "saksi I" in row]
    assert len(witnesses) == 8  # two witnesses, four fields each, while there is no birth letter
    assert sum("SPTJM" in row for row in witnesses) == 1


def test_a_registered_marriage_lists_its_certificate_while_typing(qtbot, ctx):
    page = open_form(qtbot, ctx, EktpFormPage)
    assert not any("Nomor akta perkawinan" in row for row in needed_rows(page))
    choose(qtbot, page, "marital_status", "Married, registered")
    qtbot.waitUntil(lambda: any("akta perkawinan" in row.lower() for row in needed_rows(page)), timeout=3000)
    assert not any(issue.is_error and issue.field == "marriage_certificate_no" for issue in page.issues)
    assert not page.boxes["marriage_certificate_no"].message_text()  # listed, not shown as an error yet


def test_an_eye_below_six_twelve_lists_its_pinhole_acuity(qtbot, ctx):
    from test_ui_cataract_form import choose as choose_cataract

    page = open_form(qtbot, ctx, CataractFormPage)
    choose_cataract(qtbot, page, "exam_status", "Examined")
    choose_cataract(qtbot, page, "right_presenting_va", "6/12 or better")
    qtbot.waitUntil(lambda: page.values()["right_presenting_va"] == "1", timeout=3000)
    page.validate()
    assert not any(i.field == "right_pinhole_va" for i in page.needed)
    choose_cataract(qtbot, page, "right_presenting_va", "Less than 6/18 to 6/60")
    qtbot.waitUntil(lambda: any(i.field == "right_pinhole_va" for i in page.needed), timeout=3000)
    label = page.boxes["right_pinhole_va"].label.text().split(" <")[0]
    assert any(label in row for row in needed_rows(page))


def test_free_text_in_a_value_list_is_an_error_and_stays_as_typed(qtbot, ctx):
    page = open_form(qtbot, ctx, EktpFormPage)
    qtbot.keyClicks(page.editors["name"], "Siti")  # the record exists: what follows is saved into it
    combo = page.editors["occupation"]
    assert combo.isEditable()  # the searchable list an officer types into
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "pasar tanjung")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("pasar tanjung" in row for row in panel_rows(page)), timeout=3000)
    [row] = [row for row in panel_rows(page) if "pasar tanjung" in row]
    assert row.startswith("✖") and "tidak ada di daftar" in row
    assert "pasar tanjung" in page.boxes["occupation"].message_text()
    assert combo.currentText() == "pasar tanjung"  # the officer's words are still there to correct
    page.editors["name"].setFocus()  # leaving the list saves
    wait_saved(qtbot, page)
    assert stored(ctx, page).data["occupation"] == "pasar tanjung"

    choose(qtbot, page, "occupation", "Farmer / planter")
    qtbot.waitUntil(lambda: not any("pasar tanjung" in row for row in panel_rows(page)), timeout=3000)
    assert page.values()["occupation"] == combo.currentData() != ""


def test_typing_an_option_by_name_picks_it(qtbot, ctx):
    page = open_form(qtbot, ctx, EktpFormPage)
    combo = page.editors["occupation"]
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "petani/pekebun")
    combo.completer().popup().hide()  # Enter goes to the box, not to a suggestion
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.currentText() == "Petani/Pekebun", timeout=3000)
    assert page.values()["occupation"] == combo.currentData() and combo.currentData()


def test_a_complete_form_has_nothing_left(qtbot, ctx):
    page = open_form(qtbot, ctx, EktpFormPage)
    fill_valid(qtbot, page)
    qtbot.waitUntil(lambda: page.issue_panel.title.text() == "Tidak ada masalah", timeout=3000)
    assert needed_rows(page) == []


def test_words_typed_into_the_village_box_stay_and_are_an_error(qtbot, ctx):
    page = open_form(qtbot, ctx, EktpFormPage)
    qtbot.keyClicks(page.editors["name"], "Siti")
    page.picker.set_values({"province_code": "16", "regency_code": "16.03"})
    combo = page.picker.combos["village_code"]
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "pasar tanjung")
    combo.search_popup.popup().hide()  # the officer did not pick a suggestion
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("pasar tanjung" in row and row.startswith("✖") for row in panel_rows(page)),
                    timeout=3000)
    assert combo.currentText() == "pasar tanjung"
    page.editors["name"].setFocus()
    wait_saved(qtbot, page)
    assert stored(ctx, page).data["village_code"] == "pasar tanjung"  # kept for the officer to correct
