"""A pad to sign on with a mouse, a finger on a touch screen or a pen on a tablet, and the dialog around it.

Strokes are kept as points rather than pixels, so that undo removes exactly the last stroke and the export is drawn
fresh at any size. A pen's pressure makes the line thicker, as ink would; a mouse draws an even line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.media import photo_import

INK = QColor("#0d1b4c")  # dark blue, like a ballpoint pen: obviously a signature, still dark in a grey scan
BASE_WIDTH = 3.0
THUMB_MAX_SIDE = 1000


@dataclass
class Stroke:
    points: list[tuple[QPointF, float]] = field(default_factory=list)  # (position, pressure 0..1)


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, hint: str = ""):
        super().__init__(parent)
        self.strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self.hint = hint
        self.setMinimumSize(480, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(600, 240)

    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self._current = None
            self.update()
            self.changed.emit()

    # -- input: mouse, tablet pen and touch all end in the same three steps

    def _begin(self, pos: QPointF, pressure: float) -> None:
        self._current = Stroke([(pos, pressure)])
        self.strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is not None:
            self._current.points.append((pos, pressure))
            self.update()

    def _end(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), 0.5)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 0.5)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), 0.5)
            self._end()

    def tabletEvent(self, event) -> None:  # noqa: N802
        # Accepted, so Qt does not also send the synthesized mouse events (each point would count twice).
        event.accept()
        pressure = event.pressure() if event.pressure() > 0 else 0.5
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove and self._current is not None:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._end()

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos, 0.5)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos, 0.5)
                else:
                    self._extend(pos, 0.5)
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#90a4ae"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() * 0.75
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        if self.hint and self.is_empty():
            painter.setPen(QColor("#607d8b"))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self.hint)
        self._draw_strokes(painter, 1.0)
        painter.end()

    def _draw_strokes(self, painter: QPainter, scale: float) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for stroke in self.strokes:
            points = stroke.points
            if len(points) == 1:
                pos, pressure = points[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(INK)
                radius = width_for(pressure) * scale / 2
                painter.drawEllipse(pos * scale, radius, radius)
                continue
            # One polyline per run of equal pen width rather than one line per segment: smoother joins, and far
            # fewer Qt calls per repaint (PySide6 6.12 on Python 3.11 loses a reference to None on each).
            for width, run in _runs(points):
                painter.setPen(QPen(INK, width * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                painter.drawPolyline(QPolygonF([pos * scale for pos in run]))

    def to_image(self, *, scale: float = 2.0, transparent: bool = False) -> QImage:
        """The signature drawn afresh at ``scale`` times the pad's size (sharper than a screen grab)."""
        image = QImage(self.size() * scale, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 0, 0, 0) if transparent else QColor("white"))
        painter = QPainter(image)
        self._draw_strokes(painter, scale)
        painter.end()
        return image

    def to_png(self, *, scale: float = 2.0, transparent: bool = False) -> bytes:
        return photo_import.encode(self.to_image(scale=scale, transparent=transparent), "PNG")


def width_for(pressure: float) -> float:
    # Quarter steps: a pen's pressure jitters, and each distinct width starts a new polyline.
    return BASE_WIDTH * (0.5 + round(pressure * 4) / 4)


def _runs(points: list[tuple[QPointF, float]]) -> list[tuple[float, list[QPointF]]]:
    """Consecutive points grouped by pen width; each run shares its first point with the previous run's end."""
    runs: list[tuple[float, list[QPointF]]] = []
    for (a, pa), (b, pb) in zip(points, points[1:]):
        width = width_for((pa + pb) / 2)
        if runs and runs[-1][0] == width:
            runs[-1][1].append(b)
        else:
            runs.append((width, [a, b]))
    return runs


class SignatureDialog(QDialog):
    """Sign (or press a thumb on a touch pad) and save; a thumbprint may also be a photo of an inked print.

    After accept(), ``png`` holds the picture and ``media_type`` its type."""

    def __init__(self, parent: QWidget | None = None, *, thumbprint: bool = False):
        super().__init__(parent)
        self.thumbprint = thumbprint
        self.png: bytes | None = None
        self.media_type = photo_import.PNG
        if thumbprint:
            self.setWindowTitle(self.tr("Thumbprint"))
            hint = self.tr("Press the thumb on the touch screen or pad and roll it gently, or import a photo or scan "
                           "of an inked thumbprint.")
        else:
            self.setWindowTitle(self.tr("Signature"))
            hint = self.tr("Sign above the line with a finger, a pen or the mouse.")
        self.pad = SignaturePad(hint=hint)
        self.pad.changed.connect(self._update_buttons)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()

        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.pad.undo)
        self.save_button = QPushButton(self.tr("Save"), objectName="primary")
        self.save_button.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.undo_button)
        if thumbprint:
            self.import_button = QPushButton(self.tr("Import image…"))
            self.import_button.clicked.connect(self._import)
            buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(hint, wordWrap=True, objectName="hint"))
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        empty = self.pad.is_empty()
        self.clear_button.setEnabled(not empty)
        self.undo_button.setEnabled(not empty)
        self.save_button.setEnabled(not empty)

    def _save(self) -> None:
        if self.pad.is_empty():
            return
        # White, not transparent: a transparent PNG turns black in some viewers and in JPEG-only print paths.
        self.png = self.pad.to_png()
        self.media_type = photo_import.PNG
        self.accept()

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Thumbprint image"), "",
                                              self.tr("Images (*.jpg *.jpeg *.png *.bmp)"))
        if name:
            self.import_image(Path(name))

    def import_image(self, path: Path) -> bool:
        image = QImage(str(path))
        if image.isNull():
            self.message.setText(self.tr("\"{name}\" is not an image. Choose a JPEG or PNG file.")
                                 .format(name=path.name))
            self.message.show()
            return False
        # A photo of a thumb needs no 12 megapixels; the ridges are clear at this size.
        if max(image.width(), image.height()) > THUMB_MAX_SIDE:
            image = image.scaled(THUMB_MAX_SIDE, THUMB_MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self.png = photo_import.encode_jpeg(image, 90)
        self.media_type = photo_import.JPEG
        self.accept()
        return True
