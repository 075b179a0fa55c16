// The Dinas' summary gathered from what `summary` reads (and `lokmin buka FOLDER` opens in its Dinas
// mode): workspaces (each its own folder or git clone) and the packages Puskesmas send (`lokmin
// paket`), a .zip or a folder of them. Inputs are read one at a time (a package is verified, read in
// memory and let go; only its summary is kept), and the packages of one Puskesmas are gathered into
// one entry, a row per month. One broken workspace, or a package that fails its checksums, is an
// entry with its error and never stops the others. Nothing is printed: the command prints, the app
// shows.
import { existsSync, readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type MonthSummary, type PuskesmasSummary, type SummaryEntry, summarizeWorkspace } from "../domain/summary.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { getLang, msg, t } from "../i18n/index.js";
import { ParseCache } from "../io/cache.js";
import type { PackageSummary } from "../io/package-cache.js";
import { positionAll } from "../io/positions.js";
import { findWorkspaceRoot, loadWorkspace, probeFile } from "../io/workspace.js";

/** What the summary needs from its caller (the CLI's context and the app's per-request context both fit). */
export interface SummaryContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  today: string;
}

const M = {
  replaced: msg(
    "{month} dikirim lebih dari sekali; yang terbaru dipakai ({file})",
    "{month} was sent more than once; the latest is used ({file})",
  ),
};

/** Where a Puskesmas' month was read from: the package chosen for it, or the workspace holding it. */
export type MonthSource = { kind: "paket"; file: string } | { kind: "workspace"; root: string };

function summarizeOne(ctx: SummaryContext, dir: string, roots?: Map<string, string>): SummaryEntry {
  try {
    const root = findWorkspaceRoot(path.resolve(ctx.cwd, dir));
    roots?.set(dir, root);
    const cache = new ParseCache(root, ctx.env);
    const workspace = loadWorkspace(root, { cache });
    cache.save();
    if (!workspace.config) {
      const [first] = positionAll(
        workspace.findings.filter((d) => d.file === WORKSPACE_FILE),
        (file) => workspace.sources.get(file),
      );
      return {
        dir,
        error: first ? `${first.file}:${first.line}:${first.column} ${first.message}` : WORKSPACE_FILE,
      };
    }
    return { dir, ...summarizeWorkspace({ workspace, today: ctx.today, probe: probeFile(workspace.root) }) };
  } catch (error) {
    return { dir, error: error instanceof UserError ? error.message : String((error as Error)?.message ?? error) };
  }
}

interface Packaged {
  file: string;
  dibuat: string;
  summary: MonthSummary;
}

/** The packages of one Puskesmas read so far: only their summaries, never their files. */
interface Group {
  name: string;
  kecamatan: string;
  kabupaten_kota: string;
  packages: Packaged[];
}

/** What an argument names: a package, a folder of packages, or a workspace (found by walking up). */
function inputsOf(ctx: SummaryContext, arg: string): Array<{ paket: string } | { workspace: string }> {
  const abs = path.resolve(ctx.cwd, arg);
  if (/\.zip$/i.test(arg) && existsSync(abs) && statSync(abs).isFile()) return [{ paket: arg }];
  if (existsSync(abs) && statSync(abs).isDirectory() && !existsSync(path.join(abs, WORKSPACE_FILE))) {
    const zips = readdirSync(abs)
      .filter((name) => /\.zip$/i.test(name))
      .sort();
    if (zips.length) return zips.map((name) => ({ paket: path.join(arg, name) }));
  }
  return [{ workspace: arg }];
}

/** Packages of one Puskesmas become one entry, a row per month (the latest package of a month wins). */
function gathered(group: Group, sources?: Map<string, MonthSource>): PuskesmasSummary {
  const byMonth = new Map<string, Packaged>();
  const notes: string[] = [];
  const sorted = [...group.packages].sort((a, b) => a.dibuat.localeCompare(b.dibuat) || a.file.localeCompare(b.file));
  for (const p of sorted) {
    if (byMonth.has(p.summary.month)) notes.push(t(M.replaced, { month: p.summary.month, file: p.file }));
    byMonth.set(p.summary.month, p);
  }
  const months = [...byMonth.values()].map((p) => p.summary).sort((a, b) => a.month.localeCompare(b.month));
  for (const [month, p] of byMonth) sources?.set(month, { kind: "paket", file: p.file });
  const files = group.packages.map((p) => p.file);
  const { name, kecamatan, kabupaten_kota } = group;
  return { dir: path.dirname(files[0]), paket: files, name, kecamatan, kabupaten_kota, months, notes };
}

/**
 * The summary of every input, read one at a time: workspaces and unreadable packages in the order
 * given, then one entry per Puskesmas that sent packages.
 */
export async function collectSummary(ctx: SummaryContext, dirs: readonly string[]): Promise<SummaryEntry[]> {
  return (await gatherSummary(ctx, dirs)).entries;
}

/**
 * The summary with where each Puskesmas' month was read from (the browser app opens that package or
 * workspace for the month's page; packages and workspaces are named relative to `ctx.cwd`).
 */
export async function gatherSummary(
  ctx: SummaryContext,
  dirs: readonly string[],
  options: ReadOptions = {},
): Promise<{
  entries: SummaryEntry[];
  sources: Map<PuskesmasSummary, Map<string, MonthSource>>;
  /** Packages read with `light` whose files but the manifest and lokmin.yaml are not yet verified. */
  unverified: number;
}> {
  const sources = new Map<PuskesmasSummary, Map<string, MonthSource>>();
  const roots = new Map<string, string>();
  const inputs = dirs.flatMap((dir) => inputsOf(ctx, dir));
  const packages = inputs.flatMap((input) => ("paket" in input ? [input.paket] : []));
  const outcomes = await summarizePackages(ctx, packages, options);
  const unverified = outcomes.filter((o) => "ok" in o && o.ok.unverified).length;
  const entries: SummaryEntry[] = [];
  const groups = new Map<string, Group>();
  let next = 0;
  for (const input of inputs) {
    if ("workspace" in input) {
      const entry = summarizeOne(ctx, input.workspace, roots);
      entries.push(entry);
      const root = roots.get(input.workspace);
      if (!("error" in entry) && root)
        sources.set(entry, new Map(entry.months.map((m) => [m.month, { kind: "workspace", root }])));
      continue;
    }
    const file = input.paket;
    const outcome = outcomes[next++];
    if ("error" in outcome) {
      entries.push({ dir: file, error: outcome.error });
      continue;
    }
    const { puskesmas: p, dibuat, summary } = outcome.ok;
    const key = `${p.nama}|${p.kabupaten_kota}`;
    let group = groups.get(key);
    if (!group) {
      group = { name: p.nama, kecamatan: p.kecamatan, kabupaten_kota: p.kabupaten_kota, packages: [] };
      groups.set(key, group);
    }
    group.packages.push({ file, dibuat, summary });
  }
  for (const group of groups.values()) {
    const months = new Map<string, MonthSource>();
    const entry = gathered(group, months);
    sources.set(entry, months);
    entries.push(entry);
  }
  return { entries, sources, unverified };
}

/** A package read for the summary, or why it could not be. */
export type PackageOutcome = { ok: PackageSummary & { unverified?: true } } | { error: string };

export interface ReadOptions {
  /**
   * A first look (the Dinas view's first page): packages not in the cache are read from their
   * manifest and lokmin.yaml only, the other files' SHA-256 left for a full read after it.
   */
  light?: boolean;
  /** Read every package on the worker thread (the app's event loop stays free); in-thread in slices otherwise. */
  offThread?: boolean;
}

/** Packages from which on a second thread helps: below this its start-up costs more than it saves. */
const THREADS_FROM = 200;

/**
 * Every package read, verified and summarised, in the order given: on this thread, or with
 * LOKMIN_THREADS=2 (=auto: from 200 packages on two cores) the second half on a worker thread
 * (src/ops/summary-worker.ts) doing the same. Where the worker cannot run (lokmin run from src/,
 * the single executable) or stops, its share is read here.
 */
async function summarizePackages(
  ctx: SummaryContext,
  files: readonly string[],
  options: ReadOptions = {},
): Promise<PackageOutcome[]> {
  const { summarizePackage } = await import("../io/paket.js");
  const { PackageCache } = await import("../io/package-cache.js");
  const memo = { configs: new Map<string, string | null>(), cache: new PackageCache(ctx.env), names: new Map() };
  const one = async (file: string): Promise<PackageOutcome> => {
    try {
      return { ok: await summarizePackage(path.resolve(ctx.cwd, file), file, memo, options.light) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  // One thread unless asked: measured on the quiet 2-core machine, the worker made the cold 1,000 ×
  // 12 run slower (10.3–10.5 s against 9.5–9.9 s wall, 12.9 against 11.5 s CPU): the main thread's
  // own work and two zlib streams contending left no second core's worth to gain.
  const wanted = ctx.env.LOKMIN_THREADS;
  const threads =
    wanted === "2" ? files.length > 1 : wanted === "auto" && files.length >= THREADS_FROM && availableParallelism() > 1;
  const split = options.offThread ? 0 : threads ? Math.ceil(files.length / 2) : files.length;
  const worker =
    split < files.length && (threads || options.offThread)
      ? await startWorker(ctx, files.slice(split), options.light === true)
      : undefined;
  const out: PackageOutcome[] = [];
  for (let i = 0; i < (worker ? split : files.length); i++) {
    out.push(await one(files[i]));
    // Off the thread but without a worker: let the app answer between slices.
    if (options.offThread && i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
  }
  if (worker) {
    const got = await worker;
    for (let i = split; i < files.length; i++) out.push(got[i - split] ?? (await one(files[i])));
  }
  return out;
}

/** The worker reading `files`, resolving to what it read (all of them, or those before it stopped). */
async function startWorker(
  ctx: SummaryContext,
  files: readonly string[],
  light: boolean,
): Promise<Promise<PackageOutcome[]> | undefined> {
  let script: string;
  try {
    const url = new URL("./summary-worker.js", import.meta.url);
    if (url.protocol !== "file:") return undefined;
    script = fileURLToPath(url);
    if (!existsSync(script)) return undefined;
  } catch {
    return undefined;
  }
  const { Worker } = await import("node:worker_threads");
  let worker: import("node:worker_threads").Worker;
  try {
    worker = new Worker(script, { workerData: { cwd: ctx.cwd, env: { ...ctx.env }, lang: getLang(), files, light } });
  } catch {
    return undefined;
  }
  const got: PackageOutcome[] = [];
  return new Promise((resolve) => {
    worker.on("message", (batch: PackageOutcome[]) => got.push(...batch));
    worker.once("error", () => resolve(got));
    worker.once("exit", () => resolve(got));
  });
}

/**
 * What a folder opened in the Dinas mode holds for the summary: its package zips and its subfolders
 * that are workspaces (hold a lokmin.yaml), as paths; empty when it holds neither. A folder that is
 * itself a workspace is not a Dinas folder.
 */
export function dinasInputs(folder: string): string[] {
  if (existsSync(path.join(folder, WORKSPACE_FILE))) return [];
  let found: import("node:fs").Dirent[];
  try {
    found = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of found) {
    const name = entry.name;
    if (name.startsWith(".")) continue;
    const abs = path.join(folder, name);
    // The folder's listing says what most entries are; a link (or a file system that does not say) is looked up.
    let kind: "file" | "dir" | undefined = entry.isFile() ? "file" : entry.isDirectory() ? "dir" : undefined;
    if (!kind) {
      try {
        const stat = statSync(abs);
        kind = stat.isFile() ? "file" : stat.isDirectory() ? "dir" : undefined;
      } catch {
        continue;
      }
    }
    if (kind === "file" && /\.zip$/i.test(name)) out.push(abs);
    else if (kind === "dir" && existsSync(path.join(abs, WORKSPACE_FILE))) out.push(abs);
  }
  return out;
}
