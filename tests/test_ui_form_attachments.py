"""Photos, scans and signatures added through each service's form in the main window, as an officer adds them, and
their thumbnails on the record page. Only the OS file dialog is replaced (tests/ui_helpers.py); the camera is
absent offscreen, as on many field laptops."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog
from ui_helpers import add_file_through_form, draw_signature_through_form, make_png, thumbnails_on

from app import registrations as regs
from app.kinds import REGISTERED
from app.attachments import AttachmentStore, attachments_of
from ui.common.screen_fit import LAPTOP_SCREEN, USABLE_HEIGHT
from ui.media import attachments_panel
from ui.shell import style
from ui.kinds.birth import BirthFormPage
from ui.kinds.cataract import CataractFormPage
from ui.kinds.ektp import EktpFormPage
from ui.i18n import install_translators
from ui.shell.main_window import MainWindow
from ui.records.detail import RecordDetailPage
from ui.media.signature_pad import SignatureDialog

T0 = datetime(2026, 11, 2, 9, 0)
SKY = "#3a7bd5"

SCREEN_FIT = QSize(LAPTOP_SCREEN.width(), USABLE_HEIGHT)  # 1366x768 less a taskbar


@pytest.fixture
def ctx(make_ui_context):
    # The threaded runner the app uses: the helpers must wait for the worker, as a journey test will.
    return make_ui_context(threaded=True, language="en", autosave_seconds=0.05)


@pytest.fixture
def window(qtbot, ctx):
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(SCREEN_FIT)
    main.show()
    return main


def stored(ctx, registration_id):
    with ctx.workspace.transaction() as s:
        return attachments_of(s, registration_id)


def new_form(qtbot, window, kind, page_class):
    qtbot.mouseClick(window.home.services.buttons[kind], Qt.MouseButton.LeftButton)
    form = window.current_page()
    assert isinstance(form, page_class) and form.record_id() is None
    return form


def dark_pixels(image: QImage) -> int:
    return sum(image.pixelColor(x, y).lightness() < 100
               for y in range(0, image.height(), 4) for x in range(0, image.width(), 4))


def close_to(colour: QColor, wanted: str) -> bool:
    target = QColor(wanted)
    return all(abs(a - b) < 24 for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3]))


def test_ektp_photo_and_signature_through_the_form_show_on_the_record_page(qtbot, window, ctx, tmp_path):
    form = new_form(qtbot, window, "ektp", EktpFormPage)
    assert "✖" in form.attachments.needed.text()  # the citizen's photo is still to do
    form.editors["name"].setFocus()
    qtbot.keyClicks(form.editors["name"], "Rina Marlina")

    add_file_through_form(qtbot, form, make_png(tmp_path / "IMG_0001.png", SKY))
    rid = form.record_id()
    assert rid is not None  # the draft was saved for the photo to belong to
    [photo] = stored(ctx, rid)
    assert photo.purpose == "photo" and photo.media_type == "image/jpeg"
    assert form.attachments.missing() == [] and "✔" in form.attachments.needed.text()
    assert form.attachments_button.text() == "Photos and documents: 1 of 1"

    draw_signature_through_form(qtbot, form)
    signature = stored(ctx, rid)[-1]
    assert signature.purpose == "signature" and signature.media_type == "image/png"
    ink = QImage.fromData(AttachmentStore.beside(ctx.workspace.db_path).read(signature.sha256))
    assert dark_pixels(ink) > 20  # the strokes drawn with the mouse are in the stored picture

    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.home)
    with ctx.workspace.transaction() as s:
        assert regs.get(s, rid).data["name"] == "Rina Marlina"
        regs.transition(s, actor=ctx.actor, registration_id=rid, action="submit", now=T0)
    window.open_registration(rid, "ektp", "submitted")
    page = window.current_page()
    assert isinstance(page, RecordDetailPage)
    qtbot.waitUntil(lambda: len(thumbnails_on(page)) == 2)
    listed = page.media.panel.list
    assert listed.isVisible() and [listed.item(i).text() for i in range(2)] == ["Photo of the citizen", "Signature"]
    thumb = thumbnails_on(page)[0].thumb
    assert thumb is not None and close_to(thumb.pixelColor(thumb.width() // 2, thumb.height() // 2), SKY)
    first = listed.visualItemRect(listed.item(1))
    assert listed.viewport().rect().contains(first)  # both tiles are in view, not scrolled away or cut
    assert page.attachments_missing.isHidden()  # nothing the e-KTP asks for is missing


def test_birth_documents_follow_the_checklist_and_take_a_thumbprint(qtbot, window, ctx, tmp_path):
    form = new_form(qtbot, window, "birth", BirthFormPage)
    assert not form.attachments.panel.photo_button.isVisible()  # a birth needs scans, not a portrait
    wanted = [need.key for need in form.attachments.missing()]
    assert wanted == ["doc_sptjm_birth", "doc_kk", "sptjm_signature"]  # no birth letter ticked yet

    add_file_through_form(qtbot, form, make_png(tmp_path / "sptjm.png", "#ffffff"), purpose="sptjm_birth")
    add_file_through_form(qtbot, form, make_png(tmp_path / "kk.png", "#f8f9fa"), purpose="kk")
    draw_signature_through_form(qtbot, form, thumbprint=True)
    assert form.attachments.missing() == []
    assert sorted(i.purpose for i in stored(ctx, form.record_id())) == ["kk", "sptjm_birth", "thumbprint"]

    qtbot.mouseClick(form.editors["doc_birth_letter"], Qt.MouseButton.LeftButton)  # a letter turned up after all
    qtbot.waitUntil(lambda: [n.key for n in form.attachments.missing()] == ["doc_birth_letter"])
    assert "✖ Birth letter" in form.attachments.needed.text()


def test_cataract_eye_photo_on_an_empty_new_form_saves_the_draft_first(qtbot, window, ctx, tmp_path):
    form = new_form(qtbot, window, "cataract", CataractFormPage)
    add_file_through_form(qtbot, form, make_png(tmp_path / "mata.png", "#8d6e63"))
    [photo] = stored(ctx, form.record_id())
    assert photo.purpose == "eye_photo"
    assert form.attachments.panel.list.item(0).text() == "Photo of the patient's eyes"
    with ctx.workspace.transaction() as s:
        assert regs.get(s, form.record_id()).kind == "cataract"


@pytest.fixture
def laptop_look(qapp):
    """The app's own font, style sheet and language (Indonesian words are longer), as the officer sees it."""
    font, sheet, style_name = qapp.font(), qapp.styleSheet(), qapp.style().name()
    style.apply(qapp)
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style_name)


@pytest.mark.parametrize("kind", REGISTERED)
def test_the_buttons_of_the_section_fit_a_1366_laptop(qtbot, laptop_look, window, kind):
    window.new_registration(kind)
    form = window.current_page()
    qtbot.mouseClick(form.attachments_button, Qt.MouseButton.LeftButton)
    panel, viewport = form.attachments.panel, form.scroll.viewport()
    QApplication.processEvents()
    # The page never shifts sideways (there is no sideways scroll bar to bring it back)...
    assert form.scroll.horizontalScrollBar().value() == 0
    assert form.scroll.widget().minimumSizeHint().width() <= viewport.width()
    for button in (panel.photo_button, panel.document_button, panel.signature_button, panel.thumbprint_button,
                   panel.remove_button):
        if button.isVisibleTo(panel):  # ...and every button is whole in it, left and right
            corners = (button.mapTo(viewport, button.rect().topLeft()),
                       button.mapTo(viewport, button.rect().bottomRight()))
            assert all(viewport.rect().contains(corner) for corner in corners), button.text()
    assert form.attachments_button.visibleRegion().boundingRect().size() == form.attachments_button.size()
    # The whole form, header with the service switch included, fits beside the navigation.
    assert form.minimumSizeHint().width() <= form.width() <= SCREEN_FIT.width() - window.nav.width()


def test_the_signature_pads_fit_the_screen_with_their_buttons(qtbot, laptop_look):
    # The photo viewer and every other window are checked on a 1366x768 screen by tests/test_ui_screen_fit.py.
    for dialog, buttons in ((SignatureDialog(), ("save_button", "clear_button")),
                            (SignatureDialog(thumbprint=True), ("save_button", "import_button"))):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        size = dialog.frameGeometry().size()
        assert size.boundedTo(SCREEN_FIT) == size, (type(dialog).__name__, size)
        for name in buttons:
            button = getattr(dialog, name)
            corner = button.mapTo(dialog, button.rect().bottomRight())
            assert dialog.rect().contains(corner), name


def test_the_record_page_says_which_files_are_still_missing(qtbot, window, ctx, tmp_path):
    form = new_form(qtbot, window, "birth", BirthFormPage)
    add_file_through_form(qtbot, form, make_png(tmp_path / "kk.png", "#f8f9fa"), purpose="kk")
    rid = form.record_id()
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.home)
    with ctx.workspace.transaction() as s:
        regs.transition(s, actor=ctx.actor, registration_id=rid, action="submit", now=T0)
    window.open_registration(rid, "birth", "submitted")
    page = window.current_page()
    qtbot.waitUntil(lambda: len(thumbnails_on(page)) == 1 and page.attachments_missing.isVisible())
    assert page.attachments_missing.text() == ("✖ Still missing: SPTJM on the birth data (F-2.03), "
                                               "Signature or thumbprint of the reporter on the SPTJM")


class FakeCamera(QDialog):
    """Stands in for the laptop's camera, which offscreen has none: "takes" one frame as soon as it opens."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image = QImage(1280, 720, QImage.Format.Format_RGB32)
        self.image.fill(QColor("#8d6e63"))

    def open(self) -> None:
        super().open()
        QTimer.singleShot(0, self.accept)


def test_a_camera_photo_on_the_cataract_form_is_the_eye_photo(qtbot, window, ctx, monkeypatch):
    monkeypatch.setattr(attachments_panel, "CameraDialog", FakeCamera)
    form = new_form(qtbot, window, "cataract", CataractFormPage)
    panel = form.attachments.panel
    panel.camera_available = True  # as on a laptop with a working camera
    panel._update_buttons()
    qtbot.mouseClick(panel.camera_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.tiles) == 1)
    [photo] = stored(ctx, form.record_id())
    assert photo.purpose == "eye_photo" and photo.media_type == "image/jpeg"
    assert form.attachments.missing() == []
