"""A full stick or a file the disk will not take: a clear refusal and nothing left behind, through the real error
path of the kernel (no fake file objects): /dev/full answers every write with ENOSPC, and RLIMIT_FSIZE, set in a
child process, makes the kernel refuse to grow a file past a size with EFBIG, as a FAT32 stick does at 4 GiB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from batch_kit import Party, write

from sync.batch import BatchError
from sync.batch.volumes import MIN_LIMIT

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/full and RLIMIT_FSIZE: Linux")

CHILD = r"""
import json, os, resource, signal, sys
from pathlib import Path
from batch_kit import Party, make_attachments, open_as, records_payload, header
from sync.batch import BatchError, volume_path, write_batch

mode, folder, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
siti, ani = Party("key-siti"), Party("key-ani")
payload, entries = records_payload(20)
files = make_attachments(folder / "photos", 12, size=60_000)
stick = folder / "stick"
stick.mkdir()

def limited():
    # Ignored, the signal would kill the process; the write then fails with EFBIG, which is what we test.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

result = {}
try:
    if mode == "read":
        path = write_batch(stick, "siti-0007", header(), payload, list(files.items()), siti.signing,
                           [ani.recipient], records=entries)
        limited()
        open_as(path, ani, siti, folder / "staging")
    else:
        limited()
        volume_limit = limit if mode == "split" else 2**32 - 1
        path = write_batch(stick, "siti-0007", header(), payload, list(files.items()), siti.signing,
                           [ani.recipient], records=entries, volume_limit=volume_limit)
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        opened = open_as(path, ani, siti, folder / "staging")
        result["opened"] = opened.payload == payload and len(opened.attachments) == len(files)
    result["code"] = None
except BatchError as exc:
    result["code"] = exc.code
    result["text"] = exc.text("id")
result["stick"] = sorted((p.name, p.stat().st_size) for p in stick.iterdir())
staging = folder / "staging"
result["staging"] = sorted(p.name for p in staging.iterdir()) if staging.exists() else []
print(json.dumps(result))
"""


def _child(mode: str, folder: Path, limit: int) -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests" / "sync")]))
    proc = subprocess.run([sys.executable, "-c", CHILD, mode, str(folder), str(limit)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stick_says_so_in_indonesian_and_leaves_nothing(tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    # The writer's own .part name points at a device that is always full: the real ENOSPC, from the real write.
    (stick / "siti-0007.jbb.part").symlink_to("/dev/full")
    with pytest.raises(BatchError) as caught:
        write(stick, Party("key-siti"), [Party("key-ani")])
    assert caught.value.code == "disk_full"
    assert caught.value.text("id").startswith("Ruang kosong")
    assert str(stick) in caught.value.text("id")
    assert list(stick.iterdir()) == []


@pytest.mark.slow
def test_a_file_the_disk_will_not_take_is_refused_and_removed(tmp_path):
    result = _child("write", tmp_path, 300_000)
    assert result["code"] == "file_too_big" and result["text"].startswith("Disk ")
    assert result["stick"] == []


@pytest.mark.slow
def test_volumes_stay_under_a_real_per_file_limit(tmp_path):
    # As a FAT32 stick refuses a byte past 4 GiB - 1, the kernel here refuses one past MIN_LIMIT.
    result = _child("split", tmp_path, MIN_LIMIT)
    assert result["code"] is None and result["opened"] is True
    sizes = dict(result["stick"])
    assert len(sizes) >= 5 and max(sizes.values()) <= MIN_LIMIT and "siti-0007.jbb" in sizes
    assert "siti-0007.002.jbb" in sizes and not any(name.endswith(".part") for name in sizes)


@pytest.mark.slow
def test_an_import_whose_staging_disk_refuses_a_file_leaves_staging_empty(tmp_path):
    result = _child("read", tmp_path, 50_000)
    assert result["code"] == "file_too_big" and result["staging"] == []
    assert [name for name, _size in result["stick"]] == ["siti-0007.jbb"]  # the stick is only read
