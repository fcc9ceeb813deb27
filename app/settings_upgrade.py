"""The versions of settings.json and the steps between them (Picard's config_upgrade).

``UPGRADES[n]`` takes the raw dict of a version-n file and returns that of version n + 1; a file is brought up to
``VERSION`` by applying them in order on load. A file written before the number existed is version 0.

The one rule for a new step: never change what an existing key means. Give the new meaning a new key (and drop
the old one in the step). An older app that finds a newer file (app.settings reads it rather than refusing it)
writes back only the keys it knows, and this rule is what makes those still right for the newer app.

Adding a step: write ``_vN_to_vN1``, add it to UPGRADES, raise VERSION, and add a test in test_settings.py with a
real file of version N.
"""

from __future__ import annotations

from collections.abc import Callable

VERSION = 2


def _v0_to_v1(raw: dict) -> dict:
    # Version 1 is version 0 with its number written in: same keys, same meanings. The step is here so that the
    # ladder starts at the files already on laptops.
    return dict(raw)


def _v1_to_v2(raw: dict) -> dict:
    # Version 2 locks the app after minutes without use (issue 11): a laptop upgraded from version 1 gets the same
    # ten minutes as a new one, written in so that the settings page shows what applies.
    return {**raw, "idle_lock_minutes": raw.get("idle_lock_minutes", 10)}


UPGRADES: dict[int, Callable[[dict], dict]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
}


class NotSettings(ValueError):
    """The file's content is not a settings object of any version."""


def file_version(raw: object) -> int:
    """The version a parsed file says it has. Raises NotSettings."""
    if not isinstance(raw, dict):
        raise NotSettings(f"a JSON {type(raw).__name__}, not an object")
    version = raw.get("version", 0)
    # bool is an int in Python; "version": true is damage, not version 1.
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise NotSettings(f"version {version!r} is not a version number")
    return version


def upgrade(raw: dict) -> dict:
    """The raw dict of any version up to VERSION, as a raw dict of VERSION (newer ones are returned as they are)."""
    version = file_version(raw)
    while version < VERSION:
        raw = UPGRADES[version](raw)
        version += 1
        raw["version"] = version
    return raw
