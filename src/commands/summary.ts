// `lokmin summary DIR...`: a Dinas Kesehatan's view over several Puskesmas, from their workspaces
// (each its own folder or git clone) or from the packages they send (`lokmin paket`): a .zip, or a
// folder of them. Packages of one Puskesmas are gathered into one row per month. One broken
// workspace, or a package that fails its checksums, is reported with its error and never stops the
// others; the exit code is 2 when any could not be read.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Context } from "../cli/context.js";
import { checkInput, findingsJson } from "../cli/shared.js";
import { packagedMonthSummary } from "../domain/paket.js";
import { type MonthSummary, summarizeWorkspace } from "../domain/summary.js";
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
  replaced: msg(
    "{month} dikirim lebih dari sekali; yang terbaru dipakai ({file})",
    "{month} was sent more than once; the latest is used ({file})",
  ),
};

type Result =
  | { dir: string; name: string; months: MonthSummary[] }
  | { dir: string; error: string }
  | { dir: string; paket: string[]; name: string; months: MonthSummary[]; notes: string[] };

function summarizeOne(ctx: Context, dir: string): Result {
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
  key: string;
  name: string;
  dibuat: string;
  summary: MonthSummary;
}

/** Read one package: verified first, then its month read from the files it carries (in a temporary folder). */
async function readOne(ctx: Context, file: string): Promise<Packaged | { dir: string; error: string }> {
  const { readPackage } = await import("../io/paket.js");
  const temp = mkdtempSync(path.join(tmpdir(), "lokmin-paket-"));
  try {
    const pkg = await readPackage(path.resolve(ctx.cwd, file), file);
    for (const [name, data] of pkg.files) {
      if (!/\.ya?ml$/i.test(name)) continue;
      mkdirSync(path.dirname(path.join(temp, name)), { recursive: true });
      writeFileSync(path.join(temp, name), data);
    }
    const workspace = loadWorkspace(temp);
    const month = workspace.months.find((m) => m.id === pkg.manifest.bulan);
    if (!workspace.config || !month) {
      const first = workspace.findings.find((f) => f.severity === "error");
      return { dir: file, error: first ? `${first.file}: ${first.message}` : WORKSPACE_FILE };
    }
    const p = pkg.manifest.puskesmas;
    return {
      file,
      key: `${p.nama}|${p.kabupaten_kota}`,
      name: p.nama,
      dibuat: pkg.manifest.dibuat,
      summary: packagedMonthSummary(workspace.config.data, month, pkg.check, pkg.manifest.kesepakatan_terbuka ?? []),
    };
  } catch (error) {
    return { dir: file, error: (error as Error).message };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
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
function gather(packaged: Packaged[]): Result[] {
  const groups = new Map<string, Packaged[]>();
  for (const p of packaged) groups.set(p.key, [...(groups.get(p.key) ?? []), p]);
  return [...groups.values()].map((list) => {
    const byMonth = new Map<string, Packaged>();
    const notes: string[] = [];
    for (const p of [...list].sort((a, b) => a.dibuat.localeCompare(b.dibuat) || a.file.localeCompare(b.file))) {
      if (byMonth.has(p.summary.month)) notes.push(t(M.replaced, { month: p.summary.month, file: p.file }));
      byMonth.set(p.summary.month, p);
    }
    const months = [...byMonth.values()].map((p) => p.summary).sort((a, b) => a.month.localeCompare(b.month));
    const files = list.map((p) => p.file);
    return { dir: path.dirname(files[0]), paket: files, name: list[0].name, months, notes };
  });
}

export async function run(ctx: Context, dirs: string[]): Promise<number> {
  if (dirs.length === 0) throw new UserError(t(M.needDirs));
  const results: Result[] = [];
  const packaged: Packaged[] = [];
  for (const input of dirs.flatMap((dir) => inputsOf(ctx, dir))) {
    if ("workspace" in input) results.push(summarizeOne(ctx, input.workspace));
    else {
      const read = await readOne(ctx, input.paket);
      if ("error" in read) results.push(read);
      else packaged.push(read);
    }
  }
  results.push(...gather(packaged));
  if (ctx.ui.json) ctx.ui.printJson({ workspaces: results });
  else print(ctx, results);
  return results.some((r) => "error" in r) ? 2 : 0;
}

function print(ctx: Context, results: readonly Result[]) {
  const c = ctx.ui.color;
  for (const r of results) {
    ctx.ui.out(c.bold(`${"name" in r ? r.name : r.dir}  ${c.dim(r.dir)}`));
    if ("error" in r) {
      ctx.ui.out(c.red(`  ${t(M.broken, { error: r.error })}`));
      ctx.ui.out();
      continue;
    }
    if ("paket" in r) {
      ctx.ui.out(c.dim(`  ${t(M.packages, { files: r.paket.map((f) => path.basename(f)).join(", ") })}`));
      for (const note of r.notes) ctx.ui.out(c.yellow(`  ${note}`));
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
