// The workspace files the app reads: each through readRegularFile with the workspace as its root
// (nothing outside it, no FIFO, no link leading out, a size limit), with the SHA-256 of its bytes
// as the version a page carries and the disk is compared with.
import { createHash } from "node:crypto";
import path from "node:path";
import type { Finding } from "../domain/findings.js";
import { describeReadFailure, readRegularFile } from "../io/fs-safe.js";
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
