"""The small part of CBOR (RFC 8949) that a receipt's COSE_Sign1 needs: unsigned and negative integers, byte and
text strings, arrays, maps and tags, definite lengths only, always in the shortest form.

Written here rather than taken from a package because it is ~100 lines, and a reader of hostile input (a pasted or
photographed QR code) is easier to trust when every case it accepts is on one screen: anything else (floats,
indefinite lengths, non-shortest lengths, trailing bytes, nesting deeper than a receipt needs) is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_DEPTH = 8
MAX_ITEMS = 64


class CborError(ValueError):
    """Bytes that are not the CBOR this module writes."""


@dataclass(frozen=True)
class Tag:
    number: int
    value: object


def dumps(value: object) -> bytes:
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def _head(major: int, n: int, out: bytearray) -> None:
    if n < 24:
        out.append(major << 5 | n)
    elif n < 1 << 8:
        out += bytes((major << 5 | 24, n))
    elif n < 1 << 16:
        out.append(major << 5 | 25)
        out += n.to_bytes(2, "big")
    elif n < 1 << 32:
        out.append(major << 5 | 26)
        out += n.to_bytes(4, "big")
    elif n < 1 << 64:
        out.append(major << 5 | 27)
        out += n.to_bytes(8, "big")
    else:
        raise CborError("integer too large")


def _encode(value: object, out: bytearray) -> None:
    if isinstance(value, bool) or value is None:
        raise CborError(f"cannot encode {value!r}")
    if isinstance(value, int):
        _head(0, value, out) if value >= 0 else _head(1, -1 - value, out)
    elif isinstance(value, bytes):
        _head(2, len(value), out)
        out += value
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _head(3, len(raw), out)
        out += raw
    elif isinstance(value, (list, tuple)):
        _head(4, len(value), out)
        for item in value:
            _encode(item, out)
    elif isinstance(value, dict):
        _head(5, len(value), out)
        for key, item in value.items():
            _encode(key, out)
            _encode(item, out)
    elif isinstance(value, Tag):
        _head(6, value.number, out)
        _encode(value.value, out)
    else:
        raise CborError(f"cannot encode {type(value).__name__}")


def loads(data: bytes) -> object:
    value, end = _decode(memoryview(data), 0, 0)
    if end != len(data):
        raise CborError("trailing bytes")
    return value


def _decode(data: memoryview, at: int, depth: int) -> tuple[object, int]:
    if depth > MAX_DEPTH:
        raise CborError("nested too deep")
    if at >= len(data):
        raise CborError("truncated")
    initial = data[at]
    major, info = initial >> 5, initial & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        if at + size > len(data):
            raise CborError("truncated")
        n = int.from_bytes(data[at:at + size], "big")
        at += size
        if n < (24 if size == 1 else 1 << (4 * size)):
            raise CborError("length not in its shortest form")
    else:
        raise CborError("indefinite length or reserved value")
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major in (2, 3):
        if at + n > len(data):
            raise CborError("truncated")
        raw = bytes(data[at:at + n])
        if major == 2:
            return raw, at + n
        try:
            return raw.decode("utf-8"), at + n
        except UnicodeDecodeError as exc:
            raise CborError("text is not UTF-8") from exc
    if major in (4, 5):
        if n > MAX_ITEMS:
            raise CborError("too many items")
        if major == 4:
            items = []
            for _ in range(n):
                item, at = _decode(data, at, depth + 1)
                items.append(item)
            return items, at
        mapping: dict = {}
        for _ in range(n):
            key, at = _decode(data, at, depth + 1)
            if not isinstance(key, (int, str)) or key in mapping:
                raise CborError("map key not an integer or text, or repeated")
            mapping[key], at = _decode(data, at, depth + 1)
        return mapping, at
    if major == 6:
        value, at = _decode(data, at, depth + 1)
        return Tag(n, value), at
    raise CborError("floats and simple values are not used here")
