// A list whose rows have no identity (pembahasan, akar masalah, susunan acara) as one value of a
// page: the rows as JSON, each carrying the index it had in the file ("@"; a row added in the page
// has none and a temporary key "~"). The merge compares the whole value; a save turns the rows
// back into edits of only the cells that differ, in the rows that stay (keys the page does not
// show, comments and quoting stay), and appends or deletes rows — or, when rows were moved or
// put between others, replaces the list with its rows' full data.
import type { YamlEdit } from "../edits.js";
import type { PathSegment } from "../findings.js";
import { isObject, type Obj, type TableSpec } from "./model.js";
import { canonicalOf, dataOf } from "./values.js";

export interface TableRow {
  /** The row's index in the file the page showed; null for a row added in the page. */
  "@": number | null;
  /** A row added in the page: its temporary key ("~3"), so a mistake is shown at its cells again. */
  "~"?: string;
  /** Column key → canonical text. */
  [column: string]: string | number | null | undefined;
}

/** The value at a dotted key ("skor.u") of a row. */
export const cellOf = (row: unknown, dotted: string): unknown =>
  dotted.split(".").reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), row);

export function tableRows(spec: TableSpec, list: unknown): TableRow[] {
  if (!Array.isArray(list)) return [];
  return list.map((item, index) => {
    const row: TableRow = { "@": index };
    for (const column of spec.columns) {
      const value = canonicalOf(column, cellOf(item, column.key));
      if (value !== undefined) row[column.key] = value;
    }
    return row;
  });
}

export const encodeTable = (rows: readonly TableRow[]) => JSON.stringify(rows);

export function decodeTable(text: string | undefined): TableRow[] {
  if (!text) return [];
  try {
    const rows = JSON.parse(text);
    return Array.isArray(rows) ? rows.filter((r): r is TableRow => isObject(r)) : [];
  } catch {
    return [];
  }
}

/** A row's cells without where it came from, to compare rows by what they hold. */
export const rowContent = (row: TableRow) => {
  const { "@": _at, "~": _new, ...cells } = row;
  return JSON.stringify(cells);
};

/**
 * Mine's rows re-pointed from the base's indexes to theirs (the file as it is now): a row whose
 * content in the base the file still holds points at that row of the file; any other becomes a
 * row added here. Used when a table is shown again after a conflict, so a second Simpan edits the
 * file's rows and not the rows that stood at those places before.
 */
export function rebaseTable(base: string | undefined, mine: string | undefined, theirs: string | undefined): string {
  const before = decodeTable(base);
  const now = decodeTable(theirs);
  const used = new Set<number>();
  let added = 0;
  const rows = decodeTable(mine).map((row): TableRow => {
    const origin = typeof row["@"] === "number" ? before.find((r) => r["@"] === row["@"]) : undefined;
    const match = origin
      ? now.find((r) => typeof r["@"] === "number" && !used.has(r["@"]) && rowContent(r) === rowContent(origin))
      : undefined;
    const { "@": _at, "~": temporary, ...cells } = row;
    if (match) {
      used.add(match["@"] as number);
      return { "@": match["@"], ...cells };
    }
    return { "@": null, "~": temporary ?? `~r${++added}`, ...cells };
  });
  return encodeTable(rows);
}

/** The rows of `a` that `b` does not hold, by content (what a conflict shows of each side). */
export const rowsNotIn = (a: string | undefined, b: string | undefined): TableRow[] => {
  const other = decodeTable(b).map(rowContent);
  return decodeTable(a).filter((row) => !other.includes(rowContent(row)));
};

/** Two table values equal but for the temporary keys of added rows. */
export const sameTable = (a: string | undefined, b: string | undefined) =>
  encodeTable(decodeTable(a).map(({ "~": _, ...row }) => row as TableRow)) ===
  encodeTable(decodeTable(b).map(({ "~": _, ...row }) => row as TableRow));

/** A row's data: `base` (the file's row, for the keys the page does not show) with the columns set. */
function rowData(spec: TableSpec, row: TableRow, base: unknown): Obj {
  const out: Obj = isObject(base) ? structuredClone(base) : {};
  for (const column of spec.columns) {
    const keys = column.key.split(".");
    const value = row[column.key];
    let at: Obj = out;
    for (const key of keys.slice(0, -1)) {
      if (!isObject(at[key])) at[key] = {};
      at = at[key] as Obj;
    }
    const last = keys[keys.length - 1];
    if (typeof value === "string") at[last] = dataOf(column, value);
    else if (column.empty === "null") at[last] = null;
    else delete at[last];
  }
  return out;
}

export interface TableEdits {
  /** Sets and replaces, at the file's indexes. */
  sets: YamlEdit[];
  appends: YamlEdit[];
  /** Deletes of cells and rows (the caller applies every delete from the last path to the first). */
  deletes: PathSegment[][];
}

/** The edits that turn the file's list (`disk`, at `path`) into `rows`. */
export function tableEdits(spec: TableSpec, path: PathSegment[], disk: unknown, rows: readonly TableRow[]): TableEdits {
  const list = Array.isArray(disk) ? disk : undefined;
  const kept = rows.filter((r) => typeof r["@"] === "number" && list && r["@"] < list.length);
  const keptIndexes = kept.map((r) => r["@"] as number);
  const inOrder = keptIndexes.every((index, i) => i === 0 || index > keptIndexes[i - 1]);
  const lastKept = rows.reduce((last, r, i) => (kept.includes(r) ? i : last), -1);
  const addedAtEnd = rows.every((r, i) => kept.includes(r) || i > lastKept);
  if (!list || !inOrder || !addedAtEnd || new Set(keptIndexes).size !== keptIndexes.length) {
    const value = rows.map((r) => rowData(spec, r, typeof r["@"] === "number" ? list?.[r["@"]] : undefined));
    if (!list && value.length === 0) return { sets: [], appends: [], deletes: [] };
    return { sets: [{ op: "replace", path, value }], appends: [], deletes: [] };
  }
  const sets: YamlEdit[] = [];
  const deletes: PathSegment[][] = [];
  for (const row of kept) {
    const index = row["@"] as number;
    const item = list[index];
    if (!isObject(item)) {
      sets.push({ op: "replace", path: [...path, index], value: rowData(spec, row, item) });
      continue;
    }
    const before: string[] = [];
    for (const column of spec.columns) {
      const now = canonicalOf(column, cellOf(item, column.key));
      const want = row[column.key];
      const cell = [...path, index, ...column.key.split(".")];
      const [first] = column.key.split(".");
      if (typeof want === "string" && want !== now) {
        const value = dataOf(column, want);
        sets.push(
          Array.isArray(value)
            ? { op: "replace", path: cell, value, after: [...before] }
            : { op: "set", path: cell, value: value as string | number | boolean, after: [...before] },
        );
      } else if (typeof want !== "string" && now !== undefined) {
        if (column.empty === "null") sets.push({ op: "set", path: cell, value: null, after: [...before] });
        else deletes.push(cell);
      }
      if (!before.includes(first)) before.push(first);
    }
  }
  const added = rows.filter((r) => !kept.includes(r)).map((r) => rowData(spec, r, undefined));
  const appends: YamlEdit[] = added.length ? [{ op: "append", path, items: added }] : [];
  for (const index of list.keys()) if (!keptIndexes.includes(index)) deletes.push([...path, index]);
  return { sets, appends, deletes };
}
