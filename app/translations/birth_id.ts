<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>Attachments</name>
    <message>
        <source>Signature or thumbprint of the reporter on the SPTJM</source>
        <translation>Tanda tangan atau cap jempol pelapor pada SPTJM</translation>
    </message>
</context>
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
    <name>ChildRow</name>
    <message>
        <source>Child {n}</source>
        <translation>Anak ke-{n}</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Reporter&apos;s name</source>
        <translation>Nama pelapor</translation>
    </message>
    <message>
        <source>Reporter&apos;s NIK</source>
        <translation>NIK pelapor</translation>
    </message>
    <message>
        <source>Reporter&apos;s KK number</source>
        <translation>Nomor KK pelapor</translation>
    </message>
    <message>
        <source>Reporter&apos;s citizenship</source>
        <translation>Kewarganegaraan pelapor</translation>
    </message>
    <message>
        <source>Reporter&apos;s phone</source>
        <translation>Nomor telepon pelapor</translation>
    </message>
    <message>
        <source>Name of witness I</source>
        <translation>Nama saksi I</translation>
    </message>
    <message>
        <source>NIK of witness I</source>
        <translation>NIK saksi I</translation>
    </message>
    <message>
        <source>KK number of witness I</source>
        <translation>Nomor KK saksi I</translation>
    </message>
    <message>
        <source>Citizenship of witness I</source>
        <translation>Kewarganegaraan saksi I</translation>
    </message>
    <message>
        <source>Name of witness II</source>
        <translation>Nama saksi II</translation>
    </message>
    <message>
        <source>NIK of witness II</source>
        <translation>NIK saksi II</translation>
    </message>
    <message>
        <source>KK number of witness II</source>
        <translation>Nomor KK saksi II</translation>
    </message>
    <message>
        <source>Citizenship of witness II</source>
        <translation>Kewarganegaraan saksi II</translation>
    </message>
    <message>
        <source>Father&apos;s name</source>
        <translation>Nama ayah</translation>
    </message>
    <message>
        <source>Father&apos;s NIK</source>
        <translation>NIK ayah</translation>
    </message>
    <message>
        <source>Father&apos;s place of birth</source>
        <translation>Tempat lahir ayah</translation>
    </message>
    <message>
        <source>Father&apos;s date of birth</source>
        <translation>Tanggal lahir ayah</translation>
    </message>
    <message>
        <source>Father&apos;s citizenship</source>
        <translation>Kewarganegaraan ayah</translation>
    </message>
    <message>
        <source>Mother&apos;s name</source>
        <translation>Nama ibu</translation>
    </message>
    <message>
        <source>Mother&apos;s NIK</source>
        <translation>NIK ibu</translation>
    </message>
    <message>
        <source>Mother&apos;s place of birth</source>
        <translation>Tempat lahir ibu</translation>
    </message>
    <message>
        <source>Mother&apos;s date of birth</source>
        <translation>Tanggal lahir ibu</translation>
    </message>
    <message>
        <source>Mother&apos;s citizenship</source>
        <translation>Kewarganegaraan ibu</translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation>Nama anak</translation>
    </message>
    <message>
        <source>Child&apos;s NIK</source>
        <translation>NIK anak</translation>
    </message>
    <message>
        <source>Child&apos;s sex</source>
        <translation>Jenis kelamin anak</translation>
    </message>
    <message>
        <source>Place of birth (type)</source>
        <translation>Tempat dilahirkan</translation>
    </message>
    <message>
        <source>Place of birth (regency/city)</source>
        <translation>Tempat kelahiran (kabupaten/kota)</translation>
    </message>
    <message>
        <source>Child&apos;s date of birth</source>
        <translation>Tanggal lahir anak</translation>
    </message>
    <message>
        <source>Time of birth</source>
        <translation>Pukul</translation>
    </message>
    <message>
        <source>Type of birth</source>
        <translation>Jenis kelahiran</translation>
    </message>
    <message>
        <source>Birth order (child number)</source>
        <translation>Kelahiran ke</translation>
    </message>
    <message>
        <source>Birth attendant</source>
        <translation>Penolong kelahiran</translation>
    </message>
    <message>
        <source>Birth weight (kg)</source>
        <translation>Berat bayi (kg)</translation>
    </message>
    <message>
        <source>Birth length (cm)</source>
        <translation>Panjang bayi (cm)</translation>
    </message>
    <message>
        <source>Children born together</source>
        <translation>Jumlah bayi lahir bersamaan</translation>
    </message>
    <message>
        <source>Order within the multiple birth</source>
        <translation>Urutan dalam kelahiran kembar</translation>
    </message>
    <message>
        <source>KK number the child is entered into</source>
        <translation>Nomor KK tempat anak dicatat</translation>
    </message>
    <message>
        <source>Birth letter (Surat Keterangan Lahir)</source>
        <translation>Surat Keterangan Lahir</translation>
    </message>
    <message>
        <source>Birth letter issued by</source>
        <translation>Surat Keterangan Lahir diterbitkan oleh</translation>
    </message>
    <message>
        <source>SPTJM on the truth of the birth data (F-2.03)</source>
        <translation>SPTJM Kebenaran Data Kelahiran (F-2.03)</translation>
    </message>
    <message>
        <source>Proof of marriage of the parents</source>
        <translation>Bukti perkawinan orang tua</translation>
    </message>
    <message>
        <source>Proof of marriage (type)</source>
        <translation>Jenis bukti perkawinan</translation>
    </message>
    <message>
        <source>SPTJM on the truth of husband-and-wife status (F-2.04)</source>
        <translation>SPTJM Kebenaran sebagai Pasangan Suami Istri (F-2.04)</translation>
    </message>
    <message>
        <source>Family card (KK) the child is entered into</source>
        <translation>Kartu Keluarga tempat anak dicatat</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Birth certificate application</source>
        <translation>Permohonan akta kelahiran</translation>
    </message>
    <message>
        <source>Birth certificate</source>
        <translation>Akta kelahiran</translation>
    </message>
    <message>
        <source>Birth certificate (akta kelahiran)</source>
        <translation>Akta kelahiran</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt: birth certificate application</source>
        <translation>Tanda terima: permohonan akta kelahiran</translation>
    </message>
    <message>
        <source>The birth certificate will be issued after the documents are checked. Bring this receipt and the original documents when you collect it.</source>
        <translation>Akta kelahiran akan diterbitkan setelah dokumen diperiksa. Bawa tanda terima ini dan dokumen asli saat mengambilnya.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Reporter</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Witness I</source>
        <translation>Saksi I</translation>
    </message>
    <message>
        <source>Witness II</source>
        <translation>Saksi II</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Ayah</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Ibu</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen persyaratan</translation>
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
<context>
    <name>Validation</name>
    <message>
        <source>{label} is the same as {other}: they must be different people.</source>
        <translation>{label} sama dengan {other}: keduanya harus orang yang berbeda.</translation>
    </message>
    <message>
        <source>{label}: code {code} is not in the Kemendagri list.</source>
        <translation>{label}: kode {code} tidak ada dalam daftar Kemendagri.</translation>
    </message>
    <message>
        <source>{label} ({date}) is not before the child&apos;s date of birth ({child_date}).</source>
        <translation>{label} ({date}) tidak sebelum tanggal lahir anak ({child_date}).</translation>
    </message>
    <message>
        <source>The mother would have been {age} years old at the birth. Check both dates of birth.</source>
        <translation>Ibu berarti berumur {age} tahun saat melahirkan. Periksa kedua tanggal lahir.</translation>
    </message>
    <message>
        <source>The mother was {age} years old at the birth. Check both dates of birth.</source>
        <translation>Ibu berumur {age} tahun saat melahirkan. Periksa kedua tanggal lahir.</translation>
    </message>
    <message>
        <source>{label}: {value} is not possible for a newborn (expected {low} to {high}). Check the unit: kilograms and centimetres.</source>
        <translation>{label}: {value} tidak mungkin untuk bayi baru lahir (seharusnya {low} sampai {high}). Periksa satuannya: kilogram dan sentimeter.</translation>
    </message>
    <message>
        <source>{label}: {value} is unusual for a newborn. Check it against the birth letter.</source>
        <translation>{label}: {value} tidak biasa untuk bayi baru lahir. Cocokkan dengan Surat Keterangan Lahir.</translation>
    </message>
    <message>
        <source>{label} is the child being registered; a witness must be another person.</source>
        <translation>{label} adalah anak yang sedang dicatat; saksi harus orang lain.</translation>
    </message>
    <message>
        <source>By the NIK, {label} is {age} years old; a witness must be an adult. Check the NIK.</source>
        <translation>Menurut NIK, {label} berumur {age} tahun; saksi harus orang dewasa. Periksa NIK-nya.</translation>
    </message>
    <message>
        <source>The birth is reported {days} days after it happened, later than {limit} days: the late report may need extra approval from the Disdukcapil.</source>
        <translation>Kelahiran dilaporkan {days} hari setelah terjadi, lebih dari {limit} hari: pelaporan terlambat ini mungkin memerlukan persetujuan tambahan dari Disdukcapil.</translation>
    </message>
    <message>
        <source>Without a birth letter (Surat Keterangan Lahir), an SPTJM on the truth of the birth data (F-2.03) signed before two witnesses is needed.</source>
        <translation>Tanpa Surat Keterangan Lahir, diperlukan SPTJM Kebenaran Data Kelahiran (F-2.03) yang ditandatangani di hadapan dua orang saksi.</translation>
    </message>
    <message>
        <source>Without proof of marriage (buku nikah / akta perkawinan), an SPTJM on the truth of husband-and-wife status (F-2.04) is needed.</source>
        <translation>Tanpa bukti perkawinan (buku nikah / akta perkawinan), diperlukan SPTJM Kebenaran sebagai Pasangan Suami Istri (F-2.04).</translation>
    </message>
    <message>
        <source>{label} is needed for this application.</source>
        <translation>{label} diperlukan untuk permohonan ini.</translation>
    </message>
    <message>
        <source>A birth letter from the village head is for a birth at home, but the place of birth is &quot;{place}&quot;. Check who issued the letter.</source>
        <translation>Surat keterangan lahir dari Kepala Desa/Lurah hanya untuk kelahiran di rumah, tetapi tempat dilahirkan &quot;{place}&quot;. Periksa siapa yang menerbitkan surat itu.</translation>
    </message>
    <message>
        <source>{label} must be filled in: without a birth letter, two witnesses sign the SPTJM.</source>
        <translation>{label} wajib diisi: tanpa Surat Keterangan Lahir, dua orang saksi menandatangani SPTJM.</translation>
    </message>
    <message>
        <source>The type of birth is &quot;{kind}&quot;, but {count} children are registered as born together; it should be &quot;{expected}&quot;.</source>
        <translation>Jenis kelahiran &quot;{kind}&quot;, tetapi {count} bayi dicatat lahir bersamaan; seharusnya &quot;{expected}&quot;.</translation>
    </message>
    <message>
        <source>This child is number {position} of a multiple birth of {count}.</source>
        <translation>Anak ini tercatat urutan ke-{position} dari kelahiran kembar {count} bayi.</translation>
    </message>
    <message>
        <source>{label} starts at 1 for the mother&apos;s first child.</source>
        <translation>{label} dimulai dari 1 untuk anak pertama ibu.</translation>
    </message>
</context>
</TS>
