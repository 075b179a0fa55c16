// The words of the browser app's pages, Indonesian first. Labels of fields use the words the
// documents and lokmin.yaml use (Nama, Alamat, NIP, Jabatan, Sasaran, Target …).
import { msg } from "../i18n/index.js";

export const T = {
  app: msg("lokmin", "lokmin"),
  tagline: msg("Lokakarya Mini Bulanan Puskesmas", "Puskesmas monthly mini-workshop"),
  skip: msg("Langsung ke isi halaman", "Skip to content"),
  navHome: msg("Beranda", "Home"),
  navSetup: msg("Pengaturan", "Settings"),
  navYear: msg("Setahun", "The year"),
  navDinas: msg("Semua Puskesmas", "All Puskesmas"),
  navMonths: msg("Bulan", "Months"),
  navNoMonths: msg("Belum ada bulan", "No months yet"),
  navNewMonth: msg("Bulan baru", "New month"),
  navStart: msg("Ganti folder data", "Change the data folder"),
  switchLang: msg("English", "Bahasa Indonesia"),
  save: msg("Simpan", "Simpan"),
  saved: msg("Tersimpan.", "Saved."),
  nothingChanged: msg("Tidak ada yang berubah.", "Nothing changed."),
  invalid: msg(
    "Belum disimpan: periksa isian yang bertanda di bawah, lalu klik Simpan lagi.",
    "Not saved: check the marked fields below, then click Simpan again.",
  ),
  conflictTitle: msg(
    "Belum disimpan: {file} diubah di tempat lain sejak halaman ini dibuka",
    "Not saved: {file} was changed elsewhere since this page was opened",
  ),
  conflictBody: msg(
    "Isian yang hanya Anda ubah, dan yang hanya diubah di tempat lain, sudah digabung. Untuk isian yang bertanda, " +
      "pilih nilai mana yang dipakai, lalu klik Simpan.",
    "Fields only you changed, and fields only changed elsewhere, are merged already. For each marked field, choose " +
      "which value to keep, then click Simpan.",
  ),
  conflictField: msg("Diubah juga di tempat lain.", "Also changed elsewhere."),
  conflictMine: msg("Pakai isian saya: {value}", "Keep mine: {value}"),
  conflictTheirs: msg("Pakai isi berkas sekarang: {value}", "Keep the file's: {value}"),
  conflictChoose: msg("pilih salah satu nilai", "choose one of the values"),
  rowRemovedHere: msg(
    "Anda menghapus baris ini, tetapi isinya diubah di tempat lain sejak halaman dibuka. Baris ini dibiarkan; hapus " +
      "lagi bila memang tidak diperlukan.",
    "You removed this row, but it was changed elsewhere since the page was opened. It is kept; remove it again if it " +
      "is really not needed.",
  ),
  rowRemovedThere: msg(
    "Baris ini dihapus di tempat lain sejak halaman dibuka. Klik Simpan untuk mempertahankannya, atau hapus barisnya.",
    "This row was removed elsewhere since the page was opened. Click Simpan to keep it, or remove the row.",
  ),
  empty: msg("(kosong)", "(empty)"),
  error: msg("Kesalahan", "Error"),
  warning: msg("Perhatian", "Note"),
  changedOnDisk: msg(
    "{file} baru saja diubah di luar halaman ini (jendela lain, perintah lokmin, atau git).",
    "{file} was just changed outside this page (another window, a lokmin command, or git).",
  ),
  changedOnDiskHow: msg(
    "Klik Simpan untuk menggabungkan isian Anda dengan isinya, atau muat ulang untuk melihat isi terbaru.",
    "Click Simpan to merge your entries with it, or reload to see the latest content.",
  ),
  reload: msg("Muat ulang", "Reload"),
  addRow: msg("Tambah baris", "Add a row"),
  removeRow: msg("Hapus", "Remove"),
  removeRowLabel: msg("Hapus baris {row}", "Remove row {row}"),
  newRow: msg("baris baru", "new row"),
  rowNumber: msg("baris {n}", "row {n}"),
  rowsRemoved: msg("(hanya baris yang dihapus)", "(only rows removed)"),
  none: msg("Tidak ada.", "None."),
  leaveWarning: msg("Ada isian yang belum disimpan.", "There are unsaved entries."),
  fileBroken: msg(
    "{file} tidak dapat dibaca, jadi halaman ini belum bisa menampilkan isiannya:",
    "{file} cannot be read, so this page cannot show its fields yet:",
  ),
  fileBrokenHow: msg(
    "Perbaiki berkasnya (misalnya di VS Code atau Notepad) di baris yang disebut, lalu muat ulang halaman ini.",
    "Fix the file (e.g. in VS Code or Notepad) at the line named, then reload this page.",
  ),
  fileBrokenKept: msg(
    "{file} tidak dapat dibaca, jadi tidak ada yang disimpan:",
    "{file} cannot be read, so nothing was saved:",
  ),
  fileBrokenKeptHow: msg(
    "Isian Anda tetap di bawah ini. Kembalikan atau perbaiki berkasnya, lalu tekan Simpan lagi (jangan muat ulang " +
      "halaman ini, isiannya akan hilang).",
    "What you entered is still below. Restore or fix the file, then press Simpan again (do not reload this page, " +
      "or the entries are gone).",
  ),
  notFound: msg("Halaman tidak ditemukan.", "Page not found."),
  backHome: msg("Kembali ke Beranda", "Back to Home"),
  serverError: msg(
    "Terjadi kesalahan di lokmin: {detail}. Tidak ada yang ditulis. Laporkan bila terulang.",
    "lokmin ran into an error: {detail}. Nothing was written. Report it if it happens again.",
  ),
};
