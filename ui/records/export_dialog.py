"""Exporting from the records page: the list as it is filtered, or a month's recap, to XLSX or CSV.

The file is written by ``app.reports`` on the database worker (``ui.common.operations``), so the window stays
usable and a progress bar moves while 10,000 rows go out; closing or stopping cancels it, and nothing is left
under the chosen name then.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QLabel, QProgressBar, QPushButton, QRadioButton,
                               QVBoxLayout, QWidget)

from app.record_views import RecordQuery
from app.reports import export
from app.reports.labels import month_label
from app.reports.writers import ExportCancelled
from ui.common.operations import operation
from ui.context import UiContext
from ui.i18n import error_text
from ui.shell import style

MONTHS_OFFERED = 24  # two years back: a recap asked for late still finds its month


def recent_months(today: date, count: int = MONTHS_OFFERED) -> list[date]:
    """The first day of this month and of the ``count - 1`` before it, newest first."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


class ExportDialog(QDialog):
    # (rows written, rows in all), emitted from the database worker; Qt queues it to the UI thread.
    progressed = Signal(int, int)

    def __init__(self, ctx: UiContext, query: RecordQuery, *, shown: int | None = None, today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.query = ctx, query
        self.today = today or ctx.workspace.today()
        self.result_export: export.Exported | None = None
        self.running = False
        self._stop = False
        self._closing = False
        self.setWindowTitle(self.tr("Export"))
        # A fixed width, so that the wrapped text's height is known and the dialog can grow to fit it (_fit).
        self.setFixedWidth(660)

        self.list_choice = QRadioButton(self.tr("This list as it is filtered now")
                                        if shown is None else self.tr("This list as it is filtered now (%n record(s))",
                                                                      "", shown))
        self.recap_choice = QRadioButton(self.tr("Monthly recap: counts per village, service and status"))
        self.list_choice.setChecked(True)
        self.month = QComboBox()
        self.months = recent_months(self.today)
        for month in self.months:
            self.month.addItem(month_label(month, ctx.settings.language))
        self.xlsx = QRadioButton(self.tr("Excel (XLSX)"))
        self.csv = QRadioButton(self.tr("CSV (for other programs)"))
        self.xlsx.setChecked(True)
        formats = QButtonGroup(self)
        for button in (self.xlsx, self.csv):
            formats.addButton(button)
        whats = QButtonGroup(self)
        for button in (self.list_choice, self.recap_choice):
            whats.addButton(button)
        self.full_nik = QCheckBox(self.tr("Show NIKs in full"))
        # Only those who check records against documents are offered it; the service refuses anyone else too.
        self.full_nik.setVisible(export.may_see_full_nik(ctx.actor))

        warning = QLabel(self.tr("The file holds personal data (UU 27/2022). Keep it on this laptop or the office's "
                                 "drive, never in a chat group, and delete it when it is no longer needed. Every "
                                 "export is recorded."), objectName="hint", wordWrap=True)
        # Headings over the choices rather than a form's label column: the long Indonesian labels get the width.
        what_title = QLabel(self.tr("What"), objectName="subtitle")
        format_title = QLabel(self.tr("Format"), objectName="subtitle")
        month_row = QHBoxLayout()
        month_row.setContentsMargins(26, 0, 0, 0)  # under the recap's own radio button, as its detail
        month_row.addWidget(QLabel(self.tr("Month")))
        month_row.addWidget(self.month)
        month_row.addStretch(1)
        format_row = QHBoxLayout()
        format_row.addWidget(self.xlsx)
        format_row.addSpacing(16)
        format_row.addWidget(self.csv)
        format_row.addStretch(1)
        # Excel opens a CSV's 16-digit NIK as a number and keeps only 15 digits: the officer must hear it before
        # sending such a file to an office that will open it in Excel.
        self.csv_hint = QLabel(self.tr("Excel turns the 16-digit NIKs of a CSV file into rounded numbers. For "
                                       "Excel, choose XLSX."), objectName="hint", wordWrap=True)
        self.csv_hint.setContentsMargins(26, 0, 0, 0)
        self.csv_hint.setVisible(False)
        self.csv.toggled.connect(self._csv_toggled)
        self.full_nik_hint = QLabel(self.tr("Otherwise they are masked as on the receipt. A full export is "
                                            "recorded in the audit trail: tick it only to check documents."), objectName="hint", wordWrap=True)
        self.full_nik_hint.setContentsMargins(26, 0, 0, 0)
        self.full_nik_hint.setVisible(export.may_see_full_nik(ctx.actor))
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel(objectName="hint", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path, to copy
        self.message.hide()
        self.export_button = QPushButton(self.tr("Export…"), objectName="primary", autoDefault=True)
        self.export_button.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox()
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.clicked.connect(self._close_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(warning)
        layout.addWidget(what_title)
        layout.addWidget(self.list_choice)
        layout.addWidget(self.recap_choice)
        layout.addLayout(month_row)
        layout.addWidget(format_title)
        layout.addLayout(format_row)
        layout.addWidget(self.csv_hint)
        layout.addWidget(self.full_nik)
        layout.addWidget(self.full_nik_hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.recap_choice.toggled.connect(self._what_changed)
        self.month.activated.connect(lambda _index: self.recap_choice.setChecked(True))
        self.progressed.connect(self._progressed)
        self._what_changed()
        self._fit()

    # -- choices

    def what(self) -> str:
        return export.RECAP if self.recap_choice.isChecked() else export.RECORDS

    def fmt(self) -> str:
        return "csv" if self.csv.isChecked() else "xlsx"

    def chosen_month(self) -> date:
        return self.months[max(self.month.currentIndex(), 0)]

    def choose_month(self, month: date) -> None:
        self.month.setCurrentIndex(self.months.index(month.replace(day=1)))
        self.recap_choice.setChecked(True)

    def suggested_name(self) -> str:
        if self.what() == export.RECAP:
            return f"rekap-jemput-{self.chosen_month():%Y-%m}.{self.fmt()}"
        return f"data-jemput-{self.today:%Y-%m-%d}.{self.fmt()}"

    def _what_changed(self) -> None:
        recap = self.recap_choice.isChecked()
        self.full_nik.setEnabled(not recap)  # a recap holds counts, no NIK
        if recap:
            self.full_nik.setChecked(False)

    # -- running

    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        fmt = self.fmt()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the export as"),
                                              str(Path(folder) / self.suggested_name()),
                                              "Excel (*.xlsx)" if fmt == "xlsx" else "CSV (*.csv)")
        if name:
            self.start(Path(name))

    def start(self, target: Path) -> None:
        fmt = self.fmt()
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        what, actor, language = self.what(), self.ctx.actor, self.ctx.settings.language
        now, query, month, full = self.ctx.workspace.now(), self.query, self.chosen_month(), self.full_nik.isChecked()
        self._stop = False
        self._set_running(True)
        style.set_message(self.message, self.tr("Exporting…"), "hint")

        def progress(done: int, total: int) -> None:
            if self._stop:
                raise ExportCancelled()
            self.progressed.emit(done, total)

        def work(session):
            if what == export.RECAP:
                return export.export_recap(session, actor=actor, month=month, target=target, fmt=fmt, now=now,
                                           language=language, progress=progress)
            return export.export_records(session, actor=actor, query=query, target=target, fmt=fmt, now=now,
                                         full_nik=full, language=language, progress=progress)

        operation(self.ctx, work, self._done)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: export.Exported | None = None, error=None) -> None:
        self._set_running(False)
        closing, self._closing = self._closing, False
        if error is not None:
            self.progress.hide()  # nothing was written: no bar to show for it
            kind = "hint" if isinstance(error, ExportCancelled) else "error"
            style.set_message(self.message, error_text(error, self.ctx.settings.language), kind)
        else:
            self.result_export = result
            self.progress.setValue(self.progress.maximum())
            # The folder on a line of its own: a long path does not wrap, and the name is what one looks for.
            text = "\n".join([self.tr("Saved %n row(s) to:", "", result.rows), result.path.name,
                              self.tr("in the folder {folder}").format(folder=result.path.parent),
                              self.tr("Keep the file safe: it holds personal data.")])
            style.set_message(self.message, text, "success")
        self._fit()
        if closing:
            super().reject()

    def _csv_toggled(self, checked: bool) -> None:
        self.csv_hint.setVisible(checked)
        self._fit()  # the hint's lines must not push the buttons off the dialog

    def _fit(self) -> None:
        """Tall enough for everything shown, wrapped at the dialog's width: a message or the bar appearing must
        not squeeze the text above it."""
        self.layout().activate()
        self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))

    def _set_running(self, running: bool) -> None:
        self.running = running
        if running:
            self.progress.setRange(0, 0)  # busy until the first count arrives
            self.progress.show()
            self._fit()
        for widget in (self.list_choice, self.recap_choice, self.month, self.xlsx, self.csv, self.full_nik,
                       self.export_button):
            widget.setEnabled(not running)
        if not running:
            self._what_changed()
        self.close_button.setText(self.tr("Stop") if running else self.tr("Close"))

    def stop(self) -> None:
        """Asks the running export to stop at its next batch of rows; its temporary file is removed."""
        self._stop = True
        style.set_message(self.message, self.tr("Stopping…"), "hint")

    def _close_clicked(self) -> None:
        if self.running:
            self.stop()  # the button says "Stop" while an export runs
        else:
            self.reject()

    def reject(self) -> None:
        """Esc or the window's close box: while an export runs, stop it and close once the worker has let go."""
        if self.running:
            self._closing = True
            self.stop()
            return
        super().reject()
