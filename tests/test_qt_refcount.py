"""Guards the PySide6 pin in pyproject.toml: the installed Qt bindings must not leak references to None.

PySide6 6.12.0 on Python 3.11 takes a reference off None on every call of a method that returns nothing; after a
few thousand repaints or typed characters the app aborts with "none_dealloc". This test fails on such a build.
"""

import sys

from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_referenced(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
        path.moveTo(1.0, 1.0)
    # A little slack for unrelated objects made or freed meanwhile; the bug loses 4,000.
    assert sys.getrefcount(None) - before > -50
