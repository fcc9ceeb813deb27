"""The registration number printed on a receipt (KTP-261201-ABCDEF) and finding a record by it.

The number is made from the record's own id, so it needs no counter shared between laptops that never see each
other: the service, the UTC day the record was made, and the first 30 bits of the id's last five (random) bytes
in base32. A person reads it out on the phone or types it; central staff type it into ``jemput-server
set-status``. Going back from the number to the id narrows the search to one day and one service and compares 30
bits of the id in SQL, then checks the whole number in Python, so a look-up is exact and uses no extra column.
"""

from __future__ import annotations

import base64
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func

from app import receipt_seal
from app.kinds import KINDS

QR_PREFIX = "JB1"  # the unsigned look-up code; a signed receipt's is app/receipt_seal.py's "JB2:"
NUMBER_PREFIX = {kind: spec.number_prefix for kind, spec in KINDS.items()}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in NUMBER_PREFIX.items()}
_NUMBER = re.compile(r"^([A-Z]+)-(\d{2})(\d{2})(\d{2})-([A-Z2-7]{6})$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def registration_number(registration_id: str, kind: str, created_at: datetime) -> str:
    """Short, readable, unique enough to say on the phone: kind, date, and six characters of the random id."""
    raw = uuid.UUID(registration_id).bytes[-5:]
    tail = base64.b32encode(raw).decode()[:6]
    return f"{NUMBER_PREFIX.get(kind, kind.upper())}-{created_at:%y%m%d}-{tail}"


def qr_payload(registration_id: str, code: str = "") -> str:
    """The look-up code of a receipt from a laptop without a certified key (and of receipts printed before
    receipts were signed, whose code was a 40-bit HMAC nobody could check)."""
    return f"{QR_PREFIX}|{registration_id}|{code}"


def parse_qr_payload(text: str) -> tuple[str, str] | None:
    parts = text.split("|")
    if len(parts) != 3 or parts[0] != QR_PREFIX:
        return None
    return parts[1], parts[2]


@dataclass(frozen=True)
class NumberParts:
    number: str  # normalised: upper case, no spaces
    kind: str
    day: date
    id_hex7: str  # hex digits 27-33 of the id string (1-based)
    id_next: tuple[str, ...]  # the four hex digits that can stand at position 34


def parse_number(text: str) -> NumberParts | None:
    """The parts of a printed number, or None when ``text`` is not one (spaces and case are forgiven)."""
    number = re.sub(r"\s+", "", text).upper()
    match = _NUMBER.match(number)
    if not match or match[1] not in _KIND_OF_PREFIX:
        return None
    try:
        day = date(2000 + int(match[2]), int(match[3]), int(match[4]))
    except ValueError:
        return None
    bits = int.from_bytes(base64.b32decode(match[5] + "AA"), "big") >> 10  # the 30 bits the number carries
    low = (bits & 3) * 4
    return NumberParts(number, _KIND_OF_PREFIX[match[1]], day, f"{bits >> 2:07x}",
                       tuple(f"{d:x}" for d in range(low, low + 4)))


def registration_id_in(text: str) -> str | None:
    """The id itself when ``text`` is one, or the content of a receipt's QR code (a scanner types it): signed or
    not, the code names the record; whether it is genuine is ``sync/receipt_check.py``'s question."""
    if receipt_seal.is_sealed(text):
        return receipt_seal.registration_id_of(text)
    parsed = parse_qr_payload(text.strip())
    candidate = (parsed[0] if parsed else text.strip()).lower()
    return candidate if _UUID.match(candidate) else None


def number_conditions(parts: NumberParts, *, id_column, kind_column, created_column) -> list:
    """SQL conditions that every record with this number meets (and almost no other): check the candidates with
    ``matches`` afterwards."""
    start = datetime.combine(parts.day, datetime.min.time())
    return [kind_column == parts.kind, created_column >= start, created_column < start + timedelta(days=1),
            func.substr(id_column, 27, 7) == parts.id_hex7, func.substr(id_column, 34, 1).in_(parts.id_next)]


def matches(parts: NumberParts, registration_id: str, kind: str, created_at: datetime) -> bool:
    return registration_number(registration_id, kind, created_at) == parts.number
