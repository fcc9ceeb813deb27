"""One record as read-only text: its fields, status, the supervisor's comment and the history of changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QFrame, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QScrollArea, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app import history_labels, record_views, status
from app.follow_up import FOLLOW_UP_KEYS
from app.kinds import KINDS
from app.record_views import RecordDetail
from app.reference.regions import Regions
from sync import handover
from ui.follow_up import dialog as follow_up_dialog
from ui.context import UiContext
from ui.forms.attachments import TODO_COLOR, missing_text
from ui.records.notes import note_text, who_label
from ui.common.operations import query
from ui.records.media import RecordMedia
from ui.records.model import kind_label, status_label, status_with_sync
from ui.records.review_bar import ReviewBar

# Keys kept out of the field list: shown elsewhere on the page, or internal.
HIDDEN_KEYS = {"status", "review_comment"}


def form_fields(kind: str) -> list:
    """The kind's field definitions in form order (``app.form_fields.Field``); none for a kind this version lacks."""
    return list(KINDS[kind].fields) if kind in KINDS else []


def field_label(field) -> str:
    return QCoreApplication.translate("Form", field.label)


def field_value(field, value, *, regions: Regions) -> str:
    """A stored value as the officer typed or picked it: choice labels, region names, dates as dd-mm-yyyy."""
    if value is None or value == "":
        return "—"
    text = str(value)
    if field is None:
        return format_value(value)
    if field.kind in ("choice", "multichoice") and field.choices:
        labels = {c.code: QCoreApplication.translate("ValueList", c.label) for c in field.choices}
        if isinstance(value, (list, tuple)):
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        if text in labels:
            return labels[text]
    if field.kind == "checkbox":
        return QCoreApplication.translate("RecordDetail", "yes") if value is True or text == "True" else \
            QCoreApplication.translate("RecordDetail", "no")
    if field.kind == "region":
        name = record_views.village_name(text, regions)
        return f"{name} ({text})" if name != text else text
    if field.kind == "date" and len(text) == 10 and text[4] == "-":
        return f"{text[8:10]}-{text[5:7]}-{text[0:4]}"
    return text


def format_value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v) for v in value)
    return str(value)


class RecordDetailPage(QWidget):
    closed = Signal()
    step = Signal(int)  # open this index of the review queue the page was opened from

    def __init__(self, ctx: UiContext, registration_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.registration_id = ctx, registration_id
        self.detail: RecordDetail | None = None
        self.person_id: str | None = None

        self.back = QPushButton(self.tr("← Back"))
        self.back.clicked.connect(self.closed)
        self.title = QLabel(self.tr("Loading…"), objectName="title")
        self.summary = QLabel(wordWrap=True)
        self.comment = QLabel(objectName="returnNote", wordWrap=True)
        self.comment.hide()
        self.central = QLabel(objectName="centralNote", wordWrap=True)
        self.central.hide()
        # For the supervisor deciding again: what the officer changed since the record was sent back.
        self.since_return = QLabel(objectName="sinceReturn", wordWrap=True)
        self.since_return.hide()
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.hide()
        self.media = RecordMedia(ctx, registration_id, self)
        self.media.open_registration.connect(self.show_registration)
        # Shown for a cataract screening past draft: the officer's only way to record the surgery and checks.
        self.follow_up_button = QPushButton(follow_up_dialog.title_text(), objectName="primary")
        self.follow_up_button.clicked.connect(self.record_follow_up)
        self.follow_up_button.hide()
        self.review = ReviewBar(ctx, self)
        self.review.reviewed.connect(self._reviewed)
        # Opened from the review queue: the previous and next records of it (PageUp, PageDown), and after a
        # decision the next one opens by itself.
        self.queue: list[str] = []
        self.queue_index = 0
        self.previous_button = QPushButton(self.tr("‹ Previous"), objectName="queuePrevious")
        self.next_button = QPushButton(self.tr("Next ›"), objectName="queueNext")
        self.previous_button.setShortcut(QKeySequence(Qt.Key.Key_PageUp))
        self.next_button.setShortcut(QKeySequence(Qt.Key.Key_PageDown))
        self.previous_button.clicked.connect(lambda: self.step.emit(self.queue_index - 1))
        self.next_button.clicked.connect(lambda: self.step.emit(self.queue_index + 1))
        for button in (self.previous_button, self.next_button):
            button.hide()

        self.fields = QFormLayout()
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields.setHorizontalSpacing(16)
        # A long label ("SPTJM Kebenaran sebagai Pasangan Suami Istri (F-2.04)") puts its value on the next line
        # rather than pushing it out of sight: the list never scrolls sideways.
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fields_widget = QWidget()
        fields_widget.setLayout(self.fields)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long values wrap instead
        scroll.setWidget(fields_widget)

        self.history = QTreeWidget()
        # One line per event, its changed fields below it: a table with a "changes" cell squeezed every change of
        # a new record into one unreadable cell.
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setWordWrap(True)
        self.history.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((175, 150)):
            self.history.setColumnWidth(column, width)

        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel(self.tr("History"), objectName="subtitle"))
        history_layout.addWidget(self.history)
        fields_box = QWidget()
        fields_layout = QVBoxLayout(fields_box)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(QLabel(self.tr("Data"), objectName="subtitle"))
        fields_layout.addWidget(scroll, 1)
        self.attachments_missing = QLabel(wordWrap=True, styleSheet=f"color: {TODO_COLOR};")
        self.attachments_missing.hide()
        fields_layout.addWidget(self.media.attachments)
        fields_layout.addWidget(self.attachments_missing)
        self.media.panel.shown.connect(self._show_missing_attachments)
        # The record's data is what the officer came to read: it gets the larger share, and the handle between
        # the two is drawn so that it can be found.
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False, handleWidth=7)
        splitter.setStyleSheet("QSplitter::handle { background: #cfd8dc; margin: 40px 2px; border-radius: 2px; }")
        splitter.addWidget(fields_box)
        splitter.addWidget(history_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # 3:2 of whatever width the page gets
        self.splitter = splitter

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addWidget(self.follow_up_button)
        top.addWidget(self.media.actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.comment)
        layout.addWidget(self.central)
        layout.addWidget(self.since_return)
        layout.addWidget(self.review)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        self.load()

    def load(self) -> None:
        rid = self.registration_id
        query(self.ctx, lambda session: (record_views.load_detail(session, rid),
                                         handover.handed_over_in(session, [rid]).get(rid)),
              self._loaded, on_error=self.error)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            return
        d, in_file = result
        self.detail = d
        self.person_id = d.person_id
        self.media.show_record(self.registration_id, self.person_id)
        self._show_missing_attachments()
        name = d.subject_name or self.tr("(no name yet)")
        self.title.setText(name)
        updated = record_views.local_time(d.updated_at).strftime("%d-%m-%Y %H:%M")
        self.summary.setText(self.tr("{kind} · Status: {status} · Officer: {officer} · Last change: {when}").format(
            kind=kind_label(d.kind), status=status_with_sync(d.status, waiting=d.waiting_to_send,
                                                             on_server=d.on_server, kind=d.kind, stage=d.stage),
            officer=d.owner_name, when=updated)
            # On a stick, not yet confirmed by a receipt or the server: the officer must not think it is lost.
            + (" · " + self.tr("handed over in file {n}").format(n=in_file) if in_file else ""))
        self.comment.setVisible(d.review_note is not None)
        if d.review_note is not None:
            self.comment.setText(note_text(d.review_note, self.tr("Comment from {who}, {when}: {text}")))
        self.central.setVisible(d.central_note is not None)
        if d.central_note is not None:
            self.central.setText(note_text(d.central_note, self.tr("News from {who}, {when}: {text}")))
        self._show_since_return(d)
        self._fill_fields(d)
        self._fill_history(d)
        self.follow_up_button.setVisible(d.kind in FOLLOW_UP_KEYS and d.status not in status.EDITABLE)
        self.review.show_for(d)

    def set_queue(self, ids: list[str], index: int) -> None:
        self.queue, self.queue_index = list(ids), index
        self.previous_button.setVisible(True)
        self.next_button.setVisible(True)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < len(ids))

    def _reviewed(self, _registration_id: str) -> None:
        if self.queue and self.queue_index + 1 < len(self.queue):
            self.step.emit(self.queue_index + 1)
        else:
            self.load()

    def _show_since_return(self, d) -> None:
        shown = d.since_return and d.status == status.SUBMITTED
        self.since_return.setVisible(bool(shown))
        if shown:
            fields = {f.key: f for f in form_fields(d.kind)}
            lines = [self._change_line(fields, key, old, new) for key, old, new in d.since_return]
            self.since_return.setText(self.tr("Changed since it was sent back:") + "\n" + "\n".join(lines))

    def _show_missing_attachments(self) -> None:
        # The panel loads its files on its own; the line follows whichever answer comes last.
        if self.detail is None:
            return
        if self.detail.remote_files:
            # Received for review without its files: what the checklist would call missing may well be on the
            # server. Saying so keeps a supervisor from sending a record back for a photo that exists.
            text = self.tr("%n photo(s) or document(s) of the officer are on the server and not on this laptop "
                           "yet: they come with the next sync.", "", self.detail.remote_files)
            self.attachments_missing.setText(text)
            self.attachments_missing.setVisible(True)
            return
        text = missing_text(self.detail.kind, self.detail.data, self.media.panel.purposes())
        self.attachments_missing.setText(text)
        self.attachments_missing.setVisible(bool(text))

    def record_follow_up(self) -> None:
        self.follow_up_dialog = follow_up_dialog.FollowUpDialog(self.ctx, self.registration_id, self)
        self.follow_up_dialog.saved.connect(lambda _rid: self.load())
        self.follow_up_dialog.open()

    def show_registration(self, registration_id: str) -> None:
        """Another record of the same person, opened in this page (read-only, like this one)."""
        self.registration_id = registration_id
        self.load()

    def _fill_fields(self, d: RecordDetail) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        fields = form_fields(d.kind)
        known = {f.key for f in fields}
        regions = self.ctx.workspace.regions
        rows = [(field_label(f), field_value(f, d.data[f.key], regions=regions)) for f in fields if f.key in d.data]
        # Keys the field list does not know (an older form version, or no field module yet) still show, labelled so.
        rows += [(history_labels.change_label(key, {}, self.ctx.settings.language), format_value(d.data[key]))
                 for key in sorted(d.data) if key not in known | HIDDEN_KEYS]
        for label, value in rows:
            text = QLabel(value, wordWrap=True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(QLabel(label, objectName="hint"), text)
        if not rows:
            self.fields.addRow(QLabel(self.tr("Nothing filled in yet.")))

    def _fill_history(self, d: RecordDetail) -> None:
        self.history.clear()
        fields = {f.key: f for f in form_fields(d.kind)}
        for entry in reversed(d.history):  # newest first: the officer asks "what happened last"
            when = record_views.local_time(entry.at).strftime("%d-%m-%Y %H:%M")
            item = QTreeWidgetItem([when, who_label(entry.user_name, entry.by_central),
                                    self._action_label(entry.action)])
            self.history.addTopLevelItem(item)
            for key, (old, new) in entry.changes.items():
                line = self._change_line(fields, key, old, new)
                child = QTreeWidgetItem(item, [line])
                child.setFirstColumnSpanned(True)
                child.setToolTip(0, line)  # spanned rows do not wrap; the whole line is one hover away
            # A new record (or one received whole for review) lists every field: folded, so that the later events
            # stay in view.
            item.setExpanded(entry.action not in ("create", "received") or len(entry.changes) <= 3)

    def _action_label(self, action: str) -> str:
        return history_labels.action_label(action, self.ctx.settings.language)

    def _change_line(self, fields: dict, key: str, old, new) -> str:
        language = self.ctx.settings.language
        label = history_labels.change_label(key, fields, language)
        if key == "status":
            old, new = status_label(old) if old else old, status_label(new) if new else new
        elif key == "stage":
            # A step this version does not know shows as its key.
            kind = self.detail.kind
            old, new = ((status_label("", kind, value) or value) if value else value for value in (old, new))
        elif key == "review_details":
            old, new = (history_labels.review_details_label(value, fields, language) for value in (old, new))
        elif key == "resolution":
            old, new = history_labels.resolution_label(old, language), history_labels.resolution_label(new, language)
        elif (field_key := history_labels.form_key(key)) in fields:
            field = fields[field_key]
            regions = self.ctx.workspace.regions
            old, new = field_value(field, old, regions=regions), field_value(field, new, regions=regions)
        return f"{label}: {format_value(old)} → {format_value(new)}"
