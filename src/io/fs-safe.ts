// Reading files whose nature lokmin cannot trust (YAML files, templates, logos in a folder anyone
// may have edited), and lokmin's own temporary files: their names, and clearing the ones a killed
// run left behind.
//
// A read never blocks and never takes more than maxBytes+1 bytes: FIFOs, sockets and devices
// (including a symlink to /dev/zero) are refused before and after opening, and the size is checked
// before reading and again while reading.
//
// Symlink policy: when a workspace root is given, a file is read only if its real location
// (symlinks and Windows junctions resolved) lies inside the real location of the root. A symlink
// pointing out of the workspace is refused ("outside"), so a workspace copied from someone else
// cannot make lokmin pull ~/.ssh or C:\Users\… into a document. Symlinks within the workspace work.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
  unlinkSync,
} from "node:fs";
import path from "node:path";
import { msg, t } from "../i18n/index.js";
import { describeErrno } from "./errno.js";

export { describeErrno };

export type ReadFailureReason =
  "missing" | "directory" | "special" | "too-big" | "outside" | "loop" | "broken-link" | "unreadable";
export type ReadFailure = { ok: false; reason: ReadFailureReason; code?: string; size?: number; limit?: number };
export type ReadResult = { ok: true; bytes: Buffer; size: number; mtimeMs: number } | ReadFailure;

// Windows has neither flag; 0 leaves the open flags unchanged there.
const O_NONBLOCK: number = constants.O_NONBLOCK ?? 0;
const O_NOCTTY: number = constants.O_NOCTTY ?? 0;

const M = {
  missing: msg("{file} tidak ada", "{file} does not exist"),
  directory: msg(
    "{file} adalah folder, bukan berkas; pilih berkasnya",
    "{file} is a folder, not a file; choose the file itself",
  ),
  special: msg(
    "{file} adalah FIFO/soket/perangkat, bukan berkas biasa; ganti dengan berkas biasa (mis. salinan berkas YAML " +
      "aslinya)",
    "{file} is a FIFO/socket/device, not a regular file; replace it with a regular file (e.g. a copy of the " +
      "original YAML file)",
  ),
  tooBig: msg(
    "{file} terlalu besar ({size}, batas {limit}); periksa apakah ini berkas yang benar",
    "{file} is too large ({size}, limit {limit}); check that it is the right file",
  ),
  outside: msg(
    "{file} adalah tautan ke luar folder workspace; lokmin hanya membaca berkas di dalam workspace — salin " +
      "berkasnya ke dalam folder workspace",
    "{file} links outside the workspace folder; lokmin only reads files inside the workspace — copy the file into " +
      "the workspace folder",
  ),
  loop: msg(
    "{file} adalah tautan simbolik yang berputar (menunjuk ke dirinya sendiri, langsung atau lewat tautan lain); " +
      "hapus {file} lalu jalankan perintahnya lagi",
    "{file} is a symbolic link that loops (it points to itself, directly or through other links); delete {file} " +
      "and run the command again",
  ),
  brokenLink: msg(
    "{file} adalah tautan simbolik ke berkas yang tidak ada; hapus tautan {file} atau kembalikan berkas tujuannya",
    "{file} is a symbolic link to a file that does not exist; delete the link {file} or restore the file it points to",
  ),
  unreadable: msg(
    "tidak dapat membaca {file}: {code}; periksa izin berkas",
    "cannot read {file}: {code}; check its permissions",
  ),
};

function failure(error: unknown): ReadFailure {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return { ok: false, reason: "missing", code };
    case "EISDIR":
      return { ok: false, reason: "directory", code };
    case "ELOOP":
      return { ok: false, reason: "loop", code };
    case "EAGAIN":
    case "EWOULDBLOCK":
    case "ENXIO":
    case "ENODEV":
      return { ok: false, reason: "special", code };
    default:
      return { ok: false, reason: "unreadable", code: code ?? String(error) };
  }
}

function classify(stat: Stats, maxBytes: number): ReadFailure | undefined {
  if (stat.isDirectory()) return { ok: false, reason: "directory" };
  if (!stat.isFile()) return { ok: false, reason: "special" };
  if (stat.size > maxBytes) return { ok: false, reason: "too-big", size: stat.size, limit: maxBytes };
  return undefined;
}

/** Whether `target` names a path inside (or at) `root`, by the names alone (`p`: the platform's rules). */
export function isWithin(root: string, target: string, p: path.PlatformPath = path): boolean {
  const rel = p.relative(p.resolve(root), p.resolve(target));
  return !(rel === ".." || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel));
}

/**
 * Where `abs` really is, or why it may not be read from inside `root`. A path whose very name lies
 * outside the workspace is refused before anything is looked up: on Windows, looking up
 * \\host\share\logo.png (a name a workspace from elsewhere can carry) connects to that host and
 * hands it the person's login (NTLM) hash.
 */
function realInside(abs: string, root: string): string | ReadFailure {
  let realRoot: string;
  try {
    realRoot = realpathSync.native(root);
  } catch {
    realRoot = path.resolve(root);
  }
  if (!isWithin(root, abs) && !isWithin(realRoot, abs)) return { ok: false, reason: "outside" };
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch (error) {
    return failure(error);
  }
  return isWithin(realRoot, real) ? real : { ok: false, reason: "outside" };
}

/** A "missing" file that is really a symbolic link to nothing is reported as the broken link it is. */
function brokenLink(abs: string, result: ReadFailure): ReadFailure {
  if (result.reason !== "missing") return result;
  try {
    return lstatSync(abs).isSymbolicLink() ? { ok: false, reason: "broken-link", code: result.code } : result;
  } catch {
    return result;
  }
}

/** Whether anything is at `abs`: a file, a folder, a FIFO, or a symbolic link (even a broken or looping one). */
export function pathPresent(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `abs` is a regular file lokmin may read (inside `root` when given, at most `maxBytes`),
 * without opening it: the checks of readRegularFile, for code that only needs to know.
 */
export function checkRegularFile(
  abs: string,
  opts: { maxBytes?: number; root?: string } = {},
): { ok: true; target: string } | ReadFailure {
  const maxBytes = opts.maxBytes ?? Number.MAX_SAFE_INTEGER;
  let target = abs;
  if (opts.root !== undefined) {
    const real = realInside(abs, opts.root);
    if (typeof real !== "string") return brokenLink(abs, real);
    target = real;
  }
  try {
    const refused = classify(statSync(target), maxBytes);
    if (refused) return refused;
  } catch (error) {
    return brokenLink(abs, failure(error));
  }
  return { ok: true, target };
}

/** Read a regular file of at most `maxBytes` bytes without ever blocking on a FIFO or device. */
export function readRegularFile(abs: string, opts: { maxBytes: number; root?: string }): ReadResult {
  const { maxBytes } = opts;
  const checked = checkRegularFile(abs, opts);
  if (!checked.ok) return checked;
  const target = checked.target;
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | O_NONBLOCK | O_NOCTTY);
  } catch (error) {
    return failure(error);
  }
  try {
    // The path may have been swapped for a FIFO or device between the stat and the open.
    const stat = fstatSync(fd);
    const refused = classify(stat, maxBytes);
    if (refused) return refused;
    // Files such as those in /proc report size 0, so the buffer grows, up to maxBytes + 1.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > maxBytes) return { ok: false, reason: "too-big", size: Math.max(stat.size, total), limit: maxBytes };
    return { ok: true, bytes: buffer.subarray(0, total), size: total, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** The message for a failed read, naming the file (`label`) and what to do about it. */
export function describeReadFailure(result: ReadFailure, label: string): string {
  switch (result.reason) {
    case "missing":
      return t(M.missing, { file: label });
    case "directory":
      return t(M.directory, { file: label });
    case "special":
      return t(M.special, { file: label });
    case "too-big":
      return t(M.tooBig, {
        file: label,
        size: result.size === undefined ? "?" : formatSize(result.size),
        limit: result.limit === undefined ? "?" : formatSize(result.limit),
      });
    case "outside":
      return t(M.outside, { file: label });
    case "loop":
      return t(M.loop, { file: label });
    case "broken-link":
      return t(M.brokenLink, { file: label });
    default:
      return t(M.unreadable, { file: label, code: describeErrno(result.code) });
  }
}

// Folders: every place lokmin expects a folder (a month, program/, dokumen/, templates/, .lokmin/, an
// --out folder) is checked the way files are. Something else there (a file, a link to a file, a FIFO
// or a device, a looping or broken link, a link leading out of the workspace) is named with what it
// is and what to do, before anything is read from or written into it.

export type FolderFailureReason = "file" | "special" | "loop" | "broken-link" | "outside" | "unreadable";
export interface FolderFailure {
  ok: false;
  reason: FolderFailureReason;
  /** The path at fault: the folder itself or the ancestor that is not a folder. */
  at: string;
  /** Whether `at` is a symbolic link, and where it points (as written in the link, or resolved). */
  link?: boolean;
  target?: string;
  /** For "special": what it is. */
  kind?: "fifo" | "socket" | "device";
  code?: string;
}
export type FolderResult = { ok: true; exists: boolean } | FolderFailure;

const F = {
  file: msg("{dir} adalah berkas, bukan folder", "{dir} is a file, not a folder"),
  linkToFile: msg(
    "{dir} adalah tautan simbolik ke berkas {target}, bukan folder",
    "{dir} is a symbolic link to the file {target}, not a folder",
  ),
  fifo: msg("{dir} adalah FIFO (pipa bernama), bukan folder", "{dir} is a FIFO (named pipe), not a folder"),
  socket: msg("{dir} adalah soket, bukan folder", "{dir} is a socket, not a folder"),
  device: msg("{dir} adalah perangkat, bukan folder", "{dir} is a device, not a folder"),
  linkToSpecial: msg(
    "{dir} adalah tautan simbolik ke {target} ({what}), bukan folder",
    "{dir} is a symbolic link to {target} ({what}), not a folder",
  ),
  kinds: {
    fifo: msg("FIFO", "a FIFO"),
    socket: msg("soket", "a socket"),
    device: msg("perangkat", "a device"),
  },
  moveAway: msg(
    "; pindahkan atau ganti nama {dir} (isinya mungkin masih diperlukan), lalu jalankan perintahnya lagi — lokmin " +
      "memakai folder {dir} bila ada dan membuatnya bila perlu",
    "; move or rename {dir} (its content may still be needed), then run the command again — lokmin uses the " +
      "folder {dir} when there is one and creates it when needed",
  ),
  remove: msg(
    "; hapus {dir} (tidak berisi data), lalu jalankan perintahnya lagi — lokmin membuat folder {dir} bila perlu",
    "; delete {dir} (it holds no data), then run the command again — lokmin creates the folder {dir} when needed",
  ),
  deleteLink: msg(
    "; hapus tautan {dir} (berkas tujuannya tidak ikut terhapus), lalu jalankan perintahnya lagi",
    "; delete the link {dir} (the file it points to is kept), then run the command again",
  ),
  loop: msg(
    "{dir} adalah tautan simbolik yang berputar (menunjuk ke dirinya sendiri, langsung atau lewat tautan lain), " +
      "bukan folder; hapus tautan {dir} lalu jalankan perintahnya lagi",
    "{dir} is a symbolic link that loops (it points to itself, directly or through other links), not a folder; " +
      "delete the link {dir} and run the command again",
  ),
  brokenLink: msg(
    "{dir} adalah tautan simbolik ke {target}, yang tidak ada; kembalikan folder tujuannya, atau hapus tautan {dir} " +
      "lalu jalankan perintahnya lagi",
    "{dir} is a symbolic link to {target}, which does not exist; restore the folder it points to, or delete the " +
      "link {dir} and run the command again",
  ),
  outside: msg(
    "{dir} adalah tautan ke {target}, di luar folder workspace; lokmin hanya membaca dan menulis di dalam " +
      "workspace — ganti tautan {dir} dengan folder biasa (salin isi {target} ke sana), lalu jalankan perintahnya lagi",
    "{dir} links to {target}, outside the workspace folder; lokmin only reads and writes inside the workspace — " +
      "replace the link {dir} with a regular folder (copy the content of {target} into it), then run the command " +
      "again",
  ),
  unreadable: msg(
    "folder {dir} tidak dapat dibuka: {code}; periksa izinnya lalu jalankan perintahnya lagi",
    "the folder {dir} cannot be opened: {code}; check its permissions and run the command again",
  ),
};

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

function linkText(abs: string): string | undefined {
  try {
    return readlinkSync(abs);
  } catch {
    return undefined;
  }
}

/** Why the existing `abs` (lstat `stat`) is not a usable folder, if it is not. */
function notAFolder(abs: string, stat: Stats): FolderFailure | undefined {
  if (stat.isDirectory()) return undefined;
  const special = (s: Stats): FolderFailure["kind"] =>
    s.isFIFO() ? "fifo" : s.isSocket() ? "socket" : s.isCharacterDevice() || s.isBlockDevice() ? "device" : undefined;
  if (!stat.isSymbolicLink()) {
    if (stat.isFile()) return { ok: false, reason: "file", at: abs };
    return { ok: false, reason: "special", at: abs, kind: special(stat) ?? "device" };
  }
  const target = linkText(abs);
  let followed: Stats;
  try {
    followed = statSync(abs);
  } catch (error) {
    const code = errnoOf(error);
    if (code === "ELOOP") return { ok: false, reason: "loop", at: abs, link: true, code };
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, reason: "broken-link", at: abs, link: true, target };
    return { ok: false, reason: "unreadable", at: abs, link: true, code };
  }
  if (followed.isDirectory()) return undefined;
  let real = target;
  try {
    real = realpathSync.native(abs);
  } catch {
    // the link's own text names it well enough
  }
  if (followed.isFile()) return { ok: false, reason: "file", at: abs, link: true, target: real };
  return { ok: false, reason: "special", at: abs, link: true, kind: special(followed) ?? "device", target: real };
}

/** The first path from `root` down to `abs` whose real location lies outside the real `root`. */
function firstOutside(root: string, realRoot: string, abs: string): { at: string; target: string } | undefined {
  const parts = path.relative(root, abs).split(path.sep).filter(Boolean);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    let real: string;
    try {
      real = realpathSync.native(current);
    } catch {
      return undefined;
    }
    if (!isWithin(realRoot, real)) return { at: current, target: real };
  }
  return undefined;
}

/** Whether any folder from below `root` down to `abs` is a symbolic link (only then can it lead out). */
function throughLink(root: string, abs: string): boolean {
  let current = root;
  for (const part of path.relative(root, abs).split(path.sep).filter(Boolean)) {
    current = path.join(current, part);
    try {
      if (lstatSync(current).isSymbolicLink()) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Whether `abs` is a folder lokmin may use: a folder (or a link to one inside `root`, when given),
 * or nothing yet with folders all the way up to it (so it can be made). Never follows a link out
 * of `root`; never blocks (nothing is opened).
 */
export function checkFolder(abs: string, opts: { root?: string } = {}): FolderResult {
  const wanted = path.resolve(abs);
  const root = opts.root === undefined ? undefined : path.resolve(opts.root);
  let current = wanted;
  let stat: Stats;
  for (;;) {
    try {
      stat = lstatSync(current);
      break;
    } catch (error) {
      // Not there, or something above it is in the way (a file, a looping link): look one level up.
      const code = errnoOf(error);
      const parent = path.dirname(current);
      const above = code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP";
      if (!above || parent === current) {
        if (code === "ENOENT" || code === "ENOTDIR") return { ok: true, exists: false };
        return { ok: false, reason: "unreadable", at: current, code };
      }
      if (root !== undefined && current === root) return { ok: true, exists: false };
      current = parent;
    }
  }
  const failure = notAFolder(current, stat);
  if (failure) return failure;
  if (root !== undefined && isWithin(root, current) && throughLink(root, current)) {
    let realRoot: string;
    try {
      realRoot = realpathSync.native(root);
    } catch {
      realRoot = root;
    }
    let real: string;
    try {
      real = realpathSync.native(current);
    } catch (error) {
      return { ok: false, reason: "unreadable", at: current, code: errnoOf(error) };
    }
    if (!isWithin(realRoot, real)) {
      const culprit = firstOutside(root, realRoot, current) ?? { at: current, target: real };
      return { ok: false, reason: "outside", at: culprit.at, link: true, target: culprit.target };
    }
  }
  return { ok: true, exists: current === wanted };
}

/**
 * The message for a folder lokmin cannot use, naming it (`label`: how the user knows `failure.at`),
 * what it is and what to do.
 */
export function describeFolderFailure(failure: FolderFailure, label: string): string {
  const dir = label;
  const target = failure.target ?? "?";
  switch (failure.reason) {
    case "file":
      return failure.link
        ? t(F.linkToFile, { dir, target }) + t(F.deleteLink, { dir })
        : t(F.file, { dir }) + t(F.moveAway, { dir });
    case "special": {
      const kind = failure.kind ?? "device";
      if (failure.link) return t(F.linkToSpecial, { dir, target, what: t(F.kinds[kind]) }) + t(F.deleteLink, { dir });
      return t(F[kind], { dir }) + t(F.remove, { dir });
    }
    case "loop":
      return t(F.loop, { dir });
    case "broken-link":
      return t(F.brokenLink, { dir, target });
    case "outside":
      return t(F.outside, { dir, target });
    default:
      return t(F.unreadable, { dir, code: describeErrno(failure.code) });
  }
}

/** How messages name a path: workspace-relative with forward slashes inside `root`, else as given. */
export function folderLabel(root: string | undefined, abs: string): string {
  if (root === undefined) return abs;
  const rel = path.relative(path.resolve(root), abs);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join("/");
}

const TEMP_NAME = /^\.(.+)\.lokmin-tmp-(\d+)-[0-9a-f]+$/;
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** A fresh temporary name beside `file`: `.<basename>.lokmin-tmp-<pid>-<hex>`. */
export function tempPathFor(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.lokmin-tmp-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
}

/** Whether a process with this id runs on this machine (EPERM: it does, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Remove lokmin's temporary files in `dir` left by a run that was killed: those whose writer is
 * no longer running on this machine, and any older than an hour. Returns the names removed.
 * Call it while holding the workspace lock: a temp file of a writer on another machine sharing the
 * folder is indistinguishable from one whose writer died.
 */
export function cleanStaleTemps(dir: string, now = Date.now()): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMP_NAME.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    const full = path.join(dir, entry.name);
    try {
      const stat = lstatSync(full);
      if (!stat.isFile()) continue;
      if (processAlive(Number(match[2])) && now - stat.mtimeMs <= TEMP_MAX_AGE_MS) continue;
      unlinkSync(full);
      removed.push(entry.name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}
