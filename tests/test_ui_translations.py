import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from app.i18n import TRANSLATIONS_DIR
from ui.i18n import install_translators


def test_every_room_of_the_ui_has_a_finished_catalogue():
    rooms = sorted(p.parent.name for p in (TRANSLATIONS_DIR.parents[1] / "ui").glob("*/__init__.py"))
    for room in rooms:
        root = ET.parse(TRANSLATIONS_DIR / f"{room}_id.ts").getroot()
        unfinished = [msg.findtext("source") for msg in root.iter("message")
                      if msg.find("translation").get("type") == "unfinished"]
        assert unfinished == [], room


def test_indonesian_is_installed_and_english_needs_only_its_plural_forms(qapp):
    try:
        assert {"shell", "records"} <= set(install_translators(qapp, "id"))
        assert QCoreApplication.translate("MainWindow", "Settings") == "Pengaturan"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 5) == "5 data"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 1) == "1 data"
        assert {"shell", "records"} <= set(install_translators(qapp, "en"))
        assert QCoreApplication.translate("MainWindow", "Settings") == "Settings"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 1) == "1 record"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 5) == "5 records"
    finally:
        install_translators(qapp, "en")
