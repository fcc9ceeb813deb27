"""The sync screens against a real server on loopback: enrol, sync, rejected, conflict, cancel, offline."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent / "server"))

from live_server import PASSWORD, VALID_EKTP, LiveServer  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app import attachments, auth, sync_state  # noqa: E402
from app import registrations as regs  # noqa: E402
from app.reference.regions import shipped_regions  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from bench.faultproxy import FaultProxy, Faults  # noqa: E402
from server.core.config import Settings as ServerSettings  # noqa: E402
from sync.backoff import Backoff, Cancelled  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.enrol import enrol  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from db.models import Registration  # noqa: E402
from ui.kinds.ektp import EktpFormPage  # noqa: E402
from ui.shell.main_window import SYNC, MainWindow  # noqa: E402
from ui.sync.controller import SyncController  # noqa: E402
from ui.common.tasks import TaskRunner  # noqa: E402

WAIT = 30_000
pytestmark = pytest.mark.usefixtures("english")  # "1 record waiting": the English plural forms


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = LiveServer(ServerSettings(data_dir=tmp_path_factory.mktemp("ui-sync-server")), "sqlite")
    live.create_user("sup", "supervisor")
    live.create_user("siti", supervisor="sup")
    yield live
    live.stop()


@pytest.fixture
def proxy(server):
    with FaultProxy(int(server.root.rsplit(":", 1)[1]), seed=3, lifetime=120) as p:
        yield p


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.open(tmp_path / "laptop")
    yield workspace
    workspace.close()


def fast_client(url: str) -> SyncClient:
    # Short backoff and give-up, so that a cut or a stopped server costs the test milliseconds.
    return SyncClient(url, backoff=Backoff(base=0.02, cap=0.3), give_up_after=2)


def open_window(qtbot, ws, actor, tmp_path) -> MainWindow:
    runner = TaskRunner()  # threaded, as in the app: cancel must reach a run in flight
    ctx = UiContext(ws, actor, runner, Settings(language="en"), tmp_path, Changes(), password=PASSWORD)
    controller = SyncController(ctx, make_client=fast_client)
    window = MainWindow(ctx, sync=controller)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(SYNC)
    qtbot.waitUntil(lambda: window.sync.loaded, timeout=WAIT)
    return window


def enrolled(ws, proxy, server):
    enrol(ws, proxy.url, server.enrol_code(for_user="siti"), "ui-test")
    with ws.transaction() as s:
        return auth.login(s, username="siti", password=PASSWORD, now=ws.now(), device_id=ws.device_id)


def name_for(i: int) -> str:
    return "Warga " + "".join(chr(ord("A") + int(d)) for d in str(i))  # names take letters only


def submitted(ws, actor, n: int, first: int = 1) -> list[str]:
    ids = []
    with ws.transaction() as s:
        for i in range(first, first + n):
            fields = dict(VALID_EKTP, nik=VALID_EKTP["nik"][:12] + f"{i:04d}", name=name_for(i))
            reg = regs.create_draft(s, actor=actor, kind="ektp", now=ws.now(), data=fields)
            issues = regs.submit(s, actor=actor, registration_id=reg.id, now=ws.now(), today=date.today(),
                                 regions=shipped_regions())
            assert not [x for x in issues if x.severity == "error"], issues
            ids.append(reg.id)
    return ids


def sync_and_wait(qtbot, window, pending: int = 0) -> None:
    panel = window.sync_panel
    qtbot.waitUntil(lambda: panel.sync_button.isEnabled(), timeout=WAIT)
    with qtbot.waitSignal(window.sync.finished, timeout=WAIT):
        qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    window.ctx.runner.wait()
    qtbot.waitUntil(lambda: not window.sync.running and panel.pending.text() == str(pending), timeout=WAIT)


def tree_texts(tree, column: int) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def test_enrol_through_the_dialog_shows_the_server(qtbot, ws, server, proxy, tmp_path):
    actor = auth.Actor("local", "lokal", "Petugas Lokal", "officer", ws.device_id)
    window = open_window(qtbot, ws, actor, tmp_path)
    panel = window.sync_panel
    assert "not enrolled" in panel.server.text() and not panel.sync_button.isEnabled()
    assert window.sync_status.text() == "Not connected to a server"
    qtbot.mouseClick(panel.enrol_button, Qt.MouseButton.LeftButton)
    dialog = panel.enrol_dialog
    qtbot.keyClicks(dialog.url, proxy.url)
    qtbot.keyClicks(dialog.code, "SALAH-123")
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT)
    assert "code is wrong" in dialog.message.text()
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, server.enrol_code(for_user="siti"))
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.enrolled, timeout=WAIT)
    qtbot.waitUntil(lambda: proxy.url in panel.server.text(), timeout=WAIT)
    assert panel.sync_button.isEnabled()
    qtbot.waitUntil(lambda: proxy.url in window.settings_page.server.text(), timeout=WAIT)
    with ws.transaction() as s:
        assert sync_state.is_enrolled(s) and sync_state.server_url(s) == proxy.url


def test_enrol_to_an_unreachable_server_says_so(qtbot, ws, tmp_path):
    actor = auth.Actor("local", "lokal", "Petugas Lokal", "officer", ws.device_id)
    window = open_window(qtbot, ws, actor, tmp_path)
    dialog = window.sync_panel.enrol()
    dialog.give_up_after = 0.5
    qtbot.keyClicks(dialog.url, "http://127.0.0.1:9")  # the discard port: nothing listens on loopback
    qtbot.keyClicks(dialog.code, "ABCD-1234")
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT)
    assert "cannot be reached" in dialog.message.text()
    assert dialog.isVisible() and not window.sync.enrolled


def test_sync_now_sends_what_waits_and_logs_the_run(qtbot, ws, server, proxy, tmp_path):
    actor = enrolled(ws, proxy, server)
    ids = submitted(ws, actor, 2)
    window = open_window(qtbot, ws, actor, tmp_path)
    panel = window.sync_panel
    qtbot.waitUntil(lambda: panel.pending.text() == "2", timeout=WAIT)
    assert "2 records waiting" in window.sync_status.text()
    progress = []
    window.sync.progress.connect(progress.append)
    sync_and_wait(qtbot, window)
    assert window.sync.last_error is None, window.sync.last_error
    assert panel.pending.text() == "0"
    assert window.sync_status.text().startswith("Synced ")
    assert {p.phase for p in progress} >= {"push", "done"}
    assert "2 accepted" in panel.last.text()
    qtbot.waitUntil(lambda: panel.log.topLevelItemCount() == 1, timeout=WAIT)
    row = panel.log.topLevelItem(0)
    assert (row.text(1), row.text(2), row.text(3), row.text(4)) == ("siti", "Done", "2", "2")
    assert all(server.scalar("SELECT version FROM registrations WHERE id = :i", i=i) == 1 for i in ids)


def test_a_rejected_record_is_listed_with_its_reason_and_opens_for_correction(qtbot, ws, server, proxy, tmp_path):
    actor = enrolled(ws, proxy, server)
    good, bad = submitted(ws, actor, 2, first=20)
    with ws.transaction() as s:
        # Valid when submitted on the laptop, refused by the server's checks (e.g. the rules changed since).
        s.execute(text("UPDATE registrations SET data = json_set(data, '$.nik', '1234') WHERE id = :i"), {"i": bad})
    window = open_window(qtbot, ws, actor, tmp_path)
    panel = window.sync_panel
    sync_and_wait(qtbot, window)
    qtbot.waitUntil(lambda: panel.rejected.topLevelItemCount() == 1, timeout=WAIT)
    item = panel.rejected.topLevelItem(0)
    assert item.text(0) == name_for(21) and "NIK" in item.text(4)
    assert panel.tabs.tabText(0) == "Not accepted (1)"
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=good) == 1
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=bad) == 0
    # The officer can only put it right by editing it: it came back as returned, the reason as the comment.
    with ws.transaction() as s:
        record = s.get(Registration, bad)
        assert record.status == "returned" and "NIK" in record.review_comment
    panel.rejected.itemActivated.emit(item, 0)  # what a double click does
    assert isinstance(window.current_page(), EktpFormPage)
    assert window.current_page().record_id() == bad
    for _ in range(3):  # the page's photos and receipt load in the background: let them land before teardown
        window.ctx.runner.wait()
        qtbot.wait(100)


def set_status(server, tmp_path, rid: str, state: str, note: str) -> None:
    csv = tmp_path / "status.csv"
    csv.write_text(f"registration_id,status,note\n{rid},{state},{note}\n", "utf-8")
    code, out = server.cli("set-status", "--csv", str(csv))
    assert code == 0, out


def test_a_conflict_is_resolved_in_the_dialog_keeping_the_server_version(qtbot, ws, server, proxy, tmp_path):
    actor = enrolled(ws, proxy, server)
    [rid] = submitted(ws, actor, 1, first=40)
    window = open_window(qtbot, ws, actor, tmp_path)
    panel = window.sync_panel
    sync_and_wait(qtbot, window)
    set_status(server, tmp_path, rid, "returned", "Foto KK buram")
    sync_and_wait(qtbot, window)
    # The officer corrects the record while the office returns it again for another reason.
    with ws.transaction() as s:
        regs.transition(s, actor=actor, registration_id=rid, action="reopen", now=ws.now())
        regs.save_draft(s, actor=actor, registration_id=rid, data=dict(regs.get(s, rid).data, phone="081299998888"),
                        now=ws.now())
        regs.submit(s, actor=actor, registration_id=rid, now=ws.now(), today=date.today(), regions=shipped_regions())
    set_status(server, tmp_path, rid, "returned", "Tanda tangan kurang")
    sync_and_wait(qtbot, window)
    qtbot.waitUntil(lambda: panel.conflicts.topLevelItemCount() == 1, timeout=WAIT)
    assert "Phone" in panel.conflicts.topLevelItem(0).text(2)
    dialog = panel.open_conflict(panel.conflicts.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole))
    qtbot.addWidget(dialog)
    texts = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): (dialog.table.item(r, 1).text(),
                                                                     dialog.table.item(r, 2).text())
             for r in range(dialog.table.rowCount())}
    assert texts["data.phone"][0] == "081299998888" and texts["data.phone"][1] != "081299998888"
    assert dialog.table.item(0, 1).background().color().name() == "#fff3c4"  # differences first, highlighted
    assert "history" in dialog.findChild(type(dialog.message), "hint").text()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        qtbot.mouseClick(dialog.keep_server, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.conflicts.topLevelItemCount() == 0, timeout=WAIT)
    with ws.transaction() as s:
        reg = regs.get(s, rid)
        assert reg.review_comment == "Tanda tangan kurang" and reg.data["phone"] != "081299998888"
        entry = regs.history(s, rid)[-1]
        assert entry.action == "resolve" and entry.changes["data.phone"][0] == "081299998888"
        assert sync_state.pending_count(s) == 0


def test_cancel_stops_a_slow_sync_and_the_next_run_doubles_nothing(qtbot, ws, server, proxy, tmp_path):
    actor = enrolled(ws, proxy, server)
    [rid] = submitted(ws, actor, 1, first=60)
    store = attachments.AttachmentStore.beside(ws.db_path)
    with ws.transaction() as s:
        sha = attachments.attach(s, store=store, actor=actor, registration_id=rid, data=bytes(range(256)) * 2048,
                                 media_type="image/jpeg", purpose="photo", now=ws.now()).sha256
    window = open_window(qtbot, ws, actor, tmp_path)
    panel = window.sync_panel
    proxy.faults = Faults(bandwidth=400_000)  # a 256 KB chunk takes about 5 s
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.last_progress is not None and window.sync.last_progress.phase == "files",
                    timeout=WAIT)
    assert panel.cancel_button.isVisible() and not panel.sync_button.isEnabled()
    assert "Sending photos and documents" in panel.progress_text.text()
    assert window.sync.sync_now() is False  # never two runs at once
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=10_000)
    assert isinstance(window.sync.last_error, Cancelled)
    assert "cancelled" in panel.last.text()
    qtbot.waitUntil(lambda: "Cancelled" in tree_texts(panel.log, 2), timeout=WAIT)
    proxy.faults = Faults()
    sync_and_wait(qtbot, window)
    assert window.sync.last_error is None and window.sync.last_result.files_sent == 1
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=rid) == 1
    assert server.scalar("SELECT version FROM registrations WHERE id = :i", i=rid) == 1
    assert server.scalar("SELECT complete FROM attachments WHERE sha256 = :s", s=sha) in (1, True)


def test_offline_shows_offline_and_keeps_working(qtbot, ws, server, proxy, tmp_path):
    actor = enrolled(ws, proxy, server)
    submitted(ws, actor, 2, first=80)
    proxy.faults = Faults(down_until=time.monotonic() + 3600)  # the server is out of reach from here on
    window = open_window(qtbot, ws, actor, tmp_path)
    panel = window.sync_panel
    qtbot.waitUntil(lambda: window.sync.pending == 2, timeout=WAIT)
    window.sync.probe_now()
    qtbot.waitUntil(lambda: window.sync.online is False, timeout=WAIT)
    assert window.sync_status.text() == "Offline · 2 records waiting"
    assert "offline" in panel.server.text()
    sync_and_wait(qtbot, window, pending=2)  # pressed anyway: it gives up with a message, nothing breaks
    assert window.sync.last_error is not None and "cannot be reached" in panel.last.text().lower()
    assert panel.pending.text() == "2" and window.sync_status.text() == "Offline · 2 records waiting"
    qtbot.waitUntil(lambda: "Offline" in tree_texts(panel.log, 2), timeout=WAIT)


def test_the_login_hands_over_the_password_only_after_success_and_repr_hides_it(qtbot, workspace, officer, tmp_path):
    from ui.shell.login import LoginDialog

    dialog = LoginDialog(workspace, TaskRunner(synchronous=True), "en")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "siti")
    qtbot.keyClicks(dialog.password, "salah-sekali")
    dialog.log_in()
    assert dialog.actor is None and dialog.typed_password == ""
    qtbot.keyClicks(dialog.password, "rahasia123")
    dialog.log_in()
    assert dialog.actor is not None and dialog.typed_password == "rahasia123"
    ctx = UiContext(workspace, dialog.actor, TaskRunner(synchronous=True), Settings(), tmp_path, Changes(),
                    password=dialog.typed_password)
    assert "rahasia123" not in repr(ctx)


def test_the_sync_starts_by_itself_when_the_server_comes_back(qtbot, ws, server, proxy, tmp_path):
    actor = enrolled(ws, proxy, server)
    [rid] = submitted(ws, actor, 1, first=90)
    proxy.faults = Faults(down_until=time.monotonic() + 3600)
    ctx = UiContext(ws, actor, TaskRunner(), Settings(language="en"), tmp_path, Changes(), password=PASSWORD)
    controller = SyncController(ctx, make_client=fast_client, probe_ms=200)  # the app probes every minute
    window = MainWindow(ctx, sync=controller)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: controller.online is False, timeout=WAIT)
    assert window.sync_status.text() == "Offline · 1 record waiting"
    proxy.faults = Faults()  # the tower is back
    qtbot.waitUntil(lambda: controller.last_result is not None and controller.pending == 0, timeout=WAIT)
    assert controller.last_result.accepted == 1
    assert server.scalar("SELECT count(*) FROM registrations WHERE id = :i", i=rid) == 1
    qtbot.waitUntil(lambda: window.sync_status.text().startswith("Synced "), timeout=WAIT)
