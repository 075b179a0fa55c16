// Everything lokmin writes goes through here: YAML serialised the one canonical way, line
// endings and BOM of the original kept, and files replaced atomically (temporary file in the
// same folder, then rename) so a crash or a file held open by Word never leaves half a file.

import { randomBytes } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { Document, ToStringOptions } from "yaml";
import { UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import type { YamlSource } from "./yaml-source.js";

export const YAML_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };

const M = {
  exists: msg("{file} sudah ada; pakai --force untuk menimpanya", "{file} already exists; use --force to overwrite it"),
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
};

/** Serialise a YAML document the canonical way, in the line endings and BOM of its source. */
export function serializeYaml(doc: Document, like?: Pick<YamlSource, "eol" | "bom">): string {
  let text = doc.toString(YAML_OPTIONS);
  if (like?.eol === "\r\n") text = text.replace(/\r?\n/g, "\r\n");
  return like?.bom ? `\uFEFF${text}` : text;
}

/** Injection point for tests that simulate a failure half-way through a write. */
export interface WriteOps {
  write(fd: number, data: Buffer): void;
  rename(from: string, to: string): void;
}
const realOps: WriteOps = {
  write: (fd, data) => {
    writeSync(fd, data);
  },
  rename: renameSync,
};
let ops: WriteOps = realOps;
export function setWriteOps(next: WriteOps | null): void {
  ops = next ?? realOps;
}

export interface WriteOptions {
  /** Replace an existing file. Without it an existing file is an error. */
  overwrite: boolean;
  /** Label used in messages (workspace-relative path). */
  label?: string;
}

function explain(error: NodeJS.ErrnoException, label: string): UserError {
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
    default:
      return new UserError(t(M.failed, { file: label, detail: error.message }));
  }
}

/** Write a file atomically. Throws UserError with a clear message; never leaves a temp file. */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions): void {
  const label = options.label ?? file;
  if (existsSync(file) && !options.overwrite) throw new UserError(t(M.exists, { file: label }));
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.lokmin-tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, "wx");
    try {
      ops.write(fd, Buffer.isBuffer(content) ? content : Buffer.from(content));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    ops.rename(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof UserError) throw error;
    throw explain(error as NodeJS.ErrnoException, label);
  }
}
