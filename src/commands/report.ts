// `lokmin report 2024-05`: cumulative capaian of every indicator month by month against its
// target line, as a compact terminal table with sparklines; indicators behind target for two
// or more consecutive months are highlighted. --json for other tools.
import type { Context } from "../cli/context.js";
import { failOnInputErrors, monthArgument, openWorkspace, requireLoadedMonth, requireMonth } from "../cli/shared.js";
import { monthName } from "../domain/format-date.js";
import { number, signedGap } from "../domain/format-id.js";
import { indicatorTrends, lastGap, sparkline, trendsJson } from "../domain/trends.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { msg, t } from "../i18n/index.js";

const M = {
  title: msg(
    "Tren capaian kumulatif {year}, data s.d. {period} (Lokmin {month}; batang = capaian per bulan, skala 0–100%)",
    "Cumulative coverage trend {year}, figures to {period} (Lokmin {month}; bars = coverage per month, scale 0–100%)",
  ),
  behind: msg("tertinggal {n} bln", "behind {n} mo"),
  summary: msg(
    "{flagged} dari {total} indikator tertinggal dari target dua bulan atau lebih berturut-turut.",
    "{flagged} of {total} indicators have been behind target for two or more consecutive months.",
  ),
};

export async function run(ctx: Context, monthArg: string | undefined): Promise<number> {
  const year = monthArg?.slice(0, 4);
  const workspace = openWorkspace(ctx, (id) =>
    monthArg === undefined || (id.startsWith(year ?? "") && id <= monthArg) ? "full" : "skip",
  );
  const month = monthArgument(monthArg, workspace);
  requireLoadedMonth(workspace, month);
  failOnInputErrors(
    workspace,
    // A program file, or a program folder that is not a folder: either would leave figures out unsaid.
    (file) => file === WORKSPACE_FILE || (/\/program(\/|$)/.test(file) && file.slice(0, 4) === month.slice(0, 4)),
  );
  const months = workspace.months.map((m) => ({ id: m.id, programs: m.programs.map((p) => p.data) }));
  const trends = indicatorTrends(workspace.config.data, months, month);
  if (ctx.ui.json) {
    if (monthArg !== undefined) requireMonth(monthArg);
    ctx.ui.printJson({ month, indicators: trendsJson(trends) });
    return 0;
  }
  const c = ctx.ui.color;
  // The figures' own period, which is the month before the meeting's under periode_data: bulan-lalu.
  const period =
    trends
      .flatMap((trend) => trend.points.map((p) => p.month))
      .sort()
      .at(-1) ?? month;
  ctx.ui.out(c.bold(t(M.title, { year: period.slice(0, 4), period: monthName(period), month })));
  const rows = trends.map((trend) => {
    const last = trend.points[trend.points.length - 1];
    return {
      trend,
      cells: [
        `${trend.program}/${trend.indikator}`,
        sparkline(trend.points.map((p) => p.capaian)),
        last.capaian === null ? "–" : `${number(last.capaian, 1)}%`,
        `${number(last.target, 1)}%`,
        signedGap(lastGap(trend)),
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
