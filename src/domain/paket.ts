// The monthly package a Puskesmas sends the Dinas (`lokmin paket`): what goes in (the month's YAML,
// its documents, the `check` result as JSON) and the manifest that lists every file with its size
// and SHA-256 and the kesepakatan still open (their history lies in earlier months, not in the
// package), and what a received package must satisfy before `summary` reads it. Pure: the bytes and
// their hashes come from the edge (src/io/paket.ts).
import { msg, t } from "../i18n/index.js";
import type { CommitmentHistory } from "./commitments.js";
import { figureSources, type MonthCheck } from "./summary.js";
import { z } from "zod";
import {
  indicatorReportSchema,
  indicatorSchema,
  type ProgramReport,
  programReportSchema,
  type Workspace,
} from "./schema.js";

export const PACKAGE_FORMAT = "lokmin-paket";
export const PACKAGE_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";
export const CHECK_FILE = "check.json";

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface OpenCommitment {
  id: string;
  uraian: string;
  penanggung_jawab: string;
  tenggat: string;
  status: string | null;
}

/**
 * The month's figures as the package's index (manifest `capaian`): per program file its indicators'
 * raw values, written by `paket` from the same validated files it packs, so the Dinas' summary reads
 * the figures without parsing every YAML file (it still verifies every file's checksum).
 */
export const packagedFiguresSchema = z.array(
  z.strictObject({
    program: programReportSchema.shape.program,
    /** The month the figures cover (absent in packages made before lokmin knew periods: the folder's). */
    periode: z.string().optional(),
    indikator: z.array(
      indicatorReportSchema
        .pick({
          id: true,
          sasaran: true,
          target_tahunan: true,
          target_kumulatif: true,
          bulan_ini: true,
          kumulatif: true,
          per_desa: true,
        })
        .extend({ akumulasi: indicatorSchema.shape.akumulasi }),
    ),
  }),
);
export type PackagedFigures = z.infer<typeof packagedFiguresSchema>;

/** The index of a month's program files (see packagedFiguresSchema): periods and kinds resolved from lokmin.yaml. */
export const packagedFigures = (
  config: Pick<Workspace, "program" | "periode_data">,
  folder: string,
  programs: readonly ProgramReport[],
): PackagedFigures =>
  figureSources(config, folder, programs).map((source) => ({ ...source, indikator: [...source.indikator] }));

export interface Manifest {
  format: typeof PACKAGE_FORMAT;
  versi: number;
  lokmin: string;
  puskesmas: { nama: string; kecamatan: string; kabupaten_kota: string };
  bulan: string;
  dibuat: string;
  /** Kesepakatan still open at the end of the month, monthly and quarterly, from the whole history. */
  kesepakatan_terbuka: OpenCommitment[];
  berkas: ManifestEntry[];
  /** The month's figures (absent in packages made before lokmin wrote it: summary then reads the YAML). */
  capaian?: PackagedFigures;
  check: {
    galat: number;
    peringatan: number;
    tilik: string;
    arsip: string;
    /** Whether the Lokmin was held (a date, someone present); absent in older packages: summary reads rapat.yaml. */
    dilaksanakan?: boolean;
    /** What summary takes from check.json for the month (absent in older packages: summary parses check.json). */
    ringkasan?: MonthCheck;
  };
}

/** `lokmin-uptd-puskesmas-sukamaju-2024-05.zip` */
export function packageName(config: Workspace, month: string): string {
  const slug = config.puskesmas.nama
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return `lokmin-${slug || "puskesmas"}-${month}.zip`;
}

/** Whether a path inside a package is one lokmin would write: relative, forward slashes, no `..`. */
export function safeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 260) return false;
  if (name.startsWith("/") || name.includes("\\") || /^[a-zA-Z]:/.test(name)) return false;
  return name.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

const M = {
  notManifest: msg(
    "manifest.json tidak ada atau bukan manifest paket lokmin",
    "manifest.json is missing or not a lokmin package manifest",
  ),
  version: msg(
    "paket versi {version} belum dikenal lokmin ini; perbarui lokmin",
    "package version {version} is unknown to this lokmin; update lokmin",
  ),
  missing: msg(
    "{file} tercantum di manifest tetapi tidak ada di paket",
    "{file} is listed in the manifest but missing",
  ),
  size: msg(
    "{file}: ukuran {actual} bita, manifest {expected}",
    "{file}: {actual} bytes, the manifest says {expected}",
  ),
  checksum: msg("{file}: checksum SHA-256 tidak cocok", "{file}: SHA-256 checksum does not match"),
  extra: msg("{file} ada di paket tetapi tidak di manifest", "{file} is in the package but not in the manifest"),
  required: msg("paket tidak memuat {file}", "the package holds no {file}"),
};

/** What is wrong with a received package, given its manifest (parsed JSON) and each entry's size and hash. */
export function verifyPackage(manifest: unknown, entries: ReadonlyMap<string, { bytes: number; sha256: string }>) {
  const problems: string[] = [];
  const m = manifest as Partial<Manifest> | undefined;
  if (!m || m.format !== PACKAGE_FORMAT || !Array.isArray(m.berkas) || typeof m.bulan !== "string") {
    return { problems: [t(M.notManifest)] };
  }
  if (m.versi !== PACKAGE_VERSION) return { problems: [t(M.version, { version: String(m.versi) })] };
  const listed = new Set<string>();
  for (const entry of m.berkas) {
    listed.add(entry.path);
    const actual = entries.get(entry.path);
    if (!actual) problems.push(t(M.missing, { file: entry.path }));
    else if (actual.bytes !== entry.bytes)
      problems.push(t(M.size, { file: entry.path, actual: actual.bytes, expected: entry.bytes }));
    else if (actual.sha256 !== entry.sha256) problems.push(t(M.checksum, { file: entry.path }));
  }
  for (const name of entries.keys())
    if (name !== MANIFEST_FILE && !listed.has(name)) problems.push(t(M.extra, { file: name }));
  for (const file of [CHECK_FILE, "lokmin.yaml", `${m.bulan}/rapat.yaml`])
    if (!listed.has(file)) problems.push(t(M.required, { file }));
  return { problems, manifest: problems.length ? undefined : (m as Manifest) };
}

/** The kesepakatan open at the end of a month (both series), for the manifest. */
export function openCommitments(histories: readonly CommitmentHistory[]): OpenCommitment[] {
  return histories
    .filter((h) => h.open)
    .map((h) => ({
      id: h.commitment.id,
      uraian: h.commitment.uraian,
      penanggung_jawab: h.commitment.penanggung_jawab,
      tenggat: h.commitment.tenggat,
      status: h.status,
    }));
}
