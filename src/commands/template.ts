// `lokmin template notulen`: write a starting Word template for a document into the workspace's
// templates/ folder (src/ops/template.ts), so a Puskesmas makes its own letterhead and wording in
// Word. `lokmin template --list` shows which template each document uses.
import path from "node:path";
import type { Context } from "../cli/context.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { relativePath } from "../io/workspace.js";
import { templateList, writeTemplate } from "../ops/template.js";
import { DOCUMENTS } from "../render/documents.js";

const M = {
  needName: msg(
    "sebutkan dokumennya, mis. `lokmin template notulen`, atau `lokmin template --list`; dokumen: {list}",
    "name the document, e.g. `lokmin template notulen`, or `lokmin template --list`; documents: {list}",
  ),
  written: msg(
    "ditulis: {file} — buka di Word, ubah kop dan kata-katanya; placeholder seperti {rapat.tanggal} diisi lokmin " +
      "(daftar kolom: templates/README.md)",
    "written: {file} — open it in Word and change the letterhead and wording; placeholders such as {rapat.tanggal} " +
      "are filled by lokmin (the fields: templates/README.md)",
  ),
  same: msg("tidak berubah: {file}", "unchanged: {file}"),
  kept: msg(
    "dibiarkan: {file} sudah ada dan sudah diubah; pakai --force untuk menulis templat awal lagi (salinan cadangan " +
      "disimpan)",
    "kept: {file} already exists and was edited; use --force to write the starting template again (a backup copy is " +
      "kept)",
  ),
  backup: msg("cadangan: {file}", "backup: {file}"),
  header: msg("dokumen           templat yang dipakai", "document          template in use"),
  word: msg("templat Word workspace ({file})", "workspace Word template ({file})"),
  hbs: msg("templat Handlebars workspace ({file})", "workspace Handlebars template ({file})"),
  builtin: msg("bawaan lokmin", "lokmin's built-in"),
};

interface TemplateOptions {
  list?: boolean;
  force?: boolean;
}

export async function run(ctx: Context, name: string | undefined, options: TemplateOptions): Promise<number> {
  if (options.list || !name) {
    if (!options.list) throw new UserError(t(M.needName, { list: DOCUMENTS.map((d) => d.name).join(", ") }));
    return list(ctx);
  }
  const result = await writeTemplate(ctx, { document: name, force: options.force });
  if (ctx.ui.json) {
    ctx.ui.printJson(result);
    return result.outcome === "kept" ? EXIT.findings : EXIT.ok;
  }
  const root = path.dirname(path.dirname(result.file));
  const shown = relativePath(root, result.file);
  if (result.backup) ctx.ui.out(t(M.backup, { file: relativePath(root, result.backup) }));
  if (result.outcome === "kept") ctx.ui.err(t(M.kept, { file: shown }));
  else ctx.ui.out(t(result.outcome === "unchanged" ? M.same : M.written, { file: shown }));
  return result.outcome === "kept" ? EXIT.findings : EXIT.ok;
}

async function list(ctx: Context): Promise<number> {
  const { documents: rows } = await templateList(ctx);
  if (ctx.ui.json) {
    ctx.ui.printJson({ documents: rows });
    return EXIT.ok;
  }
  const width = Math.max(...rows.map((row) => row.name.length)) + 2;
  const [documentWord, ...templateWords] = t(M.header).split(/\s{2,}/);
  ctx.ui.out(`${documentWord.padEnd(width)}${templateWords.join(" ")}`);
  for (const row of rows) {
    const what =
      row.template === "word"
        ? t(M.word, { file: row.file ?? "" })
        : row.template === "hbs"
          ? t(M.hbs, { file: row.file ?? "" })
          : t(M.builtin);
    ctx.ui.out(`${row.name.padEnd(width)}${what}`);
  }
  return EXIT.ok;
}
