// The template operations: which template each document uses (the workspace's Word file, its
// Handlebars file, or the built-in one), and writing a starting Word template for a document into
// the workspace's templates/ folder, with the placeholders of the built-in document in place.
import path from "node:path";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { monthsToLoad, relativePath } from "../io/workspace.js";
import { DOCUMENTS, type DocumentName } from "../render/documents.js";
import { buildLetterheads, buildStarter, parseOnly, templateFor } from "../render/render.js";
import { StarterError } from "../render/word-starter.js";
import { type OpContext, whileLocked } from "./context.js";
import { place } from "./place.js";
import { openWorkspace, requireFolder } from "./workspace.js";

const M = {
  noWord: msg(
    "templates/{name}.hbs memakai sesuatu yang tidak ada padanannya di Word ({detail}); sederhanakan templatnya " +
      "atau hapus dulu agar templat bawaan yang dipakai",
    "templates/{name}.hbs uses something with no Word equivalent ({detail}); simplify it, or remove it so the " +
      "built-in template is used",
  ),
};

/** Each document with the template it uses: `word` (templates/NAME.docx), `hbs` (templates/NAME.hbs) or built-in. */
export async function templateList(ctx: OpContext) {
  const workspace = openWorkspace(ctx, monthsToLoad("none", undefined));
  requireFolder(path.join(workspace.root, "templates"), { root: workspace.root });
  const documents = DOCUMENTS.map((d) => {
    const ref = templateFor(workspace.root, d.name);
    const kind = ref.file ? (ref.kind === "docx" ? "word" : "hbs") : "bawaan";
    return {
      name: d.name as DocumentName,
      title: d.title as string,
      template: kind as "word" | "hbs" | "bawaan",
      file: ref.file ? relativePath(workspace.root, ref.file) : null,
    };
  });
  return { documents };
}

export type TemplateList = Awaited<ReturnType<typeof templateList>>;

export interface TemplateWriteResult {
  document: DocumentName;
  file: string;
  outcome: "written" | "replaced" | "unchanged" | "kept";
  backup?: string;
}

/** Write templates/NAME.docx, a starting Word template; an edited one is kept unless `force` (with a backup). */
export async function writeTemplate(
  ctx: OpContext,
  options: { document: string; force?: boolean },
): Promise<TemplateWriteResult> {
  const [name] = parseOnly(options.document) ?? [];
  return whileLocked(ctx, "template", async (root) => {
    const workspace = openWorkspace(ctx, monthsToLoad("none", undefined), root);
    const config = workspace.config.data;
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
    const { outcome, backup } = place(target, shown, starter, Boolean(options.force), workspace.root);
    return { document: name, file: target, outcome, ...(backup ? { backup } : {}) };
  });
}
