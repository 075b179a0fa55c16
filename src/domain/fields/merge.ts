// The rule that keeps a save from undoing a change made elsewhere: a three-way merge of field
// values, the way version control merges. `base` is what the page showed, `mine` what the person
// submitted, `theirs` what the file holds now (another window, the CLI, an import, git).
// - a field the person did not change takes the file's value;
// - a field only the person changed takes the person's value;
// - a field both changed, to different values, is a conflict: nothing is written until the
//   person has seen both values and chosen (never a silent win);
// - a row removed on one side and changed on the other is a conflict of the whole row.
import { type FieldValues, PRESENT } from "./model.js";

export interface Conflict {
  key: string;
  base?: string;
  mine?: string;
  theirs?: string;
  /** A row one side removed and the other changed: `key` is the row's key. */
  row?: "removed-here" | "removed-there";
}

export interface MergeResult {
  merged: FieldValues;
  conflicts: Conflict[];
  /** Keys whose merged value differs from the file's: what a save writes. */
  changed: string[];
}

const isRowKey = (key: string, values: readonly FieldValues[]) =>
  key.endsWith("]") && values.some((v) => v[key] === PRESENT);

export function mergeFields(base: FieldValues, mine: FieldValues, theirs: FieldValues): MergeResult {
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(base), ...Object.keys(mine)])];
  const merged: FieldValues = {};
  const conflicts: Conflict[] = [];
  for (const key of keys) {
    const [b, m, t] = [base[key], mine[key], theirs[key]];
    let value: string | undefined;
    if (m === t || m === b) value = t;
    else if (t === b) value = m;
    else {
      conflicts.push({ key, base: b, mine: m, theirs: t });
      value = t;
    }
    if (value !== undefined) merged[key] = value;
  }

  // Rows: removed on one side while the other side changed something inside them.
  const rowConflicts: Conflict[] = [];
  for (const key of keys) {
    if (!isRowKey(key, [base, mine, theirs])) continue;
    const inside = (k: string) => k.startsWith(`${key}.`) || k.startsWith(`${key}[`);
    const changedIn = (side: FieldValues) => keys.some((k) => inside(k) && side[k] !== base[k]);
    if (base[key] === PRESENT && mine[key] === undefined && theirs[key] === PRESENT && changedIn(theirs))
      rowConflicts.push({ key, base: base[key], mine: undefined, theirs: theirs[key], row: "removed-here" });
    else if (base[key] === PRESENT && theirs[key] === undefined && mine[key] === PRESENT && changedIn(mine))
      rowConflicts.push({ key, base: base[key], mine: mine[key], theirs: undefined, row: "removed-there" });
  }
  // Field conflicts inside a row-level conflict are that conflict.
  const inConflictRow = (key: string) =>
    rowConflicts.some((r) => key.startsWith(`${r.key}.`) || key.startsWith(`${r.key}[`));
  const all = [
    ...rowConflicts,
    ...conflicts.filter((c) => !inConflictRow(c.key) && !rowConflicts.some((r) => r.key === c.key)),
  ];

  // A row the merge removes takes everything inside it along.
  for (const key of Object.keys(merged)) {
    const owner = keys.find(
      (row) =>
        isRowKey(row, [base, mine, theirs]) &&
        merged[row] === undefined &&
        (key.startsWith(`${row}.`) || key.startsWith(`${row}[`)),
    );
    if (owner) delete merged[key];
  }
  const changed = [...new Set([...Object.keys(merged), ...Object.keys(theirs)])].filter((k) => merged[k] !== theirs[k]);
  return { merged, conflicts: all, changed };
}

/**
 * The person's answers to shown conflicts: "berkas" (keep what the file holds) puts the value the
 * page was re-shown with (the new base) back into `mine`; "saya" keeps what was typed.
 */
export function applyChoices(
  mine: FieldValues,
  base: FieldValues,
  choices: Readonly<Record<string, "saya" | "berkas">>,
): FieldValues {
  const out = { ...mine };
  for (const [key, choice] of Object.entries(choices)) {
    if (choice !== "berkas") continue;
    if (base[key] === undefined) delete out[key];
    else out[key] = base[key];
  }
  return out;
}
