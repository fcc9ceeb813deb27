"""In Bahasa Indonesia the officer reads no English and no raw keys: the pages, the three forms after a save, a
record's history, the dialogs, and Qt's own file and print dialogs and standard buttons are walked widget by
widget (``tests/ui_text.py``)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from app import registrations
from db.models import RegistrationChange
from ui_text import EnglishDetector, Shown, visible_texts
from window_openers import OPENERS

T0 = datetime(2026, 11, 2, 9, 0)
RINA = {"nik": "1603054506900003", "name": "RINA MARLINA", "sex": "2", "birth_place": "LAHAT",
        "birth_date": "1990-06-05", "marital_status": "1"}


@pytest.fixture(scope="module")
def detector():
    return EnglishDetector("id")


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="id", language="id", autosave_seconds=0.05)


def shown(qtbot, widget, size=(1136, 690)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def assert_indonesian(detector, widget) -> None:
    problems = detector.problems(visible_texts(widget))
    assert not problems, "\n".join(problems)


def test_the_detector_catches_a_formatted_english_string(detector):
    assert detector.problems([Shown("Saved 07:24:07", "label")])
    assert not detector.problems([Shown("Tersimpan 07:24:07", "label")])
    assert detector.problems([Shown("status_note: — → KTP sudah dicetak", "history")])
    assert detector.problems([Shown("Please wait for the sync", "label")])  # never marked for translation
    assert not detector.problems([Shown("RINA MARLINA", "label"), Shown("16.03.07.1001", "label"),
                                  Shown("Jl. Merdeka No. 5", "label")])


@pytest.mark.parametrize("kind,first_field", [("ektp", "name"), ("birth", "child_name"),
                                               ("cataract", "patient_name")])
def test_a_form_after_its_first_save_reads_indonesian(qtbot, ctx, detector, kind, first_field):
    from ui.kinds import make_form_page

    page = shown(qtbot, make_form_page(ctx, kind, None))
    editor = page.editors[first_field]
    editor.setFocus()
    qtbot.keyClicks(editor, "Rina")
    qtbot.waitUntil(lambda: page.record_id() is not None and page.save_state.text() not in ("", "Menyimpan…"),
                    timeout=5000)
    assert_indonesian(detector, page)


def test_history_names_fields_not_keys(qtbot, ctx, workspace, officer, detector):
    from ui.records.detail import RecordDetailPage

    with workspace.transaction() as s:
        reg = registrations.create_draft(s, actor=officer, kind="ektp", now=T0, data=RINA)
        registrations.transition(s, actor=officer, registration_id=reg.id, action="submit", now=T0)
        # What a sync writes when central sets the status, and when two versions were reconciled.
        s.add(RegistrationChange(registration_id=reg.id, version=3, user_id=officer.user_id, at=T0, action="status",
                                 changes={"status_note": [None, "KTP sudah dicetak"], "status": ["submitted", "done"]}))
        s.add(RegistrationChange(registration_id=reg.id, version=4, user_id=officer.user_id, at=T0, action="resolve",
                                 changes={"data.name": ["RINA M", "RINA MARLINA"], "review_comment": [None, "Cek"],
                                          "device.data.birth_place": ["LAHAT", "MUARA ENIM"],
                                          "resolution": [None, "merged"]}))
    page = shown(qtbot, RecordDetailPage(ctx, reg.id))
    page.history.expandAll()
    items = [page.history.topLevelItem(n) for n in range(page.history.topLevelItemCount())]
    lines = [Shown(item.child(n).text(0), "history") for item in items for n in range(item.childCount())]
    assert not detector.problems(lines), lines
    assert any(line.text.startswith("Catatan dari kantor pusat: — → KTP sudah dicetak") for line in lines), lines
    assert_indonesian(detector, page)


@pytest.mark.parametrize("row", range(7))
def test_every_page_of_the_main_window_reads_indonesian(qtbot, ctx, workspace, officer, detector, row):
    from ui.shell.main_window import MainWindow

    with workspace.transaction() as s:
        registrations.create_draft(s, actor=officer, kind="ektp", now=T0, data=RINA)
    window = shown(qtbot, MainWindow(ctx), (1366, 696))
    if row >= window.nav.count():
        pytest.skip("no such page")
    window.nav.setCurrentRow(row)
    qtbot.waitUntil(lambda: window.stack.currentWidget().isVisible())
    assert_indonesian(detector, window)


@pytest.mark.parametrize("name,variant", [(n, v) for n, variants in OPENERS.items() for v in variants])
def test_every_dialog_reads_indonesian(qtbot, ctx, detector, name, variant):
    window = OPENERS[name][variant](ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert_indonesian(detector, window)


def test_qt_file_dialog_reads_indonesian(qtbot, ctx, detector, tmp_path):
    # Qt's own dialog, as on a Linux laptop without a desktop's native one.
    dialog = QFileDialog(None, "Simpan tanda terima sebagai PDF", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    shown(qtbot, dialog, (800, 500))
    assert_indonesian(detector, dialog)


def test_qt_print_dialog_reads_indonesian(qtbot, ctx, detector):
    printer = QPrinter()
    dialog = shown(qtbot, QPrintDialog(printer), (700, 500))
    assert_indonesian(detector, dialog)


def test_standard_buttons_read_indonesian(qtbot, ctx, detector):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Save)
    shown(qtbot, box, (500, 60))
    assert [b.text() for b in box.buttons()] and not detector.problems(visible_texts(box))
    texts = []

    def answer():
        message = QApplication.activeModalWidget()
        texts.extend(b.text() for b in message.buttons())
        message.reject()

    QTimer.singleShot(0, answer)
    QMessageBox.question(None, "Jemput Bola", "Hapus foto ini?")
    assert texts and {"&Ya", "&Tidak"} <= set(texts)
