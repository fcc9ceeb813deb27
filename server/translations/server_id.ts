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
    <message>
        <source>Only the supervisor of the officer&apos;s team may approve or return this record.</source>
        <translation>Hanya supervisor tim petugas yang boleh menyetujui atau mengembalikan data ini.</translation>
    </message>
    <message>
        <source>Only central staff may set this status or change it.</source>
        <translation>Hanya petugas pusat yang boleh menetapkan atau mengubah status ini.</translation>
    </message>
    <message>
        <source>This record cannot go from &quot;{old}&quot; to &quot;{new}&quot;.</source>
        <translation>Status data ini tidak dapat berpindah dari &quot;{old}&quot; ke &quot;{new}&quot;.</translation>
    </message>
    <message>
        <source>The form cannot be changed in this status (only a follow-up visit&apos;s fields can): {keys}.</source>
        <translation>Isian formulir tidak dapat diubah pada status ini (hanya isian kunjungan tindak lanjut): {keys}.</translation>
    </message>
    <message>
        <source>Only the supervisor&apos;s review may change the review comment.</source>
        <translation>Catatan pemeriksaan hanya dapat diubah oleh pemeriksaan supervisor.</translation>
    </message>
    <message>
        <source>Fields this service does not have: {keys}.</source>
        <translation>Isian yang tidak ada pada layanan ini: {keys}.</translation>
    </message>
    <message>
        <source>The field {key} holds a value this service cannot store.</source>
        <translation>Isian {key} berisi nilai yang tidak dapat disimpan untuk layanan ini.</translation>
    </message>
    <message>
        <source>Too many attempts from here. Try again in {seconds} seconds.</source>
        <translation>Terlalu banyak percobaan dari sini. Coba lagi dalam {seconds} detik.</translation>
    </message>
</context>
</TS>
