<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Record a follow-up visit</source>
        <translation>Catat kunjungan ulang</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Only the referral, the surgery and the checks after it can be changed here; the record is sent to the server again at the next sync.</source>
        <translation>Di sini hanya rujukan, operasi, dan pemeriksaan sesudahnya yang dapat diubah; data ini dikirim lagi ke server pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>Simpan kunjungan</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>No visit is due for this patient.</source>
        <translation>Tidak ada kunjungan yang dijadwalkan untuk pasien ini.</translation>
    </message>
    <message>
        <source>This visit: {action} (due {date})</source>
        <translation>Kunjungan ini: {action} (jadwal {date})</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Belum ada yang disimpan: perbaiki isian yang ditandai merah.</translation>
    </message>
</context>
</TS>
