"""Whom to visit: cataract patients to bring to surgery and operated eyes to check, earliest first, overdue ones
marked. The page lists them all; ``FollowUpsDue`` is the short list the home page shows for the coming week."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import record_views, registrations, status
from app.follow_up import FollowUp, follow_ups
from app.i18n import translate
from app.kinds import kind_spec
from app.visibility import owner_filter
from ui.context import UiContext
from ui.follow_up.dialog import FollowUpDialog
from ui.i18n import error_text
from ui.common.operations import query
from ui.records.village_filter import VillageFilter

REFRESH_DELAY_MS = 300
OVERDUE_BG = QColor("#fdecea")
OVERDUE_FG = QColor("#b3261e")
SOON_DAYS = 7  # the home page looks a week ahead: time to plan a trip to a far village
COLUMNS = ("due", "patient", "village", "action")
ROW_ROLE = Qt.ItemDataRole.UserRole


def nav_title() -> str:
    return QCoreApplication.translate("FollowUpPage", "Follow-up visits")


def action_label(item: FollowUp, language: str) -> str:
    source = kind_spec(item.kind).follow_up_labels.get(item.action, item.action)
    return translate("FollowUp", source, language)


def load_follow_ups(ctx: UiContext, callback, *, until: date | None = None, village: str = "") -> None:
    owner = owner_filter(ctx.actor)  # an officer plans their own visits
    query(ctx, lambda session: follow_ups(session, owner_id=owner, until=until, village_prefix=village or None),
          callback)


def open_follow_up(ctx: UiContext, item: FollowUp, emit, parent: QWidget | None = None) -> None:
    """Looks up the record's status: editable records open in their form, (id, kind, status) handed to ``emit``;
    a record already sent opens the follow-up visit dialog over ``parent``, since its form is locked."""
    def done(result=None, error=None):
        if error is not None:
            return
        if parent is None or result in status.EDITABLE:
            emit(item.registration_id, item.kind, result)
            return
        dialog = FollowUpDialog(ctx, item.registration_id, parent)
        parent.follow_up_dialog = dialog  # kept, so that it lives while open and tests can reach it
        dialog.open()

    query(ctx, lambda session: registrations.get(session, item.registration_id).status, done)


class FollowUpPage(QWidget):
    open_registration = Signal(str, str, str)  # id, kind, status

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.language = ctx.settings.language
        self.items: list[FollowUp] = []
        title = QLabel(nav_title(), objectName="title")
        self.villages = VillageFilter(ctx.workspace.regions)
        self.villages.changed.connect(lambda _code: self.refresh())
        self.summary = QLabel(objectName="subtitle")
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Patient"), self.tr("Village"),
                                              self.tr("What to do")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 280), (2, 210), (3, 250)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Village:")))
        filters.addWidget(self.villages, 3)
        filters.addStretch(1)
        filters.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Patients to bring to surgery and operated eyes to check, earliest first. "
                                        "Double-click a row to open the screening."), wordWrap=True))
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.changes.registrations_changed.connect(lambda _ids: self._refresh_timer.start())
        self.refresh()

    def refresh(self) -> None:
        load_follow_ups(self.ctx, self._loaded, village=self.villages.code())

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            self.error.setText(error_text(error, self.language))
            self.error.show()
            return
        self.error.hide()
        self.items = result
        today = self.ctx.workspace.today()
        self.table.setRowCount(len(result))
        bold = QFont()
        bold.setBold(True)
        regions = self.ctx.workspace.regions
        for row, item in enumerate(result):
            overdue = item.overdue(today)
            due = item.due_date.strftime("%d-%m-%Y")
            if overdue:
                due = self.tr("{date} — %n day(s) late", "", (today - item.due_date).days).format(date=due)
            elif item.due_date == today:
                due = self.tr("{date} — today").format(date=due)
            cells = (due, item.patient_name or "—", record_views.village_name(item.village_code, regions) or "—",
                     action_label(item, self.language))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ROW_ROLE, row)
                if overdue:
                    cell.setBackground(QBrush(OVERDUE_BG))
                    cell.setForeground(QBrush(OVERDUE_FG))
                    if column == 0:
                        cell.setFont(bold)
                self.table.setItem(row, column, cell)
        late = sum(1 for item in result if item.overdue(today))
        self.summary.setText(self.tr("%n visit(s), {late} overdue", "", len(result)).format(late=late))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            open_follow_up(self.ctx, self.items[row], self.open_registration.emit, self)


class FollowUpsDue(QWidget):
    """The home page's look ahead: visits due by a week from today, overdue ones first."""

    open_registration = Signal(str, str, str)
    show_all = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[FollowUp] = []
        self.heading = QLabel(objectName="subtitle")
        self.list = QListWidget(objectName="drafts")  # styled like the drafts list beside it
        self.list.itemActivated.connect(lambda item: self._open(item.data(ROW_ROLE)))
        self.list.itemDoubleClicked.connect(lambda item: self._open(item.data(ROW_ROLE)))
        self.empty = QLabel(self.tr("No visits due this week."), objectName="hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        # Takes the space while the list is hidden, so the heading stays level with the drafts' heading.
        layout.addStretch()

    def refresh(self) -> None:
        until = self.ctx.workspace.today() + timedelta(days=SOON_DAYS)
        load_follow_ups(self.ctx, self._loaded, until=until)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            return  # the home page shows its own load error; a missing look-ahead is not worth a second one
        self.items = result
        today = self.ctx.workspace.today()
        late = sum(1 for item in result if item.overdue(today))
        self.heading.setText(self.tr("Follow-up visits due this week: {n} ({late} overdue)")
                             .format(n=len(result), late=late))
        self.list.clear()
        for row, item in enumerate(result):
            village = record_views.village_name(item.village_code, self.ctx.workspace.regions) or "—"
            when = item.due_date.strftime("%d-%m-%Y")
            mark = "⚠ " if item.overdue(today) else ""
            entry = QListWidgetItem(f"{mark}{when}   ·   {item.patient_name}   ·   {village}")
            entry.setToolTip(action_label(item, self.ctx.settings.language))
            entry.setData(ROW_ROLE, row)
            if item.overdue(today):
                entry.setForeground(QBrush(OVERDUE_FG))
            self.list.addItem(entry)
        self.empty.setVisible(not result)
        self.list.setVisible(bool(result))

    def count(self) -> int:
        return len(self.items)

    def _open(self, row) -> None:
        if row is not None and 0 <= row < len(self.items):
            open_follow_up(self.ctx, self.items[row], self.open_registration.emit, self)
