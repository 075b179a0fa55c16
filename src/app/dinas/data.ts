// The Dinas mode's data at the edge: the folder's packages and workspaces summarised by the same
// operation as `lokmin summary` (src/ops/summary.ts, with the package cache), kept in memory until
// the folder changes (a package added, replaced or removed); and, for one Puskesmas' month, the
// package opened in memory — verified, never unpacked to disk — or the workspace read, for its
// check result, its documents and its notulen. Only files inside the folder are read.
import { statSync } from "node:fs";
import path from "node:path";
import { type DinasOverview, dinasOverview } from "../../domain/dinas-overview.js";
import type { PuskesmasSummary } from "../../domain/summary.js";
import { readRegularFile } from "../../io/fs-safe.js";
import { dinasInputs, gatherSummary, type MonthSource } from "../../ops/summary.js";

export interface DinasState {
  /** The folder of packages and workspaces, absolute. */
  folder: string;
  name: string;
  loaded?: LoadedOverview;
  /** Packages opened lately, by file (a month's page, its documents, its PDF and its letter read the same one). */
  opened: Map<string, { stamp: string; pkg: OpenedPackage }>;
  /** PDFs made of documents, by the SHA-256 of the DOCX. */
  pdfs: Map<string, Uint8Array>;
  /** The full read that verifies every package after a first look, while it runs. */
  verifying?: Promise<void>;
}

export interface LoadedOverview {
  stamp: string;
  overview: DinasOverview;
  sources: Map<PuskesmasSummary, Map<string, MonthSource>>;
  /** How long reading took (for the page's footer and the bench). */
  ms: number;
  /**
   * Packages shown from their manifest while their other files' checksums are still being verified
   * (0 once the full read has replaced this overview, and when there was no first look).
   */
  unverified: number;
}

export interface OpenedPackage {
  files: Map<string, Uint8Array>;
  check: unknown;
}

export const newDinasState = (folder: string): DinasState => ({
  folder,
  name: path.basename(folder) || folder,
  opened: new Map(),
  pdfs: new Map(),
});

/** What the folder holds now, as a fingerprint: each input's name, size and time of change. */
function stampOf(inputs: readonly string[]): string {
  return inputs
    .map((file) => {
      try {
        const s = statSync(file);
        return `${file}\0${s.size}\0${s.mtimeMs}`;
      } catch {
        return `${file}\0-`;
      }
    })
    .join("\n");
}

/** From this many packages the first open is a first look (see loadOverview). */
export const FIRST_LOOK_FROM = 200;

/**
 * The overview, read again only when the folder changed (or when asked to). A folder of many
 * packages not yet in the cache is first read from each package's manifest and lokmin.yaml (their
 * own checksums verified, the other files' names and sizes checked against the manifest), so the
 * page answers at once and says so; every package is then read in full on the worker thread (each
 * file's SHA-256, the results kept in the cache), and that overview replaces the first one — a
 * package that fails is then listed with its error. A month's page always reads its package in full.
 */
export async function loadOverview(
  dinas: DinasState,
  ctx: { env: NodeJS.ProcessEnv; today: string },
  force = false,
  firstLookFrom = FIRST_LOOK_FROM,
): Promise<LoadedOverview> {
  const inputs = dinasInputs(dinas.folder);
  const stamp = stampOf(inputs);
  if (!force && dinas.loaded?.stamp === stamp) return dinas.loaded;
  const started = performance.now();
  const summaryCtx = { cwd: dinas.folder, env: ctx.env, today: ctx.today };
  const light = inputs.filter((file) => /\.zip$/i.test(file)).length >= firstLookFrom;
  const { entries, sources, unverified } = await gatherSummary(summaryCtx, inputs, { light });
  const ms = performance.now() - started;
  const loaded: LoadedOverview = { stamp, overview: dinasOverview(entries), sources, ms, unverified };
  dinas.loaded = loaded;
  if (unverified > 0) {
    // Started once this turn is over, so the page that asked is answered first.
    dinas.verifying = new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => gatherSummary(summaryCtx, inputs, { offThread: true }))
      .then((full) => {
        // Unless the folder was read again meanwhile: then that read stands.
        if (dinas.loaded === loaded)
          dinas.loaded = { stamp, overview: dinasOverview(full.entries), sources: full.sources, ms, unverified: 0 };
      })
      .catch(() => {
        // The first look stays, still saying it is not verified; reading again (baca ulang) retries.
      })
      .finally(() => {
        dinas.verifying = undefined;
      });
  }
  return loaded;
}

/** A package of the folder, opened in memory (verified first), kept for the next few requests. */
export async function openPackageFile(dinas: DinasState, file: string): Promise<OpenedPackage> {
  const stamp = stampOf([file]);
  const kept = dinas.opened.get(file);
  if (kept && kept.stamp === stamp) return kept.pkg;
  const { readPackage } = await import("../../io/paket.js");
  const read = await readPackage(file, path.basename(file));
  const pkg = { files: read.files, check: read.check };
  dinas.opened.set(file, { stamp, pkg });
  // Only a few at a time: a package is up to a few megabytes in memory.
  while (dinas.opened.size > 6) dinas.opened.delete(dinas.opened.keys().next().value!);
  return pkg;
}

export interface MonthDocument {
  /** The file's name in the month's dokumen folder. */
  name: string;
  bytes: number;
}

/** The documents of a month (dokumen/*), by name, from its package or its workspace. */
export async function monthDocuments(
  dinas: DinasState,
  source: MonthSource,
  month: string,
): Promise<{ list: MonthDocument[]; read: (name: string) => Uint8Array | undefined }> {
  const prefix = `${month}/dokumen/`;
  if (source.kind === "paket") {
    const pkg = await openPackageFile(dinas, source.file);
    const names = [...pkg.files.keys()].filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes("/"));
    return {
      list: names.sort().map((n) => ({ name: n.slice(prefix.length), bytes: pkg.files.get(n)!.length })),
      read: (name) => (names.includes(`${prefix}${name}`) ? pkg.files.get(`${prefix}${name}`) : undefined),
    };
  }
  const { readdirSync } = await import("node:fs");
  const dir = path.join(source.root, month, "dokumen");
  let names: string[] = [];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter(
        (e) => e.isFile() && !e.name.startsWith(".") && !e.name.startsWith("~$") && !e.name.includes(".lokmin-tmp-"),
      )
      .map((e) => e.name)
      .sort();
  } catch {
    names = [];
  }
  const read = (name: string) => {
    if (!names.includes(name)) return undefined;
    const r = readRegularFile(path.join(dir, name), { maxBytes: 64 << 20, root: source.root });
    return r.ok ? new Uint8Array(r.bytes) : undefined;
  };
  return {
    list: names.map((name) => ({ name, bytes: read(name)?.length ?? 0 })),
    read,
  };
}

/** A month's check result as the package's check.json has it (and as `check --json` prints it). */
export interface CheckView {
  findings: Array<{ rule: string; severity: string; file: string; line?: number; message: string }>;
  month?: {
    tilik: {
      score: number;
      total: number;
      items: Array<{
        no: number;
        id: string;
        question: string;
        answer: boolean | null;
        source?: string | null;
        reason?: string;
      }>;
    };
    arsip: { present: number; total: number; items: Array<{ id: string; name: string; present: boolean | null }> };
  };
}

/** The month's data, validated, for its check result and the feedback letter. */
export interface SentMonth {
  config: import("../../domain/schema.js").Workspace;
  meeting?: import("../../domain/schema.js").Meeting;
  meetingFile: string;
  programs: import("../../domain/schema.js").ProgramReport[];
  /** The month as the loader gives it (what the render input takes). */
  loaded: import("../../domain/workspace-data.js").MonthData;
  check: CheckView;
}

const asCheckView = (check: unknown, month: string): CheckView => {
  const view = (check ?? {}) as {
    findings?: CheckView["findings"];
    months?: Array<CheckView["month"] & { month: string }>;
  };
  return {
    findings: (view.findings ?? []).filter((f) => typeof f?.file === "string" && f.file.startsWith(`${month}/`)),
    month: view.months?.find((m) => m?.month === month),
  };
};

/** Read a month from its package (in memory) or its workspace; a message when it cannot be read. */
export async function monthData(
  dinas: DinasState,
  source: MonthSource,
  month: string,
  ctx: { env: NodeJS.ProcessEnv; today: string },
): Promise<SentMonth | { error: string }> {
  const { meetingSchema, programReportSchema, workspaceSchema } = await import("../../domain/schema.js");
  const meetingFile = `${month}/rapat.yaml`;
  if (source.kind === "paket") {
    const { decodeUtf8, loadValidated } = await import("../../io/yaml-source.js");
    const pkg = await openPackageFile(dinas, source.file);
    const read = <T>(name: string, schema: import("zod").ZodType<T>): T | string | undefined => {
      const bytes = pkg.files.get(name);
      if (!bytes) return undefined;
      const decoded = decodeUtf8(bytes, name);
      if (decoded.text === undefined) return `${name}: ${decoded.finding?.message ?? ""}`;
      const result = loadValidated(decoded.text, name, schema, decoded.bom);
      if (result.data !== undefined) return result.data;
      const first = result.findings.find((f) => f.severity === "error");
      return `${name}: ${first?.message ?? ""}`;
    };
    const config = read("lokmin.yaml", workspaceSchema);
    if (typeof config !== "object") return { error: config ?? "lokmin.yaml" };
    const meeting = read(meetingFile, meetingSchema);
    const programs = [...pkg.files.keys()]
      .filter((n) => n.startsWith(`${month}/program/`) && /\.ya?ml$/i.test(n))
      .sort()
      .flatMap((file) => {
        const data = read(file, programReportSchema);
        return typeof data === "object" ? [{ file, data }] : [];
      });
    const valid = typeof meeting === "object" ? meeting : undefined;
    return {
      config,
      meeting: valid,
      meetingFile,
      programs: programs.map((p) => p.data),
      loaded: { id: month, meeting: valid && { file: meetingFile, data: valid }, programs },
      check: asCheckView(pkg.check, month),
    };
  }
  const { ParseCache } = await import("../../io/cache.js");
  const { loadWorkspace, probeFile } = await import("../../io/workspace.js");
  const { checkWorkspace } = await import("../../domain/check/check.js");
  const { positionAll } = await import("../../io/positions.js");
  const cache = new ParseCache(source.root, ctx.env);
  const workspace = loadWorkspace(source.root, { cache });
  cache.save();
  const config = workspace.config?.data;
  if (!config) return { error: "lokmin.yaml" };
  const loaded = workspace.months.find((m) => m.id === month);
  const report = checkWorkspace({ workspace, months: [month], today: ctx.today, probe: probeFile(source.root) });
  const findings = positionAll(
    report.findings.filter((f) => f.file.startsWith(`${month}/`)),
    (file) => workspace.sources.get(file),
  ).map((d) => ({ rule: d.rule, severity: d.severity, file: d.file, line: d.line, message: d.message }));
  const checked = report.months.find((m) => m.month === month);
  return {
    config,
    meeting: loaded?.meeting?.data,
    meetingFile,
    programs: loaded?.programs.map((p) => p.data) ?? [],
    loaded: loaded ?? { id: month, programs: [] },
    check: { findings, month: checked ? { tilik: checked.tilik, arsip: checked.arsip } : undefined },
  };
}
