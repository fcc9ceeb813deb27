"""How a comment or note someone else left on a record reads: what, who and when, central staff by their title."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app import record_views


def who_label(name: str, by_central: bool) -> str:
    return QCoreApplication.translate("RecordDetail", "Central office") if by_central else name


def note_text(note: record_views.Note, template: str) -> str:
    """``template`` with {who}, {when} and {text}: e.g. "Comment from Ani, 01-12-2026 10:30: NIK salah"."""
    who = who_label(note.by_name, note.by_central) or QCoreApplication.translate("RecordDetail", "the supervisor")
    when = record_views.local_time(note.at).strftime("%d-%m-%Y %H:%M") if note.at else "—"
    return template.format(who=who, when=when, text=note.text)
