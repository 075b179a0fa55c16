// A spreadsheet as plain data, in both directions: the description lokmin writes (sheets of cells
// with a value or formula, a style role, a number format and a data validation) and the cells it
// reads back from whatever Excel, LibreOffice Calc or Google Sheets saved. No spreadsheet library
// here: src/io/xlsx.ts turns a WorkbookSpec into .xlsx bytes and .xlsx bytes into a ReadWorkbook.

export type Scalar = string | number | boolean | null;

/** How a number or date is shown; the writer maps these to format codes Excel and Calc share. */
export type NumberFormat = "count" | "decimal" | "percent" | "date" | "text";

/** What a cell is for; the writer gives each role its look, and only `input` cells are unlocked. */
export type CellStyle =
  | "title"
  | "identity"
  | "note"
  | "header"
  | "label"
  | "locked"
  | "computed"
  | "input"
  | "key"
  /** A figure of a long report table: plain, only its number format (tens of thousands of rows write fast). */
  | "data";

export type Validation =
  | { type: "whole"; min?: number; max?: number; message: string }
  | { type: "decimal"; min?: number; max?: number; message: string }
  | { type: "date"; min: string; max: string; message: string }
  /** A choice: the values themselves, or a range such as `Pilihan!$B$5:$B$22`. */
  | { type: "list"; values?: readonly string[]; range?: string; message: string };

export interface CellSpec {
  value?: Scalar;
  /** A formula without the leading '=', e.g. `IF(J7="","",J7/F7*100)`; `value` is its cached result. */
  formula?: string;
  style: CellStyle;
  format?: NumberFormat;
  validation?: Validation;
  /** Data from another file shown for reference (another program's figure): never read back or compared. */
  reference?: boolean;
}

export interface SheetSpec {
  /** At most 31 characters, none of : \ / ? * [ ] */
  name: string;
  /** Column widths in characters, index 0 = column A. */
  widths: number[];
  /** rows[0] is row 1; cells[0] is column A. */
  rows: Array<Array<CellSpec | undefined> | undefined>;
  /** Row heights in points (rows[0] is row 1); undefined = the program's default. */
  heights?: Array<number | undefined>;
  /** 1-based column numbers to hide (lokmin keeps its row keys in column A). */
  hiddenColumns?: number[];
  /** Rows and columns above and left of this cell stay in view (1-based). */
  freeze?: { row: number; column: number };
  /** An AutoFilter on the header row `row` (1-based) over the first `columns` columns. */
  filter?: { row: number; columns: number };
  /** Protect the sheet (locked cells cannot change); rows may be inserted/deleted where allowed. */
  protect?: { insertRows?: boolean; deleteRows?: boolean };
  landscape?: boolean;
  /** "veryHidden": a sheet only a program shows again (the workbook's base data). */
  state?: "veryHidden";
}

export interface WorkbookSpec {
  title: string;
  /** ISO date used as the file's created/modified date, so the same data writes the same workbook. */
  created: string;
  sheets: SheetSpec[];
}

/** One cell as read back: a value, or what went wrong; `formula` when the cell holds one. */
export type ReadCell = (
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  /** ISO date (YYYY-MM-DD) of a cell Excel stores as a date. */
  | { kind: "date"; value: string }
  /** An error value such as #DIV/0! or #REF! */
  | { kind: "error"; value: string }
  /** A formula whose result was never calculated (the file was not saved by a spreadsheet program). */
  | { kind: "pending" }
) & { formula?: string };

export interface ReadSheet {
  name: string;
  hidden: boolean;
  /** rows[0] is row 1; cells[0] is column A; missing = empty. */
  rows: Array<Array<ReadCell | undefined> | undefined>;
  /** Merged ranges, e.g. "F7:G7". */
  merges: string[];
}

export interface ReadWorkbook {
  sheets: ReadSheet[];
}

export const EMPTY: ReadCell = { kind: "empty" };

/** "A", "B", … "Z", "AA" for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "F7" for row 7, column 6 (1-based). */
export const address = (row: number, column: number) => `${columnLetter(column)}${row}`;

export function readCell(sheet: ReadSheet, row: number, column: number): ReadCell {
  return sheet.rows[row - 1]?.[column - 1] ?? EMPTY;
}

/** A cell's content as text for a comparison or a message ("" when empty). */
export function cellText(cell: ReadCell): string {
  switch (cell.kind) {
    case "number":
    case "text":
    case "date":
    case "error":
      return String(cell.value);
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    default:
      return "";
  }
}

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ] */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, "-").slice(0, 31);
}
