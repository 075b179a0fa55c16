// The workspace files the app reads: each through readRegularFile with the workspace as its root
// (nothing outside it, no FIFO, no link leading out, a size limit), with the SHA-256 of its bytes
// as the version a page carries and the disk is compared with. And the one way an upload is saved.
import { createHash } from "node:crypto";
import { lstatSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../domain/findings.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, pathPresent, readRegularFile } from "../io/fs-safe.js";
import { writeFileAtomic } from "../io/write.js";
import { positionAll } from "../io/positions.js";
import { decodeUtf8, fastParse, MAX_FILE_BYTES, parseYaml, toData, tooDeepAt, YamlSource } from "../io/yaml-source.js";

export interface YamlFile {
  rel: string;
  abs: string;
  /** The text without a BOM, as YamlSource keeps it. */
  text: string;
  bom: boolean;
  /** SHA-256 of the bytes on disk. */
  hash: string;
  source: YamlSource;
  data: unknown;
}

export type YamlRead = { ok: true; file: YamlFile } | { ok: false; message: string; missing?: boolean };

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** A workspace YAML file, parsed with positions; a file that cannot be read or parsed is a message with its line. */
export function readYaml(root: string, rel: string): YamlRead {
  const abs = path.join(root, ...rel.split("/"));
  const read = readRegularFile(abs, { maxBytes: MAX_FILE_BYTES, root });
  if (!read.ok) return { ok: false, message: describeReadFailure(read, rel), missing: read.reason === "missing" };
  const decoded = decodeUtf8(read.bytes, rel);
  if (decoded.text === undefined)
    return { ok: false, message: describe(decoded.finding ? [decoded.finding] : [], rel) };
  // The fast path the loader takes (js-yaml, same data as eemeli/yaml); the position-keeping parser
  // only for text it declines, and for the message when the file does not parse.
  const fast = tooDeepAt(decoded.text) ? undefined : fastParse(decoded.text);
  if (fast !== null && typeof fast === "object" && !Array.isArray(fast)) {
    const source = new YamlSource(rel, decoded.text, decoded.bom);
    return {
      ok: true,
      file: { rel, abs, text: decoded.text, bom: decoded.bom, hash: sha256(read.bytes), source, data: fast },
    };
  }
  const parsed = parseYaml(decoded.text, rel, decoded.bom);
  if (!parsed.source) return { ok: false, message: describe(parsed.findings, rel) };
  const data = toData(parsed.source);
  if (data.findings.length) return { ok: false, message: describe(data.findings, rel) };
  return {
    ok: true,
    file: {
      rel,
      abs,
      text: decoded.text,
      bom: decoded.bom,
      hash: sha256(read.bytes),
      source: parsed.source,
      data: data.data,
    },
  };
}

function describe(findings: readonly Finding[], rel: string): string {
  const [first] = positionAll(findings, () => undefined);
  return first ? `${rel}:${first.line}:${first.column}: ${first.message}` : rel;
}

/**
 * The version (SHA-256) of a workspace file now, for the pages' poll: always read afresh (a file of
 * a few kilobytes hashes in well under a millisecond; a cache keyed on times could miss an edit).
 * Undefined when the file cannot be read.
 */
export function fileVersion(root: string, rel: string): string | undefined {
  const read = readRegularFile(path.join(root, ...rel.split("/")), { maxBytes: MAX_FILE_BYTES, root });
  return read.ok ? sha256(read.bytes) : undefined;
}

const U = {
  notAFile: msg(
    "{file} di folder data Puskesmas adalah {what}, bukan berkas biasa, jadi unggahan tidak disimpan ke sana; " +
      "pindahkan atau hapus {file} lalu unggah lagi",
    "{file} in the data folder is {what}, not a regular file, so the upload was not saved there; move or " +
      "delete {file} and upload again",
  ),
  link: msg("tautan (link)", "a link"),
  folder: msg("folder", "a folder"),
  special: msg("FIFO/soket/perangkat", "a FIFO/socket/device"),
};

/** The largest file an upload replaces (it is kept first). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;

/** A name lokmin chose for an upload: folders and a file name of letters, digits, "_", "-" and ".", no "..". */
const UPLOAD_NAME = /^(?:[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\/)*[A-Za-z0-9][\w-]*(?:\.[\w-]+)*$/;
/** Names Windows gives to devices, with any extension (`NUL.xlsx` is the null device, not a file). */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * A file name for an upload, from the name the browser sent: only its last part (a browser may send
 * `C:\\fakepath\\…`, a crafted request `../../x` or `\\\\server\\share\\x`), letters without their
 * accents, every other run of characters a "-", no dot or space at the end (Windows drops them, so
 * `a.xlsx.` would be `a.xlsx`), never a Windows device name (CON, NUL, AUX, COM1, …: `_` is added),
 * at most 80 characters before the extension; `fallback` when nothing is left. What it returns is
 * a name saveUpload takes.
 */
export function cleanUploadName(sent: string, fallback = "unggahan"): string {
  const last = (sent.split(/[\\/]/).pop() ?? "").normalize("NFKD").replace(/\p{M}/gu, "");
  const trimmed = last.replace(/[.\s]+$/, "");
  const dot = trimmed.lastIndexOf(".");
  const ext = dot > 0 && /^[A-Za-z0-9]{1,10}$/.test(trimmed.slice(dot + 1)) ? trimmed.slice(dot + 1).toLowerCase() : "";
  let stem = (ext ? trimmed.slice(0, dot) : trimmed)
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, 80)
    .replace(/[^A-Za-z0-9]+$/, "");
  if (!stem) stem = fallback;
  if (DEVICE.test(stem)) stem = `${stem}_`;
  return ext ? `${stem}.${ext}` : stem;
}

/**
 * Save an upload where lokmin puts it. `rel` is a name lokmin chose (never the name the browser
 * sent). What is there now must be a regular file or nothing: a link there would be written
 * through (`logo.png` → `lokmin.yaml` would turn the workspace file into a picture), so a link, a
 * folder or a FIFO is named and left alone. A different file already there is first kept in
 * .lokmin/cadangan/. Atomic (writeFileAtomic: nothing outside the workspace, a full disk or a file
 * held open by Word said in words). Throws UserError with what to do.
 */
export function saveUpload(root: string, rel: string, bytes: Uint8Array, now = new Date()): { backup?: string } {
  if (!UPLOAD_NAME.test(rel) || rel.split("/").some((part) => DEVICE.test(part.split(".")[0])))
    throw new Error(`not a name lokmin chose for an upload: ${JSON.stringify(rel)}`);
  const target = path.join(root, ...rel.split("/"));
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isFile()) {
    const what = stat.isSymbolicLink() ? U.link : stat.isDirectory() ? U.folder : U.special;
    throw new UserError(t(U.notAFile, { file: rel, what: t(what) }));
  }
  let backup: string | undefined;
  if (stat) {
    // What cannot be kept is not replaced either.
    const existing = readRegularFile(target, { maxBytes: MAX_KEPT_BYTES, root });
    if (!existing.ok) throw new UserError(describeReadFailure(existing, rel));
    if (!existing.bytes.equals(Buffer.from(bytes))) {
      const stamp = now.toISOString().replace(/[:.]/g, "-");
      const base = rel.split("/").join("-");
      backup = `.lokmin/cadangan/${stamp}-${base}`;
      for (let n = 2; pathPresent(path.join(root, ...backup.split("/"))); n++)
        backup = `.lokmin/cadangan/${stamp}-${n}-${base}`;
      writeFileAtomic(path.join(root, ...backup.split("/")), existing.bytes, { overwrite: false, label: backup });
    }
  }
  writeFileAtomic(target, bytes, { overwrite: true, label: rel });
  return { backup };
}

/**
 * A workspace file named by a request (a link's `?berkas=`, a route's parameter), as the `/`-joined
 * relative name lokmin itself uses, or undefined for any name that could mean something else on
 * some computer: absolute (`/x`, `C:\x`, `C:x`, `\\server\share`), a backslash, a `.` or `..` part
 * (also `%2e%2e` once the router decoded it), a `:` (a drive, or an NTFS stream: `lokmin.yaml:x`),
 * a control character, a part ending in a dot or space (Windows drops them), a device name (CON,
 * NUL.xlsx). Only a name; links out of the workspace are refused where the file is read
 * (readRegularFile with the workspace as its root).
 */
export function workspaceRel(sent: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  if (sent === "" || /[\\:\u0000-\u001f\u007f]/.test(sent) || sent.startsWith("/")) return undefined;
  const parts = sent.split("/");
  const bad = (part: string) =>
    part === "" || part === "." || part === ".." || /[. ]$/.test(part) || DEVICE.test(part.split(".")[0]);
  return parts.some(bad) ? undefined : parts.join("/");
}

/**
 * A Content-Disposition header that downloads `name` under that name: the name can never end the
 * header or add one (quotes, `;`, line breaks), an ASCII fallback for old browsers and the exact
 * name in UTF-8 (RFC 6266, RFC 8187).
 */
export function attachment(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, "") || "unduhan";
  const ascii = clean
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\;%]/g, "_");
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
