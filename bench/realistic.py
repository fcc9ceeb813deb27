"""Realistic South Sumatra field data for benchmarks and screenshots: names, valid NIKs, real village codes."""

from __future__ import annotations

import random
from datetime import date, timedelta

FIRST_MALE = ["Ahmad", "Muhammad", "Rudi", "Budi", "Agus", "Hendra", "Joko", "Slamet", "Darmawan", "Syahrial",
              "Zulkifli", "Firdaus", "Herman", "Rusli", "Yusuf", "Iwan", "Dedi", "Samsul", "Arif", "Taufik"]
FIRST_FEMALE = ["Siti", "Rina", "Nurhayati", "Sri", "Dewi", "Yuliana", "Fitri", "Rohani", "Marlina", "Aisyah",
                "Nurjanah", "Ratna", "Wati", "Lestari", "Juliana", "Hasanah", "Maimunah", "Zubaidah", "Eka", "Rosmala"]
LAST = ["Saputra", "Wijaya", "Hidayat", "Pratama", "Rahman", "Susanti", "Handayani", "Kurniawan", "Harahap",
        "Lubis", "Siregar", "Nasution", "Putri", "Sari", "Purnama", "Anwar", "Hakim", "Syafitri", "Ramadhan", "Fauzi"]
PLACES = ["Palembang", "Muara Enim", "Lahat", "Baturaja", "Prabumulih", "Kayuagung", "Sekayu", "Pagar Alam",
          "Lubuk Linggau", "Martapura", "Indralaya", "Tanjung Enim"]


def sumsel_villages(limit: int | None = None) -> list[str]:
    """Village codes of South Sumatra (province 16) from the shipped region data."""
    from app.reference.regions import shipped_regions

    reg = shipped_regions()
    codes: list[str] = []
    for regency in reg.regencies("16"):
        for district in reg.districts(regency.code):
            codes += [v.code for v in reg.villages(district.code)]
    return codes[:limit] if limit else codes


def person(rng: random.Random, village_code: str, today: date) -> dict:
    """One e-KTP biodata form as an officer would fill it; the NIK agrees with the birth date, sex and region."""
    female = rng.random() < 0.5
    first = rng.choice(FIRST_FEMALE if female else FIRST_MALE)
    name = f"{first} {rng.choice(LAST)}"
    if rng.random() < 0.4:
        name += f" {rng.choice(LAST)}"
    born = today - timedelta(days=rng.randint(17 * 366, 85 * 365))
    region6 = village_code.replace(".", "")[:6]
    day = born.day + (40 if female else 0)
    nik = f"{region6}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9999):04d}"
    kk = f"{region6}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(10, 24):02d}{rng.randint(1, 9999):04d}"
    married = born < today - timedelta(days=25 * 365) and rng.random() < 0.8
    wed = born + timedelta(days=rng.randint(19 * 365, 24 * 365))
    marriage = {"marriage_certificate_no": f"{rng.randint(100, 999)}/{rng.randint(10, 99)}/{wed.year}",
                "marriage_date": wed.isoformat()} if married else {}
    return marriage | {
        "nik": nik, "name": name.upper(), "kk_number": kk, "sex": "2" if female else "1",
        "birth_place": rng.choice(PLACES).upper(), "birth_date": born.isoformat(),
        "blood_type": str(rng.choice([1, 2, 3, 4, 13])), "religion": "1",
        "marital_status": "2" if married else "1", "relationship": rng.choice(["1", "3", "4"]),
        "education": str(rng.randint(1, 8)), "occupation": str(rng.choice([1, 2, 3, 9, 11, 15, 19, 88])),
        "citizenship": "1", "mother_name": f"{rng.choice(FIRST_FEMALE)} {rng.choice(LAST)}".upper(),
        "father_name": f"{rng.choice(FIRST_MALE)} {rng.choice(LAST)}".upper(),
        "head_of_family": name.upper(), "address": f"Jl. {rng.choice(LAST)} No. {rng.randint(1, 200)}",
        "rt": f"{rng.randint(1, 20):03d}", "rw": f"{rng.randint(1, 9):03d}", "postal_code": "31315",
        "phone": f"08{rng.randint(11, 99)}{rng.randint(10_000_000, 99_999_999)}",
        "province_code": village_code[:2], "regency_code": village_code[:5],
        "district_code": village_code[:8], "village_code": village_code,
    }


def _nik(rng: random.Random, village_code: str, born: date, female: bool) -> str:
    region6 = village_code.replace(".", "")[:6]
    day = born.day + (40 if female else 0)
    return f"{region6}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 9999):04d}"


def _kk(rng: random.Random, village_code: str) -> str:
    region6 = village_code.replace(".", "")[:6]
    return f"{region6}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(10, 24):02d}{rng.randint(1, 9999):04d}"


def birth(rng: random.Random, village_code: str, today: date) -> dict:
    """A birth certificate application for a baby born at a puskesmas or at home in the last two months."""
    born = today - timedelta(days=rng.randint(1, 55))
    mother_born = born - timedelta(days=rng.randint(19 * 365, 40 * 365))
    father_born = mother_born - timedelta(days=rng.randint(0, 8 * 365))
    family = rng.choice(LAST)
    mother = f"{rng.choice(FIRST_FEMALE)} {rng.choice(LAST)}".upper()
    father = f"{rng.choice(FIRST_MALE)} {family}".upper()
    witness_born = [today - timedelta(days=rng.randint(25 * 365, 60 * 365)) for _ in range(2)]
    kk = _kk(rng, village_code)
    female = rng.random() < 0.5
    home = rng.random() < 0.3
    data = {
        "reporter_name": father, "reporter_nik": _nik(rng, village_code, father_born, False),
        "reporter_kk_number": kk, "reporter_citizenship": "1", "reporter_phone": f"0812{rng.randint(10**7, 10**8 - 1)}",
        "father_name": father, "father_birth_place": rng.choice(PLACES).upper(),
        "father_birth_date": father_born.isoformat(), "father_citizenship": "1",
        "mother_name": mother, "mother_nik": _nik(rng, village_code, mother_born, True),
        "mother_birth_place": rng.choice(PLACES).upper(), "mother_birth_date": mother_born.isoformat(),
        "mother_citizenship": "1",
        "child_name": f"{rng.choice(FIRST_FEMALE if female else FIRST_MALE)} {family}".upper(),
        "child_sex": "2" if female else "1", "child_birth_place_type": "4" if home else "2",
        "child_birth_place": village_code[:5], "child_birth_date": born.isoformat(),
        "child_birth_time": f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", "child_birth_type": "1",
        "child_birth_order": str(rng.randint(1, 4)), "child_birth_attendant": "2",
        "child_weight": f"{rng.uniform(2.4, 4.2):.1f}", "child_length": str(rng.randint(45, 53)),
        "child_kk_number": kk, "doc_birth_letter": True, "doc_birth_letter_issuer": "5" if home else "2",
        "doc_marriage_proof": True, "doc_marriage_proof_type": "1", "doc_kk": True,
    }
    data["father_nik"] = data["reporter_nik"]
    for i, wborn in enumerate(witness_born, start=1):
        wfemale = rng.random() < 0.5
        data |= {f"witness{i}_name": f"{rng.choice(FIRST_FEMALE if wfemale else FIRST_MALE)} {rng.choice(LAST)}".upper(),
                 f"witness{i}_nik": _nik(rng, village_code, wborn, wfemale), f"witness{i}_kk_number": _kk(rng, village_code),
                 f"witness{i}_citizenship": "1"}
    return data


def cataract(rng: random.Random, village_code: str, today: date) -> dict:
    """An eye-camp screening of someone aged 50+; about one in five has cataract and is referred for surgery."""
    female = rng.random() < 0.5
    born = today - timedelta(days=rng.randint(50 * 365, 85 * 365))
    screened = today - timedelta(days=rng.randint(0, 60))
    data = {
        "patient_name": f"{rng.choice(FIRST_FEMALE if female else FIRST_MALE)} {rng.choice(LAST)}".upper(),
        "patient_nik": _nik(rng, village_code, born, female), "patient_sex": "2" if female else "1",
        "patient_birth_date": born.isoformat(), "patient_address": f"Dusun {rng.randint(1, 6)}",
        "patient_province_code": village_code[:2], "patient_regency_code": village_code[:5],
        "patient_district_code": village_code[:8], "patient_village_code": village_code,
        "screening_date": screened.isoformat(), "exam_status": "1",
    }
    if rng.random() < 0.2:
        data |= {"right_presenting_va": "5", "right_pinhole_va": "5", "right_lens": "2",
                 "left_presenting_va": "2", "left_pinhole_va": "1", "left_lens": "1",
                 "principal_cause": "3", "surgery_barriers": ["3", "6"], "referred": True, "referral_eye": "1",
                 "referral_facility": "RS Khusus Mata Sumsel", "bpjs_status": "1",
                 "referral_date": screened.isoformat(),
                 "surgery_scheduled_date": (screened + timedelta(days=rng.randint(7, 30))).isoformat()}
    else:
        data |= {"right_presenting_va": "1", "right_lens": "1", "left_presenting_va": "1", "left_lens": "1"}
    return data
