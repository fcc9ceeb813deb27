"""A new form opened before a guardrail's block: its save is refused with the message, the form stays open with
what was typed, leaving it asks first, and it saves by itself once a sync lifts the block."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from journey_kit import WAIT, type_into

from app import guardrails, record_changes, registrations
from db.models import Registration
from sample_records import valid_birth
from ui.shell.main_window import HOME, NEW


def block(laptop) -> str:
    """The province allows one record not handed over, and the officer has one (made elsewhere in the app)."""
    ws, actor = laptop.workspace, laptop.window.ctx.actor
    with ws.transaction() as s:
        guardrails.store_limits(s, guardrails.Limits(max_not_handed_over=1))
        reg = registrations.create_draft(s, actor=actor, kind="birth", now=ws.now(),
                                         data=valid_birth(born=ws.today() - timedelta(days=10)))
        s.flush()
        issues = registrations.submit(s, actor=actor, registration_id=reg.id, now=ws.now(), today=ws.today(),
                                      regions=ws.regions)
        assert not [i for i in issues if i.is_error], issues
        rid = reg.id
    laptop.window.ctx.changes.registrations_changed.emit([rid])
    return rid


def hand_over(laptop, rid: str) -> None:
    """What a sync does to the record, announced as the sync announces its end."""
    with laptop.workspace.transaction() as s:
        reg = s.get(Registration, rid)
        record_changes.acknowledged(s, reg, sent_version=reg.version, server_version=1)
    laptop.window.ctx.changes.registrations_changed.emit([])


def test_a_form_started_before_the_block_keeps_what_was_typed_until_it_can_save(qtbot, laptop):
    window = laptop.create_first_account("Siti Aminah", "siti")
    form = laptop.new_form("ektp")
    rid = block(laptop)
    home = window.home
    qtbot.waitUntil(lambda: home.guardrails.state.blocked, timeout=WAIT)

    type_into(qtbot, form, "name", "Rina Marlina")
    form.save_now()
    qtbot.waitUntil(lambda: form.save_state.objectName() == "saveError", timeout=WAIT)
    assert "Belum tersimpan" in form.save_state.text() and "Sinkronkan dulu" in form.save_state.text()
    assert form.record_id() is None and form.editors["name"].text() == "Rina Marlina"
    assert window.current_page() is form
    laptop.shot("guardrail-5-form-refused")

    # Leaving asks first; staying keeps the form and what it holds.
    laptop.go(HOME)
    box = window.unsaved_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=WAIT)
    assert "Sinkronkan dulu" in box.text()
    laptop.shot("guardrail-6-leave-asks", box)
    qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)
    assert window.current_page() is form and window.nav.currentRow() == NEW
    assert form.editors["name"].text() == "Rina Marlina"

    # The sync hands the record over: the form saves by itself, and leaving it asks nothing.
    hand_over(laptop, rid)
    qtbot.waitUntil(lambda: form.record_id() is not None and "Tersimpan" in form.save_state.text(), timeout=WAIT)
    with laptop.workspace.transaction() as s:
        assert registrations.get(s, form.record_id()).data["name"] == "Rina Marlina"
    laptop.go(HOME)
    assert window.current_page() is home and window.unsaved_box is box


def test_leaving_and_losing_it_is_the_officers_choice(qtbot, laptop):
    window = laptop.create_first_account("Siti Aminah", "siti")
    form = laptop.new_form("ektp")
    block(laptop)
    qtbot.waitUntil(lambda: window.home.guardrails.state.blocked, timeout=WAIT)
    type_into(qtbot, form, "name", "Rina Marlina")
    form.save_now()
    qtbot.waitUntil(lambda: form.holds_refused_input(), timeout=WAIT)
    laptop.go(HOME)
    box = window.unsaved_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=WAIT)
    lose = next(b for b in box.buttons() if b is not box.defaultButton())
    qtbot.mouseClick(lose, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page() is window.home, timeout=WAIT)
    assert window.nav.currentRow() == HOME
    with laptop.workspace.transaction() as s:
        assert registrations.count(s) == 1  # only the record made before; nothing half-saved


def test_cards_keep_their_order_and_colour_as_limits_come_and_go(qtbot, ctx):
    from app.guardrails import Guardrail, GuardrailState
    from ui.shell.guardrail_cards import GuardrailPanel

    panel = GuardrailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show_state(GuardrailState((Guardrail("not_handed_over", 50, 10),)))
    panel.show_state(GuardrailState((Guardrail("waiting_review", 30, 30), Guardrail("not_handed_over", 50, 41),
                                     Guardrail("days_since_handover", 7, 2))))
    order = [panel.row.itemAt(i).widget() for i in range(panel.row.count())]
    assert order == [panel.cards[k] for k in ("waiting_review", "not_handed_over", "days_since_handover")]
    assert [c.property("level") for c in order] == ["block", "warn", "ok"]
    assert panel.cards["days_since_handover"].left.text() == "5 more days before new registrations are blocked"
    assert "Ask your supervisor to review them" in panel.blocked_text()
    panel.show_state(GuardrailState(()))
    assert panel.isHidden() and panel.blocked_text() == ""
