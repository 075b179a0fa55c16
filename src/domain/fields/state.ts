// From YAML data to a page's field values (what the page shows and carries as its base), and from
// what a browser submitted back to field values (what the person wants), with each field's check.
import {
  childKey,
  type FieldSpec,
  type FieldValues,
  type FormState,
  isObject,
  type ListSpec,
  PRESENT,
  rowIdentity,
  rowKey,
  type Spec,
  type TableSpec,
  valueColumn,
} from "./model.js";
import { decodeTable, encodeTable, type TableRow, tableRows } from "./table.js";
import { canonicalOf, FIELD_MESSAGES, type Note, parseInput } from "./values.js";

const REQUIRED = FIELD_MESSAGES.required;

export { rowIdentity };

/** The values the specs cover in `data` (a parsed YAML file), and each list's row order. */
export function flatten(specs: readonly Spec[], data: unknown): FormState {
  const values: FieldValues = {};
  const order: Record<string, string[]> = {};
  const walk = (list: readonly Spec[], obj: unknown, prefix: string) => {
    const here = isObject(obj) ? obj : {};
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      const value = here[spec.key];
      switch (spec.kind) {
        case "field": {
          const v = canonicalOf(spec, value);
          if (v !== undefined) values[key] = v;
          break;
        }
        case "group":
          walk(spec.children, value, key);
          break;
        case "row": {
          const row = Array.isArray(value) ? value.find((item) => isObject(item) && item.id === spec.id) : undefined;
          if (row !== undefined) walk(spec.children, row, rowKey(key, spec.id));
          break;
        }
        case "table":
          values[key] = encodeTable(tableRows(spec, value));
          break;
        case "list": {
          order[key] = [];
          for (const item of Array.isArray(value) ? value : []) {
            const id = rowIdentity(spec, item);
            if (id === undefined || values[rowKey(key, id)] !== undefined) continue;
            values[rowKey(key, id)] = PRESENT;
            order[key].push(id);
            if (spec.rows === "id") walk(spec.columns, item, rowKey(key, id));
          }
          break;
        }
        case "map":
          if (isObject(value))
            for (const [entry, v] of Object.entries(value)) {
              const text = canonicalOf(spec.value, v);
              if (text !== undefined) values[rowKey(key, entry)] = text;
            }
          break;
      }
    }
  };
  walk(specs, data, "");
  return { values, order };
}

/** A row the browser added has a temporary key: "~1", "~2" … (never a valid id). */
export const isNewRow = (id: string) => id.startsWith("~");

export interface Submitted {
  state: FormState;
  /** Messages at fields, by field key (for new rows, the key of the id the row was given). */
  notes: Record<string, { error?: Note; warning?: Note }>;
  /** Rows the browser added: their list, temporary key and the id each was given. */
  newIds: { list: string; temporary: string; id: string }[];
}

/**
 * What the browser sent, as field values. Fields are read by walking the specs (never by trusting
 * the names sent: a name no spec has is ignored, so a form can only change what its page shows).
 * A read-only field keeps the base value. An added row gets an id made from its name, unique
 * among `taken` ids of that list and the rows already read.
 */
export function readSubmitted(
  specs: readonly Spec[],
  form: ReadonlyMap<string, string[]>,
  base: FieldValues,
  taken: (listKey: string) => ReadonlySet<string>,
): Submitted {
  const values: FieldValues = {};
  const order: Record<string, string[]> = {};
  const notes: Submitted["notes"] = {};
  const newIds: Submitted["newIds"] = [];
  const first = (name: string) => form.get(name)?.[0];
  const names = [...form.keys()];

  /** What was sent for a field: a multi's ticked boxes as lines. */
  const sentValue = (spec: FieldSpec, name: string) =>
    spec.input === "multi" ? form.get(name)?.join("\n") : first(name);

  const field = (spec: FieldSpec, key: string, sentAs = key, rowIsNew = false) => {
    const row = key.slice(0, key.length - spec.key.length - 1);
    const hidden = !rowIsNew && spec.hiddenWhen?.((k) => base[childKey(row, k)]);
    if (spec.readOnly || spec.hidden || (spec.fixed && !rowIsNew) || hidden) {
      if (base[key] !== undefined) values[key] = base[key];
      return;
    }
    const parsed = parseInput(spec, sentValue(spec, sentAs));
    if (parsed.value !== undefined) values[key] = parsed.value;
    if (parsed.error || parsed.warning) notes[key] = { error: parsed.error, warning: parsed.warning };
  };

  const walk = (list: readonly Spec[], prefix: string, sentPrefix: string, rowIsNew = false) => {
    for (const spec of list) {
      const key = childKey(prefix, spec.key);
      const sent = childKey(sentPrefix, spec.key);
      switch (spec.kind) {
        case "field":
          field(spec, key, sent, rowIsNew);
          break;
        case "group":
          walk(spec.children, key, sent, rowIsNew);
          break;
        case "table":
          table(spec, key, sent);
          break;
        case "row":
          if (base[rowKey(key, spec.id)] === undefined && !names.some((n) => n.startsWith(rowKey(sent, spec.id))))
            break;
          walk(spec.children, rowKey(key, spec.id), rowKey(sent, spec.id));
          break;
        case "list":
          list_(spec, key, sent);
          break;
        case "map":
          for (const name of names) {
            const entry = entryOf(name, sent);
            if (entry === undefined) continue;
            const parsed = parseInput({ ...spec.value, required: false }, first(name));
            if (parsed.value !== undefined) values[rowKey(key, entry)] = parsed.value;
            if (parsed.error) notes[rowKey(key, entry)] = { error: parsed.error };
          }
          break;
      }
    }
  };

  const list_ = (spec: ListSpec, key: string, sent: string) => {
    order[key] = [];
    const used = new Set(taken(key));
    // Rows in the order the page sent them: a row is there when its marker (or, for plain values, its input) is.
    const rows = names.map((name) => entryOf(name, sent)).filter((id): id is string => id !== undefined);
    for (const sentId of rows) {
      if (spec.rows === "value") {
        const parsed = parseInput({ ...valueColumn(spec), required: false }, first(rowKey(sent, sentId)));
        if (parsed.error) notes[rowKey(key, sentId)] = { error: parsed.error };
        const value = parsed.value;
        if (value === undefined || values[rowKey(key, value)] !== undefined) continue;
        values[rowKey(key, value)] = PRESENT;
        order[key].push(value);
        continue;
      }
      if (first(rowKey(sent, sentId)) !== PRESENT) continue;
      let id = sentId;
      const isNew = isNewRow(sentId);
      if (isNew) {
        if (spec.locked) continue;
        const column = (k: string) => first(childKey(rowKey(sent, sentId), k))?.trim() || undefined;
        id = spec.newId ? spec.newId(column, used) : uniqueId(slugFor(column(spec.idFrom ?? "nama") ?? ""), used);
        newIds.push({ list: key, temporary: sentId, id });
      } else if (values[rowKey(key, id)] !== undefined) continue;
      else if (spec.locked && base[rowKey(key, id)] !== PRESENT) continue;
      used.add(id);
      values[rowKey(key, id)] = PRESENT;
      order[key].push(id);
      walk(spec.columns, rowKey(key, id), rowKey(sent, sentId), isNew);
    }
    // Rows of a locked list stay whatever was sent.
    if (spec.locked)
      for (const id of Object.keys(base)
        .filter((k) => base[k] === PRESENT && entryOf(k, key) !== undefined)
        .map((k) => entryOf(k, key)!))
        if (values[rowKey(key, id)] === undefined) {
          values[rowKey(key, id)] = PRESENT;
          order[key].push(id);
          for (const [k, v] of Object.entries(base)) if (k.startsWith(`${rowKey(key, id)}.`)) values[k] = v;
        }
  };

  /** A table's rows in the order sent: each row's cells checked, empty rows dropped. */
  const table = (spec: TableSpec, key: string, sent: string) => {
    // A table the form does not hold at all (not even its marker) keeps what the page showed.
    if (!names.some((name) => name.startsWith(`${sent}[`))) {
      if (base[key] !== undefined) values[key] = base[key];
      return;
    }
    const known = new Set(decodeTable(base[key]).map((r) => r["@"]));
    const rows: TableRow[] = [];
    const seen = new Set<number>();
    for (const sentId of names.map((name) => entryOf(name, sent)).filter((id): id is string => id !== undefined)) {
      if (first(rowKey(sent, sentId)) !== PRESENT) continue;
      const index = /^\d+$/.test(sentId) ? Number(sentId) : null;
      const origin = index !== null && known.has(index) && !seen.has(index) ? index : null;
      if (origin !== null) seen.add(origin);
      const row: TableRow = { "@": origin };
      if (origin === null) row["~"] = isNewRow(sentId) ? sentId : `~${sentId}`;
      const cellNotes: Submitted["notes"] = {};
      let filled = false;
      for (const column of spec.columns) {
        const name = `${rowKey(sent, sentId)}.${column.key}`;
        const parsed = parseInput({ ...column, required: false }, sentValue(column, name));
        if (parsed.value !== undefined) {
          row[column.key] = parsed.value;
          if (column.input !== "checkbox" || parsed.value !== (column.default ?? "false")) filled = true;
        }
        if (parsed.error || parsed.warning) cellNotes[name] = { error: parsed.error, warning: parsed.warning };
      }
      if (!filled && origin === null) continue;
      for (const column of spec.columns)
        if (column.required && row[column.key] === undefined)
          cellNotes[`${rowKey(sent, sentId)}.${column.key}`] = { error: { message: REQUIRED } };
      Object.assign(notes, cellNotes);
      rows.push(row);
    }
    values[key] = encodeTable(rows);
  };

  walk(specs, "", "");
  return { state: { values, order }, notes, newIds };
}

/** The row id of a submitted name that is exactly `prefix[…]` (a row marker or a plain value). */
function entryOf(name: string, prefix: string): string | undefined {
  if (!name.startsWith(`${prefix}[`) || !name.endsWith("]")) return undefined;
  const inner = name.slice(prefix.length + 1, -1);
  if (inner.includes("[") || inner.includes("]")) return undefined;
  try {
    return decodeURIComponent(inner);
  } catch {
    return undefined;
  }
}

const TITLES = new Set(["dr", "drg", "apt", "ns", "h", "hj", "ir", "prof", "bd", "ners", "st"]);

/** An id from a name: "dr. Ratna Sari Dewi, M.Kes" → "ratna"; lower case ASCII, digits and dashes. */
export function slugFor(name: string): string {
  const beforeDegree = name.split(",")[0];
  const words = beforeDegree
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .filter((word) => word && !(word.endsWith(".") && TITLES.has(word.slice(0, -1))))
    .map((word) => word.replace(/\./g, ""))
    .filter((word) => word && !TITLES.has(word));
  return words.join("-").replace(/^-+|-+$/g, "") || "baru";
}

/** The slug's first word, else more of it, else a number: an id no row of the list has. */
export function uniqueId(slug: string, used: ReadonlySet<string>): string {
  const words = slug.split("-");
  for (let n = 1; n <= words.length; n++) {
    const candidate = words.slice(0, n).join("-");
    if (!used.has(candidate)) return candidate;
  }
  for (let n = 2; ; n++) if (!used.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/**
 * The submission shown again (a mistake to fix, a save that could not be made): rows the browser
 * added keep their temporary keys, so they are new rows again on the next Simpan (an id is only
 * given to a row when it is written).
 */
export function withTemporaryKeys<T>(
  state: FormState,
  notes: Record<string, T>,
  newIds: Submitted["newIds"],
): { state: FormState; notes: Record<string, T> } {
  const rename = (key: string) => {
    for (const { list, temporary, id } of newIds) {
      const from = rowKey(list, id);
      if (key === from || key.startsWith(`${from}.`) || key.startsWith(`${from}[`))
        return rowKey(list, temporary) + key.slice(from.length);
    }
    return key;
  };
  const values = Object.fromEntries(Object.entries(state.values).map(([k, v]) => [rename(k), v]));
  const order = Object.fromEntries(
    Object.entries(state.order).map(([list, ids]) => [
      list,
      ids.map((id) => newIds.find((n) => n.list === list && n.id === id)?.temporary ?? id),
    ]),
  );
  return { state: { values, order }, notes: Object.fromEntries(Object.entries(notes).map(([k, v]) => [rename(k), v])) };
}
