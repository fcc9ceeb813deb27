"""Per-laptop settings in a small JSON file beside the database, read before the database opens (the language of
the login screen must be known first).

The file has a version and older ones are upgraded on load (app/settings_upgrade.py). A file from a newer app is
read, not refused: these are preferences, and refusing them would stop the app at its login screen over a paper
size, whereas the database refuses a newer file because writing to it could damage records. The keys this app
knows are read and checked as usual; the others are kept and written back untouched, with the newer version
number (never lowered), so the newer app finds its file whole when the laptop gets it back.

A file that is not settings at all (not JSON, not an object, a version that is no number) is moved aside to
``settings.json.bad``, nothing of it lost, and the defaults are used; a single value of the wrong type falls back
to its own default.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from app import settings_upgrade
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

FILENAME = "settings.json"
BAD_SUFFIX = ".bad"

log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE
    # Seconds of no typing after which a form is saved; short, since a power cut may come at any moment.
    autosave_seconds: float = 1.0
    # Photos are downscaled before storing: a 12-megapixel phone photo costs minutes on a 2G link.
    photo_max_side: int = 1600
    photo_jpeg_quality: int = 80
    keep_original_photos: bool = False
    # Receipt paper: "a5", "a6", "thermal58" or "thermal80".
    receipt_paper: str = "a6"
    # Days a record the server has finished ("done") stays on this laptop after its last change (PDP: keep
    # personal data no longer than needed); 0 keeps everything.
    retention_days: int = 90
    # Minutes without a key press or a click after which the login screen comes back (what is typed is saved
    # first); 0 never locks. A laptop left on a village hall's table must not show its records to whoever sits down.
    idle_lock_minutes: int = 10
    # Not settings but what the file held besides them: keys of a newer (or hand-edited) file, written back as
    # they were, and the file's version when it is newer than this app's.
    unknown: dict = field(default_factory=dict, repr=False, compare=False)
    file_version: int = field(default=settings_upgrade.VERSION, repr=False, compare=False)

    @classmethod
    def load(cls, folder: Path) -> Settings:
        path = folder / FILENAME
        try:
            content = path.read_bytes()
        except FileNotFoundError:
            return cls()
        except OSError as exc:  # unreadable now (permissions, a bad sector): not a reason to move it away
            log.warning("settings file %s cannot be read (%s); using the defaults", path, exc)
            return cls()
        try:
            # utf-8-sig: Windows Notepad puts a byte-order mark in front of a file a technician edited.
            raw = settings_upgrade.upgrade(json.loads(content.decode("utf-8-sig")))
        except ValueError as exc:  # not JSON, not UTF-8, or settings_upgrade.NotSettings
            kept = _set_aside(path)
            log.warning("settings file %s is damaged (%s); kept as %s, using the defaults", path, exc, kept)
            return cls()
        return cls._from_raw(raw)

    @classmethod
    def _from_raw(cls, raw: dict) -> Settings:
        settings = cls(file_version=max(raw.get("version", 0), settings_upgrade.VERSION))
        for name in _setting_names():
            if name in raw and _same_type(raw[name], getattr(settings, name)):
                setattr(settings, name, raw[name])
        settings.unknown = {k: v for k, v in raw.items() if k not in _setting_names() and k != "version"}
        if settings.language not in LANGUAGES:
            settings.language = DEFAULT_LANGUAGE
        # A hand-edited file must not turn the purge into "remove everything now".
        if settings.retention_days < 0:
            settings.retention_days = cls.retention_days
        if not 0 <= settings.idle_lock_minutes <= 24 * 60:
            settings.idle_lock_minutes = cls.idle_lock_minutes
        return settings

    def save(self, folder: Path) -> None:
        raw = {"version": max(self.file_version, settings_upgrade.VERSION), **self.unknown,
               **{name: getattr(self, name) for name in _setting_names()}}
        # Write then rename, so that a power cut leaves the old file or the new one, never half of one.
        tmp = folder / (FILENAME + ".tmp")
        tmp.write_text(json.dumps(raw, indent=2), encoding="utf-8")
        os.replace(tmp, folder / FILENAME)


def _setting_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Settings) if f.name not in ("unknown", "file_version"))


def _same_type(value: object, default: object) -> bool:
    # bool is an int in Python: "retention_days": true is not a number of days, and 1 is not a yes.
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _set_aside(path: Path) -> Path | None:
    """Moves a damaged file to settings.json.bad (or .bad2, .bad3, … so that an earlier one is not overwritten)."""
    target, n = path.with_name(path.name + BAD_SUFFIX), 2
    while target.exists():
        target, n = path.with_name(f"{path.name}{BAD_SUFFIX}{n}"), n + 1
    try:
        os.replace(path, target)
    except OSError as exc:
        log.warning("could not move %s aside: %s", path, exc)
        return None
    return target
