"""Start-up of the built executable to its first window, pair by pair against a bare PySide6 app frozen the same
way (PyInstaller, one folder: bench/bare_qt_app.py). Prints ONE JSON line.

    .venv/bin/python bench/startup.py [--runs 7] [--exe dist/jemput/jemput] [--rebuild]

Builds what is missing: the app with build.spec (into dist/), the bare app into the user's cache. Both are started
offscreen with JEMPUT_STARTUP_PROBE=1 / the same probe line, and timed here from before the process is spawned to
FIRST_WINDOW, so loading Python, Qt and the bundle is included. The app is timed on the folder of a laptop with an
account (every officer's from the second day: the key ring is locked, the login form shows) and, once, on a new
folder (the first-account screen; the database is created). "cold" is each program's first start after the OS
file cache was dropped (when this user may: root on a real machine; else the first start after the build).

Goal (issue 12): the app within 2x of the bare app, cold and warm; the bundle within 200 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "jemput-bola" / "bare-qt"


def drop_caches() -> bool:
    """Empties the OS file cache when allowed, so that the next start is truly cold."""
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def one_run(exe: Path, data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JEMPUT_STARTUP_PROBE="1", JEMPUT_DATA_DIR=str(data_dir))
    start = time.perf_counter()
    proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("FIRST_WINDOW"):
                return time.perf_counter() - start
        raise RuntimeError(f"{exe} exited ({proc.wait()}) without showing a window")
    finally:
        proc.kill()
        proc.wait()


def build_app(exe: Path) -> None:
    subprocess.run([str(ROOT / ".venv" / "bin" / "pyinstaller"), "--noconfirm", "--clean", "--log-level", "WARN",
                    str(ROOT / "build.spec")], cwd=ROOT, check=True)
    if not exe.exists():
        raise SystemExit(f"the build made no {exe}")


def build_bare() -> Path:
    import PySide6

    folder = CACHE / PySide6.__version__
    exe = folder / "dist" / "bare_qt_app" / "bare_qt_app"
    if not exe.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        subprocess.run([str(ROOT / ".venv" / "bin" / "pyinstaller"), "--noconfirm", "--onedir", "--log-level",
                        "WARN", "--distpath", str(folder / "dist"), "--workpath", str(folder / "build"),
                        "--specpath", str(folder), str(ROOT / "bench" / "bare_qt_app.py")], check=True)
    return exe


def laptop_with_an_account(folder: Path) -> Path:
    from app import login
    from app.workspace import Workspace

    ws = Workspace.open(folder)
    try:
        login.create_first_account(ws, username="siti", full_name="Siti Aminah", password="kopi-susu-77",
                                   role="officer")
    finally:
        ws.close()
    return folder


def size_mb(folder: Path) -> float:
    """As du counts it: a symlink (the one-folder bundle has several) is not a second copy."""
    return round(sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--exe", type=Path, default=ROOT / "dist" / "jemput" / "jemput")
    parser.add_argument("--rebuild", action="store_true", help="build the app again even if --exe exists")
    args = parser.parse_args()
    if args.rebuild or not args.exe.exists():
        build_app(args.exe)
    bare = build_bare()
    work = Path(tempfile.mkdtemp(prefix="jemput-startup-"))
    locked = laptop_with_an_account(work / "laptop")
    empty = work / "bare-data"
    empty.mkdir()

    dropped = drop_caches()
    bare_cold = one_run(bare, empty)
    drop_caches()
    app_cold = one_run(args.exe, locked)
    first_run = one_run(args.exe, work / "new-laptop")  # the first-account screen; the database is created
    bare_warm, app_warm = [], []
    for i in range(args.runs):  # pair by pair, alternating which goes first, so that load hits both alike
        pair = [(bare_warm, bare, empty), (app_warm, args.exe, locked)]
        for times, exe, folder in (pair if i % 2 == 0 else pair[::-1]):
            times.append(one_run(exe, folder))
    shutil.rmtree(work, ignore_errors=True)
    bare_median, app_median = statistics.median(bare_warm), statistics.median(app_warm)
    print(json.dumps({
        "app_warm_median_s": round(app_median, 3),
        "bare_warm_median_s": round(bare_median, 3),
        "warm_ratio": round(app_median / bare_median, 2),
        "app_cold_s": round(app_cold, 3),
        "bare_cold_s": round(bare_cold, 3),
        "cold_ratio": round(app_cold / bare_cold, 2),
        "os_cache_dropped": dropped,
        "app_first_run_s": round(first_run, 3),
        "bundle_mb": size_mb(args.exe.parent),
        "bare_bundle_mb": size_mb(bare.parent),
        "runs": args.runs,
        "load_average": round(os.getloadavg()[0], 2),
    }))


if __name__ == "__main__":
    main()
