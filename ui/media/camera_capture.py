"""Taking a photo with the laptop's camera (QtMultimedia), when it has one.

Many field laptops have no working camera, or its driver is missing; then the button says so in its tooltip
instead of opening an empty window. QtMultimedia is imported only when needed: it loads a media backend, which is
slow and may fail on a laptop without one, and the rest of the app must not suffer from that.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


def camera_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:  # genuinely optional: QtMultimedia needs system libraries (PulseAudio) to load
        log.info("no QtMultimedia: %s", exc)
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except RuntimeError as exc:  # no media backend on this machine
        log.info("no camera backend: %s", exc)
        return False


def no_camera_tooltip() -> str:
    return QCoreApplication.translate(
        "CameraCapture", "No camera was found on this laptop. Take the photo with a phone or camera and add it "
                         "with \"Photo from file\".")


class CameraDialog(QDialog):
    """Shows the camera's picture; "Take photo" captures one frame, which ``image`` holds after accept()."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setWindowTitle(self.tr("Take a photo"))
        self.image: QImage | None = None
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.capture = QImageCapture()
        self.session = QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.view = QVideoWidget()
        self.view.setMinimumSize(640, 480)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(self._failed)
        self.camera.errorOccurred.connect(lambda *_: self._failed(0, 0, self.camera.errorString()))

        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.hide()
        self.take = QPushButton(self.tr("Take photo"), objectName="primary")
        self.take.clicked.connect(self._take)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.camera.start()

    def _take(self) -> None:
        if not self.capture.isReadyForCapture():
            self._failed(0, 0, self.tr("The camera is not ready yet. Wait a moment and try again."))
            return
        self.take.setEnabled(False)
        self.capture.capture()

    def _captured(self, _id: int, image: QImage) -> None:
        self.image = image
        self.camera.stop()
        self.accept()

    def _failed(self, _id, _error, text: str) -> None:
        self.take.setEnabled(True)
        self.message.setText(self.tr("The camera did not give a photo: {reason}").format(reason=text))
        self.message.show()

    def done(self, result: int) -> None:
        self.camera.stop()  # the camera light must go off when the window closes, whichever way
        super().done(result)


def setup_camera_button(button: QPushButton) -> bool:
    """Enables the button when there is a camera; otherwise disables it and says why in its tooltip."""
    available = camera_available()
    button.setEnabled(available)
    button.setToolTip("" if available else no_camera_tooltip())
    return available
