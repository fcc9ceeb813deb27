"""The cataract screening (WHO RAAB examination record plus the programme's referral, surgery and check-ups) on
the shared registration page. Right and left eye sit side by side as on the paper record, and the WHO category
is worked out from the better eye as the officer picks the acuities."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import translate
from app.reference import value_lists as vl
from app.validation.issues import Issue
from ui.context import UiContext
from ui.forms.person_picker import PersonPicker
from ui.forms.region_picker import ancestors
from ui.forms.registration_form import RegistrationFormPage

KIND = "cataract"
EYES = ("right_", "left_")
EYE_PARTS = ("presenting_va", "pinhole_va", "lens")
POSTOP_PARTS = ("postop_day1_va", "postop_week4_va")


class CataractFormPage(RegistrationFormPage):
    KIND = KIND
    REGION_PICKERS = ("patient_",)
    # As the officer meets them: a check's date beside the acuity of each eye.
    FOLLOW_UP_ROWS = {
        "referral": (("referred", "referral_eye", "referral_date"), ("referral_facility", "bpjs_status")),
        "surgery": (("surgery_scheduled_date", "surgery_attended"), ("surgery_date", "operated_eye")),
        "postop": (("postop_day1_date", "right_postop_day1_va", "left_postop_day1_va"),
                   ("postop_week4_date", "right_postop_week4_va", "left_postop_week4_va")),
    }

    def __init__(self, ctx: UiContext, registration_id: str | None = None, parent: QWidget | None = None):
        super().__init__(ctx, registration_id, parent)
        for eye in EYES:
            self.editors[f"{eye}presenting_va"].edited.connect(lambda e=eye: self._presenting_changed(e))

    def title_text(self) -> str:
        return self.tr("Cataract screening (RAAB)")

    def defaults(self) -> dict:
        # A screening is recorded while the patient sits there: the day is almost always today.
        return {"screening_date": self.ctx.workspace.today().isoformat()}

    def section_title(self, section: str) -> str:
        return translate("Section", self.spec.section_labels[section], self.language)

    def build_sections(self, column: QVBoxLayout) -> None:
        self.patient_picker = PersonPicker(self.ctx)
        self.patient_picker.setObjectName("find_patient")
        self.patient_picker.picked.connect(self.fill_patient)
        column.addWidget(self.section(self.section_title("patient"), [
            ("patient_name", 2), ("patient_nik", 2), ("patient_sex", 1), ("patient_birth_date", 1),
            ("patient_phone", 2), ("patient_address", 4), (self.pickers["patient_"], 4)], self.patient_picker))
        who = self.boxes["who_category"]
        who.label.setText(self.tr("WHO category (better eye) — calculated automatically"))
        column.addWidget(self.section(self.section_title("exam"), [
            ("screening_date", 2), ("exam_status", 2)]))
        eyes = self._side_by_side(self.tr("Eyes"), EYE_PARTS)
        eyes.layout().addWidget(who, 10, 0, 1, 2)  # under the acuities it is computed from
        column.addWidget(eyes)
        column.addWidget(self.attachments)  # the photo of the eyes, beside the acuities it documents
        column.addWidget(self.section(self.section_title("cause"), [("principal_cause", 4),
                                                                     ("surgery_barriers", 4)]))
        column.addWidget(self.section(self.section_title("referral"), [
            ("referred", 1), ("referral_eye", 1), ("referral_date", 1), ("bpjs_status", 1),
            ("referral_facility", 4)]))
        column.addWidget(self.section(self.section_title("surgery"), [
            ("surgery_scheduled_date", 1), ("surgery_attended", 1), ("operated_eye", 1), ("surgery_date", 1)]))
        postop = self._side_by_side(self.section_title("postop"), POSTOP_PARTS)
        dates = QGridLayout()
        dates.addWidget(self.boxes["postop_day1_date"], 0, 0)
        dates.addWidget(self.boxes["postop_week4_date"], 0, 1)
        postop.layout().addLayout(dates, 1, 0, 1, 2)
        column.addWidget(postop)

    def _side_by_side(self, title: str, parts: tuple[str, ...]) -> QFrame:
        """Right eye on the left, left eye on the right: as the officer faces the patient and as RAAB prints it."""
        frame = QFrame(objectName="section")
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(24)
        grid.addWidget(QLabel(title, objectName="sectionTitle"), 0, 0, 1, 2)
        for col, eye in enumerate(EYES):
            grid.addWidget(QLabel(self.section_title(f"{eye}eye"), objectName="eyeTitle"), 2, col)
            for row, part in enumerate(parts, start=3):
                grid.addWidget(self.boxes[eye + part], row, col)
            grid.setColumnStretch(col, 1)
        frame.setStyleSheet("QLabel#eyeTitle { font-weight: bold; font-size: 12pt; color: #0d47a1; }")
        return frame

    def fill_patient(self, person: dict) -> None:
        for key, value in person.items():
            editor = self.editors.get(f"patient_{key}")
            if editor is not None and value and key != "village_code":
                editor.set_value(value)
        if person.get("village_code"):
            self.pickers["patient_"].set_values(ancestors(person["village_code"]))
        self._edited()
        self.validate()

    def _presenting_changed(self, eye: str) -> None:
        # A pinhole reading is taken only for an eye that sees worse than 6/12; for a good eye it means nothing.
        if self.editors[f"{eye}presenting_va"].value() == vl.GOOD_ACUITY and self.editors[f"{eye}pinhole_va"].value():
            self.editors[f"{eye}pinhole_va"].set_value("")

    def after_validate(self, data: dict, issues: list[Issue]) -> None:
        for key in self.spec.computed:
            self.editors[key].set_value(data.get(key, ""))
        for eye in EYES:
            presenting = data.get(f"{eye}presenting_va") or ""
            self.editors[f"{eye}pinhole_va"].setEnabled(bool(presenting) and presenting != vl.GOOD_ACUITY)



PAGE = CataractFormPage
