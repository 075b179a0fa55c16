// `lokmin check [month...]`: is the month complete and consistent before it goes to the Dinas?
// Exit 0 without errors, 1 with errors (or warnings beyond --max-warnings), 2 when it cannot run.

import { type CheckReport, checkWorkspace } from "../domain/check/check.js";
import { ruleCatalogue } from "../domain/check/rules.js";
import type { Context } from "../cli/main.js";
import { EXIT, UserError } from "../domain/findings.js";
import { getLang, msg, t } from "../i18n/index.js";
import { findWorkspaceRoot, loadWorkspace, scopeFor } from "../io/workspace.js";
import { knownSources, printDiagnostics, requireMonth } from "../cli/shared.js";

const M = {
  header: msg(
    "{month}: Daftar Tilik {score}/{total} · SOP {done}/{required} langkah · arsip {present}/{archive}",
    "{month}: checklist {score}/{total} · SOP {done}/{required} steps · archive {present}/{archive}",
  ),
  ok: msg("Tidak ada galat.", "No errors."),
  failed: msg(
    "Pemeriksaan gagal: {errors} galat, {warnings} peringatan.",
    "Check failed: {errors} errors, {warnings} warnings.",
  ),
  tooManyWarnings: msg(
    "Peringatan {warnings} melebihi --max-warnings {max}.",
    "{warnings} warnings exceed --max-warnings {max}.",
  ),
  badMax: msg("--max-warnings harus bilangan bulat ≥ 0", "--max-warnings must be a whole number ≥ 0"),
  missingMonth: msg("bulan {month} tidak ada di workspace", "month {month} is not in the workspace"),
};

export async function run(
  ctx: Context,
  monthArgs: string[],
  options: { maxWarnings?: string; rules?: boolean },
): Promise<number> {
  if (options.rules) return printRules(ctx);
  const months = monthArgs.map(requireMonth);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new UserError(t(M.badMax));
  const root = findWorkspaceRoot(ctx.cwd);
  const workspace = loadWorkspace(root, { scope: scopeFor(months) });
  for (const month of months)
    if (!workspace.months.some((m) => m.id === month)) throw new UserError(t(M.missingMonth, { month }));
  const report = checkWorkspace(workspace, months);
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const failed = errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings);
  if (ctx.ui.json) {
    ctx.ui.printJson(toJson(report));
  } else {
    printDiagnostics(ctx, root, report.findings, knownSources(workspace));
    for (const m of report.months) {
      ctx.ui.out(
        t(M.header, {
          month: m.month,
          score: m.tilik.score,
          total: m.tilik.total,
          done: m.sop.done,
          required: m.sop.required,
          present: m.arsip.present,
          archive: m.arsip.total,
        }),
      );
    }
    if (maxWarnings !== undefined && warnings > maxWarnings)
      ctx.ui.out(t(M.tooManyWarnings, { warnings, max: maxWarnings }));
    ctx.ui.out(failed ? ctx.ui.color.red(t(M.failed, { errors, warnings })) : ctx.ui.color.green(t(M.ok)));
  }
  return failed ? EXIT.findings : EXIT.ok;
}

/** JSON view: findings, and the tilik/sop/arsip of the latest month checked (all months under `months`). */
export function toJson(report: CheckReport) {
  const latest = report.months[report.months.length - 1];
  return {
    findings: report.findings.map(({ rule, severity, file, line, column, message }) => ({
      rule,
      severity,
      file,
      line,
      column,
      message,
    })),
    tilik: latest?.tilik ?? null,
    sop: latest?.sop ?? null,
    arsip: latest?.arsip ?? null,
    months: report.months,
  };
}

function printRules(ctx: Context): number {
  const rules = ruleCatalogue();
  if (ctx.ui.json) {
    ctx.ui.printJson(rules.map((r) => ({ ...r, what: r.what[getLang()] })));
    return EXIT.ok;
  }
  for (const rule of rules) {
    ctx.ui.out(
      `${ctx.ui.color.bold(rule.id.padEnd(30))} ${rule.severity.padEnd(8)} ${rule.what[getLang()]}  ${ctx.ui.color.dim(`(${rule.source})`)}`,
    );
    if (rule.members) ctx.ui.out(ctx.ui.color.dim(`    ${rule.members.join(", ")}`));
  }
  return EXIT.ok;
}
