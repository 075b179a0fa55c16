// Rendering a month's documents: pick the templates (workspace `templates/` overrides the
// built-in ones by name), run Handlebars over the render context, parse the block language and
// build each DOCX in memory. Errors in a template are reported with its file and line.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { UserError } from "../domain/findings.js";
import type { Meeting, ProgramReport, Workspace } from "../domain/schema.js";
import { msg, t } from "../i18n/index.js";
import { readAssetText } from "../io/assets.js";
import { BlockSyntaxError, parseBlocks } from "./blocks.js";
import { escapeForBlocks, type RenderContext } from "./context.js";
import { blocksToDocument, type DocxOptions, type Logo, packDocument, sniffImage } from "./docx.js";

export const DOCUMENTS = [
  { name: "undangan", title: "Surat undangan", needs: (m: Meeting) => Boolean(m.undangan) },
  { name: "susunan-acara", title: "Susunan acara", needs: (m: Meeting) => m.susunan_acara.length > 0 },
  { name: "daftar-hadir", title: "Daftar hadir", needs: (m: Meeting) => m.hadir.length > 0 },
  { name: "notulen", title: "Notulen", needs: () => true },
  { name: "kesepakatan", title: "Nota kesepakatan", needs: (m: Meeting) => m.kesepakatan.length > 0 },
  {
    name: "rtl",
    title: "RTL dan RPK bulan berikutnya",
    needs: (m: Meeting, programs: ProgramReport[]) => m.rtl.length > 0 || programs.some((p) => p.rpk.length > 0),
  },
  { name: "daftar-tilik", title: "Daftar Tilik", needs: () => true },
  {
    name: "tren",
    title: "Tren capaian kinerja",
    needs: (_m: Meeting, programs: ProgramReport[]) => programs.length > 0,
  },
  { name: "umpan-balik", title: "Umpan balik pembinaan", needs: (m: Meeting) => Boolean(m.supervisi?.umpan_balik) },
] as const;

export type DocumentName = (typeof DOCUMENTS)[number]["name"];

const M = {
  unknownDoc: msg(
    "dokumen '{name}' tidak dikenal; pilih dari: {list}",
    "unknown document '{name}'; choose from: {list}",
  ),
  template: msg("templat {file} baris {line}: {detail}", "template {file} line {line}: {detail}"),
  templateRun: msg(
    "templat {file} gagal dijalankan: {detail}; periksa nama helper dan data yang dipakai",
    "template {file} failed: {detail}; check the helper names and data it uses",
  ),
  logoNotImage: msg(
    "logo {file} bukan gambar PNG atau JPEG; kop dicetak tanpa logo",
    "logo {file} is not a PNG or JPEG image; the letterhead prints without a logo",
  ),
  logoOutside: msg(
    "logo {file} di luar folder workspace; kop dicetak tanpa logo",
    "logo {file} is outside the workspace folder; the letterhead prints without a logo",
  ),
  logoMissing: msg(
    "logo {file} tidak ditemukan; kop dicetak tanpa logo",
    "logo {file} not found; the letterhead prints without a logo",
  ),
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

/** Load the workspace logo, returning a warning instead of failing when it is unusable. */
export function loadLogo(root: string, config: Workspace): { logo?: Logo; warning?: string } {
  const file = config.puskesmas.logo;
  if (!file) return {};
  const abs = path.resolve(root, file);
  const rel = path.relative(root, abs);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return { warning: t(M.logoOutside, { file }) };
  if (!existsSync(abs)) return { warning: t(M.logoMissing, { file }) };
  try {
    const data = readFileSync(abs);
    const info = sniffImage(data);
    return info ? { logo: { ...info, data } } : { warning: t(M.logoNotImage, { file }) };
  } catch {
    return { warning: t(M.logoNotImage, { file }) };
  }
}

export interface RenderedDocument {
  name: DocumentName;
  title: string;
  template: string;
  data: Buffer;
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
    : readFileSync(templateFile, "utf8");
  const handlebars = Handlebars.create();
  let text: string;
  try {
    const template = handlebars.compile(source, { noEscape: true, strict: false, knownHelpersOnly: false });
    text = template(escapeForBlocks(context), { allowProtoPropertiesByDefault: false });
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0];
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    throw new UserError(
      line ? t(M.template, { file: label, line, detail }) : t(M.templateRun, { file: label, detail }),
    );
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
  const title = DOCUMENTS.find((d) => d.name === name)!.title;
  const doc = blocksToDocument(blocks, { config, logo, images, title: `${title} ${context.bulan_nama}` });
  return { name, title, template: label, data: await packDocument(doc) };
}
