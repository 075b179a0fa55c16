// The new-month operation: scaffold a month folder, carrying every open commitment of earlier months
// into its evaluation section. An existing month is never overwritten: `complete` creates only the
// files that are missing and adds indicators lokmin.yaml gained since; `force` recreates the month
// after moving the old folder into .lokmin/cadangan/. `quarterly` scaffolds the quarterly
// cross-sector Lokmin beside the monthly one (tribulanan.yaml, its own open kesepakatan carried in),
// `pralokmin` the pralokmin of each klaster (pralokmin/<klaster>.yaml, only those missing).
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { evaluationsToCarry } from "../domain/commitments.js";
import { CLOCK_PATTERN, formatMonth, parseMonth, shiftMonth } from "../domain/month.js";
import { buildProgramReport, scaffoldMonth } from "../domain/scaffold.js";
import { FILE_KINDS, programReportSchema } from "../domain/schema.js";
import { pralokminFiles, scaffoldQuarterly } from "../domain/scaffold-year.js";
import { monthMeetings, quarterlyFile, SCHEMA_DIR, WORKSPACE_FILE } from "../domain/workspace-data.js";
import type { YamlFile } from "../domain/yaml-file.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { checkRegularFile, describeReadFailure, pathPresent } from "../io/fs-safe.js";
import { newYamlText } from "../io/new-yaml.js";
import { syncSchemas, unwritableSchemas } from "../io/schemas.js";
import { listMonths, monthsToLoad, relativePath, type WorkspaceWithConfig } from "../io/workspace.js";
import { commitPlan, type FileEdits, type NewFile, planEdits } from "../io/edit-plan.js";
import { type OpContext, whileLocked } from "./context.js";
import { failOnBrokenFolders, failOnInputErrors, inMonth, openWorkspace, requireMonth } from "./workspace.js";

const M = {
  exists: msg(
    "bulan {month} sudah ada; tidak ada yang diubah. `lokmin new {month} --lengkapi` membuat berkas yang hilang " +
      "saja; --force membuat ulang (isi lama disimpan di .lokmin/cadangan)",
    "month {month} already exists; nothing changed. `lokmin new {month} --lengkapi` creates only the missing files; " +
      "--force recreates it (the old content is kept in .lokmin/cadangan)",
  ),
  badClock: msg("--mulai '{value}' bukan jam; tulis 08.00", "--mulai '{value}' is not a time; write 08.00"),
  conflict: msg("--lengkapi dan --force tidak dapat dipakai bersama", "--lengkapi and --force cannot be used together"),
  quarterlyExists: msg(
    "{file} sudah ada; tidak ada yang diubah. --force membuat ulang (isi lama disimpan di .lokmin/cadangan)",
    "{file} already exists; nothing changed. --force recreates it (the old content is kept in .lokmin/cadangan)",
  ),
};

export interface NewMonthOptions {
  /** YYYY-MM; default the month after the latest (with `complete`, `quarterly` or `pralokmin`: the latest). */
  month?: string;
  /** The meeting's start time, "08.00" (default). */
  start?: string;
  /** Existing month: create only missing files and add new indicators. */
  complete?: boolean;
  /** The quarterly cross-sector Lokmin in the month's folder. */
  quarterly?: boolean;
  /** The pralokmin of each klaster, those missing. */
  pralokmin?: boolean;
  /** Recreate an existing month (or tribulanan.yaml), the old content moved into .lokmin/cadangan/. */
  force?: boolean;
}

/** A month scaffolded (or its quarterly meeting and pralokmin): the files created and the commitments carried. */
export interface NewMonthResult {
  month: string;
  files: string[];
  carried: string[];
  /** Where the old content went under `force`. */
  backup: string | null;
}

/** An existing month completed: the files created and the indicators added. */
export interface CompleteMonthResult {
  month: string;
  files: string[];
  indicators_added: number;
}

export async function newMonth(
  ctx: OpContext,
  options: NewMonthOptions = {},
): Promise<NewMonthResult | CompleteMonthResult> {
  const start = options.start ?? "08.00";
  if (!CLOCK_PATTERN.test(start)) throw new UserError(t(M.badClock, { value: start }));
  if (options.force && options.complete) throw new UserError(t(M.conflict));
  if (options.month !== undefined) requireMonth(options.month);
  return whileLocked(ctx, "new", (root) => scaffold(ctx, root, { ...options, start: start.replace(":", ".") }));
}

type Scaffold = NewMonthOptions & { start: string };

function scaffold(ctx: OpContext, root: string, options: Scaffold): NewMonthResult | CompleteMonthResult {
  const existing = listMonths(root);
  const extra = options.quarterly || options.pralokmin;
  const month =
    options.month ?? (options.complete || extra ? existing.at(-1) : undefined) ?? nextMonth(existing, ctx.today);
  const workspace = openWorkspace(ctx, monthsToLoad(["month-and-previous", "commitments-before"], month), root);
  // Earlier meetings must at least yield their commitments, or carrying them would lose some.
  const unreadable = new Set([
    ...workspace.months.filter((m) => m.id < month && !m.meeting && !m.commitments).map((m) => `${m.id}/rapat.yaml`),
    ...workspace.months
      .filter((m) => m.id < month && !m.quarterly && !m.quarterlyCommitments)
      .map((m) => quarterlyFile(m.id)),
  ]);
  failOnInputErrors(workspace, (file) => file === WORKSPACE_FILE || unreadable.has(file));
  // Nothing is written into (or moved out of) a folder that is not a folder: the month's, .lokmin's.
  failOnBrokenFolders(workspace, (file) => inMonth(month)(file) || file.startsWith(".lokmin"));
  // The editors' schema files are refreshed last: one that cannot be (a link out of the workspace, a
  // FIFO) stops the operation before anything is written, not after the month exists.
  const schemaProblems = unwritableSchemas(path.join(workspace.root, SCHEMA_DIR), workspace.root);
  if (schemaProblems.length) throw new UserError(schemaProblems.join("\n"));
  if (extra) return scaffoldOtherMeetings(ctx, workspace, month, options);
  const dir = path.join(workspace.root, month);
  const exists = pathPresent(dir);
  if (exists && options.complete) return complete(workspace, month);
  if (exists && !options.force) throw new UserError(t(M.exists, { month }));
  const backup = exists ? moveToBackup(workspace.root, month, ctx.today) : undefined;
  const earlier = monthMeetings(workspace).filter((m) => m.id < month);
  const carried = evaluationsToCarry(earlier, month);
  const previous = workspace.months.find((m) => m.id === shiftMonth(month, -1));
  const files = scaffoldMonth({
    config: workspace.config.data,
    month,
    carried,
    start: options.start,
    previousMeeting: previous?.meeting?.data,
    previousPrograms: previous?.programs.map((p) => p.data),
  });
  commitPlan(planEdits(workspace.root, { create: files.map(newFile) }));
  syncSchemas(path.join(workspace.root, SCHEMA_DIR), workspace.root);
  return { month, files: files.map((f) => f.file), carried: carried.map((c) => c.id), backup: backup ?? null };
}

/** The quarterly meeting and the pralokmin: the meetings held beside the monthly Lokmin, in its month folder. */
function scaffoldOtherMeetings(
  ctx: OpContext,
  workspace: WorkspaceWithConfig,
  month: string,
  options: Scaffold,
): NewMonthResult {
  const config = workspace.config.data;
  const files: YamlFile[] = [];
  let carried: string[] = [];
  let backup: string | undefined;
  if (options.quarterly) {
    const file = quarterlyFile(month);
    const abs = path.join(workspace.root, file);
    if (pathPresent(abs) && !options.force) throw new UserError(t(M.quarterlyExists, { file }));
    if (pathPresent(abs)) backup = moveToBackup(workspace.root, file, ctx.today);
    const earlier = monthMeetings(workspace, "tribulanan").filter((m) => m.id < month);
    const evaluations = evaluationsToCarry(earlier, month);
    carried = evaluations.map((e) => e.id);
    const quarterlyEarlier = earlier.some((m) => m.id.slice(0, 4) === month.slice(0, 4));
    files.push(scaffoldQuarterly({ config, month, carried: evaluations, quarterlyEarlier, start: options.start }));
  }
  const pralokmin = options.pralokmin
    ? pralokminFiles(config, month, options.start).filter((f) => !pathPresent(path.join(workspace.root, f.file)))
    : [];
  files.push(...pralokmin);
  commitPlan(planEdits(workspace.root, { create: files.map(newFile) }));
  syncSchemas(path.join(workspace.root, SCHEMA_DIR), workspace.root);
  return { month, files: files.map((f) => f.file), carried, backup: backup ?? null };
}

const newFile = (file: YamlFile): NewFile => ({
  file: file.file,
  text: newYamlText(file),
  schema: FILE_KINDS[file.kind].schema,
});

/** The month after the latest month folder, or this month when there is none. */
function nextMonth(months: readonly string[], today: string): string {
  const latest = months.at(-1);
  if (latest) return shiftMonth(latest, 1);
  return formatMonth(parseMonth(today.slice(0, 7)) ?? { year: 2024, month: 1 });
}

/** Move a month folder (or one file of it, `2024-03/tribulanan.yaml`) into .lokmin/cadangan/. */
function moveToBackup(root: string, what: string, today: string): string {
  const name = what.replace(/\.yaml$/, "").replace(/\//g, "-");
  const ext = what.endsWith(".yaml") ? ".yaml" : "";
  const base = path.join(".lokmin", "cadangan", `${name}-${today}`);
  let rel = `${base}${ext}`;
  for (let n = 2; pathPresent(path.join(root, rel)); n++) rel = `${base}-${n}${ext}`;
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  renameSync(path.join(root, what), path.join(root, rel));
  return rel.split(path.sep).join("/");
}

/** Create only what is missing in an existing month, and add indicators lokmin.yaml gained since. */
function complete(workspace: WorkspaceWithConfig, month: string): CompleteMonthResult {
  const config = workspace.config.data;
  const loaded = workspace.months.find((m) => m.id === month);
  const earlier = monthMeetings(workspace).filter((m) => m.id < month);
  const previous = workspace.months.find((m) => m.id === shiftMonth(month, -1));
  const files = scaffoldMonth({
    config,
    month,
    carried: evaluationsToCarry(earlier, month),
    previousMeeting: previous?.meeting?.data,
    previousPrograms: previous?.programs.map((p) => p.data),
  });
  // Something already at a file's place is kept, but only a readable file counts as "there": a FIFO,
  // a folder or a looping link is named (before anything is written) so the user can delete it.
  const missingFiles: YamlFile[] = [];
  const blocked: string[] = [];
  for (const file of files) {
    const abs = path.join(workspace.root, file.file);
    const present = [abs, abs.replace(/\.yaml$/, ".yml")].find(pathPresent);
    if (present === undefined) missingFiles.push(file);
    else {
      const checked = checkRegularFile(present, { root: workspace.root });
      if (!checked.ok) blocked.push(describeReadFailure(checked, relativePath(workspace.root, present)));
    }
  }
  if (blocked.length) throw new UserError(blocked.join("\n"));
  const created = missingFiles.map((f) => f.file);
  let indicators = 0;
  const edit: FileEdits[] = [];
  for (const program of loaded?.programs ?? []) {
    const source = workspace.sources.get(program.file);
    if (!source || !config.program.some((p) => p.id === program.data.program)) continue;
    const fresh = buildProgramReport(config, month, program.data.program);
    const present = new Set(program.data.indikator.map((i) => i.id));
    const missing = fresh.indikator.filter((i) => !present.has(i.id));
    if (missing.length === 0) continue;
    edit.push({ source, edits: [{ op: "append", path: ["indikator"], items: missing }], schema: programReportSchema });
    indicators += missing.length;
  }
  commitPlan(planEdits(workspace.root, { create: missingFiles.map(newFile), edit }));
  syncSchemas(path.join(workspace.root, SCHEMA_DIR), workspace.root);
  return { month, files: created, indicators_added: indicators };
}
