// `lokmin import 2024-05 isian/`: read the workbooks (and coverage CSVs) people filled in and write
// their values into the month's YAML files. Everything is read and validated first; if any cell
// of any file is wrong, every problem is listed (workbook, sheet, cell) and nothing is written.
// Only values that differ are written, through the same write-back as `rank --write`, so comments,
// key order and line endings stay and a second import changes nothing.
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { Context } from "../cli/context.js";
import {
  failOnInputErrors,
  inMonth,
  monthArgument,
  openWorkspace,
  requireLoadedMonth,
  requireMonth,
  resolveOut,
  whileLocked,
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
import { mismatchMessage } from "../domain/check/rules/verifikasi.js";
import { meetingSchema, programReportSchema, type ProgramReport, type Workspace } from "../domain/schema.js";
import { compareMonth, openMismatches } from "../domain/verification.js";
import { meetingFile, type MonthData } from "../domain/workspace-data.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, readRegularFile } from "../io/fs-safe.js";
import { commitPlan, type FileEdits, planEdits } from "../io/edit-plan.js";
import { wideEncoding } from "../io/yaml-source.js";

const M = {
  utf32: msg(
    "berkas CSV ini tersimpan sebagai UTF-32; simpan ulang sebagai CSV UTF-8 (Excel: Simpan Sebagai → CSV UTF-8)",
    "this CSV file is saved as UTF-32; save it again as CSV UTF-8 (Excel: Save As → CSV UTF-8)",
  ),
  relation: msg("peringatan: {message}", "warning: {message}"),
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

/**
 * Files named on the command line; a folder gives its .xlsx and .csv files (not Office lock files).
 * Without names, the month's isian/ folder: its files are read only from inside the workspace (`root`).
 */
function expand(
  ctx: Context,
  given: readonly string[],
  fallback: string,
  month: string,
  root: string,
): Array<{ abs: string; root?: string }> {
  const out: Array<{ abs: string; root?: string }> = [];
  const inside = given.length === 0 ? root : undefined;
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
    out.push({ abs: file, root: inside });
  };
  for (const item of given.length ? given : [fallback]) {
    const abs = resolveOut(ctx, item);
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
  const files = expand(ctx, given, path.join(workspace.root, month, "isian"), month, workspace.root);
  const xlsx = await import("../io/xlsx.js");
  const problems: FormProblem[] = [];
  const sources: WorkbookSource[] = [];
  const csvPrograms = new Map<string, { values: Parameters<typeof programEdits>[1]; file: string }>();
  for (const { abs, root } of files) {
    const label = path.basename(abs);
    const read = readRegularFile(abs, { maxBytes: xlsx.MAX_WORKBOOK_BYTES, root });
    if (!read.ok) {
      const message = describeReadFailure(read, label);
      problems.push({ file: label, message: read.reason === "missing" ? `${message}; ${t(M.checkName)}` : message });
      continue;
    }
    if (/\.csv$/i.test(abs)) {
      const text = decodeText(read.bytes);
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
  const planned: Array<{ file: string; from: string; data: unknown; edits: FileEdits }> = [];
  const add = (file: string, list: YamlEdit[], from: string, kind: "program" | "meeting", data: unknown) => {
    const source = workspace.sources.get(file);
    if (!source) return;
    const schema = (kind === "program" ? programReportSchema : meetingSchema) as z.ZodType<unknown>;
    planned.push({ file: source.rel, from, data, edits: { source, edits: list, schema } });
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
  // Every target file's edits applied once and the results checked against the schema before any write;
  // a workbook with a problem already is not checked too: one message per mistake.
  const usable = planned.filter((p) => !unreadable.has(p.from));
  const plan = planEdits(workspace.root, { edit: usable.map((p) => p.edits) });
  for (const finding of plan.findings) {
    const from = usable.find((p) => p.file === finding.file)?.from ?? finding.file;
    problems.push({ file: from, message: t(M.resultInvalid, { message: `${finding.file}: ${finding.message}` }) });
  }

  if (problems.length) {
    if (ctx.ui.json) ctx.ui.printJson({ month, ok: false, problems, files: [] });
    else {
      for (const p of problems) ctx.ui.err(formatProblem(p));
      ctx.ui.err(`lokmin: ${t(M.invalid, { count: problems.length })}`);
    }
    return EXIT.usage;
  }
  const written = new Set(commitPlan(plan, { force: Boolean(options.force) }));
  // Relations broken by the figures now in the files: reported, never refused (a real mismatch can be true).
  const imported = new Set([...result.programs.keys(), ...csvPrograms.keys()]);
  const after = plan.files.filter((f) => written.has(f.file) && f.data);
  const relations = relationsAfterImport(config, loaded, imported, (file) => after.find((f) => f.file === file)?.data);
  if (!ctx.ui.json) for (const r of relations) ctx.ui.err(t(M.relation, { message: r.pesan }));
  const report: Array<{ source: string; file: string; changes: number; written: boolean }> = planned.map((p) => {
    const file = plan.files.find((f) => f.file === p.file);
    const wrote = written.has(p.file);
    return { source: p.from, file: p.file, changes: wrote ? changedValues(p.data, file?.data) : 0, written: wrote };
  });
  if (!ctx.ui.json)
    for (const r of report.filter((r) => r.written))
      ctx.ui.out(t(M.changed, { source: r.source, file: r.file, count: r.changes }));
  const same = report.filter((r) => !r.written);
  const changedFiles = report.length - same.length;
  if (ctx.ui.json)
    ctx.ui.printJson({
      month,
      ok: true,
      problems: [],
      files: report,
      withoutBase: result.withoutBase,
      relasi: relations,
    });
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
