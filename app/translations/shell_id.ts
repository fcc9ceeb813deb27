<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>GuardrailCard</name>
    <message>
        <source>Waiting for review</source>
        <translation>Menunggu pemeriksaan</translation>
    </message>
    <message>
        <source>Not handed over yet</source>
        <translation>Belum diserahkan</translation>
    </message>
    <message>
        <source>Days since the last hand-over</source>
        <translation>Hari sejak penyerahan</translation>
    </message>
    <message>
        <source>{count} of {limit}</source>
        <translation>{count} dari {limit}</translation>
    </message>
    <message>
        <source>New registrations are blocked</source>
        <translation>Pendaftaran baru diblokir</translation>
    </message>
    <message numerus="yes">
        <source>%n more day(s) before new registrations are blocked</source>
        <translation>
            <numerusform>%n hari lagi sebelum pendaftaran baru diblokir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more before new registrations are blocked</source>
        <translation>
            <numerusform>%n lagi sebelum pendaftaran baru diblokir</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Drafts to finish</source>
        <translation>Draf belum selesai</translation>
    </message>
    <message>
        <source>Waiting for supervisor</source>
        <translation>Menunggu supervisor</translation>
    </message>
    <message>
        <source>Sent to supervisor today</source>
        <translation>Dikirim ke supervisor hari ini</translation>
    </message>
    <message>
        <source>Returned to you for correction</source>
        <translation>Dikembalikan untuk diperbaiki</translation>
    </message>
    <message>
        <source>No drafts. Everything you started is finished.</source>
        <translation>Tidak ada draf. Semua yang Anda mulai sudah selesai.</translation>
    </message>
    <message>
        <source>Continue a draft</source>
        <translation>Lanjutkan draf</translation>
    </message>
    <message>
        <source>News from central</source>
        <translation>Kabar dari pusat</translation>
    </message>
    <message>
        <source>Hello, {name}</source>
        <translation>Halo, {name}</translation>
    </message>
    <message>
        <source>New registrations are blocked</source>
        <translation>Pendaftaran baru diblokir</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>no NIK yet</source>
        <translation>belum ada NIK</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>small letters, e.g. siti.aminah</source>
        <translation>huruf kecil, mis. siti.aminah</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>minimal {n} karakter</translation>
    </message>
    <message>
        <source>Administrator accounts come from the server when the laptop is enrolled.</source>
        <translation>Akun administrator datang dari server saat laptop didaftarkan.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <source>Log in with your own account. It works without a signal.</source>
        <translation>Masuk dengan akun Anda sendiri. Bisa tanpa sinyal.</translation>
    </message>
    <message>
        <source>First account</source>
        <translation>Akun pertama</translation>
    </message>
    <message>
        <source>Create the first account on this laptop</source>
        <translation>Buat akun pertama di laptop ini</translation>
    </message>
    <message>
        <source>This laptop has no account yet. The person who will use it creates one here. Remember the password: it is needed every time the app starts.</source>
        <translation>Laptop ini belum punya akun. Orang yang akan memakainya membuat akun di sini. Ingat kata sandinya: diperlukan setiap kali aplikasi dibuka.</translation>
    </message>
    <message>
        <source>Fill in the username and the password.</source>
        <translation>Isi nama pengguna dan kata sandi.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>
            <numerusform>Terlalu banyak kata sandi salah. Coba lagi dalam %n detik.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Pendaftaran baru</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Perangkat {id}</translation>
    </message>
    <message>
        <source>Logged in: {name} ({role})</source>
        <translation>Masuk sebagai: {name} ({role})</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Belum tersimpan</translation>
    </message>
    <message>
        <source>What you typed in this form is not saved yet:
{reason}

Stay on the form to keep it: it is saved as soon as it can be. Leaving now loses it.</source>
        <translation>Isian di formulir ini belum tersimpan:
{reason}

Tetap di formulir agar isian tidak hilang: isian disimpan begitu bisa. Jika keluar sekarang, isian hilang.</translation>
    </message>
    <message>
        <source>Stay on the form</source>
        <translation>Tetap di formulir</translation>
    </message>
    <message>
        <source>Leave and lose it</source>
        <translation>Keluar, isian hilang</translation>
    </message>
    <message>
        <source>Log out, so that someone else can log in, or close the app? Everything is saved.</source>
        <translation>Keluar dari akun agar orang lain bisa masuk, atau tutup aplikasi? Semua data sudah tersimpan.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Keluar akun</translation>
    </message>
    <message>
        <source>Close the app</source>
        <translation>Tutup aplikasi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Finished records removed from this laptop (the server keeps them): {count}</source>
        <translation>Data selesai yang dihapus dari laptop ini (server tetap menyimpannya): {count}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>A new language takes effect the next time the app starts.</source>
        <translation>Bahasa baru berlaku saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Keep them all</source>
        <translation>Simpan semuanya</translation>
    </message>
    <message>
        <source>Remove finished records now</source>
        <translation>Hapus data yang sudah selesai sekarang</translation>
    </message>
    <message>
        <source>Records the server has finished leave this laptop after this many days unchanged.</source>
        <translation>Data yang sudah selesai di server dihapus dari laptop ini setelah sekian hari tanpa perubahan.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source>Then the login screen comes back, so that nobody else reads the records; what is typed is saved first.</source>
        <translation>Setelah itu layar masuk muncul lagi, agar tidak ada orang lain yang membaca data; isian yang sedang diketik disimpan dulu.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Keep finished records</source>
        <translation>Simpan data selesai</translation>
    </message>
    <message>
        <source>Lock when unused for</source>
        <translation>Kunci bila tidak dipakai selama</translation>
    </message>
    <message>
        <source>Enrol with a server…</source>
        <translation>Daftarkan ke server…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Berkas database</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>ID perangkat</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Versi aplikasi</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Not enrolled yet</source>
        <translation>Belum terdaftar</translation>
    </message>
    <message>
        <source>Enrol again…</source>
        <translation>Daftarkan ulang…</translation>
    </message>
    <message>
        <source>Saved. Close and open the app again to switch the language.</source>
        <translation>Tersimpan. Tutup lalu buka lagi aplikasi untuk mengganti bahasa.</translation>
    </message>
    <message>
        <source>Set how many days to keep finished records first: 0 keeps them all.</source>
        <translation>Isi dulu berapa hari data selesai disimpan: 0 berarti semuanya disimpan.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing to remove: no finished record is older than %n day(s).</source>
        <translation>
            <numerusform>Tidak ada yang dihapus: tidak ada data selesai yang lebih lama dari %n hari.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove finished records</source>
        <translation>Hapus data yang sudah selesai</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n finished record(s) from this laptop? The server keeps them.</source>
        <translation>
            <numerusform>Hapus %n data yang sudah selesai dari laptop ini? Server tetap menyimpannya.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed from this laptop — records: {count}, people: {persons}, files: {files}.</source>
        <translation>Dihapus dari laptop ini — data: {count}, orang: {persons}, berkas: {files}.</translation>
    </message>
</context>
<context>
    <name>UiErrors</name>
    <message>
        <source>Something went wrong: {detail}
What was saved before is safe. Try again; if it happens again, tell your supervisor.</source>
        <translation>Terjadi kesalahan: {detail}
Data yang sudah tersimpan tetap aman. Coba lagi; jika terulang, beri tahu supervisor Anda.</translation>
    </message>
</context>
</TS>
