"""Kemendagri regions (provinces, regencies/cities, kecamatan, desa/kelurahan), read on demand from SQLite.

The 91,599 regions live in ``data/regions.sqlite`` (built by ``scripts/build_regions.py``), keyed by the code
without dots as an integer. Levels have 2, 4, 6 and 10 digits, so the regions under any code are one key range
and every lookup is an index range scan: nothing is loaded at start-up, and nothing but the answer is ever
turned into Python objects.

Updated files come from the server (sync/reference.py installs them as ``<data>/reference/regions-<N>.sqlite``).
There is no process-wide "current regions": the workspace owns its ``Regions`` (``regions_in`` its data folder: the
newest installed list that looks whole, else the shipped file) and switches it in place after a download, so every
holder of it sees the new regions at once. The server keeps its own per published version. Behind the scenes each
file is opened once per process (``_RegionsFile.of``), however many ``Regions`` read it.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "regions.sqlite"
REFERENCE_DIRNAME = "reference"  # under the data folder
_INSTALLED = re.compile(r"^regions-([0-9]{1,9})\.sqlite$")
# Far below Kemendagri's 38 provinces, 514 regencies, 7,277 districts and 83,000 villages, far above a truncated
# or test file: a file under these is not a region list, whatever its name.
MIN_ROWS = {"province": 30, "regency": 400, "district": 5_000, "village": 70_000}
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


class RegionsFileError(Exception):
    """A file that is not a usable region list; the message says why (for logs and the sync log)."""


class _RegionsFile:
    """One open region file and what was learnt from it; shared by every ``Regions`` reading that file."""

    _open: dict[Path, _RegionsFile] = {}
    _open_lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.known: dict[str, bool] = {}
        self.found: dict[int, Region | None] = {}  # get()'s answers, for the same reason as ``known``

    @classmethod
    def of(cls, path: Path) -> _RegionsFile:
        # Keyed by the resolved path: the file is large, and its SQLite page cache and the code cache below are
        # worth keeping once per process rather than once per workspace, form or test module.
        key = Path(path).resolve()
        with cls._open_lock:
            found = cls._open.get(key)
            if found is None:
                found = cls._open[key] = cls(Path(path))
            return found

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def close(self) -> None:
        """Lets the file go (Windows cannot delete an open file); a later lookup through it opens it again."""
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            if self._db is None:
                # immutable=1: neither the shipped file nor an installed one is ever written again (a newer list
                # gets a new name), so SQLite may skip locking and change detection.
                self._db = _connect(self.path, immutable=True)
            return self._db.execute(sql, params).fetchall()


class Regions:
    """Read-only access to the region table; safe to share between threads. Opening the file waits until the first
    lookup."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        self._file = _RegionsFile.of(path)

    @property
    def path(self) -> Path:
        return self._file.path

    def switch_to(self, path: Path) -> None:
        """Reads ``path`` from the next lookup on; a lookup running now finishes on the old file."""
        old, self._file = self._file, _RegionsFile.of(path)
        if old is not self._file:
            old.close()  # so that the sync can remove the older list it replaces

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self._file.query(sql, params)

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
        # Every form's region chain asks for its four codes, and a batch of records from one district asks for the
        # same ones hundreds of times: the answers never change for a file (Region is frozen), so they are kept.
        cache = self._file.found
        if key in cache:
            return cache[key]
        if len(cache) > 20_000:  # made-up codes from bad input must not grow it without end
            cache.clear()
        rows = self._query("SELECT code, name FROM region WHERE code = ?", (key,))
        cache[key] = found = _region(*rows[0]) if rows else None
        return found

    def _exists(self, digits: str, length: int) -> bool:
        if len(digits) != length or not digits.isdigit():
            return False
        # Every NIK and KK check asks this; the answers never change, and 8,000 codes above village level
        # make a small cache that saves a query per check (the server validates thousands of records a second).
        cache = self._file.known
        known = cache.get(digits)
        if known is None:
            if len(cache) > 20_000:  # made-up codes from bad input must not grow it without end
                cache.clear()
            known = cache[digits] = bool(self._query("SELECT 1 FROM region WHERE code = ?", (int(digits),)))
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


def _connect(path: Path, *, immutable: bool) -> sqlite3.Connection:
    uri = f"{Path(path).resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _level_count(db: sqlite3.Connection, level: str) -> int:
    digits = LEVEL_DIGITS[level]
    return db.execute("SELECT count(*) FROM region WHERE code BETWEEN ? AND ?",
                      (10 ** (digits - 1), 10**digits - 1)).fetchone()[0]


def _check_shape(db: sqlite3.Connection) -> None:
    columns = {row[1]: (row[2].upper(), row[5]) for row in db.execute("PRAGMA table_info(region)")}
    if columns.get("code") != ("INTEGER", 1) or columns.get("name", ("",))[0] != "TEXT":
        raise RegionsFileError("no table 'region' with columns code INTEGER PRIMARY KEY and name TEXT")
    if _level_count(db, "province") < MIN_ROWS["province"]:
        raise RegionsFileError(f"fewer than {MIN_ROWS['province']} provinces")


def check_regions_file(path: Path) -> dict[str, int]:
    """The whole check of a file from outside (a download, a file an administrator publishes): a readable SQLite
    database with the shipped file's table, every code a region code under an existing parent, a name for each,
    and sane counts per level. Returns the counts; raises RegionsFileError. Reads every row: not for start-up."""
    try:
        db = _connect(path, immutable=False)
    except sqlite3.Error as exc:
        raise RegionsFileError(f"cannot open as SQLite: {exc}") from exc
    try:
        # SQLite reads the header only at the first statement: this is where a file of another kind fails.
        healthy = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.Error as exc:
        db.close()
        raise RegionsFileError(f"cannot open as SQLite: {exc}") from exc
    try:
        if not healthy:
            raise RegionsFileError("the SQLite file is damaged")
        _check_shape(db)
        counts = {level: _level_count(db, level) for level in LEVEL_DIGITS}
        for level, least in MIN_ROWS.items():
            if counts[level] < least:
                raise RegionsFileError(f"only {counts[level]} rows at level {level} (at least {least} expected)")
        if db.execute("SELECT count(*) FROM region").fetchone()[0] != sum(counts.values()):
            raise RegionsFileError("codes that are not 2, 4, 6 or 10 digits long")
        if db.execute("SELECT count(*) FROM region WHERE name IS NULL OR trim(name) = ''").fetchone()[0]:
            raise RegionsFileError("regions without a name")
        orphans = db.execute(
            "SELECT count(*) FROM region c WHERE c.code >= 1000 AND NOT EXISTS (SELECT 1 FROM region p WHERE "
            "p.code = CASE WHEN c.code < 10000000000 AND c.code >= 1000000000 THEN c.code / 10000 "
            "ELSE c.code / 100 END)").fetchone()[0]
        if orphans:
            raise RegionsFileError(f"{orphans} regions whose parent is missing")
        return counts
    except sqlite3.Error as exc:
        raise RegionsFileError(f"not a region database: {exc}") from exc
    finally:
        db.close()


def installed_regions_file(path: Path) -> int | None:
    """The version in an installed file's name (``regions-12.sqlite`` -> 12), None for any other name."""
    match = _INSTALLED.match(Path(path).name)
    return int(match.group(1)) if match else None


def newest_regions_file(folder: Path) -> Path | None:
    """The newest installed region list in ``folder`` that opens and has the table, or None. Cheap (no row is
    read but a province count), since it runs at start-up; the full check ran when the file was installed."""
    try:
        names = [(installed_regions_file(p), p) for p in Path(folder).iterdir()]
    except OSError:
        return None
    for _version, path in sorted(((v, p) for v, p in names if v is not None), reverse=True):
        try:
            db = _connect(path, immutable=True)
            try:
                _check_shape(db)
            finally:
                db.close()
            return path
        except (sqlite3.Error, RegionsFileError):
            continue
    return None


def regions_in(data_folder: Path) -> Regions:
    """The regions a laptop with this data folder uses: the newest installed list, else the shipped one."""
    return Regions(newest_regions_file(Path(data_folder) / REFERENCE_DIRNAME) or DATA_FILE)


def shipped_regions() -> Regions:
    """The list shipped with the app, for code that has no data folder (tests, scripts, the server's fallback)."""
    return Regions(DATA_FILE)


SESSION_REGIONS = "regions"  # the Session.info key under which a workspace's sessions give its regions (a callable)


def regions_of(session) -> Regions:
    """The regions of the workspace that made ``session``, else the shipped list (a session no workspace made:
    the server's, a script's)."""
    found = session.info.get(SESSION_REGIONS)
    return found() if found is not None else shipped_regions()
