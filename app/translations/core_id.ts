<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>Attachments</name>
    <message>
        <source>Photo of the citizen</source>
        <translation>Foto penduduk</translation>
    </message>
    <message>
        <source>Original photo</source>
        <translation>Foto asli</translation>
    </message>
    <message>
        <source>Birth letter</source>
        <translation>Surat Keterangan Lahir</translation>
    </message>
    <message>
        <source>Marriage proof</source>
        <translation>Bukti perkawinan</translation>
    </message>
    <message>
        <source>Family card (KK)</source>
        <translation>Kartu Keluarga (KK)</translation>
    </message>
    <message>
        <source>SPTJM statement</source>
        <translation>Surat Pernyataan Tanggung Jawab Mutlak (SPTJM)</translation>
    </message>
    <message>
        <source>SPTJM on the birth data (F-2.03)</source>
        <translation>SPTJM kebenaran data kelahiran (F-2.03)</translation>
    </message>
    <message>
        <source>SPTJM on husband-and-wife status (F-2.04)</source>
        <translation>SPTJM kebenaran pasangan suami istri (F-2.04)</translation>
    </message>
    <message>
        <source>Photo of the patient&apos;s eyes</source>
        <translation>Foto mata pasien</translation>
    </message>
    <message>
        <source>Photo of the problem (evidence)</source>
        <translation>Foto masalah (bukti)</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Dokumen lain</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Thumbprint</source>
        <translation>Cap jempol</translation>
    </message>
    <message>
        <source>The file for &quot;{label}&quot; is missing from this laptop. Take the photo or scan again.</source>
        <translation>Berkas untuk &quot;{label}&quot; tidak ada di laptop ini. Ambil foto atau pindai ulang.</translation>
    </message>
    <message>
        <source>The file for &quot;{label}&quot; is damaged. Take the photo or scan again.</source>
        <translation>Berkas untuk &quot;{label}&quot; rusak. Ambil foto atau pindai ulang.</translation>
    </message>
</context>
<context>
    <name>BatchErrors</name>
    <message>
        <source>The file {name} is not a Jemput Bola batch file (perhaps another file with the same extension). Nothing was imported. Choose the file the other laptop wrote.</source>
        <translation>Berkas {name} bukan berkas kiriman Jemput Bola (mungkin berkas lain dengan akhiran nama yang sama). Tidak ada yang diimpor. Pilih berkas yang ditulis oleh laptop pengirim.</translation>
    </message>
    <message>
        <source>The file {name} is a later part of a batch that was split over several files. Open the first part (the file without a number, ending in .jbb); the other parts must be in the same folder.</source>
        <translation>Berkas {name} adalah bagian lanjutan dari berkas kiriman yang dipecah menjadi beberapa berkas. Buka bagian pertamanya (berkas tanpa nomor, berakhiran .jbb); bagian-bagian lainnya harus ada di folder yang sama.</translation>
    </message>
    <message>
        <source>The file {name} was written by a newer version of Jemput Bola. Nothing was imported. Update the app on this laptop, then import it again.</source>
        <translation>Berkas {name} ditulis oleh Jemput Bola versi yang lebih baru. Tidak ada yang diimpor. Perbarui aplikasi di laptop ini, lalu impor lagi.</translation>
    </message>
    <message>
        <source>The file {name} is incomplete: it was not written to the end (perhaps the stick was pulled out too early) or a part is missing. Nothing was imported. Ask for the file to be written again.</source>
        <translation>Berkas {name} tidak lengkap: penulisannya tidak selesai (mungkin flashdisk dicabut terlalu cepat) atau ada bagian yang hilang. Tidak ada yang diimpor. Minta agar berkas ditulis ulang.</translation>
    </message>
    <message>
        <source>The file {name} is damaged or was changed after it was written. Nothing was imported. Ask for the file to be written again, on another stick if possible.</source>
        <translation>Berkas {name} rusak atau diubah setelah ditulis. Tidak ada yang diimpor. Minta agar berkas ditulis ulang, sebaiknya di flashdisk lain.</translation>
    </message>
    <message>
        <source>The file {name} does not carry a valid signature of the laptop it names as its sender: it was changed after it was written, or it comes from elsewhere. Nothing was imported. Do not use this file; tell your supervisor.</source>
        <translation>Berkas {name} tidak memuat tanda tangan yang sah dari laptop yang disebut sebagai pengirimnya: berkas diubah setelah ditulis, atau berasal dari tempat lain. Tidak ada yang diimpor. Jangan gunakan berkas ini; beri tahu supervisor Anda.</translation>
    </message>
    <message>
        <source>The file {name} comes from a laptop this laptop does not know or that is no longer allowed. Nothing was imported. Sync this laptop once to get the latest list of laptops, or tell your supervisor.</source>
        <translation>Berkas {name} berasal dari laptop yang tidak dikenal laptop ini atau yang sudah tidak diizinkan. Tidak ada yang diimpor. Sinkronkan laptop ini sekali untuk mendapatkan daftar laptop terbaru, atau beri tahu supervisor Anda.</translation>
    </message>
    <message>
        <source>The file {name} was written for another laptop and cannot be opened here. Nothing was imported. Import it on the laptop it was written for.</source>
        <translation>Berkas {name} ditulis untuk laptop lain dan tidak dapat dibuka di sini. Tidak ada yang diimpor. Impor berkas ini di laptop tujuannya.</translation>
    </message>
    <message>
        <source>A photo or scan in the file {name} does not match its fingerprint. Nothing was imported. Ask for the file to be written again.</source>
        <translation>Ada foto atau pindaian dalam berkas {name} yang tidak cocok dengan sidik jarinya. Tidak ada yang diimpor. Minta agar berkas ditulis ulang.</translation>
    </message>
    <message>
        <source>The photo or scan {name} is missing, changed or damaged on this laptop, so the batch file was not written. Check the record&apos;s files, then write the batch again.</source>
        <translation>Foto atau pindaian {name} hilang, berubah, atau rusak di laptop ini, sehingga berkas kiriman tidak ditulis. Periksa berkas-berkas pada data tersebut, lalu tulis berkas kiriman lagi.</translation>
    </message>
    <message>
        <source>There is not enough free space on {name}. Nothing was written there. Free some space or use another stick, then try again.</source>
        <translation>Ruang kosong di {name} tidak cukup. Tidak ada yang ditulis di sana. Kosongkan sebagian ruang atau gunakan flashdisk lain, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The disk {name} does not take files this large. Nothing was written there. Use another stick or write fewer records at a time.</source>
        <translation>Disk {name} tidak dapat menampung berkas sebesar ini. Tidak ada yang ditulis di sana. Gunakan flashdisk lain atau tulis lebih sedikit data sekaligus.</translation>
    </message>
    <message>
        <source>The batch file could not be written to {name}: {reason}. Nothing was written there. Check the stick and try again.</source>
        <translation>Berkas kiriman tidak dapat ditulis ke {name}: {reason}. Tidak ada yang ditulis di sana. Periksa flashdisk, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The file {name} could not be read: {reason}. Nothing was imported. Check the stick and try again.</source>
        <translation>Berkas {name} tidak dapat dibaca: {reason}. Tidak ada yang diimpor. Periksa flashdisk, lalu coba lagi.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file {path} is not a Jemput Bola database. It was left untouched. Choose another folder or ask your supervisor.</source>
        <translation>Berkas {path} bukan basis data Jemput Bola. Berkas itu tidak diubah. Pilih folder lain atau tanyakan kepada supervisor Anda.</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Jemput Bola. It was left untouched. Install the newer version to open it.</source>
        <translation>Basis data {path} dibuat oleh versi Jemput Bola yang lebih baru. Basis data itu tidak diubah. Pasang versi yang lebih baru untuk membukanya.</translation>
    </message>
    <message>
        <source>The database {path} is encrypted, but its key file (keyring.json) is missing from the same folder. Nothing was changed. Put the key file back from a backup, or ask the province office to recover the laptop&apos;s data.</source>
        <translation>Database {path} terenkripsi, tetapi berkas kuncinya (keyring.json) tidak ada di folder yang sama. Tidak ada yang diubah. Kembalikan berkas kunci dari cadangan, atau minta kantor provinsi memulihkan data laptop ini.</translation>
    </message>
    <message>
        <source>The key file (keyring.json) beside the database {path} is damaged or does not belong to it. Nothing was changed. Put the key file back from a backup, or ask the province office to recover the laptop&apos;s data.</source>
        <translation>Berkas kunci (keyring.json) di samping database {path} rusak atau bukan miliknya. Tidak ada yang diubah. Kembalikan berkas kunci dari cadangan, atau minta kantor provinsi memulihkan data laptop ini.</translation>
    </message>
    <message>
        <source>The laptop is locked. Log in first.</source>
        <translation>Laptop terkunci. Masuk terlebih dahulu.</translation>
    </message>
    <message>
        <source>The disk is full, so the last change could not be saved. Everything saved before is safe. Free some space and try again.</source>
        <translation>Disk penuh, sehingga perubahan terakhir tidak dapat disimpan. Semua yang tersimpan sebelumnya aman. Kosongkan sebagian ruang lalu coba lagi.</translation>
    </message>
    <message>
        <source>The database is busy in another window or program. Close it and try again.</source>
        <translation>Basis data sedang dipakai di jendela atau program lain. Tutup lalu coba lagi.</translation>
    </message>
    <message>
        <source>This record was changed elsewhere in the meantime. Reopen it to see the latest version.</source>
        <translation>Data ini sudah diubah di tempat lain. Buka kembali untuk melihat versi terbaru.</translation>
    </message>
    <message>
        <source>You are not allowed to do this with this record.</source>
        <translation>Anda tidak berwenang melakukan ini pada data ini.</translation>
    </message>
    <message>
        <source>A record with status &quot;{status}&quot; cannot be {action}.</source>
        <translation>Data dengan status &quot;{status}&quot; tidak dapat {action}.</translation>
    </message>
    <message>
        <source>New registrations are blocked: {count} of your records are waiting for the supervisor&apos;s review (the province allows {limit}). Ask your supervisor to review them, then sync. Drafts and corrections of returned records can still be saved.</source>
        <translation>Pendaftaran baru diblokir: {count} data Anda menunggu pemeriksaan supervisor (batas dari provinsi {limit}). Minta supervisor memeriksanya, lalu sinkronkan dulu. Draf dan perbaikan data yang dikembalikan tetap bisa disimpan.</translation>
    </message>
    <message>
        <source>New registrations are blocked: {count} of your records have not been handed over yet (the province allows {limit}). Sync first to send them. Drafts and corrections of returned records can still be saved.</source>
        <translation>Pendaftaran baru diblokir: {count} data Anda belum diserahkan (batas dari provinsi {limit}). Sinkronkan dulu untuk mengirimnya. Draf dan perbaikan data yang dikembalikan tetap bisa disimpan.</translation>
    </message>
    <message>
        <source>New registrations are blocked: your last hand-over was {count} days ago (the province allows {limit}). Sync first to hand your records over. Drafts and corrections of returned records can still be saved.</source>
        <translation>Pendaftaran baru diblokir: penyerahan data terakhir Anda {count} hari yang lalu (batas dari provinsi {limit} hari). Sinkronkan dulu untuk menyerahkan data Anda. Draf dan perbaikan data yang dikembalikan tetap bisa disimpan.</translation>
    </message>
    <message>
        <source>The password is not right: nothing was decided. Type it again.</source>
        <translation>Kata sandi salah: belum ada yang diputuskan. Ketik lagi.</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>There is nothing to hand over: every record has been sent to the server or written to a batch file already.</source>
        <translation>Tidak ada yang perlu diserahkan: semua data sudah dikirim ke server atau sudah ditulis ke berkas.</translation>
    </message>
    <message>
        <source>Only your own records that are no longer drafts can be written to a batch file. Nothing was written.</source>
        <translation>Hanya data Anda sendiri yang bukan lagi draf yang dapat ditulis ke berkas. Tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>This laptop does not have its keys and the list of laptops yet. Sync it once with the server where there is signal, then try again.</source>
        <translation>Laptop ini belum memiliki kuncinya dan daftar laptop. Sinkronkan sekali dengan server di tempat yang ada sinyal, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The file {name} is a receipt, not a batch file. Import it as a receipt.</source>
        <translation>Berkas {name} adalah tanda terima, bukan berkas serah data. Impor sebagai tanda terima.</translation>
    </message>
    <message>
        <source>The file {name} is a batch file, not a receipt. Import it as a batch file.</source>
        <translation>Berkas {name} adalah berkas serah data, bukan tanda terima. Impor sebagai berkas serah data.</translation>
    </message>
    <message>
        <source>A record in the file {name} cannot be read ({reason}). Nothing was imported. Ask for the file to be written again.</source>
        <translation>Satu data dalam berkas {name} tidak dapat dibaca ({reason}). Tidak ada yang diimpor. Minta agar berkas ditulis ulang.</translation>
    </message>
    <message>
        <source>A record in the file {name} is not signed by the laptop that made it. Nothing was imported. Do not use this file; tell your supervisor.</source>
        <translation>Satu data dalam berkas {name} tidak ditandatangani oleh laptop yang membuatnya. Tidak ada yang diimpor. Jangan gunakan berkas ini; beri tahu supervisor Anda.</translation>
    </message>
    <message>
        <source>The file {name} holds records of an officer this laptop does not know yet. Nothing was imported. Sync this laptop once, then import the file again.</source>
        <translation>Berkas {name} berisi data petugas yang belum dikenal laptop ini. Tidak ada yang diimpor. Sinkronkan laptop ini sekali, lalu impor berkas itu lagi.</translation>
    </message>
    <message>
        <source>The file {name} holds records of {owner}, who is not in your team. Nothing was imported. Only the officer&apos;s own supervisor can import it.</source>
        <translation>Berkas {name} berisi data milik {owner}, yang bukan anggota tim Anda. Tidak ada yang diimpor. Hanya supervisor petugas itu sendiri yang dapat mengimpornya.</translation>
    </message>
    <message>
        <source>The laptop that sent these records is not in the list of laptops any more, so no receipt can be written for it. Sync this laptop once, then try again.</source>
        <translation>Laptop pengirim data ini sudah tidak ada dalam daftar laptop, jadi tanda terima tidak dapat ditulis untuknya. Sinkronkan laptop ini sekali, lalu coba lagi.</translation>
    </message>
    <message>
        <source>No batch file from that laptop has been imported here, so there is nothing to confirm in a receipt.</source>
        <translation>Belum ada berkas dari laptop itu yang diimpor di sini, jadi tidak ada yang dapat dikonfirmasi dalam tanda terima.</translation>
    </message>
    <message>
        <source>File {sequence} from {name} has not been received yet.</source>
        <translation>Berkas {sequence} dari {name} belum diterima.</translation>
    </message>
    <message>
        <source>No laptop of your supervisor is in the list of laptops yet, so only the central office can open this file. Your supervisor should sync once, then you sync, to write files they can open.</source>
        <translation>Belum ada laptop supervisor Anda dalam daftar laptop, jadi berkas ini hanya dapat dibuka di kantor pusat. Minta supervisor Anda sinkron sekali, lalu Anda sinkron, agar berkas berikutnya dapat dibuka olehnya.</translation>
    </message>
    <message>
        <source>The records were imported, but the receipt could not be written next to the file: {reason} Write the receipt again later from the list of imported files.</source>
        <translation>Data sudah diimpor, tetapi tanda terima tidak dapat ditulis di samping berkas: {reason} Tulis tanda terima lagi nanti dari daftar berkas yang diimpor.</translation>
    </message>
    <message>
        <source>A record from a batch file was not accepted by the server ({result}): {reason}</source>
        <translation>Satu data dari berkas serah data tidak diterima server ({result}): {reason}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>Komentar supervisor</translation>
    </message>
    <message>
        <source>Note from the central office</source>
        <translation>Catatan dari kantor pusat</translation>
    </message>
    <message>
        <source>Step of the service</source>
        <translation>Tahap layanan</translation>
    </message>
    <message>
        <source>Reasons and comments on fields</source>
        <translation>Alasan dan komentar per kolom</translation>
    </message>
    <message>
        <source>Version kept</source>
        <translation>Versi yang dipakai</translation>
    </message>
    <message>
        <source>created</source>
        <translation>dibuat</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>status diubah</translation>
    </message>
    <message>
        <source>two versions reconciled</source>
        <translation>dua versi disatukan</translation>
    </message>
    <message>
        <source>received for review</source>
        <translation>diterima untuk diperiksa</translation>
    </message>
    <message>
        <source>this laptop&apos;s version</source>
        <translation>versi laptop ini</translation>
    </message>
    <message>
        <source>the server&apos;s version</source>
        <translation>versi server</translation>
    </message>
    <message>
        <source>values chosen per field</source>
        <translation>nilai dipilih per kolom</translation>
    </message>
    <message>
        <source>Field {key} (not on this version of the form)</source>
        <translation>Kolom {key} (tidak ada di formulir versi ini)</translation>
    </message>
    <message>
        <source>{label} (this laptop&apos;s value)</source>
        <translation>{label} (nilai di laptop ini)</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again in {seconds} seconds.</source>
        <translation>Terlalu banyak kata sandi salah. Coba lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>This account has been disabled.</source>
        <translation>Akun ini telah dinonaktifkan.</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>Kata sandi harus terdiri dari sedikitnya {n} karakter.</translation>
    </message>
    <message>
        <source>This password is too easy to guess (a common word, a date or number, a run like 12345678 or aaaaaaaa, or the username). Choose another one.</source>
        <translation>Kata sandi ini terlalu mudah ditebak (kata yang umum, tanggal atau angka saja, deretan seperti 12345678 atau aaaaaaaa, atau nama pengguna). Pilih kata sandi lain.</translation>
    </message>
    <message>
        <source>The username may contain only small letters, digits, dot, dash and underscore (3 to 32).</source>
        <translation>Nama pengguna hanya boleh berisi huruf kecil, angka, titik, tanda hubung, dan garis bawah (3 sampai 32 karakter).</translation>
    </message>
    <message>
        <source>The username {username} is already used on this laptop.</source>
        <translation>Nama pengguna {username} sudah dipakai di laptop ini.</translation>
    </message>
    <message>
        <source>Fill in the full name.</source>
        <translation>Isi nama lengkap.</translation>
    </message>
    <message>
        <source>The first account on a laptop is a field officer or a supervisor. Administrator accounts come from the server when the laptop is enrolled.</source>
        <translation>Akun pertama di laptop adalah petugas lapangan atau supervisor. Akun administrator datang dari server saat laptop didaftarkan.</translation>
    </message>
    <message>
        <source>This laptop already has an account. Log in with it; new accounts come from the server.</source>
        <translation>Laptop ini sudah punya akun. Masuk dengan akun itu; akun baru datang dari server.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Anonymous (not named, at the citizen&apos;s request)</source>
        <translation>Anonim (tidak disebutkan, atas permintaan warga)</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
</context>
<context>
    <name>ReceiptCheck</name>
    <message>
        <source>Valid: signed by a laptop the province certified.</source>
        <translation>Sah: ditandatangani laptop yang disertifikasi provinsi.</translation>
    </message>
    <message>
        <source>Invalid: the code is damaged or was changed, or it is not a Jemput Bola receipt.</source>
        <translation>Tidak sah: kode rusak atau telah diubah, atau bukan tanda terima Jemput Bola.</translation>
    </message>
    <message>
        <source>Signed by a laptop the province has revoked (lost or stolen): do not trust this receipt without asking the office.</source>
        <translation>Ditandatangani laptop yang sudah dicabut provinsi (hilang atau dicuri): jangan percayai tanda terima ini sebelum bertanya ke kantor.</translation>
    </message>
    <message>
        <source>Not confirmed: the code names a laptop this laptop&apos;s key list does not know (enrolled after the last sync, or a forged code). Sync, then check again.</source>
        <translation>Belum dapat dipastikan: kode menyebut laptop yang tidak ada di daftar kunci laptop ini (didaftarkan setelah sinkron terakhir, atau kode palsu). Sinkronkan, lalu periksa lagi.</translation>
    </message>
    <message>
        <source>This laptop has no key list from the province yet: enrol and sync it, then check again.</source>
        <translation>Laptop ini belum punya daftar kunci dari provinsi: daftarkan dan sinkronkan, lalu periksa lagi.</translation>
    </message>
    <message>
        <source>Not signed: printed by a laptop that had no key from the province yet. It gives the number only and proves nothing.</source>
        <translation>Tidak bertanda tangan: dicetak oleh laptop yang belum punya kunci dari provinsi. Hanya memuat nomor dan tidak membuktikan apa pun.</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>PERSONAL DATA — protected by UU 27/2022 on Personal Data Protection. Use it only for the service; do not share it with anyone not entitled to it; delete it when no longer needed.</source>
        <translation>DATA PRIBADI — dilindungi UU 27/2022 tentang Pelindungan Data Pribadi. Gunakan hanya untuk pelayanan; jangan bagikan kepada pihak yang tidak berhak; hapus bila tidak diperlukan lagi.</translation>
    </message>
    <message>
        <source>PERSONAL DATA (UU 27/2022)</source>
        <translation>DATA PRIBADI (UU 27/2022)</translation>
    </message>
    <message>
        <source>Jemput Bola registrations</source>
        <translation>Pendaftaran Jemput Bola</translation>
    </message>
    <message>
        <source>Jemput Bola monthly recap, {month}</source>
        <translation>Rekap bulanan Jemput Bola, {month}</translation>
    </message>
    <message>
        <source>Exported {at} by {name} ({role}); {rows} rows; {niks}.</source>
        <translation>Diekspor {at} oleh {name} ({role}); {rows} baris; {niks}.</translation>
    </message>
    <message>
        <source>NIKs masked</source>
        <translation>NIK disamarkan</translation>
    </message>
    <message>
        <source>NIKs in full</source>
        <translation>NIK lengkap</translation>
    </message>
    <message>
        <source>Registrations taken in {month}, counted by their status today. Exported {at} by {name} ({role}).</source>
        <translation>Pendaftaran yang diterima pada {month}, dihitung menurut statusnya hari ini. Diekspor {at} oleh {name} ({role}).</translation>
    </message>
    <message>
        <source>(no village yet)</source>
        <translation>(desa belum diisi)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor registrasi</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
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
        <source>Whose NIK</source>
        <translation>Pemilik NIK</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>Catatan supervisor</translation>
    </message>
    <message>
        <source>Note from central</source>
        <translation>Catatan kantor pusat</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Tanggal dibuat</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Tanggal diajukan</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Terakhir diubah</translation>
    </message>
    <message>
        <source>the person</source>
        <translation>yang bersangkutan</translation>
    </message>
    <message>
        <source>mother</source>
        <translation>ibu</translation>
    </message>
    <message>
        <source>Not submitted yet</source>
        <translation>Belum diajukan</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Menunggu pemeriksaan</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <translation>Dikembalikan untuk diperbaiki</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sudah di server</translation>
    </message>
    <message>
        <source>Only on this laptop</source>
        <translation>Hanya di laptop ini</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Januari</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Februari</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Maret</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mei</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Agustus</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Desember</translation>
    </message>
    <message>
        <source>The disk is full: the file was not saved. Free some space or choose another drive, then export again.</source>
        <translation>Disk penuh: berkas tidak disimpan. Kosongkan sebagian ruang atau pilih drive lain, lalu ekspor lagi.</translation>
    </message>
    <message>
        <source>This folder may not be written to: the file was not saved. Choose another folder (for example Documents) and export again.</source>
        <translation>Folder ini tidak boleh ditulisi: berkas tidak disimpan. Pilih folder lain (misalnya Dokumen), lalu ekspor lagi.</translation>
    </message>
    <message>
        <source>The folder {folder} is not there (a USB stick taken out?): the file was not saved. Choose another folder and export again.</source>
        <translation>Folder {folder} tidak ada (flashdisk dicabut?): berkas tidak disimpan. Pilih folder lain, lalu ekspor lagi.</translation>
    </message>
    <message>
        <source>The file could not be saved ({reason}). Choose another folder or name and export again.</source>
        <translation>Berkas tidak dapat disimpan ({reason}). Pilih folder atau nama lain, lalu ekspor lagi.</translation>
    </message>
    <message>
        <source>The export was stopped; no file was saved.</source>
        <translation>Ekspor dihentikan; tidak ada berkas yang disimpan.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Typing or spelling error</source>
        <translation>Salah ketik/ejaan</translation>
    </message>
    <message>
        <source>Documents missing</source>
        <translation>Dokumen kurang</translation>
    </message>
    <message>
        <source>Photo not clear</source>
        <translation>Foto tidak jelas</translation>
    </message>
    <message>
        <source>Data does not match the documents</source>
        <translation>Data tidak sesuai dokumen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Choose at least one reason, or write what the officer must correct, before sending it back.</source>
        <translation>Pilih paling sedikit satu alasan, atau tulis apa yang harus diperbaiki petugas, sebelum mengembalikan.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Field officer</source>
        <translation>Petugas lapangan</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Waiting for supervisor</source>
        <translation>Menunggu supervisor</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Returned for correction</source>
        <translation>Dikembalikan untuk diperbaiki</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>Dalam proses</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>diajukan</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>dikembalikan</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>dibuka kembali</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>diubah</translation>
    </message>
    <message>
        <source>follow-up visit recorded</source>
        <translation>kunjungan ulang dicatat</translation>
    </message>
    <message>
        <source>status updated</source>
        <translation>status diperbarui</translation>
    </message>
    <message>
        <source>conflict resolved</source>
        <translation>konflik diselesaikan</translation>
    </message>
</context>
<context>
    <name>SubjectAccess</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
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
        <source>Family card (KK)</source>
        <translation>Kartu Keluarga (KK)</translation>
    </message>
    <message>
        <source>This person is not in any of your records on this laptop.</source>
        <translation>Orang ini tidak ada dalam data Anda di laptop ini.</translation>
    </message>
    <message>
        <source>Write why the data is corrected (for example: &quot;as on the KTP shown by the citizen&quot;).</source>
        <translation>Tulis alasan data diperbaiki (misalnya: &quot;sesuai KTP yang ditunjukkan warga&quot;).</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>A NIK has 16 digits.</source>
        <translation>NIK terdiri dari 16 angka.</translation>
    </message>
    <message>
        <source>Another person on this laptop has this NIK. Check both KTPs.</source>
        <translation>Orang lain di laptop ini sudah memakai NIK ini. Periksa kedua KTP.</translation>
    </message>
    <message>
        <source>The date of birth is written as YYYY-MM-DD.</source>
        <translation>Tanggal lahir ditulis TTTT-BB-HH (misalnya 1990-06-05).</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Only an administrator may change how this laptop reaches the server.</source>
        <translation>Hanya administrator yang boleh mengubah cara laptop ini terhubung ke server.</translation>
    </message>
    <message>
        <source>The file {name} is not a certificate (PEM) this laptop can use.</source>
        <translation>Berkas {name} bukan sertifikat (PEM) yang dapat dipakai laptop ini.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>{label}: choose one of the options in the list.</source>
        <translation>{label}: pilih salah satu pilihan dari daftar.</translation>
    </message>
    <message>
        <source>{label}: “{text}” is not in the list. Pick one of its options or clear the field.</source>
        <translation>{label}: “{text}” tidak ada di daftar. Pilih salah satu pilihannya atau kosongkan kolom ini.</translation>
    </message>
    <message>
        <source>The month in {date} must be 01 to 12.</source>
        <translation>Bulan pada {date} harus 01 sampai 12.</translation>
    </message>
    <message>
        <source>The date {date} does not exist: month {month}-{year} has only {days} days.</source>
        <translation>Tanggal {date} tidak ada di kalender: bulan {month}-{year} hanya sampai tanggal {days}.</translation>
    </message>
    <message>
        <source>Write the year with 4 digits, e.g. 17-08-1990 (typed: {text}).</source>
        <translation>Tulis tahun dengan 4 angka, misalnya 17-08-1990 (yang diketik: {text}).</translation>
    </message>
    <message>
        <source>Date not understood: type day-month-year, e.g. 17-08-1990 (typed: {text}).</source>
        <translation>Tanggal tidak dikenali: ketik tanggal-bulan-tahun, misalnya 17-08-1990 (yang diketik: {text}).</translation>
    </message>
    <message>
        <source>The year {year} is too long ago; check the year.</source>
        <translation>Tahun {year} terlalu lampau; periksa kembali tahunnya.</translation>
    </message>
    <message>
        <source>The date {date} is in the future; today is {today}.</source>
        <translation>Tanggal {date} belum terjadi; hari ini tanggal {today}.</translation>
    </message>
    <message>
        <source>{label} must be filled in.</source>
        <translation>{label} wajib diisi.</translation>
    </message>
    <message>
        <source>{label}: type the time as hours:minutes from 00:00 to 23:59, e.g. 14:30 (typed: {text}).</source>
        <translation>{label}: ketik jam sebagai jam:menit dari 00:00 sampai 23:59, misalnya 14:30 (yang diketik: {text}).</translation>
    </message>
    <message>
        <source>{label} must be a number, e.g. 3,2 (typed: {text}).</source>
        <translation>{label} harus berupa angka, misalnya 3,2 (yang diketik: {text}).</translation>
    </message>
    <message>
        <source>{label} must be ticked or not ticked.</source>
        <translation>{label} harus dicentang atau tidak dicentang.</translation>
    </message>
    <message>
        <source>{label} may contain only letters, spaces and the marks . , &apos; -</source>
        <translation>{label} hanya boleh berisi huruf, spasi, dan tanda . , &apos; -</translation>
    </message>
    <message>
        <source>{label} may have at most {limit} characters ({count} typed).</source>
        <translation>{label} paling banyak {limit} karakter (tertulis {count}).</translation>
    </message>
    <message>
        <source>{label} may contain only digits.</source>
        <translation>{label} hanya boleh berisi angka.</translation>
    </message>
    <message>
        <source>The phone number must start with 0 or +62 and have 8 to 14 digits, e.g. 081234567890.</source>
        <translation>Nomor telepon harus diawali 0 atau +62 dan terdiri dari 8 sampai 14 angka, misalnya 081234567890.</translation>
    </message>
    <message>
        <source>The KK number is empty; it must be 16 digits.</source>
        <translation>Nomor KK masih kosong; harus 16 angka.</translation>
    </message>
    <message>
        <source>The KK number must be 16 digits; what was typed contains letters, spaces or other characters.</source>
        <translation>Nomor KK harus 16 angka; yang diketik berisi huruf, spasi, atau tanda lain.</translation>
    </message>
    <message>
        <source>The KK number must be 16 digits; {count} digits were typed.</source>
        <translation>Nomor KK harus 16 angka; yang diketik {count} angka.</translation>
    </message>
    <message>
        <source>The first two digits of the KK number ({code}) are not a province code.</source>
        <translation>Dua angka pertama nomor KK ({code}) bukan kode provinsi.</translation>
    </message>
    <message>
        <source>Digits 3-4 of the KK number ({code}) are not a regency/city of this province.</source>
        <translation>Angka ke-3 dan ke-4 nomor KK ({code}) bukan kode kabupaten/kota di provinsi tersebut.</translation>
    </message>
    <message>
        <source>The kecamatan code in the KK number ({code}) is not in today&apos;s Kemendagri list. It may be an old code from before a region split; check it against the KK.</source>
        <translation>Kode kecamatan pada nomor KK ({code}) tidak ada dalam daftar Kemendagri saat ini. Mungkin kode lama sebelum pemekaran wilayah; cocokkan dengan KK.</translation>
    </message>
    <message>
        <source>Digits 7-12 of the KK number should be its issue date (day-month-year); {date} is not a real date.</source>
        <translation>Angka ke-7 sampai ke-12 nomor KK adalah tanggal terbit (tanggal-bulan-tahun); {date} bukan tanggal yang ada.</translation>
    </message>
    <message>
        <source>The issue date in the KK number ({date}) is in the future.</source>
        <translation>Tanggal terbit pada nomor KK ({date}) belum terjadi.</translation>
    </message>
    <message>
        <source>The NIK is empty; it must be 16 digits.</source>
        <translation>NIK masih kosong; harus 16 angka.</translation>
    </message>
    <message>
        <source>The NIK must be 16 digits; what was typed contains letters, spaces or other characters.</source>
        <translation>NIK harus 16 angka; yang diketik berisi huruf, spasi, atau tanda lain.</translation>
    </message>
    <message>
        <source>The NIK must be 16 digits; {count} digits were typed.</source>
        <translation>NIK harus 16 angka; yang diketik {count} angka.</translation>
    </message>
    <message>
        <source>The month of birth in the NIK (digits 9-10: {month}) must be 01 to 12.</source>
        <translation>Bulan lahir di NIK (angka ke-9 dan ke-10: {month}) harus 01 sampai 12.</translation>
    </message>
    <message>
        <source>The day of birth in the NIK (digits 7-8: {day}) must be 01-31 for a man or 41-71 for a woman (day + 40).</source>
        <translation>Tanggal lahir di NIK (angka ke-7 dan ke-8: {day}) harus 01-31 untuk laki-laki atau 41-71 untuk perempuan (tanggal + 40).</translation>
    </message>
    <message>
        <source>The date of birth in the NIK ({date}) does not exist in the calendar.</source>
        <translation>Tanggal lahir di NIK ({date}) tidak ada di kalender.</translation>
    </message>
    <message>
        <source>The first two digits of the NIK ({code}) are not a province code.</source>
        <translation>Dua angka pertama NIK ({code}) bukan kode provinsi.</translation>
    </message>
    <message>
        <source>The regency/city code in the NIK ({code}) is not in today&apos;s Kemendagri list. It may be an old code from before a region split; check it against the e-KTP or KK.</source>
        <translation>Kode kabupaten/kota di NIK ({code}) tidak ada dalam daftar Kemendagri saat ini. Mungkin kode lama sebelum pemekaran wilayah; cocokkan dengan KTP-el atau KK.</translation>
    </message>
    <message>
        <source>The kecamatan code in the NIK ({code}) is not in today&apos;s Kemendagri list. It may be an old code from before a region split; check it against the e-KTP or KK.</source>
        <translation>Kode kecamatan di NIK ({code}) tidak ada dalam daftar Kemendagri saat ini. Mungkin kode lama sebelum pemekaran wilayah; cocokkan dengan KTP-el atau KK.</translation>
    </message>
    <message>
        <source>The last four digits of the NIK (serial number) cannot be 0000.</source>
        <translation>Empat angka terakhir NIK (nomor urut) tidak boleh 0000.</translation>
    </message>
    <message>
        <source>The date of birth in the NIK ({date}) is often a stand-in used when the real date was unknown. Ask the person; if their real date differs, record it and give the reason.</source>
        <translation>Tanggal lahir di NIK ({date}) sering dipakai sebagai pengganti bila tanggal lahir sebenarnya tidak diketahui. Tanyakan kepada yang bersangkutan; bila tanggal sebenarnya berbeda, catat dan tuliskan alasannya.</translation>
    </message>
    <message>
        <source>The NIK is a woman&apos;s (day of birth {day} is more than 40), but the form says male.</source>
        <translation>NIK ini milik perempuan (tanggal lahir {day} lebih dari 40), tetapi di formulir tertulis laki-laki.</translation>
    </message>
    <message>
        <source>The NIK is a man&apos;s (day of birth {day} is 40 or less), but the form says female.</source>
        <translation>NIK ini milik laki-laki (tanggal lahir {day} tidak lebih dari 40), tetapi di formulir tertulis perempuan.</translation>
    </message>
    <message>
        <source>The date of birth in the NIK ({nik_date}) differs from the date of birth on the form ({form_date}).</source>
        <translation>Tanggal lahir di NIK ({nik_date}) berbeda dengan tanggal lahir di formulir ({form_date}).</translation>
    </message>
    <message>
        <source>The NIK was issued in {nik_region}, not in {form_region} where the household lives. That is fine if the person moved; otherwise check the NIK.</source>
        <translation>NIK ini diterbitkan di {nik_region}, bukan di {form_region} tempat keluarga tinggal. Tidak apa-apa bila orangnya pindah; bila tidak, periksa kembali NIK-nya.</translation>
    </message>
    <message>
        <source>{label}: code {code} is not in the Kemendagri list.</source>
        <translation>{label}: kode {code} tidak ada dalam daftar Kemendagri.</translation>
    </message>
    <message>
        <source>{label}: {name} does not lie in the region chosen above it.</source>
        <translation>{label}: {name} tidak termasuk wilayah yang dipilih di atasnya.</translation>
    </message>
</context>
<context>
    <name>ValueList</name>
    <message>
        <source>Not working / not yet working</source>
        <translation>Belum/Tidak Bekerja</translation>
    </message>
    <message>
        <source>Homemaker</source>
        <translation>Mengurus Rumah Tangga</translation>
    </message>
    <message>
        <source>Pupil / student</source>
        <translation>Pelajar/Mahasiswa</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Pensiunan</translation>
    </message>
    <message>
        <source>Civil servant (PNS)</source>
        <translation>Pegawai Negeri Sipil (PNS)</translation>
    </message>
    <message>
        <source>Armed forces (TNI)</source>
        <translation>Tentara Nasional Indonesia (TNI)</translation>
    </message>
    <message>
        <source>Police (POLRI)</source>
        <translation>Kepolisian RI (POLRI)</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Perdagangan</translation>
    </message>
    <message>
        <source>Farmer / planter</source>
        <translation>Petani/Pekebun</translation>
    </message>
    <message>
        <source>Livestock farmer</source>
        <translation>Peternak</translation>
    </message>
    <message>
        <source>Fisher / fisheries</source>
        <translation>Nelayan/Perikanan</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industri</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>Konstruksi</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transportasi</translation>
    </message>
    <message>
        <source>Private-sector employee</source>
        <translation>Karyawan Swasta</translation>
    </message>
    <message>
        <source>State-owned enterprise employee (BUMN)</source>
        <translation>Karyawan BUMN</translation>
    </message>
    <message>
        <source>Regional enterprise employee (BUMD)</source>
        <translation>Karyawan BUMD</translation>
    </message>
    <message>
        <source>Honorary employee</source>
        <translation>Karyawan Honorer</translation>
    </message>
    <message>
        <source>Casual day labourer</source>
        <translation>Buruh Harian Lepas</translation>
    </message>
    <message>
        <source>Farm / plantation labourer</source>
        <translation>Buruh Tani/Perkebunan</translation>
    </message>
    <message>
        <source>Fishery labourer</source>
        <translation>Buruh Nelayan/Perikanan</translation>
    </message>
    <message>
        <source>Livestock labourer</source>
        <translation>Buruh Peternakan</translation>
    </message>
    <message>
        <source>Domestic worker</source>
        <translation>Pembantu Rumah Tangga</translation>
    </message>
    <message>
        <source>Barber</source>
        <translation>Tukang Cukur</translation>
    </message>
    <message>
        <source>Electrician</source>
        <translation>Tukang Listrik</translation>
    </message>
    <message>
        <source>Mason</source>
        <translation>Tukang Batu</translation>
    </message>
    <message>
        <source>Carpenter</source>
        <translation>Tukang Kayu</translation>
    </message>
    <message>
        <source>Shoe repairer</source>
        <translation>Tukang Sol Sepatu</translation>
    </message>
    <message>
        <source>Welder / blacksmith</source>
        <translation>Tukang Las/Pandai Besi</translation>
    </message>
    <message>
        <source>Tailor</source>
        <translation>Tukang Jahit</translation>
    </message>
    <message>
        <source>Dental technician</source>
        <translation>Tukang Gigi</translation>
    </message>
    <message>
        <source>Make-up artist</source>
        <translation>Penata Rias</translation>
    </message>
    <message>
        <source>Wardrobe stylist</source>
        <translation>Penata Busana</translation>
    </message>
    <message>
        <source>Hairdresser</source>
        <translation>Penata Rambut</translation>
    </message>
    <message>
        <source>Mechanic</source>
        <translation>Mekanik</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>Seniman</translation>
    </message>
    <message>
        <source>Traditional healer</source>
        <translation>Tabib</translation>
    </message>
    <message>
        <source>Traditional birth attendant</source>
        <translation>Paraji</translation>
    </message>
    <message>
        <source>Fashion designer</source>
        <translation>Perancang Busana</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Penterjemah</translation>
    </message>
    <message>
        <source>Mosque imam</source>
        <translation>Imam Masjid</translation>
    </message>
    <message>
        <source>Protestant minister</source>
        <translation>Pendeta</translation>
    </message>
    <message>
        <source>Catholic priest</source>
        <translation>Pastor</translation>
    </message>
    <message>
        <source>Journalist</source>
        <translation>Wartawan</translation>
    </message>
    <message>
        <source>Islamic teacher / preacher</source>
        <translation>Ustadz/Mubaligh</translation>
    </message>
    <message>
        <source>Cook</source>
        <translation>Juru Masak</translation>
    </message>
    <message>
        <source>Event promoter</source>
        <translation>Promotor Acara</translation>
    </message>
    <message>
        <source>Member of the DPR-RI</source>
        <translation>Anggota DPR-RI</translation>
    </message>
    <message>
        <source>Member of the DPD</source>
        <translation>Anggota DPD</translation>
    </message>
    <message>
        <source>Member of the BPK</source>
        <translation>Anggota BPK</translation>
    </message>
    <message>
        <source>President</source>
        <translation>Presiden</translation>
    </message>
    <message>
        <source>Vice President</source>
        <translation>Wakil Presiden</translation>
    </message>
    <message>
        <source>Constitutional Court justice</source>
        <translation>Anggota Mahkamah Konstitusi</translation>
    </message>
    <message>
        <source>Cabinet member / minister</source>
        <translation>Anggota Kabinet/Kementerian</translation>
    </message>
    <message>
        <source>Ambassador</source>
        <translation>Duta Besar</translation>
    </message>
    <message>
        <source>Governor</source>
        <translation>Gubernur</translation>
    </message>
    <message>
        <source>Vice governor</source>
        <translation>Wakil Gubernur</translation>
    </message>
    <message>
        <source>Regent (bupati)</source>
        <translation>Bupati</translation>
    </message>
    <message>
        <source>Vice regent</source>
        <translation>Wakil Bupati</translation>
    </message>
    <message>
        <source>Mayor</source>
        <translation>Walikota</translation>
    </message>
    <message>
        <source>Vice mayor</source>
        <translation>Wakil Walikota</translation>
    </message>
    <message>
        <source>Member of a provincial DPRD</source>
        <translation>Anggota DPRD Provinsi</translation>
    </message>
    <message>
        <source>Member of a regency/city DPRD</source>
        <translation>Anggota DPRD Kabupaten/Kota</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>Dosen</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Guru</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Pengacara</translation>
    </message>
    <message>
        <source>Notary</source>
        <translation>Notaris</translation>
    </message>
    <message>
        <source>Architect</source>
        <translation>Arsitek</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>Akuntan</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsultan</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Dokter</translation>
    </message>
    <message>
        <source>Midwife</source>
        <translation>Bidan</translation>
    </message>
    <message>
        <source>Nurse</source>
        <translation>Perawat</translation>
    </message>
    <message>
        <source>Pharmacist</source>
        <translation>Apoteker</translation>
    </message>
    <message>
        <source>Psychiatrist / psychologist</source>
        <translation>Psikiater/Psikolog</translation>
    </message>
    <message>
        <source>Television presenter</source>
        <translation>Penyiar Televisi</translation>
    </message>
    <message>
        <source>Radio presenter</source>
        <translation>Penyiar Radio</translation>
    </message>
    <message>
        <source>Seafarer</source>
        <translation>Pelaut</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>Peneliti</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Sopir</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Pialang</translation>
    </message>
    <message>
        <source>Paranormal</source>
        <translation>Paranormal</translation>
    </message>
    <message>
        <source>Trader</source>
        <translation>Pedagang</translation>
    </message>
    <message>
        <source>Village official</source>
        <translation>Perangkat Desa</translation>
    </message>
    <message>
        <source>Village head</source>
        <translation>Kepala Desa</translation>
    </message>
    <message>
        <source>Nun</source>
        <translation>Biarawati</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Wiraswasta</translation>
    </message>
    <message>
        <source>No permanent job</source>
        <translation>Tidak Mempunyai Pekerjaan Tetap</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>AB</source>
        <translation>AB</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>A-</source>
        <translation>A-</translation>
    </message>
    <message>
        <source>B+</source>
        <translation>B+</translation>
    </message>
    <message>
        <source>B-</source>
        <translation>B-</translation>
    </message>
    <message>
        <source>AB+</source>
        <translation>AB+</translation>
    </message>
    <message>
        <source>AB-</source>
        <translation>AB-</translation>
    </message>
    <message>
        <source>O+</source>
        <translation>O+</translation>
    </message>
    <message>
        <source>O-</source>
        <translation>O-</translation>
    </message>
    <message>
        <source>Unknown blood type</source>
        <translation>Tidak Tahu</translation>
    </message>
    <message>
        <source>Islam</source>
        <translation>Islam</translation>
    </message>
    <message>
        <source>Protestant Christianity</source>
        <translation>Kristen</translation>
    </message>
    <message>
        <source>Catholicism</source>
        <translation>Katolik</translation>
    </message>
    <message>
        <source>Hinduism</source>
        <translation>Hindu</translation>
    </message>
    <message>
        <source>Buddhism</source>
        <translation>Buddha</translation>
    </message>
    <message>
        <source>Confucianism</source>
        <translation>Khonghucu</translation>
    </message>
    <message>
        <source>Belief in One Almighty God (Kepercayaan)</source>
        <translation>Kepercayaan Terhadap Tuhan YME</translation>
    </message>
    <message>
        <source>Not married</source>
        <translation>Belum Kawin</translation>
    </message>
    <message>
        <source>Married, registered</source>
        <translation>Kawin Tercatat</translation>
    </message>
    <message>
        <source>Married, not registered</source>
        <translation>Kawin Belum Tercatat</translation>
    </message>
    <message>
        <source>Divorced, registered</source>
        <translation>Cerai Hidup Tercatat</translation>
    </message>
    <message>
        <source>Divorced, not registered</source>
        <translation>Cerai Hidup Belum Tercatat</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>Cerai Mati</translation>
    </message>
    <message>
        <source>Head of family</source>
        <translation>Kepala Keluarga</translation>
    </message>
    <message>
        <source>Husband</source>
        <translation>Suami</translation>
    </message>
    <message>
        <source>Wife</source>
        <translation>Istri</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Anak</translation>
    </message>
    <message>
        <source>Child-in-law</source>
        <translation>Menantu</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Cucu</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Orang Tua</translation>
    </message>
    <message>
        <source>Parent-in-law</source>
        <translation>Mertua</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Famili Lain</translation>
    </message>
    <message>
        <source>Household helper</source>
        <translation>Pembantu</translation>
    </message>
    <message>
        <source>Other relationship</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>No schooling / not yet in school</source>
        <translation>Tidak/Belum Sekolah</translation>
    </message>
    <message>
        <source>Primary school not finished</source>
        <translation>Belum Tamat SD/Sederajat</translation>
    </message>
    <message>
        <source>Primary school or equivalent</source>
        <translation>Tamat SD/Sederajat</translation>
    </message>
    <message>
        <source>Junior secondary school or equivalent</source>
        <translation>SLTP/Sederajat</translation>
    </message>
    <message>
        <source>Senior secondary school or equivalent</source>
        <translation>SLTA/Sederajat</translation>
    </message>
    <message>
        <source>Diploma I/II</source>
        <translation>Diploma I/II</translation>
    </message>
    <message>
        <source>Academy / Diploma III / Associate degree</source>
        <translation>Akademi/Diploma III/Sarjana Muda</translation>
    </message>
    <message>
        <source>Diploma IV / Bachelor&apos;s degree</source>
        <translation>Diploma IV/Strata I</translation>
    </message>
    <message>
        <source>Master&apos;s degree</source>
        <translation>Strata II</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>Strata III</translation>
    </message>
    <message>
        <source>Physical disability</source>
        <translation>Cacat Fisik</translation>
    </message>
    <message>
        <source>Visual impairment / blind</source>
        <translation>Cacat Netra/Buta</translation>
    </message>
    <message>
        <source>Hearing / speech impairment</source>
        <translation>Cacat Rungu/Wicara</translation>
    </message>
    <message>
        <source>Mental / psychosocial disability</source>
        <translation>Cacat Mental/Jiwa</translation>
    </message>
    <message>
        <source>Physical and mental disability</source>
        <translation>Cacat Fisik dan Mental</translation>
    </message>
    <message>
        <source>Other disability</source>
        <translation>Cacat Lainnya</translation>
    </message>
    <message>
        <source>Indonesian citizen (WNI)</source>
        <translation>WNI</translation>
    </message>
    <message>
        <source>Foreign citizen (WNA)</source>
        <translation>WNA</translation>
    </message>
    <message>
        <source>Hospital / maternity home (RS/RB)</source>
        <translation>RS/RB</translation>
    </message>
    <message>
        <source>Puskesmas</source>
        <translation>Puskesmas</translation>
    </message>
    <message>
        <source>Village maternity post (Polindes)</source>
        <translation>Polindes</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Rumah</translation>
    </message>
    <message>
        <source>Other place of birth</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Single birth</source>
        <translation>Tunggal</translation>
    </message>
    <message>
        <source>Twins (2)</source>
        <translation>Kembar 2</translation>
    </message>
    <message>
        <source>Triplets (3)</source>
        <translation>Kembar 3</translation>
    </message>
    <message>
        <source>Quadruplets (4)</source>
        <translation>Kembar 4</translation>
    </message>
    <message>
        <source>Other birth type</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Midwife / nurse</source>
        <translation>Bidan/Perawat</translation>
    </message>
    <message>
        <source>Traditional birth attendant (dukun)</source>
        <translation>Dukun</translation>
    </message>
    <message>
        <source>Other birth attendant</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Rumah Sakit</translation>
    </message>
    <message>
        <source>Village head (birth at home)</source>
        <translation>Kepala Desa/Lurah (kelahiran di rumah)</translation>
    </message>
    <message>
        <source>Marriage book (buku nikah)</source>
        <translation>Buku Nikah</translation>
    </message>
    <message>
        <source>Marriage certificate (akta perkawinan)</source>
        <translation>Kutipan Akta Perkawinan</translation>
    </message>
    <message>
        <source>Examined</source>
        <translation>Diperiksa</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Tidak ada di tempat</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Menolak</translation>
    </message>
    <message>
        <source>Not capable of being examined</source>
        <translation>Tidak dapat diperiksa</translation>
    </message>
    <message>
        <source>6/12 or better</source>
        <translation>6/12 atau lebih baik</translation>
    </message>
    <message>
        <source>Less than 6/12 to 6/18</source>
        <translation>Kurang dari 6/12 sampai 6/18</translation>
    </message>
    <message>
        <source>Less than 6/18 to 6/60</source>
        <translation>Kurang dari 6/18 sampai 6/60</translation>
    </message>
    <message>
        <source>Less than 6/60 to 3/60</source>
        <translation>Kurang dari 6/60 sampai 3/60</translation>
    </message>
    <message>
        <source>Less than 3/60 to 1/60</source>
        <translation>Kurang dari 3/60 sampai 1/60</translation>
    </message>
    <message>
        <source>Light perception</source>
        <translation>Persepsi cahaya (1/~)</translation>
    </message>
    <message>
        <source>No light perception</source>
        <translation>Tidak ada persepsi cahaya (0)</translation>
    </message>
    <message>
        <source>Normal lens</source>
        <translation>Lensa normal</translation>
    </message>
    <message>
        <source>Obvious lens opacity</source>
        <translation>Kekeruhan lensa jelas</translation>
    </message>
    <message>
        <source>Aphakia</source>
        <translation>Afakia</translation>
    </message>
    <message>
        <source>Pseudophakia without PCO</source>
        <translation>Pseudofakia tanpa PCO</translation>
    </message>
    <message>
        <source>Pseudophakia with PCO</source>
        <translation>Pseudofakia dengan PCO</translation>
    </message>
    <message>
        <source>No view of the lens</source>
        <translation>Lensa tidak dapat dilihat</translation>
    </message>
    <message>
        <source>Refractive error</source>
        <translation>Kelainan refraksi</translation>
    </message>
    <message>
        <source>Uncorrected aphakia</source>
        <translation>Afakia tidak dikoreksi</translation>
    </message>
    <message>
        <source>Untreated cataract</source>
        <translation>Katarak belum dioperasi</translation>
    </message>
    <message>
        <source>Cataract surgical complications</source>
        <translation>Komplikasi operasi katarak</translation>
    </message>
    <message>
        <source>Trachomatous corneal opacity</source>
        <translation>Kekeruhan kornea akibat trakoma</translation>
    </message>
    <message>
        <source>Other corneal opacity</source>
        <translation>Kekeruhan kornea lainnya</translation>
    </message>
    <message>
        <source>Phthisis</source>
        <translation>Ftisis bulbi</translation>
    </message>
    <message>
        <source>Onchocerciasis</source>
        <translation>Onkoserkiasis</translation>
    </message>
    <message>
        <source>Glaucoma</source>
        <translation>Glaukoma</translation>
    </message>
    <message>
        <source>Diabetic retinopathy</source>
        <translation>Retinopati diabetik</translation>
    </message>
    <message>
        <source>Age-related macular degeneration</source>
        <translation>Degenerasi makula terkait usia</translation>
    </message>
    <message>
        <source>Other posterior segment disease</source>
        <translation>Kelainan segmen posterior lainnya</translation>
    </message>
    <message>
        <source>Other globe / central nervous system disease</source>
        <translation>Kelainan bola mata / saraf pusat lainnya</translation>
    </message>
    <message>
        <source>Need not felt</source>
        <translation>Merasa tidak perlu</translation>
    </message>
    <message>
        <source>Fear of surgery</source>
        <translation>Takut operasi</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <source>Treatment denied by provider</source>
        <translation>Ditolak oleh fasilitas kesehatan</translation>
    </message>
    <message>
        <source>Unaware that treatment is possible</source>
        <translation>Tidak tahu bahwa bisa diobati</translation>
    </message>
    <message>
        <source>Cannot access treatment</source>
        <translation>Tidak dapat menjangkau layanan</translation>
    </message>
    <message>
        <source>Other barrier</source>
        <translation>Hambatan lain</translation>
    </message>
    <message>
        <source>No visual impairment</source>
        <translation>Tidak ada gangguan penglihatan</translation>
    </message>
    <message>
        <source>Mild visual impairment</source>
        <translation>Gangguan penglihatan ringan</translation>
    </message>
    <message>
        <source>Moderate visual impairment</source>
        <translation>Gangguan penglihatan sedang</translation>
    </message>
    <message>
        <source>Severe visual impairment</source>
        <translation>Gangguan penglihatan berat</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Buta</translation>
    </message>
    <message>
        <source>Right eye</source>
        <translation>Mata kanan</translation>
    </message>
    <message>
        <source>Left eye</source>
        <translation>Mata kiri</translation>
    </message>
    <message>
        <source>Both eyes</source>
        <translation>Kedua mata</translation>
    </message>
    <message>
        <source>Active BPJS membership</source>
        <translation>Peserta BPJS aktif</translation>
    </message>
    <message>
        <source>Inactive BPJS membership</source>
        <translation>Peserta BPJS tidak aktif</translation>
    </message>
    <message>
        <source>No BPJS membership</source>
        <translation>Bukan peserta BPJS</translation>
    </message>
</context>
</TS>
