// Everything lokmin writes goes through here: YAML serialised the one canonical way, line
// endings and BOM of the original kept, and files replaced atomically so that nothing is ever
// half-written or lost: every byte written to a temporary file in the same folder (short writes
// retried), fsynced, the original's mode and owner copied, then renamed into place and the folder
// fsynced. A full disk, a file held open by Word, a read-only file, a folder where a file is
// wanted, or a file changed by another program since lokmin read it: each is a clear UserError
// and the original stays byte-for-byte as it was.
import {
  accessSync,
  lstatSync,
  realpathSync,
  chmodSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import type { Document, ToStringOptions } from "yaml";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { recordWritten } from "./committed.js";
import {
  checkFolder,
  describeErrno,
  describeFolderFailure,
  describeReadFailure,
  folderLabel,
  readRegularFile,
  tempPathFor,
} from "./fs-safe.js";
import type { YamlSource } from "./yaml-source.js";

export const YAML_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

const M = {
  exists: msg("{file} sudah ada; pakai --force untuk menimpanya", "{file} already exists; use --force to overwrite it"),
  existsKept: msg(
    "{file} sudah ada dan tidak ditimpa; pindahkan atau hapus berkas itu bila memang ingin dibuat ulang",
    "{file} already exists and was not overwritten; move or delete it if it should be made again",
  ),
  locked: msg(
    "{file} sedang dibuka atau dikunci program lain (mis. Word); tutup berkas itu lalu ulangi",
    "{file} is open or locked by another program (e.g. Word); close it and try again",
  ),
  isDir: msg("{file} adalah folder; pilih nama berkas lain", "{file} is a folder; choose another file name"),
  readOnly: msg(
    "tidak boleh menulis ke {file} ({code}); periksa izin folder",
    "not allowed to write {file} ({code}); check the folder's permissions",
  ),
  failed: msg("gagal menulis {file}: {detail}", "failed to write {file}: {detail}"),
  diskFull: msg(
    "ruang disk habis saat menulis {file}; kosongkan ruang lalu ulangi — berkas lama tidak berubah",
    "the disk is full while writing {file}; free some space and try again — the previous file is unchanged",
  ),
  diskFullNew: msg(
    "ruang disk habis saat menulis {file}; kosongkan ruang lalu ulangi — {file} tidak dibuat",
    "the disk is full while writing {file}; free some space and try again — {file} was not created",
  ),
  writeProtected: msg(
    "{file} dilindungi dari penulisan (hanya-baca) dan tidak diubah; buka proteksinya (Properties → hapus centang " +
      "Read-only) atau pakai --force untuk tetap menimpanya",
    "{file} is write-protected (read-only) and was left unchanged; remove the protection (Properties → untick " +
      "Read-only) or use --force to replace it anyway",
  ),
  readOnlyNoForce: msg(
    "{file} dilindungi dari penulisan (hanya-baca) dan tidak diubah; buka proteksinya (Windows: klik kanan → " +
      "Properties → hapus centang Read-only; Linux/macOS: chmod u+w {file}) lalu jalankan perintahnya lagi",
    "{file} is write-protected (read-only) and was left unchanged; remove the protection (Windows: right-click → " +
      "Properties → untick Read-only; Linux/macOS: chmod u+w {file}) and run the command again",
  ),
  linkOutside: msg(
    "{file} adalah tautan simbolik ke {target}, di luar folder workspace; lokmin tidak menulis ke luar workspace " +
      "lewat tautan — hapus tautan {file} (lokmin lalu membuat berkas biasa) atau pilih nama berkas lain",
    "{file} is a symbolic link to {target}, outside the workspace folder; lokmin does not write outside the " +
      "workspace through a link — delete the link {file} (lokmin then makes a regular file) or choose another name",
  ),
  changed: msg(
    "{file} diubah oleh program lain sejak lokmin membacanya; tidak ada yang ditulis — jalankan perintahnya lagi",
    "{file} was changed by another program since lokmin read it; nothing was written — run the command again",
  ),
  special: msg(
    "{file} bukan berkas biasa (FIFO/soket/perangkat); pilih nama berkas lain",
    "{file} is not a regular file (FIFO/socket/device); choose another file name",
  ),
  notAFolder: msg("{file} tidak dapat ditulis: {problem}", "{file} cannot be written: {problem}"),
};

/** Serialise a YAML document the canonical way, in the line endings and BOM of its source. */
export function serializeYaml(doc: Document, like?: Pick<YamlSource, "eol" | "bom">): string {
  let text = doc.toString(YAML_OPTIONS);
  if (like?.eol === "\r\n") text = text.replace(/\r?\n/g, "\r\n");
  return like?.bom ? `\uFEFF${text}` : text;
}

/**
 * Injection point for tests that simulate a failing or short write. `write` is handed the bytes
 * still to write and returns how many it wrote (undefined: all of them).
 */
export interface WriteOps {
  // biome-ignore lint/suspicious/noConfusingVoidType: an op that returns nothing wrote everything
  write(fd: number, data: Buffer): number | void;
  rename(from: string, to: string): void;
}
const realOps: WriteOps = { write: (fd, data) => writeSync(fd, data), rename: renameSync };
let ops: WriteOps = realOps;
export function setWriteOps(next: WriteOps | null): void {
  ops = next ?? realOps;
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an error. */
  overwrite: boolean;
  /** Label used in messages (workspace-relative path). */
  label?: string;
  /**
   * Replace an existing file even when it is write-protected (implies overwrite). Commands that have
   * a --force option pass it as a boolean (false when not given): only then do messages advise --force.
   */
  force?: boolean;
  /** The bytes lokmin read from the file earlier: if it holds anything else now, nothing is written. */
  expected?: Buffer | string;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

function explain(error: NodeJS.ErrnoException, label: string, existed: boolean): UserError {
  switch (error.code) {
    case "EBUSY":
    case "EPERM":
    case "ETXTBSY":
      return new UserError(t(M.locked, { file: label }));
    case "EISDIR":
      return new UserError(t(M.isDir, { file: label }));
    case "EACCES":
    case "EROFS":
      return new UserError(t(M.readOnly, { file: label, code: error.code }));
    case "ENOSPC":
    case "EDQUOT":
      return new UserError(t(existed ? M.diskFull : M.diskFullNew, { file: label }));
    case "ELOOP":
      return new UserError(describeReadFailure({ ok: false, reason: "loop", code: error.code }, label));
    default:
      return new UserError(
        t(M.failed, { file: label, detail: error.code ? describeErrno(error.code) : error.message }),
      );
  }
}

/** Why `file` cannot be created in `dir`: what is in the way of the folder, named with what to do. */
function notAFolder(dir: string, label: string, error?: unknown): UserError | undefined {
  const root = workspaceOf(dir);
  const checked = checkFolder(dir, { root });
  if (!checked.ok) {
    const where = root !== undefined ? folderLabel(root, checked.at) : checked.at;
    return new UserError(t(M.notAFolder, { file: label, problem: describeFolderFailure(checked, where) }));
  }
  return error === undefined ? undefined : explain(error as NodeJS.ErrnoException, label, false);
}

function writeProtected(file: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    accessSync(file, constants.W_OK);
    return false;
  } catch (error) {
    return errno(error) === "EACCES" || errno(error) === "EPERM";
  }
}

/** What is at `file` now; throws when lokmin may not replace it. */
function inspectTarget(file: string, label: string, options: WriteOptions): Stats | undefined {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    if (errno(error) === "ENOTDIR") throw notAFolder(path.dirname(file), label, error)!;
    if (errno(error) !== "ENOENT") throw explain(error as NodeJS.ErrnoException, label, true);
    if (options.expected !== undefined) throw new UserError(t(M.changed, { file: label }));
    return undefined;
  }
  if (stat.isDirectory()) throw new UserError(t(M.isDir, { file: label }));
  if (!stat.isFile()) throw new UserError(t(M.special, { file: label }));
  const hasForce = options.force !== undefined;
  if (!options.overwrite && !options.force) throw new UserError(t(hasForce ? M.exists : M.existsKept, { file: label }));
  if (!options.force && writeProtected(file, stat))
    throw new UserError(t(hasForce ? M.writeProtected : M.readOnlyNoForce, { file: label }));
  return stat;
}

function isWithin(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return !(rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** The lokmin workspace (folder with lokmin.yaml) that `dir` lies in, if any. */
function workspaceOf(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      lstatSync(path.join(current, "lokmin.yaml"));
      return current;
    } catch {
      if (path.dirname(current) === current) return undefined;
    }
  }
}

/**
 * Where to write `file`: the file itself, or, when it is a symbolic link, the file the link points
 * to (so the link stays a link and its target keeps its mode). A link inside a workspace is followed
 * only to a target inside the same workspace; a looping or broken link is refused with what to do.
 */
function writeTarget(file: string, label: string): string {
  try {
    if (!lstatSync(file).isSymbolicLink()) return file;
  } catch (error) {
    if (errno(error) === "ENOTDIR") throw notAFolder(path.dirname(file), label, error)!;
    if (errno(error) === "ENOENT") return file;
    throw explain(error as NodeJS.ErrnoException, label, true);
  }
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch (error) {
    const reason = errno(error) === "ELOOP" ? "loop" : errno(error) === "ENOENT" ? "broken-link" : "unreadable";
    throw new UserError(describeReadFailure({ ok: false, reason, code: errno(error) }, label));
  }
  let linkDir: string;
  try {
    linkDir = realpathSync.native(path.dirname(file));
  } catch {
    linkDir = path.dirname(path.resolve(file));
  }
  const workspace = workspaceOf(linkDir);
  if (workspace !== undefined && !isWithin(workspace, real)) {
    throw new UserError(t(M.linkOutside, { file: label, target: real }));
  }
  return real;
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  let stalls = 0;
  while (offset < data.length) {
    const result = ops.write(fd, data.subarray(offset));
    const written = typeof result === "number" ? result : data.length - offset;
    if (written > 0) {
      offset += written;
      stalls = 0;
    } else if (++stalls >= 3) {
      throw Object.assign(new Error(`no progress after ${offset} of ${data.length} bytes`), { code: "EIO" });
    }
  }
}

// Filesystems without owners or modes (FAT on a USB stick, some network shares) refuse these.
const cannotKeep = (error: unknown) =>
  ["EPERM", "EINVAL", "ENOSYS", "ENOTSUP", "EOPNOTSUPP"].includes(errno(error) ?? "");

/** Give the temporary file the mode, and where permitted the owner and group, of the file it replaces. */
function keepModeAndOwner(fd: number, original: Stats): void {
  if (process.platform !== "win32") {
    const own = fstatSync(fd);
    if (own.uid !== original.uid || own.gid !== original.gid) {
      try {
        fchownSync(fd, original.uid, original.gid);
      } catch (error) {
        if (!cannotKeep(error)) throw error;
        // Not root: the group can still be kept when the user belongs to it.
        try {
          fchownSync(fd, own.uid, original.gid);
        } catch (again) {
          if (!cannotKeep(again)) throw again;
        }
      }
    }
  }
  // After the chown, which may clear set-id bits.
  try {
    fchmodSync(fd, original.mode & 0o7777);
  } catch (error) {
    if (!cannotKeep(error)) throw error;
  }
}

function unchanged(file: string, expected: Buffer): boolean {
  const now = readRegularFile(file, { maxBytes: expected.length });
  return now.ok && now.bytes.equals(expected);
}

/** Best effort: the rename is done, so a folder that cannot be fsynced (Windows) is no failure. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // EISDIR, EPERM, EINVAL where folders cannot be opened or synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A file written to its temporary twin, fsynced, waiting to be renamed into place. */
interface PreparedWrite {
  file: string;
  temp: string;
  label: string;
  dir: string;
  original?: Stats;
  expected?: Buffer;
}

function discard(temp: string): void {
  try {
    rmSync(temp, { force: true });
  } catch {
    // the error being reported is the one that matters
  }
}

/** Everything before the rename: the target inspected, the bytes in a temporary file beside it, fsynced. */
function prepareWrite(requested: string, content: string | Uint8Array, options: WriteOptions): PreparedWrite {
  const label = options.label ?? requested;
  const data =
    typeof content === "string"
      ? Buffer.from(content)
      : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const expected = options.expected === undefined ? undefined : Buffer.from(options.expected);
  // A symbolic link is written through, never silently replaced by a copy.
  const file = writeTarget(requested, label);
  const original = inspectTarget(file, label, options);
  const dir = path.dirname(file);
  // The folder, and each one above it that is missing, must be a folder inside the workspace (when
  // writing into one): not a file, a FIFO, a looping or broken link, nor a link out of the workspace.
  const blocked = notAFolder(dir, label);
  if (blocked) throw blocked;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if (errno(error) === "EEXIST" || errno(error) === "ENOTDIR") throw notAFolder(dir, label, error)!;
    throw explain(error as NodeJS.ErrnoException, label, original !== undefined);
  }
  const temp = tempPathFor(file);
  let fd: number | undefined;
  try {
    // A new file gets the ordinary mode (0666 less the umask: rw-r--r-- usually), never executable.
    fd = openSync(temp, "wx", 0o666);
    writeAll(fd, data);
    if (original) keepModeAndOwner(fd, original);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the write error below is the one to report
      }
    }
    discard(temp);
    if (error instanceof UserError) throw error;
    throw explain(error as NodeJS.ErrnoException, label, original !== undefined);
  }
  return { file, temp, label, dir, original, expected };
}

/** The file as lokmin read it is still there (or, when it read none, still absent). */
function verifyUnchanged(prepared: PreparedWrite): void {
  if (prepared.expected && !unchanged(prepared.file, prepared.expected)) {
    discard(prepared.temp);
    throw new UserError(t(M.changed, { file: prepared.label }));
  }
}

/** The rename into place; on failure the temporary file is removed and the original left as it was. */
function commitWrite(prepared: PreparedWrite): void {
  const { file, temp, label, original } = prepared;
  let unprotected = false;
  try {
    // Windows refuses to rename over a read-only file; --force lifts the flag just for the rename.
    if (original && process.platform === "win32" && (original.mode & 0o200) === 0) {
      chmodSync(file, original.mode | 0o200);
      unprotected = true;
    }
    ops.rename(temp, file);
    recordWritten(label);
  } catch (error) {
    discard(temp);
    if (unprotected && original) {
      try {
        chmodSync(file, original.mode);
      } catch {
        // best effort
      }
    }
    if (error instanceof UserError) throw error;
    throw explain(error as NodeJS.ErrnoException, label, original !== undefined);
  }
  syncFolder(prepared.dir);
}

/** Write a file atomically. Throws UserError with a clear message; never leaves a temp file. */
export function writeFileAtomic(requested: string, content: string | Uint8Array, options: WriteOptions): void {
  const prepared = prepareWrite(requested, content, options);
  verifyUnchanged(prepared);
  commitWrite(prepared);
}

export interface FileWrite {
  file: string;
  content: string | Uint8Array;
  options: WriteOptions;
}

/**
 * Write several files as one change: every file is written to its temporary twin and checked first,
 * so a full disk, a read-only file, a file held by Word or changed by someone else stops the whole
 * change before any file is replaced. Should a rename still fail part-way, the files already replaced
 * get their previous bytes back (or are removed again when they are new), so it is all or nothing.
 */
export function writeFilesAtomic(writes: readonly FileWrite[]): void {
  const prepared: PreparedWrite[] = [];
  const previous: Array<Buffer | undefined> = [];
  try {
    for (const write of writes) prepared.push(prepareWrite(write.file, write.content, write.options));
    for (const item of prepared) {
      verifyUnchanged(item);
      const before = item.original ? readRegularFile(item.file, { maxBytes: Number.MAX_SAFE_INTEGER }) : undefined;
      previous.push(before?.ok ? before.bytes : undefined);
    }
  } catch (error) {
    for (const item of prepared) discard(item.temp);
    throw error;
  }
  for (let i = 0; i < prepared.length; i++) {
    try {
      commitWrite(prepared[i]);
    } catch (error) {
      for (const item of prepared.slice(i + 1)) discard(item.temp);
      for (let j = i - 1; j >= 0; j--) restore(prepared[j], previous[j]);
      throw error;
    }
  }
}

/** Put a replaced file back as it was (best effort: this runs only after another rename failed). */
function restore(item: PreparedWrite, before: Buffer | undefined): void {
  try {
    if (before === undefined) rmSync(item.file, { force: true });
    else writeFileAtomic(item.file, before, { overwrite: true, force: true, label: item.label });
  } catch {
    // the rename error being reported names what to do
  }
}
