// How lokmin lays out a sheet and finds its way back in it. Every sheet starts with a title, an
// identification row (Puskesmas, what the sheet is for, month, fingerprint) and a line saying what
// to fill. Column A is hidden and holds a key per row (`i:bumil`, `h:rpk`, `r:rpk`), so reading
// never depends on row numbers: rows a person inserts inside a table belong to it, a deleted row
// is missed by its key, and a sheet from another workbook is known by its identification row.
import { humanRange, msg, t } from "../../i18n/index.js";
import type { Workspace } from "../schema.js";
import { CellReader, parseChoice, parseCount, parseDate, parseScore, parseText } from "./cells.js";
import {
  address,
  type CellSpec,
  type ReadCell,
  type ReadSheet,
  readCell,
  type SheetSpec,
  type Validation,
} from "./workbook.js";

export const KEY_COLUMN = 1;
/** The first visible column (B). */
export const FIRST = 2;
export const IDENTITY_KEY = "lokmin:identitas";
const TITLE_KEY = "lokmin:judul";
const NOTE_KEY = "lokmin:petunjuk";
const SECTION_KEY = "lokmin:bagian";

export type FormKind = "program" | "rapat" | "pilihan" | "dasar";

export interface Identity {
  puskesmas: string;
  kind: FormKind;
  /** Program id, or "rapat" / "pilihan". */
  target: string;
  month: string;
  /** The sheet's part: capaian, kegiatan, analisis, rpk, kehadiran, … */
  section: string;
  fingerprint: string;
}

/** A short stable hash (cyrb53) as 12 hex digits; pure, no crypto needed for an identity check. */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, "0").slice(-12);
}

/** The fingerprint binds a sheet to one Puskesmas (name, kecamatan, kabupaten), target, month and part. */
export function fingerprint(config: Workspace, kind: FormKind, target: string, month: string, section: string) {
  const p = config.puskesmas;
  return hash([p.nama, p.kecamatan, p.kabupaten_kota, kind, target, month, section].join("\u0001"));
}

export function identityFor(
  config: Workspace,
  kind: FormKind,
  target: string,
  month: string,
  section: string,
): Identity {
  return {
    puskesmas: config.puskesmas.nama,
    kind,
    target,
    month,
    section,
    fingerprint: fingerprint(config, kind, target, month, section),
  };
}

export const cell = (style: CellSpec["style"], value?: CellSpec["value"], extra: Partial<CellSpec> = {}): CellSpec => ({
  style,
  value,
  ...extra,
});

const IDENTITY_LABEL = msg(
  "← identitas isian: Puskesmas, program, bulan, bagian, sidik (jangan diubah)",
  "← form identification: Puskesmas, program, month, part, fingerprint (do not change)",
);

/** Builds one sheet row by row; column A holds each row's key. */
export class SheetBuilder {
  private readonly rows: Array<Array<CellSpec | undefined>> = [];

  constructor(
    private readonly name: string,
    private readonly widths: number[],
    identity: Identity,
    title: string,
  ) {
    this.row(TITLE_KEY, [cell("title", title)]);
    this.row(IDENTITY_KEY, [
      cell("identity", "ID"),
      cell("identity", identity.puskesmas),
      cell("identity", `${identity.kind}:${identity.target}`),
      cell("identity", identity.month),
      cell("identity", identity.section),
      cell("identity", identity.fingerprint),
      cell("identity", t(IDENTITY_LABEL)),
    ]);
  }

  /** Add a row whose cells start at column B; returns its 1-based row number. */
  row(key: string, cells: Array<CellSpec | undefined>): number {
    this.rows.push([cell("key", key), ...cells]);
    return this.rows.length;
  }

  /** The row number the next row() will get. */
  get next(): number {
    return this.rows.length + 1;
  }

  /** A blank line, the section's title (keyed `key`, e.g. a block's `h:…` header) and what to fill. */
  section(title: string, note: string, key = SECTION_KEY): void {
    if (this.rows.length > 2) this.rows.push([]);
    this.row(key, [cell("title", title)]);
    this.row(NOTE_KEY, [cell("note", note)]);
  }

  note(text: string): void {
    this.row(NOTE_KEY, [cell("note", text)]);
  }

  build(options: Pick<SheetSpec, "protect" | "freeze" | "landscape"> = {}): SheetSpec {
    const widths = [4, ...this.widths];
    return {
      name: this.name,
      widths,
      rows: this.rows,
      heights: this.rows.map((row) => rowHeight(row, widths)),
      hiddenColumns: [KEY_COLUMN],
      protect: options.protect ?? {},
      freeze: options.freeze,
      landscape: options.landscape,
    };
  }
}

const WRAPPED = new Set(["header", "locked", "input", "label"]);

/**
 * A height that shows every wrapped line: spreadsheet programs do not grow a row's height when they
 * open a file, so text longer than its column would be cut off.
 */
function rowHeight(row: ReadonlyArray<CellSpec | undefined>, widths: readonly number[]): number | undefined {
  let lines = 1;
  row.forEach((c, i) => {
    if (!c || !WRAPPED.has(c.style) || typeof c.value !== "string" || !c.value) return;
    const perLine = Math.max(1, (widths[i] ?? 10) - 1) * (c.style === "header" ? 0.9 : 1.2);
    const count = c.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, count);
  });
  return lines > 1 ? lines * 13 + 3 : undefined;
}

export interface IndexedRow {
  row: number;
  key: string;
}

/** The identification of a sheet, or undefined when it is not one of lokmin's. */
export function sheetIdentity(sheet: ReadSheet): Identity | undefined {
  const text = (column: number) => {
    const c = readCell(sheet, 2, column);
    return c.kind === "text" || c.kind === "number" ? String(c.value).trim() : "";
  };
  if (text(KEY_COLUMN) !== IDENTITY_KEY) return undefined;
  const [kind, ...target] = text(FIRST + 2).split(":");
  return {
    puskesmas: text(FIRST + 1),
    kind: kind as FormKind,
    target: target.join(":"),
    month: text(FIRST + 3),
    section: text(FIRST + 4),
    fingerprint: text(FIRST + 5),
  };
}

/** Cells of the identification row, for problems. */
export const IDENTITY_CELLS = {
  puskesmas: address(2, FIRST + 1),
  target: address(2, FIRST + 2),
  month: address(2, FIRST + 3),
  section: address(2, FIRST + 4),
  fingerprint: address(2, FIRST + 5),
};

/** Every row with its key (rows without a key get ""), from row 3 down. */
export function indexRows(sheet: ReadSheet): IndexedRow[] {
  const out: IndexedRow[] = [];
  for (let r = 3; r <= sheet.rows.length; r++) {
    const c = readCell(sheet, r, KEY_COLUMN);
    out.push({ row: r, key: c.kind === "text" ? c.value.trim() : "" });
  }
  return out;
}

/** Where a missing row is reported: the first cell of the table's header row (or of the sheet). */
export function tableCell(sheet: ReadSheet, table: string): { sheet: string; cell: string } {
  const row = indexRows(sheet).find((r) => r.key === `h:${table}`)?.row ?? 1;
  return { sheet: sheet.name, cell: address(row, FIRST) };
}

/** Whether any visible cell of a row holds something. */
export function rowHasContent(sheet: ReadSheet, row: number, columns: readonly number[]): boolean {
  return columns.some((column) => {
    const c = readCell(sheet, row, column);
    return !(c.kind === "empty" || (c.kind === "text" && c.value.trim() === ""));
  });
}

/** A sheet is empty when no cell holds anything. */
export const sheetIsEmpty = (sheet: ReadSheet) =>
  sheet.rows.every(
    (row) => !row || row.every((c) => !c || c.kind === "empty" || (c.kind === "text" && !c.value.trim())),
  );

// ---------------------------------------------------------------------------------------------
// Tables: a header row keyed `h:<table>` followed by data rows (`r:<table>`, or rows a person
// inserted, which have no key) up to the next header, section or the end of the sheet.

export type ColumnKind = "text" | "date" | "count" | "score" | "choice";

export interface Column {
  key: string;
  header: string;
  width: number;
  kind: ColumnKind;
  /** For choices: what may be written (label shown, id stored). */
  choices?: ReadonlyArray<{ id: string; label: string }>;
  /** A list validation over a range of the Pilihan sheet instead of inline values. */
  range?: string;
  scale?: { min: number; max: number };
  /** Locked: shown but not read back. */
  locked?: boolean;
  /** Added after the first workbooks went out: a workbook without its header leaves the values as they are. */
  added?: boolean;
  format?: CellSpec["format"];
}

export const M = {
  wholeRule: msg("Isi bilangan bulat 0 atau lebih, tanpa titik ribuan", "Enter a whole number 0 or more"),
  scoreRule: msg("Isi angka {range}", "Enter a number {range}"),
  dateRule: msg("Isi tanggal, mis. 21/05/2024", "Enter a date, e.g. 21/05/2024"),
  choiceRule: msg("Pilih dari daftar", "Choose from the list"),
  missingRow: msg(
    "baris {what} tidak ada di lembar ini (terhapus?); buat isian baru dengan `lokmin form` " +
      "atau salin baris itu kembali",
    "the row for {what} is missing from this sheet (deleted?); make a new form with `lokmin form` or restore the row",
  ),
  unknownRow: msg(
    "baris {what} tidak dikenal di bulan ini; hapus baris itu atau buat isian baru dengan `lokmin form`",
    "the row for {what} is not known this month; delete the row or make a new form with `lokmin form`",
  ),
  duplicateRow: msg(
    "baris {what} muncul dua kali; hapus salah satunya",
    "the row for {what} appears twice; delete one",
  ),
  missingTable: msg(
    "bagian '{table}' tidak ditemukan di lembar ini; buat isian baru dengan `lokmin form`",
    "part '{table}' is not on this sheet; make a new form with `lokmin form`",
  ),
};

export function validationFor(col: Column): Validation | undefined {
  switch (col.kind) {
    case "count":
      return { type: "whole", min: 0, message: t(M.wholeRule) };
    case "score":
      return col.scale
        ? {
            type: "decimal",
            min: col.scale.min,
            max: col.scale.max,
            message: t(M.scoreRule, { range: humanRange(col.scale.min, col.scale.max) }),
          }
        : undefined;
    case "date":
      return { type: "date", min: "2000-01-01", max: "2099-12-31", message: t(M.dateRule) };
    case "choice":
      return col.range
        ? { type: "list", range: col.range, message: t(M.choiceRule) }
        : { type: "list", values: (col.choices ?? []).map((c) => c.label), message: t(M.choiceRule) };
    default:
      return undefined;
  }
}

const formatFor = (col: Column): CellSpec["format"] =>
  col.format ??
  (col.kind === "count" ? "count" : col.kind === "date" ? "date" : col.kind === "score" ? "decimal" : "text");

/** A cell of a table column holding `value` (an id is shown as its label). */
export function columnCell(col: Column, value: string | number | null | undefined, locked = col.locked): CellSpec {
  const shown =
    col.kind === "choice" && typeof value === "string"
      ? (col.choices?.find((c) => c.id === value)?.label ?? value)
      : value;
  return locked
    ? cell("locked", shown ?? null, { format: formatFor(col) })
    : cell("input", shown ?? null, { format: formatFor(col), validation: validationFor(col) });
}

export function writeTable(
  b: SheetBuilder,
  table: string,
  columns: readonly Column[],
  rows: ReadonlyArray<Record<string, string | number | null | undefined>>,
  options: { blank: number; rowKey?: (index: number) => string; lockedRow?: (index: number) => boolean },
): void {
  b.row(
    `h:${table}`,
    columns.map((c) => cell("header", c.header)),
  );
  rows.forEach((values, index) => {
    const locked = options.lockedRow?.(index) ?? false;
    b.row(
      options.rowKey?.(index) ?? `r:${table}`,
      columns.map((c) => columnCell(c, values[c.key], locked || c.locked)),
    );
  });
  for (let i = 0; i < options.blank; i++)
    b.row(
      `r:${table}`,
      columns.map((c) => columnCell(c, null)),
    );
}

export interface TableRow {
  row: number;
  key: string;
  /** Column key → value; no entry for locked columns and for `added` columns the workbook lacks. */
  values: Record<string, string | number | null>;
  /** Column key → cell address, for problems. */
  cells: Record<string, string>;
  /** Columns whose cell could not be read (already reported: not "required" as well). */
  failed: Set<string>;
}

/** The rows of a table, typed; rows left empty are skipped. Undefined when the table is not there. */
export function readTable(
  sheet: ReadSheet,
  reader: CellReader,
  table: string,
  columns: readonly Column[],
): TableRow[] | undefined {
  const rows = indexRows(sheet);
  const start = rows.findIndex((r) => r.key === `h:${table}`);
  if (start < 0) {
    reader.problem(t(M.missingTable, { table }), { sheet: sheet.name });
    return undefined;
  }
  const headerRow = rows[start].row;
  const absent = (col: Column, i: number) => col.added === true && !rowHasContent(sheet, headerRow, [FIRST + i]);
  const visible = columns.map((_, i) => FIRST + i).filter((_, i) => !absent(columns[i], i));
  const out: TableRow[] = [];
  for (const { row, key } of rows.slice(start + 1)) {
    if (key.startsWith("h:") || key.startsWith("lokmin:")) break;
    if (!rowHasContent(sheet, row, visible)) continue;
    const values: TableRow["values"] = {};
    const cells: TableRow["cells"] = {};
    const failed = new Set<string>();
    columns.forEach((col, i) => {
      const at = address(row, FIRST + i);
      cells[col.key] = at;
      if (col.locked || absent(col, i)) return;
      const value = readColumn(col, readCell(sheet, row, FIRST + i), reader, { sheet: sheet.name, cell: at });
      if (value === undefined) failed.add(col.key);
      values[col.key] = value === undefined ? null : value;
    });
    out.push({ row, key, values, cells, failed });
  }
  return out;
}

/** One cell of a column, or undefined (with a problem recorded) when it cannot be read. */
export function readColumn(
  col: Column,
  c: ReadCell,
  reader: CellReader,
  place: { sheet: string; cell: string },
): string | number | null | undefined {
  switch (col.kind) {
    case "count":
      return reader.take(parseCount(c), place);
    case "score":
      return reader.take(parseScore(c, col.scale ?? { min: -Infinity, max: Infinity }), place);
    case "date":
      return reader.take(parseDate(c), place);
    case "choice":
      return reader.take(parseChoice(c, col.choices ?? []), place);
    default:
      return reader.take(parseText(c), place);
  }
}
