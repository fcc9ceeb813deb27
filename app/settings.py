"""Per-laptop settings in a small JSON file beside the database, read before the database opens (the language of
the login screen must be known first)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

FILENAME = "settings.json"


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

    @classmethod
    def load(cls, folder: Path) -> Settings:
        try:
            raw = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in raw.items() if k in known})
        if settings.language not in LANGUAGES:
            settings.language = DEFAULT_LANGUAGE
        # A hand-edited file must not turn the purge into "remove everything now".
        if not isinstance(settings.retention_days, int) or isinstance(settings.retention_days, bool) \
                or settings.retention_days < 0:
            settings.retention_days = cls.retention_days
        return settings

    def save(self, folder: Path) -> None:
        # Write then rename, so that a power cut leaves the old file or the new one, never half of one.
        tmp = folder / (FILENAME + ".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        os.replace(tmp, folder / FILENAME)
