"""Left alone, the app locks: the login comes back and what was typed is kept as a draft (issue 11, item 1)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app import registrations as regs
from journey_kit import WAIT, type_into


def test_left_alone_the_app_locks_and_the_typed_draft_is_kept(qtbot, laptop):
    window = laptop.create_first_account("Siti Aminah", "siti")
    timer = laptop.shell.idle_timer
    assert timer.isActive() and timer.interval() == 10 * 60_000  # the default: ten minutes
    form = laptop.new_form("ektp")
    type_into(qtbot, form, "name", "RINA MARLINA")
    qtbot.keyClick(form.editors["name"], Qt.Key.Key_End)
    assert timer.remainingTime() > 9 * 60_000  # typing counts as use: the ten minutes start again

    timer.timeout.emit()  # ten minutes later, without waiting them

    qtbot.waitUntil(lambda: laptop.shell.window is None and laptop.shell.login is not None, timeout=WAIT)
    assert not window.isVisible() and not timer.isActive()
    def drafts() -> list[str]:
        with laptop.workspace.reading() as s:
            return [r.status for r in regs.search(s, text="rina marlina")]

    qtbot.waitUntil(lambda: drafts() == ["draft"], timeout=WAIT)  # written by the DB worker as the form closed
    again = laptop.log_in("siti")
    assert again.isVisible() and timer.isActive()


def test_no_lock_when_the_setting_is_zero(qtbot, laptop):
    laptop.settings.idle_lock_minutes = 0
    laptop.create_first_account("Siti Aminah", "siti")
    assert not laptop.shell.idle_timer.isActive()
