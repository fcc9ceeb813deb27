"""Photos and scans added the way an officer adds them, and what the panel shows when a file goes missing."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from app import registrations as regs
from app.attachments import AttachmentStore, attachments_of
from ui.media.attachments_panel import AttachmentsPanel

T0 = datetime(2026, 11, 2, 9, 0)


@pytest.fixture
def ctx(make_ui_context):
    return make_ui_context(translators="id")


@pytest.fixture
def record(workspace, officer):
    with workspace.transaction() as s:
        return regs.create_draft(s, actor=officer, kind="ektp", now=T0, data={"name": "RINA MARLINA"}).id


@pytest.fixture
def panel(qtbot, ctx, record):
    widget = AttachmentsPanel(ctx, record)
    qtbot.addWidget(widget)
    widget.resize(900, 320)
    widget.show()
    return widget


def big_photo(tmp_path):
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    path = tmp_path / "IMG_20261102.png"
    assert image.save(str(path))
    return path


def stored(workspace, record):
    with workspace.transaction() as s:
        return attachments_of(s, record)


def test_big_photo_is_stored_downscaled_as_jpeg_by_its_hash(panel, workspace, record, tmp_path):
    panel.add_file(big_photo(tmp_path), "photo")
    [info] = stored(workspace, record)
    store = AttachmentStore.beside(workspace.db_path)
    data = store.read(info.sha256)
    assert hashlib.sha256(data).hexdigest() == info.sha256 and store.path(info.sha256).exists()
    assert info.media_type == "image/jpeg" and data[:3] == b"\xff\xd8\xff"
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (1600, 1200)
    assert panel.list.count() == 1 and panel.message.isHidden()


def test_original_is_kept_only_when_the_setting_says_so(panel, ctx, workspace, record, tmp_path):
    ctx.settings.keep_original_photos = True
    path = big_photo(tmp_path)
    panel.add_file(path, "photo")
    infos = {i.purpose: i for i in stored(workspace, record)}
    assert set(infos) == {"photo", "photo_original"}
    assert infos["photo_original"].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert infos["photo_original"].media_type == "image/png"


def test_text_file_is_refused_with_a_message(panel, workspace, record, tmp_path):
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan foto")
    panel.add_file(notes, "photo")
    assert stored(workspace, record) == []
    assert "catatan.txt" in panel.message.text() and "bukan foto atau PDF" in panel.message.text()


def test_pdf_is_stored_as_it_is(panel, workspace, record, tmp_path):
    scan = tmp_path / "kk.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scanned family card\n%%EOF\n")
    panel.add_file(scan, "kk")
    [info] = stored(workspace, record)
    assert info.media_type == "application/pdf" and info.purpose == "kk"
    assert info.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()


def test_damaged_and_missing_files_show_a_placeholder_and_a_message(panel, workspace, record, tmp_path):
    panel.add_file(big_photo(tmp_path), "photo")
    panel.add_bytes(b"\x89PNG fake signature", "image/png", "signature")
    first, second = stored(workspace, record)
    store = AttachmentStore.beside(workspace.db_path)
    store.path(first.sha256).write_bytes(b"half a photo")  # a bad sector, a copy cut short
    store.path(second.sha256).unlink()
    panel.reload()
    assert panel.list.count() == 2
    assert all(tile.problem for tile in panel.tiles)
    text = panel.message.text()
    assert "rusak" in text and "tidak ada" in text and not panel.message.isHidden()
    item = panel.list.item(0)
    assert item.toolTip() == panel.tiles[0].problem and not item.icon().isNull()


def test_remove_unlinks_the_selected_file(panel, workspace, record, tmp_path):
    panel.add_file(big_photo(tmp_path), "photo")
    panel.list.setCurrentRow(0)
    assert panel.remove_button.isEnabled()
    panel.remove_selected(confirm=False)
    assert stored(workspace, record) == [] and panel.list.count() == 0


def test_without_camera_the_button_says_why(panel):
    assert panel.camera_button.isEnabled() is False
    assert "kamera" in panel.camera_button.toolTip().lower() and "Foto dari berkas" in panel.camera_button.toolTip()


def test_read_only_panel_has_no_buttons_and_new_form_waits_for_an_id(qtbot, ctx, record):
    shown = AttachmentsPanel(ctx, record, read_only=True)
    qtbot.addWidget(shown)
    assert shown.buttons.isHidden()
    fresh = AttachmentsPanel(ctx, None)
    qtbot.addWidget(fresh)
    assert not fresh.photo_button.isEnabled()
    fresh.set_registration(record)
    assert fresh.photo_button.isEnabled()


def real_pdf(path, pages: int = 2):
    from PySide6.QtGui import QPageSize, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        painter.drawText(200, 200, f"KARTU KELUARGA halaman {n + 1}")
    painter.end()
    return path


def test_a_pdf_opens_in_the_app_and_leaves_no_plaintext_copy_anywhere(qtbot, panel, workspace, record, tmp_path):
    import tempfile
    from pathlib import Path

    before = set(Path(tempfile.gettempdir()).iterdir())
    panel.add_file(real_pdf(tmp_path / "kk.pdf"), "kk")
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=5000)
    panel._open_item(panel.list.item(0))
    viewer = panel.pdf_viewer
    qtbot.waitUntil(viewer.isVisible, timeout=5000)
    assert len(viewer.page_labels) == 2 and not viewer.page_labels[0].pixmap().isNull()
    viewer.accept()
    assert set(Path(tempfile.gettempdir()).iterdir()) - before == set()
    stored_file = AttachmentStore.beside(workspace.db_path).path(stored(workspace, record)[0].sha256)
    assert b"%PDF" not in stored_file.read_bytes()  # sealed in the store too
