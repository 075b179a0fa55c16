// The workspace lock: one lokmin writer at a time per workspace, so two commands (or two users on
// a shared folder) never interleave their read-modify-write of the same files.
//
// The lock is the file <root>/.lokmin/lock, created exclusively ("wx"), holding
// { pid, host, command, started, id } so a waiting command can say who holds it. The holder
// touches it every minute. A lock is stale when its holder is gone: same machine and the pid is
// not running, or (any machine) untouched for 10 minutes — the second rule also covers Windows
// reusing a dead holder's pid. A stale lock is replaced by rename after re-checking it, under a
// short-lived exclusive guard file so two waiters cannot both take it over.
//
// Written here rather than using proper-lockfile: that package locks with mkdir plus mtime
// polling only (no holder pid/command to name in the message, no dead-pid detection, so a
// killed run blocks for its full stale period), its API is callback/async-retry based around
// graceful-fs, and what lokmin needs fits in this file with no dependency to bundle.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import {
  checkFolder,
  describeErrno,
  describeFolderFailure,
  folderLabel,
  processAlive,
  readRegularFile,
  tempPathFor,
} from "./fs-safe.js";

export const LOCK_FILE = ".lokmin/lock";
export const DEFAULT_LOCK_WAIT_MS = 10_000;
const STALE_MS = 10 * 60_000;
const HEARTBEAT_MS = 60_000;
/** A lock file without readable content is given this long to be written before it counts as stale. */
const UNREADABLE_GRACE_MS = 2_000;
const GUARD_STALE_MS = 5_000;
const POLL_MIN_MS = 10;
const POLL_MAX_MS = 100;
/** A lock holds one line of JSON; anything bigger is not lokmin's. */
const MAX_LOCK_BYTES = 64 * 1024;

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  started: string;
  id: string;
}

export interface LockOptions {
  /** The command taking the lock, shown to anyone who has to wait for it (e.g. "rank --write"). */
  command: string;
  /** How long to wait for another holder; default 10 s, or LOKMIN_LOCK_WAIT_MS. */
  waitMs?: number;
  env?: NodeJS.ProcessEnv;
  /**
   * Called once when the lock is held by someone else and this call starts waiting for it (with
   * the holder, when its lock file says who it is), so a command can say why it seems to do nothing.
   */
  onWait?: (holder: LockHolder | undefined) => void;
}

export interface Lock {
  readonly file: string;
  /** Remove the lock if it is still ours. Safe to call more than once. */
  release(): void;
}

const M = {
  busy: msg(
    "workspace sedang dipakai oleh `lokmin {command}` (pid {pid}{host}, sejak {since}); tunggu sampai selesai lalu " +
      "ulangi. Jika tidak ada lokmin yang berjalan, hapus {file}",
    "the workspace is in use by `lokmin {command}` (pid {pid}{host}, since {since}); wait until it finishes and try " +
      "again. If no lokmin is running, delete {file}",
  ),
  busyUnknown: msg(
    "workspace sedang dipakai oleh lokmin lain (berkas kunci {file}); tunggu sampai selesai lalu ulangi. Jika tidak " +
      "ada lokmin yang berjalan, hapus {file}",
    "the workspace is in use by another lokmin (lock file {file}); wait until it finishes and try again. If no " +
      "lokmin is running, delete {file}",
  ),
  notALock: msg(
    "berkas kunci {file} bukan berkas biasa (mis. FIFO, tautan ke perangkat, folder, atau terlalu besar) dan tidak " +
      "dibuat oleh lokmin; hapus {file} lalu jalankan perintahnya lagi — tidak ada berkas yang diubah",
    "the lock file {file} is not a regular file (e.g. a FIFO, a link to a device, a folder, or too large) and was " +
      "not made by lokmin; delete {file} and run the command again — no file was changed",
  ),
  onHost: msg(" di komputer {host}", " on computer {host}"),
  waiting: msg(
    "menunggu `lokmin {command}` (pid {pid}{host}) selesai memakai workspace ini…",
    "waiting for `lokmin {command}` (pid {pid}{host}) to finish with this workspace…",
  ),
  waitingUnknown: msg(
    "menunggu lokmin lain selesai memakai workspace ini (berkas kunci {file})…",
    "waiting for another lokmin to finish with this workspace (lock file {file})…",
  ),
  cannotLock: msg(
    "tidak dapat membuat berkas kunci {file} ({code}); periksa izin folder workspace",
    "cannot create the lock file {file} ({code}); check the workspace folder's permissions",
  ),
  diskFull: msg(
    "ruang disk habis: berkas kunci {file} tidak dapat dibuat; kosongkan ruang lalu ulangi — tidak ada berkas yang " +
      "diubah",
    "the disk is full: the lock file {file} cannot be created; free some space and try again — no file was changed",
  ),
};

/** Lock ids held by this process, so a lock naming our own pid but none of these is a dead predecessor's. */
const held = new Set<string>();

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Seen {
  raw: Buffer;
  mtimeMs: number;
  holder?: LockHolder;
}

/**
 * The lock as it is now; undefined when there is none. A lock that cannot be read counts as held.
 * Only a regular file is lokmin's lock: a FIFO, a device (a link to /dev/zero), a folder or any
 * symbolic link there would block or never go away, so it is refused with what to do, unread.
 */
function readLock(file: string): Seen | undefined {
  let raw: Buffer;
  let mtimeMs: number;
  try {
    if (!lstatSync(file).isFile()) throw new UserError(t(M.notALock, { file: path.resolve(file) }));
  } catch (error) {
    if (error instanceof UserError) throw error;
    return errno(error) === "ENOENT" ? undefined : { raw: Buffer.alloc(0), mtimeMs: Date.now() };
  }
  const read = readRegularFile(file, { maxBytes: MAX_LOCK_BYTES });
  if (read.ok) {
    raw = read.bytes;
    mtimeMs = read.mtimeMs;
  } else if (read.reason === "missing") return undefined;
  else if (read.reason === "unreadable") return { raw: Buffer.alloc(0), mtimeMs: Date.now() };
  else throw new UserError(t(M.notALock, { file: path.resolve(file) }));
  try {
    const parsed = JSON.parse(raw.toString("utf8")) as LockHolder;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") return { raw, mtimeMs, holder: parsed };
  } catch {
    // being written, or damaged
  }
  return { raw, mtimeMs };
}

function isStale(seen: Seen, now: number): boolean {
  const { holder } = seen;
  if (!holder) return now - seen.mtimeMs > UNREADABLE_GRACE_MS;
  if (now - seen.mtimeMs > STALE_MS) return true;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return !held.has(holder.id);
  return !processAlive(holder.pid);
}

function writeWhole(fd: number, data: Buffer): void {
  for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset);
}

/** Create `file` with `content` unless it exists. Windows reports a file being deleted as EPERM. */
function createExclusive(file: string, content: Buffer): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    const code = errno(error);
    if (code === "EEXIST" || (process.platform === "win32" && (code === "EPERM" || code === "EBUSY"))) return false;
    throw error;
  }
  try {
    writeWhole(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Replace the stale lock `seen` by ours; false when someone else got there first. */
function takeOver(file: string, seen: Seen, content: Buffer): boolean {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, Buffer.from(String(process.pid)))) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // removed meanwhile
    }
    return false;
  }
  const temp = tempPathFor(file);
  try {
    const now = readLock(file);
    if (!now) return createExclusive(file, content);
    if (!now.raw.equals(seen.raw)) return false;
    const fd = openSync(temp, "wx");
    try {
      writeWhole(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    return true;
  } catch (error) {
    // Windows: the lock is open in another process reading it; try again on the next poll.
    if (errno(error) === "EPERM" || errno(error) === "EBUSY" || errno(error) === "EACCES") return false;
    throw error;
  } finally {
    for (const leftover of [temp, guard]) {
      try {
        rmSync(leftover, { force: true });
      } catch {
        // a guard left behind goes stale after a few seconds
      }
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

function busy(file: string, seen: Seen | undefined): UserError {
  const holder = seen?.holder;
  if (!holder) return new UserError(t(M.busyUnknown, { file }));
  return new UserError(
    t(M.busy, {
      command: holder.command,
      pid: holder.pid,
      host: holder.host === hostname() ? "" : t(M.onHost, { host: holder.host }),
      since: localTime(holder.started),
      file,
    }),
  );
}

/** The line a command prints while it waits for `holder` (see LockOptions.onWait). */
export function waitingNotice(file: string, holder: LockHolder | undefined): string {
  if (!holder) return t(M.waitingUnknown, { file });
  const host = holder.host === hostname() ? "" : t(M.onHost, { host: holder.host });
  return t(M.waiting, { command: holder.command, pid: holder.pid, host });
}

function waitLimit(opts: LockOptions): number {
  if (opts.waitMs !== undefined) return opts.waitMs;
  const fromEnv = (opts.env ?? process.env).LOKMIN_LOCK_WAIT_MS;
  const ms = fromEnv ? Number(fromEnv) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_LOCK_WAIT_MS;
}

function holding(file: string, holder: LockHolder, content: Buffer): Lock {
  held.add(holder.id);
  const ours = () => {
    const read = readRegularFile(file, { maxBytes: content.length });
    return read.ok && read.bytes.equals(content);
  };
  const heartbeat = setInterval(() => {
    try {
      if (ours()) utimesSync(file, new Date(), new Date());
    } catch {
      // best effort; a missed beat only matters after ten minutes
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.off("exit", release);
    held.delete(holder.id);
    try {
      if (ours()) rmSync(file, { force: true });
    } catch {
      // a lock we cannot remove is stale as soon as this process ends
    }
  };
  process.on("exit", release);
  return { file, release };
}

function lockError(file: string, error: unknown): UserError {
  const code = errno(error);
  if (code === "ENOSPC" || code === "EDQUOT") return new UserError(t(M.diskFull, { file }));
  return new UserError(t(M.cannotLock, { file, code: code ? describeErrno(code) : String(error) }));
}

/** Take the workspace lock of `root`, waiting for another holder up to `waitMs`. */
export async function acquireLock(root: string, opts: LockOptions): Promise<Lock> {
  const file = path.join(root, ...LOCK_FILE.split("/"));
  const shown = path.resolve(file);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: opts.command,
    started: new Date().toISOString(),
    id: randomBytes(6).toString("hex"),
  };
  const content = Buffer.from(`${JSON.stringify(holder)}\n`);
  const deadline = Date.now() + waitLimit(opts);
  let delay = POLL_MIN_MS;
  let waiting = false;
  // .lokmin must be a folder inside the workspace: a file, FIFO, looping or broken link there is named,
  // and no lock is ever made through a link out of the workspace.
  const folder = checkFolder(path.dirname(file), { root });
  if (!folder.ok) throw new UserError(describeFolderFailure(folder, folderLabel(root, folder.at)));
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw lockError(shown, error);
  }
  for (;;) {
    let seen: Seen | undefined;
    try {
      if (createExclusive(file, content)) return holding(file, holder, content);
      seen = readLock(file);
      if (seen && isStale(seen, Date.now()) && takeOver(file, seen, content)) return holding(file, holder, content);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw lockError(shown, error);
    }
    const left = deadline - Date.now();
    if (left <= 0) throw busy(shown, seen);
    if (!seen) {
      // Released between our create and read: try again at once, yielding to the event loop.
      await sleep(1);
      continue;
    }
    if (!waiting) {
      waiting = true;
      opts.onWait?.(seen.holder);
    }
    await sleep(Math.min(left, delay * (0.5 + Math.random())));
    delay = Math.min(delay * 2, POLL_MAX_MS);
  }
}

/** Run `fn` holding the workspace lock. */
export async function withLock<T>(root: string, opts: LockOptions, fn: () => T | Promise<T>): Promise<T> {
  const lock = await acquireLock(root, opts);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
