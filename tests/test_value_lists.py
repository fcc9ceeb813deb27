import pytest

from app.reference import value_lists as vl
from app.reference.value_lists import Choice, label

ALL = {name: getattr(vl, name) for name in ("SEX", "BLOOD_TYPE", "RELIGION", "MARITAL_STATUS", "RELATIONSHIP",
                                            "EDUCATION", "DISABILITY", "CITIZENSHIP", "OCCUPATION")}
SIZES = {"SEX": 2, "BLOOD_TYPE": 13, "RELIGION": 7, "MARITAL_STATUS": 6, "RELATIONSHIP": 11, "EDUCATION": 10,
         "DISABILITY": 6, "CITIZENSHIP": 2, "OCCUPATION": 89}


@pytest.mark.parametrize("name", ALL)
def test_siak_numbering_runs_from_one(name):
    choices = ALL[name]
    assert all(isinstance(c, Choice) for c in choices)
    assert [c.code for c in choices] == [str(n) for n in range(1, SIZES[name] + 1)]


def test_english_labels_are_unique_so_each_has_one_translation():
    labels = [c.label for choices in ALL.values() for c in choices]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("choices, code, indonesian", [
    (vl.SEX, "1", "Laki-laki"), (vl.SEX, "2", "Perempuan"),
    (vl.BLOOD_TYPE, "13", "Tidak Tahu"), (vl.BLOOD_TYPE, "10", "AB-"),
    (vl.RELIGION, "7", "Kepercayaan Terhadap Tuhan YME"), (vl.RELIGION, "6", "Khonghucu"),
    (vl.MARITAL_STATUS, "3", "Kawin Belum Tercatat"), (vl.MARITAL_STATUS, "5", "Cerai Hidup Belum Tercatat"),
    (vl.MARITAL_STATUS, "6", "Cerai Mati"),
    (vl.RELATIONSHIP, "1", "Kepala Keluarga"), (vl.RELATIONSHIP, "9", "Famili Lain"),
    (vl.EDUCATION, "1", "Tidak/Belum Sekolah"), (vl.EDUCATION, "8", "Diploma IV/Strata I"),
    (vl.DISABILITY, "2", "Cacat Netra/Buta"), (vl.CITIZENSHIP, "2", "WNA"),
    (vl.OCCUPATION, "1", "Belum/Tidak Bekerja"), (vl.OCCUPATION, "4", "Pensiunan"),
    (vl.OCCUPATION, "11", "Nelayan/Perikanan"), (vl.OCCUPATION, "15", "Karyawan Swasta"),
    (vl.OCCUPATION, "19", "Buruh Harian Lepas"), (vl.OCCUPATION, "20", "Buruh Tani/Perkebunan"),
    (vl.OCCUPATION, "64", "Dosen"), (vl.OCCUPATION, "65", "Guru"), (vl.OCCUPATION, "72", "Dokter"),
    (vl.OCCUPATION, "73", "Bidan"), (vl.OCCUPATION, "74", "Perawat"), (vl.OCCUPATION, "81", "Sopir"),
    (vl.OCCUPATION, "84", "Pedagang"), (vl.OCCUPATION, "85", "Perangkat Desa"),
    (vl.OCCUPATION, "86", "Kepala Desa"), (vl.OCCUPATION, "88", "Wiraswasta"),
    (vl.OCCUPATION, "89", "Tidak Mempunyai Pekerjaan Tetap"),
])
def test_indonesian_labels_are_the_siak_ones(choices, code, indonesian):
    assert label(choices, code) == indonesian
    assert label(choices, code, "id") == indonesian


def test_every_label_has_an_indonesian_translation():
    from app.i18n import catalogue
    table = catalogue("id")
    missing = [c.label for choices in ALL.values() for c in choices if ("ValueList", c.label) not in table]
    assert missing == []


def test_english_and_unknown_codes():
    assert label(vl.MARITAL_STATUS, "3", "en") == "Married, not registered"
    assert label(vl.OCCUPATION, "90") == "90"
    assert label(vl.SEX, None) == "" and label(vl.SEX, "") == ""
