// A cache of the summaries of received packages, so a Dinas that runs `summary` over its inbox
// every month reads only the packages that are new. A package is named by the SHA-256 of its zip
// bytes: the same bytes verify the same way and hold the same month, so a hit stands for a package
// whose checksums were verified when it was first read (a changed or tampered zip has another
// SHA-256 and is verified afresh). Like the parse cache, nothing read is trusted: an entry counts
// only when its checksum matches and it passes the summary's schema, and only for the exact lokmin
// sources that wrote it; anything else is read again. One small file per package in the user's
// cache folder (`paket/`), written without fsync: a torn entry fails its checksum and is redone.
// LOKMIN_NO_CACHE=1 turns it off.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { monthSummarySchema } from "../domain/summary.js";
import { cacheDir } from "./cache.js";
import { readRegularFile } from "./fs-safe.js";

declare const __SOURCE_FINGERPRINT__: string | undefined;
const fingerprint = typeof __SOURCE_FINGERPRINT__ === "string" ? __SOURCE_FINGERPRINT__ : undefined;

export const packageSummarySchema = z.strictObject({
  puskesmas: z.strictObject({ nama: z.string(), kecamatan: z.string(), kabupaten_kota: z.string() }),
  dibuat: z.string(),
  summary: monthSummarySchema,
});
export type PackageSummary = z.infer<typeof packageSummarySchema>;

const checksum = (key: string, text: string) =>
  createHash("sha256").update(`${fingerprint}\0${key}\0${text}`).digest("base64");

export class PackageCache {
  private readonly dir?: string;
  private counter = 0;

  constructor(env: NodeJS.ProcessEnv, enabled = fingerprint !== undefined) {
    if (enabled && env.LOKMIN_NO_CACHE !== "1") this.dir = path.join(cacheDir(env), "paket");
  }

  private fileOf(key: string) {
    return path.join(this.dir!, key.slice(0, 2), `${key}.json`);
  }

  /** The summary of the package whose zip bytes have SHA-256 `key`, when a sound entry is kept. */
  get(key: string): PackageSummary | undefined {
    if (!this.dir) return undefined;
    const read = readRegularFile(this.fileOf(key), { maxBytes: 16 * 1024 * 1024 });
    if (!read.ok) return undefined;
    const text = read.bytes.toString("utf8");
    const cut = text.indexOf("\n");
    if (cut < 0 || text.slice(0, cut) !== checksum(key, text.slice(cut + 1))) return undefined;
    try {
      const parsed = packageSummarySchema.safeParse(JSON.parse(text.slice(cut + 1)));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, entry: PackageSummary): void {
    if (!this.dir) return;
    const file = this.fileOf(key);
    const body = JSON.stringify(entry);
    const temp = `${file}.${process.pid}.${this.counter++}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temp, `${checksum(key, body)}\n${body}`);
      renameSync(temp, file);
    } catch {
      // a read-only or full cache folder only costs speed
    }
  }
}
