// Grey cells are shown, never read: a value typed over one (after unprotecting the sheet) would be
// silently ignored. Each locked cell of a keyed row is compared with what `lokmin form` writes for
// it now, and a difference is a problem naming the cell and where that value is changed instead.
import { msg, t } from "../../i18n/index.js";
import type { CellReader } from "./cells.js";
import { indexRows, KEY_COLUMN } from "./layout.js";
import {
  address,
  type CellSpec,
  cellText,
  type ReadCell,
  type ReadSheet,
  readCell,
  type SheetSpec,
} from "./workbook.js";

const M = {
  locked: msg(
    'sel ini tidak diisi di sini ("{found}"; isian menulis "{expected}"); {fix}',
    'this cell is not filled in here ("{found}"; the form wrote "{expected}"); {fix}',
  ),
  restore: msg(
    "kembalikan isinya, atau buat isian baru dengan `lokmin form` bila datanya berubah sejak isian dibuat",
    "restore it, or make a new form with `lokmin form` if the data changed since the form was made",
  ),
};

function same(spec: CellSpec, read: ReadCell): boolean {
  const value = spec.value ?? null;
  const text = cellText(read).trim();
  if (value === null || value === "") return text === "";
  if (typeof value === "number") {
    const n = read.kind === "number" ? read.value : Number(text.replace(",", "."));
    return Math.abs(n - value) < 1e-6;
  }
  return text === String(value).trim();
}

/**
 * Problems for locked cells of `sheet` that differ from `spec`, on rows whose key is unique in both.
 * `fix(column)` says where the value of a column is changed (undefined: restore it).
 */
export function lockedProblems(
  spec: SheetSpec,
  sheet: ReadSheet,
  reader: CellReader,
  fix: (column: number) => string | undefined = () => undefined,
): void {
  const keyOf = (row: ReadonlyArray<CellSpec | undefined> | undefined) =>
    typeof row?.[KEY_COLUMN - 1]?.value === "string" ? String(row[KEY_COLUMN - 1]?.value) : "";
  const specKeys = spec.rows.map(keyOf);
  const read = indexRows(sheet);
  spec.rows.forEach((row, index) => {
    const key = specKeys[index];
    if (!key || key.startsWith("lokmin:") || specKeys.filter((k) => k === key).length > 1) return;
    const found = read.filter((r) => r.key === key);
    if (found.length !== 1) return;
    (row ?? []).forEach((c, i) => {
      const column = i + 1;
      if (!c || c.style !== "locked" || column === KEY_COLUMN) return;
      const cell = readCell(sheet, found[0].row, column);
      if (same(c, cell)) return;
      const message = t(M.locked, {
        found: cellText(cell).trim(),
        expected: String(c.value ?? ""),
        fix: fix(column) ?? t(M.restore),
      });
      reader.problem(message, { sheet: sheet.name, cell: address(found[0].row, column) });
    });
  });
}
