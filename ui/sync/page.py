"""The "Sync" page: the server, what waits, the button, progress, and what came back that needs a person.

Three lists below the button, as tabs so that the page fits a 768-pixel-high screen: records the server did not
accept (with its reason, in Indonesian), conflicts to decide, and the log of runs a supervisor reads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHeaderView, QLabel,
                               QProgressBar, QPushButton, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from app import record_views, sync_state, sync_views
from app.sync_views import SyncLists
from sync.engine import SyncProgress, SyncResult
from ui.sync.conflict_dialog import ConflictDialog
from ui.context import UiContext
from ui.sync.enrol_dialog import EnrolDialog
from ui.sync.handover_panel import HandoverPanel
from ui.common.operations import query
from ui.records.detail import field_label, form_fields
from ui.records.model import kind_label, status_label
from ui.sync.controller import SyncController

REFRESH_DELAY_MS = 300


def human_bytes(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")  # Indonesian decimal comma


def when(moment) -> str:
    return record_views.local_time(moment).strftime("%d-%m-%Y %H:%M") if moment else "—"


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class SyncPanel(QWidget):
    open_registration = Signal(str, str, str)  # id, kind, status

    def __init__(self, ctx: UiContext, controller: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.controller = ctx, controller
        self.conflict_views: list[sync_state.ConflictView] = []

        self.server = QLabel(wordWrap=True)
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_button = QPushButton(self.tr("Enrol this laptop…"))
        self.enrol_button.clicked.connect(self.enrol)
        self.pending = QLabel("–", objectName="countValue")
        self.sync_button = QPushButton(self.tr("Sync now"), objectName="primary")
        self.sync_button.clicked.connect(self.controller.sync_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.bar = QProgressBar(textVisible=False)
        self.bar.setFixedHeight(14)
        self.progress_text = QLabel()
        self.last = QLabel(wordWrap=True)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()

        card = QFrame(objectName="card")
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.server, 0, 0, 1, 3)
        grid.addWidget(self.enrol_button, 0, 3, Qt.AlignmentFlag.AlignRight)
        waiting = QVBoxLayout()
        waiting.setSpacing(0)
        waiting.addWidget(self.pending)
        waiting.addWidget(QLabel(self.tr("records waiting to be sent")))
        grid.addLayout(waiting, 1, 0, 2, 1)
        grid.addWidget(self.sync_button, 1, 1)
        grid.addWidget(self.cancel_button, 1, 2)
        grid.addWidget(self.bar, 1, 3)
        grid.addWidget(self.progress_text, 2, 1, 1, 3)
        grid.addWidget(self.last, 3, 0, 1, 4)
        grid.setColumnStretch(3, 1)

        self.rejected = _tree([self.tr("Name"), self.tr("Service"), self.tr("Status"), self.tr("Changed"),
                               self.tr("Why the server did not accept it")])
        self.rejected.itemActivated.connect(self._open_rejected)
        self.conflicts = _tree([self.tr("Name"), self.tr("Noticed"), self.tr("Fields that differ")])
        self.conflicts.itemActivated.connect(lambda item: self.open_conflict(item.data(0, Qt.ItemDataRole.UserRole)))
        self.log = _tree([self.tr("When"), self.tr("Who"), self.tr("Result"), self.tr("Sent"), self.tr("Accepted"),
                          self.tr("Not accepted"), self.tr("Conflicts"), self.tr("Received"), self.tr("Data"),
                          self.tr("Note")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self._with_hint(self.rejected, self.tr(
            "Double-click a record to open it. It is sent again once it has been corrected.")), "")
        self.tabs.addTab(self._with_hint(self.conflicts, self.tr(
            "Double-click to compare the two versions and choose. Until then the record is not sent.")), "")
        self.tabs.addTab(self.log, self.tr("Sync log"))
        self.handover = HandoverPanel(ctx)
        self.tabs.addTab(self.handover, self.tr("USB stick (no signal)"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(QLabel(self.tr("Sync"), objectName="title"))
        layout.addWidget(card)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)

        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.changes.registrations_changed.connect(lambda _ids: self._refresh_timer.start())
        controller.state_changed.connect(self.show_state)
        controller.progress.connect(self.show_progress)
        controller.finished.connect(self.show_finished)
        self._set_tab_counts(0, 0)
        self.show_state()
        self.refresh()

    @staticmethod
    def _with_hint(tree: QTreeWidget, hint: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(QLabel(hint, objectName="hint", wordWrap=True))
        layout.addWidget(tree, 1)
        return page

    # --- state from the controller ---------------------------------------------------------------------------

    def show_state(self) -> None:
        c = self.controller
        if not c.enrolled:
            self.server.setText(self.tr("This laptop is not enrolled with a server yet. Enrol it once, with the "
                                        "code from the administrator."))
            self.enrol_button.setText(self.tr("Enrol this laptop…"))
        else:
            reach = {True: self.tr("reachable"), False: self.tr("offline"), None: self.tr("not checked yet")}
            self.server.setText(self.tr("Server: {url} · {state}").format(url=c.server_url, state=reach[c.online]))
            self.enrol_button.setText(self.tr("Enrol again…"))
        self.enrol_button.setEnabled(not c.running)
        self.pending.setText(str(c.pending))
        self.sync_button.setEnabled(c.enrolled and not c.running)
        self.sync_button.setText(self.tr("Syncing…") if c.running else self.tr("Sync now"))
        self.cancel_button.setVisible(c.running)
        self.cancel_button.setEnabled(c.running)
        self.bar.setVisible(c.running)
        if c.running and c.last_progress is None:
            self.bar.setRange(0, 0)
            self.progress_text.setText(self.tr("Connecting to the server…"))
        self.progress_text.setVisible(c.running)

    def show_progress(self, p: SyncProgress) -> None:
        up, down = human_bytes(p.bytes_up), human_bytes(p.bytes_down)
        if p.phase == "push":
            text = self.tr("Sending {done}/{total} records · {up} sent").format(done=p.records_done,
                                                                                total=p.records_total, up=up)
        elif p.phase == "files":
            text = self.tr("Sending photos and documents {done}/{total} · {up} sent").format(
                done=p.records_done, total=p.records_total, up=up)
        elif p.phase == "files_down":
            text = self.tr("Receiving the team's photos and documents {done}/{total} · {down} received").format(
                done=p.records_done, total=p.records_total, down=down)
        elif p.phase == "pull":
            text = self.tr("Receiving changes from the server · {down} received").format(down=down)
        elif p.phase == "login":
            text = self.tr("Logging in to the server…")
        else:
            text = self.tr("Finishing…")
        self.progress_text.setText(text)
        if p.records_total and p.phase in ("push", "files", "files_down"):
            self.bar.setRange(0, p.records_total)
            self.bar.setValue(p.records_done)
        else:
            self.bar.setRange(0, 0)  # busy: the server decides how much comes back

    def show_finished(self, result: SyncResult | None, error) -> None:
        self.show_state()
        if error is not None:
            self.last.setObjectName("error")
            self.last.setText(self.controller.error_text(error))
        else:
            self.last.setObjectName("")
            self.last.setText(self.tr(
                "Last sync: {sent} sent, {accepted} accepted, {rejected} not accepted, {conflicts} conflicts, "
                "{pulled} changes received · {up} sent, {down} received").format(
                sent=result.sent, accepted=result.accepted + result.duplicates, rejected=result.rejected,
                conflicts=result.conflicts, pulled=result.changes_pulled, up=human_bytes(result.bytes_up),
                down=human_bytes(result.bytes_down)))
        self.last.style().unpolish(self.last)
        self.last.style().polish(self.last)
        self.refresh()

    def cancel(self) -> None:
        self.controller.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_text.setText(self.tr("Stopping after the current step…"))

    def enrol(self) -> EnrolDialog:
        # open(), not exec(): the background sync's signals keep arriving while the dialog is up.
        dialog = EnrolDialog(self.ctx, self, server_url=self.controller.server_url or "")
        dialog.accepted.connect(self.ctx.changes.settings_changed)  # the controller and settings page re-read
        dialog.accepted.connect(self.refresh)
        dialog.open()
        self.enrol_dialog = dialog
        return dialog

    # --- the lists --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.ctx.actor
        query(self.ctx, lambda session: sync_views.sync_lists(session, actor=actor), self._loaded,
              on_error=self.error)

    def _loaded(self, result: SyncLists | None = None, error=None) -> None:
        if error is not None:
            return
        self.error.hide()
        rejected, conflicts = result.rejected, result.conflicts
        self.rejected.clear()
        for r in rejected:
            item = QTreeWidgetItem([r.subject_name or self.tr("(no name yet)"), kind_label(r.kind),
                                    status_label(r.status), when(r.updated_at), r.reason])
            item.setData(0, Qt.ItemDataRole.UserRole, (r.registration_id, r.kind, r.status))
            item.setToolTip(4, r.reason)
            self.rejected.addTopLevelItem(item)
        self.conflict_views = conflicts
        self.conflicts.clear()
        for c in conflicts:
            fields = ", ".join(self._field_name(c, key) for key in c.differences)
            item = QTreeWidgetItem([c.subject_name or self.tr("(no name yet)"), when(c.detected_at), fields])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            self.conflicts.addTopLevelItem(item)
        self.log.clear()
        results = {"ok": self.tr("Done"), "cancelled": self.tr("Cancelled"), "offline": self.tr("Offline"),
                   "refused": self.tr("Refused"), "error": self.tr("Error"), "running": self.tr("Running")}
        for run in result.runs:
            moved = f"↑ {human_bytes(run.bytes_up)}  ↓ {human_bytes(run.bytes_down)}"
            item = QTreeWidgetItem([when(run.started_at), run.username, results.get(run.result, run.result),
                                    str(run.sent), str(run.accepted), str(run.rejected), str(run.conflicts),
                                    str(run.pulled), moved, run.message])
            item.setToolTip(9, run.message)
            self.log.addTopLevelItem(item)
        self._set_tab_counts(len(rejected), len(conflicts))

    def _set_tab_counts(self, rejected: int, conflicts: int) -> None:
        self.tabs.setTabText(0, self.tr("Not accepted ({n})").format(n=rejected))
        self.tabs.setTabText(1, self.tr("Conflicts ({n})").format(n=conflicts))

    def _field_name(self, conflict: sync_state.ConflictView, key: str) -> str:
        fields = {f"data.{f.key}": f for f in form_fields(conflict.device.get("kind") or "")}
        names = {"status": self.tr("Status"), "review_comment": self.tr("Supervisor's comment")}
        return field_label(fields[key]) if key in fields else names.get(key, key.removeprefix("data."))

    def _open_rejected(self, item: QTreeWidgetItem) -> None:
        self.open_registration.emit(*item.data(0, Qt.ItemDataRole.UserRole))

    def open_conflict(self, conflict_id: int) -> ConflictDialog | None:
        view = next((c for c in self.conflict_views if c.id == conflict_id), None)
        if view is None:
            return None
        dialog = ConflictDialog(self.ctx, view, self)
        dialog.finished.connect(lambda _code: (self.refresh(), self.controller.refresh()))
        dialog.open()
        return dialog
