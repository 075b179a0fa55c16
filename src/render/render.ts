// Rendering a month's documents: pick each document's template (the workspace's own
// `templates/NAME.docx` made in Word, else its `templates/NAME.hbs`, else the built-in one), fill
// it from the render context, and finish the package with its fingerprint. Handlebars runs in
// strict mode with only if/unless/each/with; every mistake in a template is reported with its
// file, line and the field or block at fault.
import { createHash } from "node:crypto";
import path from "node:path";
import type HandlebarsType from "handlebars";
import type HandlebarsRuntimeType from "handlebars/runtime";
import type { Workspace } from "../domain/schema.js";
import { logoProblem } from "../domain/logo.js";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, pathPresent, readRegularFile } from "../io/fs-safe.js";
import { probeFile } from "../io/workspace.js";
import { builtinTemplate } from "../io/assets.js";
import { type Block, BlockSyntaxError, parseBlocks } from "./blocks.js";
import { checkTemplate, HBS_OPTIONS, isolate, notTextError, templateError } from "./handlebars.js";
import { inert, NOT_TEXT, type PartialContext } from "./context.js";
import { DOCUMENTS, type DocumentName } from "./documents.js";
import { blocksToDocx, type Letterhead, type Logo, type Picture, sniffImage } from "./docx.js";
import { finishDocx } from "./package.js";
import type { ZipEntries } from "./zip.js";

const M = {
  unknownDoc: msg(
    "dokumen '{name}' tidak dikenal; pilih dari: {list}",
    "unknown document '{name}'; choose from: {list}",
  ),
  template: msg("templat {file} baris {line}: {detail}", "template {file} line {line}: {detail}"),
  output: msg(
    "templat {file}: baris {line} dari teks yang dihasilkannya: {detail}",
    "template {file}: line {line} of the text it produced: {detail}",
  ),
  unreadable: msg("templat {file} tidak dapat dibaca: {detail}", "template {file} cannot be read: {detail}"),
  notUtf8: msg(
    "templat {file} bukan UTF-8; simpan ulang sebagai UTF-8",
    "template {file} is not UTF-8; save it again as UTF-8",
  ),
  noBuiltin: msg(
    "dokumen {name} tidak punya templat bawaan; buat templates/{name}.docx atau .hbs",
    "document {name} has no built-in template; create templates/{name}.docx or .hbs",
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

export interface TemplateRef {
  kind: "docx" | "hbs";
  /** The workspace's own file, or null for the built-in template. */
  file: string | null;
  /** How messages name it: "templates/notulen.docx" or "templates/notulen.hbs (bawaan)". */
  label: string;
  /** The workspace the file must lie in: a template is never read through a link out of it. */
  root?: string;
}

/**
 * A document's template: the workspace's Word file, else its Handlebars file, else the built-in one.
 * Anything at a template's name counts (a broken or looping link, a FIFO, a link out of the
 * workspace): reading it then says what it is, rather than the built-in wording being used unsaid.
 */
export function templateFor(root: string, name: DocumentName): TemplateRef {
  for (const kind of ["docx", "hbs"] as const) {
    const own = path.join(root, "templates", `${name}.${kind}`);
    if (pathPresent(own)) return { kind, file: own, label: `templates/${name}.${kind}`, root };
  }
  return { kind: "hbs", file: null, label: `templates/${name}.hbs (bawaan)` };
}

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** An image of the workspace (a logo), or the same note `check` gives when it is unusable. */
export function loadImage(root: string, file: string | undefined): { image?: Logo; warning?: string } {
  if (!file) return {};
  const kind = probeFile(root)(file);
  if (kind !== "file") return { warning: logoProblem(kind, file) };
  const read = readRegularFile(path.resolve(root, file), { maxBytes: MAX_IMAGE_BYTES, root });
  const info = read.ok ? sniffImage(read.bytes) : null;
  if (!read.ok || !info) return { warning: logoProblem("not-image", file) };
  return { image: { ...info, data: read.bytes } };
}

/** The Puskesmas' and the Dinas' letterheads (kop surat) from lokmin.yaml, with their logos. */
export function buildLetterheads(
  root: string,
  config: Workspace,
): { letterheads: Record<"puskesmas" | "dinas", Letterhead>; warnings: string[] } {
  const p = config.puskesmas;
  const d = config.dinas_kesehatan;
  const pemda = `PEMERINTAH ${p.kabupaten_kota.toUpperCase()}`;
  const logo = loadImage(root, p.logo);
  const dinasLogo = d.logo ? loadImage(root, d.logo) : logo;
  const contacts = (x: { telepon?: string; email?: string; laman?: string }) =>
    [x.telepon && `Telp. ${x.telepon}`, x.email && `Email: ${x.email}`, x.laman].filter(Boolean).join("  ·  ");
  const warnings = [logo.warning, d.logo ? dinasLogo.warning : undefined].filter((w): w is string => Boolean(w));
  return {
    warnings,
    letterheads: {
      puskesmas: {
        logo: logo.image,
        lines: [
          { text: pemda, size: 26, bold: true },
          { text: d.nama.toUpperCase(), size: 26, bold: true },
          { text: p.nama.toUpperCase(), size: 30, bold: true },
          {
            text: [p.alamat, p.kelurahan && `Kel. ${p.kelurahan}`, `Kec. ${p.kecamatan}`, p.kode_pos]
              .filter(Boolean)
              .join(", "),
            size: 20,
          },
          { text: contacts(p), size: 20 },
        ],
      },
      dinas: {
        logo: dinasLogo.image,
        lines: [
          ...(d.kop?.length
            ? d.kop.map((text, i) => ({ text, size: i === d.kop!.length - 1 ? 30 : 26, bold: true }))
            : [
                { text: pemda, size: 26, bold: true },
                { text: d.nama.toUpperCase(), size: 30, bold: true },
              ]),
          { text: [d.alamat, d.kode_pos].filter(Boolean).join(", "), size: 20 },
          { text: contacts(d), size: 20 },
        ],
      },
    },
  };
}

/** The text of a template file: a regular UTF-8 file of at most 1 MB, else a clear error naming it. */
export function readTemplate(file: string, label: string, root?: string): string {
  const read = readRegularFile(file, { maxBytes: 1024 * 1024, root });
  if (!read.ok) throw new UserError(t(M.unreadable, { file: label, detail: describeReadFailure(read, label) }));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(read.bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UserError(t(M.notUtf8, { file: label }));
  }
}

const HBS_OPTIONS_KEY = JSON.stringify(HBS_OPTIONS);

/** The key a precompiled built-in template is stored under: its compile options and its text. */
export const precompiledKey = (source: string) =>
  createHash("sha1").update(HBS_OPTIONS_KEY).update("\0").update(source).digest("hex");

type Precompiled = Record<string, { key: string; spec: TemplateSpecification }>;
type TemplateSpecification = Parameters<typeof HandlebarsRuntimeType.template>[0];
type Runtime = typeof HandlebarsRuntimeType;
type Compiler = typeof HandlebarsType;

/** Handlebars' runtime alone (the compiler is not needed for precompiled templates), isolated. */
let runtimeEnv: Runtime | undefined;
async function runtime(): Promise<Runtime> {
  if (!runtimeEnv) {
    const loaded = await import("handlebars/runtime");
    runtimeEnv = isolate(("default" in loaded ? loaded.default : loaded).create() as Runtime);
  }
  return runtimeEnv;
}

/** The compiler, for a workspace's own template (or when run from src/), in an environment set up the same way. */
let compilerEnv: Compiler | undefined;
async function compiler(): Promise<Compiler> {
  if (!compilerEnv) {
    const { default: Handlebars } = await import("handlebars");
    compilerEnv = isolate(Handlebars.create() as Compiler);
  }
  return compilerEnv;
}

let precompiled: Precompiled | null | undefined;

/** The built-in templates precompiled at build time (dist/builtin-templates.js); none when run from src/. */
async function loadPrecompiled(): Promise<Precompiled | null> {
  if (precompiled === undefined) {
    try {
      const url = new URL("./builtin-templates.js", import.meta.url).href;
      precompiled = ((await import(/* @vite-ignore */ url)) as { TEMPLATES: Precompiled }).TEMPLATES;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

/**
 * The template function for a source: the precompiled one when it is the same text, else parsed,
 * checked against what the README offers (checkTemplate) and compiled now.
 */
async function compiled(source: string, name: string | null, label: string) {
  if (name) {
    const table = await loadPrecompiled();
    const entry = table && Object.hasOwn(table, name) ? table[name] : undefined;
    if (entry && entry.key === precompiledKey(source)) return (await runtime()).template(entry.spec);
  }
  // The compiler loads only for a workspace's own template (or when run from src/).
  const Handlebars = await compiler();
  const ast = Handlebars.parse(source);
  checkTemplate(ast, label);
  return Handlebars.compile(ast, structuredClone(HBS_OPTIONS)); // Handlebars adds to its options
}

/**
 * The template's own line for a line of the text it produced: the line of the source that reads
 * the same with each {{…}} standing for any text (the n-th time that text was produced, the n-th
 * such source line), or null when none does.
 */
export function sourceLine(source: string, output: string, outputLine: number): number | null {
  const produced = output.split(/\r?\n/);
  const wanted = produced[outputLine - 1]?.trim();
  if (!wanted) return null;
  const candidates: number[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    const pieces = line.trim().split(/\{\{[^}]*\}\}/);
    if (!pieces.join("").trim()) return; // a line of tags only ({{#each …}}) produces no text of its own
    const pattern = pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*");
    if (new RegExp(`^${pattern}$`).test(wanted)) candidates.push(i + 1);
  });
  if (candidates.length === 0) return null;
  const nth = produced.slice(0, outputLine - 1).filter((l) => l.trim() === wanted).length;
  return candidates[Math.min(nth, candidates.length - 1)];
}

/** Handlebars in strict mode over the escaped context, then the block language. */
export async function runBlockTemplate(
  source: string,
  label: string,
  context: object,
  builtin: string | null = null,
): Promise<Block[]> {
  let text: string;
  try {
    const template = await compiled(source, builtin, label);
    text = template(inert(context), {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    const parse = compilerEnv?.parse;
    throw templateError(error, label, source, parse && ((s) => parse(s)));
  }
  const notText = NOT_TEXT.exec(text);
  if (notText) throw notTextError(label, source, notText[2], notText[1] === "list");
  try {
    return parseBlocks(text);
  } catch (error) {
    if (error instanceof BlockSyntaxError) {
      const line = sourceLine(source, text, error.line);
      throw new UserError(
        line === null
          ? t(M.output, { file: label, line: error.line, detail: error.message })
          : t(M.template, { file: label, line, detail: error.message }),
      );
    }
    throw error;
  }
}

/** The template source of a Handlebars document, the workspace's or the built-in one. */
export function blockTemplateSource(name: DocumentName, ref: TemplateRef): string {
  if (ref.file) return readTemplate(ref.file, ref.label, ref.root);
  const text = builtinTemplate(name);
  if (text === null) throw new UserError(t(M.noBuiltin, { name }));
  return text;
}

export interface RenderAssets {
  config: Workspace;
  letterheads: Record<"puskesmas" | "dinas", Letterhead>;
  images: Record<string, Picture>;
  draft: boolean;
}

export interface RenderedDocument {
  name: DocumentName;
  title: string;
  template: string;
  data: Buffer;
  sidik: string;
}

export const documentTitle = (name: DocumentName, context: Pick<PartialContext, "bulan_nama" | "puskesmas">) =>
  `${DOCUMENTS.find((d) => d.name === name)!.title} ${context.bulan_nama} — ${context.puskesmas.nama}`;

const STAND_IN: Record<string, string> = {
  tren: "Grafik tren capaian",
  fishbone: "Diagram fishbone masalah",
  stakeholder: "Peta stakeholder",
  tribulanan_stakeholder: "Peta stakeholder lintas sektor",
};

/**
 * The alt-text name a Word template gives a picture the block template names by a field:
 * `{fishbone}` (in a loop over the problems) → fishbone, `{analisis.stakeholder.gambar}` → stakeholder.
 */
export function wordPictureName(name: string): string {
  const field = /^\{(.+)\}$/.exec(name)?.[1];
  if (!field) return name;
  const parts = field.split(".");
  if (parts.at(-1) !== "gambar" || parts.length < 2) return parts.at(-1)!;
  // analisis.stakeholder.gambar → stakeholder; tribulanan.stakeholder.gambar → tribulanan_stakeholder
  return parts.slice(parts[0] === "analisis" ? 1 : 0, -1).join("_");
}

/**
 * A starting Word template for a document: its Handlebars template (the workspace's own, else the
 * built-in one) converted to placeholders and laid out with the workspace's letterhead, font and
 * paper (`lokmin template NAME`). A construct with no Word equivalent is a clear error.
 */
export async function buildStarter(
  name: DocumentName,
  config: Workspace,
  letterheads: RenderAssets["letterheads"],
  root?: string,
): Promise<{ data: Buffer; sidik: string }> {
  const { starterBlocksSource } = await import("./word-starter.js");
  const { placeholderPicture } = await import("./chart.js");
  // The wording the workspace uses now: its own .hbs when it has one, else the built-in one.
  const own = root ? path.join(root, "templates", `${name}.hbs`) : null;
  const source =
    root && own && pathPresent(own) ? readTemplate(own, `templates/${name}.hbs`, root) : builtinTemplate(name);
  if (source === null) throw new UserError(t(M.noBuiltin, { name }));
  const blocks = parseBlocks(starterBlocksSource(source), { placeholders: true });
  const chart: Record<string, Picture> = Object.create(null) as Record<string, Picture>;
  for (const block of blocks) {
    if (block.kind !== "image") continue;
    block.name = wordPictureName(block.name);
    const standIn = Object.hasOwn(STAND_IN, block.name) ? STAND_IN[block.name] : "Gambar";
    chart[block.name] ??= await placeholderPicture(`${standIn} — diisi lokmin (teks alternatif {%${block.name}})`);
  }
  const title = `${DOCUMENTS.find((d) => d.name === name)!.title} {bulan_nama} — {puskesmas.nama}`;
  const entries = blocksToDocx(blocks, {
    config,
    letterheads,
    images: chart,
    title,
    owner: config.puskesmas.nama,
    pictureAltText: true,
  });
  return finishDocx(entries);
}

/**
 * One document, filled and packaged (with its fingerprint). `context` holds the parts its template
 * reads: the document's own parts for the built-in template, every part for a workspace's own.
 */
export async function renderDocument(
  name: DocumentName,
  ref: TemplateRef,
  context: PartialContext,
  assets: RenderAssets,
): Promise<RenderedDocument> {
  const spec = DOCUMENTS.find((d) => d.name === name)!;
  const title = documentTitle(name, context);
  let entries: ZipEntries;
  if (ref.kind === "docx" && ref.file) {
    const { fillWordTemplate } = await import("./word-template.js");
    entries = await fillWordTemplate(ref.file, ref.label, context, assets, ref.root);
  } else {
    const blocks = await runBlockTemplate(blockTemplateSource(name, ref), ref.label, context, ref.file ? null : name);
    entries = blocksToDocx(blocks, {
      config: assets.config,
      letterheads: assets.letterheads,
      images: assets.images,
      title,
      owner: context.puskesmas.nama,
      draft: assets.draft,
    });
  }
  const { data: bytes, sidik } = finishDocx(entries);
  return { name, title: spec.title, template: ref.label, data: bytes, sidik };
}
