// From merged field values to the edits of the file as it is now: only the values that differ
// from the file are set, removed rows are deleted, added rows appended — so the write-back
// changes those bytes and nothing else (comments, order, quoting and the keys no page shows stay).
// Edits come in an order that keeps each path valid: sets, then appends, then deletes from the
// last index to the first.
import type { YamlEdit } from "../edits.js";
import type { PathSegment } from "../findings.js";
import {
  childKey,
  type FieldSpec,
  type FieldValues,
  isObject,
  type ListSpec,
  type Obj,
  PRESENT,
  rowKey,
  type Spec,
} from "./model.js";
import { rowIdentity } from "./state.js";
import { decodeTable, sameTable, tableEdits } from "./table.js";
import { dataOf } from "./values.js";

export function buildEdits(
  specs: readonly Spec[],
  theirsData: unknown,
  theirs: FieldValues,
  merged: FieldValues,
  mineOrder: Record<string, string[]>,
): YamlEdit[] {
  const sets: YamlEdit[] = [];
  const appends: YamlEdit[] = [];
  const deletes: { path: PathSegment[] }[] = [];

  const fieldEdit = (spec: FieldSpec, key: string, path: PathSegment[], obj: Obj | undefined, after: string[]) => {
    const [now, want] = [theirs[key], merged[key]];
    if (now === want) return;
    const present = obj !== undefined && Object.hasOwn(obj, spec.key) && obj[spec.key] !== null;
    if (want === undefined || (spec.default !== undefined && want === spec.default && !present)) {
      if (present && spec.empty === "null") sets.push({ op: "set", path: [...path, spec.key], value: null, after });
      else if (present) deletes.push({ path: [...path, spec.key] });
      return;
    }
    const value = dataOf(spec, want);
    sets.push(
      Array.isArray(value)
        ? { op: "replace", path: [...path, spec.key], value, after }
        : { op: "set", path: [...path, spec.key], value: value as string | number | boolean, after },
    );
  };

  /** A mapping the file lacks is written whole, built from the merged values under it. */
  const build = (list: readonly Spec[], prefix: string): Obj => {
    const out: Obj = {};
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      switch (spec.kind) {
        case "field":
          if (merged[key] !== undefined && !(spec.default !== undefined && merged[key] === spec.default))
            out[spec.key] = dataOf(spec, merged[key]);
          break;
        case "group": {
          const inner = build(spec.children, key);
          if (Object.keys(inner).length) out[spec.key] = inner;
          break;
        }
        case "list": {
          const rows = (mineOrder[key] ?? []).filter((id) => merged[rowKey(key, id)] === PRESENT);
          if (rows.length) out[spec.key] = rows.map((id) => newRow(spec, key, id));
          break;
        }
        case "map": {
          const entries = Object.keys(merged)
            .filter((k) => k.startsWith(`${key}[`))
            .map((k) => [decodeURIComponent(k.slice(key.length + 1, -1)), dataOf(spec.value, merged[k])] as const);
          if (entries.length) out[spec.key] = Object.fromEntries(entries);
          break;
        }
        case "table": {
          const rows = tableEdits(spec, [spec.key], undefined, decodeTable(merged[key])).sets[0];
          if (rows?.op === "replace") out[spec.key] = rows.value;
          break;
        }
        case "row":
          break;
      }
    }
    return out;
  };

  const newRow = (spec: ListSpec, key: string, id: string): unknown => {
    if (spec.rows === "value") return id;
    const start = spec.template?.(id) ?? {};
    const idKey = spec.idKey === undefined ? "id" : spec.idKey;
    return { ...(idKey ? { [idKey]: id } : {}), ...start, ...build(spec.columns, rowKey(key, id)) };
  };

  const walk = (list: readonly Spec[], obj: Obj | undefined, path: PathSegment[], prefix: string) => {
    const siblings: string[] = [];
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      const value = obj?.[spec.key];
      switch (spec.kind) {
        case "field":
          fieldEdit(spec, key, path, obj, [...siblings]);
          break;
        case "group":
          if (isObject(value)) walk(spec.children, value, [...path, spec.key], key);
          else {
            const whole = build(spec.children, key);
            if (Object.keys(whole).length)
              sets.push({ op: "replace", path: [...path, spec.key], value: whole, after: [...siblings] });
          }
          break;
        case "row": {
          const items = Array.isArray(value) ? value : [];
          const index = items.findIndex((item) => isObject(item) && item.id === spec.id);
          if (index >= 0) walk(spec.children, items[index] as Obj, [...path, spec.key, index], rowKey(key, spec.id));
          break;
        }
        case "list": {
          const items = Array.isArray(value) ? value : undefined;
          const seen = new Set<string>();
          items?.forEach((item, index) => {
            const id = rowIdentity(spec, item);
            if (id === undefined || seen.has(id)) return;
            seen.add(id);
            if (merged[rowKey(key, id)] !== PRESENT) deletes.push({ path: [...path, spec.key, index] });
            else if (spec.rows === "id") walk(spec.columns, item as Obj, [...path, spec.key, index], rowKey(key, id));
          });
          const added = (mineOrder[key] ?? []).filter((id) => !seen.has(id) && merged[rowKey(key, id)] === PRESENT);
          if (added.length === 0) break;
          const rows = added.map((id) => newRow(spec, key, id));
          if (items) appends.push({ op: "append", path: [...path, spec.key], items: rows });
          else sets.push({ op: "replace", path: [...path, spec.key], value: rows, after: [...siblings] });
          break;
        }
        case "table": {
          if (sameTable(theirs[key], merged[key])) break;
          const planned = tableEdits(spec, [...path, spec.key], value, decodeTable(merged[key]));
          for (const edit of planned.sets)
            sets.push(
              edit.op === "replace" && edit.path.length === path.length + 1 ? { ...edit, after: [...siblings] } : edit,
            );
          appends.push(...planned.appends);
          deletes.push(...planned.deletes.map((p) => ({ path: p })));
          break;
        }
        case "map": {
          const entries = isObject(value) ? value : undefined;
          const keys = new Set([
            ...Object.keys(entries ?? {}).map((entry) => rowKey(key, entry)),
            ...Object.keys(merged).filter((k) => k.startsWith(`${key}[`)),
          ]);
          const changes = [...keys].filter((k) => merged[k] !== theirs[k]);
          if (changes.length === 0) break;
          if (!entries) {
            sets.push({ op: "replace", path: [...path, spec.key], value: build([spec], prefix)[spec.key] ?? {} });
            break;
          }
          for (const k of changes) {
            const entry = decodeURIComponent(k.slice(key.length + 1, -1));
            if (merged[k] === undefined) deletes.push({ path: [...path, spec.key, entry] });
            else
              sets.push({
                op: "set",
                path: [...path, spec.key, entry],
                value: dataOf(spec.value, merged[k]) as string | number | boolean,
              });
          }
          break;
        }
      }
      siblings.push(spec.key);
    }
  };

  walk(specs, isObject(theirsData) ? theirsData : {}, [], "");
  deletes.sort((a, b) => comparePaths(b.path, a.path));
  return [...sets, ...appends, ...deletes.map(({ path }): YamlEdit => ({ op: "delete", path }))];
}

/** Paths in document order (numbers by value), so deleting in reverse never shifts a later one. */
function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === "number" && typeof b[i] === "number") return (a[i] as number) - (b[i] as number);
    return String(a[i]).localeCompare(String(b[i]));
  }
  return a.length - b.length;
}
