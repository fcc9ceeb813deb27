"""sync.strict.parse_time: the quick path for the "...Z" form every laptop writes gives what the general path gives,
and refuses what the general path refuses."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from sync.strict import format_time, parse_time

times = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9000, 12, 31))


@settings(max_examples=300, deadline=None)
@given(times)
def test_a_written_time_reads_back_as_the_same_naive_utc(value):
    assert parse_time(format_time(value)) == value
    # The same instant written with an explicit zero offset goes the general way, to the same answer.
    assert parse_time(value.isoformat() + "+00:00") == value


@settings(max_examples=200, deadline=None)
@given(times, st.integers(min_value=-12, max_value=14))
def test_an_offset_is_converted_to_utc(value, hours):
    zone = timezone(timedelta(hours=hours))
    if not 1970 <= (value - timedelta(hours=hours)).year <= 9000:
        return
    assert parse_time(value.replace(tzinfo=zone).isoformat()) == value - timedelta(hours=hours)


@pytest.mark.parametrize("text", [
    "2026-12-03T07:10:32+07:00Z",  # an offset and a Z: two zones
    "2026-12-03T07:10:32-0700Z",
    "1969-12-31T23:59:59Z",  # before any laptop's clock
    "9001-01-01T00:00:00Z",
    "Z", "", "2026-13-01T00:00:00Z", "not a time Z",
])
def test_what_is_no_time_of_ours_is_refused(text):
    with pytest.raises(ValueError):
        parse_time(text)


def test_the_z_form_and_a_zoneless_time_are_both_utc():
    assert parse_time("2026-12-03T07:10:32.123456Z") == datetime(2026, 12, 3, 7, 10, 32, 123456)
    assert parse_time("2026-12-03T07:10:32") == datetime(2026, 12, 3, 7, 10, 32)
    assert parse_time("2026-12-03T07:10Z") == datetime(2026, 12, 3, 7, 10)
