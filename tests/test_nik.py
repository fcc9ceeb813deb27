import calendar
from datetime import date, timedelta

from hypothesis import assume, given, strategies as st

from app.reference.regions import shipped_regions
from app.validation.issues import errors, warnings
from app.validation.nik import parse_nik, check_nik

TODAY = date(2025, 3, 1)
R = shipped_regions()
DISTRICTS = [d.code for r in R.regencies("16") + R.regencies("93") for d in R.districts(r.code)]


def make_nik(district: str, birth: date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "2" else 0)
    return f"{district.replace('.', '')}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def codes(issues):
    return [i.code for i in issues]


def check(nik, **kw):
    return check_nik(nik, today=TODAY, regions=R, **kw)


def test_parts_of_a_womans_nik():
    parts = parse_nik("1603074502900001", today=TODAY)
    assert (parts.province, parts.regency, parts.district) == ("16", "16.03", "16.03.07")
    assert (parts.birth_date, parts.sex, parts.serial) == (date(1990, 2, 5), "2", "0001")
    assert check("1603074502900001") == []


def test_century_is_the_most_recent_past_one():
    assert parse_nik("1603071502250001", today=TODAY).birth_date == date(2025, 2, 15)
    # Same two digits but a birthday later this year: born a century ago, not next month.
    assert parse_nik("1603071504250001", today=TODAY).birth_date == date(1925, 4, 15)
    assert parse_nik("1603071502260001", today=TODAY).birth_date == date(1926, 2, 15)
    assert parse_nik("1603072902000001", today=TODAY).birth_date == date(2000, 2, 29)


def test_format_errors_say_what_is_wrong():
    assert codes(check("")) == ["nik_empty"]
    assert codes(check("16030745029O0001")) == ["nik_format"]
    assert codes(check("1603 0745 0290 0001")) == ["nik_format"]
    assert codes(check("160307450290001")) == ["nik_length"]
    assert check("160307450290001")[0].params == {"count": 15}
    assert "huruf" in check("1603074502900a01")[0].text("id")
    # Full-width and Arabic-Indic digits pass str.isdigit() but are not what a NIK is made of.
    assert codes(check("１６０３０７４５０２９０００１")) == ["nik_format"]


def test_hard_errors():
    assert codes(check("9903071502900001")) == ["nik_province"]
    assert codes(check("1603071513900001")) == ["nik_month"]
    assert codes(check("1603070002900001")) == ["nik_day"]
    assert codes(check("1603073602900001")) == ["nik_day"]
    assert codes(check("1603077202900001")) == ["nik_day"]
    assert codes(check("1603071502900000")) == ["nik_serial"]
    feb31 = check("1603073102900001")
    assert codes(feb31) == ["nik_date"] and feb31[0].text("id") == "Tanggal lahir di NIK (31-02) tidak ada di kalender."
    assert check("1603076902010001")[0].params == {"date": "29-02-2001"}
    assert all(i.severity == "error" for i in check("1603071513900000"))


def test_new_papua_provinces_are_accepted():
    for district in (d.code for p in range(92, 97) for r in R.regencies(str(p))[:1] for d in R.districts(r.code)[:1]):
        assert errors(check(make_nik(district, date(1990, 5, 17), "1", 12))) == []


def test_old_region_codes_are_only_warnings():
    assert codes(check("1699071502900001")) == ["nik_regency_unknown"]
    assert codes(check("1603991502900001")) == ["nik_district_unknown"]
    assert errors(check("1699991502900001")) == []


def test_disagreements_with_the_form_are_warnings():
    nik = "1603074502900001"
    assert codes(check(nik, sex="1")) == ["nik_sex_mismatch"]
    assert codes(check("1603070502900001", sex="2")) == ["nik_sex_mismatch"]
    assert codes(check(nik, birth_date="1990-02-06")) == ["nik_birth_date_mismatch"]
    assert codes(check(nik, birth_date="05-02-1990", sex="2", region_code="16.03.07.1001")) == []
    assert codes(check(nik, region_code="16.71.01")) == ["nik_region_mismatch"]
    assert "Kota Palembang" in check(nik, region_code="16.71.01")[0].text("id")


def test_placeholder_dates_are_flagged_for_a_second_look():
    assert codes(check("1603073112450001")) == ["nik_placeholder_date"]
    assert codes(check("1603074107500001")) == ["nik_placeholder_date"]
    assert warnings(check("1603071507500001")) == []


niks = st.builds(
    lambda district, birth, sex, serial: (make_nik(district, birth, sex, serial), district, birth, sex, serial),
    st.sampled_from(DISTRICTS),
    st.dates(min_value=TODAY.replace(year=TODAY.year - 100) + timedelta(days=1), max_value=TODAY),
    st.sampled_from(["1", "2"]),
    st.integers(1, 9999),
)


@given(niks)
def test_any_valid_nik_parses_back_to_its_parts(case):
    nik, district, birth, sex, serial = case
    parts = parse_nik(nik, today=TODAY)
    assert parts is not None
    assert (parts.district, parts.birth_date, parts.sex, int(parts.serial)) == (district, birth, sex, serial)
    assert errors(check(nik, sex=sex, birth_date=birth)) == []
    assert codes(check(nik, sex=sex, birth_date=birth)) in ([], ["nik_placeholder_date"])


@given(niks)
def test_day_over_40_always_means_female(case):
    nik = case[0]
    assert (parse_nik(nik, today=TODAY).sex == "2") == (int(nik[6:8]) > 40)


@given(st.text(max_size=20))
def test_anything_but_16_ascii_digits_is_an_error(text):
    assume(not (len(text) == 16 and text.isascii() and text.isdigit()))
    assert parse_nik(text, today=TODAY) is None
    issues = check(text)
    assert len(issues) == 1 and issues[0].severity == "error" and issues[0].code.startswith("nik_")


@given(st.integers(1, 12), st.integers(0, 99), st.booleans(), st.data())
def test_any_impossible_day_is_an_error(month, yy, female, data):
    year = 2000 + yy if 2000 + yy <= TODAY.year else 1900 + yy
    last = calendar.monthrange(year, month)[1]
    assume(last < 31)
    day = data.draw(st.integers(last + 1, 31))
    nik = f"160307{day + 40 * female:02d}{month:02d}{yy:02d}0001"
    assert parse_nik(nik, today=TODAY) is None
    assert "nik_date" in codes(errors(check(nik)))
