"""The registry of the services this app records: e-KTP biodata, birth certificates, cataract screening, ...

Each service is a package of its own, ``app/kinds/<key>/``, whose ``SPEC`` (an ``app.kinds.spec.KindSpec``) says
everything the generic screens and services need: its form, checks, computed values, receipt text, number
prefix, follow-ups and attachments. Its page is ``ui/kinds/<key>.py`` and its translations are its own area.
Adding a service is those two, and its key in ``REGISTERED``; nothing else names a kind.
"""

from __future__ import annotations

import importlib

from app import status
from app.kinds.spec import KindSpec

# In the order officers meet them: Home's service buttons and the bar above a new registration.
REGISTERED = ("ektp", "birth", "cataract", "complaint")

KINDS: dict[str, KindSpec] = {key: importlib.import_module(f"app.kinds.{key}").SPEC for key in REGISTERED}


def kind_spec(kind: str) -> KindSpec:
    return KINDS[kind]


def status_source(kind: str, state: str, stage: str | None = None) -> str:
    """What a record's status is called (English source, context "Status"): its service's step where central
    reported one (a complaint "followed up"), else the status; a value this version does not know, as it is."""
    spec = KINDS.get(kind)
    if stage and spec is not None and stage in spec.stages:
        return spec.stages[stage].label
    return status.LABELS.get(state, state)
