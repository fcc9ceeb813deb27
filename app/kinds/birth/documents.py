"""Which documents a birth application needs, and the SPTJM statements that stand in for missing ones.

Permendagri 9/2016 lets a family without a birth letter sign an SPTJM on the truth of the birth data (F-2.03)
before two witnesses, and a couple without a buku nikah / akta perkawinan sign an SPTJM on the truth of their
husband-and-wife status (F-2.04). The KK the child is entered into is always needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.kinds.birth.form import FIELDS_BY_KEY, WITNESS_PREFIXES
from app.i18n import QT_TRANSLATE_NOOP
from app.reference import value_lists as vl
from app.validation.fields import choice_term, is_filled, label_term, required_issue, text
from app.validation.issues import Issue, error, warning


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    key: str  # the checkbox in the "documents" section that says it was shown
    label: str  # the Form label (English source; translate with context "Form")
    instead_of: str | None = None  # for an SPTJM: the document it replaces


def _doc(key: str, instead_of: str | None = None) -> RequiredDocument:
    return RequiredDocument(key, FIELDS_BY_KEY[key].label, instead_of)


def has_birth_letter(data: dict[str, Any]) -> bool:
    return data.get("doc_birth_letter") is True


def father_named(data: dict[str, Any]) -> bool:
    # Proof of marriage ties the father to the child; a child registered as the mother's only needs none.
    return bool(text(data, "father_name") or text(data, "father_nik"))


def witnesses_required(data: dict[str, Any]) -> bool:
    return not has_birth_letter(data)


def required_documents(data: dict[str, Any]) -> list[RequiredDocument]:
    """The documents this application needs as it is filled in now, in the order the UI offers them."""
    needed = [_doc("doc_birth_letter") if has_birth_letter(data) else _doc("doc_sptjm_birth", "doc_birth_letter")]
    if father_named(data):
        needed.append(_doc("doc_marriage_proof") if data.get("doc_marriage_proof") is True
                      else _doc("doc_sptjm_marriage", "doc_marriage_proof"))
    needed.append(_doc("doc_kk"))
    return needed


_MISSING = {
    "doc_sptjm_birth": QT_TRANSLATE_NOOP(
        "Validation", "Without a birth letter (Surat Keterangan Lahir), an SPTJM on the truth of the birth data "
                      "(F-2.03) signed before two witnesses is needed."),
    "doc_sptjm_marriage": QT_TRANSLATE_NOOP(
        "Validation", "Without proof of marriage (buku nikah / akta perkawinan), an SPTJM on the truth of "
                      "husband-and-wife status (F-2.04) is needed."),
}


def document_issues(data: dict[str, Any], *, for_submit: bool) -> list[Issue]:
    issues: list[Issue] = []
    if for_submit:
        for doc in required_documents(data):
            if data.get(doc.key) is not True:
                issues.append(error(doc.key, "document_missing", _MISSING.get(doc.key) or QT_TRANSLATE_NOOP(
                    "Validation", "{label} is needed for this application."), label=label_term(FIELDS_BY_KEY[doc.key])))
        issues += _detail_required(data)
    issuer = text(data, "doc_birth_letter_issuer")
    place = text(data, "child_birth_place_type")
    if issuer == vl.VILLAGE_HEAD_LETTER and place and place != vl.HOME_BIRTH:
        # The village head vouches only for births at home; elsewhere the facility or attendant writes it.
        issues.append(warning("doc_birth_letter_issuer", "village_head_letter_not_home", QT_TRANSLATE_NOOP(
            "Validation", "A birth letter from the village head is for a birth at home, but the place of birth "
                          "is \"{place}\". Check who issued the letter."),
            place=choice_term(vl.BIRTH_PLACE_TYPE, place)))
    return issues


def _detail_required(data: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    if has_birth_letter(data) and not text(data, "doc_birth_letter_issuer"):
        issues.append(required_issue(FIELDS_BY_KEY["doc_birth_letter_issuer"]))
    if data.get("doc_marriage_proof") is True and not text(data, "doc_marriage_proof_type"):
        issues.append(required_issue(FIELDS_BY_KEY["doc_marriage_proof_type"]))
    if witnesses_required(data):
        for prefix in WITNESS_PREFIXES:
            for suffix in ("name", "nik", "kk_number", "citizenship"):
                fld = FIELDS_BY_KEY[prefix + suffix]
                if not is_filled(data.get(fld.key)):
                    issues.append(required_issue(fld, QT_TRANSLATE_NOOP(
                        "Validation", "{label} must be filled in: without a birth letter, two witnesses sign "
                                      "the SPTJM.")))
    return issues
