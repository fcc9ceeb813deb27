<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>BirthFormPage</name>
    <message>
        <source>Birth certificate application (F-2.01)</source>
        <translation>Permohonan akta kelahiran (F-2.01)</translation>
    </message>
    <message>
        <source>Child {n} of {size} born together; each has its own application.</source>
        <translation>Anak ke-{n} dari {size} bayi kembar; masing-masing punya permohonan sendiri.</translation>
    </message>
    <message>
        <source>Needed for this application:</source>
        <translation>Diperlukan untuk permohonan ini:</translation>
    </message>
    <message>
        <source>Required: without a birth letter two witnesses sign the SPTJM.</source>
        <translation>Wajib: tanpa surat keterangan lahir, dua saksi menandatangani SPTJM.</translation>
    </message>
    <message>
        <source>Not needed: there is a birth letter.</source>
        <translation>Tidak diperlukan: ada surat keterangan lahir.</translation>
    </message>
    <message>
        <source>Set this first: twins are saved as one application per child.</source>
        <translation>Isi ini lebih dulu: bayi kembar disimpan sebagai satu permohonan per anak.</translation>
    </message>
    <message>
        <source>Saved as {n} linked applications, one per child.</source>
        <translation>Disimpan sebagai {n} permohonan yang terhubung, satu per anak.</translation>
    </message>
    <message>
        <source>Saved as one child. For twins, start a new form and set the number of babies first.</source>
        <translation>Disimpan sebagai satu anak. Untuk bayi kembar, mulai formulir baru dan isi jumlah bayi lebih dulu.</translation>
    </message>
</context>
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
    <name>ChildRow</name>
    <message>
        <source>Child {n}</source>
        <translation>Anak ke-{n}</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Follow-up visits</source>
        <translation>Kunjungan ulang</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Yang harus dilakukan</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>Desa:</translation>
    </message>
    <message>
        <source>Patients to bring to surgery and operated eyes to check, earliest first. Double-click a row to open the screening.</source>
        <translation>Pasien yang perlu diantar ke operasi dan mata yang sudah dioperasi untuk diperiksa, yang paling awal di atas. Klik dua kali sebuah baris untuk membuka skriningnya.</translation>
    </message>
    <message numerus="yes">
        <source>{date} — %n day(s) late</source>
        <translation>
            <numerusform>{date} — terlambat %n hari</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), {late} overdue</source>
        <translation>
            <numerusform>%n kunjungan, {late} terlambat</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} — today</source>
        <translation>{date} — hari ini</translation>
    </message>
</context>
<context>
    <name>FollowUpsDue</name>
    <message>
        <source>No visits due this week.</source>
        <translation>Tidak ada kunjungan minggu ini.</translation>
    </message>
    <message>
        <source>Follow-up visits due this week: {n} ({late} overdue)</source>
        <translation>Kunjungan ulang minggu ini: {n} ({late} terlambat)</translation>
    </message>
</context>
<context>
    <name>FormSaving</name>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Tersimpan {time}</translation>
    </message>
    <message>
        <source>ℹ A person with NIK {nik} is already recorded on this laptop. This registration was linked to that person; check that the name and date of birth match.</source>
        <translation>ℹ Orang dengan NIK {nik} sudah tercatat di laptop ini. Pendaftaran ini dihubungkan ke orang tersebut; periksa apakah nama dan tanggal lahirnya cocok.</translation>
    </message>
    <message>
        <source>Could not open: {error}</source>
        <translation>Tidak dapat dibuka: {error}</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Sent to supervisor</source>
        <translation>Terkirim ke supervisor</translation>
    </message>
    <message>
        <source>Not sent: {n} errors to correct first</source>
        <translation>Belum terkirim: {n} kesalahan harus diperbaiki dulu</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Find someone already on this laptop: NIK or name</source>
        <translation>Cari orang yang sudah ada di laptop ini: NIK atau nama</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>no NIK</source>
        <translation>tanpa NIK</translation>
    </message>
</context>
<context>
    <name>RegistrationFormPage</name>
    <message>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <source>Save &amp;&amp; close</source>
        <translation>Simpan &amp;&amp; tutup</translation>
    </message>
    <message>
        <source>Send to supervisor</source>
        <translation>Kirim ke supervisor</translation>
    </message>
    <message>
        <source>Returned for correction by {who}, {when}: {text}. Correct it, then send it to the supervisor again.</source>
        <translation>Dikembalikan untuk perbaikan oleh {who}, {when}: {text}. Perbaiki, lalu kirim lagi ke supervisor.</translation>
    </message>
</context>
<context>
    <name>ServiceButtons</name>
    <message>
        <source>e-KTP recording</source>
        <translation>Perekaman e-KTP</translation>
    </message>
    <message>
        <source>Birth certificate (akta kelahiran)</source>
        <translation>Akta kelahiran</translation>
    </message>
    <message>
        <source>Cataract screening</source>
        <translation>Skrining katarak</translation>
    </message>
</context>
<context>
    <name>TwinsBox</name>
    <message>
        <source> baby(ies)</source>
        <translation> bayi</translation>
    </message>
    <message>
        <source>Born together (twins: Kembar):</source>
        <translation>Jumlah bayi lahir bersamaan (kembar):</translation>
    </message>
</context>
<context>
    <name>VillageFilter</name>
    <message>
        <source>All regencies</source>
        <translation>Semua kabupaten/kota</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Semua desa/kelurahan</translation>
    </message>
</context>
</TS>
