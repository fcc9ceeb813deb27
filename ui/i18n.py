"""Loading the Qt translations and turning errors into text an officer can read.

The .qm files sit in ``app.i18n.TRANSLATIONS_DIR`` next to the .ts files the core reads, so that a PyInstaller
build (which bundles that folder as package data) finds them the same way as a checkout does.

Qt's own widgets (file and print dialogs, standard buttons, the edit menu of a text box) are translated by Qt's
``qtbase_<lang>.qm`` where Qt ships one; it ships none for Indonesian, so ``qtbase_id.ts`` in our folder holds the
Qt strings an officer meets, under Qt's own context names.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n
from app.errors import UserFacingError

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Replaces the installed translators by those for ``language``; returns the areas loaded. English is the
    source language: its catalogues hold only the plural forms ("1 record", "2 records")."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    country = QLocale.Country.Indonesia
    if language == i18n.SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.English, country))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, country))
    loaded = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        # Installed first, so that our own catalogues (installed after it) win where both translate a string.
        app.installTranslator(qt_own)
        _installed.append(qt_own)
        loaded.append("qt")
    for qm in sorted(i18n.TRANSLATIONS_DIR.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm.stem.rsplit("_", 1)[0])
        else:
            log.warning("could not load translation %s", qm)
    return loaded


def translated(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(error: BaseException, language: str) -> str:
    """What to show for an error from a service: its own message, or a plain one that keeps the details."""
    if isinstance(error, UserFacingError):
        return error.text(language)
    # One literal: pyside6-lupdate does not join implicitly concatenated strings.
    template = QCoreApplication.translate(
        "UiErrors",
        "Something went wrong: {detail}\nWhat was saved before is safe. Try again; if it happens again, tell your supervisor.")
    return template.format(detail=f"{type(error).__name__}: {error}")
