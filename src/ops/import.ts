// The import operation: the workbooks (and coverage CSVs) people filled in, given as bytes, read
// into the month's YAML files. Everything is read and validated first; if any cell of any file is
// wrong, every problem is listed (workbook, sheet, cell) and nothing is written. Only values that
// differ are written, through the same write-back as `rank --write`, so comments, key order and
// line endings stay and a second import changes nothing. `preview` plans without writing: each
// YAML file's changes (path, value before and after, the workbook cell) and the conflicts.
// `setAside`: a file that is not a lokmin workbook is set aside with a note instead of stopping
// the import of the others.
import type { z } from "zod";
import type { YamlEdit } from "../domain/edits.js";
import type { PathSegment } from "../domain/findings.js";
import type { CellReader, FormProblem } from "../domain/form/cells.js";
import { readCoverageCsv } from "../domain/form/csv.js";
import {
  importEdits,
  MEETING_TARGET,
  type MonthInput,
  notAForm,
  readWorkbooks,
  type WorkbookSource,
} from "../domain/form/forms.js";
import { changedValues } from "../domain/form/lists.js";
import { programEdits } from "../domain/form/program.js";
import { shiftMonth } from "../domain/month.js";
import { mismatchMessage } from "../domain/check/rules/verifikasi.js";
import { meetingSchema, programReportSchema, type ProgramReport, type Workspace } from "../domain/schema.js";
import { compareMonth, openMismatches } from "../domain/verification.js";
import { meetingFile, type MonthData } from "../domain/workspace-data.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure } from "../io/fs-safe.js";
import { commitPlan, type FileEdits, planEdits } from "../io/edit-plan.js";
import { wideEncoding } from "../io/yaml-source.js";
import { type OpContext, whileLocked, workspaceRoot } from "./context.js";
import { failOnInputErrors, inMonth, openMonth, requireMonth } from "./workspace.js";

const M = {
  xls: msg(
    "ini berkas Excel lama (.xls); buka lalu Simpan Sebagai → Excel Workbook (.xlsx)",
    "this is an old Excel file (.xls); open it and Save As → Excel Workbook (.xlsx)",
  ),
  notZip: msg(
    "bukan berkas xlsx (isinya bukan buku kerja Excel); simpan dari Excel/LibreOffice sebagai .xlsx atau .csv",
    "not an xlsx file (its content is not an Excel workbook); save it from Excel/LibreOffice as .xlsx or .csv",
  ),
  notXlsx: msg(
    "berkas zip ini bukan buku kerja Excel (.xlsx); pilih isian yang dibuat `lokmin form`",
    "this zip file is not an Excel workbook (.xlsx); choose a form made by `lokmin form`",
  ),
  unpacked: msg(
    "isi berkas xlsx terlalu besar setelah dibuka (lebih dari 100 MB); periksa apakah ini berkas yang benar",
    "the xlsx file is too large once unpacked (over 100 MB); check that it is the right file",
  ),
  broken: msg(
    "berkas xlsx rusak dan tidak dapat dibaca ({detail}); buka di Excel lalu simpan lagi",
    "the xlsx file is damaged and cannot be read ({detail}); open it in Excel and save it again",
  ),
  twice: msg(
    "program {program} ada di {file} dan {other}; impor satu sumber per program",
    "program {program} is in {file} and {other}; import one source per program",
  ),
  utf32: msg(
    "berkas CSV ini tersimpan sebagai UTF-32; simpan ulang sebagai CSV UTF-8 (Excel: Simpan Sebagai → CSV UTF-8)",
    "this CSV file is saved as UTF-32; save it again as CSV UTF-8 (Excel: Save As → CSV UTF-8)",
  ),
  resultInvalid: msg("hasil impor tidak sah: {message}", "the imported result is invalid: {message}"),
};

/** A filled-in form: its name (as the person knows it) and its bytes, or why it could not be read. */
export type ImportFile = { name: string; bytes: Uint8Array } | { name: string; unreadable: string };

export interface ImportOptions {
  /** YYYY-MM; the latest month when not given. */
  month?: string;
  /**
   * The forms; a function is called once the month is known (with the workspace's root), so the
   * CLI reads BULAN/isian only for a month that is there.
   */
  files: readonly ImportFile[] | ((where: { root: string; month: string }) => Promise<readonly ImportFile[]>);
  /** On a conflict (a value changed in the form and in the YAML) the form wins; read-only YAML is written too. */
  force?: boolean;
  /** Plan only: nothing is written. */
  preview?: boolean;
  /** Set aside a file that is not a lokmin workbook (with a note) instead of stopping the import. */
  setAside?: boolean;
}

/** A file set aside: not a lokmin workbook. */
export interface SetAside {
  file: string;
  note: string;
}

/** What an import wrote into one YAML file. */
export interface ImportFileReport {
  /** The workbook or CSV the values came from. */
  source: string;
  /** The YAML file, workspace-relative. */
  file: string;
  changes: number;
  written: boolean;
}

/** One value an import would change: its YAML path, before and after, and the cell it was read from. */
export interface ImportChange {
  path: PathSegment[];
  before: unknown;
  after: unknown;
  sheet?: string;
  cell?: string;
}

export interface ImportFilePlan {
  source: string;
  file: string;
  changes: ImportChange[];
}

type Aside = { setAside?: SetAside[] };

export type ImportResult =
  | ({ month: string; ok: false; problems: FormProblem[]; files: [] } & Aside)
  | ({
      month: string;
      ok: true;
      problems: [];
      files: ImportFileReport[];
      withoutBase: string[];
      /** Relations between indicators the imported figures break (warnings, like `check`'s). */
      relasi: RelationAfterImport[];
    } & Aside);

export type ImportPreview = {
  month: string;
  ok: boolean;
  preview: true;
  problems: FormProblem[];
  /** Values changed in both the form and the YAML since the form was made (also among the problems). */
  conflicts: FormProblem[];
  files: ImportFilePlan[];
  withoutBase: string[];
} & Aside;

/** The import's result with what the terminal shows besides the JSON. */
export interface ImportRun<R> {
  result: R;
  /** Workbooks made by a lokmin without base data: their values overwrite the YAML. */
  withoutBase: string[];
}

export async function runImport(
  ctx: OpContext,
  options: ImportOptions & { preview: true },
): Promise<ImportRun<ImportPreview>>;
export async function runImport(
  ctx: OpContext,
  options: ImportOptions & { preview?: false },
): Promise<ImportRun<ImportResult>>;
export async function runImport(
  ctx: OpContext,
  options: ImportOptions,
): Promise<ImportRun<ImportResult | ImportPreview>> {
  if (options.month !== undefined) requireMonth(options.month);
  // A preview writes nothing: like check, it reads without waiting for the lock.
  if (options.preview) return run(ctx, workspaceRoot(ctx), options);
  return whileLocked(ctx, "import", (root) => run(ctx, root, options));
}

export async function importForms(ctx: OpContext, options: ImportOptions & { preview: true }): Promise<ImportPreview>;
export async function importForms(ctx: OpContext, options: ImportOptions & { preview?: false }): Promise<ImportResult>;
export async function importForms(ctx: OpContext, options: ImportOptions): Promise<ImportResult | ImportPreview> {
  return (await runImport(ctx, options as ImportOptions & { preview?: false })).result;
}

function decodeText(bytes: Uint8Array): string | undefined {
  // Excel's "Unicode Text" and some tools save UTF-16 (with or without its mark): read as such.
  const wide = wideEncoding(bytes);
  if (wide === "UTF-16 LE" || wide === "UTF-16 BE")
    return new TextDecoder(wide === "UTF-16 LE" ? "utf-16le" : "utf-16be").decode(bytes).replace(/^\uFEFF/, "");
  if (wide) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV (Comma delimited)" on Windows saves in the ANSI code page.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

async function run(
  ctx: OpContext,
  root: string,
  options: ImportOptions,
): Promise<ImportRun<ImportResult | ImportPreview>> {
  const { workspace, month, loaded } = openMonth(ctx, options.month, "month-and-previous", root);
  failOnInputErrors(workspace, inMonth(month));
  const config = workspace.config.data;
  const input: MonthInput = {
    config,
    month,
    meeting: loaded.meeting?.data,
    programs: loaded.programs.map((p) => p.data),
    previousPrograms: workspace.months.find((m) => m.id === shiftMonth(month, -1))?.programs.map((p) => p.data),
  };
  const files =
    typeof options.files === "function" ? await options.files({ root: workspace.root, month }) : options.files;
  const xlsx = await import("../io/xlsx.js");
  const problems: FormProblem[] = [];
  const setAside: SetAside[] = [];
  /** A file that is not a lokmin workbook: set aside when asked, else a problem that stops the import. */
  const notLokmin = (file: string, message: string) => {
    if (options.setAside) setAside.push({ file, note: message });
    else problems.push({ file, message });
  };
  const sources: WorkbookSource[] = [];
  const csvPrograms = new Map<string, { values: Parameters<typeof programEdits>[1]; file: string }>();
  for (const given of files) {
    const label = given.name;
    if ("unreadable" in given) {
      problems.push({ file: label, message: given.unreadable });
      continue;
    }
    if (given.bytes.length > xlsx.MAX_WORKBOOK_BYTES) {
      const tooBig = { ok: false as const, reason: "too-big" as const, size: given.bytes.length };
      problems.push({
        file: label,
        message: describeReadFailure({ ...tooBig, limit: xlsx.MAX_WORKBOOK_BYTES }, label),
      });
      continue;
    }
    if (/\.csv$/i.test(label)) {
      const text = decodeText(given.bytes);
      if (text === undefined) {
        problems.push({ file: label, message: t(M.utf32) });
        continue;
      }
      const result = readCoverageCsv(input, label, text);
      problems.push(...result.problems);
      for (const [program, values] of result.programs) {
        const other = csvPrograms.get(program);
        if (other) problems.push({ file: label, message: t(M.twice, { program, file: label, other: other.file }) });
        else csvPrograms.set(program, { values, file: label });
      }
      continue;
    }
    const kind = xlsx.inspectXlsx(given.bytes);
    if (kind) {
      const message = { xls: M.xls, "not-zip": M.notZip, "not-xlsx": M.notXlsx, "too-big-unpacked": M.unpacked }[kind];
      notLokmin(label, t(message));
      continue;
    }
    let workbook;
    try {
      workbook = await xlsx.readXlsx(given.bytes);
    } catch (error) {
      notLokmin(label, t(M.broken, { detail: (error as Error).message.split("\n")[0] }));
      continue;
    }
    const foreign = options.setAside ? notAForm(workbook) : undefined;
    if (foreign) notLokmin(label, foreign);
    else sources.push({ file: label, workbook });
  }
  const result = readWorkbooks(input, sources, { force: options.force });
  problems.push(...result.problems);
  for (const [program, csv] of csvPrograms) {
    const other = result.programs.get(program);
    if (other) problems.push({ file: csv.file, message: t(M.twice, { program, file: csv.file, other: other.file }) });
  }

  // Every target file with its edits, and the new text checked against the schema before any write.
  const yamlFiles = new Map(loaded.programs.map((p) => [p.data.program, p.file]));
  if (loaded.meeting) yamlFiles.set(MEETING_TARGET, loaded.meeting.file);
  const yamlFile = (target: string) => {
    const file = yamlFiles.get(target);
    return file ? (workspace.sources.get(file)?.rel ?? file) : target;
  };
  const edits = importEdits(input, result, { force: options.force, yamlFile });
  problems.push(...edits.conflicts);
  // A workbook with a problem is not checked against the schema too: one message per mistake.
  const unreadable = new Set(problems.map((p) => p.file));
  interface Planned {
    file: string;
    from: string;
    data: unknown;
    edits: FileEdits;
    reader?: CellReader;
  }
  const planned: Planned[] = [];
  const add = (
    file: string,
    list: YamlEdit[],
    from: string,
    kind: "program" | "meeting",
    data: unknown,
    reader?: CellReader,
  ) => {
    const source = workspace.sources.get(file);
    if (!source) return;
    const schema = (kind === "program" ? programReportSchema : meetingSchema) as z.ZodType<unknown>;
    planned.push({ file: source.rel, from, data, edits: { source, edits: list, schema }, reader });
  };
  for (const program of loaded.programs) {
    const fromWorkbook = result.programs.get(program.data.program);
    const fromCsv = csvPrograms.get(program.data.program);
    const { data } = program;
    if (fromWorkbook)
      add(
        program.file,
        edits.programs.get(data.program) ?? [],
        fromWorkbook.file,
        "program",
        data,
        fromWorkbook.reader,
      );
    else if (fromCsv) add(program.file, programEdits(data, fromCsv.values), fromCsv.file, "program", data);
  }
  if (result.meeting && loaded.meeting)
    add(loaded.meeting.file, edits.meeting, result.meeting.file, "meeting", loaded.meeting.data, result.meeting.reader);
  // Every target file's edits applied once and the results checked against the schema before any write;
  // a workbook with a problem already is not checked too: one message per mistake.
  const plan = planEdits(workspace.root, { edit: planned.map((p) => p.edits) });
  for (const finding of plan.findings) {
    const from = planned.find((p) => p.file === finding.file)?.from ?? finding.file;
    if (unreadable.has(from)) continue;
    problems.push({ file: from, message: t(M.resultInvalid, { message: `${finding.file}: ${finding.message}` }) });
  }
  const aside = options.setAside ? { setAside } : {};

  if (options.preview) {
    const changed = new Set(plan.files.filter((f) => f.changed).map((f) => f.file));
    const preview: ImportPreview = {
      month,
      ok: problems.length === 0,
      preview: true,
      problems,
      conflicts: edits.conflicts,
      files: planned
        .filter((p) => changed.has(p.file))
        .map((p) => ({ source: p.from, file: p.file, changes: changesOf(p.data, p.edits.edits, p.reader) })),
      withoutBase: result.withoutBase,
      ...aside,
    };
    return { result: preview, withoutBase: result.withoutBase };
  }
  if (problems.length) {
    return { result: { month, ok: false, problems, files: [], ...aside }, withoutBase: result.withoutBase };
  }
  // All the YAML files or none.
  const written = new Set(commitPlan(plan, { force: Boolean(options.force) }));
  // Relations broken by the figures now in the files: reported, never refused (a real mismatch can be true).
  const imported = new Set([...result.programs.keys(), ...csvPrograms.keys()]);
  const after = plan.files.filter((f) => written.has(f.file) && f.data);
  const relasi = relationsAfterImport(config, loaded, imported, (file) => after.find((f) => f.file === file)?.data);
  const report: ImportFileReport[] = planned.map((p) => {
    const wrote = written.has(p.file);
    const data = plan.files.find((f) => f.file === p.file)?.data;
    return { source: p.from, file: p.file, changes: wrote ? changedValues(p.data, data) : 0, written: wrote };
  });
  return {
    result: { month, ok: true, problems: [], files: report, withoutBase: result.withoutBase, relasi, ...aside },
    withoutBase: result.withoutBase,
  };
}

/** The value at a path of plain data, or undefined. */
function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** The edits of one file as changes a person can review, each with the cell it was read from (when known). */
function changesOf(data: unknown, edits: readonly YamlEdit[], reader?: CellReader): ImportChange[] {
  const at = (path: PathSegment[]) => {
    const place = reader?.placeOf(path);
    return place ? { sheet: place.sheet, ...(place.cell ? { cell: place.cell } : {}) } : {};
  };
  return edits.flatMap((edit): ImportChange[] => {
    switch (edit.op) {
      case "set":
      case "replace":
        return [{ path: edit.path, before: valueAt(data, edit.path) ?? null, after: edit.value, ...at(edit.path) }];
      case "delete":
        return [{ path: edit.path, before: valueAt(data, edit.path) ?? null, after: null, ...at(edit.path) }];
      case "append": {
        const list = valueAt(data, edit.path);
        const start = Array.isArray(list) ? list.length : 0;
        return edit.items.map((item, i) => {
          const path = [...edit.path, start + i];
          return { path, before: null, after: item, ...at(path) };
        });
      }
    }
  });
}

export type RelationAfterImport = ReturnType<typeof relationsAfterImport>[number];

/**
 * The relations between indicators that do not hold once the imported figures are in the files (and
 * are not justified in rapat.yaml), for the programs imported: what `check` will warn about, said now.
 */
function relationsAfterImport(
  config: Workspace,
  loaded: MonthData,
  imported: ReadonlySet<string>,
  edited: (file: string) => unknown,
) {
  const programs = loaded.programs.map((p) => {
    const data = edited(p.file) as ProgramReport | undefined;
    return data ? { file: p.file, data } : p;
  });
  const month: MonthData = { ...loaded, programs };
  return openMismatches(compareMonth(config, month))
    .filter((c) => imported.has(c.kiri.program) || imported.has(c.kanan.program))
    .map((c) => ({
      relasi: c.instance.relation.id,
      lingkup: c.measure,
      desa: c.desa ?? null,
      kiri: { indikator: `${c.kiri.program}/${c.kiri.indikator}`, nilai: c.kiri.value, file: c.kiri.file },
      kanan: { indikator: `${c.kanan.program}/${c.kanan.indikator}`, nilai: c.kanan.value, file: c.kanan.file },
      pesan: mismatchMessage(c, meetingFile(loaded.id)),
    }));
}
