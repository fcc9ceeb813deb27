"""The region picker as an officer uses it: a few letters, pick from the list, the levels above fill in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.reference.regions import shipped_regions
from ui.forms.region_picker import RegionPicker

MUARA_ENIM, LAWANG_KIDUL, TANJUNG_ENIM = "16.03", "16.03.07", "16.03.07.1001"


@pytest.fixture
def picker(qtbot):
    widget = RegionPicker(shipped_regions(), {}, set())
    qtbot.addWidget(widget)
    widget.resize(800, 200)
    widget.show()
    return widget


def type_and_pick(qtbot, picker, key: str, text: str, wanted: str) -> list[str]:
    """Types into a level's box, then clicks the wanted name in the list that drops down; returns the list."""
    combo = picker.combos[key]
    combo.lineEdit().setFocus()
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(combo.lineEdit(), text)
    popup = combo.search_popup.popup()
    assert popup.isVisible()
    model = popup.model()
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    row = next(n for n, name in enumerate(shown) if name.split(" — ")[0] == wanted)
    index = model.index(row, 0)
    popup.scrollTo(index)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center())
    return shown


def test_default_province_is_south_sumatra(picker):
    assert picker.values()["province_code"] == "16"
    assert picker.combos["province_code"].currentText() == "Sumatera Selatan"


def test_two_keystrokes_find_the_regency_and_the_village(qtbot, picker):
    shown = type_and_pick(qtbot, picker, "regency_code", "mu", "Kabupaten Muara Enim")
    assert shown.index("Kabupaten Muara Enim") < 3
    shown = type_and_pick(qtbot, picker, "district_code", "la", "Lawang Kidul")
    assert shown[0] == "Lawang Kidul"
    shown = type_and_pick(qtbot, picker, "village_code", "ta", "Tanjung Enim")
    assert shown[0] == "Tanjung Enim"
    assert picker.values() == {"province_code": "16", "regency_code": MUARA_ENIM, "district_code": LAWANG_KIDUL,
                               "village_code": TANJUNG_ENIM}


def test_village_picked_within_the_regency_fills_the_kecamatan(qtbot, picker):
    picker.set_values({"province_code": "16", "regency_code": MUARA_ENIM})
    with qtbot.waitSignal(picker.changed):
        shown = type_and_pick(qtbot, picker, "village_code", "tanj", "Tanjung Enim")
    # The popup is 12 rows tall: the village is there without scrolling, and it says its kecamatan.
    assert [s.split(" — ")[0] for s in shown].index("Tanjung Enim") < 12
    assert "Tanjung Enim — Lawang Kidul" in shown
    assert picker.values()["district_code"] == LAWANG_KIDUL
    assert picker.values()["village_code"] == TANJUNG_ENIM
    assert picker.combos["district_code"].currentText() == "Lawang Kidul"
    assert picker.combos["village_code"].currentText() == "Tanjung Enim"


def test_enter_takes_the_best_match(qtbot, picker):
    picker.set_values({"province_code": "16", "regency_code": MUARA_ENIM})
    combo = picker.combos["village_code"]
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "tanjung enim")
    qtbot.keyClick(combo.search_popup.popup(), Qt.Key.Key_Return)
    assert picker.values()["village_code"] == TANJUNG_ENIM


def test_changing_a_higher_level_clears_the_lower_ones(qtbot, picker):
    picker.set_values({"province_code": "16", "regency_code": MUARA_ENIM, "district_code": LAWANG_KIDUL,
                       "village_code": TANJUNG_ENIM})
    type_and_pick(qtbot, picker, "regency_code", "lahat", "Kabupaten Lahat")
    values = picker.values()
    assert values["regency_code"] == "16.04"
    assert values["district_code"] == "" and values["village_code"] == ""
    assert picker.combos["village_code"].currentText() == ""
    # The kecamatan list now holds Lahat's kecamatan, not Muara Enim's.
    districts = [picker.combos["district_code"].itemData(i) for i in range(picker.combos["district_code"].count())]
    assert districts and all(code.startswith("16.04.") for code in districts)


def test_leaving_text_that_names_no_region_keeps_it_for_the_check(qtbot, picker):
    # Putting the chosen region back over the words hid that they were not taken (issue 7, finding 10): the
    # words stay, are the value, and the form's check reports them as not in the list.
    picker.set_values({"province_code": "16", "regency_code": MUARA_ENIM})
    combo = picker.combos["regency_code"]
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "zzz")
    with qtbot.waitSignal(picker.changed):
        combo.lineEdit().editingFinished.emit()
    assert combo.currentText() == picker.values()["regency_code"] != MUARA_ENIM
    assert combo.currentText().endswith("zzz")
