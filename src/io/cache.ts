// A parse cache for valid files, outside the workspace (so the folder git tracks never changes):
// per workspace one JSON file in the user's cache folder mapping each file to the hash of its
// text and its validated data. A file whose text changed, or any change of lokmin's schemas,
// misses. Best effort: a cache that cannot be read or written is simply not used.
// LOKMIN_NO_CACHE=1 turns it off; LOKMIN_CACHE_DIR moves it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { writeFileAtomic } from "./write.js";

declare const __SCHEMA_FINGERPRINT__: string | undefined;

interface Entry {
  hash: string;
  kind: string;
  data: unknown;
}

interface CacheFile {
  fingerprint: string;
  entries: Record<string, Entry>;
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOKMIN_CACHE_DIR) return env.LOKMIN_CACHE_DIR;
  if (process.platform === "win32" && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, "lokmin", "cache");
  const base = env.XDG_CACHE_HOME || (homedir() ? path.join(homedir(), ".cache") : tmpdir());
  return path.join(base, "lokmin");
}

const fingerprint = typeof __SCHEMA_FINGERPRINT__ === "string" ? __SCHEMA_FINGERPRINT__ : undefined;

export class ParseCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;
  private readonly file?: string;

  constructor(root: string, env: NodeJS.ProcessEnv = process.env) {
    // Without a build fingerprint (tests running the sources) or when disabled, nothing is cached.
    if (!fingerprint || env.LOKMIN_NO_CACHE === "1") return;
    const key = createHash("sha1").update(path.resolve(root)).digest("hex").slice(0, 16);
    this.file = path.join(cacheDir(env), `${key}.json`);
    try {
      const stored = JSON.parse(readFileSync(this.file, "utf8")) as CacheFile;
      if (stored.fingerprint === fingerprint) this.entries = stored.entries;
    } catch {
      // no cache yet, or unreadable: start empty
    }
  }

  static hash(text: string): string {
    return createHash("sha1").update(text).digest("base64");
  }

  get<T>(rel: string, kind: string, hash: string): T | undefined {
    const entry = this.file ? this.entries[`${kind}:${rel}`] : undefined;
    return entry && entry.hash === hash && entry.kind === kind ? (entry.data as T) : undefined;
  }

  set(rel: string, kind: string, hash: string, data: unknown): void {
    if (!this.file) return;
    this.entries[`${kind}:${rel}`] = { hash, kind, data };
    this.dirty = true;
  }

  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      const content: CacheFile = { fingerprint: fingerprint!, entries: this.entries };
      writeFileAtomic(this.file, JSON.stringify(content), { overwrite: true });
      this.dirty = false;
    } catch {
      // a read-only home or a full disk only costs speed
    }
  }
}

/** A derived file (such as the trend chart PNG) keyed by the hash of what it was made from. */
export async function cachedBlob(
  key: string,
  make: () => Promise<Uint8Array>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Uint8Array> {
  if (!fingerprint || env.LOKMIN_NO_CACHE === "1") return make();
  const file = path.join(
    cacheDir(env),
    "blobs",
    `${createHash("sha1").update(fingerprint).update(key).digest("hex")}.bin`,
  );
  try {
    return readFileSync(file);
  } catch {
    const data = await make();
    try {
      writeFileAtomic(file, data, { overwrite: true });
    } catch {
      // best effort
    }
    return data;
  }
}
