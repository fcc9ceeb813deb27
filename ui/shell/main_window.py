"""The main window: navigation on the left, one page at a time on the right, who is logged in at the bottom."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from app import auth, retention, status
from app.registrations import RecordRow
from ui.context import UiContext
from ui.dashboard.page import DashboardPage, nav_title as dashboard_title
from ui.follow_up.page import FollowUpPage, nav_title
from ui.kinds import DEFAULT_KIND, has_form, make_form_page
from ui.shell.home_page import HomePage
from ui.records.detail import RecordDetailPage
from ui.records.page import RecordsPage
from ui.records.review_bar import REVIEWERS
from ui.records.review_queue import ReviewQueuePage, nav_title as review_title
from ui.common.screen_fit import fit_to_screen
from ui.shell.settings_page import SettingsPage
from ui.sync.controller import SyncController
from ui.forms.submitted_dialog import SubmittedDialog
from ui.sync.page import SyncPanel

log = logging.getLogger(__name__)
HOME, NEW, RECORDS, FOLLOW_UPS, SYNC, SETTINGS, REVIEW, DASHBOARD = range(8)


def short_path(path: Path) -> str:
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class MainWindow(QMainWindow):
    logged_out = Signal()  # the person chose "log out": the app shows the login for the next one

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, sync: SyncController | None = None):
        super().__init__(parent)
        self.ctx = ctx
        # One sync per window: it runs in the background whichever page is open.
        self.sync = sync or SyncController(ctx, self)
        self.setWindowTitle("Jemput Bola")
        fit_to_screen(self, 1280, 720)

        self.nav = QListWidget(objectName="nav")
        self.nav.setFixedWidth(200)
        for text in (self.tr("Home"), self.tr("New registration"), self.tr("Records"), nav_title(),
                     self.tr("Sync"), self.tr("Settings"), review_title(), dashboard_title()):
            self.nav.addItem(QListWidgetItem(text))
        # The review queue is the supervisor's: an officer has nothing to decide.
        self.nav.item(REVIEW).setHidden(ctx.actor.role not in REVIEWERS)
        self.nav.setCurrentRow(HOME)
        self.nav.currentRowChanged.connect(self._nav_changed)
        # Clicking the highlighted entry again leaves an open record (currentRowChanged stays silent then).
        self.nav.itemClicked.connect(self._nav_clicked)
        quit_button = QPushButton(self.tr("Exit"), objectName="navExit")
        quit_button.clicked.connect(self.ask_leave)
        self.exit_button = quit_button
        self.leave_box: QMessageBox | None = None

        self.stack = QStackedWidget()
        self.home = HomePage(ctx)
        self.home.new_registration.connect(lambda: self.nav.setCurrentRow(NEW))
        self.home.new_of_kind.connect(self.new_registration)
        self.home.open_record.connect(self.open_record)
        self.home.open_registration.connect(self.open_registration)
        self.records = RecordsPage(ctx)
        self.records.open_record.connect(self.open_record)
        self.follow_ups = FollowUpPage(ctx)
        self.follow_ups.open_registration.connect(self.open_registration)
        self.sync_panel = SyncPanel(ctx, self.sync)
        self.sync_panel.open_registration.connect(self.open_registration)
        self.settings_page = SettingsPage(ctx)
        self.review_queue = ReviewQueuePage(ctx)
        self.review_queue.open_queue.connect(self.open_queue)
        self.dashboard = DashboardPage(ctx)
        for page in (self.home, self.records, self.follow_ups, self.sync_panel, self.settings_page, self.review_queue,
                     self.dashboard):
            self.stack.addWidget(page)
        self._transient: QWidget | None = None  # the open form or detail page, dropped when left
        self._transient_row = HOME  # the navigation row shown while it is open
        self.unsaved_box: QMessageBox | None = None
        self.submitted_dialog: SubmittedDialog | None = None
        self._return_row = HOME

        side = QWidget(objectName="navPane")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 8)
        side_layout.addWidget(self.nav, 1)
        side_layout.addWidget(quit_button)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.who = QLabel()
        self.who.setContentsMargins(12, 0, 0, 0)
        self._show_who()
        ctx.changes.actor_changed.connect(self._show_who)
        self.statusBar().addWidget(self.who)
        self.sync_status = QLabel(objectName="syncStatus")
        self.sync_status.setContentsMargins(12, 0, 12, 0)
        self.statusBar().addWidget(self.sync_status)
        self.sync.state_changed.connect(self._show_sync_status)
        self._show_sync_status()
        for text in (self.tr("Device {id}").format(id=ctx.workspace.device_id[-8:]), short_path(ctx.workspace.db_path)):
            label = QLabel(text)
            label.setContentsMargins(12, 0, 12, 0)
            self.statusBar().addPermanentWidget(label)

    def _show_who(self) -> None:
        actor = self.ctx.actor
        role = QCoreApplication.translate("Roles", auth.ROLE_LABELS.get(actor.role, actor.role))
        self.who.setText(self.tr("Logged in: {name} ({role})").format(name=actor.full_name, role=role))

    def _nav_changed(self, row: int) -> None:
        if self._ask_keep_refused(lambda: self._go_row(row)):
            self._show_transient_row()
            return
        if row == NEW:
            if self.home.explain_block():
                # The province's guardrail is reached: back where the officer was, with the reason on screen.
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(self._return_row)
                self.nav.blockSignals(False)
                return
            self._open_form(make_form_page(self.ctx, DEFAULT_KIND, None), return_row=self._return_row)
        else:
            self._drop_transient()
            self._return_row = row
            self.stack.setCurrentWidget({HOME: self.home, RECORDS: self.records, FOLLOW_UPS: self.follow_ups,
                                         SYNC: self.sync_panel, SETTINGS: self.settings_page,
                                         REVIEW: self.review_queue, DASHBOARD: self.dashboard}[row])

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        row = self.nav.row(item)
        if self._transient is not None and row != NEW and self.stack.currentWidget() is self._transient:
            self._nav_changed(row)

    def open_record(self, row: RecordRow) -> None:
        self.open_registration(row.id, row.kind, row.status)

    def open_registration(self, registration_id: str, kind: str, state: str) -> None:
        editable = state in status.EDITABLE and has_form(kind)
        page = make_form_page(self.ctx, kind, registration_id) if editable else RecordDetailPage(self.ctx,
                                                                                                  registration_id)
        self._open_form(page, return_row=self.nav.currentRow())

    def open_queue(self, ids: list, index: int) -> None:
        """A record of the review queue, with the next and previous ones a key away."""
        page = RecordDetailPage(self.ctx, ids[index])
        page.set_queue(ids, index)
        page.step.connect(lambda to: self.open_queue(ids, to))
        self._open_form(page, return_row=REVIEW)

    def new_registration(self, kind: str) -> None:
        """A new, empty form of ``kind``, reached from the home page's buttons or the switch above a form."""
        return_row = self._return_row if self.stack.currentWidget() is self._transient else self.nav.currentRow()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(NEW)
        self.nav.blockSignals(False)
        self._open_form(make_form_page(self.ctx, kind, None), return_row=return_row)

    def _open_form(self, page: QWidget, *, return_row: int) -> None:
        if hasattr(page, "switch_kind"):
            page.switch_kind.connect(self.new_registration)
        if hasattr(page, "submitted"):
            page.submitted.connect(self.confirm_submitted)
        self._open_transient(page, return_row=return_row)

    def confirm_submitted(self, registration_ids: list) -> SubmittedDialog:
        """After a submit: what happened, the registration number, and the receipt on Enter."""
        dialog = SubmittedDialog(self.ctx, registration_ids, self)
        self.submitted_dialog = dialog
        dialog.open()
        return dialog

    def _open_transient(self, page: QWidget, *, return_row: int) -> None:
        self._drop_transient()
        self._return_row = return_row
        self._transient = page
        self._transient_row = self.nav.currentRow()
        page.closed.connect(self._transient_closed)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def _transient_closed(self) -> None:
        self._drop_transient()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self._return_row)
        self.nav.blockSignals(False)
        self._nav_changed(self._return_row)

    def _go_row(self, row: int) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self._nav_changed(row)

    def _show_transient_row(self) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(self._transient_row)
        self.nav.blockSignals(False)

    def _ask_keep_refused(self, leave) -> bool:
        """When the open form holds what its last save refused (a new registration at a guardrail, a full disk),
        asks before leaving it and returns True; ``leave()`` runs if the officer chooses to lose it. Staying keeps
        the form open, and it saves as soon as it can."""
        page = self._transient
        if page is None or not getattr(page, "holds_refused_input", lambda: False)():
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved yet"),
                          self.tr("What you typed in this form is not saved yet:\n{reason}\n\nStay on the form to "
                                  "keep it: it is saved as soon as it can be. Leaving now loses it.")
                          .format(reason=page.refused_text), parent=self)
        stay = box.addButton(self.tr("Stay on the form"), QMessageBox.ButtonRole.AcceptRole)
        lose = box.addButton(self.tr("Leave and lose it"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(stay)

        def chosen(button) -> None:
            if button is lose and self._transient is page:
                page.discard_refused_input()
                leave()

        box.buttonClicked.connect(chosen)
        self.unsaved_box = box
        box.open()
        return True

    def _drop_transient(self) -> None:
        page, self._transient = self._transient, None
        if page is not None:
            # close() delivers a closeEvent, where a form writes what is still waiting for its autosave timer.
            page.close()
            self.stack.removeWidget(page)
            page.deleteLater()

    def ask_leave(self) -> QMessageBox:
        """"Exit": log out so that someone else can log in on this laptop, or close the app."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Exit"),
                          self.tr("Log out, so that someone else can log in, or close the app? Everything is saved."),
                          parent=self)
        self.logout_button = box.addButton(self.tr("Log out"), QMessageBox.ButtonRole.AcceptRole)
        self.close_app_button = box.addButton(self.tr("Close the app"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.logout_button)
        box.buttonClicked.connect(self._leave_chosen)
        self.leave_box = box
        box.open()
        return box

    def _leave_chosen(self, button) -> None:
        if button in (self.logout_button, self.close_app_button) and self._ask_keep_refused(
                lambda: self._leave_chosen(button)):
            return
        if button is self.logout_button:
            self._drop_transient()  # a form still open saves what it holds, as the logged-in person
            self.sync.shutdown()
            self.logged_out.emit()
        elif button is self.close_app_button:
            self.close()

    def lock(self) -> None:
        """Locked after being left alone: the form open writes what it holds (its draft is kept), the sync stops,
        and the login comes back, as on a log-out but without asking."""
        self._drop_transient()
        self.sync.shutdown()
        self.logged_out.emit()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def purge_expired(self) -> None:
        """After login: removes what the server has finished and the retention period has passed (PDP), in the
        background; the officer hears of it only when something went."""
        ctx = self.ctx

        def done(result=None, error=None):
            if error is not None:
                # Nothing was removed (one transaction); the next login tries again, so no need to alarm anyone.
                log.warning("retention purge failed: %s", error)
            elif result:
                self.statusBar().showMessage(
                    self.tr("Finished records removed from this laptop (the server keeps them): {count}")
                    .format(count=result.registrations), 60_000)
                ctx.changes.registrations_changed.emit(list(result.ids))

        ctx.runner.run_db(lambda: retention.purge_in(ctx.workspace, actor_or_none=ctx.actor,
                                                     retention_days=ctx.settings.retention_days), done)

    def _show_sync_status(self) -> None:
        self.sync_status.setText(self.sync.status_text())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._ask_keep_refused(self.close):
            event.ignore()
            return
        self._drop_transient()
        self.sync.shutdown()
        super().closeEvent(event)
