"""Writes packaging/windows/requirements-win.txt: every package the Windows build installs, pinned with its
win_amd64 wheel's SHA-256.

    .venv/bin/python packaging/windows/lock.py

The versions are the ones installed in the environment running this script (the Linux .venv that the tests pass
in), so that the Windows build ships what was tested; the project's own ranges (pyproject.toml: the base
dependencies and the "desktop" extra) name the packages. pip judges environment markers against this Linux host
even with --platform, so the Windows-only dependencies of PyInstaller are named here explicitly.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("requirements-win.txt")
PYTHON_VERSION = "3.11"
# Needed only to build (PyInstaller runs under Wine with the Windows Python); they do not end up in the app.
BUILD_TOOLS = ["pyinstaller", "pyinstaller-hooks-contrib", "pefile", "pywin32-ctypes", "altgraph", "packaging",
               "setuptools"]


def project_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["desktop"]]


def name_of(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip()


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # Same versions as this environment, for every package it has.
        pins = {canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
        (work / "constraints.txt").write_text("".join(f"{n}=={v}\n" for n, v in sorted(pins.items())))
        wanted = project_requirements() + BUILD_TOOLS
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--platform",
                        "win_amd64", "--python-version", PYTHON_VERSION, "--implementation", "cp",
                        "-c", str(work / "constraints.txt"), "-d", str(work / "wheels"), *wanted], check=True)
        lines = []
        for wheel in sorted((work / "wheels").glob("*.whl"), key=lambda p: p.name.lower()):
            name, version = wheel.name.split("-")[:2]
            digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
            lines.append(f"{canonical(name)}=={version} \\\n    --hash=sha256:{digest}\n")
    OUT.write_text("# Made by: .venv/bin/python packaging/windows/lock.py (do not edit by hand)\n"
                   f"# win_amd64 wheels for CPython {PYTHON_VERSION}, installed by scripts/build-windows.sh\n"
                   + "".join(lines))
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} wheels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
