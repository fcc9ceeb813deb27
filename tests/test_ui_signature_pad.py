"""The signature pad driven by a mouse as QTest drives it: press, move, release; then what the export shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from ui.media.signature_pad import SignatureDialog, SignaturePad


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 240)
    widget.show()
    return widget


def stroke(pad, points: list[tuple[int, int]]) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def exported(pad, **kw) -> QImage:
    image = QImage.fromData(pad.to_png(scale=1.0, **kw), "PNG")
    assert not image.isNull()
    return image


def is_dark(image: QImage, x: int, y: int) -> bool:
    colour = image.pixelColor(x, y)
    return colour.alpha() > 128 and colour.lightness() < 100


def dark_count(image: QImage) -> int:
    return sum(is_dark(image, x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4))


def test_strokes_show_in_the_png_where_drawn(pad):
    stroke(pad, [(50, 60), (150, 60), (250, 60)])
    stroke(pad, [(100, 150), (100, 200)])
    image = exported(pad)
    assert image.size() == pad.size()
    assert is_dark(image, 200, 60) and is_dark(image, 100, 175)
    assert not is_dark(image, 400, 60) and not is_dark(image, 500, 200)
    # White background by default, transparent when asked for.
    assert image.pixelColor(500, 20).name() == "#ffffff"
    clear = exported(pad, transparent=True)
    assert clear.pixelColor(500, 20).alpha() == 0 and is_dark(clear, 200, 60)


def test_undo_removes_the_last_stroke_and_clear_empties(pad):
    stroke(pad, [(50, 60), (250, 60)])
    stroke(pad, [(100, 150), (100, 200)])
    pad.undo()
    image = exported(pad)
    assert is_dark(image, 150, 60) and not is_dark(image, 100, 175)
    pad.clear()
    assert pad.is_empty() and dark_count(exported(pad)) == 0


def test_dialog_saves_only_a_drawn_signature(qtbot):
    dialog = SignatureDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    dialog.pad.resize(600, 240)
    stroke(dialog.pad, [(50, 60), (250, 90)])
    assert dialog.save_button.isEnabled() and dialog.undo_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SignatureDialog.DialogCode.Accepted
    assert dialog.png.startswith(b"\x89PNG") and dark_count(QImage.fromData(dialog.png)) > 10


def test_thumbprint_accepts_an_image_and_refuses_text(qtbot, tmp_path):
    dialog = SignatureDialog(thumbprint=True)
    qtbot.addWidget(dialog)
    text = tmp_path / "notes.txt"
    text.write_text("not a thumb")
    assert not dialog.import_image(text)
    assert "notes.txt" in dialog.message.text() and not dialog.message.isHidden()
    photo = tmp_path / "thumb.png"
    picture = QImage(2400, 1800, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkGray)
    picture.save(str(photo))
    assert dialog.import_image(photo)
    stored = QImage.fromData(dialog.png)
    assert max(stored.width(), stored.height()) == 1000 and dialog.media_type == "image/jpeg"
