// `lokmin import 2024-05 isian/`: read the workbooks (and coverage CSVs) people filled in into the
// month's YAML files (src/ops/import.ts). Here the paths named on the command line are expanded (a
// folder gives its .xlsx and .csv files) and read; the operation validates everything first and
// writes nothing when any cell is wrong.
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/context.js";
import { formatProblem } from "../domain/form/cells.js";
import { isMonthId, looksLikeMonth } from "../domain/month.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, readRegularFile } from "../io/fs-safe.js";
import { type ImportFile, runImport } from "../ops/import.js";
import { requireMonth } from "../ops/workspace.js";

const M = {
  noFiles: msg(
    "tidak ada isian (.xlsx atau .csv) di {dir}; sebutkan berkasnya: `lokmin import {month} kia.xlsx`",
    "no forms (.xlsx or .csv) in {dir}; name the files: `lokmin import {month} kia.xlsx`",
  ),
  checkName: msg(
    "periksa nama berkas dan foldernya (nama folder saja membaca semua isian di dalamnya)",
    "check the file's name and folder (a folder's name alone reads every form in it)",
  ),
  invalid: msg(
    "{count} masalah di isian; tidak ada yang ditulis. Perbaiki sel yang disebut lalu impor lagi.",
    "{count} problems in the forms; nothing was written. Fix the cells named and import again.",
  ),
  relation: msg("peringatan: {message}", "warning: {message}"),
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
  const { result, withoutBase } = await runImport(ctx, {
    month: monthArg,
    files: ({ root, month }) => readForms(ctx, given, root, month),
    force: options.force,
  });
  const { month } = result;
  if (ctx.ui.json) {
    ctx.ui.printJson(result);
    return result.ok ? EXIT.ok : EXIT.usage;
  }
  for (const file of withoutBase) ctx.ui.err(t(M.withoutBase, { file, month }));
  if (!result.ok) {
    for (const p of result.problems) ctx.ui.err(formatProblem(p));
    ctx.ui.err(`lokmin: ${t(M.invalid, { count: result.problems.length })}`);
    return EXIT.usage;
  }
  for (const r of result.relasi) ctx.ui.err(t(M.relation, { message: r.pesan }));
  const report = result.files;
  for (const r of report) {
    if (r.written) ctx.ui.out(t(M.changed, { source: r.source, file: r.file, count: r.changes }));
  }
  // Each file once, and only a file that changed nothing (one workbook may hold every program).
  const same = report.filter((r) => !r.written);
  const unchanged = [...new Set(same.map((r) => r.source))].filter(
    (f) => !report.some((r) => r.written && r.source === f),
  );
  if (unchanged.length) ctx.ui.out(t(M.same, { count: unchanged.length, files: unchanged.join(", ") }));
  ctx.ui.out(t(M.done, { files: report.length - same.length, month }));
  return EXIT.ok;
}

/** Files named on the command line, read; a folder gives its .xlsx and .csv files (not Office lock files). */
async function readForms(ctx: Context, given: readonly string[], root: string, month: string) {
  const { MAX_WORKBOOK_BYTES } = await import("../io/xlsx.js");
  // Without names, the month's isian/ folder: its files are read only from inside the workspace.
  const inside = given.length === 0 ? root : undefined;
  return expand(ctx, given, path.join(root, month, "isian"), month).map((abs): ImportFile => {
    const name = path.basename(abs);
    const read = readRegularFile(abs, { maxBytes: MAX_WORKBOOK_BYTES, root: inside });
    if (read.ok) return { name, bytes: read.bytes };
    const message = describeReadFailure(read, name);
    return { name, unreadable: read.reason === "missing" ? `${message}; ${t(M.checkName)}` : message };
  });
}

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
