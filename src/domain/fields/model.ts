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
  | "email";

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
  /** Column width in a row table: small, medium, a NIP's, large. */
  width?: "s" | "m" | "n" | "l";
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
  /** The columns of an id row (the id itself is implicit), or the one field of a value row. */
  columns: FieldSpec[];
  /** The column a new row's id is made from (its name). */
  idFrom?: string;
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

export type Spec = FieldSpec | GroupSpec | ListSpec | RowSpec | MapSpec;

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
export interface Visit {
  field?: (spec: FieldSpec, key: string) => void;
  list?: (spec: ListSpec, key: string) => void;
  map?: (spec: MapSpec, key: string) => void;
}

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
      }
    }
  };
  walk(specs, "");
  return index;
}

/** A key with each row replaced by `[*]`, to find its spec in specIndex. */
export const keyPattern = (key: string) => key.replace(/\[[^\]]*\]/g, "[*]");

/** The YAML path of a key's value inside data, rows found by id (or value); undefined when a row is missing. */
export function yamlPath(data: unknown, key: string): PathSegment[] | undefined {
  const segments = parseKey(key);
  if (!segments) return undefined;
  const out: PathSegment[] = [];
  let cursor: unknown = data;
  for (const segment of segments) {
    if ("key" in segment) {
      out.push(segment.key);
      cursor = isObject(cursor) ? cursor[segment.key] : undefined;
      continue;
    }
    if (!Array.isArray(cursor)) {
      // a map entry (aturan[rule]) is a key, not a row
      out.push(segment.row);
      cursor = isObject(cursor) ? cursor[segment.row] : undefined;
      continue;
    }
    const index = cursor.findIndex((item) =>
      isObject(item) ? item.id === segment.row : typeof item === "string" && item === segment.row,
    );
    if (index < 0) return undefined;
    out.push(index);
    cursor = cursor[index];
  }
  return out;
}

export type Obj = Record<string, unknown>;
export const isObject = (value: unknown): value is Obj =>
  typeof value === "object" && value !== null && !Array.isArray(value);

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
    const spec = list.find((s) => s.key === segment);
    if (!spec) return found;
    key = childKey(key, spec.key);
    cursor = isObject(cursor) ? cursor[spec.key] : undefined;
    if (spec.kind === "field") return key;
    if (spec.kind === "group") {
      list = spec.children;
      found = key;
      continue;
    }
    const next = path[i + 1];
    if (spec.kind === "map") return next === undefined ? key : rowKey(key, String(next));
    if (typeof next !== "number" || !Array.isArray(cursor)) return found ?? key;
    const item = cursor[next];
    const id = isObject(item) && typeof item.id === "string" ? item.id : typeof item === "string" ? item : undefined;
    if (id === undefined) return found;
    if (spec.kind === "row" && id !== spec.id) return found;
    key = rowKey(key, id);
    found = key;
    cursor = item;
    i++;
    if (spec.kind === "list" && spec.rows === "value") return key;
    list = spec.kind === "row" ? spec.children : spec.columns;
  }
  return found;
}
