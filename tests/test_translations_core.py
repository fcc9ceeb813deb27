import re
import xml.etree.ElementTree as ET
from datetime import date

from app.i18n import TRANSLATIONS_DIR
from app.reference.regions import shipped_regions
from app.validation.nik import check_nik

CORE_TS = TRANSLATIONS_DIR / "core_id.ts"


def messages():
    root = ET.parse(CORE_TS).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


def test_every_core_message_is_translated():
    unfinished = [(ctx, src) for ctx, src, tr in messages()
                  if tr is None or tr.get("type") is not None or not (tr.text or "").strip()]
    assert unfinished == []


def test_placeholders_survive_translation():
    broken = [(ctx, src) for ctx, src, tr in messages()
              if set(re.findall(r"\{(\w+)\}", src)) != set(re.findall(r"\{(\w+)\}", tr.text or ""))]
    assert broken == []


def test_compiled_catalogue_exists_for_the_ui():
    qm = CORE_TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 0


def test_nik_issue_reads_in_indonesian():
    issue = check_nik("1603 074502900001", today=date(2025, 3, 1), regions=shipped_regions())[0]
    assert issue.text("id") == "NIK harus 16 angka; yang diketik berisi huruf, spasi, atau tanda lain."
    assert issue.text("en").startswith("The NIK must be 16 digits")
    short = check_nik("16030745", today=date(2025, 3, 1), regions=shipped_regions())[0]
    assert short.text() == "NIK harus 16 angka; yang diketik 8 angka."
