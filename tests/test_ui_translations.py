from PySide6.QtCore import QCoreApplication

from ui.i18n import install_translators


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
