// The block language templates produce: a small line-based vocabulary (headings, paragraphs,
// lists, tables, field tables, letterhead, signature blocks, spacing, page breaks, landscape
// sections) parsed into typed blocks that the DOCX writer (docx.ts) turns into WordprocessingML.
// Documented in templates/README.md. Every number a template writes (column proportions and count,
// spans, row height, spacing) is bounded to what Word accepts; a picture's name is one of the
// pictures lokmin makes, looked up as an own name only.
import { msg, t } from "../i18n/index.js";

export interface Run {
  text: string;
  bold?: boolean;
  underline?: boolean;
  /** A line break before this run. */
  break?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

export interface Cell {
  runs: Run[];
  span: number;
  align?: Align;
}

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: Run[] }
  | { kind: "paragraph"; runs: Run[]; align: Align; indent: boolean }
  | { kind: "list"; ordered: boolean; items: Run[][] }
  | {
      kind: "table";
      /** Relative column widths; the writer then sizes them from the content. */
      widths: number[];
      header: boolean;
      borders: boolean;
      small: boolean;
      /** Smaller still (a one-page form). */
      mini?: boolean;
      rowHeight?: number;
      rows: Cell[][];
    }
  | { kind: "letterhead"; of: "puskesmas" | "dinas" }
  | {
      kind: "signatures";
      place: "pair" | "right" | "center";
      compact?: boolean;
      signers: Array<Signer | null>;
      /** "Mengetahui," and the one who acknowledges, centred under the signers and kept with the last of them. */
      acknowledged?: { runs: Run[]; signer: Signer };
    }
  | { kind: "image"; name: string }
  | { kind: "spacer"; lines: number }
  | { kind: "pagebreak" }
  | { kind: "section"; landscape: boolean };

export interface Signer {
  title: Run[];
  name: string;
  nip: string;
  pangkat: string;
}

export class BlockSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Split on unescaped '|' and unescape. */
export function splitCells(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && i + 1 < line.length) {
      current += ch + line[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(current.trim());
      current = "";
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}

/** Inline markup: **bold**, __underline__, escapes \| \n \\. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let underline = false;
  let current = "";
  let pendingBreak = false;
  const flush = () => {
    if (current || pendingBreak)
      runs.push({
        text: current,
        ...(bold ? { bold } : {}),
        ...(underline ? { underline } : {}),
        ...(pendingBreak ? { break: true } : {}),
      });
    current = "";
    pendingBreak = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\" && i + 1 < text.length) {
      const next = text[i + 1];
      i++;
      if (next === "n") {
        flush();
        pendingBreak = true;
      } else current += next;
    } else if (text.startsWith("**", i)) {
      flush();
      bold = !bold;
      i++;
    } else if (text.startsWith("__", i)) {
      flush();
      underline = !underline;
      i++;
    } else current += ch;
  }
  flush();
  return runs.length ? runs : [{ text: "" }];
}

const M = {
  widths: msg(
    "lebar kolom harus angka bulat dipisah koma, mis. 10,40,50, atau auto (tertulis: {spec})",
    "column widths must be whole numbers separated by commas, e.g. 10,40,50, or auto (written: {spec})",
  ),
  empty: msg("kosong", "empty"),
  columns: msg(
    "tabel punya {count} kolom; Word menerima paling banyak {max}",
    "the table has {count} columns; Word accepts at most {max}",
  ),
  proportion: msg(
    "lebar kolom {value} di luar batas: tiap lebar 0–{max} (perbandingan, bukan ukuran), jumlahnya lebih dari 0",
    "column width {value} out of range: each width 0–{max} (proportions, not sizes), adding up to more than 0",
  ),
  height: msg(
    "tinggi={value} di luar batas: tinggi baris dalam twip, 1–{max} (Word menerima paling tinggi 22 inci)",
    "tinggi={value} out of range: the row height in twips, 1–{max} (Word accepts at most 22 inches)",
  ),
  spacer: msg(
    "::spasi {value}: jumlah baris harus angka bulat 1–{max}",
    "::spasi {value}: the number of lines must be a whole number 1–{max}",
  ),
  span: msg(
    "sel '^{value}' menggabungkan {value} kolom; harus 1 sampai jumlah kolom tabel ({max})",
    "cell '^{value}' spans {value} columns; it must be 1 to the table's number of columns ({max})",
  ),
  cells: msg(
    "baris tabel punya {used} sel tetapi tabel hanya {columns} kolom",
    "the table row has {used} cells but the table has only {columns} columns",
  ),
  unknown: msg(
    "perintah blok '::{name}' tidak dikenal (tersedia: {list})",
    "unknown block '::{name}' (available: {list})",
  ),
  unclosed: msg("blok '::{name}' tidak ditutup dengan ::akhir", "block '::{name}' is not closed with ::akhir"),
  stray: msg("::akhir tanpa blok yang dibuka", "::akhir with no open block"),
  picture: msg(
    "::grafik '{name}': gambar tidak dikenal; yang tersedia: {list}",
    "::grafik '{name}': unknown picture; available: {list}",
  ),
};

/** Word's limits: 63 columns in a table, a row at most 22 inches (31680 twips) high. */
export const LIMITS = { columns: 63, proportion: 1000, rowHeight: 31680, spacer: 20 } as const;

/**
 * The pictures lokmin makes, which `::grafik` (and a Word template's alt text `{%name}`) may name:
 * the trend chart, the month's and the quarterly meeting's stakeholder maps, a problem's fishbone.
 */
export const PICTURE_NAME = /^(tren|stakeholder|tribulanan_stakeholder|fishbone[1-9]\d{0,3})$/;
export const PICTURE_LIST = "tren, stakeholder, tribulanan_stakeholder, fishbone1, fishbone2 …";

function parseWidths(spec: string | undefined, line: number): number[] {
  const auto = spec === undefined ? null : /^auto(?:=(\d{1,9}))?$/.exec(spec);
  if (auto) {
    const count = Number(auto[1] ?? 0);
    if (count > LIMITS.columns) throw new BlockSyntaxError(line, t(M.columns, { count, max: LIMITS.columns }));
    return new Array<number>(count).fill(1);
  }
  if (!spec || !/^\d+(,\d+)*$/.test(spec)) throw new BlockSyntaxError(line, t(M.widths, { spec: spec ?? t(M.empty) }));
  const widths = spec.split(",").map(Number);
  if (widths.length > LIMITS.columns)
    throw new BlockSyntaxError(line, t(M.columns, { count: widths.length, max: LIMITS.columns }));
  const wrong = spec.split(",").find((w) => Number(w) > LIMITS.proportion);
  if (wrong !== undefined || widths.every((w) => w === 0))
    throw new BlockSyntaxError(line, t(M.proportion, { value: wrong ?? spec, max: LIMITS.proportion }));
  return widths;
}

/** A whole number `name=N` (or the bare argument of ::spasi) within 1..max, else a message naming it. */
function bounded(text: string, max: number, message: typeof M.height, line: number): number {
  const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= max)) throw new BlockSyntaxError(line, t(message, { value: text, max }));
  return value;
}

const DIRECTIVES = [
  "kop",
  "tengah",
  "kanan",
  "kiri",
  "spasi",
  "halaman-baru",
  "lanskap",
  "potret",
  "daftar",
  "tabel",
  "isian",
  "ttd",
  "grafik",
  "akhir",
];

export interface ParseOptions {
  /** A starting Word template: `::grafik {fishbone}` names its picture by a placeholder. */
  placeholders?: boolean;
}

export function parseBlocks(source: string, options: ParseOptions = {}): Block[] {
  const lines = source.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    const line = raw.trim();
    if (line === "") continue;
    if (line.startsWith("::")) {
      const [name, ...args] = line.slice(2).split(/\s+/);
      const rest = line.slice(2 + name.length).trim();
      if (!DIRECTIVES.includes(name))
        throw new BlockSyntaxError(lineNo, t(M.unknown, { name, list: DIRECTIVES.map((d) => `::${d}`).join(", ") }));
      const body = () => {
        const collected: Array<{ text: string; line: number }> = [];
        for (i++; i < lines.length; i++) {
          const inner = lines[i].trim();
          if (inner === "::akhir") return collected;
          if (inner !== "" && inner !== "---") collected.push({ text: inner, line: i + 1 });
        }
        throw new BlockSyntaxError(lineNo, t(M.unclosed, { name }));
      };
      switch (name) {
        case "kop":
          blocks.push({ kind: "letterhead", of: args[0] === "dinas" ? "dinas" : "puskesmas" });
          break;
        case "tengah":
        case "kanan":
        case "kiri":
          blocks.push({
            kind: "paragraph",
            runs: parseInline(rest),
            align: name === "tengah" ? "center" : name === "kanan" ? "right" : "left",
            indent: false,
          });
          break;
        case "spasi":
          blocks.push({ kind: "spacer", lines: bounded(args[0] ?? "1", LIMITS.spacer, M.spacer, lineNo) });
          break;
        case "grafik": {
          // The name may come from the data (a picture's name), escaped like any data.
          const picture = (args[0] ?? "tren").replace(/\\(.)/g, "$1");
          const placeholder = options.placeholders && /^\{[\w.]+\}$/.test(picture);
          if (!placeholder && !PICTURE_NAME.test(picture))
            throw new BlockSyntaxError(lineNo, t(M.picture, { name: picture, list: PICTURE_LIST }));
          blocks.push({ kind: "image", name: picture });
          break;
        }
        case "halaman-baru":
          blocks.push({ kind: "pagebreak" });
          break;
        case "lanskap":
        case "potret":
          blocks.push({ kind: "section", landscape: name === "lanskap" });
          break;
        case "daftar":
          blocks.push({
            kind: "list",
            ordered: args[0] !== "titik",
            items: body().map((l) => parseInline(l.text.replace(/^[-*]\s+/, ""))),
          });
          break;
        case "tabel":
        case "isian": {
          let widths = parseWidths(args[0], lineNo);
          const lines = body();
          if (widths.length === 0) {
            const columns = Math.max(1, ...lines.map((l) => splitCells(l.text).length));
            widths = new Array<number>(columns).fill(1);
          }
          const rows = lines.map(({ text, line: at }) => {
            const cells = splitCells(text).map((cell): Cell => {
              const span = /^\^(\d+)(\s|$)/.exec(cell);
              if (span && !(Number(span[1]) >= 1 && Number(span[1]) <= widths.length))
                throw new BlockSyntaxError(at, t(M.span, { value: span[1], max: widths.length }));
              const content = span ? cell.slice(span[0].length) : cell;
              const marker = /^([>^])(\s|$)/.exec(content);
              const align: Align | undefined = marker ? (marker[1] === ">" ? "right" : "center") : undefined;
              return {
                runs: parseInline(marker ? content.slice(marker[0].length) : content),
                span: span ? Number(span[1]) : 1,
                ...(align ? { align } : {}),
              };
            });
            const used = cells.reduce((sum, c) => sum + c.span, 0);
            if (used > widths.length) throw new BlockSyntaxError(at, t(M.cells, { used, columns: widths.length }));
            while (cells.reduce((sum, c) => sum + c.span, 0) < widths.length)
              cells.push({ runs: [{ text: "" }], span: 1 });
            return cells;
          });
          const height = args.find((a) => a.startsWith("tinggi="));
          blocks.push({
            kind: "table",
            widths,
            header: name === "tabel" && args.includes("kepala"),
            borders: name === "tabel" && !args.includes("tanpa-garis"),
            small: args.includes("kecil") || args.includes("mini"),
            ...(args.includes("mini") ? { mini: true } : {}),
            ...(height ? { rowHeight: bounded(height.slice(7), LIMITS.rowHeight, M.height, lineNo) } : {}),
            rows,
          });
          break;
        }
        case "ttd": {
          const plain = (cell: string) =>
            parseInline(cell)
              .map((r) => r.text)
              .join("");
          const signers = body().map(({ text }) => {
            if (text === "-") return null;
            const [title, name = "", nip = "", pangkat = ""] = splitCells(text);
            return { title: parseInline(title), name: plain(name), nip: plain(nip), pangkat: plain(pangkat) };
          });
          const place = args[0] === "tengah" ? "center" : signers.length === 1 ? "right" : "pair";
          blocks.push({ kind: "signatures", place, signers, ...(args.includes("ringkas") ? { compact: true } : {}) });
          break;
        }
        case "akhir":
          throw new BlockSyntaxError(lineNo, t(M.stray));
      }
      continue;
    }
    if (line.startsWith("### ")) blocks.push({ kind: "heading", level: 3, runs: parseInline(line.slice(4)) });
    else if (line.startsWith("## ")) blocks.push({ kind: "heading", level: 2, runs: parseInline(line.slice(3)) });
    else if (line.startsWith("# ")) blocks.push({ kind: "heading", level: 1, runs: parseInline(line.slice(2)) });
    else if (line.startsWith("> "))
      blocks.push({ kind: "paragraph", runs: parseInline(line.slice(2)), align: "justify", indent: true });
    else blocks.push({ kind: "paragraph", runs: parseInline(line), align: "justify", indent: false });
  }
  return joinAcknowledgements(blocks);
}

/**
 * Signers, then a centred line ("Mengetahui,") and one centred signer: one block, so the one who
 * acknowledges is never left alone on the next page (word processors do not keep a table with the
 * next one).
 */
function joinAcknowledgements(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === "signatures" && block.place === "center" && block.signers.length === 1 && block.signers[0]) {
      // Walk back over spacers to one centred line, then to the signers before it.
      let i = out.length - 1;
      while (i >= 0 && out[i].kind === "spacer") i--;
      const line = out[i];
      let j = i - 1;
      while (j >= 0 && out[j].kind === "spacer") j--;
      const head = out[j];
      if (
        line?.kind === "paragraph" &&
        line.align === "center" &&
        head?.kind === "signatures" &&
        head.place !== "center" &&
        !head.acknowledged
      ) {
        out.splice(j + 1);
        head.acknowledged = { runs: line.runs, signer: block.signers[0] };
        continue;
      }
    }
    out.push(block);
  }
  return out;
}
