"""The enrolment code placeholder looks like a code `jemput-server enrol-code` really prints."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from server.core import security
from ui.i18n import install_translators


@pytest.mark.parametrize("language", ["en", "id"])
def test_enrolment_code_placeholder_is_shaped_like_what_the_server_prints(qtbot, ctx, language):
    from ui.sync.enrol_dialog import EnrolDialog

    if language == "id":
        install_translators(QApplication.instance(), "id")
    try:
        dialog = EnrolDialog(ctx)
        qtbot.addWidget(dialog)
        placeholder = dialog.code.placeholderText()
    finally:
        install_translators(QApplication.instance(), "en")
    example = re.search(r"[A-Z0-9]+(?:-[A-Z0-9]+)+", placeholder).group(0)
    real = security.new_enrolment_code()
    assert [len(group) for group in example.split("-")] == [len(group) for group in real.split("-")]
    assert set(example.replace("-", "")) <= set(security.CODE_ALPHABET)
    assert security.normalise_code(example) == example
