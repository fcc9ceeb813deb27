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
    <message>
        <source>{date} — today</source>
        <translation>{date} — hari ini</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), {late} overdue</source>
        <translation>
            <numerusform>%n kunjungan, {late} terlambat</numerusform>
        </translation>
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
</TS>
