import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_self_test_passes_in_a_subprocess(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JEMPUT_DATA_DIR=str(tmp_path / "untouched"))
    proc = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Self-test OK:")
    assert "text renders" in proc.stdout
    # It works in a temporary folder: the officer's data folder is never created or touched.
    assert not (tmp_path / "untouched").exists()
