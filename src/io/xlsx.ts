// The one place lokmin touches a spreadsheet library (exceljs). Load this module only with a
// dynamic `await import("../io/xlsx.js")` inside the command that needs it, so no other command's
// start-up pays for the library.
//
// Writer API (for any workbook lokmin makes, e.g. a PKP sheet):
//   const spec: WorkbookSpec = { title, created: "2024-05-01", sheets: [{ name, widths, rows }] };
//   const bytes = await writeXlsx(spec);          // Uint8Array, then writeFileAtomic(file, bytes, …)
// A sheet is rows of CellSpec ({ value | formula, style, format, validation }) from
// src/domain/form/workbook.ts: `style` is the cell's role ("input" cells are the only unlocked ones
// on a protected sheet and are shaded yellow, "computed" green, "locked" grey, "header" bold blue),
// `format` one of count/decimal/percent/date/text (shown the way the reader's regional settings
// write numbers: 1.234,5 on an Indonesian Windows), `validation` a whole/decimal/date/list rule.
// `protect` on a SheetSpec locks everything but the inputs (no password, so a person can still
// unprotect it; import re-validates everything anyway). The same spec writes the same cells.
//
// Reader: `inspectXlsx(bytes)` refuses what is not an .xlsx (an old .xls, a PDF, a renamed file) or
// a zip that would unpack to something huge, before `readXlsx(bytes)` hands it to the library;
// readXlsx returns every sheet's cells as plain values, formula errors and uncalculated formulas
// included, and the merged ranges.
import ExcelJS from "exceljs";
import type {
  CellSpec,
  NumberFormat,
  ReadCell,
  ReadSheet,
  ReadWorkbook,
  SheetSpec,
  Validation,
  WorkbookSpec,
} from "../domain/form/workbook.js";

/** Largest workbook lokmin reads: a month's form is tens of kilobytes. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;

const FORMATS: Record<NumberFormat, string> = {
  count: "#,##0",
  decimal: "General",
  percent: "#,##0.0",
  date: "dd/mm/yyyy",
  text: "@",
};

const argb = (hex: string) => ({ argb: `FF${hex}` });
const fill = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: argb(hex) });
const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: argb("BFBFBF") },
  left: { style: "thin", color: argb("BFBFBF") },
  bottom: { style: "thin", color: argb("BFBFBF") },
  right: { style: "thin", color: argb("BFBFBF") },
};

function styleCell(target: ExcelJS.Cell, spec: CellSpec): void {
  switch (spec.style) {
    case "title":
      target.font = { bold: true, size: 13 };
      break;
    case "identity":
      target.font = { italic: true, size: 8, color: argb("808080") };
      break;
    case "note":
      target.font = { italic: true, color: argb("404040") };
      break;
    case "label":
      target.font = { bold: true };
      target.alignment = { vertical: "top", wrapText: true };
      break;
    case "header":
      target.font = { bold: true };
      target.fill = fill("D9E1F2");
      target.border = thin;
      target.alignment = { vertical: "middle", wrapText: true };
      break;
    case "locked":
      target.fill = fill("F2F2F2");
      target.border = thin;
      target.alignment = { vertical: "top", wrapText: true };
      break;
    case "computed":
      target.fill = fill("E2EFDA");
      target.border = thin;
      target.alignment = { vertical: "top" };
      break;
    case "input":
      target.fill = fill("FFF2CC");
      target.border = thin;
      target.protection = { locked: false };
      target.alignment = { vertical: "top", wrapText: spec.format === "text" };
      break;
    case "key":
    case "data":
      break;
  }
  if (spec.format) target.numFmt = FORMATS[spec.format];
}

const utcDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

function validation(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: "lokmin",
    error: v.message,
  };
  switch (v.type) {
    case "whole":
    case "decimal":
      return v.max === undefined
        ? { ...common, type: v.type, operator: "greaterThanOrEqual", formulae: [v.min ?? 0] }
        : { ...common, type: v.type, operator: "between", formulae: [v.min ?? 0, v.max] };
    case "date":
      return { ...common, type: "date", operator: "between", formulae: [utcDate(v.min), utcDate(v.max)] };
    case "list":
      return { ...common, type: "list", formulae: [v.range ?? `"${(v.values ?? []).join(",")}"`] };
  }
}

function cellValue(spec: CellSpec): ExcelJS.CellValue {
  if (spec.formula) {
    const result = spec.value === null || spec.value === undefined ? undefined : spec.value;
    return { formula: spec.formula, result: result as ExcelJS.CellFormulaValue["result"] } as ExcelJS.CellFormulaValue;
  }
  if (spec.value === null || spec.value === undefined) return null;
  if (spec.format === "date" && typeof spec.value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(spec.value))
    return utcDate(spec.value);
  return spec.value;
}

function sheetOptions(spec: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    state: spec.state ?? "visible",
    pageSetup: {
      paperSize: 9,
      orientation: spec.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
    views: spec.freeze
      ? [{ state: "frozen", xSplit: spec.freeze.column - 1, ySplit: spec.freeze.row }]
      : [{ state: "normal" }],
  };
}

async function addSheet(book: ExcelJS.Workbook, spec: SheetSpec): Promise<void> {
  const sheet = book.addWorksheet(spec.name, sheetOptions(spec));
  spec.widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const column of spec.hiddenColumns ?? []) sheet.getColumn(column).hidden = true;
  if (spec.filter)
    sheet.autoFilter = {
      from: { row: spec.filter.row, column: 1 },
      to: { row: spec.filter.row, column: spec.filter.columns },
    };
  spec.heights?.forEach((height, r) => {
    if (height !== undefined) sheet.getRow(r + 1).height = height;
  });
  spec.rows.forEach((row, r) => {
    (row ?? []).forEach((cellSpec, c) => {
      if (!cellSpec) return;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = cellValue(cellSpec);
      styleCell(target, cellSpec);
      if (cellSpec.validation) target.dataValidation = validation(cellSpec.validation);
    });
  });
  if (spec.protect) {
    await sheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: Boolean(spec.protect.insertRows),
      deleteRows: Boolean(spec.protect.deleteRows),
    });
  }
}

/** Write a workbook description as .xlsx bytes. */
export async function writeXlsx(spec: WorkbookSpec): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const created = utcDate(spec.created);
  book.creator = "lokmin";
  book.lastModifiedBy = "lokmin";
  book.title = spec.title;
  book.created = created;
  book.modified = created;
  book.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) await addSheet(book, sheet);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The same as writeXlsx for a long report (the Dinas' summary of thousands of packages): each row is
 * written and let go as it is added (exceljs' streaming writer), so memory and time stay in
 * proportion to a row, not to the workbook. No sheet protection and no data validation: a report
 * is read, not filled in.
 */
export async function writeXlsxStreaming(spec: WorkbookSpec): Promise<Uint8Array> {
  const { PassThrough } = await import("node:stream");
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const created = utcDate(spec.created);
  book.creator = "lokmin";
  book.lastModifiedBy = "lokmin";
  book.title = spec.title;
  book.created = created;
  book.modified = created;
  for (const s of spec.sheets) {
    if (s.protect || s.rows.some((row) => row?.some((cell) => cell?.validation)))
      throw new Error(`writeXlsxStreaming: sheet ${s.name} needs the full writer (protection or validation)`);
    const sheet = book.addWorksheet(s.name, sheetOptions(s));
    sheet.columns = s.widths.map((width) => ({ width }));
    if (s.filter)
      sheet.autoFilter = {
        from: { row: s.filter.row, column: 1 },
        to: { row: s.filter.row, column: s.filter.columns },
      };
    for (let r = 0; r < s.rows.length; r++) {
      const cells = s.rows[r];
      const row = sheet.getRow(r + 1);
      if (s.heights?.[r] !== undefined) row.height = s.heights[r]!;
      (cells ?? []).forEach((cellSpec, c) => {
        if (!cellSpec) return;
        const target = row.getCell(c + 1);
        target.value = cellValue(cellSpec);
        styleCell(target, cellSpec);
      });
      row.commit();
    }
    sheet.commit();
  }
  // The zip library exceljs streams through calls the deprecated Buffer() once; the bundle makes
  // Node count that as lokmin's own code and print a warning a person would only be puzzled by.
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    await book.commit();
  } finally {
    process.noDeprecation = quiet;
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export type XlsxProblem = "xls" | "not-zip" | "not-xlsx" | "too-big-unpacked";

/** Why bytes cannot be an .xlsx lokmin reads, or undefined when they look like one. */
export function inspectXlsx(bytes: Uint8Array): XlsxProblem | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0) return "xls";
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) return "not-zip";
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return "not-zip";
  const entries = b.readUInt16LE(end + 10);
  const offset = b.readUInt32LE(end + 16);
  if (entries > MAX_ENTRIES || offset === 0xffffffff) return "too-big-unpacked";
  let p = offset;
  let total = 0;
  let workbook = false;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return "not-zip";
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const name = b.toString("utf8", p + 46, p + 46 + nameLength);
    if (name === "xl/workbook.xml") workbook = true;
    if (size === 0xffffffff) return "too-big-unpacked";
    total += size;
    if (total > MAX_UNPACKED_BYTES) return "too-big-unpacked";
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return workbook ? undefined : "not-xlsx";
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function plain(value: unknown): ReadCell {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number")
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "error", value: "#NUM!" };
  if (typeof value === "string") return value === "" ? { kind: "empty" } : { kind: "text", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { kind: "error", value: "#VALUE!" }
      : { kind: "date", value: isoDate(value) };
  const object = value as Record<string, unknown>;
  if (typeof object.error === "string") return { kind: "error", value: object.error };
  if (Array.isArray(object.richText))
    return plain((object.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join(""));
  if (typeof object.text === "string") return plain(object.text);
  return { kind: "text", value: String(value) };
}

function readCellValue(cell: ExcelJS.Cell): ReadCell {
  const value = cell.value as unknown;
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const formula = cell.formula || String((value as { formula?: string }).formula ?? "");
    // The cell's own result: `cell.value` leaves out a result of 0, "" or FALSE.
    const result: unknown = cell.result;
    if (result === undefined) return { kind: "pending", formula };
    return { ...plain(result), formula };
  }
  return plain(value);
}

/** Read every sheet of an .xlsx (check it with inspectXlsx first). Throws when the library cannot. */
export async function readXlsx(bytes: Uint8Array): Promise<ReadWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheets: ReadSheet[] = book.worksheets.map((sheet) => {
    const rows: ReadSheet["rows"] = [];
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: ReadCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        cells[c - 1] = readCellValue(cell);
      });
      rows[r - 1] = cells;
    });
    const merges = ((sheet.model as { merges?: string[] }).merges ?? []).slice();
    return { name: sheet.name, hidden: sheet.state !== "visible", rows, merges };
  });
  return { sheets };
}
