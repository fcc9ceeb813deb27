"""The building blocks of every registration form: a field, its kind and its section.

A service declares its form once, as a tuple of ``Field`` in display order (``app/kinds/<kind>/form.py``); the UI
builds its editors from it (``ui/forms/widgets.py``), ``app.validation.fields`` checks what each kind of field can
hold, and the records list and history read the labels from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.reference import value_lists as vl

# text: free text; long_text: several lines of it (what happened, in the citizen's words); digits: a number kept as
# text (NIK, RT); date: ISO day; time: "HH:MM"; number: a decimal; choice: one code of ``choices``; multichoice: a
# list of them; checkbox: a boolean; region: a Kemendagri code; phone: an Indonesian phone number; computed:
# worked out from the others (``KindSpec.computed``), never typed.
FieldKind = Literal["text", "long_text", "digits", "date", "time", "number", "choice", "multichoice", "checkbox",
                    "region", "phone", "computed"]


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    kind: FieldKind
    section: str  # a key of the kind's section labels
    required: bool
    choices: tuple[vl.Choice, ...] | None = None


def field(key: str, label: str, kind: FieldKind, section: str, required: bool = False,
          choices: tuple[vl.Choice, ...] | None = None) -> Field:
    return Field(key, label, kind, section, required, choices)
