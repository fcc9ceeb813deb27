"""Kemendagri regions (provinces, regencies/cities, kecamatan, desa/kelurahan), read on demand from SQLite.

The 91,599 regions live in ``data/regions.sqlite`` (built by ``scripts/build_regions.py``), keyed by the code
without dots as an integer. Levels have 2, 4, 6 and 10 digits, so the regions under any code are one key range
and every lookup is an index range scan: nothing is loaded at start-up, and nothing but the answer is ever
turned into Python objects.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "regions.sqlite"
LEVEL_DIGITS = {"province": 2, "regency": 4, "district": 6, "village": 10}
# Where the dots go in a code of each length: "1603071001" -> "16.03.07.1001".
_SPLITS = {2: (2,), 4: (2, 4), 6: (2, 4, 6), 10: (2, 4, 6, 10)}
# Characters that start a new word in a region name, e.g. "Muara Enim", "Koto-Tangah", "Ujung (Ujong) Batee".
_WORD_BREAKS = "-(/.,'\""


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    parent_code: str | None


def _dotted(key: int) -> str:
    digits = str(key)
    parts, start = [], 0
    for end in _SPLITS[len(digits)]:
        parts.append(digits[start:end])
        start = end
    return ".".join(parts)


def _key(code: str) -> int | None:
    """The integer key of a dotted (or undotted) code, or None when it cannot be a region code."""
    digits = code.strip().replace(".", "")
    if not digits.isdigit() or len(digits) not in _SPLITS:
        return None
    return int(digits)


def _region(key: int, name: str) -> Region:
    code = _dotted(key)
    parent = code.rsplit(".", 1)[0] if "." in code else None
    return Region(code, name, parent)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Regions:
    """Read-only access to the region table; safe to share between threads."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            if self._db is None:
                # immutable=1: the file ships inside the app, so SQLite may skip locking and change detection.
                uri = f"{self._path.resolve().as_uri()}?mode=ro&immutable=1"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            return self._db.execute(sql, params).fetchall()

    def _range(self, within: str | None, level: str) -> tuple[int, int] | None:
        digits = LEVEL_DIGITS[level]
        if within is None:
            return 10 ** (digits - 1), 10**digits - 1
        parent = _key(within)
        if parent is None or len(str(parent)) >= digits:
            return None
        scale = 10 ** (digits - len(str(parent)))
        return parent * scale, (parent + 1) * scale - 1

    def _children(self, parent: str | None, level: str) -> list[Region]:
        bounds = self._range(parent, level)
        if bounds is None:
            return []
        rows = self._query("SELECT code, name FROM region WHERE code BETWEEN ? AND ? ORDER BY code", bounds)
        return [_region(key, name) for key, name in rows]

    def provinces(self) -> list[Region]:
        return self._children(None, "province")

    def regencies(self, province_code: str) -> list[Region]:
        return self._children(province_code, "regency") if len(province_code.replace(".", "")) == 2 else []

    def districts(self, regency_code: str) -> list[Region]:
        return self._children(regency_code, "district") if len(regency_code.replace(".", "")) == 4 else []

    def villages(self, district_code: str) -> list[Region]:
        return self._children(district_code, "village") if len(district_code.replace(".", "")) == 6 else []

    def get(self, code: str) -> Region | None:
        key = _key(code)
        if key is None:
            return None
        rows = self._query("SELECT code, name FROM region WHERE code = ?", (key,))
        return _region(*rows[0]) if rows else None

    def _exists(self, digits: str, length: int) -> bool:
        if len(digits) != length or not digits.isdigit():
            return False
        # Every NIK and KK check asks this; the answers never change, and 8,000 codes above village level
        # make a small cache that saves a query per check (the server validates thousands of records a second).
        known = self._known.get(digits)
        if known is None:
            if len(self._known) > 20_000:  # made-up codes from bad input must not grow it without end
                self._known.clear()
            known = self._known[digits] = bool(self._query("SELECT 1 FROM region WHERE code = ?", (int(digits),)))
        return known

    def province_exists(self, pp: str) -> bool:
        return self._exists(pp, 2)

    def regency_exists(self, pp_kk: str) -> bool:
        return self._exists(pp_kk, 4)

    def district_exists(self, pp_kk_cc: str) -> bool:
        return self._exists(pp_kk_cc, 6)

    def search(self, text: str, *, level: str = "village", within: str | None = None, limit: int = 50) -> list[Region]:
        """Regions of ``level`` (under ``within`` when given) whose name contains every word typed.

        Names where each typed word starts a word of the name come first (those starting with the first typed
        word before the rest), then names that merely contain the typed text; alphabetical within each group.
        """
        if level not in LEVEL_DIGITS:
            raise ValueError(f"unknown level {level!r}")
        tokens = text.lower().translate({ord(c): " " for c in _WORD_BREAKS}).split()
        bounds = self._range(within, level)
        if not tokens or bounds is None or limit <= 0:
            return []
        words = "' ' || " + _normalised_name_sql()
        substring = " AND ".join("name LIKE ? ESCAPE '\\'" for _ in tokens)
        substring_args = tuple(f"%{_like_escape(t)}%" for t in tokens)
        # The plain substring test goes first: it is cheap and rejects most rows before the replace() chain runs.
        prefix = substring + " AND " + " AND ".join(f"{words} LIKE ? ESCAPE '\\'" for _ in tokens)
        prefix_args = substring_args + tuple(f"% {_like_escape(t)}%" for t in tokens)
        head = "SELECT code, name FROM region WHERE code BETWEEN ? AND ?"
        rows = self._query(
            f"{head} AND {prefix} ORDER BY name NOT LIKE ? ESCAPE '\\', name LIMIT ?",
            (*bounds, *prefix_args, f"{_like_escape(tokens[0])}%", limit))
        if len(rows) < limit:
            rows += self._query(
                f"{head} AND {substring} AND NOT ({prefix}) ORDER BY name LIMIT ?",
                (*bounds, *substring_args, *prefix_args, limit - len(rows)))
        return [_region(key, name) for key, name in rows]


def _normalised_name_sql() -> str:
    """SQL for the name with every word break turned into a space, so ``LIKE '% tok%'`` means 'a word starts with'."""
    expression = "name"
    for char in _WORD_BREAKS:
        quoted = char.replace("'", "''")
        expression = f"replace({expression}, '{quoted}', ' ')"
    return expression


@functools.cache
def regions() -> Regions:
    """The shared instance; opening the file waits until the first lookup."""
    return Regions()
