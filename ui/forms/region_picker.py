"""Province -> regency/city -> kecamatan -> desa/kelurahan, each an editable combo with type-to-search.

The arrow of each combo lists the regions under the level above, for browsing. Typing searches
``Regions.search`` within the nearest level already chosen, so with only the regency chosen "tanj" finds
Tanjung Enim among the regency's villages; picking it fills the kecamatan above it. Changing a higher level
clears the levels under it, since they cannot lie in the new one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QGridLayout, QWidget

from app.reference.regions import Region, Regions
from app.validation.choices import is_code
from ui.forms.editor_base import narrow
from ui.forms.widgets import FieldBox

LEVELS = (("province_code", "province"), ("regency_code", "regency"), ("district_code", "district"),
          ("village_code", "village"))
KEYS = tuple(key for key, _level in LEVELS)
DEFAULT_PROVINCE = "16"  # Sumatera Selatan: where the officers work
SEARCH_LIMIT = 40
CODE_ROLE = Qt.ItemDataRole.UserRole


def ancestors(code: str) -> dict[str, str]:
    """The codes of every level a dotted code implies: "16.03.07.1001" -> its province, regency, kecamatan."""
    parts = code.split(".")
    return {key: ".".join(parts[: i + 1]) for i, key in enumerate(KEYS) if i < len(parts)}


class RegionCombo(QComboBox):
    """One level: an editable combo whose typed text drives a search popup rather than the combo's own list."""

    picked = Signal(str)  # the code the officer chose (or "" when the officer emptied the box)
    typed = Signal(str)  # words left in the box that name no region: kept, for the check to report
    left = Signal()

    def __init__(self, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"field_{key}")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        narrow(self)
        # The combo's own completer only knows the listed items and completes inline; ours searches instead.
        self.setCompleter(None)
        self.results = QStandardItemModel(self)
        self.search_popup = QCompleter(self.results, self)
        self.search_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.search_popup.setMaxVisibleItems(12)
        self.search_popup.setWidget(self.lineEdit())
        self.search_popup.activated[QModelIndex].connect(self._result_chosen)
        self.activated.connect(lambda index: self.picked.emit(str(self.itemData(index) or "")))
        self.lineEdit().editingFinished.connect(self._settle)
        self.lineEdit().installEventFilter(self)

    def show_results(self, results: list[tuple[str, str]]) -> None:
        """Shows (code, text) pairs under the box, the best first and already highlighted so Enter takes it."""
        self.results.clear()
        for code, text in results:
            item = QStandardItem(text)
            item.setData(code, CODE_ROLE)
            self.results.appendRow(item)
        if not results:
            self.search_popup.popup().hide()
            return
        rect = self.lineEdit().rect()
        rect.setWidth(max(self.width(), 360))
        self.search_popup.complete(rect)
        self.search_popup.popup().setCurrentIndex(self.search_popup.completionModel().index(0, 0))

    def _result_chosen(self, index: QModelIndex) -> None:
        self.picked.emit(str(index.data(CODE_ROLE) or ""))

    def _settle(self) -> None:
        """Leaving the box with typed text: take an exact match, else keep the words (never silently put the
        region chosen before back over them: the officer would not see that the words were not taken)."""
        if self.search_popup.popup().isVisible():
            return
        text = self.currentText().strip()
        if not text:
            if self.currentData():
                self.picked.emit("")
            return
        current = self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else ""
        if text == current:
            return
        for row in range(self.results.rowCount()):
            item = self.results.item(row)
            if item.text().split(" — ")[0].casefold() == text.casefold():
                self.picked.emit(str(item.data(CODE_ROLE)))
                return
        self.typed.emit(text)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == event.Type.FocusOut and watched is self.lineEdit():
            self.left.emit()
        elif event.type() == event.Type.FocusIn and watched is self.lineEdit():
            # Typing then replaces the region shown instead of appending to its name.
            QTimer.singleShot(0, self.lineEdit().selectAll)
        return super().eventFilter(watched, event)

    def code(self) -> str:
        return str(self.currentData() or "") if self.currentIndex() >= 0 else ""


class RegionPicker(QWidget):
    changed = Signal()  # the officer changed a region (not emitted by set_values)
    left = Signal()

    def __init__(self, regions: Regions, labels: dict[str, str], required: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.regions = regions
        self._codes = {key: "" for key in KEYS}
        self._listed: dict[str, tuple] = {}  # key -> what its item list was built from, to skip needless rebuilds
        self._names: dict[str, str] = {}
        self.combos: dict[str, RegionCombo] = {}
        self.boxes: dict[str, FieldBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        for i, key in enumerate(KEYS):
            combo = RegionCombo(key, self)
            combo.lineEdit().textEdited.connect(lambda text, k=key: self._search(k, text))
            combo.picked.connect(lambda code, k=key: self._picked(k, code))
            combo.typed.connect(lambda text, k=key: self._typed(k, text))
            combo.left.connect(self.left)
            self.combos[key] = combo
            self.boxes[key] = FieldBox(key, labels.get(key, key), combo, key in required, self)
            grid.addWidget(self.boxes[key], i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.set_values({"province_code": DEFAULT_PROVINCE})

    # --- values -------------------------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return dict(self._codes)

    def set_values(self, values: dict[str, str]) -> None:
        self._codes = {key: str(values.get(key) or "") for key in KEYS}
        self._refresh()

    # --- what the officer does ----------------------------------------------------------------------------

    def _picked(self, key: str, code: str) -> None:
        level = KEYS.index(key)
        new = dict(self._codes)
        if code:
            new.update(ancestors(code))
        else:
            new[key] = ""
        for lower in KEYS[level + 1:]:
            if not code or not new[lower].startswith(code + "."):
                new[lower] = ""  # cannot lie in the region just chosen
        changed = new != self._codes
        self._codes = new
        self._refresh()
        if changed:
            self.changed.emit()
        nxt = level + 1
        if code and nxt < len(KEYS) and not new[KEYS[nxt]]:
            self.combos[KEYS[nxt]].setFocus()  # straight on to the next level, as the officer works top-down

    def _typed(self, key: str, text: str) -> None:
        if self._codes[key] != text:
            self._codes[key] = text
            self._refresh()
            self.changed.emit()

    def _code(self, key: str) -> str:
        """The region chosen at ``key``; "" while the box holds words that name no region."""
        code = self._codes[key]
        return code if is_code(code) else ""

    def _scope(self, key: str) -> str | None:
        """The nearest chosen level above ``key``: where its regions are listed and searched."""
        for above in reversed(KEYS[: KEYS.index(key)]):
            if self._code(above):
                return self._code(above)
        return None

    def _search(self, key: str, text: str) -> None:
        level = dict(LEVELS)[key]
        scope = self._scope(key)
        found = self.regions.search(text, level=level, within=scope, limit=SEARCH_LIMIT) if text.strip() else []
        self.combos[key].show_results([(r.code, self._display(r, key, scope)) for r in found])

    # --- showing -------------------------------------------------------------------------------------------

    def _display(self, region: Region, key: str, scope: str | None) -> str:
        """The name, plus the region above when that level is not chosen yet (many villages are "Tanjung Agung")."""
        if region.parent_code and region.parent_code != scope and KEYS.index(key) > 0:
            return f"{region.name} — {self._name(region.parent_code)}"
        return region.name

    def _name(self, code: str) -> str:
        if code not in self._names:
            region = self.regions.get(code)
            self._names[code] = region.name if region else code
        return self._names[code]

    def _listing(self, key: str) -> list[Region]:
        parent = self._scope(key)
        if key == "province_code":
            return self.regions.provinces()
        if key == "regency_code":
            return self.regions.regencies(self._code("province_code")) if self._code("province_code") else []
        if key == "district_code":
            return self.regions.districts(self._code("regency_code")) if self._code("regency_code") else []
        if self._code("district_code"):
            return self.regions.villages(self._code("district_code"))
        if parent and parent == self._code("regency_code"):
            return [v for d in self.regions.districts(parent) for v in self.regions.villages(d.code)]
        return []

    def _refresh(self) -> None:
        for key in KEYS:
            combo = self.combos[key]
            scope = self._scope(key)
            combo.blockSignals(True)
            if self._listed.get(key) != (scope,):
                combo.clear()
                for region in sorted(self._listing(key), key=lambda r: r.name):
                    combo.addItem(self._display(region, key, scope), region.code)
                self._listed[key] = (scope,)
                combo.view().setMinimumWidth(min(combo.view().sizeHintForColumn(0) + 24, 520))
            code = self._codes[key]
            index = combo.findData(code) if code else -1
            if code and index < 0:
                # A code the list does not hold (older master data), or typed words: shown as they are, never
                # dropped; the check says what is wrong with them.
                combo.addItem(self._name(code), code)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.setEditText(combo.itemText(index) if index >= 0 else "")
            combo.blockSignals(False)
