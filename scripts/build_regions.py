"""Builds app/reference/data/regions.sqlite from the Kemendagri region CSV files.

    python scripts/build_regions.py path/to/wilayah

The folder holds provinces.csv, regencies.csv, districts.csv and villages.csv (idn-area-data 4.0.1, ODbL 1.0;
see NOTICE). The result is a derived database and stays under the ODbL.

Each region is one row keyed by its code with the dots removed, read as an integer ("16.03.07.1001" ->
1603071001). Provinces have 2 digits, regencies 4, districts 6 and villages 10, so the levels never overlap and
the children of any region form one contiguous key range: no parent column or extra index is needed, and the file
stays small (about 2 MB for 91,599 rows).
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "app" / "reference" / "data" / "regions.sqlite"
# file -> (digits of a code at that level, column holding the parent code)
LEVELS = {
    "provinces.csv": (2, None),
    "regencies.csv": (4, "province_code"),
    "districts.csv": (6, "regency_code"),
    "villages.csv": (10, "district_code"),
}


def read_rows(folder: Path) -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []
    known: set[str] = set()
    for filename, (digits, parent_column) in LEVELS.items():
        with open(folder / filename, newline="", encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                code = record["code"].strip()
                flat = code.replace(".", "")
                if len(flat) != digits or not flat.isdigit():
                    raise SystemExit(f"{filename}: unexpected code {code!r}")
                # The key-range lookups in regions.py rely on every child sitting under its parent's code.
                parent = record[parent_column] if parent_column else None
                if parent is not None and (parent not in known or not code.startswith(parent + ".")):
                    raise SystemExit(f"{filename}: {code} does not belong to {parent!r}")
                known.add(code)
                rows.append((int(flat), record["name"].strip()))
    return rows


def build(folder: Path, target: Path = TARGET) -> int:
    rows = read_rows(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF;"
                     "CREATE TABLE region (code INTEGER PRIMARY KEY, name TEXT NOT NULL);")
    db.executemany("INSERT INTO region VALUES (?, ?)", sorted(rows))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(target)
    return len(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    count = build(Path(sys.argv[1]))
    print(f"{TARGET.relative_to(ROOT)}: {count} regions, {TARGET.stat().st_size // 1024} KiB")
