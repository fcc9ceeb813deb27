"""Issue 11's proof for data at rest: records with photos made through the app and synced, then every byte of the
laptop's data folder (database, WAL, backups, key ring, photos, temporary files) and of the embedded server's data
folder searched for each NIK, name, address and health value typed: none is found."""

from __future__ import annotations

import tempfile
from pathlib import Path

from journey_kit import (CATARACT_TYPED, EKTP_TYPED, WAIT, fill_cataract, finish_confirmation, send_ektp,
                         submit)
from ui_helpers import add_file_through_form, make_png

from app.attachments import AttachmentStore
from db import migrate

# What a person typed: identity (NIK, KK number, names, places) and health (the screening's fields as the record
# stores them). The JSON fragments catch a record stored whole.
TYPED = [EKTP_TYPED["nik"], EKTP_TYPED["kk_number"], "Siti Rahmawati", EKTP_TYPED["head_of_family"],
         EKTP_TYPED["address"], EKTP_TYPED["mother_name"], "Muara Enim", CATARACT_TYPED["patient_name"],
         CATARACT_TYPED["patient_address"], "1603075708900099", "Budi Santoso Rahasia",
         '"right_presenting_va"', '"principal_cause"', '"surgery_barriers"', '"patient_name"', '"nik"']


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def forms_of(needle: bytes) -> set[bytes]:
    """A typed text as it could lie in a file: as typed, in capitals or small letters (the forms upper-case
    names), in UTF-16 (Qt's and Windows' strings); a slice of a photo only as it is."""
    try:
        text = needle.decode()
    except UnicodeDecodeError:
        return {needle}
    return {needle, needle.lower(), needle.upper(), text.encode("utf-16-le")}


def hits_in(files: list[Path], needles: list[bytes]) -> list[str]:
    found = []
    for path in files:
        raw = path.read_bytes()
        for needle in needles:
            if any(form in raw for form in forms_of(needle)):
                found.append(f"{path.name}: {needle[:24]!r}")
    return sorted(set(found))


def test_nothing_typed_or_photographed_is_readable_in_either_data_folder(qtbot, laptop, journey_server, tmp_path):
    server = journey_server
    laptop.create_first_account("Siti Aminah", "siti")
    window = laptop.window
    send_ektp(qtbot, laptop, "Siti Rahmawati", EKTP_TYPED["nik"], photo=make_png(tmp_path / "pas-foto.png"))
    send_ektp(qtbot, laptop, "Budi Santoso Rahasia", "1603075708900099",
              photo=make_png(tmp_path / "pas-foto-budi.png", "#20a050"))
    form = laptop.new_form("cataract")
    fill_cataract(qtbot, form)
    add_file_through_form(qtbot, form, make_png(tmp_path / "mata.png", "#aa3333"))
    finish_confirmation(qtbot, window, submit(qtbot, window, form))
    laptop.enrol(server.root, server.enrol_code(for_user="siti"))
    result = laptop.sync()
    assert (result.sent, result.accepted, result.files_sent) == (3, 3, 3)

    # The photos as the laptop holds them (downscaled, re-encoded): a slice from the middle of each must not be
    # in any file, so a photo is never stored byte for byte.
    store = AttachmentStore.beside(laptop.workspace.db_path)
    hashes = sorted(p.name for p in store.root.rglob("*") if p.is_file())
    assert len(hashes) == 3
    photos = [store.read(sha) for sha in hashes]
    needles = [text.encode() for text in TYPED] + [p[len(p) // 2:len(p) // 2 + 48] for p in photos]

    control = tmp_path / "control.bin"  # the search itself finds what it looks for
    control.write_bytes(b"..." + EKTP_TYPED["nik"].encode() + b"..." + photos[0])
    assert len(hits_in([control], needles)) == 2

    folder = laptop.folder
    assert (folder / "jemput.sqlite-wal").exists()  # searched while the app runs, its WAL full of pages
    temporary = [p for p in Path(tempfile.gettempdir()).glob("jemput-*") if p.is_file()]
    laptop_files = every_file(folder) + temporary
    assert hits_in(laptop_files, needles) == []
    server_files = every_file(server.settings.data_dir)
    assert any(p.parent.parent.name == "attachments" for p in server_files)
    assert hits_in(server_files, needles) == []
    # Nothing is readable by another user of the machine either.
    assert [p.name for p in [folder, *every_file(folder)] if p.stat().st_mode & 0o077] == []

    # The backups an upgrade makes are encrypted too, and so is what a restart leaves.
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT)
    laptop.close()
    for path in every_file(folder):
        assert not migrate.is_plaintext(path), path.name
    assert hits_in(every_file(folder), needles) == []
