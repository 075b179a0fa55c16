// `lokmin form 2024-05`: write the month's workbooks into BULAN/isian/ (or --out): one per program
// for its coordinator and one for the meeting for the Kasubag TU, or everything in one workbook
// (--satu). A workbook already there is left alone when it holds exactly what would be written,
// and replaced only with --force otherwise (it may hold someone's figures: import it first).
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Context } from "../cli/context.js";
import {
  failOnInputErrors,
  inMonth,
  monthArgument,
  openWorkspace,
  requireLoadedMonth,
  requireFolder,
  requireMonth,
  resolveOut,
  whileLocked,
} from "../cli/shared.js";
import {
  MEETING_TARGET,
  type MonthInput,
  monthWorkbooks,
  sameWorkbook,
  untouchedSinceForm,
} from "../domain/form/forms.js";
import { shiftMonth } from "../domain/month.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { readRegularFile } from "../io/fs-safe.js";
import { relativePath } from "../io/workspace.js";
import { writeFileAtomic } from "../io/write.js";

const M = {
  wrote: msg("ditulis: {file} — untuk {who}", "written: {file} — for {who}"),
  unchanged: msg("tidak berubah: {file}", "unchanged: {file}"),
  failed: msg("gagal: {file}: {detail}", "failed: {file}: {detail}"),
  differs: msg(
    "{file} sudah ada dan sudah diisi; impor dulu: `lokmin import {month} {file}` (hanya sel yang diubah di isian " +
      "yang ditulis; perubahan di YAML tetap), lalu buat ulang dengan --force (isian lama disimpan sebagai cadangan)",
    "{file} exists and was filled in; import it first: `lokmin import {month} {file}` (only cells changed in the " +
      "form are written; changes in the YAML stay), then make it again with --force (the old form is kept as a " +
      "backup)",
  ),
  refreshed: msg(
    "diperbarui: {file} (belum diisi; YAML berubah sejak isian dibuat)",
    "updated: {file} (not filled in; the YAML changed since the form was made)",
  ),
  backup: msg("isian lama disimpan: {file}", "the old form is kept: {file}"),
  unknownOnly: msg(
    "--only: '{id}' bukan program bulan ini atau 'rapat'; pilihan: {choices}",
    "--only: '{id}' is not a program of this month or 'rapat'; choices: {choices}",
  ),
  summary: msg(
    "{count} isian di {dir}. Kirim tiap isian ke orang yang disebut; setelah diisi, `lokmin import {month} {dir}`.",
    "{count} forms in {dir}. Send each to the person named; once filled in, `lokmin import {month} {dir}`.",
  ),
  tu: msg("Kasubag TU", "Kasubag TU"),
};

/** Where a replaced form is kept: cadangan/ next to it (import reads no subfolder), numbered. */
function backupName(file: string): string {
  const dir = path.join(path.dirname(file), "cadangan");
  const stem = path.basename(file, ".xlsx");
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${stem}.${n}.xlsx`);
    if (!existsSync(candidate)) return candidate;
  }
}

interface FormOptions {
  out?: string;
  satu?: boolean;
  only?: string;
  force?: boolean;
}

export async function run(ctx: Context, monthArg: string | undefined, options: FormOptions): Promise<number> {
  if (monthArg !== undefined) requireMonth(monthArg);
  return whileLocked(ctx, "form", () => form(ctx, monthArg, options));
}

async function form(ctx: Context, monthArg: string | undefined, options: FormOptions): Promise<number> {
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
  const only = options.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const choices = [...input.programs.map((p) => p.program), MEETING_TARGET];
  for (const id of only ?? []) {
    if (!choices.includes(id)) throw new UserError(t(M.unknownOnly, { id, choices: choices.join(", ") }));
  }
  const files = monthWorkbooks(input, { single: options.satu, only });
  const outDir = options.out ? resolveOut(ctx, options.out) : path.join(workspace.root, month, "isian");
  requireFolder(outDir, options.out ? {} : { root: workspace.root });
  const { readXlsx, writeXlsx, inspectXlsx, MAX_WORKBOOK_BYTES } = await import("../io/xlsx.js");
  const names = new Map(config.pegawai.map((p) => [p.id, p.nama]));
  const who = (target: string) => {
    if (target === MEETING_TARGET) return `${t(M.tu)} ${names.get(config.pejabat.kasubag_tu) ?? ""}`.trim();
    const program = config.program.find((p) => p.id === target);
    const person = names.get(program?.penanggung_jawab ?? "") ?? program?.penanggung_jawab ?? "?";
    return `${person} (${program?.nama ?? target})`;
  };
  const results: Array<{ file: string; targets: string[]; for: string[]; status: string; error?: string }> = [];
  for (const file of files) {
    const target = path.join(outDir, file.name);
    const relative = relativePath(ctx.cwd, target);
    const shown = relative && !relative.startsWith("..") ? relative : target;
    const entry = { file: target, targets: file.targets, for: file.targets.map(who) };
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
          results.push({ ...entry, status: "unchanged" });
          if (!ctx.ui.json) ctx.ui.out(t(M.unchanged, { file: shown }));
          continue;
        }
        // A form nobody filled in is replaced; one that was filled in only with --force, kept as a backup.
        refresh = untouchedSinceForm(input, read, file.name, { single: options.satu, only });
        if (!refresh && !options.force) throw new UserError(t(M.differs, { file: shown, month }));
        if (!refresh) {
          const backup = backupName(target);
          mkdirSync(path.dirname(backup), { recursive: true });
          writeFileAtomic(backup, existing.bytes, { overwrite: false, label: backup });
          if (!ctx.ui.json) ctx.ui.out(t(M.backup, { file: relativePath(ctx.cwd, backup) || backup }));
        }
      }
      const bytes = await writeXlsx(file.spec);
      writeFileAtomic(target, bytes, {
        overwrite: existing.ok,
        force: Boolean(options.force),
        label: shown,
        expected: existing.ok ? Buffer.from(existing.bytes) : undefined,
      });
      results.push({ ...entry, status: refresh ? "refreshed" : "written" });
      if (!ctx.ui.json)
        ctx.ui.out(refresh ? t(M.refreshed, { file: shown }) : t(M.wrote, { file: shown, who: entry.for.join(", ") }));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      results.push({ ...entry, status: "failed", error: error.message });
      if (!ctx.ui.json) ctx.ui.err(t(M.failed, { file: shown, detail: error.message }));
    }
  }
  const failed = results.filter((r) => r.status === "failed").length;
  if (ctx.ui.json) ctx.ui.printJson({ month, out: outDir, files: results });
  else {
    const dir = relativePath(ctx.cwd, outDir);
    ctx.ui.out(
      t(M.summary, { count: results.length - failed, dir: dir && !dir.startsWith("..") ? dir : outDir, month }),
    );
  }
  return failed ? EXIT.usage : EXIT.ok;
}
