// `lokmin import 2024-05 isian/`: read the workbooks (and coverage CSVs) people filled in and write
// their values into the month's YAML files. Everything is read and validated first; if any cell
// of any file is wrong, every problem is listed (workbook, sheet, cell) and nothing is written.
// Only values that differ are written, through the same write-back as `rank --write`, so comments,
// key order and line endings stay and a second import changes nothing.
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { Context } from "../cli/context.js";
import { whileLocked } from "../ops/context.js";
import {
  failOnInputErrors,
  inMonth,
  monthArgument,
  openWorkspace,
  requireLoadedMonth,
  requireMonth,
} from "../cli/shared.js";
import type { YamlEdit } from "../domain/edits.js";
import { type FormProblem, formatProblem } from "../domain/form/cells.js";
import { readCoverageCsv } from "../domain/form/csv.js";
import {
  importEdits,
  MEETING_TARGET,
  type MonthInput,
  readWorkbooks,
  type WorkbookSource,
} from "../domain/form/forms.js";
import { changedValues } from "../domain/form/lists.js";
import { programEdits } from "../domain/form/program.js";
import { isMonthId, looksLikeMonth, shiftMonth } from "../domain/month.js";
import { meetingSchema, programReportSchema } from "../domain/schema.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, readRegularFile } from "../io/fs-safe.js";
import { applyEdits, writeEdits } from "../io/yaml-write.js";
import { loadValidated, type YamlSource } from "../io/yaml-source.js";

const M = {
  noFiles: msg(
    "tidak ada isian (.xlsx atau .csv) di {dir}; sebutkan berkasnya: `lokmin import {month} kia.xlsx`",
    "no forms (.xlsx or .csv) in {dir}; name the files: `lokmin import {month} kia.xlsx`",
  ),
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
  checkName: msg(
    "periksa nama berkas dan foldernya (nama folder saja membaca semua isian di dalamnya)",
    "check the file's name and folder (a folder's name alone reads every form in it)",
  ),
  invalid: msg(
    "{count} masalah di isian; tidak ada yang ditulis. Perbaiki sel yang disebut lalu impor lagi.",
    "{count} problems in the forms; nothing was written. Fix the cells named and import again.",
  ),
  resultInvalid: msg("hasil impor tidak sah: {message}", "the imported result is invalid: {message}"),
  changed: msg("{source} → {file}: {count} nilai diubah", "{source} → {file}: {count} values changed"),
  same: msg("tidak ada perubahan dari {count} isian: {files}", "no change from {count} forms: {files}"),
  withoutBase: msg(
    "peringatan: {file} dibuat lokmin versi lama (tanpa data dasar): isinya menimpa YAML, juga nilai yang diubah " +
      "di YAML sejak isian dibuat; buat isian baru dengan `lokmin form {month}` bila YAML sudah diubah",
    "warning: {file} was made by an older lokmin (no base data): its values overwrite the YAML, also values changed " +
      "in the YAML since the form was made; make a new form with `lokmin form {month}` if the YAML was changed",
  ),
  done: msg(
    "Selesai: {files} berkas YAML diubah. Periksa dengan `lokmin check {month}`.",
    "Done: {files} YAML files changed. Check with `lokmin check {month}`.",
  ),
};

const FORM_FILE = /\.(xlsx|csv)$/i;

interface ImportOptions {
  force?: boolean;
}

export async function run(
  ctx: Context,
  first: string | undefined,
  rest: string[] = [],
  options: ImportOptions = {},
): Promise<number> {
  let monthArg: string | undefined;
  let given = [...rest];
  if (first !== undefined) {
    if (isMonthId(first)) monthArg = first;
    else if (looksLikeMonth(first)) requireMonth(first);
    else given = [first, ...given];
  }
  return whileLocked(ctx, "import", () => importForms(ctx, monthArg, given, options));
}

/** Files named on the command line; a folder gives its .xlsx and .csv files (not Office lock files). */
function expand(ctx: Context, given: readonly string[], fallback: string, month: string): string[] {
  const out: string[] = [];
  // A file named twice (a folder and a file in it, `isian` and `./isian/`, a link) is read once.
  const seen = new Set<string>();
  const add = (file: string) => {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // a missing file is reported when it is read
    }
    if (seen.has(real)) return;
    seen.add(real);
    out.push(file);
  };
  for (const item of given.length ? given : [fallback]) {
    const abs = path.resolve(ctx.cwd, item);
    let folder = false;
    try {
      folder = statSync(abs).isDirectory();
    } catch {
      // a missing file is reported when it is read
    }
    if (!folder) {
      add(abs);
      continue;
    }
    const names = readdirSync(abs)
      .filter((n) => FORM_FILE.test(n) && !n.startsWith("~$") && !n.startsWith("."))
      .sort();
    if (names.length === 0) throw new UserError(t(M.noFiles, { dir: item, month }));
    for (const n of names) add(path.join(abs, n));
  }
  return out;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV (Comma delimited)" on Windows saves in the ANSI code page.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

async function importForms(
  ctx: Context,
  monthArg: string | undefined,
  given: string[],
  options: ImportOptions,
): Promise<number> {
  const workspace = openWorkspace(ctx, (id) =>
    monthArg === undefined || id === monthArg || id === shiftMonth(monthArg, -1) ? "full" : "skip",
  );
  const month = monthArgument(monthArg, workspace);
  const loaded = requireLoadedMonth(workspace, month);
  failOnInputErrors(workspace, inMonth(month));
  const config = workspace.config.data;
  const input: MonthInput = {
    config,
    month,
    meeting: loaded.meeting?.data,
    programs: loaded.programs.map((p) => p.data),
    previousPrograms: workspace.months.find((m) => m.id === shiftMonth(month, -1))?.programs.map((p) => p.data),
  };
  const files = expand(ctx, given, path.join(workspace.root, month, "isian"), month);
  const xlsx = await import("../io/xlsx.js");
  const problems: FormProblem[] = [];
  const sources: WorkbookSource[] = [];
  const csvPrograms = new Map<string, { values: Parameters<typeof programEdits>[1]; file: string }>();
  for (const abs of files) {
    const label = path.basename(abs);
    const read = readRegularFile(abs, { maxBytes: xlsx.MAX_WORKBOOK_BYTES });
    if (!read.ok) {
      const message = describeReadFailure(read, label);
      problems.push({ file: label, message: read.reason === "missing" ? `${message}; ${t(M.checkName)}` : message });
      continue;
    }
    if (/\.csv$/i.test(abs)) {
      const result = readCoverageCsv(input, label, decodeText(read.bytes));
      problems.push(...result.problems);
      for (const [program, values] of result.programs) {
        const other = csvPrograms.get(program);
        if (other) problems.push({ file: label, message: t(M.twice, { program, file: label, other: other.file }) });
        else csvPrograms.set(program, { values, file: label });
      }
      continue;
    }
    const kind = xlsx.inspectXlsx(read.bytes);
    if (kind) {
      const message = { xls: M.xls, "not-zip": M.notZip, "not-xlsx": M.notXlsx, "too-big-unpacked": M.unpacked }[kind];
      problems.push({ file: label, message: t(message) });
      continue;
    }
    try {
      sources.push({ file: label, workbook: await xlsx.readXlsx(read.bytes) });
    } catch (error) {
      problems.push({ file: label, message: t(M.broken, { detail: (error as Error).message.split("\n")[0] }) });
    }
  }
  const result = readWorkbooks(input, sources, { force: options.force });
  problems.push(...result.problems);
  if (!ctx.ui.json) for (const file of result.withoutBase) ctx.ui.err(t(M.withoutBase, { file, month }));
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
  const plan: Array<{ source: YamlSource; edits: YamlEdit[]; from: string; text?: string; changes: number }> = [];
  const add = (file: string, list: YamlEdit[], from: string, kind: "program" | "meeting", data: unknown) => {
    const source = workspace.sources.get(file);
    if (!source) return;
    const text = list.length ? applyEdits(source, list) : undefined;
    let changes = 0;
    if (text !== undefined && !unreadable.has(from)) {
      const schema = kind === "program" ? programReportSchema : meetingSchema;
      const check = loadValidated<unknown>(text.replace(/^\uFEFF/, ""), file, schema as z.ZodType<unknown>);
      for (const finding of check.findings.filter((f) => f.severity === "error"))
        problems.push({ file: from, message: t(M.resultInvalid, { message: `${file}: ${finding.message}` }) });
      changes = check.data === undefined ? list.length : changedValues(data, check.data);
    }
    plan.push({ source, edits: list, from, text, changes });
  };
  for (const program of loaded.programs) {
    const fromWorkbook = result.programs.get(program.data.program);
    const fromCsv = csvPrograms.get(program.data.program);
    const { data } = program;
    if (fromWorkbook) add(program.file, edits.programs.get(data.program) ?? [], fromWorkbook.file, "program", data);
    else if (fromCsv) add(program.file, programEdits(data, fromCsv.values), fromCsv.file, "program", data);
  }
  if (result.meeting && loaded.meeting)
    add(loaded.meeting.file, edits.meeting, result.meeting.file, "meeting", loaded.meeting.data);

  if (problems.length) {
    if (ctx.ui.json) ctx.ui.printJson({ month, ok: false, problems, files: [] });
    else {
      for (const p of problems) ctx.ui.err(formatProblem(p));
      ctx.ui.err(`lokmin: ${t(M.invalid, { count: problems.length })}`);
    }
    return EXIT.usage;
  }
  const report: Array<{ source: string; file: string; changes: number; written: boolean }> = [];
  for (const item of plan) {
    const written =
      item.text !== undefined && writeEdits(workspace.root, item.source, item.edits, { force: Boolean(options.force) });
    const count = written ? item.changes : 0;
    report.push({ source: item.from, file: item.source.rel, changes: count, written });
    if (written && !ctx.ui.json) ctx.ui.out(t(M.changed, { source: item.from, file: item.source.rel, count }));
  }
  const same = report.filter((r) => !r.written);
  const changedFiles = report.length - same.length;
  if (ctx.ui.json) ctx.ui.printJson({ month, ok: true, problems: [], files: report, withoutBase: result.withoutBase });
  else {
    // Each file once, and only a file that changed nothing (one workbook may hold every program).
    const unchanged = [...new Set(same.map((r) => r.source))].filter(
      (f) => !report.some((r) => r.written && r.source === f),
    );
    if (unchanged.length) ctx.ui.out(t(M.same, { count: unchanged.length, files: unchanged.join(", ") }));
    ctx.ui.out(t(M.done, { files: changedFiles, month }));
  }
  return EXIT.ok;
}
