// Test support for the workbooks: open a form lokmin wrote, change cells the way a person would
// (found by the row keys lokmin keeps in hidden column A), and save it again.
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";

export async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return book;
}

export async function saveBook(book: ExcelJS.Workbook, file: string): Promise<void> {
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
}

/** Change a workbook in place. */
export async function editBook(file: string, change: (book: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const book = await openBook(file);
  await change(book);
  await saveBook(book, file);
}

/** The row number whose hidden key (column A) is `key` (the nth such row, from 0). */
export function rowOf(sheet: ExcelJS.Worksheet, key: string, nth = 0): number {
  const rows: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.getCell(1).value === key) rows.push(r);
  });
  if (rows[nth] === undefined) throw new Error(`no row ${key} in ${sheet.name}`);
  return rows[nth];
}

export function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Coverage sheet columns (see src/domain/form/program.ts). */
export const COL = { prev: "I", bulan: "J", kum: "K", capaian: "L", catatan: "M" } as const;
