// The package zip on disk: collecting a month's files into one deterministic zip with its manifest
// (SHA-256 per file), and reading a received zip defensively: size and entry limits checked before
// anything is inflated, names that could escape a folder refused, every checksum verified. A package
// that fails is reported with what failed and none of its content is used.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import {
  CHECK_FILE,
  type Manifest,
  MANIFEST_FILE,
  type ManifestEntry,
  packagedFiguresSchema,
  safeEntryName,
  verifyPackage,
} from "../domain/paket.js";
import { meetingSchema, type ProgramReport, programReportSchema, workspaceSchema } from "../domain/schema.js";
import { lokminHeld } from "../domain/pkp.js";
import {
  figureSources,
  monthCheck,
  monthCheckSchema,
  type Names,
  namesOf,
  NO_NAMES,
  type PackagedMonth,
  packagedMonthSummary,
} from "../domain/summary.js";
import { MEETING_FILE, PRALOKMIN_DIR, PROGRAM_DIR, QUARTERLY_FILE, WORKSPACE_FILE } from "../domain/workspace-data.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, pathPresent, readRegularFile } from "./fs-safe.js";
import type { PackageCache, PackageSummary } from "./package-cache.js";
import { decodeUtf8, fastParse, loadValidated, MAX_FILE_BYTES, parseYaml, toData } from "./yaml-source.js";

const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_TOTAL_BYTES = 300 * 1024 * 1024;
const MAX_ENTRIES = 5000;
export const DOCUMENT_DIR = "dokumen";

const M = {
  unreadable: msg("{file} tidak dapat dibaca: {detail}", "{file} cannot be read: {detail}"),
  skipped: msg("tidak dimasukkan ke paket: {detail}", "left out of the package: {detail}"),
  notZip: msg("{file} bukan berkas zip yang utuh ({detail})", "{file} is not an intact zip file ({detail})"),
  tooMany: msg("{file} memuat lebih dari {max} berkas", "{file} holds more than {max} files"),
  tooBig: msg(
    "{file} terlalu besar setelah dibuka ({entry}); paket lokmin tidak sebesar itu",
    "{file} is too big once unpacked ({entry}); a lokmin package is never that large",
  ),
  badName: msg("{file} memuat nama berkas yang tidak aman: {entry}", "{file} holds an unsafe file name: {entry}"),
  failed: msg(
    "paket {file} tidak lolos pemeriksaan checksum dan tidak dibaca: {problems}",
    "package {file} failed its checksum verification and was not read: {problems}",
  ),
  badJson: msg("{entry} di {file} bukan JSON yang sah", "{entry} in {file} is not valid JSON"),
};

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The workspace-relative files of a month that go into its package (YAML and documents), sorted. */
export function packageSources(root: string, month: string): { yaml: string[]; documents: string[] } {
  const list = (dir: string, keep: (name: string) => boolean) => {
    const abs = path.join(root, dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) return [];
    // Every entry but folders: a link, a FIFO or a device is listed too, so that reading it says
    // why it is left out instead of it vanishing from the package without a word.
    return readdirSync(abs, { withFileTypes: true })
      .filter((e) => !e.isDirectory() && keep(e.name) && !e.name.startsWith("~$") && !e.name.startsWith("."))
      .map((e) => `${dir}/${e.name}`)
      .sort();
  };
  const yaml = (name: string) => /\.ya?ml$/i.test(name);
  return {
    yaml: [
      WORKSPACE_FILE,
      ...[MEETING_FILE, QUARTERLY_FILE].map((f) => `${month}/${f}`).filter((f) => pathPresent(path.join(root, f))),
      ...list(`${month}/${PRALOKMIN_DIR}`, yaml),
      ...list(`${month}/${PROGRAM_DIR}`, yaml),
    ],
    documents: list(`${month}/${DOCUMENT_DIR}`, (name) => !name.includes(".lokmin-tmp-")),
  };
}

/**
 * Read each file (regular files inside the workspace only) for the package. A file that cannot be
 * read (a FIFO, a folder, a link out of the workspace or looping, too big) is left out and named in
 * `skipped` with the reason; `check` reports the same YAML files, so the package says so too.
 */
export function readForPackage(
  root: string,
  files: readonly string[],
): { files: Map<string, Uint8Array>; skipped: Array<{ file: string; message: string }> } {
  const out = new Map<string, Uint8Array>();
  const skipped: Array<{ file: string; message: string }> = [];
  for (const file of files) {
    const maxBytes = /\.ya?ml$/i.test(file) ? MAX_FILE_BYTES : MAX_ENTRY_BYTES;
    const read = readRegularFile(path.join(root, file), { maxBytes, root });
    if (read.ok) out.set(file, read.bytes);
    else skipped.push({ file, message: t(M.skipped, { detail: describeReadFailure(read, file) }) });
  }
  return { files: out, skipped };
}

/** The zip: every file, check.json and the manifest, in a fixed order with a fixed date (same data, same bytes). */
export async function writePackageZip(
  files: ReadonlyMap<string, Uint8Array>,
  check: unknown,
  manifest: Omit<Manifest, "berkas">,
): Promise<{ zip: Uint8Array; manifest: Manifest }> {
  const { writeZip } = await import("../render/zip.js");
  const text = (value: unknown) => new Uint8Array(Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8"));
  const all = new Map(files);
  all.set(CHECK_FILE, text(check));
  const names = [...all.keys()].sort();
  const berkas: ManifestEntry[] = names.map((name) => ({
    path: name,
    bytes: all.get(name)!.length,
    sha256: sha256(all.get(name)!),
  }));
  const full: Manifest = { ...manifest, berkas };
  const entries = new Map<string, Uint8Array>([[MANIFEST_FILE, text(full)]]);
  for (const name of names) entries.set(name, all.get(name)!);
  // The DOCX writer's container (node's zlib), dated the day the package was made.
  return { zip: new Uint8Array(writeZip(entries, { date: manifest.dibuat })), manifest: full };
}

export interface ReadPackage {
  manifest: Manifest;
  check: unknown;
  /** Every file of the package but the manifest and check.json, by workspace-relative name. */
  files: Map<string, Uint8Array>;
}

/** Open a received package; throws an Error whose message says what is wrong when it cannot be trusted. */
export async function readPackage(abs: string, label: string): Promise<ReadPackage> {
  return openPackage(readPackageBytes(abs, label), label);
}

/** The bytes of a package file (a regular file within the size limit), or an Error saying why not. */
function readPackageBytes(abs: string, label: string): Uint8Array {
  const read = readRegularFile(abs, { maxBytes: MAX_PACKAGE_BYTES });
  if (!read.ok) throw new Error(t(M.unreadable, { file: label, detail: describeReadFailure(read, label) }));
  return read.bytes;
}

/**
 * Entries already verified in an earlier package of the same run, by name and SHA-256: a Puskesmas
 * sends the same lokmin.yaml month after month, and the same compressed bytes inflate to the same
 * content, whose SHA-256 was checked against the manifest then. Only these names are kept.
 */
export type VerifiedEntries = Map<string, { method: number; raw: Buffer; data: Uint8Array }>;
const REUSED = new Set([WORKSPACE_FILE]);

/** Verify and unpack a package's bytes; throws an Error whose message says what is wrong when it cannot be trusted. */
async function openPackage(
  bytes: Uint8Array,
  label: string,
  verified?: VerifiedEntries,
  /**
   * Inflate and hash only the manifest and lokmin.yaml (the Dinas view's first page): the other files
   * are checked against the manifest by name and by the size the zip declares, their SHA-256 later.
   */
  light = false,
): Promise<ReadPackage> {
  const { zipEntries, inflateEntry, ZipError } = await import("../render/zip.js");
  const limits = { maxEntries: MAX_ENTRIES, maxEntryBytes: MAX_ENTRY_BYTES, maxTotalBytes: MAX_TOTAL_BYTES };
  const fail = (error: unknown): never => {
    if (error instanceof PackageError) throw error;
    if (error instanceof ZipError && error.reason === "too-big") {
      const tooMany = /^\d+ entries$/.test(error.message);
      throw new Error(
        tooMany ? t(M.tooMany, { file: label, max: MAX_ENTRIES }) : t(M.tooBig, { file: label, entry: error.message }),
        { cause: error },
      );
    }
    throw new Error(t(M.notZip, { file: label, detail: (error as Error).message }), { cause: error });
  };
  const raw = new Map<string, import("../render/zip.js").ZipRawEntry>();
  try {
    // Names are judged and sizes and the entry count checked (readZip's limits) before anything is inflated.
    const safe = (name: string) => {
      if (!safeEntryName(name)) throw new PackageError(t(M.badName, { file: label, entry: name }));
      return true;
    };
    for (const entry of zipEntries(bytes, limits, safe)) raw.set(entry.name, entry);
  } catch (error) {
    fail(error);
  }
  // Every entry's SHA-256 is checked against the manifest below: the CRC-32 would only repeat it.
  const inflate = (name: string) => {
    try {
      return inflateEntry(raw.get(name)!, limits, { crc: false });
    } catch (error) {
      return fail(error);
    }
  };
  const manifestBytes = raw.has(MANIFEST_FILE) ? inflate(MANIFEST_FILE) : undefined;
  const parse = (name: string, bytes: Uint8Array | undefined) => {
    try {
      return bytes
        ? JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"))
        : undefined;
    } catch {
      throw new Error(t(M.badJson, { entry: name, file: label }));
    }
  };
  const parsed = parse(MANIFEST_FILE, manifestBytes);
  const listed = new Map<string, string>();
  if (Array.isArray(parsed?.berkas))
    for (const b of parsed.berkas as unknown[]) {
      const e = b as Partial<ManifestEntry> | null;
      if (typeof e?.path === "string" && typeof e.sha256 === "string") listed.set(e.path, e.sha256);
    }
  const files = new Map<string, Uint8Array>();
  const sizes = new Map<string, { bytes: number; sha256: string }>();
  // The manifest's own hash counts only if it lists itself (verifyPackage then reports the mismatch).
  if (manifestBytes)
    sizes.set(MANIFEST_FILE, {
      bytes: manifestBytes.length,
      sha256: listed.has(MANIFEST_FILE) ? sha256(manifestBytes) : "",
    });
  for (const [name, entry] of raw) {
    if (name === MANIFEST_FILE) continue;
    const expected = listed.get(name);
    const key = `${name}\0${expected}`;
    const known = expected !== undefined && REUSED.has(name) ? verified?.get(key) : undefined;
    if (known && known.method === entry.method && known.data.length === entry.size && known.raw.equals(entry.raw)) {
      files.set(name, known.data);
      sizes.set(name, { bytes: known.data.length, sha256: expected! });
      continue;
    }
    if (light && name !== WORKSPACE_FILE) {
      sizes.set(name, { bytes: entry.size, sha256: expected ?? "" });
      continue;
    }
    const data = inflate(name);
    const sum = sha256(data);
    files.set(name, data);
    sizes.set(name, { bytes: data.length, sha256: sum });
    if (verified && REUSED.has(name) && sum === expected)
      verified.set(key, { method: entry.method, raw: Buffer.from(entry.raw), data });
  }
  const { problems, manifest } = verifyPackage(parsed, sizes);
  if (!manifest) throw new Error(t(M.failed, { file: label, problems: problems.join("; ") }));
  const checkBytes = files.get(CHECK_FILE);
  files.delete(CHECK_FILE);
  // check.json is parsed when it is first asked for: the summary takes what it needs from the
  // manifest (check.ringkasan), and its bytes were verified like every other file's.
  let check: { value: unknown } | undefined;
  return {
    manifest,
    get check() {
      check ??= { value: parse(CHECK_FILE, checkBytes) };
      return check.value;
    },
    files,
  };
}

class PackageError extends Error {}

/** What a package holds for the Dinas' summary: its manifest, its check result and the month's data. */
export interface PackagedRead {
  manifest: Manifest;
  check: unknown;
  month: PackagedMonth;
}

/**
 * Read a received package for `summary`: verified first (every checksum), then its month taken from
 * the manifest's index (`capaian` and `check.dilaksanakan`, which `paket` writes from the very files
 * it packs, and only from a workspace whose lokmin.yaml is valid). A package made before lokmin wrote
 * the index is read from its files in memory, as a workspace would be: lokmin.yaml must be valid (a
 * Puskesmas sends the same one month after month, so its verdict is kept in `configs` by its
 * SHA-256), the meeting says whether the Lokmin was held, the program files give the figures.
 * Throws an Error saying what is wrong when the package cannot be used.
 */
export async function readPackagedMonth(
  abs: string,
  label: string,
  configs: Map<string, string | null>,
): Promise<PackagedRead> {
  return monthOf(await readPackage(abs, label), configs);
}

async function monthOf(pkg: ReadPackage, configs: Map<string, string | null>): Promise<PackagedRead>;
/** With `indexOnly`, undefined when the month is not in the manifest's index (its files would be needed). */
async function monthOf(
  pkg: ReadPackage,
  configs: Map<string, string | null>,
  indexOnly: true,
): Promise<PackagedRead | undefined>;
async function monthOf(
  pkg: ReadPackage,
  configs: Map<string, string | null>,
  indexOnly = false,
): Promise<PackagedRead | undefined> {
  const month = pkg.manifest.bulan;
  const held = pkg.manifest.check?.dilaksanakan;
  const index = pkg.manifest.capaian === undefined ? undefined : packagedFiguresSchema.safeParse(pkg.manifest.capaian);
  if (typeof held === "boolean" && index?.success)
    return {
      manifest: pkg.manifest,
      get check() {
        return pkg.check;
      },
      month: { id: month, held, programs: index.data },
    };
  if (indexOnly) return undefined;
  const configSum = pkg.manifest.berkas.find((b) => b.path === WORKSPACE_FILE)!.sha256;
  let configError = configs.get(configSum);
  if (configError === undefined) {
    configError = firstError(pkg.files.get(WORKSPACE_FILE)!, WORKSPACE_FILE, workspaceSchema);
    configs.set(configSum, configError);
  }
  if (configError !== null) throw new Error(configError);
  const config = validated(pkg.files.get(WORKSPACE_FILE)!, WORKSPACE_FILE, workspaceSchema)!;
  const meeting = validated(pkg.files.get(`${month}/${MEETING_FILE}`)!, `${month}/${MEETING_FILE}`, meetingSchema);
  const programs: ProgramReport[] = [];
  for (const name of programEntries(pkg.files.keys(), month)) {
    const report = validated(pkg.files.get(name)!, name, programReportSchema);
    if (report) programs.push(report);
  }
  const figures = figureSources(config, month, programs);
  return {
    manifest: pkg.manifest,
    get check() {
      return pkg.check;
    },
    month: { id: month, held: lokminHeld(meeting), programs: figures },
  };
}

/** The month's program files in a package, one per program (kia.yaml wins over kia.yml), in name order. */
function programEntries(names: Iterable<string>, month: string): string[] {
  const prefix = `${month}/${PROGRAM_DIR}/`;
  const byProgram = new Map<string, string>();
  for (const name of [...names].sort()) {
    const base = name.slice(prefix.length);
    if (!name.startsWith(prefix) || base.includes("/") || !/\.ya?ml$/i.test(base)) continue;
    const id = base.replace(/\.ya?ml$/i, "").toLowerCase();
    const first = byProgram.get(id);
    if (first === undefined || /\.yaml$/.test(name)) byProgram.set(id, first && /\.yaml$/.test(first) ? first : name);
  }
  return [...byProgram.values()].sort();
}

function validated<T>(bytes: Uint8Array, file: string, schema: z.ZodType<T>): T | undefined {
  const decoded = decodeUtf8(bytes, file);
  if (decoded.text === undefined) return undefined;
  return loadValidated(decoded.text, file, schema, decoded.bom).data;
}

/** The first error of a file as `file: message`, or null when it is valid. */
function firstError<T>(bytes: Uint8Array, file: string, schema: z.ZodType<T>): string | null {
  const decoded = decodeUtf8(bytes, file);
  if (decoded.finding) return `${file}: ${decoded.finding.message}`;
  const result = loadValidated(decoded.text ?? "", file, schema, decoded.bom);
  if (result.data !== undefined) return null;
  const first = result.findings.find((f) => f.severity === "error");
  return first ? `${first.file}: ${first.message}` : file;
}

/**
 * A received package's summary row, for `summary`: from the package cache when these very bytes were
 * read before (src/io/package-cache.ts), else verified, read and summarised (and kept for next time).
 */
export async function summarizePackage(
  abs: string,
  label: string,
  memo: {
    configs: Map<string, string | null>;
    cache: PackageCache;
    names?: Map<string, Names>;
    verified?: VerifiedEntries;
  },
  /** Read for a first look (see openPackage): the result says `unverified`, and is not kept in the cache. */
  light = false,
): Promise<PackageSummary & { unverified?: true }> {
  const bytes = readPackageBytes(abs, label);
  const key = sha256(bytes);
  const kept = memo.cache.get(key);
  if (kept) return kept;
  const pkg = await openPackage(bytes, label, (memo.verified ??= new Map()), light);
  // A first look needs the manifest's index: a package without it is read in full.
  const read = light ? await monthOf(pkg, memo.configs, true) : await monthOf(pkg, memo.configs);
  if (!read) return summarizePackage(abs, label, memo);
  const { nama, kecamatan, kabupaten_kota } = read.manifest.puskesmas;
  const ringkasan = monthCheckSchema.safeParse(read.manifest.check?.ringkasan);
  if (light && !ringkasan.success) return summarizePackage(abs, label, memo);
  const checked = ringkasan.success ? ringkasan.data : monthCheck(read.check, read.month.id);
  const names = packageNames(pkg, (memo.names ??= new Map()));
  const summary = packagedMonthSummary(read.month, checked, read.manifest.kesepakatan_terbuka ?? [], names);
  const entry = { puskesmas: { nama, kecamatan, kabupaten_kota }, dibuat: read.manifest.dibuat, summary };
  if (light) return { ...entry, unverified: true };
  memo.cache.set(key, entry);
  return entry;
}

/**
 * The names of a package's programs, indicators and people, from its lokmin.yaml (its checksum was
 * verified with the others). A Puskesmas sends the same lokmin.yaml month after month, so it is read
 * once per SHA-256. A file that cannot be parsed gives no names (the ids are shown instead).
 */
export function packageNames(pkg: Pick<ReadPackage, "manifest" | "files">, memo: Map<string, Names>): Names {
  const sum = pkg.manifest.berkas.find((b) => b.path === WORKSPACE_FILE)?.sha256;
  const bytes = pkg.files.get(WORKSPACE_FILE);
  if (!sum || !bytes) return NO_NAMES;
  const known = memo.get(sum);
  if (known) return known;
  const decoded = decodeUtf8(bytes, WORKSPACE_FILE);
  let data: unknown;
  if (decoded.text !== undefined) {
    data = fastParse(decoded.text);
    if (data === undefined) {
      const parsed = parseYaml(decoded.text, WORKSPACE_FILE, decoded.bom);
      data = parsed.source ? toData(parsed.source).data : undefined;
    }
  }
  const names = namesOf(data);
  memo.set(sum, names);
  return names;
}
