"""The services an officer can start (``app.kinds.REGISTERED``), as buttons: big on the home page, small above a
new form.

Which page each kind opens is ``ui.kinds``; it is not imported here, as every form holds these buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.kinds import KINDS
from ui.common.flow_layout import FlowLayout


class ServiceButtons(QWidget):
    """A button per service; ``big`` for the home page, small toggles above a new, still empty form."""

    chosen = Signal(str)

    def __init__(self, big: bool = False, current: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        # Wrapping onto a second line when the services outgrow the width beside the title, never wider.
        layout = FlowLayout(self, spacing=12 if big else 4)
        for kind, spec in KINDS.items():
            label = QCoreApplication.translate("Kinds", spec.start_label or spec.title)
            text = ("+  " + label) if big else label
            button = QPushButton(text, objectName="big" if big else f"service_{kind}")
            button.setObjectName("big" if big else "service")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setCheckable(not big)
            button.setChecked(kind == current)
            button.clicked.connect(lambda _checked=False, k=kind: self._clicked(k))
            self.buttons[kind] = button
            layout.addWidget(button)
        self.current = current

    def _clicked(self, kind: str) -> None:
        for key, button in self.buttons.items():
            if button.isCheckable():
                button.setChecked(key == (self.current if kind == self.current else kind))
        if kind != self.current:
            self.chosen.emit(kind)
