<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>ComplaintFormPage</name>
    <message>
        <source>Complaint or aspiration (SP4N-LAPOR!)</source>
        <translation>Pengaduan atau aspirasi (SP4N-LAPOR!)</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>Isi pengaduan</translation>
    </message>
    <message>
        <source>Where it happened</source>
        <translation>Lokasi kejadian</translation>
    </message>
    <message>
        <source>Anonymous: no name, NIK or phone is recorded. The citizen follows the complaint with the number on the receipt.</source>
        <translation>Anonim: nama, NIK dan nomor HP tidak dicatat. Warga memantau pengaduan dengan nomor pada tanda terima.</translation>
    </message>
    <message>
        <source>Confidential: the name and phone stay with the province, for a call back; the agency never sees them.</source>
        <translation>Rahasia: nama dan nomor HP hanya disimpan provinsi untuk menghubungi kembali; instansi tidak pernah melihatnya.</translation>
    </message>
    <message>
        <source>Ask how the citizen wants to be named before writing anything down.</source>
        <translation>Tanyakan dulu apakah warga mau disebut namanya, sebelum mencatat apa pun.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>How the complainant is named</source>
        <translation>Identitas pelapor</translation>
    </message>
    <message>
        <source>Complainant&apos;s name</source>
        <translation>Nama pelapor</translation>
    </message>
    <message>
        <source>Complainant&apos;s NIK</source>
        <translation>NIK pelapor</translation>
    </message>
    <message>
        <source>Phone for a call back</source>
        <translation>Nomor HP untuk dihubungi</translation>
    </message>
    <message>
        <source>Title of the complaint</source>
        <translation>Judul pengaduan</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Agency concerned</source>
        <translation>Instansi tujuan</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>What happened, in the citizen&apos;s words</source>
        <translation>Uraian kejadian, dengan kata-kata warga</translation>
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
        <source>Exact place (street, landmark)</source>
        <translation>Tempat persisnya (jalan, patokan)</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Complaint for SP4N-LAPOR!</source>
        <translation>Pengaduan SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>Complaint (SP4N-LAPOR!)</source>
        <translation>Pengaduan (SP4N-LAPOR!)</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt: complaint for SP4N-LAPOR!</source>
        <translation>Tanda terima: pengaduan SP4N-LAPOR!</translation>
    </message>
    <message>
        <source>Your complaint will be forwarded to the agency concerned through SP4N-LAPOR!. Follow it with the number above at lapor.go.id or SMS 1708, or ask the officer at the next visit.</source>
        <translation>Pengaduan Anda akan diteruskan ke instansi terkait melalui SP4N-LAPOR!. Pantau dengan nomor di atas di lapor.go.id atau SMS 1708, atau tanyakan kepada petugas pada kunjungan berikutnya.</translation>
    </message>
    <message>
        <source>Complaint number</source>
        <translation>Nomor pengaduan</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Complainant</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>Isi pengaduan</translation>
    </message>
    <message>
        <source>Where it happened</source>
        <translation>Lokasi kejadian</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Forwarded to the agency</source>
        <translation>Diteruskan ke instansi</translation>
    </message>
    <message>
        <source>Being followed up by the agency</source>
        <translation>Ditindaklanjuti instansi</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The title may have at most {limit} characters; put the rest in what happened.</source>
        <translation>Judul paling banyak {limit} karakter; tulis selebihnya di uraian kejadian.</translation>
    </message>
    <message>
        <source>Say a little more about what happened: what, where exactly, since when, and who is affected. The agency acts on this text alone.</source>
        <translation>Uraikan sedikit lagi: apa yang terjadi, di mana persisnya, sejak kapan, dan siapa yang terdampak. Instansi bertindak hanya berdasarkan uraian ini.</translation>
    </message>
    <message>
        <source>{label} must stay empty in an anonymous complaint.</source>
        <translation>{label} harus kosong pada pengaduan anonim.</translation>
    </message>
    <message>
        <source>{label} must be filled in, unless the complaint is anonymous.</source>
        <translation>{label} wajib diisi, kecuali pengaduan anonim.</translation>
    </message>
</context>
<context>
    <name>ValueList</name>
    <message>
        <source>Named: the agency sees who complained</source>
        <translation>Dicantumkan: instansi melihat siapa pelapornya</translation>
    </message>
    <message>
        <source>Confidential: name kept, not shown to the agency</source>
        <translation>Rahasia: nama disimpan, tidak ditunjukkan ke instansi</translation>
    </message>
    <message>
        <source>Anonymous: no name recorded</source>
        <translation>Anonim: nama tidak dicatat</translation>
    </message>
    <message>
        <source>Roads, bridges and public works</source>
        <translation>Jalan, jembatan dan pekerjaan umum</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Health services</source>
        <translation>Layanan kesehatan</translation>
    </message>
    <message>
        <source>Civil registration (KTP, KK, akta)</source>
        <translation>Administrasi kependudukan (KTP, KK, akta)</translation>
    </message>
    <message>
        <source>Social assistance</source>
        <translation>Bantuan sosial</translation>
    </message>
    <message>
        <source>Electricity and clean water</source>
        <translation>Listrik dan air bersih</translation>
    </message>
    <message>
        <source>Environment and waste</source>
        <translation>Lingkungan hidup dan sampah</translation>
    </message>
    <message>
        <source>Agriculture and fisheries</source>
        <translation>Pertanian dan perikanan</translation>
    </message>
    <message>
        <source>Public order and security</source>
        <translation>Ketertiban dan keamanan</translation>
    </message>
    <message>
        <source>Village government</source>
        <translation>Pemerintahan desa</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Regency/city government</source>
        <translation>Pemerintah kabupaten/kota</translation>
    </message>
    <message>
        <source>Public Works Office (Dinas PUPR)</source>
        <translation>Dinas PUPR</translation>
    </message>
    <message>
        <source>Education Office (Dinas Pendidikan)</source>
        <translation>Dinas Pendidikan</translation>
    </message>
    <message>
        <source>Health Office (Dinas Kesehatan)</source>
        <translation>Dinas Kesehatan</translation>
    </message>
    <message>
        <source>Civil Registration Office (Disdukcapil)</source>
        <translation>Disdukcapil</translation>
    </message>
    <message>
        <source>Social Affairs Office (Dinas Sosial)</source>
        <translation>Dinas Sosial</translation>
    </message>
    <message>
        <source>Environment Office (Dinas Lingkungan Hidup)</source>
        <translation>Dinas Lingkungan Hidup</translation>
    </message>
    <message>
        <source>State electricity company (PLN)</source>
        <translation>PLN</translation>
    </message>
    <message>
        <source>Regional water company (PDAM)</source>
        <translation>PDAM</translation>
    </message>
    <message>
        <source>Village government (Pemerintah Desa)</source>
        <translation>Pemerintah Desa</translation>
    </message>
    <message>
        <source>South Sumatra provincial government</source>
        <translation>Pemerintah Provinsi Sumatera Selatan</translation>
    </message>
</context>
</TS>
