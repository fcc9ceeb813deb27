"""The person page's read-model (app.person_view), without Qt."""

from datetime import datetime

import pytest

from app import registrations as regs
from app.person_view import load_person

T0 = datetime(2026, 11, 2, 9, 0)
SAME = {"name": "Maimunah", "birth_date": "1950-07-01", "village_code": "16.03.05.2001"}


def test_a_person_with_their_registrations_and_look_alikes(workspace, officer):
    with workspace.transaction() as s:
        a = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=SAME)
        b = regs.create_draft(s, actor=officer, kind="ektp", now=T0, data=dict(SAME, name="MAIMUNAH "))
        s.flush()
        ids = a.id, a.person_id, b.person_id
    with workspace.transaction() as s:
        shown = load_person(s, person_id=ids[1])
    # Read outside the session that loaded it: plain values, nothing lazy.
    assert (shown.person.name, shown.person.birth_date, shown.person.nik) == ("Maimunah", "1950-07-01", None)
    assert [(link.role, link.registration_id, link.kind) for link in shown.links] == [("subject", ids[0], "ektp")]
    assert [p.id for p in shown.duplicates] == [ids[2]]


def test_a_person_no_longer_on_the_laptop(workspace):
    with workspace.transaction() as s, pytest.raises(KeyError):
        load_person(s, person_id="nobody")
