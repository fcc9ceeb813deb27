"""Renders the sync page mid-sync, its list of records the server did not accept, and the conflict dialog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_sync.py [OUT_DIR]   # default bench/out/screens

The data is real: a server on loopback (as in the tests), records synced, one refused, one in conflict. Only the
progress is staged, because a screenshot cannot wait for a slow link.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from screens_common import ROOT, Screens

sys.path.insert(0, str(ROOT / "tests" / "server"))

from live_server import PASSWORD, VALID_EKTP, LiveServer  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app import auth, sync_state  # noqa: E402
from app import registrations as regs  # noqa: E402
from app.reference.regions import shipped_regions  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from server.core.config import Settings as ServerSettings  # noqa: E402
from sync.engine import SyncProgress, run_sync  # noqa: E402
from sync.enrol import enrol  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.common.tasks import TaskRunner  # noqa: E402

WINDOW = (1366, 768 - 40)  # a cheap 14" laptop, minus the taskbar
NAMES = ["Rina Marlina", "Ahmad Fauzi", "Dewi Sartika", "Joko Susilo", "Sri Wahyuni", "Bambang Irawan"]


def submit(ws, actor, i: int, name: str) -> str:
    with ws.transaction() as s:
        data = dict(VALID_EKTP, nik=VALID_EKTP["nik"][:12] + f"{i:04d}", name=name)
        reg = regs.create_draft(s, actor=actor, kind="ektp", now=ws.now(), data=data)
        regs.submit(s, actor=actor, registration_id=reg.id, now=ws.now(), today=date.today(), regions=shipped_regions())
        return reg.id


def set_status(server, folder: Path, rid: str, state: str, note: str) -> None:
    csv = folder / "status.csv"
    csv.write_text(f"registration_id,status,note\n{rid},{state},{note}\n", "utf-8")
    assert server.cli("set-status", "--csv", str(csv))[0] == 0


def main() -> None:
    screens = Screens(sys.argv)
    from ui.shell.main_window import SYNC, MainWindow

    def shot(widget, name: str, size) -> None:
        screens.shoot(widget, name, size, passes=5)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = LiveServer(ServerSettings(data_dir=tmp / "server", data_key=os.urandom(32)), "sqlite")
        try:
            server.create_user("siti.aminah")
            ws = Workspace.open(tmp / "laptop")
            enrol(ws, server.root, server.enrol_code(for_user="siti.aminah"), "laptop-muara-enim-01")
            with ws.transaction() as s:
                actor = auth.login(s, username="siti.aminah", password=PASSWORD, now=ws.now(),
                                   device_id=ws.device_id)
            ids = [submit(ws, actor, i, name) for i, name in enumerate(NAMES, 1)]
            with ws.transaction() as s:
                for bad in ids[1:3]:  # valid on the laptop, refused by the server's checks
                    s.execute(text("UPDATE registrations SET data = json_set(data, '$.nik', '16030745') "
                                   "WHERE id = :i"), {"i": bad})
            run_sync(ws, username=actor.username, password=PASSWORD)
            rid = ids[0]
            set_status(server, tmp, rid, "returned", "Foto KK buram")
            run_sync(ws, username=actor.username, password=PASSWORD)
            with ws.transaction() as s:
                regs.transition(s, actor=actor, registration_id=rid, action="reopen", now=ws.now())
                data = dict(regs.get(s, rid).data, phone="0813-7777-1234", address="Jl. Lintas Sumatra Km 12")
                regs.save_draft(s, actor=actor, registration_id=rid, data=data, now=ws.now())
                regs.submit(s, actor=actor, registration_id=rid, now=ws.now(), today=date.today(),
                            regions=shipped_regions())
            set_status(server, tmp, rid, "returned", "Tanda tangan pemohon kurang")
            run_sync(ws, username=actor.username, password=PASSWORD)
            for i in range(40):
                submit(ws, actor, 100 + i, f"Warga {chr(65 + i % 26)}")

            ctx = UiContext(ws, actor, TaskRunner(synchronous=True), Settings(), tmp, Changes(), password=PASSWORD)
            window = MainWindow(ctx)
            # The records page (not shown here) asks for more width than the laptop has, which would widen every
            # screenshot; the sync page is judged at the laptop's real width.
            window.records.setMinimumSize(1, 1)
            window.nav.setCurrentRow(SYNC)
            panel, sync = window.sync_panel, window.sync
            panel.tabs.setCurrentIndex(2)
            # Staged: a run pushing the 40 new records over a slow link.
            sync.running = True
            sync.last_progress = progress = SyncProgress("push", 12, 40, 38_900, 2_300)
            sync.state_changed.emit()
            panel.show_progress(progress)
            shot(window, "sync_panel_mid_sync.png", WINDOW)
            sync.running, sync.last_progress = False, None
            sync.state_changed.emit()
            panel.tabs.setCurrentIndex(0)
            shot(window, "sync_rejected_list.png", WINDOW)
            with ws.transaction() as s:
                [conflict] = sync_state.conflicts(s)
            dialog = panel.open_conflict(conflict.id)
            shot(dialog, "sync_conflict_dialog.png", (1000, 640))
            dialog.close()
            window.close()
            ws.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
