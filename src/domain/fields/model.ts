// The fields a page of the browser app shows, as data: which YAML path each one edits, how it is
// typed and checked, and how rows of a list are identified. A page's data is turned into a flat
// map of field keys to canonical text ("puskesmas.nama", "pegawai[ratna].nip", "desa[Sukamaju]"),
// which is what a form carries, what the three-way merge compares and what the edits are built
// from. Everything here is pure: the same specs serve every page over lokmin.yaml now and over the
// month's files later.
import type { Message } from "../../i18n/index.js";
import type { PathSegment } from "../findings.js";

export type InputKind =
  | "text" // one line
  | "textarea" // several lines, kept as one string
  | "lines" // several lines, one list item each
  | "integer"
  | "number" // decimal comma or point, no thousands separator
  | "select"
  | "checkbox"
  | "nip" // 18 digits shown as "19690826 200212 2 003", stored without spaces, checked but never refused
  | "email"
  | "date" // an ISO date (YYYY-MM-DD), the browser's date picker
  | "time" // a clock time as the documents print it: 08.00
  | "multi"; // several of the options ticked, a list (one per line in canonical text)

export interface Choice {
  value: string;
  label: Message | string;
}

export interface FieldSpec {
  kind: "field";
  /** The YAML key under the parent mapping. */
  key: string;
  label: Message;
  input: InputKind;
  required?: boolean;
  hint?: Message;
  /** For select: the allowed values ("" offered as "—" unless required). */
  options?: readonly Choice[];
  min?: number;
  max?: number;
  /** The canonical value an absent key stands for (a checkbox's default). */
  default?: string;
  /** Shown but not editable here. */
  readOnly?: boolean;
  /** Not shown; kept as the file holds it (a row's title the page needs, a problem's name on its solutions). */
  hidden?: boolean;
  /** A short column heading in a table (a criterion's letter), the label in full as its tooltip. */
  abbr?: string;
  /** Column width in a row table: small, medium, a NIP's, large. */
  width?: "s" | "m" | "n" | "l";
  /** In a list row: editable while the row is new, read-only once it is written (who a row is about). */
  fixed?: boolean;
  /**
   * In a written list row: not shown, and kept as the file holds it, when the row's other columns say
   * so (an attendance row of a member of staff has no guest's name).
   */
  hiddenWhen?: (column: (key: string) => string | undefined) => boolean;
  /** What emptying the field writes: the key removed (default), or kept as null (a key the file must have). */
  empty?: "remove" | "null";
  /** For multi: the values are whole numbers (months 1–12). */
  numbers?: boolean;
}

export interface GroupSpec {
  kind: "group";
  key: string;
  label?: Message;
  children: Spec[];
}

export interface ListSpec {
  kind: "list";
  key: string;
  label: Message;
  /** Rows are mappings identified by their `id`, or plain strings identified by themselves. */
  rows: "id" | "value";
  /**
   * The columns of an id row (the id itself is implicit), or the one field of a value row. A row
   * shown as a card may hold groups and tables too (a problem's root causes and SWOT).
   */
  columns: Spec[];
  /** The column a new row's id is made from (its name). */
  idFrom?: string;
  /**
   * What identifies a row when it is not its `id` (an attendance row by `pegawai`, else its guest's
   * `nama`); rows without an identity are not shown and are left as they are.
   */
  identity?: (item: Obj) => string | undefined;
  /** The key a new row's id is written under (default `id`); null when its columns carry it. */
  idKey?: string | null;
  /** A new row's id from its submitted columns and the ids taken (default: a slug of `idFrom`). */
  newId?: (column: (key: string) => string | undefined, used: ReadonlySet<string>) => string;
  /** Rows come from elsewhere (carried commitments): none added or removed here. */
  locked?: boolean;
  /** Rows as cards of labelled fields instead of table rows (many or wide columns). */
  layout?: "table" | "cards";
  /** A row's title in cards and labels, from its values (default: its `idFrom` column). */
  title?: (column: (key: string) => string | undefined, id: string) => string;
  /** What a new row starts as before its columns are filled in (a program from the catalogue). */
  template?: (id: string) => Record<string, unknown> | undefined;
  /** Label of the button that adds a row. */
  addLabel?: Message;
  /** Rows are not typed in but ticked from a list (programs from the catalogue): each row has a checkbox. */
  fixedRows?: boolean;
  /** With fixedRows: ids offered besides the rows present, shown from their template. */
  candidates?: readonly string[];
  /** A link from each row present to a page of its own (a program's indicators). */
  rowLink?: { label: Message; href: (id: string) => string };
}

/** One existing row of a list, by id, whose children this page edits (a program's indicators). */
export interface RowSpec {
  kind: "row";
  key: string;
  id: string;
  children: Spec[];
}

/** A mapping whose keys are data (rule id → level). */
export interface MapSpec {
  kind: "map";
  key: string;
  label: Message;
  entries: readonly { key: string; label: string }[];
  value: FieldSpec;
}

/**
 * A list whose rows have no identity (pembahasan, akar masalah, susunan acara): one value of the
 * page, compared and merged whole (a change on both sides is one conflict). Its canonical text is
 * the rows as JSON, each with the index it had in the file (`@`), so a save changes only the cells
 * that differ in the rows that stay. Column keys may be dotted ("skor.u").
 */
export interface TableSpec {
  kind: "table";
  key: string;
  label: Message;
  columns: FieldSpec[];
  addLabel?: Message;
  layout?: "table" | "cards";
  hint?: Message;
}

export type Spec = FieldSpec | GroupSpec | ListSpec | RowSpec | MapSpec | TableSpec;

/** Field key → canonical text; a key that is missing is a value that is absent. */
export type FieldValues = Record<string, string>;

/** The values of a page plus the order of each list's rows (list key → row keys). */
export interface FormState {
  values: FieldValues;
  order: Record<string, string[]>;
}

export const PRESENT = "1";

/** `pegawai[ratna]`: row keys are URI-encoded so brackets and dots in them never confuse the key. */
export const rowKey = (listKey: string, id: string) => `${listKey}[${encodeURIComponent(id)}]`;
export const childKey = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

/** A field key as its segments: "program[kia].indikator[bumil].target" → program, {row kia}, indikator, … */
export type KeySegment = { key: string } | { row: string };
export function parseKey(text: string): KeySegment[] | undefined {
  const out: KeySegment[] = [];
  const pattern = /([a-z_][a-z0-9_]*)|\[([^\]]*)\]|\./gy;
  let expectName = true;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = pattern.exec(text)) !== null) {
    last = pattern.lastIndex;
    if (m[1] !== undefined) {
      if (!expectName) return undefined;
      out.push({ key: m[1] });
      expectName = false;
    } else if (m[2] !== undefined) {
      if (expectName) return undefined;
      try {
        out.push({ row: decodeURIComponent(m[2]) });
      } catch {
        return undefined;
      }
    } else {
      if (expectName) return undefined;
      expectName = true;
    }
    if (last === text.length) break;
  }
  return last === text.length && !expectName && out.length > 0 ? out : undefined;
}

/** Walk the specs with the keys each field, row and list has. */

/** Every field spec by its key pattern: rows as `[*]`, so a submitted key can be matched to its spec. */
export function specIndex(specs: readonly Spec[]): Map<string, FieldSpec> {
  const index = new Map<string, FieldSpec>();
  const walk = (list: readonly Spec[], prefix: string) => {
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      switch (spec.kind) {
        case "field":
          index.set(key, spec);
          break;
        case "group":
          walk(spec.children, key);
          break;
        case "row":
          walk(spec.children, rowKey(key, spec.id));
          break;
        case "list":
          if (spec.rows === "value") break;
          walk(spec.columns, `${key}[*]`);
          break;
        case "map":
          index.set(`${key}[*]`, spec.value);
          break;
        case "table":
          for (const column of spec.columns) index.set(`${key}[*].${column.key}`, column);
          break;
      }
    }
  };
  walk(specs, "");
  return index;
}

/** The key patterns of every table the specs hold ("pembahasan", "masalah[*].akar_masalah"). */
export function tableIndex(specs: readonly Spec[]): Map<string, TableSpec> {
  const out = new Map<string, TableSpec>();
  const walk = (list: readonly Spec[], prefix: string) => {
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      if (spec.kind === "table") out.set(key, spec);
      else if (spec.kind === "group") walk(spec.children, key);
      else if (spec.kind === "row") walk(spec.children, `${key}[*]`);
      else if (spec.kind === "list" && spec.rows === "id") walk(spec.columns, `${key}[*]`);
    }
  };
  walk(specs, "");
  return out;
}

/** A key with each row replaced by `[*]`, to find its spec in specIndex. */
export const keyPattern = (key: string) => key.replace(/\[[^\]]*\]/g, "[*]");

export type Obj = Record<string, unknown>;
export const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The one field of a list of plain values. */
export const valueColumn = (spec: ListSpec): FieldSpec => spec.columns.find((c) => c.kind === "field") as FieldSpec;

/**
 * The columns of a list shown as a table: its fields, and the fields of its groups as columns of
 * their own with dotted keys ("skor.u"); lists and tables inside a row only show in cards.
 */
export function fieldColumns(spec: ListSpec): FieldSpec[] {
  const out: FieldSpec[] = [];
  const walk = (specs: readonly Spec[], prefix: string) => {
    for (const s of specs) {
      if (s.kind === "field") out.push(prefix ? { ...s, key: `${prefix}.${s.key}` } : s);
      else if (s.kind === "group") walk(s.children, childKey(prefix, s.key));
    }
  };
  walk(spec.columns, "");
  return out;
}

/** A row's identity in a list: its id (or the list's own identity), or the string itself for plain values. */
export function rowIdentity(spec: ListSpec, item: unknown): string | undefined {
  if (spec.rows === "value") return typeof item === "string" || typeof item === "number" ? String(item) : undefined;
  if (!isObject(item)) return undefined;
  if (spec.identity) return spec.identity(item);
  return typeof item.id === "string" ? item.id : undefined;
}

/**
 * The field key that holds the value at a YAML path of `data` (a row's index becomes its id), or
 * the nearest row or group the page shows; undefined when the page shows nothing there.
 */
export function keyOfPath(specs: readonly Spec[], data: unknown, path: readonly PathSegment[]): string | undefined {
  let list: readonly Spec[] = specs;
  let cursor: unknown = data;
  let key = "";
  let found: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    // A row of a list the page shows only in part (one problem of the list): the spec for that row.
    const next = path[i + 1];
    const here = isObject(cursor) ? cursor[String(segment)] : undefined;
    const spec = list.find(
      (s) =>
        s.key === segment &&
        (s.kind !== "row" ||
          (typeof next === "number" && Array.isArray(here) && isObject(here[next]) && here[next].id === s.id)),
    );
    if (!spec) return found;
    key = childKey(key, spec.key);
    cursor = here;
    if (spec.kind === "field") return key;
    if (spec.kind === "group") {
      list = spec.children;
      found = key;
      continue;
    }
    if (spec.kind === "map") return next === undefined ? key : rowKey(key, String(next));
    if (spec.kind === "table") {
      if (typeof next !== "number") return key;
      const rest = path
        .slice(i + 2)
        .map(String)
        .join(".");
      const column = spec.columns.find((c) => rest === c.key || rest.startsWith(`${c.key}.`));
      return column ? `${rowKey(key, String(next))}.${column.key}` : key;
    }
    if (typeof next !== "number" || !Array.isArray(cursor)) return found ?? key;
    const item = cursor[next];
    const id = spec.kind === "row" ? spec.id : rowIdentity(spec, item);
    if (id === undefined) return found;
    key = rowKey(key, id);
    found = key;
    cursor = item;
    i++;
    if (spec.kind === "list" && spec.rows === "value") return key;
    list = spec.kind === "row" ? spec.children : spec.columns;
  }
  return found;
}
