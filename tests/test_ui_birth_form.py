"""The birth form (F-2.01) driven as an officer drives it: typing, ticking, picking, clicking."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from app import registrations
from app.kinds.birth import FIELDS_BY_KEY
from app.i18n import translate
from ui.kinds.birth import BirthFormPage

BORN = date.today() - timedelta(days=10)


def dmy(day: date) -> str:
    return day.strftime("%d%m%Y")


MOTHER = {"mother_name": "Siti Rahmawati", "mother_nik": "1603075708900003", "mother_birth_place": "Muara Enim",
          "mother_birth_date": "17081990"}
CHILD = {"child_name": "Putri Aulia", "child_birth_date": dmy(BORN), "child_birth_time": "0730",
         "child_birth_order": "1", "child_weight": "3,2", "child_length": "49", "child_kk_number": "1603071203150007"}
REPORTER = {"reporter_name": "Ahmad Yani", "reporter_nik": "1603071708850001",
            "reporter_kk_number": "1603071203150007"}
CHOICES = {"mother_citizenship": "Indonesian citizen (WNI)", "reporter_citizenship": "Indonesian citizen (WNI)",
           "child_sex": "Female", "child_birth_place_type": "Puskesmas", "child_birth_type": "Single birth",
           "child_birth_attendant": "Midwife / nurse"}


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="en", language="id", autosave_seconds=0.05)


@pytest.fixture
def page(qtbot, ctx):
    form = BirthFormPage(ctx)
    qtbot.addWidget(form)
    form.resize(1136, 690)
    form.show()
    return form


def type_into(qtbot, page, key: str, text: str) -> None:
    editor = page.editors[key]
    editor.setFocus()
    editor.clear()
    qtbot.keyClicks(editor, text)


def choose(qtbot, page, key: str, label_en: str) -> None:
    combo = page.editors[key]
    wanted = translate("ValueList", label_en, page.language)
    target = combo.findText(wanted)
    assert target > 0, (key, wanted, [combo.itemText(i) for i in range(combo.count())])
    combo.setFocus()
    combo.setCurrentIndex(0)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.value() == next(c.code for c in FIELDS_BY_KEY[key].choices if c.label == label_en)
    combo.activated.emit(combo.currentIndex())


def tick(qtbot, page, key: str) -> None:
    box = page.editors[key]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def fill(qtbot, page, *groups: dict) -> None:
    for group in groups:
        for key, value in group.items():
            if key in CHOICES:
                choose(qtbot, page, key, value)
            else:
                type_into(qtbot, page, key, value)


def fill_valid(qtbot, page) -> None:
    fill(qtbot, page, REPORTER, MOTHER, CHILD)
    for key, label in CHOICES.items():
        if page.editors[key].isEnabled():  # twins: the type of birth follows the number of babies
            choose(qtbot, page, key, label)
    page.editors["child_birth_place"].set_value("16.03")
    page.editors["child_birth_place"].edited.emit()
    tick(qtbot, page, "doc_birth_letter")
    choose_issuer(qtbot, page)
    tick(qtbot, page, "doc_kk")


def choose_issuer(qtbot, page) -> None:
    combo = page.editors["doc_birth_letter_issuer"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    combo.activated.emit(combo.currentIndex())


def messages(page, key: str) -> str:
    page.validate()
    return page.boxes[key].message_text()


def stored(ctx, rid: str):
    with ctx.workspace.transaction() as s:
        reg = registrations.get(s, rid)
        s.expunge(reg)
        return reg


def test_child_born_before_the_mother_is_an_error(qtbot, page):
    fill(qtbot, page, MOTHER)
    type_into(qtbot, page, "child_birth_date", "01011980")
    assert "✖" in messages(page, "mother_birth_date")
    assert page.editors["mother_birth_date"].property("severity") == "error"


def test_mother_aged_eight_is_an_error(qtbot, page):
    type_into(qtbot, page, "mother_birth_date", dmy(BORN.replace(year=BORN.year - 8)))
    type_into(qtbot, page, "child_birth_date", dmy(BORN))
    assert "8" in messages(page, "mother_birth_date")
    assert any(i.code == "mother_too_young" and i.is_error for i in page.issues)


def test_weight_of_forty_kilograms_is_an_error_and_a_decimal_comma_is_fine(qtbot, page):
    type_into(qtbot, page, "child_weight", "40")
    assert "✖" in messages(page, "child_weight")
    type_into(qtbot, page, "child_weight", "3,2")
    assert messages(page, "child_weight") == ""
    assert page.values()["child_weight"] == "3,2"


def test_witness_with_the_childs_nik_is_an_error(qtbot, page):
    fill(qtbot, page, {"child_nik": "1603075001260001", "witness1_name": "Budi", "witness1_nik": "1603075001260001"})
    assert any(i.code == "witness_is_child" for i in page.validate())
    assert "✖" in page.boxes["witness1_name"].message_text()


def test_time_is_typed_as_digits_and_stored_with_a_colon(qtbot, page):
    type_into(qtbot, page, "child_birth_time", "0730")
    assert page.editors["child_birth_time"].text() == "07:30"
    assert page.values()["child_birth_time"] == "07:30"


def test_without_a_birth_letter_the_sptjm_is_offered_and_required_on_submit(qtbot, ctx, page):
    fill(qtbot, page, REPORTER, MOTHER, CHILD)
    page.validate()
    assert page.boxes["doc_sptjm_birth"].isVisible()
    assert "Wajib" in page.witness_notes["witness1"].text() or "Required" in page.witness_notes["witness1"].text()
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert page.boxes["doc_sptjm_birth"].message_text()
    assert any(i.field == "doc_sptjm_birth" and i.is_error for i in page.issues)
    assert any(i.field == "witness1_name" and i.is_error for i in page.issues)  # witnesses are needed now
    assert stored(ctx, page.record_id()).status == "draft"
    tick(qtbot, page, "doc_birth_letter")
    page.validate()
    assert not page.boxes["doc_sptjm_birth"].isVisible()  # a birth letter: no SPTJM needed
    assert page.editors["doc_birth_letter_issuer"].isEnabled()


def test_valid_application_is_sent(qtbot, ctx, page):
    fill_valid(qtbot, page)
    assert [i.text("en") for i in page.validate() if i.is_error] == []
    with qtbot.waitSignal(page.closed, timeout=3000):
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert stored(ctx, page.record_id()).status == "submitted"


def test_late_report_shows_a_warning_banner(qtbot, page):
    type_into(qtbot, page, "child_birth_date", dmy(date.today() - timedelta(days=90)))
    page.validate()
    assert page.banner.isVisible() and "90" in page.banner.text()


def test_twins_make_two_linked_applications(qtbot, ctx, page):
    page.twins.count.setValue(2)
    assert page.editors["child_birth_type"].value() == "2" and not page.editors["child_birth_type"].isEnabled()
    fill_valid(qtbot, page)
    row = page.twins.rows[0]
    row.editors["child_name"].setFocus()
    qtbot.keyClicks(row.editors["child_name"], "Putra Aulia")
    row.editors["child_weight"].setFocus()
    qtbot.keyClicks(row.editors["child_weight"], "2,9")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert "✖" in row.boxes["child_sex"].message_text()  # the second baby's own fields are still missing
    assert stored(ctx, page.group_ids()[1]).status == "draft"  # all or none: the first waits for the second
    row.editors["child_sex"].setCurrentIndex(1)
    row.editors["child_sex"].activated.emit(1)
    row.editors["child_birth_time"].setFocus()
    qtbot.keyClicks(row.editors["child_birth_time"], "0742")
    with qtbot.waitSignal(page.closed, timeout=3000):
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    group = page.group_ids()
    assert len(group) == 2
    first, second = (stored(ctx, rid) for rid in group)
    assert first.group_id == second.group_id is not None
    assert (first.data["child_name"], second.data["child_name"]) == ("Putri Aulia", "Putra Aulia")
    assert second.data["child_weight"] == "2,9" and second.data["mother_name"] == "Siti Rahmawati"
    assert first.data["multiple_birth_order"] == "1" and second.data["group_size"] == "2"
    assert first.status == second.status == "submitted"
    with ctx.workspace.transaction() as s:
        assert [r.id for r in registrations.siblings(s, first.id)] == [second.id]


