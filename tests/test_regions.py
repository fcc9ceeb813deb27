import time

import pytest
from hypothesis import given, settings, strategies as st

from app.reference.regions import DATA_FILE, Region, Regions, shipped_regions

R = shipped_regions()
SUMSEL_DISTRICTS = [d.code for r in R.regencies("16") for d in R.districts(r.code)]


def test_counts_match_kemendagri_2025():
    provinces = R.provinces()
    regencies = [r for p in provinces for r in R.regencies(p.code)]
    districts = [d for r in regencies for d in R.districts(r.code)]
    assert (len(provinces), len(regencies), len(districts)) == (38, 514, 7285)
    assert sum(len(R.villages(d.code)) for d in districts) == 83762


def test_south_sumatra_regencies():
    codes = [r.code for r in R.regencies("16")]
    assert codes == [f"16.{n:02d}" for n in range(1, 14)] + ["16.71", "16.72", "16.73", "16.74"]
    assert R.get("16.03") == Region("16.03", "Kabupaten Muara Enim", "16")


def test_get_village_and_parents():
    village = R.get("16.03.07.1001")
    assert village == Region("16.03.07.1001", "Tanjung Enim", "16.03.07")
    assert R.get(village.parent_code).name == "Lawang Kidul"
    assert R.get("16").parent_code is None
    for bad in ("", "16.03.07.9999", "1x", "16.3", "99"):
        assert R.get(bad) is None


def test_listing_a_level_needs_a_code_of_the_level_above():
    assert R.villages("16.03") == []
    assert R.districts("16") == []
    assert [v.name for v in R.villages("16.03.07")][:3] == ["Tanjung Enim", "Pasar Tanjung Enim", "Tanjung Enim Selatan"]


def test_nik_helpers_take_undotted_digits():
    assert R.province_exists("16") and R.regency_exists("1603") and R.district_exists("160307")
    assert not R.province_exists("99") and not R.regency_exists("1699") and not R.district_exists("160399")
    assert not R.province_exists("16.") and not R.regency_exists("16.03")
    # The Papua provinces created in 2022 exist even though some validators reject them.
    assert all(R.province_exists(str(pp)) for pp in range(92, 97))


def test_tanjung_enim_in_a_few_keystrokes():
    assert R.search("ta", within="16.03.07")[0].name == "Tanjung Enim"
    assert "Tanjung Enim" in [r.name for r in R.search("tan", within="16.03")[:15]]
    assert "Tanjung Enim" in [r.name for r in R.search("eni", within="16.03")[:10]]
    assert R.search("TANJUNG EN", within="16.03")[0].name == "Tanjung Enim"


def test_word_prefix_matches_come_before_substring_matches():
    names = [r.name.lower() for r in R.search("enim", within="16.03")]
    assert names and all("enim" in n for n in names)
    word_start = [any(w.startswith("enim") for w in n.split()) for n in names]
    assert word_start == sorted(word_start, reverse=True)


def test_search_levels_and_scope():
    assert [r.code for r in R.search("muara enim", level="regency")] == ["16.03"]
    assert all(r.code.startswith("16.") for r in R.search("a", level="district", within="16"))
    assert len(R.search("a", limit=7)) == 7
    assert R.search("") == [] and R.search("zzzzqq") == []
    with pytest.raises(ValueError):
        R.search("a", level="hamlet")


def test_construction_is_lazy_and_lookups_are_fast(tmp_path):
    copy = tmp_path / "regions.sqlite"
    copy.write_bytes(DATA_FILE.read_bytes())
    start = time.perf_counter()
    fresh = Regions(copy)
    assert time.perf_counter() - start < 0.005
    assert not fresh._file.is_open
    fresh.get("16")
    start = time.perf_counter()
    for _ in range(20):
        fresh.villages("16.03.07")
        fresh.search("tan", within="16.03")
    # Generous bound for slow CI machines; measured well under 1 ms each.
    assert (time.perf_counter() - start) / 20 < 0.02


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(SUMSEL_DISTRICTS))
def test_villages_belong_to_their_district(district):
    villages = R.villages(district)
    assert villages
    for v in villages:
        assert v.parent_code == district and v.code.startswith(district + ".") and R.get(v.code) == v


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdeijklmnorstu ", min_size=1, max_size=6))
def test_every_result_contains_every_typed_word(text):
    results = R.search(text, within="16")
    assert len(results) <= 50
    for region in results:
        assert region.code.startswith("16.") and len(region.code) == 13
        assert all(word in region.name.lower() for word in text.split())


def test_a_file_is_opened_once_however_many_read_it_and_switching_one_moves_only_it(tmp_path):
    copy = tmp_path / "regions-2.sqlite"
    copy.write_bytes(DATA_FILE.read_bytes())
    first, second = Regions(DATA_FILE), Regions(DATA_FILE)
    assert first._file is second._file is R._file
    first.get("16")
    first.switch_to(copy)
    assert first.path == copy and second.path == DATA_FILE
    assert not R._file.is_open, "the file left is closed, so it can be deleted"
    assert first.get("16").name == second.get("16").name, "and opened again by whoever still reads it"
    assert Regions(copy)._file is first._file
