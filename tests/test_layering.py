"""app/, db/ and sync/ never import Qt (ARCHITECTURE.md): the core must run and be tested without a display."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ("app", "db", "sync")
QT_IMPORT = re.compile(r"^\s*(import\s+PySide6|from\s+PySide6[\s.])", re.MULTILINE)


def test_no_core_file_imports_pyside6():
    offenders = [str(path.relative_to(ROOT)) for folder in CORE if (ROOT / folder).is_dir()
                 for path in (ROOT / folder).rglob("*.py") if QT_IMPORT.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


# Alembic's env.py runs only inside an Alembic command (it reads alembic.context.config at import).
NOT_IMPORTABLE = ("db.migrations.env",)
IMPORT_ALL = """
import importlib, json, pkgutil, sys
names, failed = [], []
for top in %r:
    try:
        package = importlib.import_module(top)
    except ModuleNotFoundError:
        continue  # sync/ does not exist yet
    names.append(top)
    for info in pkgutil.walk_packages(package.__path__, top + "."):
        if info.name in %r:
            continue
        try:
            importlib.import_module(info.name)
            names.append(info.name)
        except Exception as exc:
            failed.append(f"{info.name}: {exc!r}")
print(json.dumps({"names": names, "failed": failed, "qt": sorted(m for m in sys.modules if m.startswith("PySide6"))}))
"""


def test_importing_every_core_module_loads_no_qt():
    proc = subprocess.run([sys.executable, "-c", IMPORT_ALL % (CORE, NOT_IMPORTABLE)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "app.__main__" in result["names"] and "db.models" in result["names"]
    assert result["failed"] == []
    assert result["qt"] == []
