"""The person page: one citizen's data, every registration they appear in and as whom, and people who may be
the same citizen. What it shows is ``app.person_view``'s; here the widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app import record_views, subject_access
from app.person_view import PersonData, PersonView, load_person
from app.persons import PersonLink
from ui.context import UiContext
from ui.common.operations import operation, query
from ui.i18n import error_text
from ui.records import subject_export
from ui.records.person_correction_dialog import PersonCorrectionDialog
from ui.shell import style
from ui.records.model import kind_label, status_label
from ui.records.person_labels import day_first, field_label, role_label, sex_label

class PersonPage(QWidget):
    closed = Signal()
    open_registration = Signal(str)  # a registration id, on double click
    open_person = Signal(str)  # a possible duplicate's person id

    def __init__(self, ctx: UiContext, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.data: PersonData | None = None

        self.back = QPushButton(self.tr("← Back"))
        self.back.clicked.connect(self.closed)
        self.title = QLabel(self.tr("Loading…"), objectName="title")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields.setHorizontalSpacing(16)

        self.warning = QLabel(objectName="error", wordWrap=True)
        self.warning.hide()
        self.duplicates = QListWidget()
        self.duplicates.itemDoubleClicked.connect(
            lambda item: self.open_person.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.duplicates.hide()

        self.registrations = QTreeWidget(rootIsDecorated=False, uniformRowHeights=True)
        self.registrations.setHeaderLabels([self.tr("Role"), self.tr("Service"), self.tr("Status"),
                                            self.tr("Registered person"), self.tr("Last change")])
        self.registrations.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.registrations.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((130, 220, 190)):
            self.registrations.setColumnWidth(column, width)
        self.registrations.itemDoubleClicked.connect(
            lambda item: self.open_registration.emit(item.data(0, Qt.ItemDataRole.UserRole)))

        # The citizen's rights over their data (UU 27/2022): all of it exported, or corrected with a reason.
        self.export_pdf_button = QPushButton(self.tr("Export data (PDF)…"))
        self.export_pdf_button.setToolTip(self.tr("Everything this laptop holds about this person, for them to "
                                                  "read; recorded in the audit trail"))
        self.export_pdf_button.clicked.connect(lambda: self._ask_path("pdf"))
        self.export_json_button = QPushButton(self.tr("Export data (JSON)…"))
        self.export_json_button.clicked.connect(lambda: self._ask_path("json"))
        self.correct_button = QPushButton(self.tr("Correct data…"))
        self.correct_button.clicked.connect(self.open_correction)
        for button in (self.export_pdf_button, self.export_json_button, self.correct_button):
            button.setEnabled(False)
        self.rights_message = QLabel(wordWrap=True)
        self.rights_message.hide()
        self.corrections = QLabel(objectName="sinceReturn", wordWrap=True)
        self.corrections.hide()

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.correct_button)
        top.addWidget(self.export_pdf_button)
        top.addWidget(self.export_json_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(self.fields)
        layout.addWidget(self.corrections)
        layout.addWidget(self.rights_message)
        layout.addWidget(self.warning)
        layout.addWidget(self.duplicates)
        layout.addWidget(QLabel(self.tr("Registrations (double-click to open)"), objectName="subtitle"))
        layout.addWidget(self.registrations, 1)
        self.load()

    def load(self) -> None:
        pid = self.person_id
        query(self.ctx, lambda session: load_person(session, person_id=pid), self._loaded, on_error=self.error)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            return
        self.data = d = result
        p = d.person
        self.title.setText(p.name or self.tr("(no name)"))
        while self.fields.rowCount():
            self.fields.removeRow(0)
        sex = sex_label(p.sex)
        village = record_views.village_name(p.village_code, self.ctx.workspace.regions) if p.village_code else "—"
        for label, value in ((self.tr("NIK"), p.nik or self.tr("not known")), (self.tr("Sex"), sex),
                             (self.tr("Place and date of birth"),
                              f"{p.birth_place or '—'}, {day_first(p.birth_date)}"),
                             (self.tr("Family card (KK)"), p.kk_number or "—"), (self.tr("Village"), village)):
            value_label = QLabel(value, wordWrap=True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(QLabel(label, objectName="hint"), value_label)
        self._fill_links(d.links)
        self._fill_duplicates(d.duplicates)
        self._fill_corrections(d.corrections)
        for button in (self.export_pdf_button, self.export_json_button, self.correct_button):
            button.setEnabled(True)

    def _fill_corrections(self, corrections: list[dict]) -> None:
        if not corrections:
            self.corrections.hide()
            return
        lines = []
        for c in corrections[-3:]:  # the newest; the export has them all
            fields = ", ".join(f"{field_label(key)}: {old or '—'} → {new or '—'}"
                               for key, (old, new) in c["changes"].items())
            lines.append(self.tr("Corrected {at} by {by}: {fields}. Reason: {reason}").format(
                at=day_first(c["at"][:10]), by=c["by"], fields=fields, reason=c["reason"]))
        self.corrections.setText("\n".join(lines))
        self.corrections.show()

    # --- the citizen's rights ------------------------------------------------------------------------------

    def _ask_path(self, fmt: str) -> None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = (self.data.person.name if self.data else "data").replace(" ", "_")[:40] or "data"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the person's data"), f"{folder}/{stem}.{fmt}",
                                              "PDF (*.pdf)" if fmt == "pdf" else "JSON (*.json)")
        if name:
            self.export(fmt, Path(name))

    def export(self, fmt: str, path: Path) -> None:
        ctx, pid = self.ctx, self.person_id
        self._say_rights("", "hint")
        if fmt == "json":
            operation(ctx, lambda session: subject_access.export_json(session, actor=ctx.actor, person_id=pid,
                                                                      path=path, now=ctx.workspace.now()),
                      lambda result=None, error=None: self._exported(path, result, error),
                      on_error=lambda text: self._say_rights(text, "error"))
            return

        def gathered(result=None, error=None):
            if error is not None:
                return
            held = result
            try:
                subject_export.write_pdf(held, path)  # Qt's text layout: on the UI thread
            except OSError as exc:
                self._say_rights(error_text(exc, ctx.settings.language), "error")
                return
            operation(ctx, lambda session: subject_access.record_export(
                session, actor=ctx.actor, person_id=pid, fmt="pdf", registrations=len(held.registrations),
                now=ctx.workspace.now()), lambda result=None, error=None: self._exported(path, held, error),
                on_error=lambda text: self._say_rights(text, "error"))

        query(ctx, lambda session: subject_access.gather(session, actor=ctx.actor, person_id=pid,
                                                         now=ctx.workspace.now()),
              gathered, on_error=lambda text: self._say_rights(text, "error"))

    def _exported(self, path: Path, result, error) -> None:
        if error is None:
            self.last_export = path
            self._say_rights(self.tr("Saved to %1. Give it only to the person it is about.").replace(
                "%1", str(path)), "success")

    def open_correction(self) -> PersonCorrectionDialog | None:
        if self.data is None:
            return None
        self.correction_dialog = PersonCorrectionDialog(self.ctx, self.data.person, self)
        self.correction_dialog.accepted.connect(self.load)
        self.correction_dialog.open()
        return self.correction_dialog

    def _say_rights(self, text: str, kind: str) -> None:
        style.set_message(self.rights_message, text, kind)

    def _fill_links(self, links: list[PersonLink]) -> None:
        self.registrations.clear()
        for link in links:
            when = record_views.local_time(link.updated_at).strftime("%d-%m-%Y %H:%M")
            item = QTreeWidgetItem([role_label(link.role), kind_label(link.kind), status_label(link.status),
                                    link.subject_name or "—", when])
            item.setData(0, Qt.ItemDataRole.UserRole, link.registration_id)
            self.registrations.addTopLevelItem(item)
        if not links:
            item = QTreeWidgetItem([self.tr("Not in any registration on this laptop.")])
            item.setFirstColumnSpanned(True)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.registrations.addTopLevelItem(item)

    def _fill_duplicates(self, duplicates: list[PersonView]) -> None:
        self.duplicates.clear()
        if not duplicates:
            self.warning.hide()
            self.duplicates.hide()
            return
        self.warning.setText(self.tr(
            "⚠ Maybe the same person as below (same name and date of birth, no NIK to tell them apart). Check "
            "their KK or KTP; the app never joins people by itself. Double-click to look at the other one."))
        for other in duplicates:
            text = self.tr("{name}, born {birth} · NIK {nik}").format(
                name=other.name, birth=f"{other.birth_place or '—'}, {day_first(other.birth_date)}",
                nik=other.nik or self.tr("not known"))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.duplicates.addItem(item)
        # As tall as its rows: one look-alike should not push the registrations off a 768 px screen.
        self.duplicates.setMaximumHeight(min(4, len(duplicates)) * self.duplicates.sizeHintForRow(0) + 8)
        self.warning.show()
        self.duplicates.show()


class PersonDialog(QDialog):
    """The person page in its own window, over the record it was opened from; a duplicate opens in its place."""

    open_registration = Signal(str)

    def __init__(self, ctx: UiContext, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Person"))
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.page: PersonPage | None = None
        self.show_person(person_id)
        self.resize(1000, 640)

    def show_person(self, person_id: str) -> None:
        if self.page is not None:
            self.layout_.removeWidget(self.page)
            self.page.deleteLater()
        self.page = PersonPage(self.ctx, person_id, self)
        self.page.closed.connect(self.reject)
        self.page.open_person.connect(self.show_person)
        self.page.open_registration.connect(self._open_registration)
        self.layout_.addWidget(self.page)

    def _open_registration(self, registration_id: str) -> None:
        self.open_registration.emit(registration_id)
        self.accept()
