"""Look of the app: large enough to read on a cheap 14" laptop in daylight, with obvious buttons."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

BASE_POINT_SIZE = 11
ERROR_COLOR = "#b3261e"
SUCCESS_COLOR = "#1b5e20"  # the green of the primary buttons: done, nothing to worry about

STYLESHEET = f"""
QWidget {{ font-size: {BASE_POINT_SIZE}pt; }}
QLabel#title {{ font-size: 17pt; font-weight: bold; }}
QLabel#subtitle {{ font-size: 13pt; font-weight: bold; }}
QLabel#error {{ color: {ERROR_COLOR}; font-weight: bold; }}
QLabel#success {{ color: {SUCCESS_COLOR}; font-weight: bold; }}
QLabel#hint {{ color: #555555; }}
QLabel#returnNote {{ background: #fff3e0; color: #6d3a00; border-left: 4px solid #e65100; padding: 8px 10px;
                     font-weight: bold; }}
QLabel#verdict[level="valid"] {{ background: #e8f5e9; color: #1b5e20; border-left: 6px solid #2e7d32; padding: 10px;
    font-weight: bold; font-size: 12pt; }}
QLabel#verdict[level="doubt"] {{ background: #fff3e0; color: #6d3a00; border-left: 6px solid #e65100; padding: 10px;
    font-weight: bold; font-size: 12pt; }}
QLabel#verdict[level="invalid"] {{ background: #ffebee; color: {ERROR_COLOR}; border-left: 6px solid {ERROR_COLOR};
    padding: 10px; font-weight: bold; font-size: 12pt; }}
QLabel#centralNote {{ background: #e8f5e9; color: #1b5e20; border-left: 4px solid #2e7d32; padding: 8px 10px; }}
QLabel#sinceReturn {{ background: #e8f0fe; color: #0b3d91; border-left: 4px solid #0b57d0; padding: 8px 10px; }}
QLabel#countValue {{ font-size: 22pt; font-weight: bold; color: #1b5e20; }}
QFrame#card {{ background: #ffffff; border: 1px solid #cfd8dc; border-radius: 6px; }}
QFrame#guardrail {{ background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 6px; }}
QFrame#guardrail[level="warn"] {{ background: #fff3e0; border: 2px solid #e65100; }}
QFrame#guardrail[level="block"] {{ background: #ffebee; border: 2px solid {ERROR_COLOR}; }}
QLabel#guardrailTitle {{ font-weight: bold; color: #263238; }}
QLabel#guardrailLeft {{ font-size: 13pt; font-weight: bold; color: #1b5e20; }}
QFrame#guardrail[level="warn"] QLabel#guardrailLeft {{ color: #a33f00; }}
QFrame#guardrail[level="block"] QLabel#guardrailLeft {{ color: {ERROR_COLOR}; }}
QPushButton#big[blocked="true"] {{ background: #78909c; }}
QLabel#guardrailBlock {{ background: #ffebee; color: {ERROR_COLOR}; border-left: 4px solid {ERROR_COLOR};
                         padding: 8px 10px; font-weight: bold; }}
QListWidget#nav {{ background: #263238; color: #eceff1; border: none; font-size: 12pt; outline: none; }}
QListWidget#nav::item {{ padding: 14px 12px; }}
QListWidget#nav::item:selected {{ background: #1b5e20; color: #ffffff; }}
QWidget#navPane {{ background: #263238; }}
QPushButton#navExit {{ background: transparent; color: #eceff1; border: 1px solid #78909c; border-radius: 4px;
                       margin: 8px 12px; padding: 8px; }}
QPushButton {{ padding: 6px 14px; min-height: 26px; }}
QPushButton#primary {{ background: #1b5e20; color: #ffffff; font-weight: bold; border: none; border-radius: 4px;
                       padding: 8px 18px; }}
QPushButton#primary:disabled {{ background: #90a4ae; }}
QPushButton#big {{ background: #1b5e20; color: #ffffff; font-size: 14pt; font-weight: bold; border: none;
                   border-radius: 6px; padding: 14px 28px; }}
QLineEdit, QComboBox {{ padding: 4px 6px; min-height: 24px; }}
QListWidget#drafts::item {{ padding: 8px 6px; border-bottom: 1px solid #e0e0e0; }}
QTreeWidget::item {{ padding: 3px 0px; }}
QTableView {{ gridline-color: #e0e0e0; }}
QHeaderView::section {{ padding: 4px 6px; font-weight: bold; }}
"""


def set_message(label: QLabel, text: str, kind: str) -> None:
    """Shows ``text`` in the look of its ``kind`` ("error", "success" or "hint"), hidden when empty. The style
    sheet matches on the object name, so it is re-applied after the name changed."""
    if label.objectName() != kind:
        label.setObjectName(kind)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def apply(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyle("Fusion")  # the same look on every laptop, whatever the desktop theme
    app.setStyleSheet(STYLESHEET)
