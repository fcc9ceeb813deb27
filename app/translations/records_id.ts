<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>This list as it is filtered now</source>
        <translation>Daftar ini sesuai saringan sekarang</translation>
    </message>
    <message numerus="yes">
        <source>This list as it is filtered now (%n record(s))</source>
        <translation>
            <numerusform>Daftar ini sesuai saringan sekarang (%n data)</numerusform>
        </translation>
    </message>
    <message>
        <source>Monthly recap: counts per village, service and status</source>
        <translation>Rekap bulanan: jumlah per desa, layanan dan status</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV (for other programs)</source>
        <translation>CSV (untuk program lain)</translation>
    </message>
    <message>
        <source>Show NIKs in full</source>
        <translation>Tampilkan NIK lengkap</translation>
    </message>
    <message>
        <source>The file holds personal data (UU 27/2022). Keep it on this laptop or the office&apos;s drive, never in a chat group, and delete it when it is no longer needed. Every export is recorded.</source>
        <translation>Berkas ini berisi data pribadi (UU 27/2022). Simpan di laptop ini atau drive kantor, jangan pernah di grup obrolan, dan hapus bila tidak diperlukan lagi. Setiap ekspor dicatat.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Yang diekspor</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Excel turns the 16-digit NIKs of a CSV file into rounded numbers. For Excel, choose XLSX.</source>
        <translation>Excel mengubah NIK 16 angka dalam berkas CSV menjadi angka yang dibulatkan. Untuk Excel, pilih XLSX.</translation>
    </message>
    <message>
        <source>Otherwise they are masked as on the receipt. A full export is recorded in the audit trail: tick it only to check documents.</source>
        <translation>Jika tidak, NIK disamarkan seperti pada tanda terima. Ekspor dengan NIK lengkap dicatat dalam jejak audit: centang hanya untuk memeriksa dokumen.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Simpan hasil ekspor sebagai</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Sedang mengekspor…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to:</source>
        <translation>
            <numerusform>%n baris disimpan ke:</numerusform>
        </translation>
    </message>
    <message>
        <source>in the folder {folder}</source>
        <translation>di folder {folder}</translation>
    </message>
    <message>
        <source>Keep the file safe: it holds personal data.</source>
        <translation>Jaga berkas ini baik-baik: isinya data pribadi.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Confirm with your password</source>
        <translation>Konfirmasi dengan kata sandi</translation>
    </message>
    <message numerus="yes">
        <source>Approve %n record(s)</source>
        <translation>
            <numerusform>Setujui %n data</numerusform>
        </translation>
    </message>
    <message>
        <source>Type your password to approve these records in your name.</source>
        <translation>Ketik kata sandi Anda untuk menyetujui data ini atas nama Anda.</translation>
    </message>
</context>
<context>
    <name>PersonCorrectionDialog</name>
    <message>
        <source>Correct this person&apos;s data</source>
        <translation>Perbaiki data orang ini</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Date of birth (YYYY-MM-DD)</source>
        <translation>Tanggal lahir (TTTT-BB-HH)</translation>
    </message>
    <message>
        <source>Family card (KK)</source>
        <translation>Kartu Keluarga (KK)</translation>
    </message>
    <message>
        <source>Why, e.g. &quot;as on the KTP shown by the citizen&quot;</source>
        <translation>Alasan, mis. &quot;sesuai KTP yang ditunjukkan warga&quot;</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Simpan perbaikan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The forms already recorded stay as they were; this corrects the person&apos;s data on this laptop and keeps the old values with the reason.</source>
        <translation>Formulir yang sudah dicatat tetap seperti semula; ini memperbaiki data orang tersebut di laptop ini dan menyimpan nilai lama beserta alasannya.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Person</source>
        <translation>Data penduduk</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>← Back</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered person</source>
        <translation>Nama pada pendaftaran</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Perubahan terakhir</translation>
    </message>
    <message>
        <source>Export data (PDF)…</source>
        <translation>Ekspor data (PDF)…</translation>
    </message>
    <message>
        <source>Everything this laptop holds about this person, for them to read; recorded in the audit trail</source>
        <translation>Semua data tentang orang ini di laptop ini, untuk dibaca yang bersangkutan; dicatat di jejak audit</translation>
    </message>
    <message>
        <source>Export data (JSON)…</source>
        <translation>Ekspor data (JSON)…</translation>
    </message>
    <message>
        <source>Correct data…</source>
        <translation>Perbaiki data…</translation>
    </message>
    <message>
        <source>Registrations (double-click to open)</source>
        <translation>Pendaftaran (klik dua kali untuk membuka)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>belum diketahui</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Place and date of birth</source>
        <translation>Tempat dan tanggal lahir</translation>
    </message>
    <message>
        <source>Family card (KK)</source>
        <translation>Kartu Keluarga (KK)</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Corrected {at} by {by}: {fields}. Reason: {reason}</source>
        <translation>Diperbaiki {at} oleh {by}: {fields}. Alasan: {reason}</translation>
    </message>
    <message>
        <source>Save the person&apos;s data</source>
        <translation>Simpan data orang ini</translation>
    </message>
    <message>
        <source>Saved to %1. Give it only to the person it is about.</source>
        <translation>Tersimpan di %1. Serahkan hanya kepada orang yang bersangkutan.</translation>
    </message>
    <message>
        <source>Not in any registration on this laptop.</source>
        <translation>Belum ada di pendaftaran mana pun di laptop ini.</translation>
    </message>
    <message>
        <source>⚠ Maybe the same person as below (same name and date of birth, no NIK to tell them apart). Check their KK or KTP; the app never joins people by itself. Double-click to look at the other one.</source>
        <translation>⚠ Mungkin orang yang sama dengan di bawah ini (nama dan tanggal lahir sama, tidak ada NIK untuk membedakan). Periksa KK atau KTP-nya; aplikasi tidak pernah menggabungkan data penduduk sendiri. Klik dua kali untuk melihat yang lain.</translation>
    </message>
    <message>
        <source>{name}, born {birth} · NIK {nik}</source>
        <translation>{name}, lahir {birth} · NIK {nik}</translation>
    </message>
</context>
<context>
    <name>PersonRoles</name>
    <message>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Ibu</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Ayah</translation>
    </message>
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
        <source>Patient</source>
        <translation>Pasien</translation>
    </message>
</context>
<context>
    <name>ReceiptCheckDialog</name>
    <message>
        <source>Check a receipt</source>
        <translation>Periksa tanda terima</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s QR code into the box below, paste its text, or open a photo, scan or PDF of the receipt. The check uses the province&apos;s key list on this laptop and needs no signal.</source>
        <translation>Pindai kode QR tanda terima ke kotak di bawah, tempel teksnya, atau buka foto, hasil pindai atau PDF tanda terima. Pemeriksaan memakai daftar kunci provinsi di laptop ini dan tidak perlu sinyal.</translation>
    </message>
    <message>
        <source>JB2:…</source>
        <translation>JB2:…</translation>
    </message>
    <message>
        <source>Open image or PDF…</source>
        <translation>Buka gambar atau PDF…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Signed by laptop</source>
        <translation>Ditandatangani laptop</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Open a picture of the receipt</source>
        <translation>Buka gambar tanda terima</translation>
    </message>
    <message>
        <source>Pictures and PDF (*.png *.jpg *.jpeg *.bmp *.pdf)</source>
        <translation>Gambar dan PDF (*.png *.jpg *.jpeg *.bmp *.pdf)</translation>
    </message>
    <message>
        <source>The file %1 is not a picture or PDF this laptop can open.</source>
        <translation>Berkas %1 bukan gambar atau PDF yang dapat dibuka laptop ini.</translation>
    </message>
    <message>
        <source>No QR code was found in %1. Take the photo closer, straight on and in good light, or scan the code.</source>
        <translation>Tidak ada kode QR di %1. Foto lebih dekat, tegak lurus dan dengan cahaya cukup, atau pindai kodenya.</translation>
    </message>
    <message>
        <source>Scan, paste or open a receipt&apos;s QR code first.</source>
        <translation>Pindai, tempel atau buka kode QR tanda terima terlebih dahulu.</translation>
    </message>
    <message>
        <source>Revoked on %1.</source>
        <translation>Dicabut pada %1.</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Central office</source>
        <translation>Kantor pusat</translation>
    </message>
    <message>
        <source>the supervisor</source>
        <translation>supervisor</translation>
    </message>
</context>
<context>
    <name>RecordDetailPage</name>
    <message>
        <source>← Back</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>{kind} · Status: {status} · Officer: {officer} · Last change: {when}</source>
        <translation>{kind} · Status: {status} · Petugas: {officer} · Terakhir diubah: {when}</translation>
    </message>
    <message>
        <source>handed over in file {n}</source>
        <translation>diserahkan lewat berkas {n}</translation>
    </message>
    <message>
        <source>Comment from {who}, {when}: {text}</source>
        <translation>Komentar dari {who}, {when}: {text}</translation>
    </message>
    <message>
        <source>News from {who}, {when}: {text}</source>
        <translation>Kabar dari {who}, {when}: {text}</translation>
    </message>
    <message>
        <source>Changed since it was sent back:</source>
        <translation>Diubah sejak dikembalikan:</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) or document(s) of the officer are on the server and not on this laptop yet: they come with the next sync.</source>
        <translation>
            <numerusform>%n foto atau dokumen petugas ada di server dan belum ada di laptop ini: akan diunduh pada sinkronisasi berikutnya.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing filled in yet.</source>
        <translation>Belum ada yang diisi.</translation>
    </message>
</context>
<context>
    <name>RecordMedia</name>
    <message>
        <source>Photos and documents</source>
        <translation>Foto dan dokumen</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Cetak tanda terima</translation>
    </message>
    <message>
        <source>Person and other records</source>
        <translation>Data penduduk dan pendaftaran lain</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Returned</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/kel.</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Mother&apos;s NIK</source>
        <translation>NIK ibu</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Search NIK or name</source>
        <translation>Cari NIK atau nama</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Semua layanan</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>This list or a monthly recap, to Excel or CSV</source>
        <translation>Daftar ini atau rekap bulanan, ke Excel atau CSV</translation>
    </message>
    <message>
        <source>Check a receipt…</source>
        <translation>Periksa tanda terima…</translation>
    </message>
    <message>
        <source>Is a citizen&apos;s receipt genuine? Scan or open its QR code</source>
        <translation>Apakah tanda terima warga asli? Pindai atau buka kode QR-nya</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n data</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Send back to the officer</source>
        <translation>Kembalikan ke petugas</translation>
    </message>
    <message>
        <source>What to correct, for the whole record</source>
        <translation>Apa yang harus diperbaiki, untuk seluruh data</translation>
    </message>
    <message>
        <source>Comment on this field</source>
        <translation>Komentar untuk kolom ini</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Comments on fields</source>
        <translation>Komentar per kolom</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Comment for the officer: what to correct</source>
        <translation>Komentar untuk petugas: apa yang harus diperbaiki</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Enter)</source>
        <translation>Setujui (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Send back to the officer</source>
        <translation>Kembalikan ke petugas</translation>
    </message>
    <message>
        <source>Send back with reasons…</source>
        <translation>Kembalikan dengan alasan…</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Pemeriksaan:</translation>
    </message>
    <message>
        <source>Write what the officer must correct before sending it back.</source>
        <translation>Tulis apa yang harus diperbaiki petugas sebelum mengembalikannya.</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>Review</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Waiting for your review</source>
        <translation>Menunggu pemeriksaan Anda</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Semua layanan</translation>
    </message>
    <message>
        <source>sent from DD-MM-YYYY</source>
        <translation>dikirim sejak HH-BB-TTTT</translation>
    </message>
    <message>
        <source>until DD-MM-YYYY</source>
        <translation>sampai HH-BB-TTTT</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Desa/kel.</source>
        <translation>Desa/kel.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Approve selected…</source>
        <translation>Setujui yang dipilih…</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Semua petugas</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n hari</numerusform>
        </translation>
    </message>
    <message>
        <source>today</source>
        <translation>hari ini</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting</source>
        <translation>
            <numerusform>%n data menunggu</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the records to approve first (Ctrl or Shift and click, or Ctrl+A).</source>
        <translation>Pilih dulu data yang akan disetujui (Ctrl atau Shift sambil klik, atau Ctrl+A).</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) approved.</source>
        <translation>
            <numerusform>%n data disetujui.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>waiting to be sent</source>
        <translation>menunggu dikirim</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>sudah di server</translation>
    </message>
</context>
<context>
    <name>SubjectExport</name>
    <message>
        <source>As recorded</source>
        <translation>Sesuai yang dicatat</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Perbaikan</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Family card (KK)</source>
        <translation>Kartu Keluarga (KK)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Perubahan terakhir</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Personal data held on this laptop</source>
        <translation>Data pribadi yang tersimpan di laptop ini</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>ID data</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Role in it</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Orang yang bersangkutan</translation>
    </message>
    <message>
        <source>Under Law 27/2022 on Personal Data Protection. Exported on {at} by {by}.</source>
        <translation>Berdasarkan UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi. Diekspor pada {at} oleh {by}.</translation>
    </message>
    <message>
        <source>Village code</source>
        <translation>Kode desa</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
</context>
<context>
    <name>VillageFilter</name>
    <message>
        <source>All regencies</source>
        <translation>Semua kabupaten/kota</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Semua desa/kelurahan</translation>
    </message>
</context>
</TS>
