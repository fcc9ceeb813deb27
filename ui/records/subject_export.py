"""A citizen's data as a PDF they can read (app/subject_access.py gathers it): the person, each registration with
every field as recorded, its history and files, and the corrections. Laid out by QTextDocument from HTML and
written by QPdfWriter; A4, black on white, so that it prints anywhere."""

from __future__ import annotations

import html
import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.i18n import QT_TRANSLATE_NOOP
from app.subject_access import SubjectData
from app.kinds import kind_spec
from ui.records.model import kind_label, status_label
from ui.records.person_labels import day_first, field_label, role_label, sex_label


LABELS = (
    QT_TRANSLATE_NOOP("SubjectExport", "As recorded"),
    QT_TRANSLATE_NOOP("SubjectExport", "By"),
    QT_TRANSLATE_NOOP("SubjectExport", "Changed"),
    QT_TRANSLATE_NOOP("SubjectExport", "Corrections"),
    QT_TRANSLATE_NOOP("SubjectExport", "Date of birth"),
    QT_TRANSLATE_NOOP("SubjectExport", "Family card (KK)"),
    QT_TRANSLATE_NOOP("SubjectExport", "Files"),
    QT_TRANSLATE_NOOP("SubjectExport", "History"),
    QT_TRANSLATE_NOOP("SubjectExport", "Last change"),
    QT_TRANSLATE_NOOP("SubjectExport", "Made"),
    QT_TRANSLATE_NOOP("SubjectExport", "NIK"),
    QT_TRANSLATE_NOOP("SubjectExport", "Name"),
    QT_TRANSLATE_NOOP("SubjectExport", "Officer"),
    QT_TRANSLATE_NOOP("SubjectExport", "Personal data held on this laptop"),
    QT_TRANSLATE_NOOP("SubjectExport", "Place of birth"),
    QT_TRANSLATE_NOOP("SubjectExport", "Reason"),
    QT_TRANSLATE_NOOP("SubjectExport", "Record id"),
    QT_TRANSLATE_NOOP("SubjectExport", "Registrations"),
    QT_TRANSLATE_NOOP("SubjectExport", "Role in it"),
    QT_TRANSLATE_NOOP("SubjectExport", "Sex"),
    QT_TRANSLATE_NOOP("SubjectExport", "The person"),
    QT_TRANSLATE_NOOP("SubjectExport", "Under Law 27/2022 on Personal Data Protection. Exported on {at} by {by}."),
    QT_TRANSLATE_NOOP("SubjectExport", "Village code"),
    QT_TRANSLATE_NOOP("SubjectExport", "When"),
)  # marked for lupdate; _t looks them up


def _t(text: str) -> str:
    return QCoreApplication.translate("SubjectExport", text)


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (dict, list)):
        return html.escape(json.dumps(value, ensure_ascii=False))
    return html.escape(str(value))


def _table(rows) -> str:
    body = "".join(f"<tr><td width='32%'><b>{html.escape(str(k))}</b></td><td>{_value(v)}</td></tr>" for k, v in rows)
    return f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>{body}</table>"


def form_rows(kind: str, data: dict) -> list[tuple[str, object]]:
    """The form's values under the form's own labels, in the form's order; a value of a list as its label; keys
    the form does not name (an older version's) after, as they are."""
    try:
        fields = kind_spec(kind).fields
    except KeyError:
        fields = ()
    rows, named = [], set()
    for f in fields:
        named.add(f.key)
        if f.key not in data or data[f.key] in (None, ""):
            continue
        value = data[f.key]
        for choice in f.choices or ():
            if choice.code == value:
                value = QCoreApplication.translate("ValueList", choice.label)
        rows.append((QCoreApplication.translate("Form", f.label), value))
    rows += [(key, value) for key, value in sorted(data.items()) if key not in named]
    return rows


def document_html(data: SubjectData) -> str:
    p = data.person
    parts = [f"<h2>{html.escape(_t('Personal data held on this laptop'))}</h2>",
             f"<p>{html.escape(_t('Under Law 27/2022 on Personal Data Protection. Exported on {at} by {by}.'))}"
             .replace("{at}", html.escape(data.exported_at)).replace("{by}", html.escape(data.exported_by)) + "</p>",
             f"<h3>{html.escape(_t('The person'))}</h3>",
             _table([(_t("NIK"), p["nik"]), (_t("Name"), p["name"]), (_t("Sex"), sex_label(p["sex"])),
                     (_t("Place of birth"), p["birth_place"]), (_t("Date of birth"), day_first(p["birth_date"])),
                     (_t("Family card (KK)"), p["kk_number"]), (_t("Village code"), p["village_code"])])]
    if data.corrections:
        parts.append(f"<h3>{html.escape(_t('Corrections'))}</h3>")
        for c in data.corrections:
            changes = "; ".join(f"{field_label(k)}: {old or '—'} → {new or '—'}" for k, (old, new) in c["changes"].items())
            parts.append(_table([(_t("When"), c["at"]), (_t("By"), c["by"]), (_t("Changed"), changes),
                                 (_t("Reason"), c["reason"])]))
    parts.append(f"<h3>{html.escape(_t('Registrations'))} ({len(data.registrations)})</h3>")
    for reg in data.registrations:
        parts.append(f"<h4>{html.escape(kind_label(reg.kind))} · {html.escape(status_label(reg.status))}</h4>")
        parts.append(_table([(_t("Role in it"), role_label(reg.role)), (_t("Officer"), reg.owner), (_t("Made"), reg.created_at),
                             (_t("Last change"), reg.updated_at), (_t("Record id"), reg.id)]))
        parts.append(f"<p><b>{html.escape(_t('As recorded'))}</b></p>")
        parts.append(_table(form_rows(reg.kind, reg.data)))
        if reg.files:
            parts.append(f"<p><b>{html.escape(_t('Files'))}</b></p>")
            parts.append(_table([(f["purpose"], f"{f['media_type']}, {f['size']} bytes, sha256 {f['sha256'][:16]}…")
                                 for f in reg.files]))
        parts.append(f"<p><b>{html.escape(_t('History'))}</b></p>")
        parts.append(_table([(f"{h['at']} {h['by']}", f"{h['action']} {json.dumps(h['changes'], ensure_ascii=False)}")
                             for h in reg.history]))
    return "<html><body style='font-family: DejaVu Sans; font-size: 9pt'>" + "".join(parts) + "</body></html>"


def write_pdf(data: SubjectData, path: Path) -> None:
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(document_html(data))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
    del writer  # closes the file
    if not partial.exists() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise OSError(f"the PDF could not be written to {path}")
    partial.replace(path)
