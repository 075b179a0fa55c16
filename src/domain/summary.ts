// The supervisor's view across Puskesmas: per workspace and month, the Daftar Tilik score,
// archive completeness, open and overdue commitments (monthly and quarterly), and indicators behind target, computed
// with the same loader and rules as `check`. Pure over loaded workspaces.
import { type CheckInput, checkWorkspace } from "./check/check.js";
import { commitmentHistories, isOverdue } from "./commitments.js";
import type { ProgramReport, Workspace } from "./schema.js";
import { indicatorFigures, programFigures } from "./targets.js";
import { monthMeetings } from "./workspace-data.js";

export interface MonthSummary {
  month: string;
  tilik: string;
  arsip: string;
  errors: number;
  warnings: number;
  open_commitments: number;
  overdue_commitments: number;
  indicators_behind: number;
  /** Indicators of the month, those of unreadable program files included. */
  indicators: number;
  /** Program files that could not be read: their indicators count as not assessed, not as absent. */
  not_assessed: string[];
  indicators_not_assessed: number;
}

export function summarizeWorkspace(input: CheckInput): { name: string; months: MonthSummary[] } {
  const { workspace } = input;
  const report = checkWorkspace(input);
  const meetings = monthMeetings(workspace);
  const quarterly = monthMeetings(workspace, "tribulanan");
  const months = workspace.months.map((month): MonthSummary => {
    const checked = report.months.find((m) => m.month === month.id);
    const findings = report.findings.filter((f) => f.file.startsWith(`${month.id}/`));
    const upTo = (list: typeof meetings) => commitmentHistories(list.filter((m) => m.id <= month.id));
    const open = [...upTo(meetings), ...upTo(quarterly)].filter((h) => h.open);
    const indicators = month.programs.flatMap((p) => p.data.indikator);
    const notAssessed = month.unreadable ?? [];
    const programIds = notAssessed.map((file) => (file.split("/").pop() ?? "").replace(/\.ya?ml$/i, ""));
    const unread = (workspace.config?.data.program ?? [])
      .filter((p) => programIds.includes(p.id))
      .reduce((n, p) => n + p.indikator.length, 0);
    return {
      month: month.id,
      tilik: checked ? `${checked.tilik.score}/${checked.tilik.total}` : "–",
      arsip: checked ? `${checked.arsip.present}/${checked.arsip.total}` : "–",
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      open_commitments: open.length,
      overdue_commitments: open.filter((h) => isOverdue(h, month.id)).length,
      indicators_behind: behindCount(workspace.config?.data, month.programs.map((p) => p.data)),
      indicators: indicators.length + unread,
      not_assessed: notAssessed,
      indicators_not_assessed: unread,
    };
  });
  return { name: workspace.config?.data.puskesmas.nama ?? "?", months };
}

/**
 * Indicators behind target in a month's program files, by the one definition; without lokmin.yaml
 * each counts as a summed count for its folder's month (what the files alone can tell).
 */
export function behindCount(config: Workspace | undefined, programs: readonly ProgramReport[]): number {
  return programs
    .flatMap((report) =>
      config
        ? [...programFigures(config, report.bulan, report).values()]
        : report.indikator.map((i) => indicatorFigures(i, "jumlah", Number(report.bulan.slice(5, 7)))),
    )
    .filter((f) => f.behind).length;
}
