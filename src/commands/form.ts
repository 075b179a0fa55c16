// `lokmin form 2024-05`: write the month's workbooks into BULAN/isian/ (or --out) through the form
// operation (src/ops/form.ts): one per program for its coordinator and one for the meeting for the
// Kasubag TU, or everything in one workbook (--satu). Prints each workbook as it is written.
import type { Context } from "../cli/context.js";
import { EXIT } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { relativePath } from "../io/workspace.js";
import { form, type FormFileResult } from "../ops/form.js";

const M = {
  wrote: msg("ditulis: {file} — untuk {who}", "written: {file} — for {who}"),
  unchanged: msg("tidak berubah: {file}", "unchanged: {file}"),
  failed: msg("gagal: {file}: {detail}", "failed: {file}: {detail}"),
  refreshed: msg(
    "diperbarui: {file} (belum diisi; YAML berubah sejak isian dibuat)",
    "updated: {file} (not filled in; the YAML changed since the form was made)",
  ),
  backup: msg("isian lama disimpan: {file}", "the old form is kept: {file}"),
  summary: msg(
    "{count} isian di {dir}. Kirim tiap isian ke orang yang disebut; setelah diisi, `lokmin import {month} {dir}`.",
    "{count} forms in {dir}. Send each to the person named; once filled in, `lokmin import {month} {dir}`.",
  ),
};

interface FormOptions {
  out?: string;
  satu?: boolean;
  only?: string;
  force?: boolean;
}

export async function run(ctx: Context, monthArg: string | undefined, options: FormOptions): Promise<number> {
  const shownPath = (target: string) => {
    const relative = relativePath(ctx.cwd, target);
    return relative && !relative.startsWith("..") ? relative : target;
  };
  const printFile = (file: FormFileResult, { backup }: { backup?: string }) => {
    const shown = shownPath(file.file);
    if (backup) ctx.ui.out(t(M.backup, { file: relativePath(ctx.cwd, backup) || backup }));
    if (file.status === "unchanged") ctx.ui.out(t(M.unchanged, { file: shown }));
    else if (file.status === "refreshed") ctx.ui.out(t(M.refreshed, { file: shown }));
    else if (file.status === "written") ctx.ui.out(t(M.wrote, { file: shown, who: file.for.join(", ") }));
    else ctx.ui.err(t(M.failed, { file: shown, detail: file.error ?? "" }));
  };
  const only = options.only
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const result = await form(ctx, {
    month: monthArg,
    out: options.out,
    single: options.satu,
    only,
    force: options.force,
    ...(ctx.ui.json ? {} : { onFile: printFile }),
  });
  const failed = result.files.filter((r) => r.status === "failed").length;
  if (ctx.ui.json) ctx.ui.printJson(result);
  else {
    const dir = relativePath(ctx.cwd, result.out);
    ctx.ui.out(
      t(M.summary, {
        count: result.files.length - failed,
        dir: dir && !dir.startsWith("..") ? dir : result.out,
        month: result.month,
      }),
    );
  }
  return failed ? EXIT.usage : EXIT.ok;
}
