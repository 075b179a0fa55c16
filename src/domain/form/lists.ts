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
 * Edits for a list of mappings (or of strings when `keys` is empty): nothing when equal after
 * normalising, per-key edits when only values changed, a replacement otherwise.
 */
export function listEdits(
  path: PathSegment[],
  current: readonly unknown[] | undefined,
  next: readonly unknown[],
  keys: readonly string[],
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
    return [{ op: "replace", path, value: after }];
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
