// Turning blocks into a DOCX with the `docx` library: page size and margins from lokmin.yaml
// (A4 or F4), the workspace font, tables with explicit DXA column widths and fixed layout (so
// LibreOffice and Word agree), borderless signature tables whose rows never split, and the
// letterhead (kop) with logo and a double rule.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  type IBorderOptions,
  ImageRun,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Workspace } from "../domain/schema.js";
import type { Align, Block, Run } from "./blocks.js";

const TWIPS_PER_CM = 566.929;
const PAGE = { A4: { width: 11906, height: 16838 }, F4: { width: 12189, height: 18709 } } as const;

export interface Logo {
  type: "png" | "jpg";
  data: Uint8Array;
  width: number;
  height: number;
}

export interface DocxOptions {
  config: Workspace;
  logo?: Logo;
  title: string;
  /** Named PNG images the `::grafik NAME` block places (e.g. the trend chart). */
  images?: Record<string, { png: Uint8Array; width: number; height: number }>;
  /** Landscape pages (the year's wide tables: the POA, the task matrix). */
  landscape?: boolean;
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function runs(list: Run[], extra: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  return list.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold || extra.bold,
        underline: r.underline ? {} : undefined,
        break: r.break ? 1 : undefined,
        size: extra.size,
      }),
  );
}

/** Content width in twips for the configured paper and margins (the long side when landscape). */
export function contentWidth(config: Workspace, landscape = false): number {
  const page = PAGE[config.kertas.ukuran];
  const across = landscape ? page.height : page.width;
  return Math.round(across - (config.kertas.margin_cm.kiri + config.kertas.margin_cm.kanan) * TWIPS_PER_CM);
}

/** Percentages → whole twips that add up exactly to `total`. */
export function columnTwips(percentages: number[], total: number): number[] {
  const sum = percentages.reduce((a, b) => a + b, 0) || 1;
  const widths = percentages.map((p) => Math.floor((p / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(widths: number[], rows: TableRow[], borders: boolean): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: borders ? BORDERS : NO_BORDERS,
  });
}

function cell(
  children: Paragraph[],
  width: number,
  options: { span?: number; borders?: boolean; shade?: boolean } = {},
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span && options.span > 1 ? options.span : undefined,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.shade ? { fill: "E7E6E6", color: "auto", type: "clear" } : undefined,
    ...(options.borders === false ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
  });
}

function letterhead(
  config: Workspace,
  width: number,
  logo: Logo | undefined,
  of: "puskesmas" | "dinas",
): Array<Paragraph | Table> {
  const p = config.puskesmas;
  const dinas = [
    { text: `PEMERINTAH ${p.kabupaten_kota.toUpperCase()}`, size: 26, bold: true },
    { text: config.dinas_kesehatan.nama.toUpperCase(), size: 30, bold: true },
    { text: config.dinas_kesehatan.alamat ?? "", size: 20 },
  ];
  const lines =
    of === "dinas"
      ? dinas.filter((l) => l.text)
      : [
          { text: `PEMERINTAH ${p.kabupaten_kota.toUpperCase()}`, size: 26, bold: true },
          { text: config.dinas_kesehatan.nama.toUpperCase(), size: 26, bold: true },
          { text: p.nama.toUpperCase(), size: 30, bold: true },
          {
            text: [p.alamat, p.kelurahan && `Kel. ${p.kelurahan}`, `Kec. ${p.kecamatan}`, p.kode_pos]
              .filter(Boolean)
              .join(", "),
            size: 20,
          },
          {
            text: [p.telepon && `Telp. ${p.telepon}`, p.email && `Email: ${p.email}`, p.laman]
              .filter(Boolean)
              .join("  ·  "),
            size: 20,
          },
        ].filter((l) => l.text);
  const text = lines.map(
    (l) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [new TextRun({ text: l.text, bold: l.bold, size: l.size })],
      }),
  );
  const widths = columnTwips([17, 83], width);
  const logoCell = logo
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: logo.type,
              data: logo.data,
              transformation: { width: 80, height: Math.round((80 * logo.height) / logo.width) },
              altText: { id: "1", name: "logo", description: "Logo Puskesmas", title: "Logo" },
            }),
          ],
        }),
      ]
    : [new Paragraph("")];
  const head = table(
    widths,
    [
      new TableRow({
        cantSplit: true,
        children: [cell(logoCell, widths[0], { borders: false }), cell(text, widths[1], { borders: false })],
      }),
    ],
    false,
  );
  const rule = new Paragraph({
    border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 18, color: "000000", space: 1 } },
    spacing: { after: 240 },
    children: [],
  });
  return [head, rule];
}

function signatures(signers: Extract<Block, { kind: "signatures" }>["signers"], width: number): Table {
  const perRow = signers.length === 1 ? 1 : 2;
  const widths = perRow === 1 ? columnTwips([45, 55], width) : columnTwips([50, 50], width);
  const rows: TableRow[] = [];
  for (let i = 0; i < signers.length; i += perRow) {
    const slot = (signer: (typeof signers)[number], w: number) =>
      cell(
        signer
          ? [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: i === 0 ? 0 : 360 },
                children: runs(signer.title),
              }),
              new Paragraph(""),
              new Paragraph(""),
              new Paragraph(""),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: signer.name, bold: true, underline: {} })],
              }),
              ...(signer.nip
                ? [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [new TextRun({ text: `NIP. ${signer.nip}` })],
                    }),
                  ]
                : []),
            ]
          : [new Paragraph("")],
        w,
        { borders: false },
      );
    const children =
      perRow === 1
        ? [cell([new Paragraph("")], widths[0], { borders: false }), slot(signers[i], widths[1])]
        : [slot(signers[i], widths[0]), slot(signers[i + 1] ?? null, widths[1])];
    rows.push(new TableRow({ cantSplit: true, children }));
  }
  return table(widths, rows, false);
}

export function blocksToDocument(blocks: Block[], options: DocxOptions): Document {
  const { config } = options;
  const width = contentWidth(config, options.landscape);
  const children: Array<Paragraph | Table> = [];
  // Drawing ids are numbered per document (1 is the logo) so the same data renders the same XML.
  let imageId = 1;
  for (const block of blocks) {
    switch (block.kind) {
      case "letterhead":
        children.push(...letterhead(config, width, block.of === "puskesmas" ? options.logo : undefined, block.of));
        break;
      case "heading":
        children.push(
          new Paragraph({
            alignment: block.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { before: block.level === 1 ? 120 : 200, after: 120 },
            keepNext: true,
            children: runs(block.runs, {
              bold: true,
              size: block.level === 1 ? (config.kertas.ukuran_font + 2) * 2 : undefined,
            }),
          }),
        );
        break;
      case "paragraph":
        children.push(
          new Paragraph({
            alignment: ALIGN[block.align],
            indent: block.indent ? { left: 720 } : undefined,
            spacing: { after: 80 },
            children: runs(block.runs),
          }),
        );
        break;
      case "list":
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : "•";
          children.push(
            new Paragraph({
              indent: { left: 567, hanging: 397 },
              spacing: { after: 40 },
              children: [new TextRun(`${marker}\t`), ...runs(item)],
              tabStops: [{ type: "left", position: 567 }],
            }),
          );
        });
        break;
      case "table": {
        const widths = columnTwips(block.widths, width);
        const size = block.small ? (config.kertas.ukuran_font - 2) * 2 : undefined;
        const rows = block.rows.map((cells, rowIndex) => {
          let column = 0;
          const isHeader = block.header && rowIndex === 0;
          const tableCells = cells.map((c) => {
            const w = widths.slice(column, column + c.span).reduce((a, b) => a + b, 0);
            column += c.span;
            return cell(
              [
                new Paragraph({
                  alignment: isHeader ? AlignmentType.CENTER : c.align ? ALIGN[c.align] : AlignmentType.LEFT,
                  children: runs(c.runs, { bold: isHeader, size }),
                }),
              ],
              w,
              { span: c.span, shade: isHeader, borders: block.borders },
            );
          });
          return new TableRow({
            children: tableCells,
            tableHeader: isHeader,
            cantSplit: true,
            ...(block.rowHeight && !isHeader ? { height: { value: block.rowHeight, rule: HeightRule.ATLEAST } } : {}),
          });
        });
        children.push(table(widths, rows, block.borders));
        children.push(new Paragraph({ spacing: { after: 80 }, children: [] }));
        break;
      }
      case "signatures":
        children.push(signatures(block.signers, width));
        break;
      case "image": {
        const image = options.images?.[block.name];
        if (!image) break;
        imageId++;
        const widthPx = Math.round((width / 1440) * 96);
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: false,
            children: [
              new ImageRun({
                type: "png",
                data: image.png,
                transformation: { width: widthPx, height: Math.round((widthPx * image.height) / image.width) },
                altText: {
                  id: String(imageId),
                  name: block.name,
                  description: `Grafik ${block.name}`,
                  title: block.name,
                },
              }),
            ],
          }),
        );
        break;
      }
      case "spacer":
        for (let i = 0; i < block.lines; i++) children.push(new Paragraph(""));
        break;
      case "pagebreak":
        children.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  }
  const page = PAGE[config.kertas.ukuran];
  const m = config.kertas.margin_cm;
  return new Document({
    title: options.title,
    creator: "lokmin",
    styles: { default: { document: { run: { font: config.kertas.font, size: config.kertas.ukuran_font * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: page.width,
              height: page.height,
              ...(options.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
            },
            margin: {
              top: Math.round(m.atas * TWIPS_PER_CM),
              right: Math.round(m.kanan * TWIPS_PER_CM),
              bottom: Math.round(m.bawah * TWIPS_PER_CM),
              left: Math.round(m.kiri * TWIPS_PER_CM),
            },
          },
        },
        children,
      },
    ],
  });
}

export const packDocument = (doc: Document) => Packer.toBuffer(doc);

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
