"""The start page: today's numbers, the button for a new recording, and the drafts waiting to be finished."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QSizePolicy, QVBoxLayout, QWidget)

from app import guardrails, record_views, status
from app.record_views import CentralUpdate, HomeCounts
from ui.context import UiContext
from ui.follow_up.page import FollowUpsDue
from ui.shell.guardrail_cards import GuardrailPanel
from ui.forms.new_registration import ServiceButtons
from ui.records.notes import who_label
from ui.common.operations import query
from ui.records.model import kind_label, status_label

REFRESH_DELAY_MS = 300
# The days since the last hand-over grow with the clock, not with any change: counted again now and then.
GUARDRAIL_REFRESH_MS = 10 * 60 * 1000


class CountCard(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent, objectName="card")
        self.value = QLabel("–", objectName="countValue")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.value)
        layout.addWidget(QLabel(caption, wordWrap=True))


class HomePage(QWidget):
    new_registration = Signal()
    new_of_kind = Signal(str)  # a new registration of this kind
    open_record = Signal(object)  # RecordRow
    open_registration = Signal(str, str, str)  # id, kind, status: a follow-up visit's screening

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.hello = hello = QLabel(objectName="title")
        self._greet()
        ctx.changes.actor_changed.connect(self._greet)
        self.drafts = CountCard(self.tr("Drafts to finish"))
        self.waiting = CountCard(self.tr("Waiting for supervisor"))
        self.submitted = CountCard(self.tr("Sent to supervisor today"))
        cards = QGridLayout()
        cards.setHorizontalSpacing(16)
        self.returned = CountCard(self.tr("Returned to you for correction"))
        for column, card in enumerate((self.drafts, self.returned, self.waiting, self.submitted)):
            cards.addWidget(card, 0, column)

        # The province's limits, counting down; at the block the buttons below say why instead of opening a form.
        self.guardrails = GuardrailPanel(ctx)
        self.blocked_box: QMessageBox | None = None
        self.services = ServiceButtons(big=True)
        # The first service is what "New registration" opens: its button goes there, the others open their form.
        first = next(iter(self.services.buttons))
        self.services.chosen.connect(lambda kind: None if self.explain_block() else
                                     self.new_registration.emit() if kind == first else self.new_of_kind.emit(kind))
        self.new_button = self.services.buttons[first]
        button_row = QHBoxLayout()
        button_row.addWidget(self.services, 1)
        self.follow_ups = FollowUpsDue(ctx)
        self.follow_ups.open_registration.connect(self.open_registration)

        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.draft_list = QListWidget(objectName="drafts")
        # Two short lines per draft, cut with "…" rather than scrolled sideways on a narrow screen.
        self.draft_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.draft_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.draft_list.setWordWrap(False)
        self.draft_list.itemActivated.connect(lambda item: self.open_record.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.empty = QLabel(self.tr("No drafts. Everything you started is finished."), objectName="hint",
                            alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # In place of the list it takes the list's room, so that the heading stays at the top of its column.
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(hello)
        layout.addLayout(cards)
        layout.addWidget(self.guardrails)
        layout.addLayout(button_row)
        layout.addWidget(self.error)
        drafts = QVBoxLayout()
        drafts.addWidget(QLabel(self.tr("Continue a draft"), objectName="subtitle"))
        drafts.addWidget(self.empty)
        drafts.addWidget(self.draft_list, 1)
        # News from central (KTP printed, akta issued), credited to central: the officer tells the citizen.
        self.central_list = QListWidget(objectName="drafts")
        self.central_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.central_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.central_list.itemActivated.connect(
            lambda item: self.open_registration.emit(*item.data(Qt.ItemDataRole.UserRole)))
        self.central_box = QWidget()
        central = QVBoxLayout(self.central_box)
        central.setContentsMargins(0, 0, 0, 0)
        central.addWidget(QLabel(self.tr("News from central"), objectName="subtitle"))
        central.addWidget(self.central_list, 1)
        self.central_box.hide()
        right = QVBoxLayout()
        right.addWidget(self.central_box, 1)
        right.addWidget(self.follow_ups, 1)
        lists = QHBoxLayout()
        lists.setSpacing(20)
        lists.addLayout(drafts, 1)
        lists.addLayout(right, 1)
        layout.addLayout(lists, 1)

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        # A sync announces the records it moved, and an empty list at its end: both land here.
        ctx.changes.registrations_changed.connect(lambda _ids: self._refresh_timer.start())
        self._clock_timer = QTimer(self, interval=GUARDRAIL_REFRESH_MS)
        self._clock_timer.timeout.connect(self.refresh_guardrails)
        self._clock_timer.start()
        self.refresh()

    def _greet(self) -> None:
        self.hello.setText(self.tr("Hello, {name}").format(name=self.ctx.actor.full_name))

    def refresh(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        query(self.ctx, lambda session: record_views.home_counts(session, actor=actor, today=ws.today()),
              self._loaded, on_error=self.error)
        self.refresh_guardrails()
        self.follow_ups.refresh()

    def refresh_guardrails(self) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        query(self.ctx, lambda session: guardrails.state(session, actor=actor, now=ws.now()),
              self._guardrails_loaded)

    def _guardrails_loaded(self, result=None, error=None) -> None:
        if error is not None:
            return  # the save refuses a new record anyway; the cards wait for the next refresh
        self.guardrails.show_state(result)
        # Greyed, still clickable: a click says why (explain_block).
        for button in self.services.buttons.values():
            if button.property("blocked") != result.blocked:
                button.setProperty("blocked", result.blocked)
                button.style().unpolish(button)
                button.style().polish(button)

    def explain_block(self) -> bool:
        """At a guardrail's block: says why new registrations are refused and what to do, and returns True (no
        form is opened). The save refuses a new record anyway; this spares the officer typing into one."""
        text = self.guardrails.blocked_text()
        if not text:
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("New registrations are blocked"), text, parent=self)
        box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
        self.blocked_box = box
        box.open()
        return True

    def _loaded(self, result: HomeCounts | None = None, error=None) -> None:
        if error is not None:
            return
        self.error.hide()
        self.drafts.value.setText(str(result.drafts))
        self.returned.value.setText(str(result.returned))
        self.waiting.value.setText(str(result.waiting))
        self.submitted.value.setText(str(result.submitted_today))
        self.draft_list.clear()
        for row in result.my_drafts:
            name = row.subject_name or self.tr("(no name yet)")
            when = record_views.local_time(row.updated_at).strftime("%d-%m-%Y %H:%M")
            returned = row.status == status.RETURNED
            details = [status_label(row.status).upper()] if returned else []
            details += [kind_label(row.kind), row.subject_nik or self.tr("no NIK yet"), when]
            comment = result.comments.get(row.id, "")
            lines = [name, "  ·  ".join(details)]
            if comment:
                lines.append(f"“{comment}”")  # a line of its own: what to correct is what matters most
            item = QListWidgetItem("\n".join(lines))
            item.setToolTip(comment)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.draft_list.addItem(item)
        self.empty.setVisible(not result.my_drafts)
        self.draft_list.setVisible(bool(result.my_drafts))
        self._show_central(result.from_central)

    def _show_central(self, updates: list[CentralUpdate]) -> None:
        self.central_list.clear()
        for update in updates:
            name = update.subject_name or self.tr("(no name yet)")
            when = record_views.local_time(update.at).strftime("%d-%m-%Y %H:%M")
            item = QListWidgetItem(f"{name} · {kind_label(update.kind)}: {status_label(update.status, update.kind, update.stage)}\n"
                                   f"{update.note}  ·  {who_label('', True)}, {when}")
            item.setToolTip(update.note)
            item.setData(Qt.ItemDataRole.UserRole, (update.registration_id, update.kind, update.status))
            self.central_list.addItem(item)
        self.central_box.setVisible(bool(updates))
