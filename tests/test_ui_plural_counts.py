"""Counts in proper English plural, and in Indonesian, which has none: "1 record", "1 data"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.i18n import install_translators
from ui.sync.controller import SyncController


def _waiting(controller, n, online):
    controller.enrolled, controller.pending, controller.online = True, n, online
    return controller.status_text()


@pytest.mark.usefixtures("english")
def test_waiting_count_is_singular_for_one_record_in_english(qtbot, ctx):
    controller = SyncController(ctx)
    assert _waiting(controller, 1, False) == "Offline · 1 record waiting"
    assert _waiting(controller, 2, False) == "Offline · 2 records waiting"
    assert _waiting(controller, 1, True) == "1 record waiting to be sent"
    assert _waiting(controller, 3, None) == "3 records waiting to be sent"


def test_waiting_count_in_indonesian_has_one_form(qtbot, ctx):
    install_translators(QApplication.instance(), "id")
    try:
        controller = SyncController(ctx)
        assert _waiting(controller, 1, False) == "Offline · 1 data menunggu"
        assert _waiting(controller, 2, True) == "2 data menunggu dikirim"
    finally:
        install_translators(QApplication.instance(), "en")
