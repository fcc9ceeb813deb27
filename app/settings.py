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
        return settings

    def save(self, folder: Path) -> None:
        # Write then rename, so that a power cut leaves the old file or the new one, never half of one.
        tmp = folder / (FILENAME + ".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        os.replace(tmp, folder / FILENAME)
