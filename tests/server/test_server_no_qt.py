"""server/ never imports Qt (ARCHITECTURE.md): the central server runs on machines without a display."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_IMPORT = re.compile(r"^\s*(import\s+PySide6|from\s+PySide6[\s.])", re.MULTILINE)
IMPORT_ALL = """
import importlib, json, pkgutil, sys
import server, sync.payload, sync.answers
failed = []
for info in pkgutil.walk_packages(server.__path__, "server."):
    if info.name == "server.migrations.env":
        continue  # runs only inside an Alembic command
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failed.append(f"{info.name}: {exc!r}")
print(json.dumps({"failed": failed, "qt": sorted(m for m in sys.modules if m.startswith("PySide6"))}))
"""


def test_no_server_file_imports_pyside6():
    files = [*(ROOT / "server").rglob("*.py"), *(ROOT / "sync" / name for name in ("payload.py", "answers.py",
                                                                                  "strict.py"))]
    assert [str(p.relative_to(ROOT)) for p in files if QT_IMPORT.search(p.read_text(encoding="utf-8"))] == []


def test_importing_every_server_module_loads_no_qt():
    proc = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"failed": [], "qt": []}
