// Errno codes in words, for the messages that would otherwise print Node's raw "ELOOP: too many
// symbolic links encountered, stat '…'". Kept apart from fs-safe so the CLI's last line of defence
// can use it without loading the file layer.
import { type Message, msg, t } from "../i18n/index.js";

/** What an errno code means, in the user's language (for messages that would otherwise show "ELOOP: …"). */
const ERRNO: Record<string, Message> = {
  ELOOP: msg("tautan simbolik berputar", "a symbolic link loops"),
  ENOENT: msg("tidak ada", "does not exist"),
  ENOTDIR: msg("bagian jalurnya bukan folder", "part of the path is not a folder"),
  EISDIR: msg("itu folder, bukan berkas", "it is a folder, not a file"),
  EACCES: msg("izin ditolak", "permission denied"),
  EPERM: msg("tidak diizinkan (atau sedang dikunci program lain)", "not permitted (or locked by another program)"),
  EROFS: msg("disknya hanya-baca", "the disk is read-only"),
  ENOSPC: msg("ruang disk habis", "the disk is full"),
  EDQUOT: msg("kuota disk habis", "the disk quota is used up"),
  EBUSY: msg("sedang dipakai program lain", "in use by another program"),
  EEXIST: msg("sudah ada", "already exists"),
  ENOTEMPTY: msg("foldernya tidak kosong", "the folder is not empty"),
  ENAMETOOLONG: msg("nama atau jalurnya terlalu panjang", "the name or path is too long"),
  EMFILE: msg("terlalu banyak berkas terbuka", "too many open files"),
  ENFILE: msg("terlalu banyak berkas terbuka", "too many open files"),
  EIO: msg("kesalahan baca/tulis disk", "a disk input/output error"),
  EXDEV: msg("tidak dapat dipindah antar-disk", "cannot be moved between disks"),
  EINVAL: msg("argumen tidak sah untuk berkas ini", "an invalid argument for this file"),
  ENXIO: msg("bukan berkas biasa (FIFO/perangkat)", "not a regular file (FIFO/device)"),
  EAGAIN: msg("bukan berkas biasa (FIFO/perangkat)", "not a regular file (FIFO/device)"),
};

/** "tautan simbolik berputar (ELOOP)": an errno code explained, the code kept for whoever searches it. */
export function describeErrno(code: string | undefined): string {
  if (!code) return "?";
  const known = ERRNO[code];
  return known ? `${t(known)} (${code})` : code;
}
