"""canonical_json writes exactly the bytes the standard library wrote, on which every stored content hash and
signed key list rests: orjson for the plain values, the standard library for the rest."""

import hashlib
import json

from hypothesis import given, settings, strategies as st

from sync.payload import Record, canonical_json


def standard(value) -> bytes:
    """What every earlier release wrote."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def outcome(write, value):
    try:
        return "bytes", write(value)
    except Exception as exc:  # noqa: BLE001 - the same failure is the same outcome
        return "error", type(exc)


scalars = (st.none() | st.booleans() | st.integers(min_value=-(2 ** 70), max_value=2 ** 70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text())
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                           | st.dictionaries(st.text(), inner, max_size=6), max_leaves=40)


@settings(max_examples=600, deadline=None)
@given(json_values)
def test_any_json_value_is_written_as_the_standard_library_wrote_it(value):
    assert outcome(canonical_json, value) == outcome(standard, value)


def test_the_cases_where_orjson_alone_would_differ_still_agree():
    for value in [1e-05, {"a": 2.5e-07}, [float("nan")], {"x": float("inf")}, 10 ** 30, {1: "a"}, 1e16,
                  {"b": [1, {"c": -0.0}]}, ("tuple", 1), {"text": "\x00\x1f\x7f\u2028 é 🐟"}]:
        assert outcome(canonical_json, value) == outcome(standard, value), value
    assert canonical_json({"v": 1e-05}) == b'{"v":1e-05}'  # orjson alone writes 0.00001


def test_a_lone_surrogate_fails_as_before():
    assert outcome(canonical_json, {"x": "\ud800"}) == ("error", UnicodeEncodeError)


def test_a_records_hash_is_the_one_stored_before():
    # Written down from the standard library's bytes before the change: a hash that moved would make every stored
    # record look changed to the server's duplicate check.
    record = Record(id="r1", kind="ektp", status="submitted", version=2, base_version=1, owner_id="u1",
                    device_id="d1", created_at="2026-01-02T03:04:05Z", updated_at="2026-01-02T03:04:05Z",
                    data={"nama": "Siti Aminah", "nik": "1671014101900001", "alamat": "Jl. Merdeka No. 5",
                          "catatan": "Ibu \"Ani\"\nRT 01 — ñ", "ada": True, "kosong": None},
                    attachments=["b" * 64, "a" * 64], review_comment=None)
    assert record.content_hash() == "3929e7e18274a1b1ef4ebfd269001a1a208241373d8e2fc2d4a8ff7e050ac624"
    assert record.content_hash() == hashlib.sha256(standard(record.content())).hexdigest()
