"""Every window and dialog of the app fits a 1366x768 laptop with a taskbar (728 px usable), buttons in view.

The window classes are found by walking ``ui/``: a new dialog without a way to open it here fails the test, so no
dialog escapes the check. Qt's offscreen screen is 800x800 by default; these checks need the laptop's screen, so
in a normal run the module starts itself again in a fresh process on a 1366x768 offscreen screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Relative to ROOT, so that no drive letter's colon ends up in the platform argument.
LAPTOP_PLATFORM = "offscreen:configfile=tests/data/laptop_screen.json"
ON_LAPTOP_SCREEN = os.environ.get("QT_QPA_PLATFORM") == LAPTOP_PLATFORM


if not ON_LAPTOP_SCREEN:
    def test_every_window_fits_a_laptop_screen():
        env = dict(os.environ, QT_QPA_PLATFORM=LAPTOP_PLATFORM,
                   PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
        proc = subprocess.run([sys.executable, "-m", "pytest", str(Path(__file__).relative_to(ROOT)), "-q",
                               "-p", "no:cacheprovider"], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=600)
        assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
        assert " passed" in proc.stdout

else:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication

    from ui.common.screen_fit import LAPTOP_SCREEN, TITLE_BAR, USABLE_HEIGHT
    from window_openers import OPENERS, window_classes

    @pytest.fixture
    def ctx(make_ui_context):
        # Indonesian: its words are longer than the English, so it is the one that must fit.
        return make_ui_context(translators="id")

    def test_the_screen_is_a_laptop_screen(qapp):
        assert QGuiApplication.primaryScreen().size() == LAPTOP_SCREEN

    def test_every_window_class_has_an_opener():
        missing = window_classes() - set(OPENERS)
        assert not missing, f"add a way to open these to OPENERS so that their size is checked: {sorted(missing)}"

    @pytest.mark.parametrize("name,variant", [(n, v) for n, variants in OPENERS.items() for v in variants])
    def test_window_fits_with_its_buttons_in_view(qtbot, ctx, name, variant):
        window = OPENERS[name][variant](ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        QApplication.processEvents()  # deferred layouts (wrapped labels) settle
        size = window.size()
        assert size.width() <= LAPTOP_SCREEN.width() and size.height() + TITLE_BAR <= USABLE_HEIGHT, \
            f"{name} {variant}: {size.width()}x{size.height()} plus a {TITLE_BAR} px title bar is larger than " \
            f"{LAPTOP_SCREEN.width()}x{USABLE_HEIGHT}"
        inside = QRect(QPoint(0, 0), size)
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window) and not _scrolled(b)]
        assert buttons or name.endswith("CameraDialog"), f"{name}: no buttons found"
        for button in buttons:
            where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            assert inside.contains(where), f"{name} {variant}: '{button.text()}' at {where} lies outside {inside}"
            assert button.visibleRegion().boundingRect() == button.rect(), \
                f"{name} {variant}: '{button.text()}' is partly hidden"

    def _scrolled(widget) -> bool:
        """Inside a scroll area's content: it scrolls into view, so its place on screen is not fixed."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
                return True
            parent = parent.parentWidget()
        return False
