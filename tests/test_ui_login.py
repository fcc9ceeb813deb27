import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app import auth
from app.auth import Actor
from db.models import User
from ui.shell.login import LoginDialog
from ui.common.tasks import TaskRunner

pytestmark = pytest.mark.usefixtures("english")  # "30 seconds" is a plural form


@pytest.fixture
def sync_runner():
    return TaskRunner(synchronous=True)


def test_first_run_creates_the_first_account(qtbot, workspace, sync_runner):
    dialog = LoginDialog(workspace, sync_runner, "en")
    qtbot.addWidget(dialog)
    assert dialog.current_page() is dialog.create_page
    assert dialog.new_role.currentData() == "officer"
    dialog.new_name.setText("Siti Aminah")
    dialog.new_username.setText("siti")
    dialog.new_password.setText("rahasia123")
    dialog.new_repeat.setText("rahasia12")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error.text() and dialog.actor is None
    dialog.new_repeat.setText("rahasia123")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert isinstance(dialog.actor, Actor) and dialog.actor.full_name == "Siti Aminah"
    with workspace.transaction() as s:
        assert auth.has_accounts(s)


def test_short_password_message_shown_inline(qtbot, workspace, sync_runner):
    dialog = LoginDialog(workspace, sync_runner, "en")
    qtbot.addWidget(dialog)
    dialog.new_name.setText("Siti")
    dialog.new_username.setText("siti")
    dialog.new_password.setText("abc")
    dialog.new_repeat.setText("abc")
    dialog.create_account()
    assert "at least 8 characters" in dialog.error.text() and dialog.actor is None


def test_wrong_password_then_lock_out_is_committed(qtbot, workspace, officer, sync_runner):
    dialog = LoginDialog(workspace, sync_runner, "en")
    qtbot.addWidget(dialog)
    assert dialog.current_page() is dialog.login_page
    dialog.username.setText("siti")
    for _ in range(auth.FREE_ATTEMPTS - 1):
        dialog.password.setText("salah-salah")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.error.text() == "Wrong username or password."
        assert dialog.login_button.isEnabled()
    dialog.password.setText("salah-salah")
    dialog.log_in()
    assert "Try again in 30 seconds" in dialog.error.text()
    assert not dialog.login_button.isEnabled()  # until the countdown ends (tests/test_ui_login_lockout.py)
    with workspace.transaction() as s:
        user = s.scalar(select(User).where(User.username == "siti"))
        assert user.failed_attempts == auth.FREE_ATTEMPTS  # the counter was committed
        assert user.locked_until > workspace.now()
    assert dialog.password.text() == ""  # a wrong password is cleared, not left to be retyped over


def test_login_with_the_threaded_runner(qtbot, workspace, officer):
    runner = TaskRunner()
    dialog = LoginDialog(workspace, runner, "en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current_page() is dialog.login_page)
    dialog.username.setText("siti")
    dialog.password.setText("rahasia123")
    dialog.log_in()
    assert not dialog.login_button.isEnabled()  # scrypt runs on the worker; no double submit meanwhile
    qtbot.waitUntil(lambda: dialog.actor is not None, timeout=10_000)
    assert dialog.actor.user_id == officer.user_id and dialog.login_button.isEnabled()
    runner.wait()


def test_dialog_grows_to_show_the_whole_form_once_it_knows_which(qtbot, workspace, officer):
    dialog = LoginDialog(workspace, TaskRunner(), "id")
    qtbot.addWidget(dialog)
    dialog.show()  # first shown while it only says "Opening…"
    qtbot.waitUntil(lambda: dialog.current_page() is dialog.login_page, timeout=5000)
    dialog.show_error("Nama pengguna atau kata sandi salah.")
    hint = dialog.sizeHint()
    assert dialog.height() >= hint.height() and dialog.width() >= hint.width()
    assert dialog.rect().contains(dialog.login_button.geometry().translated(dialog.login_page.pos()))


def test_dialog_that_grows_past_the_screen_bottom_moves_back_onto_it(qtbot, workspace, sync_runner):
    """It first opens small in the middle of the screen; grown downwards from there, the create button of a
    768-pixel-high laptop ended under the taskbar (seen under Wine on Windows)."""
    dialog = LoginDialog(workspace, sync_runner, "id")
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.screen().availableGeometry()
    dialog.move(dialog.x(), area.bottom() - dialog.frameGeometry().height() // 3)
    assert not area.contains(dialog.frameGeometry())
    dialog.show_error("Kata sandi minimal 8 karakter.")  # grows, as when the form first appears
    assert area.contains(dialog.frameGeometry())
    assert area.contains(dialog.create_button.mapToGlobal(dialog.create_button.rect().bottomRight()))
