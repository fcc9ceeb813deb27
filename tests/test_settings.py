"""settings.json: versioned, old files upgraded step by step, newer files read without losing their keys, damaged
files set aside (Picard's test_config_upgrade)."""

import json
import logging

import pytest

from app import settings_upgrade
from app.settings import FILENAME, Settings

# A real file written by the app before settings had a version (saved from its settings page, paper chosen on
# the receipt dialog).
VERSION_0_FILE = """{
  "language": "en",
  "autosave_seconds": 1.0,
  "photo_max_side": 1600,
  "photo_jpeg_quality": 80,
  "keep_original_photos": false,
  "receipt_paper": "thermal58",
  "retention_days": 30
}"""


def written(tmp_path, text: str):
    (tmp_path / FILENAME).write_text(text, encoding="utf-8")
    return tmp_path / FILENAME


def saved(tmp_path) -> dict:
    return json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))


def test_the_ladder_has_one_step_from_every_old_version():
    assert sorted(settings_upgrade.UPGRADES) == list(range(settings_upgrade.VERSION))


def test_step_0_to_1_keeps_every_key_and_its_meaning():
    raw = json.loads(VERSION_0_FILE)
    assert settings_upgrade.UPGRADES[0](dict(raw)) == raw
    assert settings_upgrade.upgrade(dict(raw)) == {**raw, "version": 2, "idle_lock_minutes": 10}


def test_step_1_to_2_adds_the_idle_lock_and_keeps_the_rest(tmp_path):
    version_1 = {**json.loads(VERSION_0_FILE), "version": 1}
    assert settings_upgrade.UPGRADES[1](dict(version_1)) == {**version_1, "idle_lock_minutes": 10}
    written(tmp_path, json.dumps(version_1))
    settings = Settings.load(tmp_path)
    assert (settings.idle_lock_minutes, settings.retention_days) == (10, 30)


def test_steps_run_in_order_one_version_at_a_time(monkeypatch):
    seen = []

    def step(n):
        return lambda raw: seen.append((n, raw["version"] if "version" in raw else 0)) or dict(raw, **{f"s{n}": n})

    monkeypatch.setattr(settings_upgrade, "VERSION", 3)
    monkeypatch.setattr(settings_upgrade, "UPGRADES", {0: step(0), 1: step(1), 2: step(2)})
    assert settings_upgrade.upgrade({"version": 1, "a": 1}) == {"version": 3, "a": 1, "s1": 1, "s2": 2}
    assert seen == [(1, 1), (2, 2)]


def test_a_real_unversioned_file_is_read_and_saved_with_a_version(tmp_path):
    written(tmp_path, VERSION_0_FILE)
    settings = Settings.load(tmp_path)
    assert (settings.language, settings.receipt_paper, settings.retention_days) == ("en", "thermal58", 30)
    settings.save(tmp_path)
    assert saved(tmp_path) == {**json.loads(VERSION_0_FILE), "version": settings_upgrade.VERSION,
                               "idle_lock_minutes": 10}
    assert Settings.load(tmp_path) == settings


def test_a_new_laptop_saves_the_current_version(tmp_path):
    Settings().save(tmp_path)
    assert saved(tmp_path)["version"] == settings_upgrade.VERSION
    assert Settings.load(tmp_path) == Settings()


def test_a_file_of_a_newer_app_is_read_and_written_back_whole(tmp_path):
    newer = settings_upgrade.VERSION + 1
    written(tmp_path, json.dumps({"version": newer, "language": "en", "receipt_paper": "a5",
                                  "sync_on_wifi_only": True, "printer": {"name": "EPSON TM-T82"}}))
    settings = Settings.load(tmp_path)
    assert (settings.language, settings.receipt_paper) == ("en", "a5")
    settings.retention_days = 14
    settings.save(tmp_path)
    raw = saved(tmp_path)
    # The newer app's own keys and its version number survive a save by this one.
    assert raw["version"] == newer
    assert raw["sync_on_wifi_only"] is True and raw["printer"] == {"name": "EPSON TM-T82"}
    assert (raw["retention_days"], raw["receipt_paper"]) == (14, "a5")


def test_unknown_keys_of_an_old_file_are_kept_too(tmp_path):
    written(tmp_path, json.dumps({"language": "en", "note_from_technician": "printer is on COM3"}))
    Settings.load(tmp_path).save(tmp_path)
    assert saved(tmp_path)["note_from_technician"] == "printer is on COM3"


@pytest.mark.parametrize("content", [
    '{"language": "en", "retention_days": 3',  # cut off by a power failure
    "\x00\x00\x00\x00",  # a block the disk never wrote
    b"\xff\xfe\x00l".decode("latin-1"),  # not UTF-8
    '["en", 90]',  # JSON, but no settings object
    '{"version": "two", "language": "en"}',
    '{"version": -1}',
    '{"version": true}',
])
def test_a_damaged_file_gives_the_defaults_and_is_kept_aside(tmp_path, caplog, content):
    path = tmp_path / FILENAME
    path.write_bytes(content.encode("latin-1"))
    with caplog.at_level(logging.WARNING):
        assert Settings.load(tmp_path) == Settings()
    assert not path.exists()
    assert (tmp_path / (FILENAME + ".bad")).read_bytes() == content.encode("latin-1")
    assert "damaged" in caplog.text


def test_a_second_damaged_file_does_not_overwrite_the_first_one_kept(tmp_path):
    written(tmp_path, "{first")
    Settings.load(tmp_path)
    written(tmp_path, "{second")
    Settings.load(tmp_path)
    assert (tmp_path / "settings.json.bad").read_text() == "{first"
    assert (tmp_path / "settings.json.bad2").read_text() == "{second"


def test_a_file_edited_in_notepad_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"\xef\xbb\xbf" + VERSION_0_FILE.encode())
    assert Settings.load(tmp_path).receipt_paper == "thermal58"


def test_a_missing_file_gives_the_defaults_and_nothing_is_made(tmp_path):
    assert Settings.load(tmp_path) == Settings()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("key,value", [
    ("language", "fr"), ("language", 1), ("autosave_seconds", "soon"), ("photo_max_side", 1600.5),
    ("keep_original_photos", 1), ("retention_days", True), ("retention_days", -5), ("receipt_paper", None),
])
def test_one_value_of_the_wrong_kind_falls_back_alone(tmp_path, key, value):
    written(tmp_path, json.dumps({"version": 1, "receipt_paper": "a5", key: value} if key != "receipt_paper"
                                 else {"version": 1, "language": "en", key: value}))
    settings = Settings.load(tmp_path)
    assert getattr(settings, key) == getattr(Settings(), key)
    assert (settings.receipt_paper, settings.language) != ("a6", "id")  # the good value next to it was read
    assert (tmp_path / FILENAME).exists()  # not damage: the file stays
