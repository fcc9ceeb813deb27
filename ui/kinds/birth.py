"""The birth certificate application (F-2.01): reporter, witnesses, parents, child and documents on the shared
registration page. People already on the laptop are picked instead of typed; the SPTJM statements appear when
a document is missing; twins are one application per child, created together and linked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.kinds.birth import group
from app.kinds.birth import birth_type_for, required_documents, split_multiple_birth, witnesses_required
from app.kinds.birth.twins import CHILD_OWN_KEYS
from app.form_service import FormSaved
from app.i18n import translate
from app.validation.issues import Issue
from ui.kinds.birth_twins import TwinsBox
from ui.context import UiContext
from ui.forms.person_picker import PersonPicker
from ui.forms.registration_form import RegistrationFormPage

KIND = "birth"
WNI = "1"
PEOPLE = {
    "reporter": [("name", 2), ("nik", 2), ("kk_number", 2), ("citizenship", 1), ("phone", 1)],
    "witness1": [("name", 2), ("nik", 2), ("kk_number", 2), ("citizenship", 2)],
    "witness2": [("name", 2), ("nik", 2), ("kk_number", 2), ("citizenship", 2)],
    "father": [("name", 2), ("nik", 2), ("birth_place", 2), ("birth_date", 1), ("citizenship", 1)],
    "mother": [("name", 2), ("nik", 2), ("birth_place", 2), ("birth_date", 1), ("citizenship", 1)],
}
CHILD = [("child_name", 2), ("child_nik", 2), ("child_sex", 1), ("child_birth_date", 1), ("child_birth_time", 1),
         ("child_birth_type", 1), ("child_birth_place_type", 2), ("child_birth_place", 2),
         ("child_birth_order", 1), ("child_birth_attendant", 1), ("child_weight", 1), ("child_length", 1),
         ("child_kk_number", 2)]
DOCUMENTS = [("doc_birth_letter", 2), ("doc_birth_letter_issuer", 2), ("doc_sptjm_birth", 4),
             ("doc_marriage_proof", 2), ("doc_marriage_proof_type", 2), ("doc_sptjm_marriage", 4), ("doc_kk", 4)]
SPTJM = {"doc_sptjm_birth": "doc_birth_letter", "doc_sptjm_marriage": "doc_marriage_proof"}


class BirthFormPage(RegistrationFormPage):
    KIND = KIND

    def __init__(self, ctx: UiContext, registration_id: str | None = None, parent: QWidget | None = None):
        super().__init__(ctx, registration_id, parent)
        # Ticking a document changes what else is asked for (issuer, SPTJM): shown at once, not after the delay.
        for key in ("doc_birth_letter", "doc_marriage_proof", "doc_sptjm_birth", "doc_sptjm_marriage", "doc_kk"):
            self.editors[key].edited.connect(self.validate)

    def title_text(self) -> str:
        return self.tr("Birth certificate application (F-2.01)")

    # --- building ------------------------------------------------------------------------------------------

    def build_sections(self, column: QVBoxLayout) -> None:
        self.person_pickers: dict[str, PersonPicker] = {}
        self.witness_notes: dict[str, QLabel] = {}
        for role, layout in PEOPLE.items():
            picker = PersonPicker(self.ctx)
            picker.setObjectName(f"find_{role}")
            picker.picked.connect(lambda person, r=role: self.fill_person(r, person))
            self.person_pickers[role] = picker
            title = translate("Section", self.spec.section_labels[role], self.language)
            if role.startswith("witness"):
                note = QLabel(objectName="sectionNote")
                self.witness_notes[role] = note
            frame = self.section(title, [(f"{role}_{key}", span) for key, span in layout], picker)
            if role.startswith("witness"):
                frame.layout().addWidget(self.witness_notes[role], 99, 0, 1, 4)
            column.addWidget(frame)
        self.twins = TwinsBox(self.language)
        self.twins.count_changed.connect(self._twins_changed)
        self.twins.edited.connect(self._edited)
        child_title = translate("Section", self.spec.section_labels["child"], self.language)
        column.addWidget(self.section(child_title, [(self.twins, 4)] + CHILD))
        self.documents_needed = QLabel(wordWrap=True, objectName="sectionNote")
        docs_title = translate("Section", self.spec.section_labels["documents"], self.language)
        column.addWidget(self.section(docs_title, DOCUMENTS + [(self.documents_needed, 4)]))

    def fill_person(self, role: str, person: dict) -> None:
        """Takes a picked person into the role's fields; what the form has and the person lacks stays typed."""
        for key, value in person.items():
            editor = self.editors.get(f"{role}_{key}")
            if editor is not None and value:
                editor.set_value(value)
        citizenship = self.editors.get(f"{role}_citizenship")
        if citizenship is not None and person.get("nik") and not citizenship.value():
            citizenship.set_value(WNI)  # a NIK is issued to Indonesian citizens only
        self._edited()
        self.validate()

    # --- twins ---------------------------------------------------------------------------------------------

    def _twins_changed(self, n: int) -> None:
        birth_type = self.editors["child_birth_type"]
        if n > 1 or birth_type.value() in ("2", "3", "4"):
            birth_type.set_value(birth_type_for(n))
        birth_type.setEnabled(n == 1)  # follows the number of babies; a mismatch cannot be typed
        self._edited()

    def _children(self, data: dict) -> list[dict]:
        first = {key: data[key] for key in CHILD_OWN_KEYS if key in data and key not in
                 ("group_size", "multiple_birth_order", "child_birth_order")}
        return [first] + self.twins.child_values()

    def values(self) -> dict:
        data = super().values()
        if self.twins.count.value() > 1:
            data["child_birth_type"] = birth_type_for(self.twins.count.value())
        return data

    def set_values(self, data: dict) -> None:
        super().set_values(data)
        size, position = data.get("group_size"), data.get("multiple_birth_order")
        if size:
            # One application of a multiple birth: its siblings are their own records, opened on their own.
            self.twins.count.setEnabled(False)
            self.twins.note.setText(self.tr("Child {n} of {size} born together; each has its own application.")
                                    .format(n=position, size=size))

    # --- live checks ---------------------------------------------------------------------------------------

    def after_validate(self, data: dict, issues: list[Issue]) -> None:
        needed = {doc.key for doc in required_documents(data)}
        for key in SPTJM:
            self.boxes[key].setVisible(key in needed)
        self.editors["doc_birth_letter_issuer"].setEnabled(data.get("doc_birth_letter") is True)
        self.editors["doc_marriage_proof_type"].setEnabled(data.get("doc_marriage_proof") is True)
        lines = []
        for doc in required_documents(data):
            mark = "✔" if data.get(doc.key) is True else "✖"
            lines.append(f"{mark} {translate('Form', doc.label, self.language)}")
        self.documents_needed.setText(self.tr("Needed for this application:") + "<br>" + "<br>".join(lines))
        required = witnesses_required(data)
        for note in self.witness_notes.values():
            note.setText(self.tr("Required: without a birth letter two witnesses sign the SPTJM.") if required
                         else self.tr("Not needed: there is a birth letter."))
            note.setStyleSheet("color: #b3261e; font-weight: bold;" if required else "")
        late = next((i for i in issues if i.code == "late_report"), None)
        self.banner.setText("⚠ " + late.text(self.language) if late else "")
        self.banner.setVisible(late is not None)
        self._show_twin_issues(data)
        self._show_twin_state(data)

    def _show_twin_state(self, data: dict) -> None:
        # The number of babies decides how many records the first save makes; after it, it is fixed.
        if data.get("group_size"):
            return  # an application of a multiple birth, opened on its own (set_values said so)
        if not self._saved.id and not self._saved.group:
            self.twins.note.setText(self.tr("Set this first: twins are saved as one application per child."))
            return
        self.twins.count.setEnabled(False)
        if self._saved.group:
            self.twins.note.setText(self.tr("Saved as {n} linked applications, one per child.")
                                    .format(n=len(self._saved.group)))
        else:
            self.twins.note.setText(self.tr("Saved as one child. For twins, start a new form and set the number "
                                            "of babies first."))

    def _show_twin_issues(self, data: dict) -> None:
        n = self.twins.count.value()
        if n < 2:
            return
        today = self.ctx.workspace.today()
        for row, child in zip(self.twins.rows, split_multiple_birth(data, self._children(data))[1:]):
            row.show_issues(self.spec.validate(child, today=today, regions=self.regions,
                                               for_submit=self._submit_tried))

    # --- saving twins --------------------------------------------------------------------------------------

    def save_call(self, data: dict, submit: bool):
        if self.twins.count.value() < 2:
            return super().save_call(data, submit)
        saved, actor, children, regions = self._saved, self.ctx.actor, self._children(self.values()), self.regions

        def call(session, now, today) -> FormSaved:
            return group.save_multiple_birth(session, actor=actor, group_ids=saved.group, shared=data,
                                                    children=children, submit=submit, now=now, today=today,
                                                    regions=regions)

        return call

    def group_ids(self) -> list[str]:
        return list(self._saved.group)


PAGE = BirthFormPage
