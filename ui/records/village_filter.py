"""Regency, kecamatan and desa as three small lists, for narrowing a list to where the officer is going today.
South Sumatra only: that is where the officers work, and a list of 514 regencies would bury the 17 they need."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from app.reference.regions import Regions
from ui.forms.editor_base import narrow

PROVINCE = "16"


class VillageFilter(QWidget):
    changed = Signal(str)  # the chosen region code ("" for everywhere); a prefix of every village under it

    def __init__(self, regions: Regions, parent: QWidget | None = None):
        super().__init__(parent)
        self.regions = regions
        self.regency, self.district, self.village = QComboBox(), QComboBox(), QComboBox()
        for combo, name in ((self.regency, "filterRegency"), (self.district, "filterDistrict"),
                            (self.village, "filterVillage")):
            combo.setObjectName(name)
            narrow(combo)
            combo.setMinimumContentsLength(16)  # "Semua kabupaten/kota" whole, not cut
            combo.setMaxVisibleItems(20)
        self._fill(self.regency, self.tr("All regencies"), self.regions.regencies(PROVINCE))
        self._fill(self.district, self.tr("All kecamatan"), [])
        self._fill(self.village, self.tr("All villages"), [])
        self.regency.activated.connect(lambda _i: self._regency_chosen())
        self.district.activated.connect(lambda _i: self._district_chosen())
        self.village.activated.connect(lambda _i: self.changed.emit(self.code()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.regency, self.district, self.village):
            layout.addWidget(combo, 1)

    @staticmethod
    def _fill(combo: QComboBox, everything: str, regions) -> None:
        combo.clear()
        combo.addItem(everything, "")
        for region in sorted(regions, key=lambda r: r.name):
            combo.addItem(region.name, region.code)
        combo.setEnabled(combo.count() > 1)
        combo.view().setMinimumWidth(min(combo.view().sizeHintForColumn(0) + 24, 420))

    def _regency_chosen(self) -> None:
        code = self.regency.currentData()
        self._fill(self.district, self.tr("All kecamatan"), self.regions.districts(code) if code else [])
        self._fill(self.village, self.tr("All villages"), [])
        self.changed.emit(self.code())

    def _district_chosen(self) -> None:
        code = self.district.currentData()
        self._fill(self.village, self.tr("All villages"), self.regions.villages(code) if code else [])
        self.changed.emit(self.code())

    def code(self) -> str:
        for combo in (self.village, self.district, self.regency):
            if combo.currentData():
                return str(combo.currentData())
        return ""

    def set_code(self, code: str) -> None:
        """Chooses a region as the officer would, level by level (used by tests and by saved filters)."""
        parts = code.split(".")
        for depth, combo, after in ((2, self.regency, self._regency_chosen), (3, self.district, self._district_chosen),
                                    (4, self.village, None)):
            if len(parts) < depth:
                break
            combo.setCurrentIndex(max(0, combo.findData(".".join(parts[:depth]))))
            if after:
                after()
        self.changed.emit(self.code())
