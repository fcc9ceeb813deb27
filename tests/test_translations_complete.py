"""Every marked string in the code has an Indonesian translation, and the shipped .qm files match the .ts files.

Catches the usual slip: new text added to the code, `translations.py update` never run, and the officer sees
English in a Bahasa Indonesia app.
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

BIN = Path(sys.executable).parent


def messages(ts: Path, finished_only: bool) -> set[tuple[str, str]]:
    found = set()
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished") and tr.text
            if done or not finished_only:
                found.add((name, msg.findtext("source", "")))
    return found


@pytest.mark.parametrize("area", sorted(translations.AREAS))
def test_every_marked_string_is_translated(area, tmp_path):
    fresh = tmp_path / f"{area}.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *translations.sources(area), "-locations",
                    "none", "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    translated = set()
    for ts in translations.TS_DIR.glob("*_id.ts"):
        translated |= messages(ts, finished_only=True)
    missing = sorted(messages(fresh, finished_only=False) - translated)
    assert not missing, f"untranslated in {area}: run scripts/translations.py update and translate: {missing[:10]}"


def test_shipped_qm_files_are_compiled_from_the_ts_files(tmp_path):
    for ts in sorted(translations.TS_DIR.glob("*.ts")):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name}: run scripts/translations.py release"


def test_no_tr_called_on_another_object():
    """lupdate files ``page.tr("...")`` under a context named "page", which no class has: the text then shows in
    English however well it is translated (the birth form's "Saved 07:24:07")."""
    import re

    pattern = re.compile(r"\b(?!self\b)[A-Za-z_]\w*\.tr\(")
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "ui").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not found, f"use self.tr or QCoreApplication.translate(\"Context\", ...) instead: {found}"


@pytest.mark.parametrize("area", sorted(translations.AREAS))
def test_every_plural_has_its_english_forms(area, tmp_path):
    """English is the source language, but "%n record(s)" must read "1 record" and "2 records"."""
    fresh = tmp_path / f"{area}.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), *translations.sources(area), "-locations",
                    "none", "-pluralonly", "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    english = set()
    for ts in translations.TS_DIR.glob("*_en.ts"):
        english |= messages(ts, finished_only=True)
    missing = sorted(messages(fresh, finished_only=False) - english)
    assert not missing, f"no English plural forms in {area}: run scripts/translations.py update: {missing[:10]}"
