"""Turning a picked file or a camera frame into what the attachment store keeps.

Photos are downscaled before storing: a 12-megapixel phone photo is 4-6 MB and costs minutes on a 2G link, while
1600 px on the longest side is plenty to recognise a face or read a scanned family card. PDFs (scanned documents)
are kept byte for byte. Anything else is refused with a message, never stored as if it were a photo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from app.errors import UserFacingError
from app.i18n import QT_TRANSLATE_NOOP
from app.settings import Settings

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
# A scanned document of 50 MB is a mistake (a video, a disk image); refuse it before reading it all into memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
MEDIA_TYPES = {"jpeg": JPEG, "jpg": JPEG, "png": PNG, "bmp": "image/bmp", "gif": "image/gif", "webp": "image/webp",
               "tiff": "image/tiff"}

MSG_NOT_MEDIA = QT_TRANSLATE_NOOP(
    "PhotoImport", "\"{name}\" is not a photo or a PDF, so it was not added. Choose a JPEG or PNG photo or a PDF "
                   "scan.")
MSG_TOO_BIG = QT_TRANSLATE_NOOP(
    "PhotoImport", "\"{name}\" is too big ({size} MB) to be a photo or a scan, so it was not added.")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("PhotoImport", "\"{name}\" could not be read: {reason}")


class ImportRefused(UserFacingError):
    context = "PhotoImport"


@dataclass(frozen=True)
class Prepared:
    """One file to store: its bytes, media type and purpose (the downscaled photo, or the kept original)."""

    data: bytes
    media_type: str
    purpose: str


def prepare_file(path: Path, *, purpose: str, settings: Settings) -> list[Prepared]:
    """Reads a picked file. Returns the file(s) to store; raises ImportRefused with the reason otherwise."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRefused(MSG_TOO_BIG, name=path.name, size=size // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused(MSG_UNREADABLE, name=path.name, reason=exc.strerror or str(exc)) from exc
    return prepare_bytes(data, name=path.name, purpose=purpose, settings=settings)


def prepare_bytes(data: bytes, *, name: str, purpose: str, settings: Settings) -> list[Prepared]:
    if data.startswith(b"%PDF-"):
        return [Prepared(data, PDF, purpose)]
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phone photos are stored sideways with an EXIF rotation tag
    source_format = bytes(reader.format().data()).decode().lower()
    image = reader.read()
    if image.isNull():
        raise ImportRefused(MSG_NOT_MEDIA, name=name)
    stored = prepare_image(image, purpose=purpose, settings=settings,
                           original=data if source_format in ("jpeg", "jpg") else None)
    if settings.keep_original_photos and stored[0].data != data:
        stored.append(Prepared(data, MEDIA_TYPES.get(source_format, "application/octet-stream"), "photo_original"))
    return stored


def prepare_image(image: QImage, *, purpose: str, settings: Settings, original: bytes | None = None
                  ) -> list[Prepared]:
    """A decoded image (a file, a camera frame) as a JPEG no larger than the setting allows. A JPEG that is already
    small enough is kept as it is: encoding it again only loses detail."""
    longest = max(image.width(), image.height())
    if longest <= settings.photo_max_side and original is not None:
        return [Prepared(original, JPEG, purpose)]
    if longest > settings.photo_max_side:
        image = image.scaled(settings.photo_max_side, settings.photo_max_side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return [Prepared(encode_jpeg(image, settings.photo_jpeg_quality), JPEG, purpose)]


def encode_jpeg(image: QImage, quality: int) -> bytes:
    if image.hasAlphaChannel():
        # JPEG has no transparency; a transparent scan would turn black where it should be paper white.
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    return encode(image, "JPG", quality)


def encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt, quality):
        raise ValueError(f"could not encode {fmt}")
    buffer.close()
    return bytes(array.data())


def decode(data: bytes) -> QImage:
    """The image in ``data``, or a null QImage when it is not one (a PDF, a damaged file)."""
    image = QImage()
    image.loadFromData(data)
    return image
