"""A service's records as the file another system imports (``KindSpec.export``): complaints for SP4N-LAPOR!,
whose API is not public, go there as a CSV that its operators upload.

Only records a supervisor approved are exported by default: what has not been reviewed is not forwarded in the
province's name. With ``mark`` each exported record moves on to that step of its service (a complaint
"forwarded") in the same transaction as it is read, so that a second export does not send it again, and the
officer's laptop learns it at its next sync.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.kinds import KINDS
from app.kinds.spec import ExportRecord
from app.reference.regions import Regions
from app.registration_number import registration_number
from app.status import APPROVED
from server.models import Registration
from server.services.status import set_status


class ExportError(ValueError):
    pass


@dataclass(frozen=True)
class Exported:
    target: str
    csv_text: str
    count: int


def export(*, session: Session, now: datetime, kind: str, regions: Regions, status: str = APPROVED,
           mark: str | None = None) -> Exported:
    """The CSV of this kind's records at ``status`` (oldest first); with ``mark``, each moved to that step."""
    spec = KINDS.get(kind)
    if spec is None or spec.export is None:
        exporting = sorted(key for key, s in KINDS.items() if s.export is not None)
        raise ExportError(f"no export for {kind!r}; services with one: {', '.join(exporting) or 'none'}")
    if mark is not None and mark not in spec.stages:
        raise ExportError(f"{mark!r} is not a step of {kind}: {', '.join(spec.stages) or 'it has none'}")
    records = session.scalars(select(Registration).where(Registration.kind == kind, Registration.status == status)
                              .order_by(Registration.created_at, Registration.id).with_for_update()).all()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=spec.export.columns, extrasaction="raise", lineterminator="\r\n")
    writer.writeheader()
    for reg in records:
        writer.writerow(spec.export.row(ExportRecord(
            id=reg.id, number=registration_number(reg.id, reg.kind, reg.created_at), status=reg.status,
            stage=reg.stage, data=dict(reg.data or {}), created_at=reg.created_at, regions=regions)))
    if mark is not None:
        for reg in records:
            set_status(session=session, now=now, registration_id=reg.id, status=mark, note="")
    return Exported(spec.export.target, out.getvalue(), len(records))
