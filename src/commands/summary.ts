// `lokmin summary DIR...`: a Dinas Kesehatan's view over several Puskesmas, from their workspaces
// (each its own folder or git clone) or from the packages they send (`lokmin paket`): a .zip, or a
// folder of them. Inputs are read one at a time (a package is verified, read in memory and let go;
// only its summary is kept), and packages of one Puskesmas are gathered into one row per month. One
// broken workspace, or a package that fails its checksums, is reported with its error and never
// stops the others; the exit code is 2 when any could not be read. `--parquet DIR` also writes the
// summary's tables as Parquet (src/io/parquet.ts).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/context.js";
import { checkInput, findingsJson } from "../cli/shared.js";
import { type MonthSummary, type PuskesmasSummary, type SummaryEntry, summarizeWorkspace } from "../domain/summary.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { ParseCache } from "../io/cache.js";
import { findWorkspaceRoot, loadWorkspace } from "../io/workspace.js";

const M = {
  notAssessed: msg(
    "sementara: {files} tidak dapat dibaca; {n} indikator belum dinilai (termasuk dalam jumlah indikator)",
    "provisional: {files} could not be read; {n} indicators not assessed (included in the total)",
  ),
  header: msg(
    "bulan    tilik  arsip  galat  peringatan  kesepakatan terbuka/lewat  indikator tertinggal",
    "month    check  arch.  errors warnings    commitments open/overdue   indicators behind",
  ),
  broken: msg("tidak dapat dibaca: {error}", "cannot be read: {error}"),
  noMonths: msg("belum ada bulan (buat dengan `lokmin new`)", "no months yet (create one with `lokmin new`)"),
  needDirs: msg("sebutkan minimal satu folder workspace", "name at least one workspace folder"),
  packages: msg("paket: {files}", "packages: {files}"),
  wroteParquet: msg(
    "tabel Parquet ditulis: {files} ({figures} baris capaian, {meetings} baris rapat)",
    "Parquet tables written: {files} ({figures} figure rows, {meetings} meeting rows)",
  ),
  replaced: msg(
    "{month} dikirim lebih dari sekali; yang terbaru dipakai ({file})",
    "{month} was sent more than once; the latest is used ({file})",
  ),
};

function summarizeOne(ctx: Context, dir: string): SummaryEntry {
  try {
    const root = findWorkspaceRoot(path.resolve(ctx.cwd, dir));
    const cache = new ParseCache(root, ctx.env);
    const workspace = loadWorkspace(root, { cache });
    cache.save();
    if (!workspace.config) {
      const first = findingsJson(
        root,
        workspace.findings.filter((d) => d.file === "lokmin.yaml"),
        workspace.sources,
      )[0];
      return { dir, error: first ? `${first.file}:${first.line}:${first.column} ${first.message}` : "lokmin.yaml" };
    }
    return { dir, ...summarizeWorkspace(checkInput(ctx, workspace)) };
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
function inputsOf(ctx: Context, arg: string): Array<{ paket: string } | { workspace: string }> {
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
function gathered(group: Group): PuskesmasSummary {
  const byMonth = new Map<string, Packaged>();
  const notes: string[] = [];
  const sorted = [...group.packages].sort((a, b) => a.dibuat.localeCompare(b.dibuat) || a.file.localeCompare(b.file));
  for (const p of sorted) {
    if (byMonth.has(p.summary.month)) notes.push(t(M.replaced, { month: p.summary.month, file: p.file }));
    byMonth.set(p.summary.month, p);
  }
  const months = [...byMonth.values()].map((p) => p.summary).sort((a, b) => a.month.localeCompare(b.month));
  const files = group.packages.map((p) => p.file);
  const { name, kecamatan, kabupaten_kota } = group;
  return { dir: path.dirname(files[0]), paket: files, name, kecamatan, kabupaten_kota, months, notes };
}

/**
 * The summary of every input, read one at a time: workspaces and unreadable packages in the order
 * given, then one entry per Puskesmas that sent packages.
 */
export async function collectSummary(ctx: Context, dirs: readonly string[]): Promise<SummaryEntry[]> {
  const { summarizePackage } = await import("../io/paket.js");
  const { PackageCache } = await import("../io/package-cache.js");
  const memo = { configs: new Map<string, string | null>(), cache: new PackageCache(ctx.env) };
  const entries: SummaryEntry[] = [];
  const groups = new Map<string, Group>();
  for (const input of dirs.flatMap((dir) => inputsOf(ctx, dir))) {
    if ("workspace" in input) {
      entries.push(summarizeOne(ctx, input.workspace));
      continue;
    }
    const file = input.paket;
    try {
      const { puskesmas: p, dibuat, summary } = await summarizePackage(path.resolve(ctx.cwd, file), file, memo);
      const key = `${p.nama}|${p.kabupaten_kota}`;
      let group = groups.get(key);
      if (!group) {
        group = { name: p.nama, kecamatan: p.kecamatan, kabupaten_kota: p.kabupaten_kota, packages: [] };
        groups.set(key, group);
      }
      group.packages.push({ file, dibuat, summary });
    } catch (error) {
      entries.push({ dir: file, error: (error as Error).message });
    }
  }
  for (const group of groups.values()) entries.push(gathered(group));
  return entries;
}

export async function run(
  ctx: Context,
  dirs: string[],
  options: { parquet?: string; force?: boolean } = {},
): Promise<number> {
  if (dirs.length === 0) throw new UserError(t(M.needDirs));
  const parquet = options.parquet === undefined ? undefined : path.resolve(ctx.cwd, options.parquet);
  if (parquet) (await import("../io/parquet.js")).checkParquetTarget(parquet, options.parquet!, Boolean(options.force));
  const results = await collectSummary(ctx, dirs);
  let written: string[] | undefined;
  if (parquet) {
    const { writeSummaryParquet } = await import("../io/parquet.js");
    const result = await writeSummaryParquet(parquet, options.parquet!, results, Boolean(options.force));
    written = result.files;
    const counts = { figures: result.figures, meetings: result.meetings };
    if (!ctx.ui.json) ctx.ui.err(t(M.wroteParquet, { files: written.join(", "), ...counts }));
  }
  if (ctx.ui.json) ctx.ui.printJson({ workspaces: results, ...(written ? { parquet: written } : {}) });
  else print(ctx, results);
  return results.some((r) => "error" in r) ? 2 : 0;
}

function print(ctx: Context, results: readonly SummaryEntry[]) {
  const c = ctx.ui.color;
  for (const r of results) {
    ctx.ui.out(c.bold(`${"name" in r ? r.name : r.dir}  ${c.dim(r.dir)}`));
    if ("error" in r) {
      ctx.ui.out(c.red(`  ${t(M.broken, { error: r.error })}`));
      ctx.ui.out();
      continue;
    }
    if (r.paket) {
      ctx.ui.out(c.dim(`  ${t(M.packages, { files: r.paket.map((f) => path.basename(f)).join(", ") })}`));
      for (const note of r.notes ?? []) ctx.ui.out(c.yellow(`  ${note}`));
    }
    if (r.months.length === 0) {
      ctx.ui.out(`  ${t(M.noMonths)}`);
      ctx.ui.out();
      continue;
    }
    ctx.ui.out(c.dim(`  ${t(M.header)}`));
    for (const m of r.months) {
      const commitments = `${m.open_commitments}/${m.overdue_commitments}`.padStart(25);
      const behind = `${m.indicators_behind}/${m.indicators}`.padStart(20);
      ctx.ui.out(
        `  ${m.month}  ${m.tilik.padStart(5)}  ${m.arsip.padStart(5)}  ${String(m.errors).padStart(5)}  ` +
          `${String(m.warnings).padStart(10)}  ${commitments}  ${behind}`,
      );
      if (m.not_assessed.length)
        ctx.ui.out(
          c.yellow(
            `           ${t(M.notAssessed, { files: m.not_assessed.join(", "), n: m.indicators_not_assessed })}`,
          ),
        );
    }
    ctx.ui.out();
  }
}
