<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Server</name>
    <message>
        <source>Unknown kind of registration: {kind}.</source>
        <translation>Jenis pendaftaran tidak dikenal: {kind}.</translation>
    </message>
    <message>
        <source>Unknown status: {status}.</source>
        <translation>Status tidak dikenal: {status}.</translation>
    </message>
    <message>
        <source>You may not send records of another officer.</source>
        <translation>Anda tidak boleh mengirim data milik petugas lain.</translation>
    </message>
    <message>
        <source>The officer of this record is not known to the server.</source>
        <translation>Petugas pemilik data ini tidak dikenal oleh server.</translation>
    </message>
    <message>
        <source>The officer of a record cannot be changed.</source>
        <translation>Petugas pemilik data tidak dapat diganti.</translation>
    </message>
    <message>
        <source>The kind of a record cannot be changed.</source>
        <translation>Jenis pendaftaran tidak dapat diganti.</translation>
    </message>
    <message>
        <source>The form data cannot be read.</source>
        <translation>Isian formulir tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Calculated values do not match the form ({keys}); update the app and save the record again.</source>
        <translation>Nilai hitungan tidak sesuai dengan isian formulir ({keys}); perbarui aplikasi lalu simpan ulang data ini.</translation>
    </message>
    <message>
        <source>A draft cannot be sent to the server; submit it first.</source>
        <translation>Draf tidak dapat dikirim ke server; ajukan terlebih dahulu.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again in {seconds} seconds.</source>
        <translation>Terlalu banyak kata sandi salah. Coba lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>The record is signed by a device the server has no keys for; it was not taken.</source>
        <translation>Data ini ditandatangani oleh perangkat yang kuncinya tidak dikenal server; data tidak diterima.</translation>
    </message>
    <message>
        <source>The record is signed by a device that has been revoked; it was not taken.</source>
        <translation>Data ini ditandatangani oleh perangkat yang sudah dicabut; data tidak diterima.</translation>
    </message>
    <message>
        <source>The record&apos;s signature does not match its content; it may have been changed on the way.</source>
        <translation>Tanda tangan data tidak cocok dengan isinya; mungkin data diubah di perjalanan.</translation>
    </message>
</context>
</TS>
