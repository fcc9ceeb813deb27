"""The findings line under a form field: always one line tall, so that a message appearing while the officer
types never pushes the fields below away from under the cursor.

A finding too long for the line is cut with "…"; the whole text is in the tooltip and in the checks panel beside
the form, which lists every finding in full.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FieldMessage(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="fieldMessage")
        self.setTextFormat(Qt.TextFormat.RichText)
        # Ignored width: a long finding must not widen the field's grid column, it is elided instead.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._lines: list[tuple[str, str]] = []  # (colour, text), the most serious first

    def set_lines(self, lines: list[tuple[str, str]]) -> None:
        self._lines = list(lines)
        self._render()

    def full_text(self) -> str:
        return "\n".join(text for _colour, text in self._lines)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        if not self._lines:
            self.setText("")
            self.setToolTip("")
            return
        colour, text = self._lines[0]
        more = f"  (+{len(self._lines) - 1})" if len(self._lines) > 1 else ""
        metrics = self.fontMetrics()
        room = max(0, self.width() - metrics.horizontalAdvance(more))
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        self.setText(f"<span style='color:{colour}'>{_escape(shown)}{more}</span>")
        self.setToolTip(self.full_text() if shown != text or more else "")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
