"""Exit: the person chooses between logging out (the next person logs in on the same laptop) and closing the app."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journey_kit import WAIT


def test_log_out_shows_the_login_and_the_next_person_gets_their_own_session(qtbot, laptop):
    first = laptop.create_first_account("Siti Aminah", "siti")
    first_ctx = first.ctx
    assert first_ctx.password == "rahasia123"
    laptop.log_out()
    assert not first.isVisible()
    login = laptop.shell.login
    qtbot.waitUntil(lambda: login.current_page() is login.login_page, timeout=WAIT)
    assert login.isVisible()
    again = laptop.log_in("siti")
    assert again is not first and again.ctx is not first_ctx
    assert again.ctx.actor == first_ctx.actor


def test_close_the_app_closes_the_window_and_cancel_keeps_working(qtbot, laptop):
    window = laptop.create_first_account("Siti Aminah", "siti")
    qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)
    box = window.leave_box
    qtbot.waitUntil(box.isVisible, timeout=WAIT)
    box.reject()  # Cancel, or Escape
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT)
    assert window.isVisible() and laptop.shell.window is window
    qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.leave_box.isVisible, timeout=WAIT)
    qtbot.mouseClick(window.close_app_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert laptop.shell.login is None  # no login for a next person: the app is closing
