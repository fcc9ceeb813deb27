<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>CataractFormPage</name>
    <message>
        <source>Cataract screening (RAAB)</source>
        <translation>Skrining katarak (RAAB)</translation>
    </message>
    <message>
        <source>WHO category (better eye) — calculated automatically</source>
        <translation>Kategori WHO (mata yang lebih baik) — dihitung otomatis</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>Mata</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Bring to surgery</source>
        <translation>Antar ke operasi</translation>
    </message>
    <message>
        <source>Post-operative check, day 1</source>
        <translation>Kontrol pascaoperasi hari ke-1</translation>
    </message>
    <message>
        <source>Post-operative check, 4-8 weeks</source>
        <translation>Kontrol pascaoperasi 4-8 minggu</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Patient&apos;s name</source>
        <translation>Nama pasien</translation>
    </message>
    <message>
        <source>Patient&apos;s NIK</source>
        <translation>NIK pasien</translation>
    </message>
    <message>
        <source>Patient&apos;s sex</source>
        <translation>Jenis kelamin pasien</translation>
    </message>
    <message>
        <source>Patient&apos;s date of birth</source>
        <translation>Tanggal lahir pasien</translation>
    </message>
    <message>
        <source>Patient&apos;s phone</source>
        <translation>Nomor telepon pasien</translation>
    </message>
    <message>
        <source>Patient&apos;s address</source>
        <translation>Alamat pasien</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>Screening date</source>
        <translation>Tanggal skrining</translation>
    </message>
    <message>
        <source>Examination status</source>
        <translation>Status pemeriksaan</translation>
    </message>
    <message>
        <source>WHO category (better eye)</source>
        <translation>Kategori WHO (mata yang lebih baik)</translation>
    </message>
    <message>
        <source>Right eye: presenting visual acuity</source>
        <translation>Mata kanan: tajam penglihatan awal</translation>
    </message>
    <message>
        <source>Right eye: pinhole visual acuity</source>
        <translation>Mata kanan: tajam penglihatan dengan pinhole</translation>
    </message>
    <message>
        <source>Right eye: lens</source>
        <translation>Mata kanan: lensa</translation>
    </message>
    <message>
        <source>Left eye: presenting visual acuity</source>
        <translation>Mata kiri: tajam penglihatan awal</translation>
    </message>
    <message>
        <source>Left eye: pinhole visual acuity</source>
        <translation>Mata kiri: tajam penglihatan dengan pinhole</translation>
    </message>
    <message>
        <source>Left eye: lens</source>
        <translation>Mata kiri: lensa</translation>
    </message>
    <message>
        <source>Principal cause of visual impairment</source>
        <translation>Penyebab utama gangguan penglihatan</translation>
    </message>
    <message>
        <source>Barriers to cataract surgery</source>
        <translation>Hambatan operasi katarak</translation>
    </message>
    <message>
        <source>Referred for surgery</source>
        <translation>Dirujuk untuk operasi</translation>
    </message>
    <message>
        <source>Referred eye</source>
        <translation>Mata yang dirujuk</translation>
    </message>
    <message>
        <source>Referred to (facility)</source>
        <translation>Dirujuk ke (fasilitas kesehatan)</translation>
    </message>
    <message>
        <source>Referral date</source>
        <translation>Tanggal rujukan</translation>
    </message>
    <message>
        <source>BPJS health insurance</source>
        <translation>BPJS Kesehatan</translation>
    </message>
    <message>
        <source>Surgery scheduled for</source>
        <translation>Jadwal operasi</translation>
    </message>
    <message>
        <source>Came for surgery</source>
        <translation>Datang untuk operasi</translation>
    </message>
    <message>
        <source>Operated eye</source>
        <translation>Mata yang dioperasi</translation>
    </message>
    <message>
        <source>Surgery date</source>
        <translation>Tanggal operasi</translation>
    </message>
    <message>
        <source>Date of the day-1 check</source>
        <translation>Tanggal kontrol hari ke-1</translation>
    </message>
    <message>
        <source>Right eye: visual acuity on day 1</source>
        <translation>Mata kanan: tajam penglihatan hari ke-1</translation>
    </message>
    <message>
        <source>Right eye: visual acuity at 4-8 weeks</source>
        <translation>Mata kanan: tajam penglihatan 4-8 minggu</translation>
    </message>
    <message>
        <source>Left eye: visual acuity on day 1</source>
        <translation>Mata kiri: tajam penglihatan hari ke-1</translation>
    </message>
    <message>
        <source>Left eye: visual acuity at 4-8 weeks</source>
        <translation>Mata kiri: tajam penglihatan 4-8 minggu</translation>
    </message>
    <message>
        <source>Date of the 4-8 week check</source>
        <translation>Tanggal kontrol 4-8 minggu</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Cataract screening</source>
        <translation>Skrining katarak</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt: cataract eye screening</source>
        <translation>Tanda terima: skrining mata katarak</translation>
    </message>
    <message>
        <source>Keep this receipt. If you were referred for surgery, bring it with your KTP and BPJS card to the facility on the date shown.</source>
        <translation>Simpan tanda terima ini. Jika Anda dirujuk untuk operasi, bawa tanda terima ini bersama KTP dan kartu BPJS ke fasilitas kesehatan pada tanggal yang tertera.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Right eye</source>
        <translation>Mata kanan</translation>
    </message>
    <message>
        <source>Left eye</source>
        <translation>Mata kiri</translation>
    </message>
    <message>
        <source>Cause and barriers</source>
        <translation>Penyebab dan hambatan</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Rujukan</translation>
    </message>
    <message>
        <source>Surgery</source>
        <translation>Operasi</translation>
    </message>
    <message>
        <source>After surgery</source>
        <translation>Pascaoperasi</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Fill in the patient&apos;s date of birth or NIK: the screening is for people aged 50 and over.</source>
        <translation>Isi tanggal lahir atau NIK pasien: skrining ini untuk orang berumur 50 tahun ke atas.</translation>
    </message>
    <message>
        <source>The patient is {age} years old; the screening is for people aged {target} and over.</source>
        <translation>Pasien berumur {age} tahun; skrining ini untuk orang berumur {target} tahun ke atas.</translation>
    </message>
    <message>
        <source>Examination results are filled in, but the examination status says the person was not examined. Correct the status or clear the results.</source>
        <translation>Hasil pemeriksaan sudah diisi, tetapi status pemeriksaan menyatakan orang ini tidak diperiksa. Perbaiki statusnya atau hapus hasilnya.</translation>
    </message>
    <message>
        <source>{label} is worse than the presenting acuity; a pinhole does not make sight worse. Check both.</source>
        <translation>{label} lebih buruk daripada tajam penglihatan awal; pinhole tidak memperburuk penglihatan. Periksa keduanya.</translation>
    </message>
    <message>
        <source>{label} must be filled in for an eye that sees less than 6/12.</source>
        <translation>{label} wajib diisi untuk mata yang penglihatannya kurang dari 6/12.</translation>
    </message>
    <message>
        <source>{label} must be filled in when the cause is untreated cataract.</source>
        <translation>{label} wajib diisi bila penyebabnya katarak belum dioperasi.</translation>
    </message>
    <message>
        <source>The principal cause does not agree with the lens findings of either eye. Check the cause and the lens.</source>
        <translation>Penyebab utama tidak sesuai dengan temuan lensa pada kedua mata. Periksa penyebab dan lensanya.</translation>
    </message>
    <message>
        <source>{label} must be filled in for a referral.</source>
        <translation>{label} wajib diisi untuk rujukan.</translation>
    </message>
    <message>
        <source>A surgery date is filled in, but the patient is marked as not having come for surgery.</source>
        <translation>Tanggal operasi sudah diisi, tetapi pasien ditandai tidak datang untuk operasi.</translation>
    </message>
    <message>
        <source>{label} must be filled in once the patient has had surgery.</source>
        <translation>{label} wajib diisi setelah pasien dioperasi.</translation>
    </message>
    <message>
        <source>{label} ({date}) is before {other} ({other_date}).</source>
        <translation>{label} ({date}) lebih awal daripada {other} ({other_date}).</translation>
    </message>
    <message>
        <source>The operated eye is not the eye that was referred. Check both.</source>
        <translation>Mata yang dioperasi bukan mata yang dirujuk. Periksa keduanya.</translation>
    </message>
    <message>
        <source>A surgery is recorded, but no referral. Fill in the referral.</source>
        <translation>Operasi sudah dicatat, tetapi rujukannya belum. Isi data rujukan.</translation>
    </message>
    <message>
        <source>{label}: a post-operative acuity needs the surgery date first.</source>
        <translation>{label}: tajam penglihatan pascaoperasi memerlukan tanggal operasi terlebih dahulu.</translation>
    </message>
    <message>
        <source>{label}: this eye was not operated.</source>
        <translation>{label}: mata ini tidak dioperasi.</translation>
    </message>
    <message>
        <source>{label}: the 4-8 week check is due from {date}.</source>
        <translation>{label}: kontrol 4-8 minggu baru dilakukan mulai {date}.</translation>
    </message>
    <message>
        <source>The 4-8 week check was {days} days after surgery, outside 28 to 56 days.</source>
        <translation>Kontrol 4-8 minggu dilakukan {days} hari setelah operasi, di luar rentang 28 sampai 56 hari.</translation>
    </message>
</context>
</TS>
