"""Renders the birth form, the cataract form, the follow-up list and the home page as a field officer's 1366x768
laptop shows them, for a look before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_forms.py [OUT_DIR]   # default bench/out/screens
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import auth, registrations  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from ui import style  # noqa: E402
from ui.context import Changes, UiContext  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

PAGE_SIZE = (1366 - 230, 768 - 78)  # the screen minus navigation, title bar, status bar and task bar
PATIENTS = [("Nenek Aminah", "16.03.07.1001", -12), ("Kakek Sulaiman", "16.03.07.1002", -3),
            ("Ibu Rohani", "16.03.07.1001", 0), ("Pak Darmawan", "16.03.06.2001", 2), ("Nyai Fatimah", "16.03.07.1003", 4),
            ("Wak Hasan", "16.03.07.1001", 6), ("Mak Inah", "16.03.06.2001", 9), ("Datuk Rasyid", "16.03.07.1002", 14),
            ("Bu Saodah", "16.03.07.1003", 21), ("Pak Usman", "16.03.07.1001", 30)]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    style.apply(app)
    install_translators(app, "id")
    from ui.birth_form import BirthFormPage
    from ui.cataract_form import CataractFormPage
    from ui.follow_up_page import FollowUpPage
    from ui.home_page import HomePage

    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp))
        with ws.transaction() as s:
            user = auth.create_user(s, username="siti", full_name="Siti Aminah", password="rahasia123",
                                    role="officer", now=datetime(2026, 1, 1))
            actor = auth.Actor(user.id, user.username, user.full_name, user.role, ws.device_id)
            for name, village, days in PATIENTS:
                registrations.create_draft(s, actor=actor, kind="cataract", now=ws.now(), data={
                    "patient_name": name, "patient_village_code": village, "referred": True,
                    "referral_date": (date.today() + timedelta(days=days)).isoformat()})
        ctx = UiContext(ws, actor, TaskRunner(synchronous=True), Settings(), Path(tmp), Changes())

        def shot(page, name: str) -> None:
            page.resize(*PAGE_SIZE)
            page.show()
            for _ in range(3):  # deferred layouts (wrapped rows) settle over a few passes
                app.processEvents()
            page.grab().save(str(out / name))
            print(out / name)

        birth = BirthFormPage(ctx)
        shot(birth, "birth_top.png")
        for key, text in (("mother_name", "Siti Rahmawati"), ("mother_birth_date", "17081990"),
                          ("child_name", "Putri Aulia"), ("child_birth_date", "01011980"), ("child_weight", "40"),
                          ("child_nik", "1603075001260001"), ("witness1_name", "Budi"),
                          ("witness1_nik", "1603075001260001")):
            QTest.keyClicks(birth.editors[key], text)
        birth.submit()
        birth.scroll.verticalScrollBar().setValue(0)
        shot(birth, "birth_errors_top.png")
        birth.focus_field("child_weight")
        shot(birth, "birth_child_errors.png")
        birth.scroll.verticalScrollBar().setValue(birth.scroll.verticalScrollBar().maximum())
        shot(birth, "birth_documents.png")
        birth.close()

        eyes = CataractFormPage(ctx)
        QTest.keyClicks(eyes.editors["patient_name"], "Nenek Aminah")
        for key, index in (("exam_status", 1), ("right_presenting_va", 5), ("left_presenting_va", 3),
                           ("left_pinhole_va", 2), ("right_lens", 2), ("left_lens", 2)):
            eyes.editors[key].setCurrentIndex(index)
            eyes.editors[key].activated.emit(index)
        eyes.validate()
        eyes.focus_field("right_presenting_va")
        shot(eyes, "cataract_eyes.png")
        eyes.close()

        shot(FollowUpPage(ctx), "follow_ups.png")
        shot(HomePage(ctx), "home_follow_ups.png")
        ws.close()


if __name__ == "__main__":
    main()
