// A three-way merge of a workbook into a YAML file, the way version control merges a branch. The
// three sides are the base (what the YAML held when `lokmin form` wrote the workbook, carried in
// the workbook), the YAML as it is now, and the workbook's values. Each edit import would make is
// judged by its unit — a scalar, or a whole list where rows have no id (activities, causes, RPK
// rows): the workbook did not change the unit → the YAML stays as it is; the YAML did not change
// it since the form → the workbook's value is written; both changed it differently → a conflict.
import type { YamlEdit } from "../edits.js";
import type { PathSegment } from "../findings.js";

/** Keys that identify an item of a list, so the same item is found in another version of the file. */
const IDENTITY_KEYS = ["id", "desa", "pegawai"] as const;

export interface Conflict {
  /** The unit's path in the YAML file as it is now. */
  path: PathSegment[];
  /** The same unit's path in the base (for the workbook's cell). */
  basePath: PathSegment[];
  yaml: unknown;
  workbook: unknown;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function identity(item: unknown): [string, unknown] | undefined {
  if (!isObject(item)) return undefined;
  for (const key of IDENTITY_KEYS) if (typeof item[key] === "string") return [key, item[key]];
  return undefined;
}

/** A value with empty things (null, "", [], empty mappings) dropped and keys sorted, to compare. */
function canon(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return null;
  if (Array.isArray(value)) return value.length ? value.map(canon) : null;
  if (isObject(value)) {
    const out: Obj = {};
    for (const key of Object.keys(value).sort()) {
      const v = canon(value[key]);
      if (v !== null) out[key] = v;
    }
    return Object.keys(out).length ? out : null;
  }
  return value;
}

export const sameValue = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));

export function valueAt(doc: unknown, path: readonly PathSegment[] | undefined): unknown {
  if (!path) return undefined;
  let cursor = doc;
  for (const segment of path) {
    if (cursor === null || typeof cursor !== "object") return undefined;
    cursor = (cursor as Record<string | number, unknown>)[segment];
  }
  return cursor;
}

/**
 * The unit an edit belongs to: its path, cut at the first list whose items have no id (such a
 * list is compared whole); a percentage follows the cumulative figure it is computed from.
 */
export function unitOf(doc: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let cursor = doc;
  for (const segment of path) {
    if (typeof segment === "number" && Array.isArray(cursor) && !identity(cursor[segment])) return out;
    out.push(segment);
    cursor = cursor === null || typeof cursor !== "object" ? undefined : (cursor as Obj)[segment];
  }
  if (out.at(-1) === "capaian_persen") out[out.length - 1] = "kumulatif";
  return out;
}

/** The path of the same unit in another version of the file: list items are found by their id. */
export function translate(from: unknown, to: unknown, path: readonly PathSegment[]): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  let a = from;
  let b = to;
  for (const segment of path) {
    if (typeof segment === "number" && Array.isArray(a)) {
      const id = identity(a[segment]);
      const index = id && Array.isArray(b) ? b.findIndex((x) => isObject(x) && x[id[0]] === id[1]) : segment;
      if (index < 0 || !Array.isArray(b)) return undefined;
      out.push(index);
      a = a[segment];
      b = b[index];
      continue;
    }
    out.push(segment);
    a = isObject(a) ? a[segment as string] : undefined;
    b = isObject(b) ? b[segment as string] : undefined;
  }
  return out;
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Apply edits to plain data (a copy): what the YAML would hold after them. */
export function applyToData(data: unknown, edits: readonly YamlEdit[]): unknown {
  const root = { doc: clone(data) } as Obj;
  for (const edit of edits) {
    const path: PathSegment[] = ["doc", ...edit.path];
    let parent: unknown = root;
    for (const segment of path.slice(0, -1)) {
      const container = parent as Record<string | number, unknown>;
      if (container[segment] === null || typeof container[segment] !== "object") container[segment] = {};
      parent = container[segment];
    }
    const last = path[path.length - 1];
    const container = parent as Record<string | number, unknown>;
    if (edit.op === "set" || edit.op === "replace") container[last] = clone(edit.value);
    else if (edit.op === "delete") {
      if (Array.isArray(container) && typeof last === "number") container.splice(last, 1);
      else delete container[last];
    } else {
      const list = Array.isArray(container[last]) ? (container[last] as unknown[]) : [];
      list.push(...clone(edit.items));
      container[last] = list;
    }
  }
  return root.doc;
}

/**
 * Keep the edits (made against `current`) whose unit the workbook changed and the YAML did not;
 * drop those the workbook did not change; report the rest as conflicts (or keep them: `force`).
 * `theirs` is the base with the workbook's values applied. New rows (appends) are always kept.
 */
export function threeWay(
  base: unknown,
  current: unknown,
  theirs: unknown,
  edits: readonly YamlEdit[],
  force = false,
): { edits: YamlEdit[]; conflicts: Conflict[] } {
  const units = new Map<string, { path: PathSegment[]; edits: YamlEdit[] }>();
  const kept: YamlEdit[] = [];
  for (const edit of edits) {
    if (edit.op === "append") {
      kept.push(edit);
      continue;
    }
    const path = unitOf(current, edit.path);
    const key = JSON.stringify(path);
    const unit = units.get(key) ?? { path, edits: [] };
    unit.edits.push(edit);
    units.set(key, unit);
  }
  const conflicts: Conflict[] = [];
  for (const { path, edits: list } of units.values()) {
    const basePath = translate(current, base, path);
    const was = valueAt(base, basePath);
    const wanted = valueAt(theirs, translate(current, theirs, path));
    const now = valueAt(current, path);
    if (sameValue(wanted, was) || sameValue(wanted, now)) continue;
    if (sameValue(now, was) || force) kept.push(...list);
    else conflicts.push({ path, basePath: basePath ?? path, yaml: now, workbook: wanted });
  }
  // Edits keep their original order (the write-back applies them in turn).
  const order = new Map(edits.map((e, i) => [e, i]));
  kept.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { edits: kept, conflicts };
}
