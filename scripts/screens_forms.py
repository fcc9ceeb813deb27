"""Renders the birth form, the cataract form, the follow-up list and the home page as a field officer's 1366x768
laptop shows them, for a look before a release.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screens_forms.py [OUT_DIR]   # default bench/out/screens
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from screens_common import Screens, officer_context

from PySide6.QtTest import QTest  # noqa: E402 - after screens_common has set up the path and Qt platform

from app import registrations  # noqa: E402

PATIENTS = [("Nenek Aminah", "16.03.07.1001", -12), ("Kakek Sulaiman", "16.03.07.1002", -3),
            ("Ibu Rohani", "16.03.07.1001", 0), ("Pak Darmawan", "16.03.06.2001", 2), ("Nyai Fatimah", "16.03.07.1003", 4),
            ("Wak Hasan", "16.03.07.1001", 6), ("Mak Inah", "16.03.06.2001", 9), ("Datuk Rasyid", "16.03.07.1002", 14),
            ("Bu Saodah", "16.03.07.1003", 21), ("Pak Usman", "16.03.07.1001", 30)]


def main() -> None:
    screens = Screens(sys.argv)
    shot = screens.shoot
    from ui.kinds.birth import BirthFormPage
    from ui.kinds.cataract import CataractFormPage
    from ui.follow_up.page import FollowUpPage
    from ui.shell.home_page import HomePage

    with tempfile.TemporaryDirectory() as tmp:
        ctx = officer_context(Path(tmp))
        ws, actor = ctx.workspace, ctx.actor
        with ws.transaction() as s:
            for name, village, days in PATIENTS:
                registrations.create_draft(s, actor=actor, kind="cataract", now=ws.now(), data={
                    "patient_name": name, "patient_village_code": village, "referred": True,
                    "referral_date": (date.today() + timedelta(days=days)).isoformat()})

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
