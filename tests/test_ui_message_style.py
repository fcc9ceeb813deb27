"""A success message has its own look: green, not the red of an error."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from ui.shell import style


def test_a_success_message_has_its_own_look_not_the_error_one(qtbot):
    label = QLabel(objectName="error")
    qtbot.addWidget(label)
    style.set_message(label, "Tersimpan", "success")
    assert label.objectName() == "success" and not label.isHidden()
    rule = re.search(r"QLabel#success \{\{? color: ([^;]+);", style.STYLESHEET)
    assert rule and rule.group(1) != style.ERROR_COLOR
    style.set_message(label, "", "error")
    assert label.isHidden()


def test_settings_saved_is_shown_as_success(qtbot, ctx):
    from ui.shell.settings_page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.save()
    assert page.message.objectName() == "success" and "Saved" in page.message.text()


def test_receipt_saved_as_pdf_is_shown_as_success(qtbot, ctx, workspace, officer, tmp_path):
    from app import registrations as regs
    from ui.media.receipt_dialog import ReceiptDialog

    with workspace.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=workspace.now(), data={"name": "Siti Aminah"})
    dialog = ReceiptDialog(ctx, reg.id)
    qtbot.addWidget(dialog)
    assert dialog.save_pdf(tmp_path / "tanda-terima")
    assert dialog.message.objectName() == "success" and "Saved" in dialog.message.text()
    assert not dialog.save_pdf(tmp_path / "no-such-folder" / "x")
    assert dialog.message.objectName() == "error"
