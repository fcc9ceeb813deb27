from datetime import date

from hypothesis import assume, given, strategies as st

from app.reference.regions import shipped_regions
from app.validation.issues import errors
from app.validation.kk import check_kk

TODAY = date(2025, 3, 1)
R = shipped_regions()
DISTRICTS = [d.code.replace(".", "") for r in R.regencies("16") for d in R.districts(r.code)]


def codes(kk):
    return [i.code for i in check_kk(kk, today=TODAY, regions=R)]


def test_valid_kk():
    assert codes("1603071203150002") == []


def test_format():
    assert codes("") == ["kk_empty"]
    assert codes("1603071203l50002") == ["kk_format"]
    assert codes("16030712031500021") == ["kk_length"]
    assert check_kk("123", today=TODAY, regions=R)[0].text("id") == "Nomor KK harus 16 angka; yang diketik 3 angka."


def test_region_prefix():
    assert codes("9903071203150002") == ["kk_province"]
    assert codes("1699071203150002") == ["kk_regency"]
    # An unknown kecamatan under a known regency may be a code from before a split.
    assert codes("1603991203150002") == ["kk_district_unknown"]
    assert check_kk("1603991203150002", today=TODAY, regions=R)[0].severity == "warning"


def test_issue_date():
    assert codes("1603073102150002") == ["kk_date"]
    assert codes("1603075203150002") == ["kk_date"]  # no +40 on a KK
    assert codes("1603070113150002") == ["kk_date"]
    assert codes("1603071503250002") == ["kk_date_future"]
    assert codes("1603070103250002") == []
    assert codes("1603072902240002") == []


@given(st.sampled_from(DISTRICTS), st.dates(min_value=date(1926, 1, 1), max_value=TODAY), st.integers(0, 9999))
def test_any_plausible_kk_passes(district, issued, serial):
    kk = f"{district}{issued:%d%m%y}{serial:04d}"
    assert codes(kk) == []


@given(st.text(max_size=20))
def test_anything_but_16_ascii_digits_is_an_error(text):
    assume(not (len(text) == 16 and text.isascii() and text.isdigit()))
    issues = check_kk(text, today=TODAY, regions=R)
    assert len(errors(issues)) == 1
