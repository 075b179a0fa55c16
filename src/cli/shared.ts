// Helpers every command shares at the edge: opening the workspace (with the parse cache, saved
// after loading), the month argument (the latest month when none is given), the failure when
// input files are invalid, and printing findings with their positions.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../domain/findings.js";
import { isMonthId } from "../domain/month.js";
import { WORKSPACE_FILE } from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { ParseCache } from "../io/cache.js";
import { checkFolder, cleanStaleTemps, describeFolderFailure, folderLabel, readRegularFile } from "../io/fs-safe.js";
import { withLock } from "../io/lock.js";
import { positionAll, type SourceLookup } from "../io/positions.js";
import {
  findWorkspaceRoot,
  type LoadedWorkspace,
  loadWorkspace,
  type MonthScope,
  probeFile,
  type WorkspaceWithConfig,
} from "../io/workspace.js";
import { decodeUtf8, MAX_FILE_BYTES, YamlSource } from "../io/yaml-source.js";
import type { Context } from "./context.js";
import { diagnosticJson, formatDiagnostics } from "./ui.js";

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

/** The month a command works on: the one given, else the latest month folder. */
export function monthArgument(value: string | undefined, workspace: Pick<LoadedWorkspace, "months">): string {
  if (value !== undefined) return requireMonth(value);
  const latest = workspace.months.at(-1)?.id;
  if (!latest) throw new UserError(t(M.noMonths));
  return latest;
}

export function openWorkspace(
  ctx: Context,
  scope?: (month: string) => MonthScope,
  root = findWorkspaceRoot(ctx.cwd),
): WorkspaceWithConfig {
  const cache = new ParseCache(root, ctx.env);
  const workspace = loadWorkspace(root, { scope, cache });
  cache.save();
  if (!workspace.config) {
    throw new UserError(
      t(M.invalidConfig),
      workspace.findings.filter((d) => d.file === WORKSPACE_FILE),
      root,
    );
  }
  return workspace as WorkspaceWithConfig;
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

/** Source lookup for positions: the files already read, else read (and parsed) on demand. */
export function sourcesOf(root: string, known?: Map<string, YamlSource>): SourceLookup {
  const cache = new Map<string, YamlSource | undefined>(known);
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    // Only YAML files have excerpts: a finding about a folder (or whatever stands in its place) has none.
    if (!/\.ya?ml$/i.test(file)) return undefined;
    const read = readRegularFile(path.join(root, file), { maxBytes: MAX_FILE_BYTES, root });
    const decoded = read.ok ? decodeUtf8(read.bytes, file) : undefined;
    const source = decoded?.text === undefined ? undefined : new YamlSource(file, decoded.text, decoded.bom);
    cache.set(file, source);
    return source;
  };
}

/** Print findings with positions and excerpts, on stdout (check's report) or stderr (why a command stopped). */
export function printFindings(
  ctx: Context,
  root: string,
  findings: readonly Finding[],
  where: "out" | "err",
  known?: Map<string, YamlSource>,
) {
  if (findings.length === 0) return;
  const lookup = sourcesOf(root, known);
  const lines = formatDiagnostics(ctx.ui, positionAll(findings, lookup), (file) => lookup(file)?.text);
  for (const line of lines) ctx.ui[where](line);
}

export function findingsJson(root: string, findings: readonly Finding[], known?: Map<string, YamlSource>) {
  return positionAll(findings, sourcesOf(root, known)).map(diagnosticJson);
}

/**
 * Input errors that stop a command which needs valid files (rank, carry, render). A month folder that
 * is not a folder stops every such command: what it holds (commitments, figures) cannot be read.
 */
export function failOnInputErrors(workspace: LoadedWorkspace, files: (file: string) => boolean): void {
  const errors = workspace.findings.filter(
    (d) => d.severity === "error" && (files(d.file) || (d.rule === "io/folder" && isMonthId(d.file))),
  );
  if (errors.length) throw new UserError(t(M.invalidInput), errors, workspace.root);
}

/** Folders that are not usable folders (io/folder findings) among `files`: they stop a command that uses them. */
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

export const resolveOut = (ctx: Context, dir: string) => path.resolve(ctx.cwd, dir);

/** Check input for the domain: the workspace, the date and a probe of its files. */
export const checkInput = (ctx: Context, workspace: LoadedWorkspace, months?: readonly string[]) => ({
  workspace,
  months,
  today: ctx.today,
  probe: probeFile(workspace.root),
});

/**
 * Run a writing command under the workspace lock, so two lokmin commands never interleave their
 * read-modify-write; lokmin's own temp files left by a killed run are cleaned up first.
 */
export async function whileLocked<T>(ctx: Context, command: string, fn: (root: string) => Promise<T> | T): Promise<T> {
  const root = findWorkspaceRoot(ctx.cwd);
  return withLock(root, { command, env: ctx.env }, () => {
    cleanWorkspaceTemps(root);
    return fn(root);
  });
}

function cleanWorkspaceTemps(root: string): void {
  const dirs = [root];
  try {
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isMonthId(entry.name)) continue;
      const month = path.join(root, entry.name);
      dirs.push(month, path.join(month, "program"), path.join(month, "dokumen"), path.join(month, "isian"));
      dirs.push(path.join(month, "pralokmin"));
    }
  } catch {
    return;
  }
  for (const dir of dirs) {
    // Never through a link out of the workspace (nor into a FIFO or a file named like a folder).
    const checked = checkFolder(dir, { root });
    if (!checked.ok || !checked.exists) continue;
    try {
      cleanStaleTemps(dir);
    } catch {
      // a folder that is not there has nothing to clean
    }
  }
}
