"""Keeps the Qt Linguist files in step with the code.

    python scripts/translations.py update    # pyside6-lupdate: add new source strings to every area's .ts
    python scripts/translations.py release   # pyside6-lrelease: compile every .ts to the .qm the UI loads

Each area has its own file, app/translations/<area>_<lang>.ts, so that parts of the project are translated
independently. English is the source language: its files (<area>_en.ts) hold only the plural forms, so that
"%n record(s)" reads "1 record" and "2 records".

qtbase_<lang>.ts is kept by hand and left alone by ``update``: it translates Qt's own widgets (file and print
dialogs, standard buttons) for a language Qt ships no catalogue for, under Qt's context names.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "app" / "translations"
BIN = Path(sys.executable).parent
# area -> source folders or files whose marked strings it holds; a file named by one area is left out of the
# folders of the others, so each string has one home
AREAS = {
    "core": ["app"],
    "ui": ["ui"],
    "form": ["ui/ektp_form.py", "ui/form_widgets.py", "ui/editor_base.py", "ui/region_picker.py", "ui/issue_panel.py"],
    "forms2": ["ui/registration_form.py", "ui/form_saving.py", "ui/form_editors.py", "ui/birth_form.py",
               "ui/birth_twins.py", "ui/cataract_form.py", "ui/person_picker.py", "ui/follow_up_page.py",
               "ui/village_filter.py", "ui/new_registration.py"],
    "media": ["ui/attachments_panel.py", "ui/photo_import.py", "ui/camera_capture.py", "ui/signature_pad.py",
              "ui/form_attachments.py", "ui/receipt_render.py", "ui/receipt_dialog.py", "ui/record_media.py",
              "ui/person_page.py"],
    "sync_ui": ["ui/sync_panel.py", "ui/sync_controller.py", "ui/conflict_dialog.py", "ui/enrol_dialog.py"],
    "follow_up_ui": ["ui/follow_up_dialog.py"],
}
LANGUAGES = ["id", "en"]


def sources(paths: list[str]) -> list[str]:
    claimed = {path for area in AREAS.values() for path in area if path.endswith(".py")}
    files: list[str] = []
    for path in paths:
        if path.endswith(".py"):
            files.append(path)
            continue
        files += sorted(name for p in (ROOT / path).rglob("*.py")
                        if (name := p.relative_to(ROOT).as_posix()) not in claimed)
    return files


def update() -> None:
    for area, folders in AREAS.items():
        for lang in LANGUAGES:
            ts = TS_DIR / f"{area}_{lang}.ts"
            plural_only = ["-pluralonly"] if lang == "en" else []
            cmd = [str(BIN / "pyside6-lupdate"), *sources(folders), "-no-obsolete", "-locations", "none",
                   *plural_only, "-target-language", lang, "-ts", str(ts.relative_to(ROOT))]
            subprocess.run(cmd, cwd=ROOT, check=True)
            if plural_only and "<message" not in ts.read_text(encoding="utf-8"):
                ts.unlink()  # an area with no plural forms needs no English file


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1]]()
