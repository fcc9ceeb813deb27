"""Translations shared by the Qt UI and the Qt-free core.

Source strings are English. Indonesian (the default language) lives in Qt Linguist files,
``app/translations/<area>_id.ts``, one per area so that parts of the project can be translated independently.
The UI compiles them to ``.qm`` and loads them with ``QTranslator``; the core (validation messages, reasons the
server gives) reads the same ``.ts`` files here, so there is one source of truth and no Qt in the core.

Core strings are marked with ``QT_TRANSLATE_NOOP(context, text)`` so that ``pyside6-lupdate`` finds them.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
# English is the source language: it needs no catalogue.
SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for extraction into the ``context`` of the translation files; returns it unchanged."""
    return text


@functools.cache
def catalogue(language: str) -> dict[tuple[str, str], str]:
    """All finished translations for ``language`` as {(context, source): translation}."""
    if language == SOURCE_LANGUAGE:
        return {}
    table: dict[tuple[str, str], str] = {}
    for ts_file in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.ts")):
        root = ET.parse(ts_file).getroot()
        for ctx in root.iter("context"):
            name = ctx.findtext("name", "")
            for msg in ctx.iter("message"):
                translation = msg.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if translation.text:
                    table[(name, msg.findtext("source", ""))] = translation.text
    return table


def translate(context: str, text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The translation of a marked string, or the English source when there is none."""
    return catalogue(language).get((context, text), text)
