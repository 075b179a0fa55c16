// `lokmin form 2024-05`: write the month's workbooks into BULAN/isian/ (or --out): one per program
// for its coordinator and one for the meeting for the Kasubag TU, or everything in one workbook
// (--satu). A workbook already there is left alone when it holds exactly what would be written,
// and replaced only with --force otherwise (it may hold someone's figures: import it first).
import path from "node:path";
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
import { MEETING_TARGET, type MonthInput, monthWorkbooks, sameWorkbook } from "../domain/form/forms.js";
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
    "{file} sudah ada dan isinya berbeda (mungkin sudah diisi); impor dulu dengan `lokmin import`, " +
      "atau pakai --force untuk menimpanya",
    "{file} exists and differs (it may have been filled in); import it first with `lokmin import`, or use --force to " +
      "replace it",
  ),
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
      const existing = readRegularFile(target, { maxBytes: MAX_WORKBOOK_BYTES });
      if (existing.ok && !options.force) {
        const same =
          inspectXlsx(existing.bytes) === undefined &&
          sameWorkbook(file.spec, await readXlsx(existing.bytes).catch(() => ({ sheets: [] })));
        if (!same) throw new UserError(t(M.differs, { file: shown }));
        results.push({ ...entry, status: "unchanged" });
        if (!ctx.ui.json) ctx.ui.out(t(M.unchanged, { file: shown }));
        continue;
      }
      const bytes = await writeXlsx(file.spec);
      writeFileAtomic(target, bytes, {
        overwrite: Boolean(options.force),
        force: Boolean(options.force),
        label: shown,
      });
      results.push({ ...entry, status: "written" });
      if (!ctx.ui.json) ctx.ui.out(t(M.wrote, { file: shown, who: entry.for.join(", ") }));
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
