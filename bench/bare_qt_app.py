"""The floor for bench/startup.py: a PySide6 app that shows one dialog and nothing else, frozen the same way as
Jemput Bola (PyInstaller, one folder). It prints FIRST_WINDOW once its dialog is on screen, as the app's probe does."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout

app = QApplication(sys.argv)
dialog = QDialog()
layout = QVBoxLayout(dialog)
layout.addWidget(QLabel("Nama pengguna"))
layout.addWidget(QLineEdit())
dialog.show()
QTimer.singleShot(0, lambda: (print("FIRST_WINDOW", flush=True), app.quit()))
sys.exit(app.exec())
