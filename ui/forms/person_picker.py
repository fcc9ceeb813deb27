"""Finding a person already on this laptop (a mother recorded for her e-KTP last week, a neighbour who witnessed
another birth) by NIK or name, so that the officer does not type them again and the records stay linked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app import persons
from ui.context import UiContext
from ui.common.operations import query

SEARCH_DELAY_MS = 250  # one query after the officer pauses, not one per digit of a NIK
PERSON_ROLE = Qt.ItemDataRole.UserRole


def person_values(person) -> dict[str, str]:
    """What a form can take over from a person record, as plain values (the session is gone by then)."""
    return {key: str(getattr(person, key) or "") for key in
            ("nik", "name", "sex", "birth_place", "birth_date", "kk_number", "village_code")}


class PersonPicker(QLineEdit):
    picked = Signal(dict)  # person_values of the chosen person

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self.setPlaceholderText(self.tr("Find someone already on this laptop: NIK or name"))
        self.setClearButtonEnabled(True)
        self.results = QStandardItemModel(self)
        self.popup_completer = QCompleter(self.results, self)
        self.popup_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.popup_completer.setMaxVisibleItems(10)
        self.popup_completer.setWidget(self)
        self.popup_completer.activated[QModelIndex].connect(self._chosen)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(lambda _text: self._timer.start())

    def search_now(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        self._generation += 1
        generation = self._generation
        if len(text) < 3:
            self.show_results([])
            return

        def done(result=None, error=None):
            if generation == self._generation and error is None:
                self.show_results(result)

        query(self.ctx, lambda session: [person_values(p) for p in persons.search(session, text, limit=15)], done)

    def show_results(self, found: list[dict]) -> None:
        self.results.clear()
        for person in found:
            born = person["birth_date"]
            shown_date = f"{born[8:10]}-{born[5:7]}-{born[:4]}" if len(born) == 10 else born
            parts = [person["name"] or self.tr("(no name)"), person["nik"] or self.tr("no NIK"), shown_date]
            item = QStandardItem("  ·  ".join(p for p in parts if p))
            item.setData(person, PERSON_ROLE)
            self.results.appendRow(item)
        popup = self.popup_completer.popup()
        if not found:
            popup.hide()
            return
        self.popup_completer.complete(self.rect())
        popup.setCurrentIndex(self.popup_completer.completionModel().index(0, 0))

    def _chosen(self, index: QModelIndex) -> None:
        person = index.data(PERSON_ROLE)
        if person:
            self.clear()
            self.picked.emit(dict(person))

    def choose_row(self, row: int) -> None:
        """Picks the ``row``-th result as a click would (keyboard users press Enter on the highlighted one)."""
        self._chosen(self.results.index(row, 0))
