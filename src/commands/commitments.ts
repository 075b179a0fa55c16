// `lokmin commitments`: open commitments with their age, overdue first, as of the end of a month
// (--per, or the latest month); --all adds closed ones with their month-by-month history.
// Filters by program and person (id or name, any case); listings show names, not ids.
import type { Context } from "../cli/context.js";
import { failOnInputErrors, findingsJson, openWorkspace, printFindings, requireMonth } from "../cli/shared.js";
import { allCommitmentRows, matchPeople } from "../domain/commitment-list.js";
import { commitmentIdFindings } from "../domain/commitments.js";
import { monthMeetings } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";

const M = {
  none: msg("Tidak ada kesepakatan terbuka per {month}.", "No open commitments as of {month}."),
  header: msg(
    "{count} kesepakatan ({open} terbuka, {overdue} lewat tenggat) per akhir {month}",
    "{count} commitments ({open} open, {overdue} overdue) as of the end of {month}",
  ),
  overdue: msg("LEWAT TENGGAT", "OVERDUE"),
  age: msg("{n} bln", "{n} mo"),
  never: msg("belum dievaluasi", "not yet evaluated"),
  noPerson: msg(
    "tidak ada pegawai yang cocok dengan '{pj}'; tulis id atau nama dari daftar pegawai ({known})",
    "no staff member matches '{pj}'; give an id or name from the roster ({known})",
  ),
  noProgram: msg(
    "program '{program}' tidak ada di lokmin.yaml ({known})",
    "program '{program}' is not in lokmin.yaml ({known})",
  ),
  noMonths: msg("Workspace belum punya bulan.", "The workspace has no months yet."),
};

export async function run(
  ctx: Context,
  options: { all?: boolean; program?: string; pj?: string; per?: string },
): Promise<number> {
  const workspace = openWorkspace(ctx, () => "kesepakatan");
  failOnInputErrors(workspace, (file) => file.endsWith("rapat.yaml") || file.endsWith("tribulanan.yaml"));
  const config = workspace.config.data;
  const meetings = monthMeetings(workspace);
  const quarterly = monthMeetings(workspace, "tribulanan");
  const latest = workspace.months.at(-1)?.id;
  const asOf = options.per ? requireMonth(options.per) : latest;
  const people = options.pj === undefined ? undefined : matchPeople(config, options.pj);
  if (people?.size === 0) {
    const known = [...config.pegawai, ...(config.lintas_sektor?.peserta ?? [])].map((p) => p.nama).join(", ");
    throw new UserError(t(M.noPerson, { pj: options.pj, known }));
  }
  if (options.program && !config.program.some((p) => p.id === options.program)) {
    throw new UserError(
      t(M.noProgram, { program: options.program, known: config.program.map((p) => p.id).join(", ") }),
    );
  }
  if (!asOf) {
    if (ctx.ui.json) ctx.ui.printJson({ as_of: null, commitments: [], findings: [] });
    else ctx.ui.out(t(M.noMonths));
    return 0;
  }
  const filter = { all: options.all, program: options.program, people };
  const rows = allCommitmentRows(config, { bulanan: meetings, tribulanan: quarterly }, asOf, filter);
  const findings = [...commitmentIdFindings(meetings), ...commitmentIdFindings(quarterly)];
  if (ctx.ui.json) {
    ctx.ui.printJson({
      as_of: asOf,
      commitments: rows,
      findings: findingsJson(workspace.root, findings, workspace.sources),
    });
    return 0;
  }
  printFindings(ctx, workspace.root, findings, "err", workspace.sources);
  const c = ctx.ui.color;
  if (rows.length === 0) {
    ctx.ui.out(t(M.none, { month: asOf }));
    return 0;
  }
  const open = rows.filter((r) => r.open).length;
  const overdue = rows.filter((r) => r.overdue).length;
  ctx.ui.out(c.bold(t(M.header, { count: rows.length, open, overdue, month: asOf })));
  const nameWidth = Math.min(28, Math.max(...rows.map((r) => r.penanggung_jawab_nama.length)));
  for (const row of rows) {
    const status = row.status ?? t(M.never);
    const flag = row.overdue ? c.red(` ${t(M.overdue)}`) : "";
    const person = row.penanggung_jawab_nama.padEnd(nameWidth).slice(0, nameWidth);
    const age = t(M.age, { n: row.age_months }).padEnd(6);
    ctx.ui.out(
      `${row.open ? "○" : c.green("●")} ${row.id.padEnd(12)} ${person} ${row.tenggat}  ${age} ` +
        `${status.padEnd(16)}${flag}  ${row.uraian}`,
    );
    if (options.all && row.history.length) {
      ctx.ui.out(c.dim(`    ${row.history.map((h) => `${h.month}: ${h.status ?? "–"}`).join(" → ")}`));
    }
  }
  return 0;
}
