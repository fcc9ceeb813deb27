"""Which page edits each kind of registration: the one place that knows every form page.

The form pages build on ``ui.forms.registration_form`` and import nothing that leads back here; only the screens that
open a form (the main window) come here. The service buttons above a form (``ui.forms.new_registration``) name the kinds
without their pages for the same reason: a form holds them, so they must not import the forms.
"""

from __future__ import annotations

from ui.kinds.birth import BirthFormPage
from ui.kinds.cataract import CataractFormPage
from ui.context import UiContext
from ui.kinds.ektp import EktpFormPage
from ui.forms.registration_form import RegistrationFormPage

FORM_PAGES: dict[str, type[RegistrationFormPage]] = {
    page.KIND: page for page in (EktpFormPage, BirthFormPage, CataractFormPage)}


def has_form(kind: str) -> bool:
    """False for a kind this version has no form for: its records open read-only."""
    return kind in FORM_PAGES


def make_form_page(ctx: UiContext, kind: str, registration_id: str | None) -> RegistrationFormPage:
    return FORM_PAGES[kind](ctx, registration_id=registration_id)
