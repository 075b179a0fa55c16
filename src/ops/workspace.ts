// Opening the workspace for an operation: the months it needs (monthsToLoad) read through the parse
// cache (saved after loading), the month argument (the latest month when none is given), and the
// failures when lokmin.yaml or the input files are invalid.
import type { CheckInput } from "../domain/check/check.js";
import { isMonthId } from "../domain/month.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { ParseCache } from "../io/cache.js";
import { checkFolder, describeFolderFailure, folderLabel } from "../io/fs-safe.js";
import {
  listMonths,
  type LoadedWorkspace,
  loadWorkspace,
  type MonthNeed,
  type MonthScope,
  monthsToLoad,
  probeFile,
  type WorkspaceWithConfig,
} from "../io/workspace.js";
import { type OpContext, workspaceRoot } from "./context.js";

const M = {
  badMonth: msg(
    "'{value}' bukan bulan yang sah; tulis YYYY-MM dengan bulan 01–12, mis. 2024-05",
    "'{value}' is not a valid month; write YYYY-MM with month 01–12, e.g. 2024-05",
  ),
  noMonth: msg(
    "bulan {month} belum ada; buat dengan `lokmin new {month}`",
    "month {month} does not exist; create it with `lokmin new {month}`",
  ),
  noMonths: msg(
    "workspace belum punya bulan; buat dengan `lokmin new YYYY-MM`",
    "the workspace has no months yet; create one with `lokmin new YYYY-MM`",
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

/** The month an operation works on: the one given, else the latest month folder. */
export function monthArgument(value: string | undefined, workspace: Pick<LoadedWorkspace, "months">): string {
  if (value !== undefined) return requireMonth(value);
  const latest = workspace.months.at(-1)?.id;
  if (!latest) throw new UserError(t(M.noMonths));
  return latest;
}

/** How much of each month to load (from monthsToLoad); without it every month in full. */
type Load = (month: string) => MonthScope;

/** Read the workspace (through the parse cache) with the months `load` asks for; lokmin.yaml must be valid. */
export function openWorkspace(ctx: OpContext, load?: Load, root?: string): WorkspaceWithConfig {
  const workspace = readWorkspace(ctx, load, root);
  if (!workspace.config) {
    throw new UserError(
      t(M.invalidConfig),
      workspace.findings.filter((d) => d.file === WORKSPACE_FILE),
      workspace.root,
    );
  }
  return workspace as WorkspaceWithConfig;
}

/** The same, also when lokmin.yaml is invalid (check reports that as findings). */
export function readWorkspace(ctx: OpContext, load?: Load, root = workspaceRoot(ctx)): LoadedWorkspace {
  const cache = new ParseCache(root, ctx.env);
  const workspace = loadWorkspace(root, { scope: load, cache });
  cache.save();
  return workspace;
}

/**
 * The workspace opened for one month's operation: the month given (else the latest), with the
 * months around it that `needs` asks for; the month must exist.
 */
export function openMonth(ctx: OpContext, monthArg: string | undefined, needs: MonthNeed | MonthNeed[], root?: string) {
  if (monthArg !== undefined) requireMonth(monthArg);
  const base = root ?? workspaceRoot(ctx);
  const target = monthArg ?? listMonths(base).at(-1);
  const workspace = openWorkspace(ctx, monthsToLoad(needs, target), base);
  const month = monthArgument(monthArg, workspace);
  return { workspace, month, loaded: requireLoadedMonth(workspace, month) };
}

export function requireLoadedMonth(workspace: LoadedWorkspace, month: string) {
  const loaded = workspace.months.find((m) => m.id === month);
  if (!loaded) {
    // Something that is not a usable folder has the month's name: say what it is, not "create it with new".
    const broken = workspace.findings.filter((f) => f.rule === "io/folder" && f.file === month);
    if (broken.length) throw new UserError(t(M.invalidInput), broken, workspace.root);
    throw new UserError(t(M.noMonth, { month }));
  }
  return loaded;
}

/**
 * Input errors that stop an operation which needs valid files (rank, carry, render). A month folder
 * that is not a folder stops every such operation: what it holds (commitments, figures) cannot be read.
 */
export function failOnInputErrors(workspace: LoadedWorkspace, files: (file: string) => boolean): void {
  const errors = workspace.findings.filter(
    (d) => d.severity === "error" && (files(d.file) || (d.rule === "io/folder" && isMonthId(d.file))),
  );
  if (errors.length) throw new UserError(t(M.invalidInput), errors, workspace.root);
}

/** Folders that are not usable folders (io/folder findings) among `files`: they stop an operation that uses them. */
export function failOnBrokenFolders(workspace: LoadedWorkspace, files: (file: string) => boolean): void {
  const broken = workspace.findings.filter((d) => d.rule === "io/folder" && (files(d.file) || isMonthId(d.file)));
  if (broken.length) throw new UserError(t(M.invalidInput), broken, workspace.root);
}

/** A month's files and folders (the month folder itself included) and lokmin.yaml. */
export const inMonth = (month: string) => (file: string) =>
  file === WORKSPACE_FILE || file === month || file.startsWith(`${month}/`);

/** Refuse a folder lokmin is about to write into (or read from) when it is not a usable folder. */
export function requireFolder(abs: string, options: { root?: string; label?: (abs: string) => string } = {}): void {
  const checked = checkFolder(abs, { root: options.root });
  if (checked.ok) return;
  const label = options.label?.(checked.at) ?? folderLabel(options.root, checked.at);
  throw new UserError(describeFolderFailure(checked, label));
}

/** Check input for the domain: the workspace, the date and a probe of its files. */
export const checkInput = (
  ctx: Pick<OpContext, "today">,
  workspace: LoadedWorkspace,
  months?: readonly string[],
): CheckInput => ({
  workspace,
  months,
  today: ctx.today,
  probe: probeFile(workspace.root),
});
