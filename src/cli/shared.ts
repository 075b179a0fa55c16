// Helpers every command shares: opening the workspace, validating a month argument, and
// printing diagnostics in the human or JSON view.
import path from "node:path";
import type { Context } from "./main.js";
import { type Diagnostic, UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import { isMonthId, looksLikeMonth } from "../domain/month.js";
import { formatDiagnostics, sourceLookup } from "./ui.js";
import { findWorkspaceRoot, type LoadedWorkspace, loadWorkspace, type MonthScope } from "../io/workspace.js";

const M = {
  badMonth: msg(
    "'{value}' bukan bulan yang sah; tulis YYYY-MM dengan bulan 01–12, mis. 2024-05",
    "'{value}' is not a valid month; write YYYY-MM with month 01–12, e.g. 2024-05",
  ),
  noMonth: msg(
    "bulan {month} belum ada; buat dengan `lokmin new {month}`",
    "month {month} does not exist; create it with `lokmin new {month}`",
  ),
  invalidInput: msg(
    "berkas masukan tidak sah; perbaiki kesalahan di atas lalu ulangi",
    "input files are invalid; fix the errors above and try again",
  ),
  invalidConfig: msg(
    "lokmin.yaml tidak sah; perbaiki dulu kesalahan di atas",
    "lokmin.yaml is invalid; fix the errors above first",
  ),
};

export function requireMonth(value: string): string {
  if (!isMonthId(value)) throw new UserError(t(M.badMonth, { value }));
  return value;
}

export function openWorkspace(
  ctx: Context,
  scope?: (month: string) => MonthScope,
): LoadedWorkspace & { config: NonNullable<LoadedWorkspace["config"]> } {
  const root = findWorkspaceRoot(ctx.cwd);
  const workspace = loadWorkspace(root, { scope });
  if (!workspace.config) {
    throw new UserError(
      t(M.invalidConfig),
      workspace.diagnostics.filter((d) => d.file === "lokmin.yaml"),
      root,
    );
  }
  return workspace as LoadedWorkspace & { config: NonNullable<LoadedWorkspace["config"]> };
}

export function requireLoadedMonth(workspace: LoadedWorkspace, month: string) {
  const loaded = workspace.months.find((m) => m.id === month);
  if (!loaded) throw new UserError(t(M.noMonth, { month }));
  return loaded;
}

/** Known file texts of a loaded workspace, for caret excerpts. */
export function knownSources(workspace: LoadedWorkspace): Map<string, string> {
  const map = new Map<string, string>();
  if (workspace.config) map.set(workspace.config.source.rel, workspace.config.source.text);
  for (const month of workspace.months) {
    if (month.meeting) map.set(month.meeting.source.rel, month.meeting.source.text);
    for (const p of month.programs) map.set(p.source.rel, p.source.text);
  }
  return map;
}

export function printDiagnostics(ctx: Context, root: string, list: Diagnostic[], known?: Map<string, string>): void {
  if (list.length === 0) return;
  ctx.ui.err(formatDiagnostics(ctx.ui, list, sourceLookup(root, known)).join("\n"));
}

/** Input errors that stop a command which needs valid files (rank, carry, render). */
export function failOnInputErrors(workspace: LoadedWorkspace, files: (file: string) => boolean): void {
  const errors = workspace.diagnostics.filter((d) => d.severity === "error" && files(d.file));
  if (errors.length) throw new UserError(t(M.invalidInput), errors, workspace.root);
}

export const inMonth = (month: string) => (file: string) => file === "lokmin.yaml" || file.startsWith(`${month}/`);

export const resolveOut = (ctx: Context, dir: string) => path.resolve(ctx.cwd, dir);
