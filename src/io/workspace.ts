// The workspace on disk: finding its root (walking up to lokmin.yaml, or -C), listing month
// folders, and reading lokmin.yaml and each month's rapat.yaml, program files, and (when present)
// tribulanan.yaml and pralokmin/<klaster>.yaml through the one YAML reader. Loading never throws
// for bad user files: everything becomes a finding. The parse cache is read here and saved by the
// caller, so loading itself writes nothing.
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { FileKind } from "../domain/check/context.js";
import type { Finding } from "../domain/findings.js";
import { isMonthId, looksLikeMonth, shiftMonth } from "../domain/month.js";
import { UNUSUAL } from "../domain/verification.js";
import {
  type Meeting,
  type MeetingCommitments,
  meetingCommitmentsSchema,
  meetingSchema,
  type Pralokmin,
  pralokminSchema,
  type ProgramReport,
  programReportSchema,
  quarterlyCommitmentsSchema,
  type QuarterlyMeeting,
  quarterlyMeetingSchema,
  type Workspace,
  workspaceSchema,
} from "../domain/schema.js";
import {
  type Loaded,
  MEETING_FILE,
  type MonthData,
  PRALOKMIN_DIR,
  PROGRAM_DIR,
  QUARTERLY_FILE,
  SCHEMA_DIR,
  WORKSPACE_FILE,
  type WorkspaceData,
} from "../domain/workspace-data.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { ParseCache } from "./cache.js";
import {
  checkFolder,
  describeFolderFailure,
  describeReadFailure,
  type FolderFailure,
  folderLabel,
  pathPresent,
  readRegularFile,
} from "./fs-safe.js";
import { decodeUtf8, loadValidated, MAX_FILE_BYTES, mayHaveThousandsPoint, YamlSource } from "./yaml-source.js";

export interface LoadedWorkspace extends WorkspaceData {
  root: string;
  /** The text of every file read, for positions, excerpts and write-back. */
  sources: Map<string, YamlSource>;
  cache?: ParseCache;
}

export type WorkspaceWithConfig = LoadedWorkspace & { config: Loaded<Workspace> };

const M = {
  noWorkspace: msg(
    "tidak menemukan {file} di {dir} atau folder di atasnya; jalankan `lokmin init` atau pakai -C <folder>",
    "no {file} found in {dir} or any parent folder; run `lokmin init` or use -C <folder>",
  ),
  noDir: msg("folder {dir} tidak ada", "folder {dir} does not exist"),
  notDir: msg("{dir} bukan folder", "{dir} is not a folder"),
  badMonthDir: msg(
    "folder '{name}' tampak seperti bulan tetapi tidak sah; ganti nama menjadi YYYY-MM (bulan 01–12)",
    "folder '{name}' looks like a month but is not valid; rename it YYYY-MM (month 01–12)",
  ),
  noMeeting: msg(
    "bulan {month} tidak punya {file}; buat yang hilang dengan `lokmin new {month} --lengkapi` (berkas yang ada " +
      "tidak diubah)",
    "month {month} has no {file}; create what is missing with `lokmin new {month} --lengkapi` (existing files are " +
      "kept)",
  ),
  duplicate: msg(
    "{file} dan {other} berisi program yang sama; gabungkan lalu hapus salah satunya ({other} tidak dibaca)",
    "{file} and {other} hold the same program; merge them and delete one ({other} is not read)",
  ),
};

/** Walk up from `start` to the folder holding lokmin.yaml. */
export function findWorkspaceRoot(start: string): string {
  let dir = path.resolve(start);
  if (!existsSync(dir)) throw new UserError(t(M.noDir, { dir: start }));
  if (!statSync(dir).isDirectory()) throw new UserError(t(M.notDir, { dir: start }));
  for (;;) {
    // Present, even as a broken or looping link: reading it then says what is wrong with it.
    if (pathPresent(path.join(dir, WORKSPACE_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new UserError(t(M.noWorkspace, { file: WORKSPACE_FILE, dir: path.resolve(start) }));
    dir = parent;
  }
}

export const relativePath = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join("/");

interface FileResult<T> {
  loaded?: Loaded<T>;
  source?: YamlSource;
  findings: Finding[];
}

/** Read and validate one YAML file of the workspace (a valid file unchanged since last time comes from the cache). */
export function loadFile<T>(
  root: string,
  abs: string,
  schema: z.ZodType<T>,
  cache?: { store: ParseCache; kind: string },
): FileResult<T> {
  const file = relativePath(root, abs);
  const read = readRegularFile(abs, { maxBytes: MAX_FILE_BYTES, root });
  if (!read.ok) {
    const rule = read.reason === "too-big" ? "yaml/size" : "io/read";
    return {
      findings: [{ rule, severity: "error", file, line: 1, column: 1, message: describeReadFailure(read, file) }],
    };
  }
  const decoded = decodeUtf8(read.bytes, file);
  if (decoded.finding || decoded.text === undefined) return { findings: decoded.finding ? [decoded.finding] : [] };
  const text = decoded.text;
  const hash = cache ? ParseCache.hash(text) : "";
  // A count written "2.000" is valid data (2) to the schema: such a file is always read afresh.
  const cached = mayHaveThousandsPoint(text) ? undefined : cache?.store.get<T>(file, cache.kind, hash, schema);
  if (cached !== undefined) {
    const source = new YamlSource(file, text, decoded.bom);
    return { loaded: { file, data: cached }, source, findings: [] };
  }
  const result = loadValidated(text, file, schema, decoded.bom);
  if (cache && result.data !== undefined) cache.store.set(file, cache.kind, hash, result.data);
  return {
    loaded: result.source && result.data !== undefined ? { file, data: result.data } : undefined,
    source: result.source ?? new YamlSource(file, text, decoded.bom),
    findings: result.findings,
  };
}

/** The folders of a workspace lokmin reads or writes beside the month folders (templates, its own state). */
export const WORKSPACE_FOLDERS = ["templates", ".lokmin", SCHEMA_DIR, ".lokmin/cadangan"] as const;
/** The folders of a month: program and pralokmin files read, documents and workbooks written (and read back). */
export const MONTH_FOLDERS = [PROGRAM_DIR, PRALOKMIN_DIR, "dokumen", "isian", "isian/cadangan"] as const;

/** The finding for a folder lokmin cannot use: an error, since what is in it (or goes into it) is not reachable. */
export function folderFinding(root: string, failure: FolderFailure): Finding {
  const file = folderLabel(root, failure.at);
  const message = describeFolderFailure(failure, file);
  return { rule: "io/folder", severity: "error", file, line: 1, column: 1, message };
}

/** Check folders of the workspace (relative paths), adding a finding for each one that is broken (once each). */
function probeFolders(root: string, rels: readonly string[], findings: Finding[]): void {
  for (const rel of rels) {
    const checked = checkFolder(path.join(root, rel), { root });
    if (checked.ok) continue;
    const finding = folderFinding(root, checked);
    if (!findings.some((f) => f.rule === finding.rule && f.file === finding.file)) findings.push(finding);
  }
}

function listMonthDirs(root: string, findings: Finding[]): string[] {
  const months: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (isMonthId(entry.name)) {
      // A month name on something that is not a plain folder: a link to a folder inside the workspace is
      // a month; a file, FIFO, device, looping or broken link, or a link out of the workspace is named.
      if (entry.isDirectory()) months.push(entry.name);
      else {
        const checked = checkFolder(path.join(root, entry.name), { root });
        if (checked.ok) months.push(entry.name);
        else findings.push(folderFinding(root, checked));
      }
    } else if (entry.isDirectory() && looksLikeMonth(entry.name)) {
      const message = t(M.badMonthDir, { name: entry.name });
      findings.push({
        rule: "workspace/month-folder",
        severity: "warning",
        file: entry.name,
        line: 1,
        column: 1,
        message,
      });
    }
  }
  return months.sort();
}

/** The month folders of a workspace, sorted, without reading any file (those that are not folders left out). */
export const listMonths = (root: string) => listMonthDirs(root, []);

/** Why the month folder `month` cannot be used, if something that is not a usable folder has its name. */
export function brokenMonth(root: string, month: string): Finding | undefined {
  const abs = path.join(root, month);
  if (!pathPresent(abs)) return undefined;
  const checked = checkFolder(abs, { root });
  return checked.ok ? undefined : folderFinding(root, checked);
}

/** How much of a month to read: everything, only rapat.yaml, only its commitment sections, or nothing. */
export type MonthScope = "full" | "meeting" | "kesepakatan" | "skip";

/**
 * What an operation needs of the months around the one(s) it works on:
 * - `month`: the month itself in full;
 * - `month-and-previous`: the month and the one before it in full (forms carry last month's figures);
 * - `history`: the month and the UNUSUAL.window months before it in full (the month before for the
 *   cumulative figures, six for each indicator's own history: unusual figures);
 * - `commitments-before`: the commitments of every earlier month (carrying, the package's open list);
 * - `year-to-month`: the months of the month's year up to it, in full (trends);
 * - `check`: what checking needs: `history` and `commitments-before`;
 * - `none`: no month at all (lokmin.yaml only).
 */
export type MonthNeed =
  "month" | "month-and-previous" | "history" | "commitments-before" | "year-to-month" | "check" | "none";

const SCOPE_ORDER: readonly MonthScope[] = ["skip", "kesepakatan", "meeting", "full"];

/**
 * Which months to load and how much of each, for an operation on `months` (one or more) that needs
 * `needs`; several needs load the most any of them asks for. No month given (a workspace without
 * months, or `check` of all months): every month in full, except for `none`.
 */
export function monthsToLoad(
  needs: MonthNeed | readonly MonthNeed[],
  months: string | readonly string[] | undefined,
): (month: string) => MonthScope {
  const list = (typeof needs === "string" ? [needs] : needs).flatMap((n) =>
    n === "check" ? (["history", "commitments-before"] as const) : [n],
  );
  const targets = typeof months === "string" ? [months] : (months ?? []);
  if (list.includes("none")) return () => "skip";
  if (targets.length === 0) return () => "full";
  const last = [...targets].sort().at(-1) ?? "";
  const previous = new Set(targets.map((m) => shiftMonth(m, -1)));
  const back = Array.from({ length: UNUSUAL.window }, (_, i) => i + 1);
  const recent = new Set(targets.flatMap((m) => back.map((k) => shiftMonth(m, -k))));
  const scopeOf = (need: MonthNeed, month: string): MonthScope => {
    if (targets.includes(month)) return "full";
    switch (need) {
      case "month-and-previous":
        return previous.has(month) ? "full" : "skip";
      case "history":
        return recent.has(month) ? "full" : "skip";
      case "commitments-before":
        return month < last ? "kesepakatan" : "skip";
      case "year-to-month":
        return targets.some((m) => month.slice(0, 4) === m.slice(0, 4) && month < m) ? "full" : "skip";
      default:
        return "skip";
    }
  };
  return (month) =>
    list.reduce<MonthScope>((most, need) => {
      const scope = scopeOf(need, month);
      return SCOPE_ORDER.indexOf(scope) > SCOPE_ORDER.indexOf(most) ? scope : most;
    }, "skip");
}

/** Program files of a month folder, one per program: `kia.yaml` wins over `kia.yml` (reported). */
function programFiles(dir: string, month: string, findings: Finding[]): string[] {
  const names = readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort();
  const byProgram = new Map<string, string>();
  for (const name of names) {
    const id = name.replace(/\.ya?ml$/i, "").toLowerCase();
    const first = byProgram.get(id);
    if (first === undefined) byProgram.set(id, name);
    else {
      const [kept, dropped] = /\.yaml$/.test(first) ? [first, name] : [name, first];
      byProgram.set(id, kept);
      const file = `${month}/${PROGRAM_DIR}/${dropped}`;
      const message = t(M.duplicate, { file: `${month}/${PROGRAM_DIR}/${kept}`, other: file });
      findings.push({ rule: "workspace/duplicate-file", severity: "error", file, line: 1, column: 1, message });
    }
  }
  return [...byProgram.values()].sort();
}

function loadMonth(root: string, id: string, scope: MonthScope, into: LoadedWorkspace): MonthData {
  const dir = path.join(root, id);
  const month: MonthData = { id, programs: [] };
  const meetingPath = path.join(dir, MEETING_FILE);
  const keep = <T>(result: FileResult<T>) => {
    into.findings.push(...result.findings);
    if (result.source) into.sources.set(result.source.rel, result.source);
    return result.loaded;
  };
  const cache = (kind: string) => (into.cache ? { store: into.cache, kind } : undefined);
  if (pathPresent(meetingPath)) {
    if (scope === "kesepakatan") {
      month.commitments = keep<MeetingCommitments>(
        loadFile(root, meetingPath, meetingCommitmentsSchema, cache("kesepakatan")),
      );
    } else {
      month.meeting = keep<Meeting>(loadFile(root, meetingPath, meetingSchema, cache("rapat")));
      // A meeting invalid elsewhere still yields its commitments, so none is lost in carrying.
      if (!month.meeting)
        month.commitments = loadFile(root, meetingPath, meetingCommitmentsSchema, cache("kesepakatan")).loaded;
    }
  } else {
    const message = t(M.noMeeting, { month: id, file: MEETING_FILE });
    into.findings.push({
      rule: "workspace/meeting-file",
      severity: "error",
      file: `${id}/${MEETING_FILE}`,
      line: 1,
      column: 1,
      message,
    });
  }
  if (scope === "full")
    probeFolders(
      root,
      MONTH_FOLDERS.map((f) => `${id}/${f}`),
      into.findings,
    );
  const programDir = path.join(dir, PROGRAM_DIR);
  const programs = scope === "full" ? checkFolder(programDir, { root }) : undefined;
  // A program folder that is not a folder leaves the month's figures unassessed (its finding says why).
  if (programs && !programs.ok) (month.unreadable ??= []).push(`${id}/${PROGRAM_DIR}`);
  if (programs?.ok && programs.exists) {
    for (const name of programFiles(programDir, id, into.findings)) {
      const loaded = keep<ProgramReport>(
        loadFile(root, path.join(programDir, name), programReportSchema, cache("program")),
      );
      if (loaded) month.programs.push(loaded);
      else (month.unreadable ??= []).push(relativePath(root, path.join(programDir, name)));
    }
  }
  loadOtherMeetings(root, dir, scope, month, keep, cache);
  return month;
}

/**
 * The meetings held beside the monthly Lokmin: the quarterly cross-sector Lokmin (tribulanan.yaml;
 * its commitments are read in every scope, so they are carried like the monthly ones) and the
 * pralokmin of each klaster (pralokmin/*.yaml, read with the month in full).
 */
function loadOtherMeetings(
  root: string,
  dir: string,
  scope: MonthScope,
  month: MonthData,
  keep: <T>(result: FileResult<T>) => Loaded<T> | undefined,
  cache: (kind: string) => { store: ParseCache; kind: string } | undefined,
) {
  const quarterlyPath = path.join(dir, QUARTERLY_FILE);
  if (pathPresent(quarterlyPath)) {
    if (scope === "kesepakatan") {
      month.quarterlyCommitments = keep<MeetingCommitments>(
        loadFile(root, quarterlyPath, quarterlyCommitmentsSchema, cache("tribulanan-kesepakatan")),
      );
    } else {
      month.quarterly = keep<QuarterlyMeeting>(
        loadFile(root, quarterlyPath, quarterlyMeetingSchema, cache("tribulanan")),
      );
      if (!month.quarterly) {
        month.quarterlyCommitments = loadFile(
          root,
          quarterlyPath,
          quarterlyCommitmentsSchema,
          cache("tribulanan-kesepakatan"),
        ).loaded;
      }
    }
  }
  const pralokminDir = path.join(dir, PRALOKMIN_DIR);
  const pralokmin = scope === "full" ? checkFolder(pralokminDir, { root }) : undefined;
  if (pralokmin?.ok && pralokmin.exists) {
    month.pralokmin = [];
    const names = readdirSync(pralokminDir)
      .filter((name) => /\.yaml$/i.test(name))
      .sort();
    for (const name of names) {
      const loaded = keep<Pralokmin>(
        loadFile(root, path.join(pralokminDir, name), pralokminSchema, cache("pralokmin")),
      );
      if (loaded) month.pralokmin.push(loaded);
    }
  }
}

/**
 * Load the workspace at `root`. `scope` says how much of each month to read (default: all of
 * every month); each file is read and parsed once. The cache, when given, is read but not saved.
 */
export function loadWorkspace(
  root: string,
  options: { scope?: (month: string) => MonthScope; cache?: ParseCache } = {},
): LoadedWorkspace {
  const workspace: LoadedWorkspace = { root, months: [], findings: [], sources: new Map(), cache: options.cache };
  const config = loadFile(
    root,
    path.join(root, WORKSPACE_FILE),
    workspaceSchema,
    options.cache && { store: options.cache, kind: "lokmin" },
  );
  workspace.findings.push(...config.findings);
  if (config.source) workspace.sources.set(config.source.rel, config.source);
  workspace.config = config.loaded;
  probeFolders(root, WORKSPACE_FOLDERS, workspace.findings);
  workspace.months = listMonthDirs(root, workspace.findings)
    .map((id) => ({ id, scope: options.scope?.(id) ?? "full" }))
    .filter(({ scope }) => scope !== "skip")
    .map(({ id, scope }) => loadMonth(root, id, scope, workspace));
  return workspace;
}

/** What a workspace-relative path names, for rules that ask about files (the logo). */
export function probeFile(root: string): (rel: string) => FileKind {
  const realRoot = safeRealpath(root) ?? root;
  return (rel) => {
    const abs = path.resolve(root, rel);
    const real = safeRealpath(abs);
    if (real === undefined) return outside(root, abs) ? "outside" : "missing";
    if (outside(realRoot, real)) return "outside";
    try {
      return statSync(real).isFile() ? "file" : "other";
    } catch {
      return "missing";
    }
  };
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function outside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel.startsWith("..") || path.isAbsolute(rel);
}
