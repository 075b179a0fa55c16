// `lokmin render 2024-05`: write the month's DOCX documents into BULAN/dokumen (or --out) through
// the render operation (src/ops/render.ts), printing each document as it is done. Exit 0 when all
// were written, 1 when one was kept (edited in Word), 2 when one failed or the PDFs did.
import type { Context } from "../cli/context.js";
import { EXIT } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { relativePath } from "../io/workspace.js";
import { type DocumentOutcome, render } from "../ops/render.js";
import { parseOnly } from "../render/render.js";

const M = {
  wrote: msg("ditulis: {file}", "written: {file}"),
  replaced: msg("diperbarui: {file}", "updated: {file}"),
  same: msg("tidak berubah: {file}", "unchanged: {file}"),
  failed: msg("gagal: {file}: {detail}", "failed: {file}: {detail}"),
  kept: msg(
    "dibiarkan: {file} sudah diubah sejak lokmin menulisnya (mis. di Word); pakai --force untuk menggantinya " +
      "(salinan cadangan disimpan)",
    "kept: {file} was changed since lokmin wrote it (e.g. in Word); use --force to replace it (a backup copy is kept)",
  ),
  foreign: msg(
    "dibiarkan: {file} sudah ada dan bukan tulisan lokmin; pakai --force untuk menggantinya (salinan cadangan " +
      "disimpan)",
    "kept: {file} already exists and was not written by lokmin; use --force to replace it (a backup copy is kept)",
  ),
  backup: msg("cadangan: {file}", "backup: {file}"),
  summary: msg("{count} dokumen di {dir}", "{count} documents in {dir}"),
  skipped: msg("dilewati (data belum ada): {names}", "skipped (no data yet): {names}"),
  pdf: msg("PDF: {file}", "PDF: {file}"),
};

interface RenderOptions {
  out?: string;
  only?: string;
  force?: boolean;
  pdf?: boolean;
}

export async function run(ctx: Context, monthArg: string | undefined, options: RenderOptions): Promise<number> {
  const only = parseOnly(options.only);
  const shownPath = (target: string) => {
    const relative = relativePath(ctx.cwd, target);
    return relative && !relative.startsWith("..") ? relative : target;
  };
  const printDocument = (doc: DocumentOutcome, { foreign }: { foreign?: boolean }) => {
    const shown = shownPath(doc.file);
    if (doc.backup) ctx.ui.out(t(M.backup, { file: shownPath(doc.backup) }));
    if (doc.outcome === "failed") ctx.ui.err(t(M.failed, { file: shown, detail: doc.error ?? "" }));
    else if (doc.outcome === "kept") ctx.ui.err(t(foreign ? M.foreign : M.kept, { file: shown }));
    else ctx.ui.out(t({ written: M.wrote, replaced: M.replaced, unchanged: M.same }[doc.outcome], { file: shown }));
  };
  const result = await render(ctx, {
    month: monthArg,
    out: options.out,
    only,
    force: options.force,
    pdf: options.pdf,
    ...(ctx.ui.json
      ? {}
      : {
          onWarnings: (warnings) => warnings.forEach((warning) => ctx.ui.err(`lokmin: ${warning}`)),
          onDocument: printDocument,
        }),
  });
  const { pdf, documents, skipped } = result;
  const failed = documents.filter((r) => r.outcome === "failed").length;
  const kept = documents.filter((r) => r.outcome === "kept").length;
  if (ctx.ui.json) ctx.ui.printJson(result);
  else {
    if (pdf?.message) ctx.ui.err(`lokmin: ${pdf.message}`);
    else if (pdf) for (const file of pdf.files) ctx.ui.out(t(M.pdf, { file }));
    if (skipped.length) ctx.ui.out(ctx.ui.color.dim(t(M.skipped, { names: skipped.join(", ") })));
    ctx.ui.out(t(M.summary, { count: documents.length - failed - kept, dir: result.out }));
  }
  if (failed || (pdf && !pdf.ok)) return EXIT.usage;
  return kept ? EXIT.findings : EXIT.ok;
}
