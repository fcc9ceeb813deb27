"""The e-KTP biodata form (F-1.01): built from ``app.kinds.ektp.EKTP_FIELDS`` on the shared registration page, with the
household laid out as the paper form has it and the e-KTP eligibility shown under the form."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.kinds.ektp import ektp_eligibility
from app.validation.dates import parse_date
from app.validation.issues import Issue
from ui.context import UiContext
from ui.forms.widgets import ERROR_COLOR
from ui.forms.registration_form import RegistrationFormPage

KIND = "ektp"
# Where each field goes in a four-column grid, and how many columns it spans; fields not listed come last.
LAYOUT = {
    "household": [("head_of_family", 2), ("address", 2), ("rt", 1), ("rw", 1), ("postal_code", 1), ("phone", 1),
                  ("regions", 4)],
    "person": [("name", 2), ("nik", 2), ("kk_number", 2), ("sex", 1), ("blood_type", 1), ("birth_place", 2),
               ("birth_date", 1), ("religion", 1), ("marital_status", 2), ("relationship", 2), ("education", 2),
               ("occupation", 2), ("citizenship", 2), ("disability", 2), ("mother_name", 2), ("mother_nik", 2),
               ("father_name", 2), ("father_nik", 2), ("birth_certificate_no", 2), ("marriage_certificate_no", 2),
               ("marriage_date", 2)],
}


class EktpFormPage(RegistrationFormPage):
    KIND = KIND
    REGION_PICKERS = ("",)

    def __init__(self, ctx: UiContext, registration_id: str | None = None, parent: QWidget | None = None):
        super().__init__(ctx, registration_id, parent)

    @property
    def picker(self):
        return self.pickers[""]

    @property
    def eligibility(self):
        return self.footer_note

    def title_text(self) -> str:
        return self.tr("e-KTP biodata (F-1.01)")

    def build_sections(self, column: QVBoxLayout) -> None:
        for title, section in ((self.tr("Household data"), "household"), (self.tr("Personal data"), "person")):
            placed = [key for key, _span in LAYOUT[section]]
            extra = [(f.key, 2) for f in self.spec.fields if f.section == section and f.key not in placed
                     and f.kind != "region"]
            items = [(self.picker if key == "regions" else key, span) for key, span in LAYOUT[section] + extra]
            column.addWidget(self.section(title, items))

    def after_validate(self, data: dict, issues: list[Issue]) -> None:
        today = self.ctx.workspace.today()
        birth, _ = parse_date(data.get("birth_date"), today=today)
        marital = data.get("marital_status") or ""
        if birth is None or not marital:
            self.eligibility.setStyleSheet("color: #455a64;")
            self.eligibility.setText(self.tr("e-KTP eligibility: fill in the date of birth and the marital status."))
            return
        problem = ektp_eligibility(birth, marital, today=today)
        if problem is not None:
            self.eligibility.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
            self.eligibility.setText("✖ " + problem.text(self.language))
            return
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        self.eligibility.setStyleSheet("color: #1b5e20; font-weight: bold;")
        if age < 17:
            text = self.tr("✔ Eligible for an e-KTP: married ({age} years old)")
        else:
            text = self.tr("✔ Eligible for an e-KTP: {age} years old")
        self.eligibility.setText(text.format(age=age))


PAGE = EktpFormPage
