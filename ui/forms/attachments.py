"""The "Photos and documents" section of a registration form: what the service asks for, ticked off as files are
added, above the attachments panel where the officer adds them.

What is needed comes from ``app.attachment_needs`` (for a birth it follows the document checklist as the officer
ticks it); this section only shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.attachment_needs import CONTEXT, Need, checklist
from app.kinds import kind_spec
from ui.media.attachments_panel import AttachmentsPanel
from ui.context import UiContext

DONE_COLOR = "#1b5e20"
TODO_COLOR = "#8a5300"  # amber, as a warning: a missing scan does not stop sending


def missing_text(kind: str, data: dict, purposes: set[str]) -> str:
    """What the record still lacks, in a line for a read-only page (a supervisor sees it before deciding); "" when
    nothing is missing."""
    missing = [need for need, done in checklist(kind_spec(kind).needed_attachments(data), purposes) if not done]
    if not missing:
        return ""
    return QCoreApplication.translate("FormAttachments", "✖ Still missing: {files}").format(
        files=", ".join(QCoreApplication.translate(CONTEXT, need.label) for need in missing))


class FormAttachments(QFrame):
    updated = Signal()  # the checklist changed: a file was added or removed, or the service now needs another

    def __init__(self, ctx: UiContext, kind: str, registration_id: str | None,
                 ensure_record: Callable[[Callable[[str], None]], None], parent: QWidget | None = None):
        super().__init__(parent, objectName="section")
        self.kind = kind
        self.needs: list[Need] = kind_spec(kind).needed_attachments({})
        self.lines: list[tuple[Need, bool]] = []
        offer = kind_spec(kind).offer
        self.panel = AttachmentsPanel(ctx, registration_id, photo_purpose=offer.photo_purpose,
                                      document_purposes=offer.document_purposes, ensure_record=ensure_record)
        self.panel.setObjectName("form_attachments")
        self.panel.shown.connect(self._refresh)
        self.title = QLabel(self.tr("Photos and documents"), objectName="sectionTitle")
        self.needed = QLabel(wordWrap=True, objectName="sectionNote")
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(heading)
        layout.addWidget(self.needed)
        layout.addWidget(self.panel)
        self._refresh()

    def set_data(self, data: dict) -> None:
        """The form's values changed: what the service needs may have too (a birth letter ticked...)."""
        needs = kind_spec(self.kind).needed_attachments(data)
        if needs != self.needs:
            self.needs = needs
            self._refresh()

    def set_registration(self, registration_id: str | None) -> None:
        if registration_id != self.panel.registration_id:
            self.panel.set_registration(registration_id)

    def missing(self) -> list[Need]:
        return [need for need, done in self.lines if not done]

    def _refresh(self) -> None:
        self.lines = checklist(self.needs, self.panel.purposes())
        if not self.lines:
            self.needed.hide()
        else:
            rows = [f'<span style="color:{DONE_COLOR if done else TODO_COLOR}">{"✔" if done else "✖"} '
                    f'{escape(QCoreApplication.translate(CONTEXT, need.label))}</span>' for need, done in self.lines]
            self.needed.setText(escape(self.tr("Needed for this service:")) + "<br>" + "<br>".join(rows))
            self.needed.show()
        self.updated.emit()

    def summary(self) -> str:
        """A few words for the button that jumps to this section."""
        if not self.lines:
            return self.tr("Photos and documents ({n})").format(n=len(self.panel.tiles))
        done = sum(1 for _need, ok in self.lines if ok)
        return self.tr("Photos and documents: {done} of {needed}").format(done=done, needed=len(self.lines))
