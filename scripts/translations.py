"""Keeps the Qt Linguist files in step with the code.

    python scripts/translations.py update    # pyside6-lupdate: add new source strings to every area's .ts
    python scripts/translations.py release   # pyside6-lrelease: compile every .ts to the .qm the UI loads

Each area has its own file, app/translations/<area>_<lang>.ts, so that parts of the project are translated
independently. English is the source language and needs no file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "app" / "translations"
BIN = Path(sys.executable).parent
# area -> source folders whose marked strings it holds
AREAS = {
    "core": ["app"],
    "ui": ["ui"],
}
LANGUAGES = ["id"]


def sources(folders: list[str]) -> list[str]:
    files: list[str] = []
    for folder in folders:
        files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py"))
    return files


def update() -> None:
    for area, folders in AREAS.items():
        for lang in LANGUAGES:
            ts = TS_DIR / f"{area}_{lang}.ts"
            cmd = [str(BIN / "pyside6-lupdate"), *sources(folders), "-no-obsolete", "-locations", "none",
                   "-target-language", lang, "-ts", str(ts.relative_to(ROOT))]
            subprocess.run(cmd, cwd=ROOT, check=True)


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1]]()
