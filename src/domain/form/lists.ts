// Edits that turn what the YAML holds into what a sheet says, touching only what differs: a
// scalar that changed is set, an optional key emptied is deleted, a list whose length is the same
// is edited item by item (comments and layout around it stay), and only a list that grew or
// shrank is replaced whole. Equal data gives no edit, so importing twice changes nothing.
import type { YamlEdit } from "../edits.js";
import type { PathSegment } from "../findings.js";

export type Plain = string | number | boolean | null;
export type Item = Record<string, unknown>;

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** An item with its empty optional keys dropped, in the key order given. */
export function normalizeItem(item: Item, keys: readonly string[], keep: readonly string[] = []): Item {
  const out: Item = {};
  for (const key of keys) {
    const value = item[key];
    if (!isEmpty(value) || (keep.includes(key) && value !== undefined)) out[key] = value;
  }
  return out;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Set `key` of the mapping at `path` from `current` to `next` (undefined = leave as is). An empty
 * `next` deletes an optional key, or writes null where the key must stay (`nullable`).
 */
export function scalarEdit(
  path: PathSegment[],
  key: string,
  current: unknown,
  next: Plain | undefined,
  options: { after?: string[]; nullable?: boolean } = {},
): YamlEdit[] {
  if (next === undefined) return [];
  if (next === null || next === "") {
    if (options.nullable)
      return current === null || current === undefined
        ? []
        : [{ op: "set", path: [...path, key], value: null, after: options.after }];
    return current === undefined ? [] : [{ op: "delete", path: [...path, key] }];
  }
  if (current === next) return [];
  return [{ op: "set", path: [...path, key], value: next, after: options.after }];
}

/**
 * The new items of a list replaced whole, each with the keys the sheet has no column for (`keys`
 * lists those it has) taken from the old item it matches: the first unused one equal on `keys`.
 */
function keepHidden(current: readonly unknown[], next: readonly unknown[], keys: readonly string[]): unknown[] {
  const used = new Set<number>();
  return next.map((item) => {
    const now = item as Item;
    const at = current.findIndex(
      (old, i) =>
        !used.has(i) &&
        typeof old === "object" &&
        old !== null &&
        same(normalizeItem(old as Item, keys), normalizeItem(now, keys)),
    );
    if (at < 0) return now;
    used.add(at);
    const out: Item = {};
    for (const [key, value] of Object.entries(current[at] as Item)) {
      if (!keys.includes(key)) {
        if (!isEmpty(value)) out[key] = value;
      } else if (key in now) out[key] = now[key];
    }
    return { ...out, ...now };
  });
}

/**
 * Edits for a list of mappings (or of strings when `keys` is empty): nothing when equal after
 * normalising, per-key edits when only values changed, a replacement otherwise. `keys` are the
 * keys the sheet has columns for: a replaced item keeps its other keys from the old item it matches.
 */
export function listEdits(
  path: PathSegment[],
  current: readonly unknown[] | undefined,
  next: readonly unknown[],
  keys: readonly string[],
  /** Every key an item may hold, in the order the YAML writes them (default: the old item's order). */
  order?: readonly string[],
): YamlEdit[] {
  const norm = (list: readonly unknown[]) =>
    list.map((item) =>
      keys.length && typeof item === "object" && item !== null ? normalizeItem(item as Item, keys) : item,
    );
  const before = norm(current ?? []);
  const after = norm(next);
  if (same(before, after)) return [];
  const nested = after.every((item) => typeof item === "object" && item !== null && !Array.isArray(item));
  if (before.length !== after.length || !nested || keys.length === 0) {
    if (!keys.length || !nested) return [{ op: "replace", path, value: after }];
    const kept = keepHidden(current ?? [], after, keys) as Item[];
    return [{ op: "replace", path, value: order ? kept.map((item) => normalizeItem(item, order)) : kept }];
  }
  const edits: YamlEdit[] = [];
  after.forEach((item, index) => {
    const old = (before[index] ?? {}) as Item;
    const now = item as Item;
    keys.forEach((key, k) => {
      const value = now[key];
      if (Array.isArray(value) || Array.isArray(old[key])) {
        if (!same(old[key] ?? [], value ?? []))
          edits.push(
            isEmpty(value)
              ? { op: "delete", path: [...path, index, key] }
              : { op: "replace", path: [...path, index, key], value },
          );
        return;
      }
      edits.push(...scalarEdit([...path, index], key, old[key], (value ?? null) as Plain, { after: keys.slice(0, k) }));
    });
  });
  return edits;
}

const leaves = (v: unknown): number =>
  Array.isArray(v)
    ? v.reduce<number>((n, x) => n + leaves(x), 0)
    : typeof v === "object" && v !== null
      ? Object.values(v).reduce<number>((n, x) => n + leaves(x), 0)
      : isEmpty(v)
        ? 0
        : 1;

/**
 * How many values differ between two versions of a file's data: each value set, changed or
 * removed counts once, a list item added or removed counts its values, and items that only moved
 * (a row inserted above them) count nothing.
 */
export function changedValues(before: unknown, after: unknown): number {
  if (same(before, after)) return 0;
  if (Array.isArray(before) && Array.isArray(after)) {
    const rest = [...after];
    const gone: unknown[] = [];
    for (const item of before) {
      const at = rest.findIndex((x) => same(x, item));
      if (at >= 0) rest.splice(at, 1);
      else gone.push(item);
    }
    let n = 0;
    for (let i = 0; i < Math.max(gone.length, rest.length); i++) n += changedValues(gone[i], rest[i]);
    return n;
  }
  const plain = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (plain(before) && plain(after)) {
    const a = before as Item;
    const b = after as Item;
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].reduce((n, k) => n + changedValues(a[k], b[k]), 0);
  }
  if (isEmpty(before) && isEmpty(after)) return 0;
  if (typeof before === "object" || typeof after === "object") return Math.max(leaves(before), leaves(after));
  return 1;
}
