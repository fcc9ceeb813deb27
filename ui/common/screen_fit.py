"""Window sizes that fit the laptops officers carry: 1366x768 with a taskbar, so 728 px of usable height.

A window asks for the size it would like; it gets at most what the screen's free area has room for, with its
title bar (which Qt's geometry leaves out) counted, so that buttons at the bottom are never below the edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# The smallest screen the app is made for, and its height less a Windows taskbar.
LAPTOP_SCREEN = QSize(1366, 768)
USABLE_HEIGHT = 728
# A Windows 10/11 title bar at 100 % scale is about 31 px; the window's own geometry does not include it.
TITLE_BAR = 32


def usable_area(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may cover: the screen's free area, never taller than a taskbar leaves on
    a 768 px screen (some systems report no taskbar at all)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    area = QRect(screen.availableGeometry())
    if area.height() > USABLE_HEIGHT and screen.geometry().height() <= LAPTOP_SCREEN.height():
        area.setHeight(USABLE_HEIGHT)
    return area


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resizes ``widget`` to ``width`` x ``height``, or less where the screen has less room."""
    area = usable_area(widget)
    widget.resize(min(width, area.width()), min(height, area.height() - TITLE_BAR))
