"""Each service's form page, found by its key in ``app.kinds.REGISTERED``: the one place that knows every page.

A service's page is ``ui/kinds/<key>.py``, whose ``PAGE`` is its ``ui.forms.registration_form.RegistrationFormPage``
(its fields, their layout, its own live checks); everything else the screens need about a service is in its
``app.kinds`` spec. Only the screens that open a form come here (the main window, the follow-up dialog for the
layout of its rows); the form pages import nothing that leads back, and the service buttons above a form
(``ui.forms.new_registration``) read the specs, not the pages.
"""

from __future__ import annotations

import importlib

from app.kinds import REGISTERED
from ui.context import UiContext
from ui.forms.registration_form import RegistrationFormPage

FORM_PAGES: dict[str, type[RegistrationFormPage]] = {
    kind: importlib.import_module(f"ui.kinds.{kind}").PAGE for kind in REGISTERED}
# What "New registration" opens; the service buttons above the new form switch to the others.
DEFAULT_KIND = REGISTERED[0]


def has_form(kind: str) -> bool:
    """False for a kind this version has no form for: its records open read-only."""
    return kind in FORM_PAGES


def make_form_page(ctx: UiContext, kind: str, registration_id: str | None) -> RegistrationFormPage:
    return FORM_PAGES[kind](ctx, registration_id=registration_id)
