// The workspace on disk: finding its root (walking up to lokmin.yaml, or -C), and loading
// lokmin.yaml plus each month folder (rapat.yaml, program/*.yaml) through the one YAML loader.
// Loading never throws for bad user files: everything becomes a Diagnostic.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { ParseCache } from "./cache.js";
import type { MonthMeeting } from "../domain/commitments.js";
import type { Diagnostic } from "../domain/findings.js";
import { UserError } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import { isMonthId, looksLikeMonth, shiftMonth } from "../domain/month.js";
import {
  type Meeting,
  type MeetingCommitments,
  meetingCommitmentsSchema,
  meetingSchema,
  type ProgramReport,
  programReportSchema,
  type Workspace,
  workspaceSchema,
} from "../domain/schema.js";
import { decodeUtf8, loadValidated, MAX_FILE_BYTES, YamlSource } from "./yaml-source.js";

export const WORKSPACE_FILE = "lokmin.yaml";
export const MEETING_FILE = "rapat.yaml";
export const PROGRAM_DIR = "program";
export const SCHEMA_DIR = ".lokmin/schema";

export interface Loaded<T> {
  source: YamlSource;
  data: T;
}

export interface LoadedMonth {
  id: string;
  dir: string;
  meeting?: Loaded<Meeting>;
  /** Only the commitment sections of rapat.yaml (scope "kesepakatan"), when the whole is not needed. */
  commitments?: Loaded<MeetingCommitments>;
  programs: Loaded<ProgramReport>[];
}

export interface LoadedWorkspace {
  root: string;
  config?: Loaded<Workspace>;
  months: LoadedMonth[];
  diagnostics: Diagnostic[];
}

const M = {
  noWorkspace: msg(
    "tidak menemukan {file} di {dir} atau folder di atasnya; jalankan `lokmin init` atau pakai -C <folder>",
    "no {file} found in {dir} or any parent folder; run `lokmin init` or use -C <folder>",
  ),
  noDir: msg("folder {dir} tidak ada", "folder {dir} does not exist"),
  unreadable: msg(
    "tidak dapat membaca berkas ({detail}); periksa izin berkas",
    "cannot read the file ({detail}); check its permissions",
  ),
  notAFile: msg("{file} adalah folder, bukan berkas", "{file} is a folder, not a file"),
  badMonthDir: msg(
    "folder '{name}' tampak seperti bulan tetapi tidak sah; ganti nama menjadi YYYY-MM (bulan 01–12)",
    "folder '{name}' looks like a month but is not valid; rename it YYYY-MM (month 01–12)",
  ),
  noMeeting: msg(
    "bulan {month} tidak punya {file}; buat dengan `lokmin new {month} --force`",
    "month {month} has no {file}; create it with `lokmin new {month} --force`",
  ),
  tooBig: msg("berkas terlalu besar ({size} MB, batas {limit} MB)", "file too large ({size} MB, limit {limit} MB)"),
};

/** Walk up from `start` to the folder holding lokmin.yaml. */
export function findWorkspaceRoot(start: string): string {
  let dir = path.resolve(start);
  if (!existsSync(dir)) throw new UserError(t(M.noDir, { dir: start }));
  for (;;) {
    if (existsSync(path.join(dir, WORKSPACE_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new UserError(t(M.noWorkspace, { file: WORKSPACE_FILE, dir: path.resolve(start) }));
    dir = parent;
  }
}

export const relativePath = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join("/");

/** Read and validate one YAML file of the workspace (a valid file unchanged since last time comes from the cache). */
export function loadFile<T>(
  root: string,
  abs: string,
  schema: z.ZodType<T>,
  cache?: { store: ParseCache; kind: string },
): { loaded?: Loaded<T>; source?: YamlSource; diagnostics: Diagnostic[] } {
  const rel = relativePath(root, abs);
  const fail = (message: string, rule = "io/read"): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ rule, severity: "error", file: rel, line: 1, column: 1, message }],
  });
  let bytes: Buffer;
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) return fail(t(M.notAFile, { file: rel }));
    if (stat.size > MAX_FILE_BYTES) {
      return fail(
        t(M.tooBig, { size: (stat.size / 1024 / 1024).toFixed(1), limit: MAX_FILE_BYTES / 1024 / 1024 }),
        "yaml/size",
      );
    }
    bytes = readFileSync(abs);
  } catch (error) {
    return fail(t(M.unreadable, { detail: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  const decoded = decodeUtf8(bytes, rel);
  if (decoded.diagnostic) return { diagnostics: [decoded.diagnostic] };
  const hash = cache ? ParseCache.hash(decoded.text!) : "";
  const cached = cache?.store.get<T>(rel, cache.kind, hash);
  if (cached !== undefined) {
    const source = new YamlSource(rel, decoded.text!, decoded.bom);
    return { loaded: { source, data: cached }, source, diagnostics: [] };
  }
  const result = loadValidated(decoded.text!, rel, schema, decoded.bom);
  if (cache && result.data !== undefined) cache.store.set(rel, cache.kind, hash, result.data);
  return {
    loaded: result.source && result.data !== undefined ? { source: result.source, data: result.data } : undefined,
    source: result.source,
    diagnostics: result.diagnostics,
  };
}

function listMonthDirs(root: string, diagnostics: Diagnostic[]): string[] {
  const months: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (isMonthId(entry.name)) months.push(entry.name);
    else if (looksLikeMonth(entry.name)) {
      diagnostics.push({
        rule: "workspace/month-folder",
        severity: "warning",
        file: entry.name,
        line: 1,
        column: 1,
        message: t(M.badMonthDir, { name: entry.name }),
      });
    }
  }
  return months.sort();
}

/** How much of a month to read: everything, only rapat.yaml, only its commitment sections, or nothing. */
export type MonthScope = "full" | "meeting" | "kesepakatan" | "skip";

/** Scope for checking some months: those months and the one before each in full, earlier commitments only. */
export function scopeFor(months: readonly string[]): (month: string) => MonthScope {
  if (months.length === 0) return () => "full";
  const full = new Set(months.flatMap((m) => [m, shiftMonth(m, -1)]));
  const last = [...months].sort().at(-1)!;
  return (month) => (full.has(month) ? "full" : month < last ? "kesepakatan" : "skip");
}

/** The commitment view of every loaded month, for commitments.ts. */
export function monthMeetings(workspace: Pick<LoadedWorkspace, "months">): MonthMeeting[] {
  return workspace.months.flatMap((m) => {
    const loaded = m.meeting ?? m.commitments;
    return loaded ? [{ id: m.id, meeting: loaded.data, source: loaded.source }] : [];
  });
}

export function loadMonth(
  root: string,
  id: string,
  diagnostics: Diagnostic[],
  scope: MonthScope = "full",
  store?: ParseCache,
): LoadedMonth {
  const dir = path.join(root, id);
  const month: LoadedMonth = { id, dir, programs: [] };
  const meetingPath = path.join(dir, MEETING_FILE);
  if (existsSync(meetingPath)) {
    if (scope === "kesepakatan") {
      const result = loadFile(root, meetingPath, meetingCommitmentsSchema, store && { store, kind: "kesepakatan" });
      diagnostics.push(...result.diagnostics);
      month.commitments = result.loaded;
    } else {
      const result = loadFile(root, meetingPath, meetingSchema, store && { store, kind: "rapat" });
      diagnostics.push(...result.diagnostics);
      month.meeting = result.loaded;
    }
  } else {
    diagnostics.push({
      rule: "workspace/meeting-file",
      severity: "error",
      file: `${id}/${MEETING_FILE}`,
      line: 1,
      column: 1,
      message: t(M.noMeeting, { month: id, file: MEETING_FILE }),
    });
  }
  const programDir = path.join(dir, PROGRAM_DIR);
  if (scope === "full" && existsSync(programDir) && statSync(programDir).isDirectory()) {
    for (const name of readdirSync(programDir).sort()) {
      if (!/\.ya?ml$/i.test(name)) continue;
      const result = loadFile(
        root,
        path.join(programDir, name),
        programReportSchema,
        store && { store, kind: "program" },
      );
      diagnostics.push(...result.diagnostics);
      if (result.loaded) month.programs.push(result.loaded);
    }
  }
  return month;
}

/**
 * Load the workspace at `root`. `scope` says how much of each month to read (default: all of
 * every month); each file is read and parsed once.
 */
export function loadWorkspace(root: string, options: { scope?: (month: string) => MonthScope } = {}): LoadedWorkspace {
  const diagnostics: Diagnostic[] = [];
  const store = new ParseCache(root);
  const configResult = loadFile(root, path.join(root, WORKSPACE_FILE), workspaceSchema, { store, kind: "lokmin" });
  diagnostics.push(...configResult.diagnostics);
  const months = listMonthDirs(root, diagnostics)
    .map((id) => ({ id, scope: options.scope?.(id) ?? "full" }))
    .filter(({ scope }) => scope !== "skip")
    .map(({ id, scope }) => loadMonth(root, id, diagnostics, scope, store));
  store.save();
  return { root, config: configResult.loaded, months, diagnostics };
}

export const monthExists = (root: string, id: string) => existsSync(path.join(root, id));

/** All month folder names of a workspace, sorted. */
export function monthIds(root: string): string[] {
  return listMonthDirs(root, []);
}
