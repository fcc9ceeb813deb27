<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>The file for &quot;{label}&quot; is not a picture this laptop can show.</source>
        <translation>Berkas &quot;{label}&quot; bukan gambar yang dapat ditampilkan laptop ini.</translation>
    </message>
    <message>
        <source>No photos or documents yet.</source>
        <translation>Belum ada foto atau dokumen.</translation>
    </message>
    <message>
        <source>Photo from file…</source>
        <translation>Foto dari berkas…</translation>
    </message>
    <message>
        <source>Photo from camera</source>
        <translation>Foto dari kamera</translation>
    </message>
    <message>
        <source>Scanned document</source>
        <translation>Dokumen pindaian</translation>
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
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>Tambah:</translation>
    </message>
    <message>
        <source>File missing or damaged</source>
        <translation>Berkas hilang atau rusak</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Save the form first, then add photos and documents.</source>
        <translation>Simpan formulir dulu, lalu tambahkan foto dan dokumen.</translation>
    </message>
    <message>
        <source>Photos ({patterns})</source>
        <translation>Foto ({patterns})</translation>
    </message>
    <message>
        <source>Scans: photos or PDF ({patterns})</source>
        <translation>Hasil pindai: foto atau PDF ({patterns})</translation>
    </message>
    <message>
        <source>Remove &quot;{name}&quot; from this record?</source>
        <translation>Hapus &quot;{name}&quot; dari data ini?</translation>
    </message>
</context>
<context>
    <name>CameraCapture</name>
    <message>
        <source>No camera was found on this laptop. Take the photo with a phone or camera and add it with &quot;Photo from file&quot;.</source>
        <translation>Tidak ada kamera di laptop ini. Ambil foto dengan HP atau kamera, lalu tambahkan lewat &quot;Foto dari berkas&quot;.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Ambil foto</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Ambil foto</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The camera is not ready yet. Wait a moment and try again.</source>
        <translation>Kamera belum siap. Tunggu sebentar lalu coba lagi.</translation>
    </message>
    <message>
        <source>The camera did not give a photo: {reason}</source>
        <translation>Kamera tidak menghasilkan foto: {reason}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>PDF ini tidak dapat ditampilkan.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>PhotoImport</name>
    <message>
        <source>&quot;{name}&quot; is not a photo or a PDF, so it was not added. Choose a JPEG or PNG photo or a PDF scan.</source>
        <translation>&quot;{name}&quot; bukan foto atau PDF, jadi tidak ditambahkan. Pilih foto JPEG atau PNG, atau hasil pindai PDF.</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is too big ({size} MB) to be a photo or a scan, so it was not added.</source>
        <translation>&quot;{name}&quot; terlalu besar ({size} MB) untuk foto atau hasil pindai, jadi tidak ditambahkan.</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; could not be read: {reason}</source>
        <translation>&quot;{name}&quot; tidak dapat dibaca: {reason}</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Kertas:</translation>
    </message>
    <message>
        <source>The printer did not accept the receipt. Check that it is on and has paper, or save the receipt as a PDF.</source>
        <translation>Printer tidak menerima tanda terima. Periksa printer menyala dan ada kertasnya, atau simpan tanda terima sebagai PDF.</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Simpan tanda terima sebagai PDF</translation>
    </message>
    <message>
        <source>The receipt could not be saved to {path}. Choose another folder or a USB stick.</source>
        <translation>Tanda terima tidak dapat disimpan ke {path}. Pilih folder lain atau flashdisk.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>ReceiptLayout</name>
    <message>
        <source>A5 sheet (148 × 210 mm)</source>
        <translation>Kertas A5 (148 × 210 mm)</translation>
    </message>
    <message>
        <source>A6 sheet (105 × 148 mm)</source>
        <translation>Kertas A6 (105 × 148 mm)</translation>
    </message>
    <message>
        <source>Thermal roll 58 mm</source>
        <translation>Kertas thermal 58 mm</translation>
    </message>
    <message>
        <source>Thermal roll 80 mm</source>
        <translation>Kertas thermal 80 mm</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
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
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kel.</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Langkah selanjutnya</translation>
    </message>
    <message>
        <source>Come back</source>
        <translation>Datang kembali</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>mulai {date}</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>pada {date}</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Perihal</translation>
    </message>
    <message>
        <source>at {place}</source>
        <translation>di {place}</translation>
    </message>
    <message>
        <source>Digitally signed: the QR code can be checked</source>
        <translation>Ditandatangani secara digital: kode QR dapat diperiksa</translation>
    </message>
    <message>
        <source>Not signed yet: this laptop has no key from the province (before its first sync). The QR code only gives the number.</source>
        <translation>Belum bertanda tangan: laptop ini belum punya kunci dari provinsi (sebelum sinkron pertama). Kode QR hanya memuat nomor.</translation>
    </message>
    <message>
        <source>Keep this receipt. To ask about the status, give its number or show its code to an officer.</source>
        <translation>Simpan tanda terima ini. Untuk menanyakan status, sebutkan nomornya atau tunjukkan kodenya kepada petugas.</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Thumbprint</source>
        <translation>Cap jempol</translation>
    </message>
    <message>
        <source>Press the thumb on the touch screen or pad and roll it gently, or import a photo or scan of an inked thumbprint.</source>
        <translation>Tekan jempol pada layar sentuh atau pad lalu gulirkan perlahan, atau ambil foto/pindaian cap jempol bertinta.</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>Sign above the line with a finger, a pen or the mouse.</source>
        <translation>Tanda tangani di atas garis dengan jari, pena, atau mouse.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Bersihkan</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
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
        <source>Import image…</source>
        <translation>Ambil dari gambar…</translation>
    </message>
    <message>
        <source>Thumbprint image</source>
        <translation>Gambar cap jempol</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is not an image. Choose a JPEG or PNG file.</source>
        <translation>&quot;{name}&quot; bukan gambar. Pilih berkas JPEG atau PNG.</translation>
    </message>
</context>
</TS>
