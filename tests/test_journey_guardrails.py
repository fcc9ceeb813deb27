"""Journey: the province's guardrails, set on the real server with jemput-server set-limits and pulled by a sync.

Home counts down each limit → the officer reaches the limit of records not handed over → a new registration is
refused with what to do (from Home and from the navigation), while a draft in progress is still saved and a
record central returned is still corrected and sent → a sync hands the records over and the block is lifted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from journey_kit import (EKTP_CHOSEN, EKTP_TYPED, WAIT, choose, fill_ektp, finish_confirmation, pick_village,
                         submit, type_into)

from db.models import Registration
from ui.shell.main_window import HOME, NEW

COMMENT = "Foto KTP buram, mohon diperbaiki"
DRAFT_NAME = "Budi Santoso"


def fill_second_ektp(qtbot, form) -> None:
    """Another citizen of the same household: her own name and NIK."""
    for key, text in (EKTP_TYPED | {"name": "Rina Marlina", "nik": "1603075708900011"}).items():
        type_into(qtbot, form, key, text)
    for key, code in EKTP_CHOSEN.items():
        choose(qtbot, form.editors[key], code)
    pick_village(qtbot, form.picker, "16.03", "tanj", "Tanjung Enim")


def card(home, key):
    return home.guardrails.cards.get(key)


def shows(home, key, level, left_text) -> bool:
    c = card(home, key)
    return c is not None and c.property("level") == level and c.left.text() == left_text


def open_draft(qtbot, laptop, text: str):
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: any(text in home.draft_list.item(i).text() for i in range(home.draft_list.count())),
                    timeout=WAIT)
    row = next(i for i in range(home.draft_list.count()) if text in home.draft_list.item(i).text())
    home.draft_list.setFocus()
    home.draft_list.setCurrentRow(row)
    qtbot.keyClick(home.draft_list, Qt.Key.Key_Return)
    form = laptop.window.current_page()
    qtbot.waitUntil(lambda: form.body.isEnabled() and form.editors["name"].text() != "", timeout=WAIT)
    return form


def stored(laptop, registration_id: str) -> Registration:
    with laptop.workspace.transaction() as session:
        reg = session.get(Registration, registration_id)
        session.expunge(reg)
        return reg


def test_the_block_refuses_new_registrations_and_a_sync_lifts_it(qtbot, laptop, journey_server):
    server = journey_server  # tests/conftest.py
    window = laptop.create_first_account("Siti Aminah", "siti")
    laptop.enrol(server.root, server.enrol_code(for_user="siti"))
    code, out = server.cli("set-limits", "--max-waiting-review", "20", "--max-not-handed-over", "1",
                           "--max-days-since-handover", "7")
    assert code == 0, out
    laptop.sync()

    # Home counts down each limit the province set, long before it bites.
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: len(home.guardrails.cards) == 3 and home.guardrails.isVisible(), timeout=WAIT)
    assert shows(home, "waiting_review", "ok", "20 lagi sebelum pendaftaran baru diblokir")
    assert shows(home, "days_since_handover", "ok", "7 hari lagi sebelum pendaftaran baru diblokir")
    assert shows(home, "not_handed_over", "warn", "1 lagi sebelum pendaftaran baru diblokir")
    assert (card(home, "not_handed_over").title.text(), card(home, "not_handed_over").count.text()) == (
        "Belum diserahkan", "0 dari 1")
    assert not home.guardrails.reason.isVisible()
    laptop.shot("guardrail-1-warning")

    # A record sent, synced, and returned by central: something to correct later, at the block.
    form = laptop.new_form("ektp")
    fill_ektp(qtbot, form)
    confirmation = submit(qtbot, window, form)
    returned_id, number = confirmation.numbers[0].registration_id, confirmation.numbers[0].number
    finish_confirmation(qtbot, window, confirmation)
    laptop.sync()
    assert server.cli("set-status", number, "returned", "--note", COMMENT)[0] == 0
    laptop.sync()
    qtbot.waitUntil(lambda: stored(laptop, returned_id).status == "returned", timeout=WAIT)

    # A draft in progress: a name typed, saved by the autosave. (Home first hears that the sync handed the sent
    # record over: on a busy machine its counts come a moment after the sync.)
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: home.services.buttons["ektp"].property("blocked") is not True, timeout=WAIT)
    form = laptop.new_form("ektp")
    type_into(qtbot, form, "name", DRAFT_NAME)
    form.save_now()
    qtbot.waitUntil(lambda: form.record_id() is not None and not form.is_dirty(), timeout=WAIT)
    draft_id = form.record_id()

    # One more sent, not yet handed over: the limit is reached.
    form = laptop.new_form("ektp")
    fill_second_ektp(qtbot, form)
    finish_confirmation(qtbot, window, submit(qtbot, window, form))
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: shows(home, "not_handed_over", "block", "Pendaftaran baru diblokir"), timeout=WAIT)
    assert card(home, "not_handed_over").count.text() == "1 dari 1"
    assert home.services.buttons["ektp"].property("blocked") is True
    assert home.guardrails.reason.isVisible() and "Sinkronkan dulu" in home.guardrails.reason.text()
    laptop.shot("guardrail-2-blocked")

    # A new registration is refused with what to do, from Home's buttons and from the navigation.
    qtbot.mouseClick(home.services.buttons["ektp"], Qt.MouseButton.LeftButton)
    box = home.blocked_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=WAIT)
    assert "Sinkronkan dulu" in box.text() and "Draf dan perbaikan" in box.text()
    assert window.current_page() is home
    laptop.shot("guardrail-3-refused", box)
    box.accept()
    laptop.go(NEW)
    qtbot.waitUntil(lambda: home.blocked_box is not box and home.blocked_box.isVisible(), timeout=WAIT)
    assert window.current_page() is home and window.nav.currentRow() == HOME
    home.blocked_box.accept()

    # The draft in progress is still saved.
    form = open_draft(qtbot, laptop, DRAFT_NAME)
    type_into(qtbot, form, "address", "Jl. Kenanga No. 3")
    form.save_now()
    qtbot.waitUntil(lambda: "Tersimpan" in form.save_state.text(), timeout=WAIT)
    assert stored(laptop, draft_id).data.get("address") == "Jl. Kenanga No. 3"

    # The returned record is still corrected and sent back.
    form = open_draft(qtbot, laptop, "DIKEMBALIKAN")
    assert COMMENT in form.review_note.text()
    type_into(qtbot, form, "address", "Jl. Merdeka No. 5, rumah 12")
    finish_confirmation(qtbot, window, submit(qtbot, window, form))
    assert stored(laptop, returned_id).status == "submitted"

    # The sync hands both over: the block is lifted and a new registration opens again.
    result = laptop.sync()
    assert result.accepted == 2
    assert server.scalar("SELECT status FROM registrations WHERE id = :id", id=returned_id) == "submitted"
    home = laptop.go(HOME)
    qtbot.waitUntil(lambda: shows(home, "not_handed_over", "warn", "1 lagi sebelum pendaftaran baru diblokir"),
                    timeout=WAIT)
    assert not home.guardrails.reason.isVisible()
    assert shows(home, "waiting_review", "ok", "18 lagi sebelum pendaftaran baru diblokir")
    laptop.shot("guardrail-4-lifted")
    form = laptop.new_form("ektp")
    type_into(qtbot, form, "name", "Dewi Lestari")
    form.save_now()
    qtbot.waitUntil(lambda: form.record_id() is not None, timeout=WAIT)
