// Rendering a month's documents: pick the templates (workspace `templates/` overrides the
// built-in ones by name), run Handlebars over the render context, parse the block language and
// build each DOCX in memory. Errors in a template are reported with its file and line.
import { existsSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import type { Workspace } from "../domain/schema.js";
import { logoProblem } from "../domain/check/rules/workspace.js";
import { readAssetText } from "../io/assets.js";
import { describeReadFailure, readRegularFile } from "../io/fs-safe.js";
import { probeFile } from "../io/workspace.js";
import { BlockSyntaxError, parseBlocks } from "./blocks.js";
import { DOCUMENTS, type DocumentName, type DocumentSpec } from "./documents.js";
import { escapeForBlocks, type RenderContext } from "./context.js";
import { blocksToDocument, type DocxOptions, type Logo, packDocument, sniffImage } from "./docx.js";

const M = {
  unknownDoc: msg(
    "dokumen '{name}' tidak dikenal; pilih dari: {list}",
    "unknown document '{name}'; choose from: {list}",
  ),
  template: msg("templat {file} baris {line}: {detail}", "template {file} line {line}: {detail}"),
  unknownField: msg(
    "templat {file} baris {line}: kolom '{field}' tidak ada dalam data dokumen; periksa ejaannya (lihat " +
      "templates/README.md)",
    "template {file} line {line}: field '{field}' is not in the document's data; check its spelling (see " +
      "templates/README.md)",
  ),
  syntax: msg(
    "templat {file} baris {line}: tanda Handlebars tidak lengkap atau salah tutup ({near}); periksa {{…}} dan " +
      "pasangan {{#…}}/{{/…}}",
    "template {file} line {line}: an incomplete or wrongly closed Handlebars tag ({near}); check the {{…}} and the " +
      "{{#…}}/{{/…}} pairs",
  ),
  helper: msg(
    "templat {file}: helper '{name}' tidak dikenal; yang tersedia: if, unless, each, with",
    "template {file}: unknown helper '{name}'; available: if, unless, each, with",
  ),
  unreadable: msg("templat {file} tidak dapat dibaca: {detail}", "template {file} cannot be read: {detail}"),
  notUtf8: msg(
    "templat {file} bukan UTF-8; simpan ulang sebagai UTF-8",
    "template {file} is not UTF-8; save it again as UTF-8",
  ),
  failed: msg("templat {file} gagal dijalankan: {detail}", "template {file} failed: {detail}"),
};

export function parseOnly(value: string | undefined): DocumentName[] | undefined {
  if (!value) return undefined;
  const names = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const known = DOCUMENTS.map((d) => d.name) as readonly string[];
  for (const name of names)
    if (!known.includes(name)) throw new UserError(t(M.unknownDoc, { name, list: known.join(", ") }));
  return names as DocumentName[];
}

/** Built-in templates are assets (src/io/assets.ts), named by this prefix instead of a path. */
const BUILTIN = "lokmin-asset:";

/** The template file for a document: the workspace's own `templates/NAME.hbs`, else the built-in one. */
export function templatePath(root: string, name: DocumentName): { file: string; own: boolean } {
  const own = path.join(root, "templates", `${name}.hbs`);
  return existsSync(own) ? { file: own, own: true } : { file: `${BUILTIN}templates/${name}.hbs`, own: false };
}

/** Load the workspace logo, returning the same note `check` gives instead of failing when it is unusable. */
export function loadLogo(root: string, config: Workspace): { logo?: Logo; warning?: string } {
  const file = config.puskesmas.logo;
  if (!file) return {};
  const kind = probeFile(root)(file);
  if (kind !== "file") return { warning: logoProblem(kind, file) };
  const read = readRegularFile(path.resolve(root, file), { maxBytes: MAX_LOGO_BYTES, root });
  const info = read.ok ? sniffImage(read.bytes) : null;
  if (!read.ok || !info) return { warning: logoProblem("not-image", file) };
  return { logo: { ...info, data: read.bytes } };
}

const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export interface RenderedDocument {
  name: DocumentName;
  title: string;
  template: string;
  data: Buffer;
}

/** The text of a template file: a regular UTF-8 file of at most 1 MB, else a clear error naming it. */
export function readTemplate(file: string, label: string): string {
  const read = readRegularFile(file, { maxBytes: 1024 * 1024 });
  if (!read.ok) throw new UserError(t(M.unreadable, { file: label, detail: describeReadFailure(read, label) }));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UserError(t(M.notUtf8, { file: label }));
  }
}

/** A Handlebars error in the user's language, naming the template, the line and what to fix. */
function templateError(error: Error, label: string): UserError {
  const text = error.message;
  const field = /"([^"]+)" not defined in .* - (\d+):\d+/.exec(text);
  if (field) return new UserError(t(M.unknownField, { file: label, line: field[2], field: field[1] }));
  const parse = /Parse error on line (\d+):\n([^\n]*)/.exec(text);
  if (parse) return new UserError(t(M.syntax, { file: label, line: parse[1], near: parse[2].trim() }));
  const unclosed = /(\w+) doesn't match (\w+) - (\d+):/.exec(text);
  if (unclosed)
    return new UserError(t(M.syntax, { file: label, line: unclosed[3], near: `${unclosed[1]} / ${unclosed[2]}` }));
  const helper = /Missing helper: "([^"]+)"/.exec(text);
  if (helper) return new UserError(t(M.helper, { file: label, name: helper[1] }));
  const line = /line (\d+)/.exec(text)?.[1];
  return new UserError(
    line
      ? t(M.template, { file: label, line, detail: text.split("\n")[0] })
      : t(M.failed, { file: label, detail: text.split("\n")[0] }),
  );
}

export async function renderDocument(
  name: DocumentName,
  templateFile: string,
  context: RenderContext,
  config: Workspace,
  logo: Logo | undefined,
  label = templateFile,
  images: DocxOptions["images"] = {},
): Promise<RenderedDocument> {
  const source = templateFile.startsWith(BUILTIN)
    ? readAssetText(templateFile.slice(BUILTIN.length))
    : readTemplate(templateFile, label);
  const handlebars = Handlebars.create();
  let text: string;
  try {
    const template = handlebars.compile(source, {
      noEscape: true,
      strict: true,
      knownHelpers: { if: true, unless: true, each: true, with: true },
      knownHelpersOnly: true,
    });
    text = template(escapeForBlocks(context), {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    throw templateError(error as Error, label);
  }
  let blocks;
  try {
    blocks = parseBlocks(text);
  } catch (error) {
    if (error instanceof BlockSyntaxError) {
      throw new UserError(t(M.template, { file: `${label} (hasil)`, line: error.line, detail: error.message }));
    }
    throw error;
  }
  const spec: DocumentSpec = DOCUMENTS.find((d) => d.name === name)!;
  const doc = blocksToDocument(blocks, {
    config,
    logo,
    images,
    title: `${spec.title} ${context.bulan_nama}`,
    landscape: spec.landscape,
  });
  return { name, title: spec.title, template: label, data: await packDocument(doc) };
}
