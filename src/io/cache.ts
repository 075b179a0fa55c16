// A parse cache for valid files, outside the workspace (so the folder git tracks never changes):
// per workspace one JSON file in the user's cache folder mapping each file to the hash of its
// text and its validated data. Nothing read from it is trusted: an entry counts only when the
// text hash matches, its checksum matches its data and the data passes the schema again; any
// doubt discards the entry and the file is read afresh, so the cache can never change a result.
// LOKMIN_NO_CACHE=1 turns it off; LOKMIN_CACHE_DIR moves it.
import { createHash } from "node:crypto";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import type { z } from "zod";
import { readRegularFile } from "./fs-safe.js";
import { writeFileAtomic } from "./write.js";

declare const __SCHEMA_FINGERPRINT__: string | undefined;

interface Entry {
  hash: string;
  kind: string;
  sum: string;
  data: unknown;
}

const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOKMIN_CACHE_DIR) return env.LOKMIN_CACHE_DIR;
  if (process.platform === "win32" && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, "lokmin", "cache");
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), ".cache") : tmpdir());
  return path.join(base, "lokmin");
}

const fingerprint = typeof __SCHEMA_FINGERPRINT__ === "string" ? __SCHEMA_FINGERPRINT__ : undefined;

const checksum = (rel: string, kind: string, hash: string, data: unknown) =>
  createHash("sha256")
    .update(`${fingerprint}\0${kind}\0${rel}\0${hash}\0${JSON.stringify(data)}`)
    .digest("base64");

const isEntry = (value: unknown): value is Entry =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Entry).hash === "string" &&
  typeof (value as Entry).kind === "string" &&
  typeof (value as Entry).sum === "string";

export class ParseCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;
  private readonly file?: string;

  constructor(root: string, env: NodeJS.ProcessEnv = process.env, enabled = fingerprint !== undefined) {
    // Without a build fingerprint (tests running the sources) or when disabled, nothing is cached.
    if (!enabled || env.LOKMIN_NO_CACHE === "1") return;
    const key = createHash("sha1").update(path.resolve(root)).digest("hex").slice(0, 16);
    this.file = path.join(cacheDir(env), `${key}.json`);
    const read = readRegularFile(this.file, { maxBytes: MAX_CACHE_BYTES });
    if (!read.ok) return;
    try {
      const stored = JSON.parse(read.bytes.toString("utf8"));
      if (stored?.fingerprint === fingerprint && typeof stored.entries === "object" && stored.entries !== null) {
        this.entries = stored.entries;
      }
    } catch {
      this.dirty = true;
    }
  }

  static hash(text: string): string {
    return createHash("sha1").update(text).digest("base64");
  }

  get<T>(rel: string, kind: string, hash: string, schema: z.ZodType<T>): T | undefined {
    if (!this.file) return undefined;
    const key = `${kind}:${rel}`;
    const entry: unknown = this.entries[key];
    if (entry === undefined) return undefined;
    if (
      isEntry(entry) &&
      entry.hash === hash &&
      entry.kind === kind &&
      entry.sum === checksum(rel, kind, hash, entry.data)
    ) {
      const parsed = schema.safeParse(entry.data);
      if (parsed.success) return parsed.data;
    }
    delete this.entries[key];
    this.dirty = true;
    return undefined;
  }

  set(rel: string, kind: string, hash: string, data: unknown): void {
    if (!this.file) return;
    this.entries[`${kind}:${rel}`] = { hash, kind, sum: checksum(rel, kind, hash, data), data };
    this.dirty = true;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      writeFileAtomic(this.file, JSON.stringify({ fingerprint, entries: this.entries }), { overwrite: true });
      this.dirty = false;
    } catch {
      // a read-only home or a full disk only costs speed
    }
  }
}

/** Blobs made in this process (the CLI run in-process by tests and tools), by key. */
const MADE = new Map<string, Uint8Array>();

/**
 * A derived file (such as a chart PNG) keyed by the hash of what it was made from. A stored blob
 * carries the SHA-256 of its bytes and must pass `valid`; anything else is made again.
 */
export async function cachedBlob(
  key: string,
  make: () => Promise<Uint8Array>,
  valid: (data: Uint8Array) => boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Uint8Array> {
  if (env.LOKMIN_NO_CACHE === "1") return make();
  const remembered = MADE.get(key);
  if (remembered) return remembered;
  if (!fingerprint) {
    const data = await make();
    MADE.set(key, data);
    return data;
  }
  const name = createHash("sha1").update(`${fingerprint}\0${key}`).digest("hex");
  const file = path.join(cacheDir(env), "blobs", `${name}.bin`);
  const read = readRegularFile(file, { maxBytes: 64 * 1024 * 1024 });
  if (read.ok && read.bytes.length > 32) {
    const sum = read.bytes.subarray(0, 32);
    const data = read.bytes.subarray(32);
    if (createHash("sha256").update(data).digest().equals(sum) && valid(data)) return data;
  }
  const data = await make();
  try {
    const sum = createHash("sha256").update(data).digest();
    writeFileAtomic(file, Buffer.concat([sum, Buffer.from(data)]), { overwrite: true });
  } catch {
    // best effort
  }
  return data;
}
