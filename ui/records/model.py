"""The records table: a thin Qt adapter over ``app.record_views.RecordPages``.

Pages load on the DB worker; the view asks for more (``canFetchMore``/``fetchMore``) as the officer scrolls, so a
laptop with 100,000 records opens the list as fast as one with ten.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app import record_views, status
from app.kinds import KINDS, status_source
from app.record_views import ListRow, RecordPages, RecordQuery
from app.registrations import RecordRow
from app.workspace import Workspace
from ui.common.operations import query as run_query  # "query" is what the officer searches for, here
from ui.common.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex
NAME, NIK, KIND, STATUS, SYNC, VILLAGE, OFFICER, UPDATED = range(8)
OTHER_NIK_COLOR = QColor("#607d8b")  # grey: not the subject's own NIK


def status_label(state: str, kind: str = "", stage: str | None = None) -> str:
    """The status as people read it; with the record's kind and stage, its service's own step where central
    reported one (a complaint "Followed up by the agency")."""
    return QCoreApplication.translate("Status", status_source(kind, state, stage))


def sync_label(*, waiting: bool, on_server: bool) -> str:
    """Where the record's copy is, said beside its status (never instead of it)."""
    if waiting:
        return QCoreApplication.translate("Status", "waiting to be sent")
    if on_server:
        return QCoreApplication.translate("Status", "on the server")
    return ""


def list_sync_label(*, waiting: bool, on_server: bool) -> str:
    """The sync state in the list's narrow "Server" column beside the status (the tooltip says it in words)."""
    if waiting:
        return "↑"  # still to go up to the server
    if on_server:
        return "✔"
    return ""


LIST_SYNC_LABELS = ({"waiting": True, "on_server": False}, {"waiting": False, "on_server": True})


def list_status_label(state: str, kind: str = "", stage: str | None = None) -> str:
    """The status as the list's column says it: "Returned" for the long "Returned for correction", so that the
    column leaves the name its room (the tooltip has it in full)."""
    if state == status.RETURNED:
        return QCoreApplication.translate("RecordsModel", "Returned")
    return status_label(state, kind, stage)


def status_with_sync(state: str, *, waiting: bool, on_server: bool, kind: str = "", stage: str | None = None) -> str:
    where = sync_label(waiting=waiting, on_server=on_server)
    shown = status_label(state, kind, stage)
    return f"{shown} · {where}" if where else shown


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Kinds", KINDS[kind].title) if kind in KINDS else kind


def list_kind_label(kind: str) -> str:
    """The service as a list column names it: short, so that the column fits ("Akta kelahiran")."""
    if kind not in KINDS:
        return kind
    return QCoreApplication.translate("Kinds", KINDS[kind].short_title or KINDS[kind].title)


class RecordsModel(QAbstractTableModel):
    # A page or a reload failed: the page shows the message.
    load_failed = Signal(object)

    def __init__(self, workspace: Workspace, runner: TaskRunner, *, page_size: int = record_views.PAGE_SIZE,
                 parent=None):
        super().__init__(parent)
        self.workspace, self.runner = workspace, runner
        self.pages = RecordPages(page_size=page_size)
        self._headers = [
            self.tr("Name"), self.tr("NIK"), self.tr("Service"), self.tr("Status"), self.tr("Server"),
            self.tr("Village"), self.tr("Officer"), self.tr("Updated"),
        ]
        # Whose NIK the column shows when the record's subject has none (a newborn): said, and shown greyed.
        self._other_nik = {"mother": self.tr("Mother's NIK")}

    # -- loading

    def set_query(self, query: RecordQuery) -> None:
        """Starts a new search: empties the list and loads its first page."""
        self.beginResetModel()
        self.pages.reset(query)
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        """Reloads what is shown after records changed, keeping as many rows as were loaded."""
        generation, query, limit = self.pages.reload_request()
        def done(result=None, error=None):
            if error is not None:
                self.pages.failed(generation)
                self.load_failed.emit(error)
                return
            self.beginResetModel()
            self.pages.accept_reload(generation, result, limit)
            self.endResetModel()

        # The model is built with the workspace and the runner only: it is the helper's ``Database`` itself.
        run_query(self, lambda session: record_views.fetch_page(session, query, 0, limit), done)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and self.pages.can_fetch_more()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt's name
        if parent.isValid() or not self.pages.can_fetch_more():
            return
        generation, query, offset, limit = self.pages.next_request()
        run_query(self, lambda session: record_views.fetch_page(session, query, offset, limit),
                  lambda result=None, error=None: self._page_loaded(generation, offset, result, error))

    def _page_loaded(self, generation: int, offset: int, rows: list[ListRow] | None, error) -> None:
        if error is not None:
            self.pages.failed(generation)
            self.load_failed.emit(error)
            return
        if generation != self.pages.generation or offset != len(self.pages.rows):
            return  # an answer to a search the officer has already replaced
        if rows:
            # The last row is inclusive.
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self.pages.accept(generation, offset, rows)
            self.endInsertRows()
        else:
            self.pages.accept(generation, offset, rows)

    # -- reading

    def row_at(self, row: int) -> RecordRow:
        return self.pages.rows[row].row

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.pages.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.pages.rows):
            return None
        item = self.pages.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return item.row.id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == VILLAGE and item.row.village_code:
            return f"{item.village_name} ({item.row.village_code})"  # in full, with the code
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == KIND:
            return kind_label(item.row.kind)
        if index.column() == NIK and not item.row.subject_nik and item.row.other_nik:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._other_nik.get(item.row.other_nik_role or "", "")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OTHER_NIK_COLOR)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == SYNC:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SYNC:
            return sync_label(waiting=item.row.waiting_to_send, on_server=item.row.on_server)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STATUS:
            return status_label(item.row.status, item.row.kind, item.row.stage)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (NAME, OFFICER):
            return self._display(item, index.column())  # in full, when the column is too narrow
        return None

    def _display(self, item: ListRow, column: int) -> str:
        row = item.row
        if column == NAME:
            return row.subject_name or self.tr("(no name yet)")
        if column == NIK:
            return row.subject_nik or row.other_nik or ""
        if column == KIND:
            return list_kind_label(row.kind)
        if column == STATUS:
            return list_status_label(row.status, row.kind, row.stage)
        if column == SYNC:
            return list_sync_label(waiting=row.waiting_to_send, on_server=row.on_server)
        if column == VILLAGE:
            return item.village_name
        if column == OFFICER:
            return row.owner_name
        if column == UPDATED:
            # Two-digit year: the list is about recent work and every pixel goes to the name column.
            return record_views.local_time(row.updated_at).strftime("%d-%m-%y %H:%M")
        return ""
