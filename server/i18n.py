"""Reasons the server gives, in Bahasa Indonesia by default.

The server's own strings live in ``server/translations/server_id.ts`` (Qt Linguist format, like the app's, so the
same tools and translators work on them); anything else falls back to the app's catalogue through app.i18n.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from app.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, translate as app_translate

TRANSLATIONS_DIR = Path(__file__).with_name("translations")
CONTEXT = "Server"

MSG_UNKNOWN_KIND = QT_TRANSLATE_NOOP("Server", "Unknown kind of registration: {kind}.")
MSG_UNKNOWN_STATUS = QT_TRANSLATE_NOOP("Server", "Unknown status: {status}.")
MSG_NOT_YOURS = QT_TRANSLATE_NOOP("Server", "You may not send records of another officer.")
MSG_UNKNOWN_OWNER = QT_TRANSLATE_NOOP("Server", "The officer of this record is not known to the server.")
MSG_OWNER_CHANGED = QT_TRANSLATE_NOOP("Server", "The officer of a record cannot be changed.")
MSG_KIND_CHANGED = QT_TRANSLATE_NOOP("Server", "The kind of a record cannot be changed.")
MSG_UNREADABLE = QT_TRANSLATE_NOOP("Server", "The form data cannot be read.")
MSG_COMPUTED_WRONG = QT_TRANSLATE_NOOP(
    "Server", "Calculated values do not match the form ({keys}); update the app and save the record again.")
MSG_NOT_SUBMITTED = QT_TRANSLATE_NOOP("Server", "A draft cannot be sent to the server; submit it first.")
MSG_UNKNOWN_SIGNER = QT_TRANSLATE_NOOP(
    "Server", "The record is signed by a device the server has no keys for; it was not taken.")
MSG_REVOKED_SIGNER = QT_TRANSLATE_NOOP(
    "Server", "The record is signed by a device that has been revoked; it was not taken.")
MSG_BAD_SIGNATURE = QT_TRANSLATE_NOOP(
    "Server", "The record's signature does not match its content; it may have been changed on the way.")
MSG_LOCKED = QT_TRANSLATE_NOOP("Server", "Too many wrong passwords. Try again in {seconds} seconds.")
MSG_ONLY_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Server", "Only the supervisor of the officer's team may approve or return this record.")
MSG_ONLY_CENTRAL = QT_TRANSLATE_NOOP("Server", "Only central staff may set this status or change it.")
MSG_BAD_MOVE = QT_TRANSLATE_NOOP("Server", "This record cannot go from \"{old}\" to \"{new}\".")
MSG_FORM_CLOSED = QT_TRANSLATE_NOOP(
    "Server", "The form cannot be changed in this status (only a follow-up visit's fields can): {keys}.")
MSG_REVIEW_CLOSED = QT_TRANSLATE_NOOP("Server", "Only the supervisor's review may change the review comment.")
MSG_UNKNOWN_FIELDS = QT_TRANSLATE_NOOP("Server", "Fields this service does not have: {keys}.")
MSG_BAD_VALUE = QT_TRANSLATE_NOOP("Server", "The field {key} holds a value this service cannot store.")
MSG_TOO_MANY = QT_TRANSLATE_NOOP("Server", "Too many attempts from here. Try again in {seconds} seconds.")


@functools.cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for ts_file in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.ts")):
        for ctx in ET.parse(ts_file).getroot().iter("context"):
            name = ctx.findtext("name", "")
            for msg in ctx.iter("message"):
                translation = msg.find("translation")
                if translation is not None and translation.text and translation.get("type") not in (
                        "unfinished", "obsolete", "vanished"):
                    table[(name, msg.findtext("source", ""))] = translation.text
    return table


def tr(text: str, language: str = DEFAULT_LANGUAGE, /, **params) -> str:
    translated = _catalogue(language).get((CONTEXT, text)) or app_translate(CONTEXT, text, language)
    return translated.format(**params)
