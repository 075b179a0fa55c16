// `lokmin check [month...]`: is the month complete and consistent before it goes to the Dinas?
// Findings go to stdout (so `lokmin check > hasil.txt` keeps them). Exit 0 without errors, 1 with
// errors (or warnings beyond --max-warnings), 2 when it cannot run.
import type { Context } from "../cli/context.js";
import { printFindings } from "../cli/shared.js";
import { severityLabel } from "../cli/ui.js";
import { countBySeverity } from "../domain/findings.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { checkJson, checkRules, runCheck } from "../ops/check.js";
import { requireMonth } from "../ops/workspace.js";

const M = {
  header: msg(
    "{month}: Daftar Tilik {score}/{total} · SOP {done}/{required} langkah · arsip {present}/{archive}",
    "{month}: checklist {score}/{total} · SOP {done}/{required} steps · archive {present}/{archive}",
  ),
  incomplete: msg(
    "{month}: rapat.yaml tidak dapat dibaca; Daftar Tilik, SOP dan arsip belum dinilai sampai kesalahan di atas " +
      "diperbaiki",
    "{month}: rapat.yaml cannot be read; checklist, SOP and archive are not assessed until the errors above are fixed",
  ),
  provisional: msg(
    "{month}: nilai sementara — {files} tidak dapat dibaca dan belum dinilai; perbaiki galat di atas",
    "{month}: provisional — {files} could not be read and are not assessed; fix the errors above",
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
  off: msg(
    "{n} temuan dimatikan oleh aturan di lokmin.yaml.",
    "{n} findings switched off by the rule settings in lokmin.yaml.",
  ),
  badMax: msg("--max-warnings harus bilangan bulat ≥ 0", "--max-warnings must be a whole number ≥ 0"),
  noMonths: msg(
    "Workspace belum punya bulan; buat dengan `lokmin new YYYY-MM`.",
    "The workspace has no months yet; create one with `lokmin new YYYY-MM`.",
  ),
  rulesTitle: msg(
    "Aturan `lokmin check` (tingkat bawaan; ubah per workspace di lokmin.yaml: aturan)",
    "Rules of `lokmin check` (default severity; change per workspace in lokmin.yaml: aturan)",
  ),
  fixed: msg("tetap", "fixed"),
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
  const { report, workspace } = runCheck(ctx, { months });
  const errors = countBySeverity(report.findings, "error");
  const warnings = countBySeverity(report.findings, "warning");
  const failed = errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings);
  if (ctx.ui.json) {
    ctx.ui.printJson(checkJson(report, workspace));
    return failed ? EXIT.findings : EXIT.ok;
  }
  printFindings(ctx, workspace.root, report.findings, "out", workspace.sources);
  if (report.findings.length) ctx.ui.out();
  for (const m of report.months) {
    if (!m.complete) ctx.ui.out(t(M.incomplete, { month: m.month }));
    else {
      const values = {
        month: m.month,
        score: m.tilik.score,
        total: m.tilik.total,
        done: m.sop.done,
        required: m.sop.required,
      };
      ctx.ui.out(t(M.header, { ...values, present: m.arsip.present, archive: m.arsip.total }));
    }
    if (m.unassessed.length)
      ctx.ui.out(ctx.ui.color.yellow(t(M.provisional, { month: m.month, files: m.unassessed.join(", ") })));
  }
  if (workspace.config && workspace.months.length === 0) ctx.ui.out(t(M.noMonths));
  if (report.off) ctx.ui.out(ctx.ui.color.dim(t(M.off, { n: report.off })));
  if (maxWarnings !== undefined && warnings > maxWarnings)
    ctx.ui.out(t(M.tooManyWarnings, { warnings, max: maxWarnings }));
  ctx.ui.out(failed ? ctx.ui.color.red(t(M.failed, { errors, warnings })) : ctx.ui.color.green(t(M.ok)));
  return failed ? EXIT.findings : EXIT.ok;
}

async function printRules(ctx: Context): Promise<number> {
  const { rules } = await checkRules(ctx);
  if (ctx.ui.json) {
    ctx.ui.printJson({ rules });
    return EXIT.ok;
  }
  const c = ctx.ui.color;
  ctx.ui.out(c.bold(t(M.rulesTitle)));
  for (const rule of rules) {
    const level = rule.fixed ? `${severityLabel(rule.severity)} (${t(M.fixed)})` : severityLabel(rule.severity);
    ctx.ui.out(`${c.bold(rule.id.padEnd(30))} ${level.padEnd(18)} ${rule.what}`);
    ctx.ui.out(c.dim(`${" ".repeat(31)}${rule.source} · ${rule.fix}`));
    if (rule.members.length) ctx.ui.out(c.dim(`${" ".repeat(31)}${rule.members.join(", ")}`));
  }
  return EXIT.ok;
}
