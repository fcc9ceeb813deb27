"""What an officer reads on a widget, and a check that none of it is English left untranslated or a raw key.

English is recognised by the project's own catalogue: every source string that Indonesian translates to something
else is English, and its placeholders ({time}, %n, %1) match anything, so "Saved 07:24:07" is caught as
"Saved {time}". Raw keys are words joined by underscores (status_note) or dotted data keys (data.name). Text no
catalogue knows (never marked for translation) is caught by common English words.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QTableWidget, QTabWidget, QTreeWidget, QTreeWidgetItemIterator, QWidget)

from app.i18n import TRANSLATIONS_DIR

_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%L?\d")
_TAG = re.compile(r"<[^>]+>")
# snake_case words or dotted history keys, but not parts of a path, an address or a file name ("foto_kk.jpg")
RAW_KEY = re.compile(r"(?<![\w.@/\\-])(?:[a-z]+_[a-z0-9_]+|data\.[a-z_]+|device\.[a-z_.]+)(?![\w@/\\-])(?!\.\w)")

# Words that are English and not Indonesian, for text that no catalogue knows (a string never marked for
# translation). Words the two languages share (status, data, server, printer, supervisor) are left out, and so
# is "no", which Indonesian addresses use ("Jl. Merdeka No. 5").
ENGLISH_WORDS = frozenset("""
    the and of is are not with for from your please saved save records record waiting error errors warning
    warnings found cannot could should this that there been has have will click choose close send back cancel
    delete name date loading opened sent yes
""".split())
_WORD = re.compile(r"[A-Za-z]+")
_PATH = re.compile(r"\S*[/\\]\S*")  # a file or folder shown as it is on disk: its words are not UI text


@dataclass(frozen=True)
class Shown:
    text: str
    where: str  # which widget shows it, for the failure message


def _catalogue(language: str) -> tuple[list[tuple[re.Pattern, str]], set[str]]:
    """(English patterns with their source, every translated text) from all the .ts files of ``language``."""
    patterns, translations = [], set()
    for ts in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source", "")
            node = message.find("translation")
            forms = [n.text or "" for n in node.iter("numerusform")] or [node.text or ""]
            translations.update(_plain(form) for form in forms)
            literal = _PLACEHOLDER.sub("", source)
            if all(_plain(form) == _plain(source) for form in forms) or sum(c.isalpha() for c in literal) < 3:
                continue  # the same word in both languages ("OK", "NIK"), or too little text to recognise
            parts = _PLACEHOLDER.split(_plain(source))
            patterns.append((re.compile(r".+?".join(re.escape(p) for p in parts), re.DOTALL), source))
    return patterns, translations


def _plain(text: str) -> str:
    """Text as read: tags and mnemonics gone, entities decoded, spaces collapsed."""
    text = html.unescape(_TAG.sub(" ", text.replace("<br>", "\n")))
    text = re.sub(r"&(?=[^&\s])", "", text).replace("&&", "&")
    return re.sub(r"\s+", " ", text).strip()


class EnglishDetector:
    def __init__(self, language: str = "id"):
        self.patterns, self.translations = _catalogue(language)

    def problems(self, shown: list[Shown]) -> list[str]:
        found = []
        for item in shown:
            text = _plain(item.text)
            if not text or text in self.translations:
                continue
            english = next((source for pattern, source in self.patterns if pattern.fullmatch(text)), None)
            if english is not None:
                found.append(f"{item.where}: {text!r} is English ({english!r})")
            elif key := RAW_KEY.search(text):
                found.append(f"{item.where}: {text!r} shows a raw key {key.group(0)!r}")
            elif words := sorted({w for w in _WORD.findall(_PATH.sub(" ", text)) if w.casefold() in ENGLISH_WORDS}):
                found.append(f"{item.where}: {text!r} has English words {words}")
        return found


def visible_texts(root: QWidget) -> list[Shown]:
    """Titles, labels, buttons, tabs, group titles, placeholders, list/tree/table items and headers, tooltips of
    every widget of ``root`` that is visible (list items and combo entries count even when scrolled away)."""
    out: list[Shown] = [Shown(root.windowTitle(), f"{type(root).__name__} title")]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}".strip()
        texts: list[str] = [widget.toolTip()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(c) for c in range(header.columnCount())]
            iterator = QTreeWidgetItemIterator(widget)
            while item := iterator.value():
                texts += [item.text(c) for c in range(widget.columnCount())]
                iterator += 1
        elif isinstance(widget, QTableWidget):
            texts += [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())
                      if widget.horizontalHeaderItem(c)]
            texts += [widget.item(r, c).text() for r in range(widget.rowCount()) for c in range(widget.columnCount())
                      if widget.item(r, c)]
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model, horizontal = widget.model(), widget.orientation()
            texts += [str(model.headerData(s, horizontal) or "") for s in range(widget.count())]
        out += [Shown(t, name) for t in texts if t]
    return out
