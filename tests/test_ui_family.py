"""One family across the three services on one laptop: the mother's e-KTP, her baby's birth with her picked by
NIK, and the grandmother's eye screening; each registration lands on the right person."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app import persons
from ui.kinds.birth import BirthFormPage
from ui.kinds.cataract import CataractFormPage
from ui.kinds.ektp import EktpFormPage
from ui.records.person_page import PersonPage

MOTHER_NIK, GRANDMOTHER_NIK = "1603075708900003", "1603074507550002"


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="en", language="en", autosave_seconds=0.05)


def typed(qtbot, page, values: dict) -> None:
    for key, text in values.items():
        page.editors[key].setFocus()
        qtbot.keyClicks(page.editors[key], text)


def open_page(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1136, 690)
    page.show()
    return page


def test_mother_baby_and_grandmother_each_on_their_person(qtbot, ctx):
    ektp = open_page(qtbot, EktpFormPage(ctx))
    typed(qtbot, ektp, {"name": "Siti Rahmawati", "nik": MOTHER_NIK, "birth_place": "Muara Enim",
                        "birth_date": "17081990"})
    ektp.save_now()

    birth = open_page(qtbot, BirthFormPage(ctx))
    picker = birth.person_pickers["mother"]
    picker.setFocus()
    qtbot.keyClicks(picker, MOTHER_NIK[:10])
    picker.search_now()
    assert picker.results.rowCount() == 1 and "Siti Rahmawati" in picker.results.item(0).text()
    picker.choose_row(0)
    assert birth.editors["mother_name"].value() == "Siti Rahmawati"
    assert birth.editors["mother_birth_date"].value() == "1990-08-17"
    assert birth.editors["mother_citizenship"].value() == "1"
    typed(qtbot, birth, {"child_name": "Putri Aulia",
                         "child_birth_date": (date.today() - timedelta(days=5)).strftime("%d%m%Y")})
    birth.save_now()

    eyes = open_page(qtbot, CataractFormPage(ctx))
    typed(qtbot, eyes, {"patient_name": "Nenek Aminah", "patient_nik": GRANDMOTHER_NIK})
    eyes.save_now()

    with ctx.workspace.transaction() as s:
        mother = persons.find_by_nik(s, MOTHER_NIK)
        grandmother = persons.find_by_nik(s, GRANDMOTHER_NIK)
        on_mother = {(link.kind, link.role) for link in persons.registrations_of(s, mother.id)}
        on_grandmother = {(link.kind, link.role) for link in persons.registrations_of(s, grandmother.id)}
        baby = [link for link in persons.registrations_of(s, mother.id) if link.kind == "birth"][0]
    assert on_mother == {("ektp", "subject"), ("birth", "mother")}
    assert on_grandmother == {("cataract", "patient")}
    assert baby.subject_name == "Putri Aulia"
    # The officer sees the same on each person's page: every registration they are in, and as whom.
    assert person_page_rows(qtbot, ctx, mother.id) == [("Applicant", "Siti Rahmawati"), ("Mother", "Putri Aulia")]
    assert person_page_rows(qtbot, ctx, grandmother.id) == [("Patient", "Nenek Aminah")]


def person_page_rows(qtbot, ctx, person_id: str) -> list[tuple[str, str]]:
    """(role, registered person) of each row of the person's page, sorted."""
    page = open_page(qtbot, PersonPage(ctx, person_id))
    rows = [page.registrations.topLevelItem(i) for i in range(page.registrations.topLevelItemCount())]
    return sorted((row.text(0), row.text(3)) for row in rows)
