import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from app.i18n import TRANSLATIONS_DIR
from ui.i18n import install_translators


def test_ui_catalogue_is_complete():
    root = ET.parse(TRANSLATIONS_DIR / "ui_id.ts").getroot()
    unfinished = [msg.findtext("source") for msg in root.iter("message")
                  if msg.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_indonesian_is_installed_and_english_needs_only_its_plural_forms(qapp):
    try:
        assert "ui" in install_translators(qapp, "id")
        assert QCoreApplication.translate("MainWindow", "Settings") == "Pengaturan"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 5) == "5 data"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 1) == "1 data"
        assert "ui" in install_translators(qapp, "en")
        assert QCoreApplication.translate("MainWindow", "Settings") == "Settings"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 1) == "1 record"
        assert QCoreApplication.translate("RecordsPage", "%n record(s)", "", 5) == "5 records"
    finally:
        install_translators(qapp, "en")
