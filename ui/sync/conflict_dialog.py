"""A record changed on this laptop and on the server at once: both versions side by side, a person chooses.

Nothing is dropped silently (ARCHITECTURE.md "Sync protocol"): ``app.sync_state.resolve_conflict`` writes the
values that lost into the record's history, and the dialog says so before anyone clicks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app import record_views, sync_state
from app.sync_state import ConflictView
from ui.context import UiContext
from ui.common.operations import operation
from ui.records.detail import field_label, field_value, form_fields
from ui.records.model import kind_label, status_label

FIELD, DEVICE, SERVER, USE = range(4)
DIFFERENT = QColor("#fff3c4")  # a pale yellow that still reads on a washed-out laptop screen in daylight
USE_DEVICE, USE_SERVER = "device", "server"


class ConflictDialog(QDialog):
    def __init__(self, ctx: UiContext, conflict: ConflictView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.conflict = ctx, conflict
        self.choices: dict[str, QComboBox] = {}  # data field -> which side to keep, for a per-field choice
        name = conflict.subject_name or self.tr("(no name yet)")
        kind = conflict.device.get("kind") or conflict.server.get("kind") or ""
        self.setWindowTitle(self.tr("Two versions of {name}").format(name=name))
        self.resize(1000, 640)

        title = QLabel(self.tr("{name} · {kind}").format(name=name, kind=kind_label(kind)), objectName="subtitle")
        when = record_views.local_time(conflict.detected_at).strftime("%d-%m-%Y %H:%M")
        intro = QLabel(self.tr(
            "This record was changed on this laptop and on the server (for example by the office) before the two "
            "could meet ({when}). Choose which version to keep. Nothing is lost: the version you do not keep stays "
            "in the record's history.").format(when=when), objectName="hint", wordWrap=True)
        legend = QLabel(self.tr("%n row(s) in yellow differ.", "", len(conflict.differences)))

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This laptop"), self.tr("Server"),
                                              self.tr("Keep")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no "current cell" frame: nothing here is edited
        # One height for every row, so that the rows with a choice box do not stand out as taller; a long value
        # is elided and shown whole in its tooltip.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(34, self.fontMetrics().height() + 14))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DEVICE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SERVER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(USE, QHeaderView.ResizeMode.ResizeToContents)
        self._fill(kind)

        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        self.keep_device = QPushButton(self.tr("Keep this laptop's version"))
        self.keep_server = QPushButton(self.tr("Keep the server's version"))
        self.keep_chosen = QPushButton(self.tr("Keep the values chosen per field"))
        self.keep_chosen.setEnabled(bool(self.choices))
        for button in (self.keep_device, self.keep_server, self.keep_chosen):
            button.setAutoDefault(False)  # Enter must never pick a side by accident
        self.keep_device.setToolTip(self.tr("It is sent to the server again at the next sync."))
        self.keep_server.setToolTip(self.tr("This laptop takes the server's values; nothing is sent."))
        self.keep_device.clicked.connect(lambda: self.resolve(sync_state.KEEP_DEVICE))
        self.keep_server.clicked.connect(lambda: self.resolve(sync_state.KEEP_SERVER))
        self.keep_chosen.clicked.connect(lambda: self.resolve(self.merged()))
        later = QPushButton(self.tr("Decide later"))
        later.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.keep_device, self.keep_server, self.keep_chosen):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(later)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        for widget in (title, intro, legend):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _fill(self, kind: str) -> None:
        device, server = self.conflict.device, self.conflict.server
        fields = {f.key: f for f in form_fields(kind)}
        d, s = device.get("data") or {}, server.get("data") or {}
        regions = self.ctx.workspace.regions
        rows = [("status", self.tr("Status"), status_label(device.get("status") or ""),
                 status_label(server.get("status") or "")),
                ("review_comment", self.tr("Supervisor's comment"), field_value(None, device.get("review_comment"),
                                                                           regions=regions),
                 field_value(None, server.get("review_comment"), regions=regions))]
        keys = [k for k in fields if k in d or k in s] + sorted(k for k in set(d) | set(s) if k not in fields)
        for key in keys:
            spec = fields.get(key)
            rows.append((f"data.{key}", field_label(spec) if spec else key,
                         field_value(spec, d.get(key), regions=regions),
                         field_value(spec, s.get(key), regions=regions)))
        # Differences first: on a long form they would otherwise sit below the fold.
        rows.sort(key=lambda r: r[0] not in self.conflict.differences)
        bold = QFont(self.font())
        bold.setBold(True)
        for key, label, mine, theirs in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            differs = key in self.conflict.differences
            for column, text in ((FIELD, label), (DEVICE, mine), (SERVER, theirs)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, key)
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setFont(bold)
                self.table.setItem(row, column, item)
            if differs and key.startswith("data."):
                combo = QComboBox()
                combo.addItem(self.tr("This laptop"), USE_DEVICE)
                combo.addItem(self.tr("Server"), USE_SERVER)
                self.choices[key[5:]] = combo
                self.table.setCellWidget(row, USE, combo)
            else:
                self.table.setItem(row, USE, QTableWidgetItem(""))

    def merged(self) -> dict:
        """This laptop's form data with the server's value wherever the person picked the server's."""
        data = dict(self.conflict.device.get("data") or {})
        server = self.conflict.server.get("data") or {}
        for key, combo in self.choices.items():
            if combo.currentData() == USE_SERVER:
                data[key] = server.get(key)
        return data

    def resolve(self, keep: str | dict) -> None:
        ws, actor, conflict_id = self.ctx.workspace, self.ctx.actor, self.conflict.id
        for button in (self.keep_device, self.keep_server, self.keep_chosen):
            button.setEnabled(False)
        operation(self.ctx, lambda session: sync_state.resolve_conflict(
            session, actor=actor, conflict_id=conflict_id, keep=keep, now=ws.now()), self._resolved,
            on_error=self.message)

    def _resolved(self, result=None, error=None) -> None:
        if error is not None:
            for button in (self.keep_device, self.keep_server):
                button.setEnabled(True)
            self.keep_chosen.setEnabled(bool(self.choices))
            return
        self.accept()

