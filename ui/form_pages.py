"""Which page edits each kind of registration: the one place that knows every form page.

The form pages build on ``ui.registration_form`` and import nothing that leads back here; only the screens that
open a form (the main window) come here. The service buttons above a form (``ui.new_registration``) name the kinds
without their pages for the same reason: a form holds them, so they must not import the forms.
"""

from __future__ import annotations

from ui.birth_form import BirthFormPage
from ui.cataract_form import CataractFormPage
from ui.context import UiContext
from ui.ektp_form import EktpFormPage
from ui.registration_form import RegistrationFormPage

FORM_PAGES: dict[str, type[RegistrationFormPage]] = {
    page.KIND: page for page in (EktpFormPage, BirthFormPage, CataractFormPage)}


def has_form(kind: str) -> bool:
    """False for a kind this version has no form for: its records open read-only."""
    return kind in FORM_PAGES


def make_form_page(ctx: UiContext, kind: str, registration_id: str | None) -> RegistrationFormPage:
    return FORM_PAGES[kind](ctx, registration_id=registration_id)
