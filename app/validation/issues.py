"""One finding about one field, with its message kept as an English template translated only when shown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field as dataclass_field
from typing import Any, Literal

from app.i18n import DEFAULT_LANGUAGE, translate


# The plain "missing" message the validators use (each marks it for translation where it uses it), so that a
# list of what is still to fill in can name just the field where the message says nothing more.
REQUIRED_TEMPLATE = "{label} must be filled in."


@dataclass(frozen=True, slots=True)
class Term:
    """A marked string used as a message parameter (e.g. a form label), translated in the reader's language."""

    context: str
    source: str

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.context, self.source, language)


@dataclass(frozen=True, slots=True)
class Issue:
    field: str
    code: str
    severity: Literal["error", "warning"]
    template: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        params = {key: value.text(language) if isinstance(value, Term) else value
                  for key, value in self.params.items()}
        return translate("Validation", self.template, language).format(**params)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(field: str, code: str, template: str, /, **params: Any) -> Issue:
    return Issue(field, code, "error", template, params)


def warning(field: str, code: str, template: str, /, **params: Any) -> Issue:
    return Issue(field, code, "warning", template, params)


def errors(issues: Iterable[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "error"]


def warnings(issues: Iterable[Issue]) -> list[Issue]:
    return [issue for issue in issues if issue.severity == "warning"]
