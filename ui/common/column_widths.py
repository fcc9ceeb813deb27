"""Table columns as wide as their longest text in the font on screen, instead of pixel counts that fit one font
in one language and cut "Skrining …" in another."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QTableView

SLACK = 6  # px: the cell's grid line and a little air, so the longest text is not flush with the next column


def text_width(table: QTableView, text: str) -> int:
    """What a cell needs to show ``text`` whole: the text plus the item view's margins on both sides."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return table.fontMetrics().horizontalAdvance(text) + 2 * margin + SLACK


def fit_columns(table: QTableView, texts: dict[int, list[str]]) -> None:
    """Sizes each column to its widest text and at least to its header."""
    header = table.horizontalHeader()
    for column, values in texts.items():
        widest = max((text_width(table, text) for text in values), default=0)
        table.setColumnWidth(column, max(widest, header.sectionSizeHint(column)))


def share_room(table: QTableView, *, stretch_column: int, wanted: dict[int, int], keep: int) -> None:
    """Columns of free text (a village, an officer's name) get their ``wanted`` width while the stretching
    column keeps at least ``keep`` px; on a narrow screen they give way in proportion (their text is elided,
    whole in the tooltip) rather than squeezing the name the officer reads first."""
    shown = {column: width for column, width in wanted.items() if not table.isColumnHidden(column)}
    if not shown:
        return
    others = sum(table.columnWidth(c) for c in range(table.model().columnCount())
                 if c not in shown and c != stretch_column and not table.isColumnHidden(c))
    room = table.viewport().width() - others - keep
    scale = min(1.0, max(0.0, room / sum(shown.values())))
    header = table.horizontalHeader()
    for column, width in shown.items():
        table.setColumnWidth(column, max(header.sectionSizeHint(column), int(width * scale)))
