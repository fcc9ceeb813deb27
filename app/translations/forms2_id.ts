<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>FormSaving</name>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>ℹ A person with NIK {nik} is already recorded on this laptop. This registration was linked to that person; check that the name and date of birth match.</source>
        <translation>ℹ Orang dengan NIK {nik} sudah tercatat di laptop ini. Pendaftaran ini dihubungkan ke orang tersebut; periksa apakah nama dan tanggal lahirnya cocok.</translation>
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
</context>
<context>
    <name>page</name>
    <message>
        <source>Not saved: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Tersimpan {time}</translation>
    </message>
    <message>
        <source>Could not open: {error}</source>
        <translation>Tidak dapat dibuka: {error}</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
</context>
</TS>
