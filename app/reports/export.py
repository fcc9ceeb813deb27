"""The two exports a person asks for on the records page, each recorded in the audit trail: the records list as
filtered, and the monthly recap an office asks for (counts per village, service and status).

Need-to-know (UU 27/2022) holds here, not only in the screen: an officer's export holds only their own records
whatever query is passed, and a NIK is masked as on the receipt unless a supervisor or an administrator asks for
it in full, which the audit trail then says.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app import auth, errors
from app.auth import Actor
from app.i18n import translate
from app.record_views import RecordQuery, local_time
from app.reports import labels, tables, writers
from app.visibility import owner_filter, sees_everyone
from db.models import User

RECORDS, RECAP = "records", "recap"
# The roles that may see a whole NIK in an export: those who check other people's records against documents.
FULL_NIK_ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class Exported:
    path: Path
    what: str  # RECORDS | RECAP
    fmt: str
    rows: int
    full_nik: bool
    # Nothing in the records changed: an export only reads them (ui.common.operations announces these ids).
    changed_ids: tuple[str, ...] = ()


def may_see_full_nik(actor: Actor) -> bool:
    return actor.role in FULL_NIK_ROLES


def export_records(session: Session, *, actor: Actor, query: RecordQuery, target: Path, fmt: str, now: datetime,
                   full_nik: bool = False, language: str = "id", progress: writers.Progress | None = None
                   ) -> Exported:
    """Writes the records of ``query`` (as the records page shows them) to ``target``."""
    if full_nik and not may_see_full_nik(actor):
        raise errors.NotAllowed(errors.MSG_NOT_ALLOWED)
    if not sees_everyone(actor):
        query = replace(query, owner_id=owner_filter(actor))
    table = tables.list_table(session, query, full_nik=full_nik, language=language, lines=[])
    niks = labels.tr(labels.NIKS_FULL if full_nik else labels.NIKS_MASKED, language)
    table.lines = [labels.tr(labels.PERSONAL_DATA, language),
                   labels.tr(labels.EXPORTED_BY, language).format(
                       at=_when(now), name=actor.full_name, role=_role(actor, language), rows=table.total, niks=niks)]
    rows = writers.write(table, target, fmt, progress)
    filters = {key: value for key, value in (("service", query.kind), ("status", query.state),
                                             ("village", query.village)) if value}
    if query.text:
        filters["search"] = True  # that there was one, not what: it may be a NIK, and the audit trail is no copy
    _audit(session, actor=actor, now=now, what=RECORDS, fmt=fmt, rows=rows, full_nik=full_nik, target=target,
           extra={"filters": filters, "everyone": query.owner_id is None})
    return Exported(Path(target), RECORDS, fmt, rows, full_nik)


def export_recap(session: Session, *, actor: Actor, month: date, target: Path, fmt: str, now: datetime,
                 language: str = "id", progress: writers.Progress | None = None) -> Exported:
    """Writes the recap of ``month`` (records taken that month, by village, service and status) to ``target``."""
    owner = owner_filter(actor)
    note = labels.tr(labels.RECAP_NOTE, language).format(
        month=labels.month_label(month, language), at=_when(now), name=actor.full_name, role=_role(actor, language))
    table = tables.recap_table(session, month, owner_id=owner, language=language,
                               lines=[labels.tr(labels.PERSONAL_DATA, language), note])
    rows = writers.write(table, target, fmt, progress)
    _audit(session, actor=actor, now=now, what=RECAP, fmt=fmt, rows=rows, full_nik=False, target=target,
           extra={"month": f"{month:%Y-%m}", "everyone": owner is None})
    return Exported(Path(target), RECAP, fmt, rows, False)


def _audit(session: Session, *, actor: Actor, now: datetime, what: str, fmt: str, rows: int, full_nik: bool,
           target: Path, extra: dict) -> None:
    # The file's name, not its folder: enough to find it again, without the account names a path carries.
    detail = {"what": what, "format": fmt, "rows": rows, "nik": "full" if full_nik else "masked",
              "file": Path(target).name, **extra}
    auth.audit(session, now=now, action="export", user=session.get(User, actor.user_id), username=actor.username,
               detail=json.dumps(detail, ensure_ascii=False, sort_keys=True))
    session.flush()


def _when(now: datetime) -> str:
    return local_time(now).strftime("%d-%m-%Y %H:%M")


def _role(actor: Actor, language: str) -> str:
    return translate("Roles", auth.ROLE_LABELS.get(actor.role, actor.role), language)
