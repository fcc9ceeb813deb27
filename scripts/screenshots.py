"""Renders the main screens to PNG files, offscreen, over a throwaway database with realistic South Sumatra data.

    python scripts/screenshots.py [OUT_DIR] [--lang id|en]     # default OUT_DIR: bench/out/screens

For looking at what an officer sees (font sizes, clipping) without a screen, and for documentation.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import auth, registrations as regs  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.reference import value_lists as vl  # noqa: E402
from app.reference.regions import shipped_regions  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from bench.realistic import person, sumsel_villages  # noqa: E402
from ui.shell import style  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.shell.login import LoginDialog  # noqa: E402
from ui.shell.main_window import DASHBOARD, FOLLOW_UPS, NEW, RECORDS, SETTINGS, SYNC, MainWindow  # noqa: E402
from ui.records.detail import RecordDetailPage  # noqa: E402
from ui.common.tasks import TaskRunner  # noqa: E402

SIZE = (1280, 720)
PASSWORD = "rahasia123"


def shoot(widget: QWidget, out: Path, name: str) -> None:
    widget.show()
    QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def make_user(ws: Workspace, username: str, full_name: str, role: str) -> auth.Actor:
    with ws.transaction() as s:
        user = auth.create_user(s, username=username, full_name=full_name, password=PASSWORD, role=role, now=ws.now())
        return auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)


def citizen(rng: random.Random, village: str, today: date) -> dict:
    """bench.realistic's person, made complete enough to pass the submit checks (blood type as a SIAK code, the
    marriage certificate of a married person)."""
    data = person(rng, village, today)
    data["blood_type"] = rng.choice(sorted(vl.codes(vl.BLOOD_TYPE)))
    if data.get("marital_status") == "2":
        born = date.fromisoformat(data["birth_date"])
        data["marriage_date"] = date(born.year + rng.randint(19, 26), rng.randint(1, 12), rng.randint(1, 28)
                                     ).isoformat()
        data["marriage_certificate_no"] = f"{rng.randint(100, 999)}/{rng.randint(10, 99)}/{data['marriage_date'][:4]}"
    return data


def send(session, officer: auth.Actor, registration_id: str, at) -> None:
    """Submits through the real service (validation, submitted_at); a form it refuses is sent the plain way."""
    issues = regs.submit(session, actor=officer, registration_id=registration_id, now=at, today=date.today(),
                         regions=shipped_regions())
    if any(i.severity == "error" for i in issues):
        regs.transition(session, actor=officer, registration_id=registration_id, action="submit", now=at)


def fill(ws: Workspace, officer: auth.Actor, supervisor: auth.Actor, n: int) -> str:
    """n records over the last two weeks in every status; returns the id of one with a long history."""
    rng = random.Random(16)
    villages = sumsel_villages(400)
    today = date.today()
    start = ws.now() - timedelta(days=14)
    for i in range(n):
        at = start + timedelta(hours=i * 14 * 24 / n)
        data = citizen(rng, rng.choice(villages), today)
        if i % 7 == 0:  # a draft the officer stopped half-way
            data = {k: data[k] for k in ("name", "nik", "village_code", "province_code", "regency_code",
                                         "district_code")}
        with ws.transaction() as s:
            reg = regs.create_draft(s, actor=officer, kind="ektp", now=at, data=data)
            if i % 7 == 0 or i % 5 == 0:
                continue
            send(s, officer, reg.id, at)
            if i % 3 == 0:
                regs.transition(s, actor=supervisor, registration_id=reg.id, action="approve",
                                now=at + timedelta(hours=3))
            elif i % 4 == 0:
                regs.transition(s, actor=supervisor, registration_id=reg.id, action="return",
                                now=at + timedelta(hours=3), comment="Foto KK tidak jelas, mohon difoto ulang.")
    # One record with a story: a typo fixed, sent, returned, corrected and sent again.
    at = ws.now() - timedelta(hours=3, minutes=10)
    data = citizen(rng, villages[0], today)
    with ws.transaction() as s:
        reg = regs.create_draft(s, actor=officer, kind="ektp", now=at, data=dict(data, name="NURHAYATI SAPUTR"))
        regs.save_draft(s, actor=officer, registration_id=reg.id, data=dict(data, name="NURHAYATI SAPUTRA"),
                        now=at + timedelta(minutes=20))
        send(s, officer, reg.id, at + timedelta(minutes=21))
        regs.transition(s, actor=supervisor, registration_id=reg.id, action="return", now=at + timedelta(hours=2),
                        comment="Nama ibu kandung belum sesuai KK.")
        regs.transition(s, actor=officer, registration_id=reg.id, action="reopen", now=at + timedelta(hours=3))
        regs.save_draft(s, actor=officer, registration_id=reg.id, now=at + timedelta(hours=3, minutes=2),
                        data=dict(data, name="NURHAYATI SAPUTRA", mother_name="MAIMUNAH HARAHAP"))
        send(s, officer, reg.id, at + timedelta(hours=3, minutes=5))
        return reg.id


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "bench" / "out" / "screens")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--records", type=int, default=50)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(["jemput-screenshots"])
    app.setApplicationName("Jemput Bola")
    style.apply(app)
    install_translators(app, args.lang)
    runner = TaskRunner(synchronous=True)

    with tempfile.TemporaryDirectory(prefix="jemput-screens-") as tmp:
        folder = Path(tmp)
        ws = Workspace.open(folder)
        try:
            first = LoginDialog(ws, runner, args.lang)
            first.new_name.setText("Siti Aminah")
            first.new_username.setText("siti.aminah")
            shoot(first, args.out, "01_first_account")
            first.close()

            officer = make_user(ws, "siti.aminah", "Siti Aminah", "officer")
            supervisor = make_user(ws, "hendra", "Hendra Wijaya", "supervisor")
            login = LoginDialog(ws, runner, args.lang)
            login.username.setText("siti.aminah")
            login.password.setText("salah")
            login.log_in()
            shoot(login, args.out, "02_login_error")
            login.close()

            story = fill(ws, officer, supervisor, args.records)
            ctx = UiContext(workspace=ws, actor=officer, runner=runner, settings=Settings(language=args.lang),
                            data_dir=folder, changes=Changes())
            window = MainWindow(ctx)
            window.resize(*SIZE)
            shoot(window, args.out, "03_home")
            window.nav.setCurrentRow(RECORDS)
            shoot(window, args.out, "04_records")
            window._open_transient(RecordDetailPage(ctx, story), return_row=RECORDS)
            shoot(window, args.out, "05_record_detail")
            window.nav.setCurrentRow(SETTINGS)
            shoot(window, args.out, "06_settings")
            window.nav.setCurrentRow(NEW)
            shoot(window, args.out, "07_new_registration")
            window.nav.setCurrentRow(FOLLOW_UPS)
            shoot(window, args.out, "08_follow_ups")
            window.nav.setCurrentRow(SYNC)
            shoot(window, args.out, "09_sync")
            window.nav.setCurrentRow(DASHBOARD)
            shoot(window, args.out, "10_dashboard")
            window.close()
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
