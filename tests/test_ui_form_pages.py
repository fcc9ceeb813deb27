"""Every service button opens a form page, and each page edits the kind it is registered under."""

from app.kinds import KINDS, REGISTERED
from ui.forms.new_registration import ServiceButtons
from ui.kinds import FORM_PAGES, has_form


def test_every_registered_service_has_its_form_page_and_button(qtbot):
    buttons = ServiceButtons(big=True)
    qtbot.addWidget(buttons)
    assert tuple(FORM_PAGES) == REGISTERED == tuple(KINDS) == tuple(buttons.buttons)
    assert all(page.KIND == kind for kind, page in FORM_PAGES.items())
    assert not has_form("no_such_kind")
