"""Adding photos, scans and signatures through a registration form as an officer does it, for any UI test.

    from ui_helpers import add_file_through_form, draw_signature_through_form, make_png

    form = window.current_page()                                    # an e-KTP, birth or cataract form
    add_file_through_form(qtbot, form, make_png(tmp_path / "foto.png"))         # "Photo from file…"
    add_file_through_form(qtbot, form, make_png(tmp_path / "kk.png"), purpose="kk")  # "Scanned document" menu
    draw_signature_through_form(qtbot, form)                        # "Signature": strokes on the pad, "Save"
    draw_signature_through_form(qtbot, form, thumbprint=True)       # "Thumbprint"

Each call clicks the form's own buttons (first the "Photos and documents" jump beside "Save & close"), replaces
only the OS file dialog (``ui.media.attachments_panel.choose_file``, which cannot open offscreen), draws with real mouse
events, and returns once the form's panel shows the new file: it waits for events, never sleeps, so it works with
the threaded task runner as well as the synchronous one. A form with no id yet saves its draft first, as the app
does.
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from ui.media import attachments_panel

# A first name in loops and an underline, in pad coordinates (the pad is at least 480x200).
SIGNATURE = [[(40 + 12 * i, 90 + (30 if i % 2 else -30)) for i in range(25)], [(40, 150), (400, 140)]]
TIMEOUT_MS = 10_000


def make_png(path: Path, colour: str = "#3a7bd5", size: tuple[int, int] = (640, 480)) -> Path:
    """A small real picture file, as a phone or scanner would leave it on the laptop."""
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path)), path
    return path


def _panel(form):
    return form.attachments.panel


def _open_section(qtbot, form) -> None:
    qtbot.mouseClick(form.attachments_button, Qt.MouseButton.LeftButton)


def _wait_for_new_tile(qtbot, panel, before: int, said: str) -> None:
    """Until the panel shows one more file, or a new message saying why it did not take it."""
    qtbot.waitUntil(lambda: len(panel.tiles) > before or panel.message.text() not in ("", said), timeout=TIMEOUT_MS)
    assert len(panel.tiles) > before, f"not added: {panel.message.text()}"


def add_file_through_form(qtbot, form, path: Path, *, purpose: str | None = None) -> None:
    """Adds ``path`` as the form's photo (``purpose=None``: the citizen's or the eyes' photo, by service) or as the
    scanned document ``purpose`` ("kk", "birth_letter", "sptjm_birth"...: the entries of the form's menu)."""
    panel = _panel(form)
    _open_section(qtbot, form)
    before, said = len(panel.tiles), panel.message.text()
    with mock.patch.object(attachments_panel, "choose_file", lambda *_args: str(path)):
        if purpose is None:
            assert panel.photo_button.isVisible() and panel.photo_button.isEnabled()
            qtbot.mouseClick(panel.photo_button, Qt.MouseButton.LeftButton)
        else:
            assert panel.document_button.isVisible() and panel.document_button.isEnabled()
            # The entry the officer clicks in the button's menu (a popup menu runs its own loop offscreen).
            panel.document_actions[purpose].trigger()
    _wait_for_new_tile(qtbot, panel, before, said)


def draw_strokes(pad, strokes: list[list[tuple[int, int]]]) -> None:
    for stroke in strokes:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*stroke[0]))
        for x, y in stroke[1:]:
            QTest.mouseMove(pad, QPoint(x, y))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*stroke[-1]))


def draw_signature_through_form(qtbot, form, *, thumbprint: bool = False,
                                strokes: list[list[tuple[int, int]]] = SIGNATURE) -> None:
    """Clicks "Signature" (or "Thumbprint"), draws ``strokes`` on the pad with the mouse and clicks "Save"."""
    panel = _panel(form)
    _open_section(qtbot, form)
    before, said = len(panel.tiles), panel.message.text()
    button = panel.thumbprint_button if thumbprint else panel.signature_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(), timeout=TIMEOUT_MS)
    dialog = panel.dialog
    draw_strokes(dialog.pad, strokes)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_for_new_tile(qtbot, panel, before, said)


def thumbnails_on(page) -> list:
    """The thumbnails a record page (``ui.records.detail.RecordDetailPage``) shows: its panel's tiles."""
    return list(page.media.panel.tiles)
