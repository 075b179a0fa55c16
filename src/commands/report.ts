// `lokmin report 2024-05`: cumulative capaian of every indicator month by month against its
// target line, as a compact terminal table with sparklines; indicators behind target for two
// or more consecutive months are highlighted. --json for other tools.
import type { Context } from "../cli/main.js";
import { number } from "../domain/format-id.js";
import { msg, t } from "../i18n/index.js";
import { indicatorTrends, lastGap, sparkline } from "../domain/trends.js";
import { failOnInputErrors, openWorkspace, requireLoadedMonth, requireMonth } from "../cli/shared.js";

const M = {
  title: msg(
    "Tren capaian kumulatif {year} sampai {month} (batang = capaian per bulan, skala 0–100%)",
    "Cumulative coverage trend {year} up to {month} (bars = coverage per month, scale 0–100%)",
  ),
  behind: msg("tertinggal {n} bln", "behind {n} mo"),
  summary: msg(
    "{flagged} dari {total} indikator tertinggal dari target dua bulan atau lebih berturut-turut.",
    "{flagged} of {total} indicators have been behind target for two or more consecutive months.",
  ),
};

export async function run(ctx: Context, monthArg: string): Promise<number> {
  const month = requireMonth(monthArg);
  const year = month.slice(0, 4);
  const workspace = openWorkspace(ctx, (id) => (id.startsWith(year) && id <= month ? "full" : "skip"));
  requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, (file) => file === "lokmin.yaml" || file.includes("/program/"));
  const trends = indicatorTrends(
    workspace.config.data,
    workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) })),
    month,
  );
  if (ctx.ui.json) {
    ctx.ui.printJson({ month, indicators: trends });
    return 0;
  }
  const c = ctx.ui.color;
  ctx.ui.out(c.bold(t(M.title, { year, month })));
  const rows = trends.map((trend) => {
    const last = trend.points[trend.points.length - 1];
    const gap = lastGap(trend);
    return {
      trend,
      cells: [
        `${trend.program}/${trend.indikator}`,
        sparkline(trend.points.map((p) => p.capaian)),
        last.capaian === null ? "–" : `${number(last.capaian, 1)}%`,
        `${number(last.target, 1)}%`,
        gap === null ? "–" : gap > 0 ? `−${number(gap, 1)}` : gap < 0 ? `+${number(-gap, 1)}` : "±0",
      ],
    };
  });
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r.cells[i].length), 4));
  for (const { trend, cells } of rows) {
    const line = cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ");
    const note = trend.flagged ? `  ${t(M.behind, { n: trend.behindStreak })}` : "";
    ctx.ui.out(trend.flagged ? c.red(`${line}${note}  ${trend.nama}`) : `${line}${note}  ${c.dim(trend.nama)}`);
  }
  ctx.ui.out(t(M.summary, { flagged: trends.filter((x) => x.flagged).length, total: trends.length }));
  return 0;
}
