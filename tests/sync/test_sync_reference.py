"""Updated regions from the server: published with the CLI, announced by the pull, downloaded after it with
ranges that resume after a cut, checked, installed under the data folder and used by the workspace's regions at once."""

import hashlib
import json
import time

import pytest
from live_server import regions_file

from app.reference.regions import DATA_FILE, newest_regions_file, regions_in, shipped_regions
from app.workspace import Workspace
from bench.faultproxy import Faults
from db.models import Meta, SyncLog
from sync.client import Offline
from sync.payload import CHUNK_SIZE


def publish(server, tmp_path, villages: dict[int, str]) -> tuple[int, bytes]:
    path = regions_file(tmp_path, villages, name=f"publish-{len(villages)}-{time.monotonic_ns()}.sqlite")
    code, out = server.cli("publish-regions", str(path))
    assert code == 0 and "published regions version" in out, out
    return int(out.split("version ")[1].split(":")[0]), path.read_bytes()


def meta(ws, key):
    with ws.transaction() as s:
        row = s.get(Meta, key)
        return row.value if row else None


def test_a_published_village_reaches_the_laptop(laptop, server, kit, tmp_path):
    held = laptop.regions  # as an open form holds it
    assert held.get("16.03.07.2099") is None
    version, content = publish(server, tmp_path, {1603072099: "Desa Baru Uji"})
    result = kit.sync(laptop)
    assert result.references_installed == [f"regions {version}"]
    assert held.get("16.03.07.2099").name == "Desa Baru Uji"
    assert laptop.regions is held
    # Nobody else's regions changed: there is no process-wide list.
    assert shipped_regions().get("16.03.07.2099") is None
    installed = laptop.db_path.parent / "reference" / f"regions-{version}.sqlite"
    assert hashlib.sha256(installed.read_bytes()).hexdigest() == hashlib.sha256(content).hexdigest()
    assert meta(laptop, "reference_version:regions") == str(version)
    assert meta(laptop, "reference_pending:regions") is None
    # At the next start, the newest installed file is found without the sync.
    assert newest_regions_file(installed.parent) == installed
    again = Workspace.open(laptop.db_path.parent)
    try:
        assert again.regions.path == installed
    finally:
        again.close()
    # Nothing to do the next time.
    assert kit.sync(laptop).reference_bytes == 0


def test_a_cut_download_resumes_from_the_part_file(laptop, server, proxy, kit, tmp_path):
    version, content = publish(server, tmp_path, {1603072099: "Desa Baru Uji", 1603072098: "Desa Potong"})
    part = laptop.db_path.parent / "reference" / f"regions-{version}.sqlite.part"

    def link_drops_mid_download(_progress):
        if part.exists() and part.stat().st_size >= 2 * CHUNK_SIZE and not proxy.faults.down_until:
            proxy.faults = Faults(down_until=time.monotonic() + 60)
            proxy.cut_all()

    with pytest.raises(Offline):
        kit.sync(laptop, client=kit.fast_client(laptop, give_up_after=1), progress=link_drops_mid_download)
    kept = part.stat().st_size
    assert 0 < kept < len(content)
    # The cursor went past the change, but the download is still recorded: nothing is skipped.
    assert json.loads(meta(laptop, "reference_pending:regions"))["version"] == version
    assert laptop.regions.get("16.03.07.2098") is None

    # The link returns, still cutting now and then (a byte budget per connection).
    proxy.faults = Faults(cut_range=(60_000, 300_000), max_cuts=4)
    proxy.reset_counters()
    result = kit.sync(laptop)
    assert proxy.counters.cuts >= 1, "the test must really cut"
    assert result.references_installed == [f"regions {version}"]
    assert result.reference_bytes == len(content) - kept, "resumed, not started again"
    installed = part.with_name(f"regions-{version}.sqlite")
    assert hashlib.sha256(installed.read_bytes()).hexdigest() == hashlib.sha256(content).hexdigest()
    assert not part.exists()
    assert laptop.regions.get("16.03.07.2098").name == "Desa Potong"


def test_startup_skips_a_damaged_installed_file(tmp_path):
    folder = tmp_path / "reference"
    folder.mkdir()
    good = folder / "regions-3.sqlite"
    good.write_bytes(DATA_FILE.read_bytes())
    (folder / "regions-4.sqlite").write_bytes(b"half a download" * 100)
    (folder / "regions-5.sqlite.part").write_bytes(b"")
    assert regions_in(tmp_path).path == good
    assert regions_in(tmp_path).get("16.03.07.1001").name == "Tanjung Enim"
    assert regions_in(tmp_path / "nothing-installed").path == DATA_FILE


def test_a_file_damaged_on_the_way_is_refused_and_the_old_list_stays(laptop, server, kit, tmp_path):
    """Last in this module: the server's newest version stays damaged."""
    version, content = publish(server, tmp_path, {1603072097: "Desa Rusak"})
    stored = server.settings.reference_dir / hashlib.sha256(content).hexdigest()
    damaged = bytearray(stored.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    stored.write_bytes(bytes(damaged))
    result = kit.sync(laptop)
    assert result.references_installed == []
    assert laptop.regions.path == DATA_FILE
    assert laptop.regions.get("16.03.07.2097") is None
    assert not list((laptop.db_path.parent / "reference").glob(f"regions-{version}*"))
    with laptop.transaction() as s:
        entry = s.query(SyncLog).order_by(SyncLog.id.desc()).first()
        assert entry.result == "ok"
        assert f"Data wilayah versi {version}" in entry.message and "SHA-256 tidak cocok" in entry.message
    # Still pending: the next sync tries again.
    assert json.loads(meta(laptop, "reference_pending:regions"))["version"] == version
