// The check operation: is the month complete and consistent before it goes to the Dinas? The
// findings of every rule, each month's Daftar Tilik, SOP and archive status, and the rule list.
// It runs even when lokmin.yaml is invalid: that is reported as findings, not thrown.
import { checkWorkspace, type CheckReport } from "../domain/check/check.js";
import { ruleCatalogue } from "../domain/check/rules/index.js";
import { cite, supervisionProfile } from "../domain/regulations.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { findWorkspaceRoot, type LoadedWorkspace, loadWorkspace, monthsToLoad } from "../io/workspace.js";
import type { OpContext } from "./context.js";
import { findingsJson } from "./findings.js";
import { checkInput, readWorkspace, requireMonth } from "./workspace.js";

const M = {
  missingMonth: msg("bulan {month} tidak ada di workspace", "month {month} is not in the workspace"),
};

export interface CheckOptions {
  /** Months to check; every month when none. */
  months?: readonly string[];
}

/** The check's report with the workspace it read (the terminal prints findings with their excerpts). */
export interface CheckRun {
  report: CheckReport;
  workspace: LoadedWorkspace;
}

export function runCheck(ctx: OpContext, options: CheckOptions = {}): CheckRun {
  const months = (options.months ?? []).map(requireMonth);
  const workspace = readWorkspace(ctx, monthsToLoad("check", months));
  for (const month of months) {
    // A month folder that is not a folder is reported as the finding it is, not as missing.
    const present = workspace.months.some((m) => m.id === month) || workspace.findings.some((f) => f.file === month);
    if (!present) throw new UserError(t(M.missingMonth, { month }));
  }
  const report = checkWorkspace(checkInput(ctx, workspace, months));
  return { report, workspace };
}

/** JSON view: findings, and the tilik/sop/arsip of the latest month checked (all months under `months`). */
export function checkJson(report: CheckReport, workspace: LoadedWorkspace) {
  const latest = report.months[report.months.length - 1];
  return {
    findings: findingsJson(workspace.root, report.findings, workspace.sources),
    tilik: latest?.tilik ?? null,
    sop: latest?.sop ?? null,
    arsip: latest?.arsip ?? null,
    months: report.months,
    off: report.off,
  };
}

export type CheckResult = ReturnType<typeof checkJson>;

export async function check(ctx: OpContext, options: CheckOptions = {}): Promise<CheckResult> {
  const { report, workspace } = runCheck(ctx, options);
  return checkJson(report, workspace);
}

/** The workspace's own supervision regulation (lokmin.yaml `pembinaan`) when run inside one, else the default. */
function workspaceProfile(ctx: OpContext) {
  let root: string;
  try {
    root = ctx.root ?? findWorkspaceRoot(ctx.cwd);
  } catch {
    return supervisionProfile();
  }
  const config = loadWorkspace(root, { scope: monthsToLoad("none", undefined) }).config?.data;
  return supervisionProfile(config?.pembinaan, config?.dinas_kesehatan.nama);
}

/** Every rule of `check`: id, default severity, the regulation it comes from, what it checks and how to fix. */
export async function checkRules(ctx: OpContext) {
  const profile = workspaceProfile(ctx);
  const rules = ruleCatalogue().map(({ id, spec }) => ({
    id,
    severity: spec.severity,
    fixed: spec.fixed === true,
    source: cite(spec.source, profile, t),
    what: t(spec.what),
    fix: t(spec.fix),
    members: spec.members?.() ?? [],
  }));
  return { rules };
}

export type RuleList = Awaited<ReturnType<typeof checkRules>>;
