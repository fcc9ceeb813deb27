"""The three services an officer can start, as buttons: big on the home page, small above a new form.

Which page each kind opens is ``ui.forms.pages``; it is not imported here, as every form holds these buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

# In the order of the buttons; each has a page in ``ui.forms.pages.FORM_PAGES`` (a test holds the two together).
KINDS_WITH_FORM = ("ektp", "birth", "cataract")


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
