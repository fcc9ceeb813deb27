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
</TS>
