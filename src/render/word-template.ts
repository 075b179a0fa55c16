// A workspace's own Word template (templates/NAME.docx) filled from the render context with
// docxtemplater. Templates are data, not code: placeholders are dotted field names resolved as
// own properties of the render context only (no expressions, no functions, no prototype), raw-XML
// placeholders are refused, and an unknown field or a loop over a missing list is an error naming
// the document and the placeholder, never a blank. The file is read defensively (size, entry
// count and inflated size bounded) so a corrupt file or a zip bomb is a clear error. Pictures are
// placed by alt text: a picture whose alt text is {%logo}, {%logo_dinas}, {%tren}, {%stakeholder},
// {%tribulanan_stakeholder}, {%fishbone1} … or {%fishbone} (the next fishbone, for a picture
// repeated in a loop over the problems) gets that image, keeping its width; an analysis picture
// the month does not have is removed. A DRAF month gets a mark in every page header.
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import { describeReadFailure, readRegularFile } from "../io/fs-safe.js";
import type { Logo, Picture } from "./docx.js";
import type { RenderAssets } from "./render.js";
import { DOCX_LIMITS, readZip, ZipError, type ZipEntries } from "./zip.js";

const M = {
  unreadable: msg("templat {file} tidak dapat dibaca: {detail}", "template {file} cannot be read: {detail}"),
  corrupt: msg(
    "templat {file} bukan berkas Word (.docx) yang utuh ({detail}); buka di Word atau LibreOffice lalu simpan ulang " +
      "sebagai .docx",
    "template {file} is not a complete Word (.docx) file ({detail}); open it in Word or LibreOffice and save it " +
      "again as .docx",
  ),
  tooBig: msg(
    "templat {file} terlalu besar setelah dibuka ({detail}); templat Word biasa jauh lebih kecil — periksa berkasnya",
    "template {file} is too big once unpacked ({detail}); a normal Word template is far smaller — check the file",
  ),
  notWord: msg(
    "templat {file} tidak berisi dokumen Word (word/document.xml); simpan ulang sebagai .docx",
    "template {file} holds no Word document (word/document.xml); save it again as .docx",
  ),
  at: msg("templat {file}, placeholder {tag}: {detail}", "template {file}, placeholder {tag}: {detail}"),
  unknownField: msg(
    "kolom '{field}' tidak ada dalam data dokumen; periksa ejaannya (daftar kolom: templates/README.md)",
    "field '{field}' is not in the document's data; check its spelling (the fields: templates/README.md)",
  ),
  syntax: msg(
    "hanya nama kolom bertitik yang boleh, mis. {rapat.tanggal}, {#peserta}…{/peserta}, {^supervisi}…{/supervisi}",
    "only dotted field names are allowed, e.g. {rapat.tanggal}, {#peserta}…{/peserta}, {^supervisi}…{/supervisi}",
  ),
  picture: msg(
    "gambar diletakkan lewat teks alternatif (Alt Text) sebuah gambar: {%logo}, {%logo_dinas}, {%tren}, " +
      "{%fishbone}, {%stakeholder}, {%tribulanan_stakeholder}",
    "pictures are placed through a picture's alt text: {%logo}, {%logo_dinas}, {%tren}, {%fishbone}, {%stakeholder}, " +
      "{%tribulanan_stakeholder}",
  ),
  raw: msg("placeholder XML mentah ({@…}) tidak diizinkan", "raw XML placeholders ({@…}) are not allowed"),
  unclosedTag: msg("tanda '{' tidak ditutup dengan '}'", "'{' is not closed with '}'"),
  unopenedTag: msg("tanda '}' tanpa pembuka '{'", "'}' without an opening '{'"),
  unclosedLoop: msg("{#{tag}} tidak ditutup; tambahkan {/{tag}}", "{#{tag}} is not closed; add {/{tag}}"),
  unopenedLoop: msg("{/{tag}} tanpa pembuka {#{tag}}", "{/{tag}} without an opening {#{tag}}"),
  mismatch: msg(
    "pembuka dan penutup tidak sepasang ({detail}); setiap {#a} ditutup dengan {/a}",
    "opening and closing tags do not pair ({detail}); every {#a} closes with {/a}",
  ),
  duplicate: msg(
    "tanda kurung ganda ('{{' atau '}}'); pakai satu kurung kurawal: {rapat.tanggal}",
    "doubled braces ('{{' or '}}'); use single braces: {rapat.tanggal}",
  ),
  unknownImage: msg(
    "teks alternatif gambar '{name}' tidak dikenal; yang tersedia: {%logo}, {%logo_dinas}, {%tren}, {%fishbone} " +
      "(atau {%fishbone1}, {%fishbone2} …), {%stakeholder}, {%tribulanan_stakeholder}",
    "unknown picture alt text '{name}'; available: {%logo}, {%logo_dinas}, {%tren}, {%fishbone} (or {%fishbone1}, " +
      "{%fishbone2} …), {%stakeholder}, {%tribulanan_stakeholder}",
  ),
  other: msg("{detail}", "{detail}"),
};

const PATH = /^(\.|[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

class TemplateFieldError extends Error {}

/** A docxtemplater parser that reads only own properties of the render context: templates run no code. */
function strictParser(tag: string, meta?: { tag?: { module?: string } }) {
  const text = tag.trim();
  if (meta?.tag?.module === "rawxml") throw new TemplateFieldError(t(M.raw));
  if (text.startsWith("%")) throw new TemplateFieldError(t(M.picture));
  if (!PATH.test(text)) throw new TemplateFieldError(t(M.syntax));
  const parts = text === "." ? [] : text.split(".");
  return {
    get(scope: unknown, context: { num: number }) {
      let value: unknown = scope;
      for (const part of parts) {
        if (value === null || typeof value !== "object" || !Object.hasOwn(value, part)) {
          if (value === scope && context.num > 0) return undefined; // docxtemplater asks the outer scope
          throw new TemplateFieldError(t(M.unknownField, { field: text }));
        }
        value = (value as Record<string, unknown>)[part];
      }
      if (typeof value === "function") throw new TemplateFieldError(t(M.unknownField, { field: text }));
      return value ?? "";
    },
  };
}

interface DocxError {
  message: string;
  properties?: {
    id?: string;
    xtag?: string;
    explanation?: string;
    errors?: DocxError[];
    rootError?: Error;
  };
}

/** One docxtemplater error in the user's language, naming the template and the placeholder. */
function describe(error: DocxError, label: string): string {
  const p = error.properties ?? {};
  const tag = p.xtag ?? "";
  const detail = (() => {
    switch (p.id) {
      case "scopeparser_compilation_failed":
      case "scopeparser_execution_failed":
        return p.rootError instanceof TemplateFieldError ? p.rootError.message : t(M.syntax);
      case "unclosed_tag":
        return t(M.unclosedTag);
      case "unopened_tag":
        return t(M.unopenedTag);
      case "unclosed_loop":
        return t(M.unclosedLoop, { tag });
      case "unopened_loop":
        return t(M.unopenedLoop, { tag });
      case "closing_tag_does_not_match_opening_tag":
      case "unbalanced_loop_tags":
        return t(M.mismatch, { detail: p.explanation ?? error.message });
      case "duplicate_open_tag":
      case "duplicate_close_tag":
        return t(M.duplicate);
      default:
        return t(M.other, { detail: p.explanation ?? error.message });
    }
  })();
  return t(M.at, { file: label, tag: `{${tag}}`, detail });
}

function translate(error: unknown, label: string): UserError {
  if (error instanceof UserError) return error;
  const e = error as DocxError;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  const seen = new Set<string>();
  const lines = list.map((x) => describe(x, label)).filter((line) => !seen.has(line) && seen.add(line));
  return new UserError(lines.slice(0, 10).join("\n"));
}

const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

/** Whether bytes are a Word document (.docx) lokmin can use as a template: a zip within limits holding its parts. */
export function isWordDocument(bytes: Uint8Array): boolean {
  if (bytes.length > MAX_TEMPLATE_BYTES) return false;
  try {
    const entries = readZip(bytes, DOCX_LIMITS);
    return entries.has("word/document.xml") && entries.has("[Content_Types].xml");
  } catch (error) {
    if (error instanceof ZipError) return false;
    throw error;
  }
}

/** The parts of a Word template file, read within limits; anything wrong is a UserError naming it. */
export function readWordTemplate(file: string, label: string, root?: string): ZipEntries {
  const read = readRegularFile(file, { maxBytes: MAX_TEMPLATE_BYTES, root });
  if (!read.ok) throw new UserError(t(M.unreadable, { file: label, detail: describeReadFailure(read, label) }));
  let entries: ZipEntries;
  try {
    entries = readZip(read.bytes, DOCX_LIMITS);
  } catch (error) {
    if (error instanceof ZipError)
      throw new UserError(t(error.reason === "too-big" ? M.tooBig : M.corrupt, { file: label, detail: error.message }));
    throw error;
  }
  if (!entries.has("word/document.xml") || !entries.has("[Content_Types].xml"))
    throw new UserError(t(M.notWord, { file: label }));
  return entries;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
const bytesOf = (s: string) => Buffer.from(s, "utf8");

/** The logos: when one is not configured, the template's own picture stays. */
const LOGOS = new Set(["logo", "logo_dinas"]);
/** The month's pictures: when the month has none of that name, the template's stand-in is removed. */
const MONTH_PICTURE = /^(tren|stakeholder|tribulanan_stakeholder|fishbone\d*)$/;

/** Put the workspace's pictures where the template's pictures carry {%name} as alt text. */
function placePictures(entries: ZipEntries, pictures: Record<string, Picture | Logo | undefined>, label: string) {
  const parts = [...entries.keys()].filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  let n = 0;
  let nextFishbone = 0;
  for (const part of parts) {
    let xmlText = text(entries.get(part)!);
    if (!xmlText.includes("{%")) continue;
    const relsName = part.replace(/^word\//, "word/_rels/") + ".rels";
    let rels = entries.has(relsName)
      ? text(entries.get(relsName)!)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ' +
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    xmlText = xmlText.replace(/<w:drawing>[\s\S]*?<\/w:drawing>/g, (drawing) => {
      const alt = /<wp:docPr\b[^>]*?\b(?:descr|title)="\{%([^"}]*)\}"/.exec(drawing);
      if (!alt) return drawing;
      let name = alt[1].trim();
      if (!LOGOS.has(name) && !MONTH_PICTURE.test(name))
        throw new UserError(t(M.at, { file: label, tag: `{%${name}}`, detail: t(M.unknownImage, { name }) }));
      if (name === "fishbone") name = `fishbone${++nextFishbone}`;
      const picture = Object.hasOwn(pictures, name) ? pictures[name] : undefined;
      if (!picture) return LOGOS.has(name) ? drawing : "";
      const data = "png" in picture ? picture.png : picture.data;
      const ext = "type" in picture && picture.type === "jpg" ? "jpeg" : "png";
      const id = `rIdLokminPic${++n}`;
      const target = `media/lokmin-${name}-${n}.${ext}`;
      entries.set(`word/${target}`, data);
      rels = rels.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" ` +
          `Target="${target}"/></Relationships>`,
      );
      const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(drawing);
      const cx = extent ? Number(extent[1]) : 2000000;
      const cy = Math.round((cx * picture.height) / picture.width);
      return drawing
        .replace(/r:embed="[^"]*"/, `r:embed="${id}"`)
        .replace(/<wp:extent cx="\d+" cy="\d+"\/>/, `<wp:extent cx="${cx}" cy="${cy}"/>`)
        .replace(/<a:ext cx="\d+" cy="\d+"\/>/, `<a:ext cx="${cx}" cy="${cy}"/>`);
    });
    // A stand-in picture that was replaced or removed leaves its relationship unused: drop it.
    rels = rels.replace(/<Relationship\b[^>]*\/>/g, (rel) =>
      /Type="[^"]*\/image"/.test(rel) && !xmlText.includes(`"${/\bId="([^"]+)"/.exec(rel)?.[1]}"`) ? "" : rel,
    );
    entries.set(part, bytesOf(xmlText));
    entries.set(relsName, bytesOf(rels));
  }
  if (n > 0) {
    // The stand-in pictures the template carried are no longer shown: drop them from the package.
    const rels = [...entries.keys()].filter((name) => name.endsWith(".rels")).map((name) => text(entries.get(name)!));
    for (const media of [...entries.keys()].filter((name) => name.startsWith("word/media/")))
      if (!rels.some((r) => r.includes(`"${media.slice("word/".length)}"`) || r.includes(`"/${media}"`)))
        entries.delete(media);
    let types = text(entries.get("[Content_Types].xml")!);
    for (const [ext, type] of [
      ["png", "image/png"],
      ["jpeg", "image/jpeg"],
    ])
      if (!new RegExp(`Extension="${ext}"`, "i").test(types))
        types = types.replace(/<Types[^>]*>/, (open) => `${open}<Default Extension="${ext}" ContentType="${type}"/>`);
    entries.set("[Content_Types].xml", bytesOf(types));
  }
}

const DRAFT_PARAGRAPH =
  '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="18"/></w:rPr>' +
  "<w:t>DRAF — belum lolos pemeriksaan lokmin check; jangan ditandatangani</w:t></w:r></w:p>";

/** A DRAF line at the top of every page: in each header the template has, or in a header of our own. */
function markDraft(entries: ZipEntries) {
  let doc = text(entries.get("word/document.xml")!);
  let rels = text(entries.get("word/_rels/document.xml.rels") ?? bytesOf("<Relationships></Relationships>"));
  const headerIds = new Set<string>();
  doc = doc.replace(/<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/g, (sect) => {
    const own = /<w:headerReference\b[^>]*w:type="default"[^>]*r:id="([^"]+)"/.exec(sect);
    if (own) {
      headerIds.add(own[1]);
      return sect;
    }
    return sect.replace(
      /<w:sectPr\b[^>]*>/,
      (open) => `${open}<w:headerReference w:type="default" r:id="rIdLokminDraf"/>`,
    );
  });
  for (const id of headerIds) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const name = target ? `word/${target.replace(/^\//, "").replace(/^word\//, "")}` : undefined;
    if (name && entries.has(name))
      entries.set(name, bytesOf(text(entries.get(name)!).replace(/<\/w:hdr>\s*$/, `${DRAFT_PARAGRAPH}</w:hdr>`)));
  }
  if (doc.includes("rIdLokminDraf")) {
    entries.set(
      "word/lokmin-draf.xml",
      bytesOf(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ' +
          'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
          `${DRAFT_PARAGRAPH}</w:hdr>`,
      ),
    );
    rels = rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdLokminDraf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/' +
        'header" Target="lokmin-draf.xml"/></Relationships>',
    );
    const types = text(entries.get("[Content_Types].xml")!).replace(
      "</Types>",
      '<Override PartName="/word/lokmin-draf.xml" ContentType="application/vnd.openxmlformats-officedocument.' +
        'wordprocessingml.header+xml"/></Types>',
    );
    entries.set("[Content_Types].xml", bytesOf(types));
  }
  entries.set("word/document.xml", bytesOf(doc));
  entries.set("word/_rels/document.xml.rels", bytesOf(rels));
}

/** Fill a workspace's Word template; the result's parts, ready for the fingerprint. */
export async function fillWordTemplate(
  file: string,
  label: string,
  data: object,
  assets: RenderAssets,
  root?: string,
): Promise<ZipEntries> {
  const entries = readWordTemplate(file, label, root);
  const zip = new PizZip();
  for (const [name, bytes] of entries) zip.file(name, bytes, { binary: true });
  let filled: ZipEntries;
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      parser: strictParser as never,
      nullGetter: () => "",
      errorLogging: false,
    });
    doc.render(data);
    const out = doc.getZip();
    filled = new Map();
    for (const name of Object.keys(out.files)) {
      const f = out.files[name];
      if (!f.dir) filled.set(name, f.asUint8Array());
    }
  } catch (error) {
    throw translate(error, label);
  }
  placePictures(
    filled,
    {
      ...assets.images,
      logo: assets.letterheads.puskesmas.logo,
      logo_dinas: assets.letterheads.dinas.logo,
    },
    label,
  );
  if (assets.draft) markDraft(filled);
  return filled;
}
