// `lokmin summary DIR...`: a Dinas Kesehatan's view over several workspaces (each Puskesmas its
// own git repository, cloned side by side). One broken workspace is reported with its error and
// does not stop the others; the exit code is 2 when any could not be read.
import path from "node:path";
import type { Context } from "../cli/main.js";
import { UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import { type MonthSummary, summarizeWorkspace } from "../domain/summary.js";
import { findWorkspaceRoot, loadWorkspace } from "../io/workspace.js";

const M = {
  header: msg(
    "bulan    tilik  arsip  galat  peringatan  kesepakatan terbuka/lewat  indikator tertinggal",
    "month    check  arch.  errors warnings    commitments open/overdue   indicators behind",
  ),
  broken: msg("tidak dapat dibaca: {error}", "cannot be read: {error}"),
  needDirs: msg("sebutkan minimal satu folder workspace", "name at least one workspace folder"),
};

export async function run(ctx: Context, dirs: string[]): Promise<number> {
  if (dirs.length === 0) throw new UserError(t(M.needDirs));
  const results = dirs.map((dir) => {
    const shown = dir;
    try {
      const root = findWorkspaceRoot(path.resolve(ctx.cwd, dir));
      const workspace = loadWorkspace(root);
      if (!workspace.config) {
        const first = workspace.diagnostics.find((d) => d.file === "lokmin.yaml");
        return {
          dir: shown,
          error: first ? `${first.file}:${first.line}:${first.column} ${first.message}` : "lokmin.yaml",
        };
      }
      return { dir: shown, ...summarizeWorkspace(workspace) };
    } catch (error) {
      if (error instanceof UserError) return { dir: shown, error: error.message };
      throw error;
    }
  });
  if (ctx.ui.json) ctx.ui.printJson({ workspaces: results });
  else {
    const c = ctx.ui.color;
    for (const r of results) {
      ctx.ui.out(c.bold(`${"name" in r ? r.name : r.dir}  ${c.dim(r.dir)}`));
      if ("error" in r && r.error) {
        ctx.ui.out(c.red(`  ${t(M.broken, { error: r.error })}`));
        ctx.ui.out();
        continue;
      }
      ctx.ui.out(c.dim(`  ${t(M.header)}`));
      for (const m of (r as { months: MonthSummary[] }).months) {
        ctx.ui.out(
          `  ${m.month}  ${m.tilik.padStart(5)}  ${m.arsip.padStart(5)}  ${String(m.errors).padStart(5)}  ${String(m.warnings).padStart(10)}  ${`${m.open_commitments}/${m.overdue_commitments}`.padStart(25)}  ${`${m.indicators_behind}/${m.indicators}`.padStart(20)}`,
        );
      }
      ctx.ui.out();
    }
  }
  return results.some((r) => "error" in r && r.error) ? 2 : 0;
}
