"""The check every form with a province → desa row shares: each code is a Kemendagri code of its level, and
lies in the region chosen above it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.form_fields import Field
from app.i18n import QT_TRANSLATE_NOOP
from app.reference.regions import Regions
from app.validation.choices import is_code, unlisted_choice
from app.validation.fields import label_term, text
from app.validation.issues import Issue, error


def region_chain_issues(data: dict[str, Any], keys: Sequence[str], fields: dict[str, Field], regions: Regions
                        ) -> list[Issue]:
    """``keys``: the province, regency, district and village keys, in that order; ``fields``: the form's by key.
    A level left empty breaks the chain: the level below is checked on its own."""
    issues: list[Issue] = []
    parent = None
    for depth, key in enumerate(keys):
        code = text(data, key)
        region = regions.get(code) if code else None
        if code and not is_code(code):
            issues.append(unlisted_choice(key, label_term(fields[key]), code))
            region = None
        elif code and (region is None or region.code.count(".") != depth):
            issues.append(error(key, "region_unknown", QT_TRANSLATE_NOOP(
                "Validation", "{label}: code {code} is not in the Kemendagri list."),
                label=label_term(fields[key]), code=code))
            region = None
        elif region is not None and parent is not None and region.parent_code != parent:
            issues.append(error(key, "region_mismatch", QT_TRANSLATE_NOOP(
                "Validation", "{label}: {name} does not lie in the region chosen above it."),
                label=label_term(fields[key]), name=region.name))
        parent = region.code if region is not None else None
    return issues
