// Nothing lost: the one save path of every form page. A page carries the version of what it showed
// (the file's SHA-256, and the value of every field it shows, its "base"). On Simpan, under the
// workspace lock:
//   1. the fields are read and checked; a mistake is shown at its field and nothing is written;
//   2. the file as it is now is merged three ways with the base and the submission (domain/fields/
//      merge.ts): untouched fields take the disk's value, fields only the person changed are
//      written, a field changed on both sides is a conflict shown with both values — nothing is
//      written until the person chooses;
//   3. the merged values become YAML edits of the file as it is now, applied by the CLI's edit plan
//      (src/io/edit-plan.ts: only those values change — comments, key order, quoting, CRLF stay),
//      the result is validated against the schema (and the page's own checks), and committed
//      atomically, refusing if the file changed between the read and the rename.
import path from "node:path";
import type { z } from "zod";
import { applyToData } from "../domain/fields/apply.js";
import { buildEdits } from "../domain/fields/edits.js";
import { applyChoices, type Conflict, mergeFields } from "../domain/fields/merge.js";
import {
  type FieldValues,
  type FormState,
  keyOfPath,
  keyPattern,
  PRESENT,
  type Spec,
  specIndex,
  tableIndex,
} from "../domain/fields/model.js";
import { rebaseTable } from "../domain/fields/table.js";
import { flatten, readSubmitted, withTemporaryKeys } from "../domain/fields/state.js";
import { type Note, nipWarning } from "../domain/fields/values.js";
import type { YamlEdit } from "../domain/edits.js";
import type { PathSegment } from "../domain/findings.js";
import { UserError } from "../errors.js";
import { type Message, msg, t } from "../i18n/index.js";
import { withLock } from "../io/lock.js";
import { commitPlan, planEdits } from "../io/edit-plan.js";
import { issuesToFindings, parseYaml, readData } from "../io/yaml-source.js";
import { readYaml, type YamlFile } from "./files.js";

export interface FormPage {
  id: string;
  url: string;
  /** The workspace file the page edits, relative, with forward slashes. */
  file: string;
  title: Message;
  /** The short name in the navigation (default: the title). */
  nav?: Message;
  intro?: Message;
  schema: z.ZodType;
  specs: (data: unknown) => Spec[];
  /** Checks across fields on the data about to be written (references between lists). */
  check?: (data: unknown) => { key?: string; message: string }[];
  /**
   * What the file holds that follows from the page's fields (a ranking's totals and ranks, as
   * `rank --write` writes them), as edits of the data once the fields are in: written in the same
   * save, so what the page shows and what the file holds never differ.
   */
  derive?: (data: unknown) => YamlEdit[];
}

export interface Shown {
  /** The values the page shows (the person's where they typed, the file's elsewhere). */
  state: FormState;
  /** The base the page carries: what the file held, as field values, and its hash. */
  base: FieldValues;
  version: string;
  notes: Record<string, { error?: Note; warning?: Note }>;
  conflicts: Conflict[];
  /** Messages that belong to no one field. */
  general: string[];
}

export type SaveOutcome =
  | { kind: "saved"; changed: boolean; version: string; warnings: Shown["notes"] }
  | ({ kind: "invalid" | "conflict" } & Shown)
  /** The file cannot be read (gone, a folder now, broken): nothing written; what was typed, to show again. */
  | { kind: "broken"; message: string; shown: Shown };

const M = {
  schema: msg("{file} baris {line}: {message}", "{file} line {line}: {message}"),
};

export const BASE_FIELD = "_asal";
export const VERSION_FIELD = "_versi";
export const CHOICE_PREFIX = "_pilih:";
export const CONFLICT_FIELD = "_konflik";

export const encodeBase = (values: FieldValues) => Buffer.from(JSON.stringify(values)).toString("base64url");

function decodeBase(text: string | undefined): FieldValues | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as FieldValues;
  } catch {
    return undefined;
  }
}

/** What a page shows when opened: the file's values, which are also its base. */
export function showFile(page: FormPage, file: YamlFile): Shown {
  const specs = page.specs(file.data);
  const state = flatten(specs, file.data);
  return {
    state,
    base: state.values,
    version: file.hash,
    notes: warningsOf(specs, state.values),
    conflicts: [],
    general: [],
  };
}

/** The warnings of the values as they are (a NIP that looks wrong is shown whenever the page is). */
function warningsOf(specs: readonly Spec[], values: FieldValues): Shown["notes"] {
  const index = specIndex(specs);
  const notes: Shown["notes"] = {};
  for (const [key, value] of Object.entries(values)) {
    if (index.get(keyPattern(key))?.input !== "nip") continue;
    const warning = nipWarning(value);
    if (warning) notes[key] = { warning };
  }
  return notes;
}

export async function savePage(
  root: string,
  page: FormPage,
  form: ReadonlyMap<string, string[]>,
  env: NodeJS.ProcessEnv,
): Promise<SaveOutcome> {
  try {
    return await withLock(root, { command: `buka (${page.id})`, env }, () => saveLocked(root, page, form));
  } catch (error) {
    // Another lokmin held the workspace too long: nothing was written, and what was typed is shown again.
    if (!(error instanceof UserError)) throw error;
    return keepTyped(root, page, form, error.message);
  }
}

/**
 * The page as the person sent it, with a message: for a save that could not be made at all. When the
 * file itself cannot be read (deleted, replaced by a folder, broken by hand while the page was open),
 * the fields are those the page has for a file without data, so what was typed is never lost: it
 * can be saved again once the file is back, merged with it as any other save.
 */
function keepTyped(root: string, page: FormPage, form: ReadonlyMap<string, string[]>, message?: string): SaveOutcome {
  const read = readYaml(root, page.file);
  const data = read.ok ? read.file.data : undefined;
  const specs = page.specs(data);
  const theirs = flatten(specs, data);
  const base = decodeBase(form.get(BASE_FIELD)?.[0]) ?? theirs.values;
  const submitted = readSubmitted(specs, form, base, () => new Set());
  const shown: Shown = {
    ...withTemporaryKeys(submitted.state, submitted.notes, submitted.newIds),
    base,
    version: form.get(VERSION_FIELD)?.[0] ?? (read.ok ? read.file.hash : ""),
    conflicts: [],
    general: [],
  };
  if (!read.ok) return { kind: "broken", message: [message, read.message].filter(Boolean).join(" "), shown };
  return { kind: "invalid", ...shown, general: message ? [message] : [] };
}

function saveLocked(root: string, page: FormPage, form: ReadonlyMap<string, string[]>): SaveOutcome {
  const read = readYaml(root, page.file);
  if (!read.ok) return keepTyped(root, page, form);
  const disk = read.file;
  const specs = page.specs(disk.data);
  const theirs = flatten(specs, disk.data);
  const first = (name: string) => form.get(name)?.[0];
  // A form without a base (hand-made, or from before a restart) is treated as showing the file as it is now.
  const base = decodeBase(first(BASE_FIELD)) ?? theirs.values;
  const version = first(VERSION_FIELD) ?? disk.hash;

  const taken = (listKey: string) =>
    new Set(
      Object.keys(theirs.values)
        .filter((k) => k.startsWith(`${listKey}[`) && theirs.values[k] === PRESENT)
        .map((k) => decodeURIComponent(k.slice(listKey.length + 1, -1))),
    );
  const submitted = readSubmitted(specs, form, base, taken);
  const notes = { ...submitted.notes };

  // Conflicts shown last time must each have an answer.
  const choices: Record<string, "saya" | "berkas"> = {};
  for (const key of form.get(CONFLICT_FIELD) ?? []) {
    const choice = first(`${CHOICE_PREFIX}${key}`);
    if (choice === "saya" || choice === "berkas") choices[key] = choice;
    else notes[key] = { ...notes[key], error: { message: CHOOSE } };
  }
  const shownAgain = (kind: "invalid", general: string[] = []): SaveOutcome => ({
    kind,
    ...withTemporaryKeys(submitted.state, notes, submitted.newIds),
    base,
    version,
    conflicts: [],
    general,
  });
  if (Object.values(notes).some((n) => n.error)) return shownAgain("invalid");

  const mine = applyChoices(submitted.state.values, base, choices);
  const result = mergeFields(base, mine, theirs.values);
  if (result.conflicts.length) {
    const view = conflictView(result.merged, mine, theirs, submitted.state.order, result.conflicts);
    // A table shown again points its rows at the file as it is now (the page's new base).
    const tables = tableIndex(specs);
    for (const c of result.conflicts)
      if (tables.has(keyPattern(c.key)) && view.state.values[c.key] !== undefined)
        view.state.values[c.key] = rebaseTable(base[c.key], view.state.values[c.key], theirs.values[c.key]);
    return {
      kind: "conflict",
      ...withTemporaryKeys(view.state, notes, submitted.newIds),
      base: theirs.values,
      version: disk.hash,
      conflicts: result.conflicts,
      general: [],
    };
  }
  const warnings = Object.fromEntries(Object.entries(notes).filter(([, n]) => n.warning));
  const edits = buildEdits(specs, disk.data, theirs.values, result.merged, submitted.state.order);
  // The CLI's write path: the edit plan applies the edits once and validates the result.
  let plan = planEdits(root, { edit: [{ source: disk.source, edits, schema: page.schema }] });
  if (page.derive && !plan.findings.length) {
    const [step] = plan.files;
    const derived = page.derive(step.changed ? step.data : disk.data);
    if (derived.length) {
      const source = (step.changed && plan.sources.get(page.file)) || disk.source;
      plan = planEdits(root, { edit: [{ source, edits: derived, schema: page.schema, onDisk: step.before }] });
    }
  }
  const [planned] = plan.files;
  if (!planned.changed) return { kind: "saved", changed: false, version: disk.hash, warnings };
  const text = planned.after;

  // Only problems this save would bring in stop it (a file already invalid elsewhere can still be
  // mended page by page), each shown at its field when the page shows it.
  const problems = newProblems(page, disk, text, specs);
  const check = page.check?.(readData(text.replace(/^\uFEFF/, ""))) ?? [];
  for (const problem of [...problems, ...check]) {
    if (problem.key)
      notes[problem.key] = { ...notes[problem.key], error: { message: { id: problem.message, en: problem.message } } };
  }
  const general = [...problems, ...check].filter((p) => !p.key).map((p) => p.message);
  if (problems.length || check.length) return shownAgain("invalid", general);

  try {
    // The plan's findings are all of the result's errors, old ones included; the new ones were refused above.
    commitPlan({ ...plan, findings: [] });
  } catch (error) {
    if (error instanceof UserError) return shownAgain("invalid", [error.message]);
    throw error;
  }
  const after = readYaml(root, page.file);
  return { kind: "saved", changed: true, version: after.ok ? after.file.hash : disk.hash, warnings };
}

/**
 * The data the page's file would hold if `form` were saved now, without writing or locking: for
 * what a page computes from values not yet saved (the scoring matrix's totals). A field changed on
 * both sides keeps the file's value, as the merge does until the person chooses.
 */
export function previewData(root: string, page: FormPage, form: ReadonlyMap<string, string[]>): unknown {
  const read = readYaml(root, page.file);
  if (!read.ok) return undefined;
  const specs = page.specs(read.file.data);
  const theirs = flatten(specs, read.file.data);
  const base = decodeBase(form.get(BASE_FIELD)?.[0]) ?? theirs.values;
  const submitted = readSubmitted(specs, form, base, () => new Set());
  const { merged } = mergeFields(base, submitted.state.values, theirs.values);
  return applyToData(read.file.data, buildEdits(specs, read.file.data, theirs.values, merged, submitted.state.order));
}

const CHOOSE = msg("pilih salah satu nilai", "choose one of the values");

/**
 * The page shown after a conflict: the merged values, the person's own in the conflicting fields,
 * and a row removed on one side shown again with the other side's content.
 */
function conflictView(
  merged: FieldValues,
  mine: FieldValues,
  theirs: FormState,
  mineOrder: Record<string, string[]>,
  conflicts: readonly Conflict[],
): { state: FormState } {
  const values = { ...merged };
  for (const c of conflicts) {
    const inside = (k: string) => k === c.key || k.startsWith(`${c.key}.`) || k.startsWith(`${c.key}[`);
    if (c.row === "removed-here")
      for (const k of Object.keys(theirs.values).filter(inside)) values[k] = theirs.values[k];
    else if (c.row === "removed-there") for (const k of Object.keys(mine).filter(inside)) values[k] = mine[k];
    else if (c.mine === undefined) delete values[c.key];
    else values[c.key] = c.mine;
  }
  const order: Record<string, string[]> = {};
  for (const list of new Set([...Object.keys(theirs.order), ...Object.keys(mineOrder)])) {
    const rows = [...(theirs.order[list] ?? [])];
    for (const id of mineOrder[list] ?? []) if (!rows.includes(id)) rows.push(id);
    order[list] = rows.filter((id) => values[`${list}[${encodeURIComponent(id)}]`] === PRESENT);
  }
  return { state: { values, order } };
}

/** Schema problems of the new text that the file did not have before, each at its field when the page shows it. */
function newProblems(page: FormPage, disk: YamlFile, text: string, specs: Spec[]): { key?: string; message: string }[] {
  const body = text.replace(/^\uFEFF/, "");
  const data = readData(body);
  const after = page.schema.safeParse(data);
  if (after.success) return [];
  // Positions (for the messages) only when there is something to say.
  const parsed = parseYaml(body, page.file);
  if (!parsed.source) return [{ message: parsed.findings.map((f) => f.message).join("; ") }];
  const before = page.schema.safeParse(disk.data);
  const known = new Set(before.success ? [] : before.error.issues.map((i) => `${i.code}:${JSON.stringify(i.path)}`));
  const out: { key?: string; message: string }[] = [];
  for (const issue of after.error.issues) {
    if (known.has(`${issue.code}:${JSON.stringify(issue.path)}`)) continue;
    const [finding] = issuesToFindings(parsed.source, page.schema, [issue], data);
    const key = keyOfPath(specs, data, issue.path as PathSegment[]);
    const message = finding
      ? key
        ? finding.message
        : t(M.schema, { file: page.file, line: finding.line ?? 1, message: finding.message })
      : issue.message;
    out.push({ key, message });
  }
  return out;
}

export const relOf = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join("/");
