// `lokmin template notulen`: write a starting Word template for a document into the workspace's
// templates/ folder, with the placeholders of the built-in document in place, so a Puskesmas makes
// its own letterhead and wording in Word. `lokmin template --list` shows which template each
// document uses: the workspace's Word file, its Handlebars file, or the built-in one.
import path from "node:path";
import type { Context } from "../cli/context.js";
import { openWorkspace, requireFolder, whileLocked } from "../cli/shared.js";
import { EXIT, UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { relativePath } from "../io/workspace.js";
import { DOCUMENTS, type DocumentName } from "../render/documents.js";
import { buildLetterheads, buildStarter, parseOnly, templateFor } from "../render/render.js";
import { StarterError } from "../render/word-starter.js";
import { place } from "./render.js";

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
  noWord: msg(
    "templates/{name}.hbs memakai sesuatu yang tidak ada padanannya di Word ({detail}); sederhanakan templatnya " +
      "atau hapus dulu agar templat bawaan yang dipakai",
    "templates/{name}.hbs uses something with no Word equivalent ({detail}); simplify it, or remove it so the " +
      "built-in template is used",
  ),
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
  const [doc] = parseOnly(name) ?? [];
  return whileLocked(ctx, "template", () => write(ctx, doc, Boolean(options.force)));
}

function list(ctx: Context): number {
  const workspace = openWorkspace(ctx, () => "skip");
  requireFolder(path.join(workspace.root, "templates"), { root: workspace.root });
  const rows = DOCUMENTS.map((d) => {
    const ref = templateFor(workspace.root, d.name);
    const kind = ref.file ? (ref.kind === "docx" ? "word" : "hbs") : "bawaan";
    return {
      name: d.name,
      title: d.title,
      template: kind,
      file: ref.file ? relativePath(workspace.root, ref.file) : null,
    };
  });
  if (ctx.ui.json) ctx.ui.printJson({ documents: rows });
  else {
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
  }
  return EXIT.ok;
}

async function write(ctx: Context, name: DocumentName, force: boolean): Promise<number> {
  const workspace = openWorkspace(ctx, () => "skip");
  const config = workspace.config?.data;
  if (!config)
    throw new UserError(
      t(msg("lokmin.yaml tidak dapat dibaca", "lokmin.yaml cannot be read")),
      workspace.findings,
      workspace.root,
    );
  requireFolder(path.join(workspace.root, "templates"), { root: workspace.root });
  const { letterheads } = buildLetterheads(workspace.root, config);
  let starter;
  try {
    starter = await buildStarter(name, config, letterheads, workspace.root);
  } catch (error) {
    if (error instanceof StarterError) throw new UserError(t(M.noWord, { name, detail: error.message }));
    throw error;
  }
  const target = path.join(workspace.root, "templates", `${name}.docx`);
  const shown = relativePath(workspace.root, target);
  const { outcome, backup } = place(target, shown, starter, force, workspace.root);
  if (backup && !ctx.ui.json) ctx.ui.out(t(M.backup, { file: relativePath(workspace.root, backup) }));
  if (ctx.ui.json) ctx.ui.printJson({ document: name, file: target, outcome, ...(backup ? { backup } : {}) });
  else if (outcome === "kept") ctx.ui.err(t(M.kept, { file: shown }));
  else ctx.ui.out(t(outcome === "unchanged" ? M.same : M.written, { file: shown }));
  return outcome === "kept" ? EXIT.findings : EXIT.ok;
}
