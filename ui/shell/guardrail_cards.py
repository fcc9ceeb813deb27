"""The province's guardrails on Home: one card per limit that is set, counting down long before it bites, amber
when close, red at the block, and the reason with what to do while new registrations are blocked.

What is counted and when it blocks is ``app.guardrails``'s; here only how it looks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import guardrails
from app.guardrails import Guardrail, GuardrailState
from ui.context import UiContext


class GuardrailCard(QFrame):
    """One limit: what is counted and the count against the limit on one line, how many are left under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="guardrail")
        self.title = QLabel(objectName="guardrailTitle", wordWrap=True)
        self.count = QLabel(objectName="guardrailTitle")
        self.left = QLabel(objectName="guardrailLeft", wordWrap=True)
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.title, 1)
        header.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.left)

    def show_guardrail(self, guardrail: Guardrail) -> None:
        count, limit, left = guardrail.count, guardrail.limit, guardrail.left
        if guardrail.key == guardrails.WAITING_REVIEW:
            self.title.setText(self.tr("Waiting for review"))
        elif guardrail.key == guardrails.NOT_HANDED_OVER:
            self.title.setText(self.tr("Not handed over yet"))
        else:
            self.title.setText(self.tr("Days since the last hand-over"))
        self.count.setText(self.tr("{count} of {limit}").format(count=count, limit=limit))
        if guardrail.blocked:
            self.left.setText(self.tr("New registrations are blocked"))
        elif guardrail.key == guardrails.DAYS_SINCE_HANDOVER:
            self.left.setText(self.tr("%n more day(s) before new registrations are blocked", "", left))
        else:
            self.left.setText(self.tr("%n more before new registrations are blocked", "", left))
        level = "block" if guardrail.blocked else "warn" if guardrail.close else "ok"
        if self.property("level") != level:
            self.setProperty("level", level)
            for widget in (self, self.title, self.count, self.left):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class GuardrailPanel(QWidget):
    """The cards in a row, and under them, at the block, why and what to do. Hidden when no limit is set."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cards: dict[str, GuardrailCard] = {}
        self.row = QHBoxLayout()
        self.row.setSpacing(16)
        self.reason = QLabel(objectName="guardrailBlock", wordWrap=True)
        self.reason.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.row)
        layout.addWidget(self.reason)
        self.state = GuardrailState(())
        self.hide()

    def show_state(self, state: GuardrailState) -> None:
        self.state = state
        shown = {g.key for g in state.guardrails}
        for key in list(self.cards):
            if key not in shown:
                self.cards.pop(key).deleteLater()
        for position, guardrail in enumerate(state.guardrails):
            card = self.cards.get(guardrail.key)
            if card is None:
                card = self.cards[guardrail.key] = GuardrailCard()
            # In app.guardrails' order whichever limits came and went: a card keeps its place in the officer's eye.
            self.row.insertWidget(position, card, 1)
            card.show_guardrail(guardrail)
        self.reason.setText(self.blocked_text())
        self.reason.setVisible(state.blocked)
        self.setVisible(bool(state.guardrails))

    def blocked_text(self) -> str:
        """Why new registrations are refused and what to do, or "" when they are not."""
        blocking = self.state.blocking
        return blocking.error().text(self.ctx.settings.language) if blocking is not None else ""
