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
# area -> source folders or files whose marked strings it holds. The areas follow the rooms of the code: "core"
# is app/, and each folder of ui/ is one (ui/'s own few top-level files belong to the shell). A file named by one
# area is left out of the folders of the others, so each string has one home.
UI_ROOMS = sorted(p.name for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists())
AREAS = {
    "core": ["app"],
    **{room: [f"ui/{room}"] for room in UI_ROOMS},
}
AREAS["shell"] += sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "ui").glob("*.py"))
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
