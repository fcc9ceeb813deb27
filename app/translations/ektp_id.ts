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
    <name>Form</name>
    <message>
        <source>Name of head of family</source>
        <translation>Nama kepala keluarga</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>KK number</source>
        <translation>Nomor KK</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Blood type</source>
        <translation>Golongan darah</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Status perkawinan</translation>
    </message>
    <message>
        <source>Relationship to head of family</source>
        <translation>Status hubungan dalam keluarga</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan terakhir</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Jenis pekerjaan</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Kewarganegaraan</translation>
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
        <source>Father&apos;s name</source>
        <translation>Nama ayah</translation>
    </message>
    <message>
        <source>Father&apos;s NIK</source>
        <translation>NIK ayah</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Penyandang cacat</translation>
    </message>
    <message>
        <source>Birth certificate number</source>
        <translation>Nomor akta kelahiran</translation>
    </message>
    <message>
        <source>Marriage certificate number</source>
        <translation>Nomor akta perkawinan/buku nikah</translation>
    </message>
    <message>
        <source>Date of marriage</source>
        <translation>Tanggal perkawinan</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>e-KTP biodata</source>
        <translation>Biodata KTP-el</translation>
    </message>
    <message>
        <source>e-KTP</source>
        <translation>KTP-el</translation>
    </message>
    <message>
        <source>e-KTP recording</source>
        <translation>Perekaman e-KTP</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt: e-KTP biodata recording</source>
        <translation>Tanda terima: perekaman biodata KTP-el</translation>
    </message>
    <message>
        <source>Your biodata will be checked and your e-KTP printed. Bring this receipt when you collect it.</source>
        <translation>Biodata Anda akan diperiksa dan KTP-el Anda dicetak. Bawa tanda terima ini saat mengambilnya.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Household</source>
        <translation>Keluarga</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Data pribadi</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{label} may contain only letters, spaces and the marks . , &apos; -</source>
        <translation>{label} hanya boleh berisi huruf, spasi, dan tanda . , &apos; -</translation>
    </message>
    <message>
        <source>{label} must be a number of 1 to 3 digits, e.g. 003.</source>
        <translation>{label} harus berupa angka 1 sampai 3 digit, misalnya 003.</translation>
    </message>
    <message>
        <source>The postal code must be 5 digits, e.g. 31711.</source>
        <translation>Kode pos harus 5 angka, misalnya 31711.</translation>
    </message>
    <message>
        <source>The phone number must start with 0 or +62 and have 8 to 14 digits, e.g. 081234567890.</source>
        <translation>Nomor telepon harus diawali 0 atau +62 dan terdiri dari 8 sampai 14 angka, misalnya 081234567890.</translation>
    </message>
    <message>
        <source>{label} must be filled in.</source>
        <translation>{label} wajib diisi.</translation>
    </message>
    <message>
        <source>{label} is the same as the person&apos;s own NIK.</source>
        <translation>{label} sama dengan NIK orang itu sendiri.</translation>
    </message>
    <message>
        <source>{label} must be filled in for a registered marriage.</source>
        <translation>{label} wajib diisi untuk status Kawin Tercatat.</translation>
    </message>
    <message>
        <source>Marriage details are filled in, but the marital status is &apos;not married&apos;.</source>
        <translation>Data perkawinan diisi, tetapi status perkawinan &apos;Belum Kawin&apos;.</translation>
    </message>
    <message>
        <source>The date of marriage ({date}) is not after the date of birth.</source>
        <translation>Tanggal perkawinan ({date}) tidak sesudah tanggal lahir.</translation>
    </message>
    <message>
        <source>Not yet eligible for an e-KTP: {age} years old and never married. An e-KTP can be made from {date} (17th birthday), or earlier if the person marries.</source>
        <translation>Belum wajib/berhak KTP-el: umur {age} tahun dan belum pernah kawin. KTP-el dapat dibuat mulai {date} (ulang tahun ke-17), atau lebih awal bila sudah kawin.</translation>
    </message>
</context>
</TS>
