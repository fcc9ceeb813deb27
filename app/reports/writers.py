"""Writing a ``Table`` to XLSX (XlsxWriter, constant-memory: each row goes to disk as it comes) or to CSV (UTF-8
with a byte-order mark, so that Excel reads the Indonesian letters right), with a progress callback.

A file is written under a temporary name in the folder it is going to and renamed when complete: a full disk, a
cancelled export or a crash never leaves a half-written file under the name the person chose.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP
from app.reports.tables import Cell, Table

# progress(rows written, rows in all); it may raise ExportCancelled to stop.
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 250  # rows between two progress calls: often enough for a smooth bar, rare enough to cost nothing
FORMATS = ("xlsx", "csv")
DATE_FORMAT = "dd-mm-yyyy hh:mm"
# Characters that make a spreadsheet read a cell as a formula: a name or a comment typed as "=HYPERLINK(...)" must
# stay text when the file is opened (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The classification in the file's properties, in the law's own words whatever language the sheet is in.
CLASSIFICATION = "DATA PRIBADI (UU 27/2022)"

MSG_DISK_FULL = QT_TRANSLATE_NOOP(
    "Reports", "The disk is full: the file was not saved. Free some space or choose another drive, then export "
    "again.")
MSG_NO_PERMISSION = QT_TRANSLATE_NOOP(
    "Reports", "This folder may not be written to: the file was not saved. Choose another folder (for example "
    "Documents) and export again.")
MSG_NO_FOLDER = QT_TRANSLATE_NOOP(
    "Reports", "The folder {folder} is not there (a USB stick taken out?): the file was not saved. Choose another "
    "folder and export again.")
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "Reports", "The file could not be saved ({reason}). Choose another folder or name and export again.")
MSG_CANCELLED = QT_TRANSLATE_NOOP("Reports", "The export was stopped; no file was saved.")


class ExportError(UserFacingError):
    context = "Reports"


class ExportCancelled(ExportError):
    def __init__(self):
        super().__init__(MSG_CANCELLED)


def write(table: Table, target: Path, fmt: str, progress: Progress | None = None) -> int:
    """Writes ``table`` to ``target``; returns the number of data rows. Raises ExportError, nothing left behind."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    target = Path(target)
    with _replacing(target) as temporary:
        return (_write_xlsx if fmt == "xlsx" else _write_csv)(table, temporary, progress or _quiet)


def _quiet(_done: int, _total: int) -> None:
    pass


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed to it when the block succeeds and removed when it does not."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".part", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise _explained(exc, target) from exc
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as exc:
        raise _explained(exc, target) from exc
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else OSError(str(exc))
        raise _explained(cause, target) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _explained(exc: OSError, target: Path) -> ExportError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportError(MSG_DISK_FULL)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(MSG_NO_PERMISSION)
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return ExportError(MSG_NO_FOLDER, folder=str(target.parent))
    return ExportError(MSG_CANNOT_WRITE, reason=exc.strerror or str(exc))


def _rows(table: Table, progress: Progress) -> Iterator[list[Cell]]:
    done = 0
    progress(0, table.total)
    for row in table.rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done, max(table.total, done))
    progress(done, max(table.total, done))


def _write_xlsx(table: Table, path: Path, progress: Progress) -> int:
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                               "strings_to_formulas": False, "strings_to_urls": False})
    # The mark travels in the file's properties too, which a file manager or a document system shows unopened.
    workbook.set_properties({
        "title": table.title, "subject": table.mark, "category": table.mark, "status": table.mark,
        "keywords": CLASSIFICATION, "comments": table.lines[0] if table.lines else table.mark,
        "author": "Jemput Bola"})
    workbook.set_custom_property("Klasifikasi", CLASSIFICATION)
    sheet = workbook.add_worksheet(table.title[:31].replace("/", "-") or "Data")
    mark = workbook.add_format({"bold": True, "font_color": "#B71C1C", "font_size": 12})
    header = workbook.add_format({"bold": True, "bg_color": "#E3F2FD", "border": 1, "text_wrap": True,
                                  "valign": "top"})
    moment = workbook.add_format({"num_format": DATE_FORMAT})
    bold = workbook.add_format({"bold": True, "top": 1})
    for column, width in enumerate(table.widths):
        sheet.set_column(column, column, width)
    # Printed, every page says what it holds.
    sheet.set_header(f"&L&\"-,Bold\"{_header_text(table.mark)}&R&P / &N")
    for row, line in enumerate(table.lines):
        sheet.write_string(row, 0, line, mark if row == 0 else None)
    top = len(table.lines) + 1
    for column, text in enumerate(table.headers):
        sheet.write_string(top, column, text, header)
    sheet.freeze_panes(top + 1, 0)
    row = top
    for row, cells in enumerate(_rows(table, progress), start=top + 1):
        for column, value in enumerate(cells):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                sheet.write_datetime(row, column, value, moment)
            elif isinstance(value, int):
                sheet.write_number(row, column, value)
            else:
                sheet.write_string(row, column, value)
    written = row - top
    if table.footer is not None:
        row += 1
        for column, value in enumerate(table.footer):
            if isinstance(value, int):
                sheet.write_number(row, column, value, bold)
            else:
                sheet.write_string(row, column, value or "", bold)
    sheet.autofilter(top, 0, top + written, len(table.headers) - 1)
    workbook.close()
    _sync_to_disk(path)
    return written


def _sync_to_disk(path: Path) -> None:
    """On the disk before it takes its final name: a power cut right after must not leave an empty file there."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _header_text(text: str) -> str:
    return text.replace("&", "&&")


def _write_csv(table: Table, path: Path, progress: Progress) -> int:
    written = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        for line in table.lines:
            out.writerow([line])
        out.writerow(table.headers)
        for cells in _rows(table, progress):
            out.writerow([_csv_cell(value) for value in cells])
            written += 1
        if table.footer is not None:
            out.writerow([_csv_cell(value) for value in table.footer])
    _sync_to_disk(path)
    return written


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(FORMULA_START) else value
