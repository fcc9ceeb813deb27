"""A complaint as a row of the file central uploads to SP4N-LAPOR! (``jemput-server export complaint``).

LAPOR!'s API is not public; its operators import reports with these fields. The agency never learns who made
a confidential or anonymous complaint: those rows carry the flags and no name, NIK or phone. The tracking number
is the one on the citizen's receipt, so that the citizen and LAPOR!'s operator speak of the same report.
"""

from __future__ import annotations

from app.i18n import translate
from app.kinds.complaint.form import AGENCY, CATEGORY, CONFIDENTIAL, NAMED, REGION_KEYS
from app.kinds.spec import Export, ExportRecord
from app.validation.fields import text

COLUMNS = ("nomor_pelacakan", "registration_id", "judul", "isi_laporan", "tanggal_kejadian", "lokasi",
           "kode_wilayah", "kategori", "instansi_tujuan", "anonim", "rahasia", "nama_pelapor", "nik_pelapor",
           "telepon_pelapor", "tanggal_laporan")


def _label(choices, code: str) -> str:
    # LAPOR! is Indonesian: its operators read the Indonesian names whatever the language of this server.
    return next((translate("ValueList", c.label, "id") for c in choices if c.code == code), code)


def lapor_row(record: ExportRecord) -> dict[str, str]:
    data = record.data
    identity = text(data, "identity")
    named = identity == NAMED
    codes = [text(data, key) for key in REGION_KEYS if text(data, key)]
    names = [region.name for code in reversed(codes) if (region := record.regions.get(code)) is not None]
    place = ", ".join(filter(None, [text(data, "place_detail"), *names]))
    return {
        "nomor_pelacakan": record.number,
        "registration_id": record.id,
        "judul": text(data, "title"),
        "isi_laporan": text(data, "description"),
        "tanggal_kejadian": text(data, "incident_date"),
        "lokasi": place,
        "kode_wilayah": codes[-1] if codes else "",
        "kategori": _label(CATEGORY, text(data, "category")),
        "instansi_tujuan": _label(AGENCY, text(data, "agency")),
        "anonim": "0" if identity in (NAMED, CONFIDENTIAL) else "1",
        "rahasia": "1" if identity == CONFIDENTIAL else "0",
        "nama_pelapor": text(data, "complainant_name") if named else "",
        "nik_pelapor": text(data, "complainant_nik") if named else "",
        "telepon_pelapor": text(data, "complainant_phone") if named else "",
        "tanggal_laporan": f"{record.created_at:%Y-%m-%d}",
    }


LAPOR_EXPORT = Export("SP4N-LAPOR!", COLUMNS, lapor_row)
