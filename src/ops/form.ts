// The form operation: the month's workbooks written into BULAN/isian/ (or `out`): one per program
// for its coordinator and one for the meeting for the Kasubag TU, or everything in one workbook
// (`single`). A workbook already there is left alone when it holds exactly what would be written,
// refreshed when nobody filled it in, and replaced only with `force` otherwise (it may hold
// someone's figures: import it first), the old one kept in cadangan/.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import {
  MEETING_TARGET,
  type MonthInput,
  monthWorkbooks,
  sameWorkbook,
  untouchedSinceForm,
} from "../domain/form/forms.js";
import { shiftMonth } from "../domain/month.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { readRegularFile } from "../io/fs-safe.js";
import { relativePath } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";
import { type OpContext, whileLocked } from "./context.js";
import { failOnInputErrors, inMonth, openMonth, requireFolder, requireMonth } from "./workspace.js";

const M = {
  differs: msg(
    "{file} sudah ada dan sudah diisi; impor dulu: `lokmin import {month} {file}` (hanya sel yang diubah di isian " +
      "yang ditulis; perubahan di YAML tetap), lalu buat ulang dengan --force (isian lama disimpan sebagai cadangan)",
    "{file} exists and was filled in; import it first: `lokmin import {month} {file}` (only cells changed in the " +
      "form are written; changes in the YAML stay), then make it again with --force (the old form is kept as a " +
      "backup)",
  ),
  unknownOnly: msg(
    "--only: '{id}' bukan program bulan ini atau 'rapat'; pilihan: {choices}",
    "--only: '{id}' is not a program of this month or 'rapat'; choices: {choices}",
  ),
  tu: msg("Kasubag TU", "Kasubag TU"),
};

export interface FormOptions {
  /** YYYY-MM; the latest month when not given. */
  month?: string;
  /** The folder to write into (relative to cwd); default BULAN/isian. */
  out?: string;
  /** Every program and the meeting in one workbook. */
  single?: boolean;
  /** Only these programs (ids) or `rapat`. */
  only?: readonly string[];
  force?: boolean;
  /** Each workbook once it is done; `backup`: where the filled-in one it replaced was kept. */
  onFile?: (file: FormFileResult, detail: { backup?: string }) => void;
}

export interface FormFileResult {
  file: string;
  targets: string[];
  /** Who fills it in: "Nama (Program)", or the Kasubag TU for the meeting. */
  for: string[];
  status: "written" | "refreshed" | "unchanged" | "failed";
  error?: string;
}

export interface FormResult {
  month: string;
  out: string;
  files: FormFileResult[];
}

/** Where a replaced form is kept: cadangan/ next to it (import reads no subfolder), numbered. */
function backupName(file: string): string {
  const dir = path.join(path.dirname(file), "cadangan");
  const stem = path.basename(file, ".xlsx");
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${stem}.${n}.xlsx`);
    if (!existsSync(candidate)) return candidate;
  }
}

export async function form(ctx: OpContext, options: FormOptions = {}): Promise<FormResult> {
  if (options.month !== undefined) requireMonth(options.month);
  return whileLocked(ctx, "form", (root) => writeForms(ctx, root, options));
}

async function writeForms(ctx: OpContext, root: string, options: FormOptions): Promise<FormResult> {
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
  const only = options.only ? [...options.only] : undefined;
  const choices = [...input.programs.map((p) => p.program), MEETING_TARGET];
  for (const id of only ?? []) {
    if (!choices.includes(id)) throw new UserError(t(M.unknownOnly, { id, choices: choices.join(", ") }));
  }
  const files = monthWorkbooks(input, { single: options.single, only });
  const outDir = options.out ? path.resolve(ctx.cwd, options.out) : path.join(workspace.root, month, "isian");
  requireFolder(outDir, options.out ? {} : { root: workspace.root });
  const { readXlsx, writeXlsx, inspectXlsx, MAX_WORKBOOK_BYTES } = await import("../io/xlsx.js");
  const names = new Map(config.pegawai.map((p) => [p.id, p.nama]));
  const who = (target: string) => {
    if (target === MEETING_TARGET) return `${t(M.tu)} ${names.get(config.pejabat.kasubag_tu) ?? ""}`.trim();
    const program = config.program.find((p) => p.id === target);
    const person = names.get(program?.penanggung_jawab ?? "") ?? program?.penanggung_jawab ?? "?";
    return `${person} (${program?.nama ?? target})`;
  };
  const results: FormFileResult[] = [];
  const done = (result: FormFileResult, backup?: string) => {
    results.push(result);
    options.onFile?.(result, { backup });
  };
  for (const file of files) {
    const target = path.join(outDir, file.name);
    const relative = relativePath(ctx.cwd, target);
    const shown = relative && !relative.startsWith("..") ? relative : target;
    const entry = { file: target, targets: file.targets, for: file.targets.map(who) };
    let backup: string | undefined;
    try {
      const existing = readRegularFile(target, {
        maxBytes: MAX_WORKBOOK_BYTES,
        root: options.out ? undefined : workspace.root,
      });
      let refresh = false;
      if (existing.ok) {
        const read =
          inspectXlsx(existing.bytes) === undefined
            ? await readXlsx(existing.bytes).catch(() => ({ sheets: [] }))
            : { sheets: [] };
        if (sameWorkbook(file.spec, read)) {
          done({ ...entry, status: "unchanged" });
          continue;
        }
        // A form nobody filled in is replaced; one that was filled in only with force, kept as a backup.
        refresh = untouchedSinceForm(input, read, file.name, { single: options.single, only });
        if (!refresh && !options.force) throw new UserError(t(M.differs, { file: shown, month }));
        if (!refresh) {
          backup = backupName(target);
          mkdirSync(path.dirname(backup), { recursive: true });
          writeFileAtomic(backup, existing.bytes, { overwrite: false, label: backup });
        }
      }
      const bytes = await writeXlsx(file.spec);
      writeFileAtomic(target, bytes, {
        overwrite: existing.ok,
        force: Boolean(options.force),
        label: shown,
        expected: existing.ok ? Buffer.from(existing.bytes) : undefined,
      });
      done({ ...entry, status: refresh ? "refreshed" : "written" }, backup);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      done({ ...entry, status: "failed", error: error.message }, backup);
    }
  }
  return { month, out: outDir, files: results };
}
