// Blocks → a DOCX package, written as WordprocessingML directly (no document-model library: the
// XML is small, predictable and fast to produce). The package is a good Word citizen: Indonesian
// proofing language (w:lang id-ID), real heading styles (the navigation pane works; sections are
// lettered by Word's own numbering, so an empty section leaves no gap), real numbered lists,
// spacing by paragraph properties, "Halaman x dari y" in the footer, document properties (title,
// Puskesmas), A4 or F4 paper with the workspace's margins and font, landscape sections, tables
// whose columns are sized from their content with repeated header rows and rows that never split,
// signature blocks after Permendagri 1/2023, and an optional "DRAF" mark on every page.
import type { Workspace } from "../domain/schema.js";
import type { Align, Block, Cell, Run, Signer } from "./blocks.js";
import { fontScale, lineCount, sizeColumns, textWidth } from "./measure.js";
import { xml, type ZipEntries } from "./zip.js";

const TWIPS_PER_CM = 566.929;
const EMU_PER_TWIP = 635;
export const PAGE = { A4: { width: 11906, height: 16838 }, F4: { width: 12189, height: 18709 } } as const;

export interface Logo {
  type: "png" | "jpg";
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Picture {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface Letterhead {
  lines: Array<{ text: string; size: number; bold?: boolean }>;
  logo?: Logo;
}

export interface DocxOptions {
  config: Workspace;
  /** Letterheads by name (`::kop` is "puskesmas", `::kop dinas` is "dinas"). */
  letterheads: Record<"puskesmas" | "dinas", Letterhead>;
  /** Document title, for the properties and the footer. */
  title: string;
  /** Who the document belongs to (the Puskesmas), for the properties. */
  owner: string;
  /** Named PNG images the `::grafik NAME` block places (e.g. the trend chart). */
  images?: Record<string, Picture>;
  /** A month that fails `lokmin check`: every page carries a "DRAF" mark. */
  draft?: boolean;
  /** For a starting Word template: pictures carry {%name} as alt text, where lokmin puts the real one. */
  pictureAltText?: boolean;
}

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const JC: Record<Align, string> = { left: "left", center: "center", right: "right", justify: "both" };

interface Para {
  style?: string;
  align?: Align;
  keepNext?: boolean;
  before?: number;
  after?: number;
  indent?: { left: number; hanging?: number };
  numId?: number;
  border?: string;
  sectPr?: string;
  /** Font size (half-points) of the paragraph mark: sets the height of an empty paragraph. */
  markSize?: number;
  content: string;
}

const paraXml = (p: Para) => {
  const props = [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : "",
    p.keepNext ? "<w:keepNext/>" : "",
    p.numId !== undefined ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${p.numId}"/></w:numPr>` : "",
    p.border ?? "",
    p.before !== undefined || p.after !== undefined
      ? `<w:spacing${p.before !== undefined ? ` w:before="${Math.round(p.before)}"` : ""}${
          p.after !== undefined ? ` w:after="${Math.round(p.after)}"` : ""
        }/>`
      : "",
    p.indent ? `<w:ind w:left="${p.indent.left}"${p.indent.hanging ? ` w:hanging="${p.indent.hanging}"` : ""}/>` : "",
    p.align ? `<w:jc w:val="${JC[p.align]}"/>` : "",
    p.markSize ? `<w:rPr><w:sz w:val="${p.markSize}"/><w:szCs w:val="${p.markSize}"/></w:rPr>` : "",
    p.sectPr ?? "",
  ].join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${p.content}</w:p>`;
};

interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
}

function runXml(text: string, style: RunStyle = {}, breakBefore = false): string {
  const props = [
    style.bold ? "<w:b/><w:bCs/>" : "",
    style.color ? `<w:color w:val="${style.color}"/>` : "",
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : "",
    style.underline ? '<w:u w:val="single"/>' : "",
  ].join("");
  const parts = text.split("\t");
  const body = parts
    .map((part, i) => `${i > 0 ? "<w:tab/>" : ""}${part ? `<w:t xml:space="preserve">${xml(part)}</w:t>` : ""}`)
    .join("");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${breakBefore ? "<w:br/>" : ""}${body}</w:r>`;
}

const runsXml = (runs: Run[], extra: RunStyle = {}) =>
  runs
    .map((r) =>
      runXml(r.text, { ...extra, bold: r.bold || extra.bold, underline: r.underline || extra.underline }, r.break),
    )
    .join("");

const plainText = (runs: Run[]) => runs.map((r) => (r.break ? "\n" : "") + r.text).join("");

const NONE = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>';
const LINES =
  '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
  '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>';

const NO_LINES = `${NONE}<w:insideH w:val="nil"/><w:insideV w:val="nil"/>`;

function tableXml(
  widths: number[],
  rows: string[],
  options: { borders: boolean; center?: boolean; tight?: boolean },
): string {
  const v = options.tight ? 15 : 40;
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/>${options.center ? '<w:jc w:val="center"/>' : ""}` +
    `<w:tblBorders>${options.borders ? LINES : NO_LINES}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="${v}" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>` +
    `<w:bottom w:w="${v}" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" ' +
    'w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>${rows.join("")}</w:tbl>`
  );
}

function cellXml(
  paragraphs: string,
  width: number,
  options: { span?: number; shade?: boolean; noBorders?: boolean; top?: boolean } = {},
): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
    (options.span && options.span > 1 ? `<w:gridSpan w:val="${options.span}"/>` : "") +
    (options.noBorders ? `<w:tcBorders>${NONE}</w:tcBorders>` : "") +
    (options.shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : "") +
    `<w:vAlign w:val="${options.top ? "top" : "center"}"/></w:tcPr>${paragraphs || "<w:p/>"}</w:tc>`
  );
}

const rowXml = (cells: string, options: { header?: boolean; height?: number; cantSplit?: boolean } = {}) =>
  `<w:tr><w:trPr>${options.cantSplit === false ? "" : "<w:cantSplit/>"}` +
  `${options.height ? `<w:trHeight w:val="${options.height}" w:hRule="atLeast"/>` : ""}` +
  `${options.header ? "<w:tblHeader/>" : ""}</w:trPr>${cells}</w:tr>`;

/** Content width in twips for the configured paper and margins (portrait or landscape). */
export function contentWidth(config: Workspace, landscape = false): number {
  const page = PAGE[config.kertas.ukuran];
  const width = landscape ? page.height : page.width;
  return Math.round(width - (config.kertas.margin_cm.kiri + config.kertas.margin_cm.kanan) * TWIPS_PER_CM);
}

/** Percentages → whole twips that add up exactly to `total`. */
export function columnTwips(percentages: number[], total: number): number[] {
  const sum = percentages.reduce((a, b) => a + b, 0) || 1;
  const widths = percentages.map((p) => Math.floor((p / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

interface Media {
  name: string;
  data: Uint8Array;
  rel: string;
}

/** Everything the document part needs to know while it is being written. */
class Writer {
  body: Array<Para | { table: string; signatures?: boolean }> = [];
  media: Media[] = [];
  numbering: number[] = [];
  drawingId = 0;
  pendingBefore = 0;
  readonly fontSize: number;
  readonly scale: number;

  constructor(readonly options: DocxOptions) {
    this.fontSize = options.config.kertas.ukuran_font;
    this.scale = fontScale(options.config.kertas.font);
  }

  para(p: Para) {
    if (this.pendingBefore) {
      p.before = (p.before ?? 0) + this.pendingBefore;
      this.pendingBefore = 0;
    }
    this.body.push(p);
  }

  table(xmlText: string) {
    const last = this.body[this.body.length - 1];
    // Word merges adjacent tables: a hairline paragraph keeps them apart.
    // So does a section that starts with a table (LibreOffice then loses the new page size).
    if (last && ("table" in last || last.sectPr)) this.body.push({ content: "", after: 0, markSize: 2 });
    if (this.pendingBefore) {
      const prev = this.body[this.body.length - 1];
      if (prev && !("table" in prev)) prev.after = (prev.after ?? 0) + this.pendingBefore;
      this.pendingBefore = 0;
    }
    if (last && !("table" in last)) last.keepNext = true; // an introduction stays with its table
    this.body.push({ table: xmlText });
    this.pendingBefore = 120;
  }

  /** A fresh numbering instance for an ordered list, so each list starts at 1. */
  newList(): number {
    const id = 10 + this.numbering.length;
    this.numbering.push(id);
    return id;
  }

  image(data: Uint8Array, ext: "png" | "jpeg", widthTw: number, heightTw: number, name: string, descr: string) {
    const rel = `rIdImg${this.media.length + 1}`;
    const file = `image${this.media.length + 1}.${ext}`;
    this.media.push({ name: file, data, rel });
    const id = ++this.drawingId;
    const cx = Math.round(widthTw * EMU_PER_TWIP);
    const cy = Math.round(heightTw * EMU_PER_TWIP);
    return (
      `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
      `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${id}" name="${xml(name)}" descr="${xml(descr)}"/>` +
      '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
      '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
      `<pic:nvPicPr><pic:cNvPr id="${id}" name="${file}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
      '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>' +
      "</wp:inline></w:drawing></w:r>"
    );
  }
}

function letterhead(w: Writer, head: Letterhead, width: number) {
  const lines = head.lines
    .filter((l) => l.text)
    .map((l) => paraXml({ align: "center", content: runXml(l.text, { bold: l.bold, size: l.size }) }))
    .join("");
  const widths = columnTwips([17, 83], width);
  let logo = "";
  if (head.logo) {
    const maxH = 1.0 * TWIPS_PER_CM * 2.4;
    const maxW = widths[0] - 200;
    const ratio = head.logo.width / head.logo.height;
    const h = Math.min(maxH, maxW / ratio);
    logo = paraXml({
      align: "center",
      content: w.image(head.logo.data, head.logo.type === "jpg" ? "jpeg" : "png", h * ratio, h, "logo", "Logo"),
    });
  }
  w.body.push({
    table: tableXml(
      widths,
      [rowXml(cellXml(logo, widths[0], { noBorders: true }) + cellXml(lines, widths[1], { noBorders: true }))],
      { borders: false },
    ),
  });
  w.body.push({
    content: "",
    after: 240,
    border: '<w:pBdr><w:bottom w:val="thickThinSmallGap" w:sz="18" w:space="1" w:color="000000"/></w:pBdr>',
  });
}

const DOTS = "........................................";

/**
 * "NIP. 1978…", dots to fill in by hand, or in a starting Word template "{#nip}NIP. {nip}{/nip}" (then
 * the loop's closing tag, when the signer ends one): the label only when the signer has a NIP, as in the
 * built-in document.
 */
function nipLine(nip: string) {
  const placeholder = /^\{([A-Za-z_][\w.]*)\}((?:\{\/[\w.]+\})*)$/.exec(nip);
  if (placeholder) {
    const [, field, closing] = placeholder;
    return `{#${field}}NIP. {${field}}{/${field}}${closing}`;
  }
  return `NIP. ${nip || DOTS.slice(0, 28)}`;
}

/** Room for the signature and the stamp between the title and the name. */
const SIGN_ROOM = 1150;

function signerParagraphs(signer: Signer, titleLines: number, first: boolean, room = SIGN_ROOM, nameGap = 0): string {
  const lines = plainText(signer.title).split("\n").length;
  const pad: Run[] = Array.from({ length: titleLines - lines }, (_, i) => ({ text: "", break: i > 0 }));
  const title: Run[] = pad.length
    ? [...pad, { ...signer.title[0], break: true }, ...signer.title.slice(1)]
    : signer.title;
  return [
    paraXml({ align: "center", before: first ? 0 : 360, keepNext: true, content: runsXml(title) }),
    paraXml({
      align: "center",
      before: room,
      keepNext: true,
      // A signer not named in the data is a form to fill in by hand: dotted name and NIP.
      content:
        signer.name && !/^\.+$/.test(signer.name)
          ? runXml(signer.name, { bold: true, underline: true })
          : runXml(signer.name || DOTS),
    }),
    // A shorter name is followed by the room a longer one takes beside it, so rank and NIP line up.
    signer.pangkat
      ? paraXml({ align: "center", keepNext: true, before: nameGap, content: runXml(signer.pangkat) })
      : "",
    signer.nip || !signer.name
      ? paraXml({
          align: "center",
          before: signer.pangkat ? 0 : nameGap,
          content: runXml(nipLine(signer.nip)),
        })
      : "",
  ].join("");
}

function signatures(w: Writer, block: Extract<Block, { kind: "signatures" }>, width: number) {
  // Never a signature alone on a page: what comes just before it moves along.
  const keepLastRow = (item: { table: string }) => {
    const rowStart = item.table.lastIndexOf("<w:tr>");
    item.table = item.table.slice(0, rowStart) + item.table.slice(rowStart).replace(/<w:pPr>/g, "<w:pPr><w:keepNext/>");
  };
  // The lines just before it go along ("Yang bersepakat,", the place and date, a closing sentence, "Mengetahui,"
  // between two signature blocks), up to the last row of the table it signs: a block is kept with what it signs.
  for (let i = w.body.length - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
    const item = w.body[i];
    if ("table" in item) {
      keepLastRow(item);
      if (!item.signatures) break;
    } else item.keepNext = true;
  }
  const { place } = block;
  // A starting template's loop over signers repeats a table row: docxtemplater needs the loop's
  // opening and closing tags in different cells of that row, so one of them moves to an empty cell
  // (the closing one for signers side by side, the opening one for a signer on the right or centre).
  const loopTags = new Map<Signer, { open: string; close: string }>();
  const signers = block.signers.map((signer) => {
    if (!w.options.pictureAltText || !signer) return signer;
    const open = /^((?:\{[#^][\w.]+\})+)/.exec(signer.title[0]?.text ?? "")?.[1] ?? "";
    const close = /((?:\{\/[\w.]+\})+)$/.exec(signer.nip)?.[1] ?? "";
    if (!open || !close) return signer;
    const moved: Signer =
      place === "pair"
        ? { ...signer, nip: signer.nip.slice(0, -close.length) }
        : {
            ...signer,
            title: [{ ...signer.title[0], text: signer.title[0].text.slice(open.length) }, ...signer.title.slice(1)],
          };
    loopTags.set(moved, { open, close });
    return moved;
  });
  // A signer on the right gets the room its longest title line needs (up to three quarters of the
  // line), so "Kepala Dinas Kesehatan Kabupaten …" does not break before its last word.
  const titleWidth = Math.max(
    0,
    ...signers.flatMap((signer) =>
      signer
        ? plainText(signer.title)
            .split("\n")
            .map((line) => textWidth(line, w.fontSize, false, w.scale))
        : [],
    ),
  );
  const right = Math.round(Math.min(75, Math.max(55, ((titleWidth + 400) / width) * 100)));
  const layout = place === "pair" ? [50, 50] : place === "right" ? [100 - right, right] : [22, 56, 22];
  const widths = columnTwips(layout, width);
  const rows: string[] = [];
  const perRow = place === "pair" ? 2 : 1;
  for (let i = 0; i < signers.length; i += perRow) {
    const group = signers.slice(i, i + perRow);
    const titleLines = Math.max(...group.map((s) => (s ? plainText(s.title).split("\n").length : 1)));
    const slotWidth = place === "pair" ? widths[0] : widths[1];
    const nameLines = (s: Signer | null) =>
      s?.name ? lineCount(s.name, slotWidth - 200, w.fontSize, true, w.scale) : 1;
    const most = Math.max(...group.map(nameLines));
    const lineHeight = w.fontSize * 20 * 1.15;
    const slot = (s: Signer | null, width: number) =>
      cellXml(
        s
          ? signerParagraphs(
              s,
              titleLines,
              i === 0,
              block.compact ? 800 : SIGN_ROOM,
              (most - nameLines(s)) * lineHeight,
            )
          : "",
        width,
        {
          noBorders: true,
          top: true,
        },
      );
    const tags = group[0] ? loopTags.get(group[0]) : undefined;
    const tagCell = (tag: string | undefined, width: number) =>
      cellXml(tag ? paraXml({ content: runXml(tag) }) : "", width, { noBorders: true });
    const cells =
      place === "pair"
        ? slot(group[0], widths[0]) +
          (tags && !group[1] ? tagCell(tags.close, widths[1]) : slot(group[1] ?? null, widths[1]))
        : place === "right"
          ? tagCell(tags?.open, widths[0]) + slot(group[0], widths[1])
          : tagCell(tags?.open, widths[0]) + slot(group[0], widths[1]) + tagCell(undefined, widths[2]);
    const last = i + perRow >= signers.length;
    if (last && block.acknowledged) {
      // The last signers and the acknowledgement share one row that never splits.
      const inner = tableXml(widths, [rowXml(cells)], { borders: false });
      const ack = block.acknowledged;
      const below =
        paraXml({ align: "center", before: 360, keepNext: true, content: runsXml(ack.runs) }) +
        signerParagraphs(ack.signer, plainText(ack.signer.title).split("\n").length, true, SIGN_ROOM);
      const full = widths.reduce((a, b) => a + b, 0);
      rows.push(
        rowXml(
          `<w:tc><w:tcPr><w:tcW w:w="${full}" w:type="dxa"/><w:gridSpan w:val="${widths.length}"/>` +
            `<w:tcBorders>${NONE}</w:tcBorders><w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" ` +
            `w:type="dxa"/></w:tcMar></w:tcPr>${group.length ? inner : ""}${below}</w:tc>`,
        ),
      );
    } else rows.push(rowXml(cells));
  }
  // Rows of signers may go to the next page one by one (each row stays whole); only the last row is
  // held to what follows, so a long list of signers does not push the whole block to a new page.
  for (let r = 0; r < rows.length - 1; r++) rows[r] = rows[r].replace(/<w:keepNext\/>/g, "");
  if (signers.length === 0 && block.acknowledged) {
    const ack = block.acknowledged;
    w.para({ align: "center", keepNext: true, content: runsXml(ack.runs) });
    w.table(
      tableXml(
        columnTwips([22, 56, 22], width),
        [
          rowXml(
            cellXml("", columnTwips([22, 56, 22], width)[0], { noBorders: true }) +
              cellXml(signerParagraphs(ack.signer, 1, true), columnTwips([22, 56, 22], width)[1], {
                noBorders: true,
                top: true,
              }) +
              cellXml("", columnTwips([22, 56, 22], width)[2], { noBorders: true }),
          ),
        ],
        { borders: false },
      ),
    );
    return;
  }
  w.table(tableXml(widths, rows, { borders: false }));
  const added = w.body[w.body.length - 1];
  if ("table" in added) added.signatures = true;
}

function table(w: Writer, block: Extract<Block, { kind: "table" }>, width: number) {
  const size = block.small ? Math.max(8, w.fontSize - (block.mini ? 3 : 2)) : w.fontSize;
  // A starting template keeps the template's proportions (what the data will hold is not known yet);
  // only its fixed words, such as the header's, decide how narrow a column may get.
  const starter = Boolean(w.options.pictureAltText);
  // A field stands for a word as long as "Tuberkulosis" in a text column, "12.345" in a number column.
  // Either branch of {#x}…{/x}{^x}…{/x} prints, never both: fields run together count as one.
  const proxy = (text: string, align?: Align) =>
    starter
      ? text
          .replace(/\{[#^/][^}]*\}/g, "")
          .replace(/(?:\{[^}]*\})+/g, align === "right" || align === "center" ? "000.000" : "xxxxxxxxxxxx")
      : text;
  const measured = block.rows.map((cells, rowIndex) =>
    cells.map((c: Cell) => ({
      text: proxy(plainText(c.runs), c.align),
      bold: (block.header && rowIndex === 0) || c.runs.some((r) => r.bold),
      span: c.span,
    })),
  );
  const widths = sizeColumns(block.widths, measured, width, size, {
    scale: w.scale,
    form: starter || block.rowHeight !== undefined || !block.borders,
    header: block.header,
  });
  const rows = block.rows.map((cells, rowIndex) => {
    let column = 0;
    const isHeader = block.header && rowIndex === 0;
    const xmlCells = cells
      .map((c) => {
        const cw = widths.slice(column, column + c.span).reduce((a, b) => a + b, 0);
        column += c.span;
        const p = paraXml({
          align: isHeader ? "center" : (c.align ?? "left"),
          keepNext: isHeader,
          content: runsXml(c.runs, { bold: isHeader, size: block.small ? size * 2 : undefined }),
        });
        return cellXml(p, cw, { span: c.span, shade: isHeader, noBorders: !block.borders, top: !block.borders });
      })
      .join("");
    return rowXml(xmlCells, { header: isHeader, height: isHeader ? undefined : block.rowHeight });
  });
  w.table(tableXml(widths, rows, { borders: block.borders, tight: block.mini }));
}

function sectionXml(config: Workspace, landscape: boolean, refs: string): string {
  const page = PAGE[config.kertas.ukuran];
  const m = config.kertas.margin_cm;
  const [wid, hei] = landscape ? [page.height, page.width] : [page.width, page.height];
  return (
    `<w:sectPr>${refs}<w:pgSz w:w="${wid}" w:h="${hei}"${landscape ? ' w:orient="landscape"' : ""}/>` +
    `<w:pgMar w:top="${Math.round(m.atas * TWIPS_PER_CM)}" w:right="${Math.round(m.kanan * TWIPS_PER_CM)}" ` +
    `w:bottom="${Math.round(m.bawah * TWIPS_PER_CM)}" w:left="${Math.round(m.kiri * TWIPS_PER_CM)}" ` +
    'w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
  );
}

const field = (code: string, shown: string, size: number) =>
  `<w:r><w:rPr><w:sz w:val="${size}"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r><w:rPr><w:sz w:val="${size}"/></w:rPr><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r>` +
  `<w:r><w:rPr><w:sz w:val="${size}"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>` +
  runXml(shown, { size }) +
  `<w:r><w:rPr><w:sz w:val="${size}"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>`;

function footerXml(title: string, width: number): string {
  const size = 16;
  return (
    `${HEAD}<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="Footer"/>` +
    `<w:tabs><w:tab w:val="right" w:pos="${width}"/></w:tabs></w:pPr>` +
    `${runXml(title, { size, color: "595959" })}${runXml("\t", { size })}` +
    `${runXml("Halaman ", { size })}${field("PAGE", "1", size)}${runXml(" dari ", { size })}` +
    `${field("NUMPAGES", "1", size)}</w:p></w:ftr>`
  );
}

/** The header of a draft: a visible line and Word's own watermark shape (LibreOffice shows it too). */
function draftHeaderXml(): string {
  return (
    `${HEAD}<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>` +
    runXml("DRAF — belum lolos pemeriksaan lokmin check; jangan ditandatangani", {
      bold: true,
      size: 18,
      color: "C00000",
    }) +
    '<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" ' +
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>' +
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>' +
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s1025" type="#_x0000_t136" ' +
    'style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:160pt;rotation:315;z-index:-251657216;' +
    "mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;" +
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#d9d9d9" stroked="f">' +
    '<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="DRAF"/>' +
    "</v:shape></w:pict></w:r></w:p></w:hdr>"
  );
}

function stylesXml(config: Workspace): string {
  const font = xml(config.kertas.font);
  const size = config.kertas.ukuran_font * 2;
  const heading = (id: string, name: string, level: number, extra: string, rpr: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    `<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>${extra}` +
    `<w:outlineLvl w:val="${level}"/></w:pPr><w:rPr><w:b/><w:bCs/>${rpr}</w:rPr></w:style>`;
  return (
    `${HEAD}<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" ` +
    `w:cs="${font}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    '<w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    "</w:docDefaults>" +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    heading(
      "Heading1",
      "heading 1",
      0,
      '<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>',
      `<w:sz w:val="${size + 4}"/><w:szCs w:val="${size + 4}"/>`,
    ) +
    heading(
      "Heading2",
      "heading 2",
      1,
      '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="240" w:after="120"/>' +
        '<w:ind w:left="425" w:hanging="425"/>',
      "",
    ) +
    heading("Heading3", "heading 3", 2, '<w:spacing w:before="160" w:after="60"/>', "") +
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>' +
    '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
    "</w:tblCellMar></w:tblPr></w:style></w:styles>"
  );
}

function numberingXml(lists: number[]): string {
  const level = (fmt: string, text: string, left: number, hanging: number, style = "") =>
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${style}<w:lvlText w:val="${text}"/>` +
    `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${left}" w:hanging="${hanging}"/></w:pPr></w:lvl>`;
  return (
    `${HEAD}<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>' +
    `${level("upperLetter", "%1.", 425, 425, '<w:pStyle w:val="Heading2"/>')}</w:abstractNum>` +
    '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>' +
    `${level("decimal", "%1.", 567, 397)}</w:abstractNum>` +
    '<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="singleLevel"/>' +
    `${level("bullet", "•", 567, 397)}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>' +
    lists
      .map(
        (id) =>
          `<w:num w:numId="${id}"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">` +
          '<w:startOverride w:val="1"/></w:lvlOverride></w:num>',
      )
      .join("") +
    "</w:numbering>"
  );
}

const SETTINGS =
  `${HEAD}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
  '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" ' +
  'w:val="15"/></w:compat><w:themeFontLang w:val="id-ID"/></w:settings>';

/** The properties Word shows under File → Info: title, subject, author (the Puskesmas), language. */
export function corePropsXml(title: string, owner: string): string {
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(title)}</dc:title><dc:subject>Lokakarya Mini Bulanan</dc:subject>` +
    `<dc:creator>${xml(owner)}</dc:creator><cp:keywords>lokmin</cp:keywords><dc:language>id-ID</dc:language>` +
    "</cp:coreProperties>"
  );
}

const appPropsXml = (owner: string) =>
  `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  `<Application>lokmin</Application><Company>${xml(owner)}</Company></Properties>`;

export const CUSTOM_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";

/** The parts of a DOCX package (before the fingerprint is added) for the blocks. */
export function blocksToDocx(blocks: Block[], options: DocxOptions): ZipEntries {
  const { config } = options;
  const w = new Writer(options);
  let landscape = false;
  let width = contentWidth(config);
  const refs = (wide: boolean) =>
    (options.draft ? `<w:headerReference w:type="default" r:id="rIdHeader"/>` : "") +
    `<w:footerReference w:type="default" r:id="${wide ? "rIdFooterWide" : "rIdFooter"}"/>`;
  for (const block of blocks) {
    switch (block.kind) {
      case "letterhead":
        letterhead(w, options.letterheads[block.of], width);
        break;
      case "heading":
        w.para({
          style: `Heading${block.level}`,
          ...(block.level === 2 ? { numId: 1 } : {}),
          content: runsXml(block.runs),
        });
        break;
      case "paragraph":
        w.para({
          align: block.align,
          indent: block.indent ? { left: 720 } : undefined,
          after: 80,
          content: runsXml(block.runs),
        });
        break;
      case "list": {
        const numId = block.ordered ? w.newList() : 2;
        block.items.forEach((item, i) =>
          w.para({
            style: "ListParagraph",
            numId,
            align: "left",
            after: i === block.items.length - 1 ? 120 : 40,
            content: runsXml(item),
          }),
        );
        break;
      }
      case "table":
        table(w, block, width);
        break;
      case "signatures":
        signatures(w, block, width);
        break;
      case "image": {
        // Own names only: a picture called "constructor" is no picture.
        const image =
          options.images && Object.hasOwn(options.images, block.name) ? options.images[block.name] : undefined;
        if (!image) break;
        const page = PAGE[config.kertas.ukuran];
        const m = config.kertas.margin_cm;
        const room = ((landscape ? page.width : page.height) - (m.atas + m.bawah) * TWIPS_PER_CM) * 0.62;
        const height = Math.min(room, (width * image.height) / image.width);
        w.para({
          align: "center",
          after: 120,
          content: w.image(
            image.png,
            "png",
            (height * image.width) / image.height,
            height,
            block.name,
            options.pictureAltText ? `{%${block.name}}` : `Grafik ${block.name}`,
          ),
        });
        break;
      }
      case "spacer":
        w.pendingBefore += block.lines * config.kertas.ukuran_font * 20;
        break;
      case "pagebreak":
        w.body.push({ content: '<w:r><w:br w:type="page"/></w:r>' });
        break;
      case "section": {
        if (block.landscape === landscape) break;
        // The section that ends here keeps its orientation; the next one starts on a new page.
        if (w.body.length) w.body.push({ content: "", sectPr: sectionXml(config, landscape, refs(landscape)) });
        landscape = block.landscape;
        width = contentWidth(config, landscape);
        break;
      }
    }
  }
  const body = w.body.map((item) => ("table" in item ? item.table : paraXml(item))).join("");
  const lastSection = sectionXml(config, landscape, refs(landscape));
  const document = `${HEAD}<w:document ${NS}><w:body>${body}${lastSection}</w:body></w:document>`;
  const entries: ZipEntries = new Map();
  const text = (s: string) => Buffer.from(s, "utf8");
  const mediaRels = w.media
    .map((m) => `<Relationship Id="${m.rel}" Type="${REL}/image" Target="media/${m.name}"/>`)
    .join("");
  entries.set(
    "[Content_Types].xml",
    text(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
        '<Default Extension="jpeg" ContentType="image/jpeg"/>' +
        part("/word/document.xml", "wordprocessingml.document.main") +
        part("/word/styles.xml", "wordprocessingml.styles") +
        part("/word/settings.xml", "wordprocessingml.settings") +
        part("/word/numbering.xml", "wordprocessingml.numbering") +
        part("/word/footer1.xml", "wordprocessingml.footer") +
        part("/word/footer2.xml", "wordprocessingml.footer") +
        (options.draft ? part("/word/header1.xml", "wordprocessingml.header") : "") +
        '<Override PartName="/docProps/core.xml" ' +
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        part("/docProps/app.xml", "extended-properties") +
        `<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_PROPS_TYPE}"/></Types>`,
    ),
  );
  entries.set(
    "_rels/.rels",
    text(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/' +
        'core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
        `<Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    ),
  );
  entries.set("word/document.xml", text(document));
  entries.set(
    "word/_rels/document.xml.rels",
    text(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rIdSettings" Type="${REL}/settings" Target="settings.xml"/>` +
        `<Relationship Id="rIdNumbering" Type="${REL}/numbering" Target="numbering.xml"/>` +
        `<Relationship Id="rIdFooter" Type="${REL}/footer" Target="footer1.xml"/>` +
        `<Relationship Id="rIdFooterWide" Type="${REL}/footer" Target="footer2.xml"/>` +
        (options.draft ? `<Relationship Id="rIdHeader" Type="${REL}/header" Target="header1.xml"/>` : "") +
        `${mediaRels}</Relationships>`,
    ),
  );
  entries.set("word/styles.xml", text(stylesXml(config)));
  entries.set("word/settings.xml", text(SETTINGS));
  entries.set("word/numbering.xml", text(numberingXml(w.numbering)));
  entries.set("word/footer1.xml", text(footerXml(options.title, contentWidth(config))));
  entries.set("word/footer2.xml", text(footerXml(options.title, contentWidth(config, true))));
  if (options.draft) entries.set("word/header1.xml", text(draftHeaderXml()));
  for (const m of w.media) entries.set(`word/media/${m.name}`, m.data);
  entries.set("docProps/core.xml", text(corePropsXml(options.title, options.owner)));
  entries.set("docProps/app.xml", text(appPropsXml(options.owner)));
  return entries;
}

const part = (name: string, type: string) =>
  `<Override PartName="${name}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/>`;

/** Image type and pixel size from the file's own header; null when it is not a PNG or JPEG. */
export function sniffImage(data: Uint8Array): Omit<Logo, "data"> | null {
  if (data.length > 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return null;
      const marker = data[offset + 1];
      const length = view.getUint16(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: "jpg", height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
}
