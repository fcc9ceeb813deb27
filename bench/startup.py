"""Cold start of the built executable to its first window (offscreen). Prints ONE JSON line.

    scripts/build.sh && .venv/bin/python bench/startup.py [--runs 5] [--exe dist/jemput/jemput]

The app is started with JEMPUT_STARTUP_PROBE=1, which makes it print FIRST_WINDOW as soon as its first window (the
login or first-account dialog) is shown and then quit. The time is measured here, from before the process is
spawned to that line, so it includes loading Python, Qt and the bundle. The first run on a new data folder also
creates and migrates the database; later runs open it. Goal: <= 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drop_caches() -> bool:
    """Empties the OS file cache when allowed (root on a real machine), so that the first run is truly cold."""
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
        raise RuntimeError(f"the app exited ({proc.wait()}) without showing a window")
    finally:
        proc.kill()
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--exe", type=Path, default=ROOT / "dist" / "jemput" / "jemput")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="jemput-startup-"))
    cold_cache = drop_caches()
    first = one_run(args.exe, data_dir)  # new database: created and migrated
    warm = [one_run(args.exe, data_dir) for _ in range(args.runs)]
    print(json.dumps({
        "cold_start_s": round(first, 3),
        "os_cache_dropped": cold_cache,
        "warm_start_median_s": round(statistics.median(warm), 3),
        "warm_start_max_s": round(max(warm), 3),
        "runs": args.runs,
    }))


if __name__ == "__main__":
    main()
