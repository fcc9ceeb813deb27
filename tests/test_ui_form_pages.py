"""Every service button opens a form page, and each page edits the kind it is registered under."""

from ui.forms.pages import FORM_PAGES, has_form
from ui.forms.new_registration import KINDS_WITH_FORM


def test_every_service_button_has_its_form_page():
    assert tuple(FORM_PAGES) == KINDS_WITH_FORM
    assert all(page.KIND == kind for kind, page in FORM_PAGES.items())
    assert not has_form("no_such_kind")
