// `lokmin summary DIR...`: a Dinas Kesehatan's view over several workspaces (each Puskesmas its
// own folder or git clone). One broken workspace is reported with its error and never stops the
// others; the exit code is 2 when any could not be read.
import path from "node:path";
import type { Context } from "../cli/context.js";
import { checkInput, findingsJson } from "../cli/shared.js";
import { type MonthSummary, summarizeWorkspace } from "../domain/summary.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { ParseCache } from "../io/cache.js";
import { findWorkspaceRoot, loadWorkspace } from "../io/workspace.js";

const M = {
  header: msg(
    "bulan    tilik  arsip  galat  peringatan  kesepakatan terbuka/lewat  indikator tertinggal",
    "month    check  arch.  errors warnings    commitments open/overdue   indicators behind",
  ),
  broken: msg("tidak dapat dibaca: {error}", "cannot be read: {error}"),
  noMonths: msg("belum ada bulan (buat dengan `lokmin new`)", "no months yet (create one with `lokmin new`)"),
  needDirs: msg("sebutkan minimal satu folder workspace", "name at least one workspace folder"),
};

type Result = { dir: string; name: string; months: MonthSummary[] } | { dir: string; error: string };

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

export async function run(ctx: Context, dirs: string[]): Promise<number> {
  if (dirs.length === 0) throw new UserError(t(M.needDirs));
  const results = dirs.map((dir) => summarizeOne(ctx, dir));
  if (ctx.ui.json) ctx.ui.printJson({ workspaces: results });
  else {
    const c = ctx.ui.color;
    for (const r of results) {
      ctx.ui.out(c.bold(`${"name" in r ? r.name : r.dir}  ${c.dim(r.dir)}`));
      if ("error" in r) {
        ctx.ui.out(c.red(`  ${t(M.broken, { error: r.error })}`));
        ctx.ui.out();
        continue;
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
      }
      ctx.ui.out();
    }
  }
  return results.some((r) => "error" in r) ? 2 : 0;
}
