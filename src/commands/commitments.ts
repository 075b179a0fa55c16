// `lokmin commitments`: open commitments with their age, overdue first; --all adds closed ones
// with their whole history (month by month status). Filters by program and person.
import type { Context } from "../cli/main.js";
import {
  ageInMonths,
  type CommitmentHistory,
  commitmentHistories,
  commitmentIdDiagnostics,
  type MonthMeeting,
} from "../domain/commitments.js";
import { msg, t } from "../i18n/index.js";
import { monthMeetings } from "../io/workspace.js";
import { failOnInputErrors, openWorkspace, printDiagnostics, requireMonth } from "../cli/shared.js";

const M = {
  none: msg("Tidak ada kesepakatan terbuka.", "No open commitments."),
  header: msg(
    "{count} kesepakatan ({open} terbuka, {overdue} lewat tenggat) per {month}",
    "{count} commitments ({open} open, {overdue} overdue) as of {month}",
  ),
  overdue: msg("LEWAT TENGGAT", "OVERDUE"),
  age: msg("{n} bln", "{n} mo"),
  never: msg("belum dievaluasi", "not yet evaluated"),
};

export interface CommitmentRow {
  id: string;
  uraian: string;
  program?: string;
  penanggung_jawab: string;
  tenggat: string;
  status: string | null;
  open: boolean;
  overdue: boolean;
  age_months: number;
  history: CommitmentHistory["evaluations"];
}

export function commitmentRows(
  meetings: MonthMeeting[],
  asOf: string,
  today: string,
  filter: { all?: boolean; program?: string; pj?: string },
): CommitmentRow[] {
  return commitmentHistories(meetings)
    .filter((h) => filter.all || h.open)
    .filter((h) => !filter.program || h.commitment.program === filter.program)
    .filter((h) => !filter.pj || h.commitment.penanggung_jawab === filter.pj)
    .map((h) => ({
      id: h.commitment.id,
      uraian: h.commitment.uraian,
      program: h.commitment.program,
      penanggung_jawab: h.commitment.penanggung_jawab,
      tenggat: h.commitment.tenggat,
      status: h.status,
      open: h.open,
      overdue: h.open && h.commitment.tenggat < today,
      age_months: Math.max(0, ageInMonths(h, asOf)),
      history: h.evaluations,
    }))
    .sort(
      (a, b) =>
        Number(b.open) - Number(a.open) ||
        Number(b.overdue) - Number(a.overdue) ||
        a.tenggat.localeCompare(b.tenggat) ||
        a.id.localeCompare(b.id),
    );
}

export async function run(
  ctx: Context,
  options: { all?: boolean; program?: string; pj?: string; per?: string; json?: boolean },
): Promise<number> {
  const workspace = openWorkspace(ctx, () => "kesepakatan");
  failOnInputErrors(workspace, (file) => file.endsWith("rapat.yaml"));
  const meetings: MonthMeeting[] = monthMeetings(workspace);
  const latest = workspace.months[workspace.months.length - 1]?.id;
  const asOf = options.per ? requireMonth(options.per) : (latest ?? new Date().toISOString().slice(0, 7));
  // "Today" for overdue: the end of the as-of month when given, else the real date.
  const today = options.per ? `${asOf}-31` : new Date().toISOString().slice(0, 10);
  const rows = commitmentRows(options.per ? meetings.filter((m) => m.id <= asOf) : meetings, asOf, today, options);
  const findings = commitmentIdDiagnostics(meetings);
  if (ctx.ui.json) {
    ctx.ui.printJson({ as_of: asOf, commitments: rows, findings });
    return 0;
  }
  printDiagnostics(ctx, workspace.root, findings);
  const c = ctx.ui.color;
  if (rows.length === 0) {
    ctx.ui.out(t(M.none));
    return 0;
  }
  ctx.ui.out(
    c.bold(
      t(M.header, {
        count: rows.length,
        open: rows.filter((r) => r.open).length,
        overdue: rows.filter((r) => r.overdue).length,
        month: asOf,
      }),
    ),
  );
  for (const row of rows) {
    const status = row.status ?? t(M.never);
    const flag = row.overdue ? c.red(` ${t(M.overdue)}`) : "";
    ctx.ui.out(
      `${row.open ? "○" : c.green("●")} ${row.id.padEnd(12)} ${row.penanggung_jawab.padEnd(10)} ${row.tenggat}  ${t(M.age, { n: row.age_months }).padEnd(6)} ${status.padEnd(16)}${flag}  ${row.uraian}`,
    );
    if (options.all && row.history.length) {
      ctx.ui.out(c.dim(`    ${row.history.map((h) => `${h.month}: ${h.status ?? "–"}`).join(" → ")}`));
    }
  }
  return 0;
}
