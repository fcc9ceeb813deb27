"""SIAK value lists for the population forms, with SIAK's own numbering as the stored code.

Labels are English source strings; the Indonesian translation in ``app/translations/core_id.ts`` is the exact
SIAK label an officer sees on the Kartu Keluarga. Every English label is unique across all lists because the
translation catalogue is keyed by (context, source text) with no disambiguation.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, translate
from app.reference.occupations import OCCUPATION_LABELS


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    label: str


def _numbered(*labels: str) -> tuple[Choice, ...]:
    return tuple(Choice(str(number), text) for number, text in enumerate(labels, start=1))


SEX = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Male"),
    QT_TRANSLATE_NOOP("ValueList", "Female"),
)

BLOOD_TYPE = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "A"),
    QT_TRANSLATE_NOOP("ValueList", "B"),
    QT_TRANSLATE_NOOP("ValueList", "AB"),
    QT_TRANSLATE_NOOP("ValueList", "O"),
    QT_TRANSLATE_NOOP("ValueList", "A+"),
    QT_TRANSLATE_NOOP("ValueList", "A-"),
    QT_TRANSLATE_NOOP("ValueList", "B+"),
    QT_TRANSLATE_NOOP("ValueList", "B-"),
    QT_TRANSLATE_NOOP("ValueList", "AB+"),
    QT_TRANSLATE_NOOP("ValueList", "AB-"),
    QT_TRANSLATE_NOOP("ValueList", "O+"),
    QT_TRANSLATE_NOOP("ValueList", "O-"),
    QT_TRANSLATE_NOOP("ValueList", "Unknown blood type"),
)

RELIGION = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Islam"),
    QT_TRANSLATE_NOOP("ValueList", "Protestant Christianity"),
    QT_TRANSLATE_NOOP("ValueList", "Catholicism"),
    QT_TRANSLATE_NOOP("ValueList", "Hinduism"),
    QT_TRANSLATE_NOOP("ValueList", "Buddhism"),
    QT_TRANSLATE_NOOP("ValueList", "Confucianism"),
    QT_TRANSLATE_NOOP("ValueList", "Belief in One Almighty God (Kepercayaan)"),
)

MARITAL_STATUS = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Not married"),
    QT_TRANSLATE_NOOP("ValueList", "Married, registered"),
    QT_TRANSLATE_NOOP("ValueList", "Married, not registered"),
    QT_TRANSLATE_NOOP("ValueList", "Divorced, registered"),
    QT_TRANSLATE_NOOP("ValueList", "Divorced, not registered"),
    QT_TRANSLATE_NOOP("ValueList", "Widowed"),
)
NEVER_MARRIED = "1"
MARRIED = frozenset({"2", "3"})

RELATIONSHIP = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Head of family"),
    QT_TRANSLATE_NOOP("ValueList", "Husband"),
    QT_TRANSLATE_NOOP("ValueList", "Wife"),
    QT_TRANSLATE_NOOP("ValueList", "Child"),
    QT_TRANSLATE_NOOP("ValueList", "Child-in-law"),
    QT_TRANSLATE_NOOP("ValueList", "Grandchild"),
    QT_TRANSLATE_NOOP("ValueList", "Parent"),
    QT_TRANSLATE_NOOP("ValueList", "Parent-in-law"),
    QT_TRANSLATE_NOOP("ValueList", "Other relative"),
    QT_TRANSLATE_NOOP("ValueList", "Household helper"),
    QT_TRANSLATE_NOOP("ValueList", "Other relationship"),
)

EDUCATION = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "No schooling / not yet in school"),
    QT_TRANSLATE_NOOP("ValueList", "Primary school not finished"),
    QT_TRANSLATE_NOOP("ValueList", "Primary school or equivalent"),
    QT_TRANSLATE_NOOP("ValueList", "Junior secondary school or equivalent"),
    QT_TRANSLATE_NOOP("ValueList", "Senior secondary school or equivalent"),
    QT_TRANSLATE_NOOP("ValueList", "Diploma I/II"),
    QT_TRANSLATE_NOOP("ValueList", "Academy / Diploma III / Associate degree"),
    QT_TRANSLATE_NOOP("ValueList", "Diploma IV / Bachelor's degree"),
    QT_TRANSLATE_NOOP("ValueList", "Master's degree"),
    QT_TRANSLATE_NOOP("ValueList", "Doctorate"),
)

DISABILITY = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Physical disability"),
    QT_TRANSLATE_NOOP("ValueList", "Visual impairment / blind"),
    QT_TRANSLATE_NOOP("ValueList", "Hearing / speech impairment"),
    QT_TRANSLATE_NOOP("ValueList", "Mental / psychosocial disability"),
    QT_TRANSLATE_NOOP("ValueList", "Physical and mental disability"),
    QT_TRANSLATE_NOOP("ValueList", "Other disability"),
)

CITIZENSHIP = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Indonesian citizen (WNI)"),
    QT_TRANSLATE_NOOP("ValueList", "Foreign citizen (WNA)"),
)

OCCUPATION = _numbered(*OCCUPATION_LABELS)


# Birth registration (F-2.01): the numbering printed on the form.
BIRTH_PLACE_TYPE = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Hospital / maternity home (RS/RB)"),
    QT_TRANSLATE_NOOP("ValueList", "Puskesmas"),
    QT_TRANSLATE_NOOP("ValueList", "Village maternity post (Polindes)"),
    QT_TRANSLATE_NOOP("ValueList", "Home"),
    QT_TRANSLATE_NOOP("ValueList", "Other place of birth"),
)
HOME_BIRTH = "4"

# Codes 2-4 are also the number of children born together, which the twin checks rely on.
BIRTH_TYPE = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Single birth"),
    QT_TRANSLATE_NOOP("ValueList", "Twins (2)"),
    QT_TRANSLATE_NOOP("ValueList", "Triplets (3)"),
    QT_TRANSLATE_NOOP("ValueList", "Quadruplets (4)"),
    QT_TRANSLATE_NOOP("ValueList", "Other birth type"),
)
SINGLE_BIRTH = "1"
OTHER_BIRTH_TYPE = "5"

BIRTH_ATTENDANT = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Doctor"),
    QT_TRANSLATE_NOOP("ValueList", "Midwife / nurse"),
    QT_TRANSLATE_NOOP("ValueList", "Traditional birth attendant (dukun)"),
    QT_TRANSLATE_NOOP("ValueList", "Other birth attendant"),
)

# Who signed the surat keterangan lahir; the village head writes one only for a birth at home.
BIRTH_LETTER_ISSUER = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Hospital"),
    QT_TRANSLATE_NOOP("ValueList", "Puskesmas"),
    QT_TRANSLATE_NOOP("ValueList", "Midwife"),
    QT_TRANSLATE_NOOP("ValueList", "Doctor"),
    QT_TRANSLATE_NOOP("ValueList", "Village head (birth at home)"),
)
VILLAGE_HEAD_LETTER = "5"

MARRIAGE_PROOF = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Marriage book (buku nikah)"),
    QT_TRANSLATE_NOOP("ValueList", "Marriage certificate (akta perkawinan)"),
)

# Cataract screening: the WHO RAAB examination record, in the record's own order.
EXAM_STATUS = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Examined"),
    QT_TRANSLATE_NOOP("ValueList", "Not available"),
    QT_TRANSLATE_NOOP("ValueList", "Refused"),
    QT_TRANSLATE_NOOP("ValueList", "Not capable of being examined"),
)
EXAMINED = "1"

# Ordered from best to worst: a higher code is always worse vision, which WHO categories rely on.
VISUAL_ACUITY = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "6/12 or better"),
    QT_TRANSLATE_NOOP("ValueList", "Less than 6/12 to 6/18"),
    QT_TRANSLATE_NOOP("ValueList", "Less than 6/18 to 6/60"),
    QT_TRANSLATE_NOOP("ValueList", "Less than 6/60 to 3/60"),
    QT_TRANSLATE_NOOP("ValueList", "Less than 3/60 to 1/60"),
    QT_TRANSLATE_NOOP("ValueList", "Light perception"),
    QT_TRANSLATE_NOOP("ValueList", "No light perception"),
)
GOOD_ACUITY = "1"

LENS_STATUS = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Normal lens"),
    QT_TRANSLATE_NOOP("ValueList", "Obvious lens opacity"),
    QT_TRANSLATE_NOOP("ValueList", "Aphakia"),
    QT_TRANSLATE_NOOP("ValueList", "Pseudophakia without PCO"),
    QT_TRANSLATE_NOOP("ValueList", "Pseudophakia with PCO"),
    QT_TRANSLATE_NOOP("ValueList", "No view of the lens"),
)
LENS_OPACITY, LENS_APHAKIA, LENS_NO_VIEW = "2", "3", "6"
LENS_OPERATED = frozenset({"3", "4", "5"})

PRINCIPAL_CAUSE = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Refractive error"),
    QT_TRANSLATE_NOOP("ValueList", "Uncorrected aphakia"),
    QT_TRANSLATE_NOOP("ValueList", "Untreated cataract"),
    QT_TRANSLATE_NOOP("ValueList", "Cataract surgical complications"),
    QT_TRANSLATE_NOOP("ValueList", "Trachomatous corneal opacity"),
    QT_TRANSLATE_NOOP("ValueList", "Other corneal opacity"),
    QT_TRANSLATE_NOOP("ValueList", "Phthisis"),
    QT_TRANSLATE_NOOP("ValueList", "Onchocerciasis"),
    QT_TRANSLATE_NOOP("ValueList", "Glaucoma"),
    QT_TRANSLATE_NOOP("ValueList", "Diabetic retinopathy"),
    QT_TRANSLATE_NOOP("ValueList", "Age-related macular degeneration"),
    QT_TRANSLATE_NOOP("ValueList", "Other posterior segment disease"),
    QT_TRANSLATE_NOOP("ValueList", "Other globe / central nervous system disease"),
)
CAUSE_UNCORRECTED_APHAKIA, CAUSE_UNTREATED_CATARACT, CAUSE_SURGICAL_COMPLICATION = "2", "3", "4"

SURGERY_BARRIER = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Need not felt"),
    QT_TRANSLATE_NOOP("ValueList", "Fear of surgery"),
    QT_TRANSLATE_NOOP("ValueList", "Cost"),
    QT_TRANSLATE_NOOP("ValueList", "Treatment denied by provider"),
    QT_TRANSLATE_NOOP("ValueList", "Unaware that treatment is possible"),
    QT_TRANSLATE_NOOP("ValueList", "Cannot access treatment"),
    QT_TRANSLATE_NOOP("ValueList", "Other barrier"),
)

# Computed from the better eye's presenting acuity, never typed.
WHO_CATEGORY = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "No visual impairment"),
    QT_TRANSLATE_NOOP("ValueList", "Mild visual impairment"),
    QT_TRANSLATE_NOOP("ValueList", "Moderate visual impairment"),
    QT_TRANSLATE_NOOP("ValueList", "Severe visual impairment"),
    QT_TRANSLATE_NOOP("ValueList", "Blind"),
)

EYE = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Right eye"),
    QT_TRANSLATE_NOOP("ValueList", "Left eye"),
    QT_TRANSLATE_NOOP("ValueList", "Both eyes"),
)
RIGHT_EYE, LEFT_EYE, BOTH_EYES = "1", "2", "3"

BPJS_STATUS = _numbered(
    QT_TRANSLATE_NOOP("ValueList", "Active BPJS membership"),
    QT_TRANSLATE_NOOP("ValueList", "Inactive BPJS membership"),
    QT_TRANSLATE_NOOP("ValueList", "No BPJS membership"),
)


def label(choices: tuple[Choice, ...], code: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The label of ``code`` in ``language``; an unknown code is shown as it is so that no stored value vanishes."""
    if not code:
        return ""
    for choice in choices:
        if choice.code == code:
            return translate("ValueList", choice.label, language)
    return code


_CODES: dict[int, tuple[tuple[Choice, ...], frozenset[str]]] = {}


def codes(choices: tuple[Choice, ...]) -> frozenset[str]:
    # Asked for every choice field of every record validated (thousands a second on the server), of the same few
    # lists: kept by the list's identity, with the list itself so that the id cannot be reused.
    found = _CODES.get(id(choices))
    if found is not None and found[0] is choices:
        return found[1]
    result = frozenset(choice.code for choice in choices)
    if isinstance(choices, tuple) and len(_CODES) < 1000:
        _CODES[id(choices)] = (choices, result)
    return result
