<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>&lt; 1 day</source>
        <translation>&lt; 1 hari</translation>
    </message>
    <message>
        <source>1–3 days</source>
        <translation>1–3 hari</translation>
    </message>
    <message>
        <source>3–7 days</source>
        <translation>3–7 hari</translation>
    </message>
    <message>
        <source>&gt; 7 days</source>
        <translation>&gt; 7 hari</translation>
    </message>
    <message>
        <source>Registrations per day, last 30 days</source>
        <translation>Pendaftaran per hari, 30 hari terakhir</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Menurut status</translation>
    </message>
    <message>
        <source>By village (top 10)</source>
        <translation>Menurut desa (10 teratas)</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>Menurut petugas</translation>
    </message>
    <message>
        <source>not synced on this laptop</source>
        <translation>belum sinkron di laptop ini</translation>
    </message>
    <message>
        <source>records on this laptop</source>
        <translation>catatan di laptop ini</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Menunggu pemeriksaan</translation>
    </message>
    <message>
        <source>waiting for a supervisor</source>
        <translation>menunggu supervisor</translation>
    </message>
    <message>
        <source>follow-up visits overdue</source>
        <translation>kunjungan lanjutan terlambat</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>Belum terkirim</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Sinkron terakhir</translation>
    </message>
    <message>
        <source>Newest data</source>
        <translation>Data terbaru</translation>
    </message>
    <message>
        <source>The newest change to this officer&apos;s records that this laptop holds</source>
        <translation>Perubahan terbaru pada catatan petugas ini yang ada di laptop ini</translation>
    </message>
    <message>
        <source>This officer&apos;s last successful sync from this laptop</source>
        <translation>Sinkron berhasil terakhir petugas ini dari laptop ini</translation>
    </message>
    <message>
        <source>Everyone&apos;s records on this laptop</source>
        <translation>Catatan semua petugas di laptop ini</translation>
    </message>
    <message>
        <source>Your own records</source>
        <translation>Catatan Anda sendiri</translation>
    </message>
    <message>
        <source>of your records on this laptop</source>
        <translation>catatan Anda di laptop ini</translation>
    </message>
    <message>
        <source>last synced today</source>
        <translation>terakhir sinkron hari ini</translation>
    </message>
    <message numerus="yes">
        <source>last synced %n day(s) ago</source>
        <translation>
            <numerusform>terakhir sinkron %n hari lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>no records yet</source>
        <translation>belum ada catatan</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hari ini</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n hari lalu</numerusform>
        </translation>
    </message>
</context>
</TS>
