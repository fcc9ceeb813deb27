<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>FieldBox</name>
    <message>
        <source>Supervisor: {text}</source>
        <translation>Supervisor: {text}</translation>
    </message>
</context>
<context>
    <name>FormAttachments</name>
    <message>
        <source>✖ Still missing: {files}</source>
        <translation>✖ Belum ada: {files}</translation>
    </message>
    <message>
        <source>Photos and documents</source>
        <translation>Foto dan dokumen</translation>
    </message>
    <message>
        <source>Needed for this service:</source>
        <translation>Diperlukan untuk layanan ini:</translation>
    </message>
    <message>
        <source>Photos and documents ({n})</source>
        <translation>Foto dan dokumen ({n})</translation>
    </message>
    <message>
        <source>Photos and documents: {done} of {needed}</source>
        <translation>Foto dan dokumen: {done} dari {needed}</translation>
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
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Could not open: {error}</source>
        <translation>Tidak dapat dibuka: {error}</translation>
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
    <name>IssuePanel</name>
    <message>
        <source>{errors} errors, {warnings} warnings</source>
        <translation>{errors} kesalahan, {warnings} peringatan</translation>
    </message>
    <message numerus="yes">
        <source>Still to fill in: %n required field(s)</source>
        <translation>
            <numerusform>Belum diisi: %n kolom wajib</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>Tidak ada masalah</translation>
    </message>
</context>
<context>
    <name>IssueRow</name>
    <message>
        <source>Click to go to the field</source>
        <translation>Klik untuk menuju isian ini</translation>
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
    <message>
        <source>Reasons: {reasons}.</source>
        <translation>Alasan: {reasons}.</translation>
    </message>
    <message>
        <source>The fields to correct are marked below.</source>
        <translation>Kolom yang harus diperbaiki ditandai di bawah.</translation>
    </message>
</context>
<context>
    <name>SubmittedDialog</name>
    <message>
        <source>Sent to the supervisor</source>
        <translation>Terkirim ke supervisor</translation>
    </message>
    <message>
        <source>✔ Sent to the supervisor.</source>
        <translation>✔ Terkirim ke supervisor.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Give the citizen the receipt: its number is how they ask about the status.</source>
        <translation>Berikan tanda terima kepada warga: dengan nomornya mereka menanyakan status.</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Cetak tanda terima</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>{service} for {name}: registration number {number}</source>
        <translation>{service} untuk {name}: nomor pendaftaran {number}</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
</context>
</TS>
