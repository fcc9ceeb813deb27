"""Who may create an account on a new laptop with no server to ask: the first account only, never an admin."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app import auth
from ui.shell.login import LoginDialog
from ui.common.tasks import TaskRunner

NOW = datetime(2026, 11, 2, 8, 0)


def _first(session, role="officer", username="siti"):
    return auth.create_first_account(session, username=username, full_name="Siti Aminah", password="rahasia123",
                                     role=role, now=NOW)


@pytest.mark.parametrize("role", ["officer", "supervisor"])
def test_first_account_may_be_an_officer_or_a_supervisor(workspace, role):
    with workspace.transaction() as s:
        assert _first(s, role).role == role


def test_first_account_is_never_an_administrator(workspace):
    with workspace.transaction() as s, pytest.raises(auth.LoginError) as caught:
        _first(s, "admin")
    assert caught.value.template == auth.MSG_FIRST_ROLE
    with workspace.transaction() as s:
        assert not auth.has_accounts(s)


def test_a_second_account_cannot_be_made_offline(workspace):
    with workspace.transaction() as s:
        _first(s)
    with workspace.transaction() as s, pytest.raises(auth.LoginError) as caught:
        _first(s, username="budi")
    assert caught.value.template == auth.MSG_NOT_FIRST


def test_first_run_dialog_offers_no_administrator_and_refuses_one(qtbot, workspace):
    dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "First account"  # the window system adds " — Jemput Bola"
    roles = [dialog.new_role.itemData(i) for i in range(dialog.new_role.count())]
    assert roles == ["officer", "supervisor"]
    # Even a role slipped into the list some other way is refused by the service, with the reason shown.
    dialog.new_role.addItem("Administrator", "admin")
    dialog.new_role.setCurrentIndex(dialog.new_role.count() - 1)
    for editor, text in ((dialog.new_name, "Siti Aminah"), (dialog.new_username, "siti"),
                         (dialog.new_password, "rahasia123"), (dialog.new_repeat, "rahasia123")):
        qtbot.keyClicks(editor, text)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is None and "Administrator accounts come from the server" in dialog.error.text()
    dialog.new_role.setCurrentIndex(1)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.role == "supervisor"
