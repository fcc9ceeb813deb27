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
    from app.reference.regions import regions

    reg = regions()
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
