"""The cataract screening form driven as an officer drives it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.i18n import translate
from ui.kinds.cataract import CataractFormPage


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="en", language="en", autosave_seconds=0.05)


@pytest.fixture
def page(qtbot, ctx):
    form = CataractFormPage(ctx)
    qtbot.addWidget(form)
    form.resize(1136, 690)
    form.show()
    return form


def choose(qtbot, page, key: str, label_en: str) -> None:
    combo = page.editors[key]
    target = combo.findText(translate("ValueList", label_en, page.language))
    assert target > 0, (key, label_en)
    combo.setFocus()
    combo.setCurrentIndex(0)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    combo.activated.emit(combo.currentIndex())


def test_who_category_comes_from_the_better_eye_and_is_shown_read_only(qtbot, page):
    choose(qtbot, page, "exam_status", "Examined")
    choose(qtbot, page, "right_presenting_va", "Less than 3/60 to 1/60")
    choose(qtbot, page, "left_presenting_va", "Less than 6/18 to 6/60")
    page.validate()
    assert page.editors["who_category"].text() == "Moderate visual impairment"  # the left eye, the better one
    assert page.values()["who_category"] == "3"
    assert "calculated automatically" in page.boxes["who_category"].label.text()
    choose(qtbot, page, "left_presenting_va", "Light perception")
    page.validate()
    assert page.editors["who_category"].text() == "Blind"


def test_pinhole_only_for_eyes_below_six_twelve(qtbot, page):
    page.validate()
    assert not page.editors["right_pinhole_va"].isEnabled()
    choose(qtbot, page, "right_presenting_va", "6/12 or better")
    choose(qtbot, page, "left_presenting_va", "Less than 6/12 to 6/18")
    page.validate()
    assert not page.editors["right_pinhole_va"].isEnabled()
    assert page.editors["left_pinhole_va"].isEnabled()


def test_eyes_are_side_by_side(qtbot, page):
    right = page.boxes["right_presenting_va"].mapTo(page, page.boxes["right_presenting_va"].rect().topLeft())
    left = page.boxes["left_presenting_va"].mapTo(page, page.boxes["left_presenting_va"].rect().topLeft())
    assert right.y() == left.y() and right.x() < left.x()


def test_a_new_screening_starts_today_but_is_no_record_until_something_is_typed(qtbot, ctx, workspace, page):
    from sqlalchemy import func, select

    from db.models import Registration

    assert page.editors["screening_date"].text() == workspace.today().strftime("%d-%m-%Y")
    assert page.values()["screening_date"] == workspace.today().isoformat()
    assert page.switcher.isVisible()  # still an empty form: the officer may switch to another service
    page.save_now(then=lambda: None)
    with workspace.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Registration)) == 0
    qtbot.keyClicks(page.editors["patient_name"], "Mbah Karto")
    page.save_now()
    with workspace.transaction() as s:
        reg = s.scalar(select(Registration))
        assert reg.data["screening_date"] == workspace.today().isoformat()
