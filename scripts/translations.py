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
# area -> the folders and files whose marked strings it holds. The areas follow the rooms of the code: "core" is
# app/, each folder of ui/ is one (ui/'s own few top-level files belong to the shell), and each service is one of
# its own, app/kinds/<key>/ with its page ui/kinds/<key>.py (and ui/kinds/<key>_*.py), so that adding a service
# adds its own catalogue and edits no other. A file belongs to the area naming the deepest folder that holds it,
# so each string has one home. sync/ is Qt-free core like app/ (its batch files' refusals, sync/batch/errors.py):
# its strings are core strings too.
UI_ROOMS = sorted(p.name for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists())
SERVICES = sorted(p.name for p in (ROOT / "app" / "kinds").iterdir() if (p / "__init__.py").exists())
AREAS = {
    "core": ["app", "sync"],
    **{room: [f"ui/{room}"] for room in UI_ROOMS},
    **{key: [f"app/kinds/{key}", f"ui/kinds/{key}.py", f"ui/kinds/{key}_"] for key in SERVICES},
}
AREAS["shell"] += sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "ui").glob("*.py"))
LANGUAGES = ["id", "en"]


def _claim(path: str, entry: str) -> int:
    """How closely ``entry`` (a folder, a file, or a file name's start ending in "_") names ``path``; 0: not."""
    if path == entry or (entry.endswith("_") and path.startswith(entry)):
        return 10_000
    return len(entry) if path.startswith(entry + "/") else 0


def sources(area: str) -> list[str]:
    """The files whose strings ``area`` holds."""
    every = sorted(p.relative_to(ROOT).as_posix() for top in ("app", "sync", "ui")
             for p in (ROOT / top).rglob("*.py"))
    def home(path: str) -> str | None:
        score, owner = max((_claim(path, entry), name) for name, entries in AREAS.items() for entry in entries)
        return owner if score else None
    return [path for path in every if home(path) == area]


def update() -> None:
    for area in AREAS:
        for lang in LANGUAGES:
            ts = TS_DIR / f"{area}_{lang}.ts"
            plural_only = ["-pluralonly"] if lang == "en" else []
            cmd = [str(BIN / "pyside6-lupdate"), *sources(area), "-no-obsolete", "-locations", "none",
                   *plural_only, "-target-language", lang, "-ts", str(ts.relative_to(ROOT))]
            subprocess.run(cmd, cwd=ROOT, check=True)
            if "<message" not in ts.read_text(encoding="utf-8"):
                ts.unlink()  # an area with no plural forms needs no English file; one with no strings, none at all


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1]]()
