"""What every field editor builds on: a line edit and a list of coded options with the editors' common surface.

Every editor has the same small surface so the form can treat them alike: ``value()`` (the string stored in the
record), ``set_value()`` (never reported as an edit) and an ``edited`` signal fired only by the officer's own
typing or picking, so that filling the form from a saved record does not look like new work to save.

A module of its own so that both families of editors, ``ui.forms.widgets`` (the e-KTP kinds) and
``ui.forms.editors`` (the kinds the birth and cataract forms add), build on it without importing each other.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget


class LineEditor(QLineEdit):
    """A line edit whose text is the stored value."""

    edited = Signal()
    left = Signal()  # focus went elsewhere: a natural moment to save

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, _text: str) -> None:
        self.edited.emit()

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: str) -> None:
        self.setText(value or "")

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.left.emit()


class CodeCombo(QComboBox):
    """A list of coded options (value lists, regions): shows names, stores the code, can be typed into to search."""

    edited = Signal()
    left = Signal()
    _unlisted = ""  # words typed into the box that match no option: the value until the officer picks one

    def finish_setup(self, searchable: bool) -> None:
        """Call once the items are in."""
        self.setMaxVisibleItems(15)
        narrow(self)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.lineEdit().editingFinished.connect(self._settle_text)
        self.activated.connect(self._picked)
        self.installEventFilter(self)

    def _picked(self, _index: int) -> None:
        self._unlisted = ""
        self.edited.emit()

    def _settle_text(self) -> None:
        """Typed text that names an option picks it. Other text stays as typed and is the value, so that the check
        says it is not an option: silently putting back the old choice would drop what the officer wrote, and
        keeping the old code under the new words would store something the officer no longer sees."""
        typed = self.currentText().strip()
        index = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        before = self.value()
        if index >= 0:
            self._unlisted = ""
            if index != self.currentIndex():
                self.setCurrentIndex(index)
            self.setEditText(self.itemText(index))
        else:
            self._unlisted = typed
        if self.value() != before:
            self.edited.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self.left.emit()
        return super().eventFilter(watched, event)

    def value(self) -> str:
        return self._unlisted or str(self.currentData() or "")

    def set_value(self, value) -> None:
        value = str(value or "")
        self._unlisted = ""
        index = self.findData(value)
        if index < 0 and value:
            # A code this version does not know (newer master data): kept and shown as it is, never dropped.
            self.addItem(value, value)
            index = self.count() - 1
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)


def narrow(combo: QComboBox) -> None:
    """Lets a combo be as narrow as its grid cell: its longest item must not widen the whole form. The open list
    is as wide as the items need, so nothing is cut off where the officer chooses."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
