"""The complaint form for SP4N-LAPOR!: who complains and how far they are named, what happened, where, and photos
of it as evidence. Choosing "anonymous" empties and locks the complainant's fields, so that nothing naming the
citizen is stored; the receipt then says they are not named."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.kinds.complaint.checks import is_anonymous
from app.kinds.complaint.form import COMPLAINANT_KEYS, CONFIDENTIAL
from app.validation.issues import Issue
from ui.context import UiContext
from ui.forms.registration_form import RegistrationFormPage

KIND = "complaint"


class ComplaintFormPage(RegistrationFormPage):
    KIND = KIND
    REGION_PICKERS = ("",)

    def __init__(self, ctx: UiContext, registration_id: str | None = None, parent: QWidget | None = None):
        super().__init__(ctx, registration_id, parent)
        self.editors["identity"].edited.connect(self._identity_changed)

    def title_text(self) -> str:
        return self.tr("Complaint or aspiration (SP4N-LAPOR!)")

    def build_sections(self, column: QVBoxLayout) -> None:
        self.identity_hint = QLabel(objectName="hint", wordWrap=True)
        column.addWidget(self.section(self.tr("Complainant"), [
            ("identity", 4), (self.identity_hint, 4), ("complainant_name", 2), ("complainant_nik", 1),
            ("complainant_phone", 1)]))
        column.addWidget(self.section(self.tr("The complaint"), [
            ("title", 4), ("category", 2), ("agency", 2), ("incident_date", 1), ("description", 4)]))
        column.addWidget(self.section(self.tr("Where it happened"), [(self.pickers[""], 4), ("place_detail", 4)]))
        column.addWidget(self.attachments)  # the photos of what is wrong, right under where it is

    def after_validate(self, data: dict, issues: list[Issue]) -> None:
        anonymous = is_anonymous(data)
        for key in COMPLAINANT_KEYS:
            self.boxes[key].setEnabled(not anonymous)
        if anonymous:
            hint = self.tr("Anonymous: no name, NIK or phone is recorded. The citizen follows the complaint "
                           "with the number on the receipt.")
        elif data.get("identity") == CONFIDENTIAL:
            hint = self.tr("Confidential: the name and phone stay with the province, for a call back; the agency "
                           "never sees them.")
        else:
            hint = self.tr("Ask how the citizen wants to be named before writing anything down.")
        self.identity_hint.setText(hint)

    def _identity_changed(self) -> None:
        if is_anonymous(self.values()):
            # Typed before the citizen chose anonymity: gone before the next save, not merely hidden.
            for key in COMPLAINANT_KEYS:
                self.editors[key].set_value("")


PAGE = ComplaintFormPage
