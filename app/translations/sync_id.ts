<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>ConflictDialog</name>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>Two versions of {name}</source>
        <translation>Dua versi data {name}</translation>
    </message>
    <message>
        <source>{name} · {kind}</source>
        <translation>{name} · {kind}</translation>
    </message>
    <message>
        <source>This record was changed on this laptop and on the server (for example by the office) before the two could meet ({when}). Choose which version to keep. Nothing is lost: the version you do not keep stays in the record&apos;s history.</source>
        <translation>Data ini diubah di laptop ini dan di server (misalnya oleh kantor) sebelum keduanya sempat bertemu ({when}). Pilih versi yang dipakai. Tidak ada yang hilang: versi yang tidak dipilih tetap tersimpan di riwayat data.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in yellow differ.</source>
        <translation>
            <numerusform>%n baris kuning berbeda.</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Pakai</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Pakai versi laptop ini</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version</source>
        <translation>Pakai versi server</translation>
    </message>
    <message>
        <source>Keep the values chosen per field</source>
        <translation>Pakai pilihan per kolom</translation>
    </message>
    <message>
        <source>It is sent to the server again at the next sync.</source>
        <translation>Versi ini dikirim lagi ke server pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>This laptop takes the server&apos;s values; nothing is sent.</source>
        <translation>Laptop ini mengambil isi dari server; tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Putuskan nanti</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>Catatan supervisor</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol this laptop</source>
        <translation>Daftarkan laptop ini</translation>
    </message>
    <message>
        <source>Ask the administrator for the server address and a one-time enrolment code. The code works once; after that this laptop sends and receives data by itself.</source>
        <translation>Minta alamat server dan kode pendaftaran sekali pakai kepada administrator. Kode hanya berlaku sekali; setelah itu laptop ini mengirim dan menerima data dengan sendirinya.</translation>
    </message>
    <message>
        <source>e.g. 7KQ2-M9XD-4HTW-R3PN</source>
        <translation>mis. 7KQ2-M9XD-4HTW-R3PN</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Kode pendaftaran</translation>
    </message>
    <message>
        <source>Name of this laptop</source>
        <translation>Nama laptop ini</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Daftarkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Fill in the server address, the code and the name of this laptop.</source>
        <translation>Isi alamat server, kode, dan nama laptop ini.</translation>
    </message>
    <message>
        <source>The server address starts with https:// (as the administrator wrote it).</source>
        <translation>Alamat server diawali https:// (sesuai yang ditulis administrator).</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Mendaftarkan…</translation>
    </message>
    <message>
        <source>The enrolment code is wrong, has expired or was already used. Check it, or ask the administrator for a new one.</source>
        <translation>Kode pendaftaran salah, kedaluwarsa, atau sudah dipakai. Periksa lagi, atau minta kode baru kepada administrator.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the signal, then try again.</source>
        <translation>Server tidak dapat dihubungi. Periksa alamat dan sinyal, lalu coba lagi.</translation>
    </message>
    <message>
        <source>No Jemput Bola server answers at this address ({detail}). Check it with the administrator.</source>
        <translation>Tidak ada server Jemput Bola di alamat ini ({detail}). Periksa bersama administrator.</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Save to USB stick…</source>
        <translation>Simpan ke flashdisk…</translation>
    </message>
    <message>
        <source>Open a file from the stick…</source>
        <translation>Buka berkas dari flashdisk…</translation>
    </message>
    <message>
        <source>Save this file again…</source>
        <translation>Simpan ulang berkas ini…</translation>
    </message>
    <message>
        <source>The stick was lost: the same records in a new file.</source>
        <translation>Flashdisk hilang: catatan yang sama dalam berkas baru.</translation>
    </message>
    <message>
        <source>Write a receipt…</source>
        <translation>Tulis tanda terima…</translation>
    </message>
    <message>
        <source>After reviewing: the decisions go back to the officer on the stick.</source>
        <translation>Setelah diperiksa: keputusan kembali ke petugas lewat flashdisk.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>Dari / ke</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>No signal? Save your work to a USB stick for your supervisor. The file is signed by this laptop and only your supervisor&apos;s laptop and the central office can open it.</source>
        <translation>Tidak ada sinyal? Simpan pekerjaan ke flashdisk untuk supervisor. Berkas ditandatangani laptop ini dan hanya laptop supervisor dan kantor pusat yang dapat membukanya.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) not handed over yet.</source>
        <translation>
            <numerusform>%n catatan belum diserahkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Receipt {n}</source>
        <translation>Tanda terima {n}</translation>
    </message>
    <message>
        <source>File {n}</source>
        <translation>Berkas {n}</translation>
    </message>
    <message>
        <source>for {name}</source>
        <translation>untuk {name}</translation>
    </message>
    <message>
        <source>to {name}</source>
        <translation>ke {name}</translation>
    </message>
    <message>
        <source>to the central office</source>
        <translation>ke kantor pusat</translation>
    </message>
    <message>
        <source>received by the supervisor</source>
        <translation>sudah diterima supervisor</translation>
    </message>
    <message>
        <source>handed over, no receipt yet</source>
        <translation>diserahkan, belum ada tanda terima</translation>
    </message>
    <message>
        <source>opened here</source>
        <translation>dibuka di sini</translation>
    </message>
    <message>
        <source>written here</source>
        <translation>ditulis di sini</translation>
    </message>
    <message>
        <source>Choose the USB stick</source>
        <translation>Pilih flashdisk</translation>
    </message>
    <message>
        <source>Open a hand-over file</source>
        <translation>Buka berkas serah terima</translation>
    </message>
    <message>
        <source>Hand-over files</source>
        <translation>Berkas serah terima</translation>
    </message>
    <message>
        <source>Saving to the stick…</source>
        <translation>Menyimpan ke flashdisk…</translation>
    </message>
    <message>
        <source>Opening the receipt…</source>
        <translation>Membuka tanda terima…</translation>
    </message>
    <message>
        <source>Checking and opening the file…</source>
        <translation>Memeriksa dan membuka berkas…</translation>
    </message>
    <message>
        <source>Writing the receipt…</source>
        <translation>Menulis tanda terima…</translation>
    </message>
    <message>
        <source>File {n} saved: {records} record(s), {files} photo(s) or document(s) in {path}.</source>
        <translation>Berkas {n} disimpan: {records} catatan, {files} foto atau dokumen di {path}.</translation>
    </message>
    <message>
        <source>Give the stick to {name}.</source>
        <translation>Serahkan flashdisk kepada {name}.</translation>
    </message>
    <message>
        <source>File {n} from {name} was already opened on this laptop: nothing changed.</source>
        <translation>Berkas {n} dari {name} sudah pernah dibuka di laptop ini: tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>File {n} from {name} opened: {new} new record(s), {updated} updated, {files} photo(s) or document(s). They are in the review queue.</source>
        <translation>Berkas {n} dari {name} dibuka: {new} catatan baru, {updated} diperbarui, {files} foto atau dokumen. Semuanya ada di antrean pemeriksaan.</translation>
    </message>
    <message>
        <source>A receipt for the officer was written to the stick: {path}.</source>
        <translation>Tanda terima untuk petugas sudah ditulis ke flashdisk: {path}.</translation>
    </message>
    <message>
        <source>This receipt was already opened: nothing changed.</source>
        <translation>Tanda terima ini sudah pernah dibuka: tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>Receipt from {name}: {confirmed} record(s) arrived, {decisions} decision(s) applied.</source>
        <translation>Tanda terima dari {name}: {confirmed} catatan sudah sampai, {decisions} keputusan diterapkan.</translation>
    </message>
    <message>
        <source>Receipt written to {path}. Give the stick back to the officer.</source>
        <translation>Tanda terima ditulis ke {path}. Kembalikan flashdisk kepada petugas.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Not connected to a server</source>
        <translation>Belum terhubung ke server</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n record(s) waiting</source>
        <translation>
            <numerusform>Offline · %n data menunggu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n data menunggu dikirim</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Tersinkron {time}</translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation>Tidak ada data yang menunggu</translation>
    </message>
    <message>
        <source>Sync cancelled. What was sent stays sent; the rest goes next time.</source>
        <translation>Sinkronisasi dibatalkan. Yang sudah terkirim tetap terkirim; sisanya dikirim lain kali.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Enrol this laptop…</source>
        <translation>Daftarkan laptop ini…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>records waiting to be sent</source>
        <translation>data menunggu dikirim</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Why the server did not accept it</source>
        <translation>Alasan server tidak menerima</translation>
    </message>
    <message>
        <source>Noticed</source>
        <translation>Diketahui</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Kolom yang berbeda</translation>
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
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Perubahan masuk</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Double-click a record to open it. It is sent again once it has been corrected.</source>
        <translation>Klik dua kali untuk membuka data. Data dikirim lagi setelah diperbaiki.</translation>
    </message>
    <message>
        <source>Double-click to compare the two versions and choose. Until then the record is not sent.</source>
        <translation>Klik dua kali untuk membandingkan kedua versi dan memilih. Sampai saat itu data ini tidak dikirim.</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>Catatan sinkronisasi</translation>
    </message>
    <message>
        <source>USB stick (no signal)</source>
        <translation>Flashdisk (tanpa sinyal)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>This laptop is not enrolled with a server yet. Enrol it once, with the code from the administrator.</source>
        <translation>Laptop ini belum didaftarkan ke server. Daftarkan sekali, dengan kode dari administrator.</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>belum diperiksa</translation>
    </message>
    <message>
        <source>Server: {url} · {state}</source>
        <translation>Server: {url} · {state}</translation>
    </message>
    <message>
        <source>Enrol again…</source>
        <translation>Daftarkan ulang…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Menghubungi server…</translation>
    </message>
    <message>
        <source>Sending {done}/{total} records · {up} sent</source>
        <translation>Mengirim {done}/{total} data · {up} terkirim</translation>
    </message>
    <message>
        <source>Sending photos and documents {done}/{total} · {up} sent</source>
        <translation>Mengirim foto dan dokumen {done}/{total} · {up} terkirim</translation>
    </message>
    <message>
        <source>Receiving the team&apos;s photos and documents {done}/{total} · {down} received</source>
        <translation>Menerima foto dan dokumen tim {done}/{total} · {down} diterima</translation>
    </message>
    <message>
        <source>Receiving changes from the server · {down} received</source>
        <translation>Menerima perubahan dari server · {down} diterima</translation>
    </message>
    <message>
        <source>Logging in to the server…</source>
        <translation>Masuk ke server…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Menyelesaikan…</translation>
    </message>
    <message>
        <source>Last sync: {sent} sent, {accepted} accepted, {rejected} not accepted, {conflicts} conflicts, {pulled} changes received · {up} sent, {down} received</source>
        <translation>Sinkronisasi terakhir: {sent} dikirim, {accepted} diterima, {rejected} ditolak, {conflicts} konflik, {pulled} perubahan diterima · {up} terkirim, {down} diterima</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Berhenti setelah langkah ini…</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak server</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Not accepted ({n})</source>
        <translation>Ditolak ({n})</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>Konflik ({n})</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>Catatan supervisor</translation>
    </message>
</context>
<context>
    <name>TransportDialog</name>
    <message>
        <source>Province certificate pinned</source>
        <translation>Sertifikat provinsi dipasang</translation>
    </message>
    <message>
        <source>System certificate authorities</source>
        <translation>Otoritas sertifikat sistem</translation>
    </message>
    <message>
        <source>plain HTTP allowed (not safe)</source>
        <translation>HTTP tanpa enkripsi diizinkan (tidak aman)</translation>
    </message>
    <message>
        <source>HTTPS only</source>
        <translation>Hanya HTTPS</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>Keamanan koneksi</translation>
    </message>
    <message>
        <source>Allow plain HTTP to other machines (passwords and data travel unencrypted)</source>
        <translation>Izinkan HTTP tanpa enkripsi ke komputer lain (kata sandi dan data dikirim tanpa enkripsi)</translation>
    </message>
    <message>
        <source>Pinned: the province&apos;s certificate</source>
        <translation>Terpasang: sertifikat provinsi</translation>
    </message>
    <message>
        <source>Not pinned: the system&apos;s certificate authorities are trusted</source>
        <translation>Tidak dipasang: otoritas sertifikat sistem dipercaya</translation>
    </message>
    <message>
        <source>Choose certificate…</source>
        <translation>Pilih sertifikat…</translation>
    </message>
    <message>
        <source>Trust the system again</source>
        <translation>Percayai sistem lagi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The laptop gives the server its key and the officers&apos; passwords: only an administrator changes this.</source>
        <translation>Laptop menyerahkan kuncinya dan kata sandi petugas ke server: hanya administrator yang mengubah ini.</translation>
    </message>
    <message>
        <source>The province&apos;s certificate</source>
        <translation>Sertifikat provinsi</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Sertifikat (*.pem *.crt)</translation>
    </message>
    <message>
        <source>To pin: %1</source>
        <translation>Akan dipasang: %1</translation>
    </message>
</context>
</TS>
