"""The records list: search by NIK or name, filter by service and status, open a record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from app import record_views, status
from app.kinds import KINDS
from app.record_views import RecordQuery
from app.registrations import RecordRow
from app.visibility import owner_filter, sees_everyone
from ui.context import UiContext
from ui.forms.editor_base import narrow
from ui.i18n import error_text
from ui.common.operations import query as run_query  # "query" is what the officer searches for, here
from ui.common.column_widths import fit_columns, share_room, text_width
from ui.records.export_dialog import ExportDialog
from ui.records.receipt_check_dialog import ReceiptCheckDialog
from ui.records.model import (KIND, LIST_SYNC_LABELS, NAME, NIK, OFFICER, STATUS, SYNC, UPDATED, VILLAGE,
                              RecordsModel, list_kind_label, list_status_label, list_sync_label, status_label)
from ui.records.village_filter import VillageFilter

# Wait this long after the last key before searching, so that typing a 16-digit NIK runs one query, not sixteen.
SEARCH_DELAY_MS = 250
# Several saves in a row (autosave, a batch import) cause one reload.
REFRESH_DELAY_MS = 300
# Typical long values of the free-text columns: longer ones are elided, whole in their tooltip. The name keeps
# room for at least its sample, however many columns a supervisor sees.
VILLAGE_SAMPLE = "Tanjung Enim Selatan"
OFFICER_SAMPLE = "Siti Aminah Lubis"
NAME_SAMPLE = "Muhammad Rizky Ramadhan"


class RecordTable(QTableView):
    """The table, opening the current record on Enter as well as on a double click."""

    activated_row = Signal(int)
    # Free-text columns and the width they would like; see ui.common.column_widths.share_room.
    flexible: dict[int, int] = {}
    name_room = 0

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        share_room(self, stretch_column=NAME, wanted=self.flexible, keep=self.name_room)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class RecordsPage(QWidget):
    open_record = Signal(object)  # RecordRow

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._count_generation = 0
        self.shown_count: int | None = None  # of the current query, once counted
        self.export_dialog: ExportDialog | None = None

        title = QLabel(self.tr("Records"), objectName="title")
        self.search = QLineEdit(placeholderText=self.tr("Search NIK or name"), clearButtonEnabled=True)
        self.search.setMinimumWidth(320)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All services"), None)
        for key in KINDS:
            self.kind.addItem(list_kind_label(key), key)
        self.state = QComboBox()
        self.state.addItem(self.tr("All statuses"), None)
        for key in status.STATUSES:
            self.state.addItem(status_label(key), key)
        self.villages = VillageFilter(ctx.workspace.regions)
        self.count_label = QLabel(objectName="subtitle")
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("This list or a monthly recap, to Excel or CSV"))
        self.export_button.clicked.connect(self.open_export)
        self.check_receipt_button = QPushButton(self.tr("Check a receipt…"))
        self.check_receipt_button.setToolTip(self.tr("Is a citizen's receipt genuine? Scan or open its QR code"))
        self.check_receipt_button.clicked.connect(self.open_receipt_check)
        self.receipt_check_dialog: ReceiptCheckDialog | None = None
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()

        self.model = RecordsModel(ctx.workspace, ctx.runner, parent=self)
        self.model.load_failed.connect(self._show_error)
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The name takes what is left; the others fit their longest value in this font and language
        # (ui.common.column_widths), so that a 1366x768 screen shows every column without scrolling sideways.
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.ensurePolished()  # the application style sheet sets the font the widths are measured in
        fit_columns(self.table, {
            NIK: ["0" * 16], KIND: [list_kind_label(key) for key in KINDS],
            STATUS: [list_status_label(key) for key in status.STATUSES],
            SYNC: [list_sync_label(**state) for state in LIST_SYNC_LABELS], UPDATED: ["28-12-26 23:59"]})
        self.table.flexible = {VILLAGE: text_width(self.table, VILLAGE_SAMPLE),
                               OFFICER: text_width(self.table, OFFICER_SAMPLE)}
        self.table.name_room = text_width(self.table, NAME_SAMPLE)
        # One service so far: a column repeating it on every row only pushes the others off the screen.
        self.table.setColumnHidden(KIND, len(KINDS) < 2)
        self.kind.setVisible(len(KINDS) >= 2)
        # An officer sees only their own records: a column with their own name on every row tells them nothing.
        self.table.setColumnHidden(OFFICER, not sees_everyone(ctx.actor))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated_row.connect(self._open)

        # Two rows, so that the page fits a 1366 px laptop screen beside the navigation.
        for combo in (self.kind, self.state):
            narrow(combo)
            combo.setMinimumContentsLength(14)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.state, 1)
        places = QHBoxLayout()
        places.addWidget(self.villages, 1)
        places.addWidget(self.count_label)
        places.addWidget(self.check_receipt_button)
        places.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addLayout(places)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_query)
        self.kind.currentIndexChanged.connect(self.apply_query)
        self.state.currentIndexChanged.connect(self.apply_query)
        self.villages.changed.connect(lambda _code: self.apply_query())
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.changes.registrations_changed.connect(lambda _ids: self._refresh_timer.start())
        self.apply_query()

    def query(self) -> RecordQuery:
        owner = owner_filter(self.ctx.actor)  # need-to-know: see app.visibility
        where = {"village": self.villages.code() or None}
        return RecordQuery(text=self.search.text().strip(), kind=self.kind.currentData(),
                           state=self.state.currentData(), owner_id=owner, **where)

    def apply_query(self) -> None:
        self._search_timer.stop()
        self._show_error(None)
        query = self.query()
        self.model.set_query(query)
        self._load_count(query)

    def refresh(self) -> None:
        if self.query() != self.model.pages.query:
            # The account's id changed (enrolment gives it the server's): the old query would own nothing.
            self.apply_query()
            return
        self.model.reload()
        self._load_count(self.model.pages.query)

    def _load_count(self, query: RecordQuery) -> None:
        # Counting 100,000 rows takes a moment: it runs after the first page, on the DB worker.
        self._count_generation += 1
        generation = self._count_generation
        self.count_label.setText("…")
        self.shown_count = None

        def done(result=None, error=None):
            if generation != self._count_generation:
                return
            if error is not None:
                self._show_error(error)
                self.count_label.setText("")
                return
            self.shown_count = result
            self.count_label.setText(self.tr("%n record(s)", "", result))

        run_query(self.ctx, lambda session: record_views.count(session, query), done)

    def open_export(self) -> ExportDialog:
        """The export dialog over this list, as it is filtered now."""
        self.export_dialog = ExportDialog(self.ctx, self.query(), shown=self.shown_count, parent=self)
        self.export_dialog.open()
        return self.export_dialog

    def open_receipt_check(self) -> ReceiptCheckDialog:
        self.receipt_check_dialog = ReceiptCheckDialog(self.ctx, parent=self)
        self.receipt_check_dialog.open()
        return self.receipt_check_dialog

    def _open(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_record.emit(self.model.row_at(row))

    def _show_error(self, error) -> None:
        if error is None:
            self.error.hide()
            return
        self.error.setText(error_text(error, self.ctx.settings.language))
        self.error.show()

    def selected_row(self) -> RecordRow | None:
        index: QModelIndex = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

