"""The three services an officer can start, as buttons, and the form page for each kind."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.context import UiContext

log = logging.getLogger(__name__)
KINDS_WITH_FORM = ("ektp", "birth", "cataract")


def form_page_class(kind: str):
    """The page class for ``kind``, or None while a build lacks it (the record then opens read-only)."""
    try:
        if kind == "ektp":
            from ui.ektp_form import EktpFormPage as page
        elif kind == "birth":
            from ui.birth_form import BirthFormPage as page
        elif kind == "cataract":
            from ui.cataract_form import CataractFormPage as page
        else:
            return None
    except ImportError as exc:
        log.warning("form for %s not available: %s", kind, exc)
        return None
    return page


def make_form_page(ctx: UiContext, kind: str, registration_id: str | None) -> QWidget | None:
    page = form_page_class(kind)
    return page(ctx, registration_id=registration_id) if page else None


class ServiceButtons(QWidget):
    """A button per service; ``big`` for the home page, small toggles above a new, still empty form."""

    chosen = Signal(str)

    def __init__(self, big: bool = False, current: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        labels = {"ektp": self.tr("e-KTP recording"), "birth": self.tr("Birth certificate (akta kelahiran)"),
                  "cataract": self.tr("Cataract screening")}
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12 if big else 4)
        for kind in KINDS_WITH_FORM:
            text = ("+  " + labels[kind]) if big else labels[kind]
            button = QPushButton(text, objectName="big" if big else f"service_{kind}")
            button.setObjectName("big" if big else "service")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setCheckable(not big)
            button.setChecked(kind == current)
            button.clicked.connect(lambda _checked=False, k=kind: self._clicked(k))
            self.buttons[kind] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.current = current

    def _clicked(self, kind: str) -> None:
        for key, button in self.buttons.items():
            if button.isCheckable():
                button.setChecked(key == (self.current if kind == self.current else kind))
        if kind != self.current:
            self.chosen.emit(kind)
