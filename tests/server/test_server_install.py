"""The server installs and runs without Qt: `pip install ".[server]"` pulls in no PySide6 (pyproject.toml).

A fresh virtual environment would need the package index (this machine's pip has no wheel cache), so the proof
has two halves that need no network: the requirement closure of the base and the ``server`` extra, walked through
the metadata of what is installed here, holds no Qt; and the real server CLI, in a process where importing
PySide6 (or shiboken6) raises, migrates, creates a user and answers /health.
"""

import os
import re
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
QT = re.compile(r"^(pyside6|shiboken6)", re.IGNORECASE)
NO_QT = """
import importlib.abc, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} must not be imported by the server")
        return None

sys.meta_path.insert(0, NoQt())
from server.cli import main
code = main(sys.argv[1:])
assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
sys.exit(code)
"""


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _closure(requirements: list[str]) -> set[str]:
    """Normalised names of these requirements and everything they require, markers evaluated on this Python."""
    seen: set[str] = set()
    todo = [(Requirement(text), "") for text in requirements]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        key = f"{name}[{','.join(sorted(req.extras))}]"
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue  # not installed here: nothing of it can be Qt that is installed here either
        for text in dist.requires or []:
            todo += [(Requirement(text), wanted) for wanted in ("", *req.extras)]
    return {key.split("[")[0] for key in seen}


def test_server_install_pulls_in_no_qt():
    project = _project()
    names = _closure([*project["dependencies"], *project["optional-dependencies"]["server"]])
    assert {"fastapi", "uvicorn", "sqlalchemy", "alembic"} <= names
    assert sorted(n for n in names if QT.match(n)) == []


def test_desktop_install_does_pull_in_qt():
    # The walk above must be able to see Qt at all, or its silence proves nothing.
    project = _project()
    names = _closure([*project["dependencies"], *project["optional-dependencies"]["desktop"]])
    assert {"pyside6-essentials", "shiboken6"} <= names


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_server_runs_where_qt_cannot_be_imported(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("JEMPUT_SERVER_DATABASE_URL", None)
    base = [sys.executable, "-c", NO_QT, "--data-dir", str(tmp_path)]
    made = subprocess.run([*base, "create-user", "--username", "ani", "--full-name", "Ani", "--role", "supervisor",
                           "--password", "rahasia-sekali-123"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert made.returncode == 0, made.stderr
    port = _free_port()
    server = subprocess.Popen([*base, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                    assert b'"status":"ok"' in answer.read()
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.communicate(timeout=5)[0]) from None
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)
