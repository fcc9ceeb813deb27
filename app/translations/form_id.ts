<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>EktpFormPage</name>
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
</context>
<context>
    <name>IssuePanel</name>
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
