// One edit plan per operation: every YAML file an operation changes, with the edits for each (or
// the whole text of a file it creates). `planEdits` applies each file's edits once — in time linear
// in the file's size — and validates every result against its schema, so a change that would leave
// a file invalid is reported before anything is written; `commitPlan` then writes all the files or
// none. import, rank, carry and new write through it, and so does every save of the browser app.
import path from "node:path";
import type { z } from "zod";
import type { YamlEdit } from "../domain/edits.js";
import type { Finding } from "../domain/findings.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { writeFilesAtomic } from "./write.js";
import { applyEdits } from "./yaml-write.js";
import { loadValidated, YamlSource } from "./yaml-source.js";

/** Edits to a file lokmin has read. */
export interface FileEdits {
  /** The file as read: the edits apply to its text, and the write refuses if the file changed since. */
  source: YamlSource;
  edits: readonly YamlEdit[];
  /** What the edited file must satisfy; without one, the result is only checked to be YAML. */
  schema?: z.ZodType<unknown>;
  /**
   * The file's text on disk, when `source` is already a step of this operation's change (rank adds its
   * totals to the problems it just added): the write compares against this, not `source`.
   */
  onDisk?: string;
}

/** A file the operation creates (it must not exist yet, unless the commit is forced). */
export interface NewFile {
  /** Workspace-relative, with forward slashes. */
  file: string;
  text: string;
  schema?: z.ZodType<unknown>;
}

export interface PlannedFile {
  /** Workspace-relative, with forward slashes. */
  file: string;
  /** The text before (undefined for a new file) and after, each with its BOM when it has one. */
  before?: string;
  after: string;
  /** The edited file's data as the schema reads it (defaults filled in), when it is valid. */
  data?: unknown;
  changed: boolean;
  created: boolean;
}

export interface EditPlan {
  root: string;
  files: PlannedFile[];
  /** Errors of the results, positioned in their new text (see `sources`). Nothing is written while any exists. */
  findings: Finding[];
  /** The new texts, for positions and excerpts of `findings`. */
  sources: Map<string, YamlSource>;
}

const M = {
  invalid: msg(
    "perubahan ini membuat berkas YAML tidak sah; tidak ada yang ditulis — laporkan kesalahan di atas bila " +
      "datanya sudah benar",
    "this change would make a YAML file invalid; nothing was written — report the errors above if the data is right",
  ),
};

const stripBom = (text: string) => (text.startsWith("\uFEFF") ? text.slice(1) : text);

function validate(plan: EditPlan, file: string, text: string, schema: z.ZodType<unknown> | undefined) {
  const body = stripBom(text);
  const bom = body.length !== text.length;
  if (!schema) {
    plan.sources.set(file, new YamlSource(file, body, bom));
    return undefined;
  }
  const checked = loadValidated<unknown>(body, file, schema, bom);
  plan.sources.set(file, checked.source ?? new YamlSource(file, body, bom));
  plan.findings.push(...checked.findings.filter((f) => f.severity === "error"));
  return checked.data;
}

/** Apply every file's edits once and validate the results; nothing is written. */
export function planEdits(
  root: string,
  changes: { edit?: readonly FileEdits[]; create?: readonly NewFile[] },
): EditPlan {
  const plan: EditPlan = { root, files: [], findings: [], sources: new Map() };
  for (const { source, edits, schema, onDisk } of changes.edit ?? []) {
    const text = source.bom ? `\uFEFF${source.text}` : source.text;
    const before = onDisk ?? text;
    const after = (edits.length ? applyEdits(source, edits) : undefined) ?? text;
    const changed = after !== before;
    const data = after !== text ? validate(plan, source.rel, after, schema) : undefined;
    plan.files.push({ file: source.rel, before, after, data, changed, created: false });
  }
  for (const { file, text, schema } of changes.create ?? []) {
    const data = validate(plan, file, text, schema);
    plan.files.push({ file, after: text, data, changed: true, created: true });
  }
  return plan;
}

/**
 * Write every changed file of the plan, or none: refused while the plan has findings, when a file
 * changed on disk since it was read, or when a file to create exists (unless `force`). Returns the
 * files written, workspace-relative.
 */
export function commitPlan(plan: EditPlan, options: { force?: boolean } = {}): string[] {
  if (plan.findings.length) throw new UserError(t(M.invalid), plan.findings, plan.root, plan.sources);
  const changed = plan.files.filter((f) => f.changed);
  writeFilesAtomic(
    changed.map((f) => ({
      file: path.join(plan.root, f.file),
      content: f.after,
      options: f.created
        ? { overwrite: Boolean(options.force), force: options.force, label: f.file }
        : { overwrite: true, force: options.force, label: f.file, expected: f.before },
    })),
  );
  return changed.map((f) => f.file);
}
