import os
import shutil
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


@pytest.mark.slow
def test_self_test_keeps_a_receipt_that_reads_back(tmp_path):
    """What the Windows check (scripts/check-windows.sh) relies on, here on Linux: the receipt the self-test drew
    is kept on request, and its text and QR code read back from outside the app."""
    pytest.importorskip("zxingcpp")
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils missing")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JEMPUT_DATA_DIR=str(tmp_path / "untouched"))
    kept = tmp_path / "kept"
    proc = subprocess.run([sys.executable, "-m", "app", "--self-test", "--self-test-output", str(kept)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "receipt PDF" in proc.stdout
    check = subprocess.run([sys.executable, str(ROOT / "packaging" / "windows" / "check_receipt.py"), str(kept)],
                           env=env, capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("Receipt read back:")
