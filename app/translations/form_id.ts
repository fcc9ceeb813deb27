<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>EktpFormPage</name>
    <message>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <source>e-KTP biodata (F-1.01)</source>
        <translation>Biodata KTP-el (F-1.01)</translation>
    </message>
    <message>
        <source>Household data</source>
        <translation>Data keluarga</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Data pribadi</translation>
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
        <source>e-KTP eligibility: fill in the date of birth and the marital status.</source>
        <translation>Syarat KTP-el: isi tanggal lahir dan status perkawinan.</translation>
    </message>
    <message>
        <source>✔ Eligible for an e-KTP: married ({age} years old)</source>
        <translation>✔ Berhak KTP-el: sudah kawin (umur {age} tahun)</translation>
    </message>
    <message>
        <source>✔ Eligible for an e-KTP: {age} years old</source>
        <translation>✔ Berhak KTP-el: umur {age} tahun</translation>
    </message>
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
        <translation>ℹ Penduduk dengan NIK {nik} sudah tercatat di laptop ini. Pendaftaran ini dihubungkan ke penduduk tersebut; periksa apakah nama dan tanggal lahirnya cocok.</translation>
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
    <name>IssuePanel</name>
    <message>
        <source>No problems found</source>
        <translation>Tidak ada masalah</translation>
    </message>
    <message>
        <source>{errors} errors, {warnings} warnings</source>
        <translation>{errors} kesalahan, {warnings} peringatan</translation>
    </message>
</context>
<context>
    <name>IssueRow</name>
    <message>
        <source>Click to go to the field</source>
        <translation>Klik untuk menuju isian ini</translation>
    </message>
</context>
</TS>
