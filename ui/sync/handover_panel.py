"""The "USB stick" tab of the Sync page: hand-over without signal (``sync.handover``).

An officer saves what has not been handed over to a file on the stick; whoever gets the stick (the supervisor's
laptop, or the central office) opens it; a receipt file goes back on the stick and the officer's laptop opens it to
learn what arrived and what was decided. The services open their own transactions and read and write the stick,
so they run on the network pool like a sync, with a progress bar; a refused file says why and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from app.i18n import translate
from sync import handover
from sync.handover.errors import GAP, NO_SUPERVISOR
from ui.common.operations import query
from ui.context import UiContext
from ui.i18n import error_text

BATCH_FILTER = "*.jbb *.jbr"


class HandoverPanel(QWidget):
    progressed = Signal(int, int)  # from the worker: bytes done, bytes in all

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.exportable = 0  # records not handed over yet, as last read
        self.last_result = None  # what the last export or import answered (for the tests and the status text)
        self.waiting = QLabel(objectName="hint", wordWrap=True)
        self.export_button = QPushButton(self.tr("Save to USB stick…"), objectName="primary")
        self.export_button.clicked.connect(self.choose_export_folder)
        self.open_button = QPushButton(self.tr("Open a file from the stick…"))
        self.open_button.clicked.connect(self.choose_file)
        self.again_button = QPushButton(self.tr("Save this file again…"))
        self.again_button.setToolTip(self.tr("The stick was lost: the same records in a new file."))
        self.again_button.clicked.connect(self.choose_again_folder)
        self.receipt_button = QPushButton(self.tr("Write a receipt…"))
        self.receipt_button.setToolTip(self.tr("After reviewing: the decisions go back to the officer on the stick."))
        self.receipt_button.clicked.connect(self.choose_receipt_folder)
        self.gaps = QLabel(objectName="error", wordWrap=True)
        self.gaps.hide()
        self.bar = QProgressBar(textVisible=False)
        self.bar.setFixedHeight(14)
        self.bar.hide()
        self.message = QLabel(wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
        self.files = QTreeWidget()
        self.files.setHeaderLabels([self.tr("File"), self.tr("From / to"), self.tr("Records"), self.tr("Photos"),
                                    self.tr("Made"), self.tr("State")])
        self.files.setRootIsDecorated(False)
        self.files.setAlternatingRowColors(True)
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.files.header().setStretchLastSection(True)
        self.files.itemSelectionChanged.connect(self._selection_changed)

        buttons = QHBoxLayout()
        for button in (self.export_button, self.open_button, self.again_button, self.receipt_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(QLabel(self.tr(
            "No signal? Save your work to a USB stick for your supervisor. The file is signed by this laptop and "
            "only your supervisor's laptop and the central office can open it."), objectName="hint",
            wordWrap=True))
        layout.addWidget(self.waiting)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(self.gaps)
        layout.addWidget(self.files, 1)
        self.progressed.connect(self._progressed)
        ctx.changes.registrations_changed.connect(lambda _ids: self.refresh())
        self._selection_changed()
        self.refresh()

    # --- what is on this laptop -----------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self.ctx.actor

        def read(session):
            return (len(handover.not_handed_over(session, actor)), handover.gaps(session),
                    handover.files(session, "out") + handover.files(session, "in"))

        query(self.ctx, read, self._loaded)

    def _loaded(self, result=None, error=None) -> None:
        if error is not None:
            return
        count, gaps, files = result
        self.exportable = count
        self.waiting.setText(self.tr("%n record(s) not handed over yet.", "", count))
        self.export_button.setEnabled(count > 0 and not self.running)
        lines = [translate("Handover", GAP, self.ctx.settings.language).format(sequence=n, name=gap.sender_name)
                 for gap in gaps for n in gap.missing]
        self.gaps.setText("\n".join(lines))
        self.gaps.setVisible(bool(lines))
        self.files.clear()
        for info in sorted(files, key=lambda f: f.handled_at, reverse=True):
            self.files.addTopLevelItem(self._item(info))
        self._selection_changed()

    def _item(self, info) -> QTreeWidgetItem:
        out = info.direction == "out"
        if info.file_type == "receipt":
            title = self.tr("Receipt {n}").format(n=info.sequence)
        else:
            title = self.tr("File {n}").format(n=info.sequence)
        name = info.counterpart_name
        if not out:
            who = name or info.sender_name
        elif info.file_type == "receipt":
            who = self.tr("for {name}").format(name=name) if name else "—"
        else:  # a batch: for the supervisor's laptops, or only for the central office when none is known
            who = self.tr("to {name}").format(name=name) if name else self.tr("to the central office")
        if out and info.file_type == "batch":
            state = (self.tr("received by the supervisor") if info.confirmed_at
                     else self.tr("handed over, no receipt yet"))
        else:
            state = self.tr("written here") if out else self.tr("opened here")
        item = QTreeWidgetItem([title, who, str(info.records), str(info.attachments),
                                info.created_at.strftime("%d-%m-%Y %H:%M"), state])
        item.setData(0, Qt.ItemDataRole.UserRole, info)
        return item

    def selected(self):
        items = self.files.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        info = self.selected()
        idle = not self.running
        self.again_button.setEnabled(idle and info is not None and info.direction == "out"
                                     and info.file_type == "batch")
        self.receipt_button.setEnabled(idle and info is not None and info.direction == "in"
                                       and info.file_type == "batch")
        self.open_button.setEnabled(idle)

    # --- choosing where -------------------------------------------------------------------------------------

    def _start_folder(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation) or str(Path.home())

    def choose_export_folder(self) -> None:
        folder = choose_folder(self, self.tr("Choose the USB stick"), self._start_folder())
        if folder:
            self.export_to(Path(folder))

    def choose_again_folder(self) -> None:
        info = self.selected()
        folder = choose_folder(self, self.tr("Choose the USB stick"), self._start_folder())
        if folder and info is not None:
            self.export_again(info.file_id, Path(folder))

    def choose_receipt_folder(self) -> None:
        info = self.selected()
        folder = choose_folder(self, self.tr("Choose the USB stick"), self._start_folder())
        if folder and info is not None:
            self.write_receipt(info.file_id, Path(folder))

    def choose_file(self) -> None:
        name = choose_file(self, self.tr("Open a hand-over file"), self._start_folder(),
                           self.tr("Hand-over files") + f" ({BATCH_FILTER})")
        if name:
            self.open_path(Path(name))

    # --- the work -------------------------------------------------------------------------------------------

    def export_to(self, folder: Path, ids: list[str] | None = None) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        self._run(lambda: handover.export_batch(ws, actor, folder, ids=ids, progress=self.progressed.emit),
                  self._exported, self.tr("Saving to the stick…"))

    def export_again(self, file_id: str, folder: Path) -> None:
        query(self.ctx, lambda session: handover.records_of_file(session, file_id),
              lambda result=None, error=None: error is None and self.export_to(folder, result))

    def open_path(self, path: Path) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        if path.suffix.lower() == ".jbr":
            work = lambda: handover.import_receipt(ws, actor, path, progress=self.progressed.emit)  # noqa: E731
            self._run(work, self._receipt_opened, self.tr("Opening the receipt…"))
        else:
            work = lambda: handover.import_batch(ws, actor, path, progress=self.progressed.emit)  # noqa: E731
            self._run(work, self._imported, self.tr("Checking and opening the file…"))

    def write_receipt(self, file_id: str, folder: Path) -> None:
        ws, actor = self.ctx.workspace, self.ctx.actor
        self._run(lambda: handover.write_receipt(ws, actor, folder, for_file_id=file_id), self._receipt_written,
                  self.tr("Writing the receipt…"))

    def _run(self, work, done, text: str) -> None:
        self._set_running(True)
        self.message.setObjectName("")
        self._restyle()
        self.message.setText(text)
        self.bar.setRange(0, 0)

        def finished(result=None, error=None) -> None:
            self._set_running(False)
            if error is not None:
                self.last_result = error
                self.message.setObjectName("error")
                self.message.setText(error_text(error, self.ctx.settings.language))
                self._restyle()
                self.refresh()
                return
            self.last_result = result
            if getattr(result, "changed_ids", None):
                self.ctx.changes.registrations_changed.emit(list(result.changed_ids))
            done(result)
            self.refresh()

        self.ctx.runner.run_net(work, finished)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.bar.setVisible(running)
        self.export_button.setEnabled(not running and self.exportable > 0)
        self._selection_changed()

    def _restyle(self) -> None:
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))

    # --- what came of it ------------------------------------------------------------------------------------

    def _exported(self, result) -> None:
        text = self.tr("File {n} saved: {records} record(s), {files} photo(s) or document(s) in {path}.").format(
            n=result.sequence, records=result.records, files=result.files, path=result.path)
        if result.to_supervisor:
            text += " " + self.tr("Give the stick to {name}.").format(name=result.supervisor_name or "supervisor")
        else:
            text += " " + translate("Handover", NO_SUPERVISOR, self.ctx.settings.language)
        self.message.setText(text)

    def _imported(self, result) -> None:
        if result.already_imported:
            self.message.setText(self.tr("File {n} from {name} was already opened on this laptop: nothing "
                                         "changed.").format(n=result.sequence, name=result.sender_name))
            return
        text = self.tr("File {n} from {name} opened: {new} new record(s), {updated} updated, {files} photo(s) or "
                       "document(s). They are in the review queue.").format(
            n=result.sequence, name=result.sender_name, new=result.records_new, updated=result.records_updated,
            files=result.files)
        if result.receipt_path is not None:
            text += " " + self.tr("A receipt for the officer was written to the stick: {path}.").format(
                path=result.receipt_path)
        elif result.receipt_problem:
            text += " " + result.receipt_problem
        self.message.setText(text)

    def _receipt_opened(self, result) -> None:
        if result.already_imported:
            self.message.setText(self.tr("This receipt was already opened: nothing changed."))
            return
        self.message.setText(self.tr("Receipt from {name}: {confirmed} record(s) arrived, {decisions} decision(s) "
                                     "applied.").format(name=result.sender_name, confirmed=result.confirmed,
                                                        decisions=result.decisions_applied))

    def _receipt_written(self, path) -> None:
        self.message.setText(self.tr("Receipt written to {path}. Give the stick back to the officer.").format(
            path=path))


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    """A seam for the tests: the journey cannot click in a native dialog."""
    return QFileDialog.getExistingDirectory(parent, title, start)


def choose_file(parent: QWidget, title: str, start: str, pattern: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, pattern)[0]
