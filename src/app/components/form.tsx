// Form pages from field specs: every field with its visible label, its hint, the message at it
// (error, warning, or the conflict with both values and a choice), in the order the specs give.
// Values are text in the markup, escaped by hono/jsx like every other value.
import type { Child } from "hono/jsx";
import type { Conflict } from "../../domain/fields/merge.js";
import {
  childKey,
  fieldColumns,
  type FieldSpec,
  type FieldValues,
  keyPattern,
  type ListSpec,
  type MapSpec,
  PRESENT,
  rowKey,
  type Spec,
  specIndex,
  type TableSpec,
  valueColumn,
} from "../../domain/fields/model.js";
import { flatten, isNewRow } from "../../domain/fields/state.js";
import { decodeTable, rowsNotIn, type TableRow } from "../../domain/fields/table.js";
import { displayValue, type Note } from "../../domain/fields/values.js";
import { type Message, t } from "../../i18n/index.js";
import { CHOICE_PREFIX, CONFLICT_FIELD, type Shown } from "../save.js";
import { T } from "../text.js";

/** A DOM id for a field key: letters, digits and dashes kept, everything else (the underscore too) as _hex_. */
export const domId = (prefix: string, key: string) =>
  `${prefix}-${key.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;

export const noteText = (note: Note) =>
  t(
    note.message,
    note.params &&
      Object.fromEntries(Object.entries(note.params).map(([k, v]) => [k, typeof v === "object" ? t(v as Message) : v])),
  );

export interface FormContext {
  pageId: string;
  values: FieldValues;
  /** Each list's rows in order (lists inside a row's card find theirs here). */
  order?: Record<string, string[]>;
  notes: Shown["notes"];
  conflicts: readonly Conflict[];
}

const labelOf = (label: Message | string) => (typeof label === "string" ? label : t(label));

/** The label a select shows for a value (the value itself when it is not offered). */
export const optionLabel = (spec: FieldSpec, value: string) => {
  const option = spec.options?.find((o) => o.value === value);
  return option ? labelOf(option.label) : value;
};

/** A table's side of a conflict in a line: the rows the other side does not hold, cell by cell. */
function tableSummary(spec: TableSpec, value: string, other?: string): string {
  const all = decodeTable(value);
  const rows = other === undefined ? all : rowsNotIn(value, other);
  if (rows.length === 0) return all.length ? t(T.rowsRemoved) : t(T.empty);
  return rows
    .map((row) =>
      spec.columns
        .filter((c) => typeof row[c.key] === "string" && c.input !== "checkbox")
        .map((c) =>
          c.input === "select" ? optionLabel(c, row[c.key] as string) : displayValue(c, row[c.key] as string),
        )
        .join(" · "),
    )
    .join(" | ");
}

function NoteLine(props: { id: string; note?: { error?: Note; warning?: Note } }) {
  const { error, warning } = props.note ?? {};
  if (error)
    return (
      <p class="note error" id={props.id} aria-live="polite">
        <strong>{t(T.error)}:</strong> {noteText(error)}
      </p>
    );
  if (warning)
    return (
      <p class="note warning" id={props.id} aria-live="polite">
        <strong>{t(T.warning)}:</strong> {noteText(warning)}
      </p>
    );
  return <p class="note" id={props.id} aria-live="polite"></p>;
}
export { NoteLine };

function ConflictChoice(props: { spec: FieldSpec | TableSpec; conflict: Conflict }) {
  const { spec, conflict } = props;
  const shown = (value: string | undefined, other?: string) =>
    value === undefined
      ? t(T.empty)
      : spec.kind === "table"
        ? tableSummary(spec, value, other)
        : displayValue(spec, value) || t(T.empty);
  const name = `${CHOICE_PREFIX}${conflict.key}`;
  return (
    <div class="conflict" role="group" aria-label={t(T.conflictField)}>
      <p>{t(T.conflictField)}</p>
      <input type="hidden" name={CONFLICT_FIELD} value={conflict.key} />
      <label class="choice">
        <input type="radio" name={name} value="saya" />{" "}
        {t(T.conflictMine, { value: shown(conflict.mine, conflict.theirs) })}
      </label>
      <label class="choice">
        <input type="radio" name={name} value="berkas" />{" "}
        {t(T.conflictTheirs, { value: shown(conflict.theirs, conflict.mine) })}
      </label>
    </div>
  );
}

/** The input of one field, without its label (tables label their cells themselves). */
function Input(props: {
  spec: FieldSpec;
  name: string;
  value?: string;
  ctx: FormContext;
  labelled?: string;
  /** The row the field is in was written already (a fixed column is read-only then). */
  written?: boolean;
  /** A one-line text in a narrow table column: shown wrapped over lines (a name read whole, never cut). */
  wrap?: boolean;
}) {
  const { name, ctx } = props;
  const spec = props.spec.fixed && props.written ? { ...props.spec, readOnly: true } : props.spec;
  const id = domId("f", name);
  const noteId = domId("n", name);
  const hintId = spec.hint ? domId("h", name) : undefined;
  const invalid = Boolean(ctx.notes[name]?.error);
  const describedBy = [hintId, noteId].filter(Boolean).join(" ");
  const check =
    spec.input === "checkbox" || spec.input === "select" || spec.readOnly
      ? {}
      : {
          "hx-post": "/periksa",
          "hx-trigger": "change",
          "hx-target": `#${noteId}`,
          "hx-swap": "outerHTML",
          "hx-params": `_halaman,_isian,${name}`,
          "hx-vals": JSON.stringify({ _halaman: ctx.pageId, _isian: name }),
        };
  const common = {
    id,
    name,
    "aria-describedby": describedBy,
    "aria-invalid": invalid ? "true" : undefined,
    "aria-required": spec.required ? "true" : undefined,
    "aria-label": props.labelled,
    class: spec.width ? `w-${spec.width}` : undefined,
  };
  const value = displayValue(spec, props.value);
  if (spec.readOnly && (spec.input === "select" || spec.input === "multi")) {
    const labels = (props.value ?? "")
      .split("\n")
      .filter(Boolean)
      .map((v) => optionLabel(spec, v));
    return <input type="text" {...common} value={labels.join(", ")} readonly />;
  }
  switch (spec.input) {
    case "multi": {
      const chosen = (props.value ?? "").split("\n").filter(Boolean);
      const options = [
        ...(spec.options ?? []),
        ...chosen.filter((v) => !spec.options?.some((o) => o.value === v)).map((v) => ({ value: v, label: v })),
      ];
      return (
        <div class={`multi${spec.width ? ` w-${spec.width}` : ""}`} id={id} role="group" aria-label={props.labelled}>
          {options.map((o, i) => (
            <label class="choice" for={`${id}-${i}`}>
              <input
                type="checkbox"
                id={`${id}-${i}`}
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
                aria-describedby={describedBy}
              />{" "}
              {labelOf(o.label)}
            </label>
          ))}
          {/* An empty value marks the field as sent even with nothing ticked. */}
          <input type="hidden" name={name} value="" />
        </div>
      );
    }
    case "date":
      return <input type="date" {...common} {...check} value={props.value ?? ""} readonly={spec.readOnly} />;
    case "checkbox":
      return <input type="checkbox" {...common} value="on" checked={props.value === "true"} />;
    case "select": {
      const options = spec.options ?? [];
      const known = props.value === undefined || options.some((o) => o.value === props.value);
      return (
        <select {...common}>
          {!spec.required || props.value === undefined ? <option value="">—</option> : null}
          {options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {labelOf(o.label)}
            </option>
          ))}
          {known ? null : (
            <option value={props.value} selected>
              {props.value}
            </option>
          )}
        </select>
      );
    }
    case "textarea":
    case "lines":
      return (
        <textarea {...common} {...check} rows={3} readonly={spec.readOnly}>
          {value}
        </textarea>
      );
    default:
      // Still one line (Enter is not a line break here, and a line break is refused at the field).
      if (props.wrap && spec.input === "text")
        return (
          <textarea {...common} {...check} class="one-line" rows={1} data-satu-baris readonly={spec.readOnly}>
            {value}
          </textarea>
        );
      return (
        <input
          type="text"
          {...common}
          {...check}
          value={value}
          readonly={spec.readOnly}
          inputmode={
            spec.input === "nip" || spec.input === "integer"
              ? "numeric"
              : spec.input === "number" || spec.input === "time"
                ? "decimal"
                : undefined
          }
          placeholder={spec.input === "time" ? "08.00" : undefined}
          autocomplete="off"
          spellcheck={spec.input === "text" ? undefined : false}
        />
      );
  }
}

/** A short column header (a criterion's letter, ✓) with its name written under it, not only on hover. */
export function Abbr(props: { abbr: string; label: string }) {
  // The name without its explanation in brackets (that stays on hover): "Magnitude", "Cost".
  const name = (
    props.label.startsWith(`${props.abbr} `) ? props.label.slice(props.abbr.length + 1) : props.label
  ).replace(/ \(.*\)$/, "");
  return (
    <>
      <abbr title={props.label}>{props.abbr}</abbr>
      <small class="abbr-name">{name}</small>
    </>
  );
}

export function Field(props: { spec: FieldSpec; name: string; ctx: FormContext; written?: boolean }) {
  const { spec, name, ctx } = props;
  if (spec.hidden) return null;
  const conflict = ctx.conflicts.find((c) => c.key === name && !c.row);
  const checkbox = spec.input === "checkbox";
  const wide = ["textarea", "lines", "multi"].includes(spec.input) || spec.width === "l";
  const classes =
    `field${ctx.notes[name]?.error ? " has-error" : ""}${conflict ? " has-conflict" : ""}` +
    `${checkbox ? " check" : ""}${wide ? " wide" : ""}`;
  const input = <Input spec={spec} name={name} value={ctx.values[name]} ctx={ctx} written={props.written} />;
  const after = (
    <>
      {spec.hint ? (
        <p class="hint" id={domId("h", name)}>
          {t(spec.hint)}
        </p>
      ) : null}
      <NoteLine id={domId("n", name)} note={ctx.notes[name]} />
      {conflict ? <ConflictChoice spec={spec} conflict={conflict} /> : null}
    </>
  );
  if (spec.input === "multi" && !(spec.readOnly || (spec.fixed && props.written)))
    return (
      <fieldset class={`${classes} multi-field`}>
        <legend>
          {t(spec.label)}
          {spec.required ? <span class="req"> *</span> : null}
        </legend>
        {input}
        {after}
      </fieldset>
    );
  return (
    <div class={classes}>
      {checkbox ? (
        <label for={domId("f", name)}>
          {input} {t(spec.label)}
        </label>
      ) : (
        <>
          <label for={domId("f", name)}>
            {t(spec.label)}
            {spec.required ? <span class="req"> *</span> : null}
          </label>
          {input}
        </>
      )}
      {after}
    </div>
  );
}

/** A row's title: its name column, else the list's own title, else its id. */
function rowTitle(spec: ListSpec, key: string, id: string, ctx: FormContext): string {
  const column = (k: string) => ctx.values[childKey(key, k)];
  if (spec.title) {
    const text = spec.title(column, id);
    // A row just added has only a temporary key ("~4"): never shown to the person as its title.
    return isNewRow(id) ? text.replace(id, "").replace(/^[\s—:–-]+|[\s—:–-]+$/g, "") : text;
  }
  return column(spec.idFrom ?? "nama") ?? (spec.rows === "value" || !isNewRow(id) ? id : "");
}

/** One row of a list table; `sent` is its key in the form (a temporary "~N" for a row just added). */
export function Row(props: { spec: ListSpec; listKey: string; id: string; ctx: FormContext; present?: boolean }) {
  const { spec, listKey, id, ctx } = props;
  const key = rowKey(listKey, id);
  const rowConflict = ctx.conflicts.find((c) => c.key === key && c.row);
  const present = props.present ?? true;
  const title = rowTitle(spec, key, id, ctx);
  const written = !isNewRow(id);
  if (spec.rows === "value") {
    const column = valueColumn(spec);
    return (
      <tr data-row>
        <td>
          <Input spec={column} name={key} value={isNewRow(id) ? "" : id} ctx={ctx} labelled={t(column.label)} />
          <NoteLine id={domId("n", key)} note={ctx.notes[key]} />
        </td>
        <td class="actions">
          <RemoveButton title={title} />
        </td>
      </tr>
    );
  }
  const conflictNote = rowConflict ? (
    <>
      <strong>{t(T.warning)}:</strong> {t(rowConflict.row === "removed-here" ? T.rowRemovedHere : T.rowRemovedThere)}
    </>
  ) : null;
  if (spec.layout === "cards")
    return (
      <fieldset class={`card-row${rowConflict ? " row-conflict" : ""}`} data-row id={domId("f", key)}>
        <legend>{title || t(T.newRow)}</legend>
        <input type="hidden" name={key} value={PRESENT} />
        {conflictNote ? <p class="row-note">{conflictNote}</p> : null}
        <Specs specs={spec.columns} prefix={key} ctx={ctx} order={ctx.order ?? {}} written={written} />
        {spec.rowLink && present && written ? (
          <p>
            <a href={spec.rowLink.href(id)}>{t(spec.rowLink.label)}</a>
          </p>
        ) : null}
        {spec.locked ? null : (
          <p class="actions">
            <RemoveButton title={title} />
          </p>
        )}
      </fieldset>
    );
  const columns = fieldColumns(spec).filter((c) => !c.hidden);
  return (
    <>
      <tr data-row class={rowConflict ? "row-conflict" : undefined}>
        {spec.fixedRows ? (
          <td class="pick">
            <input
              type="checkbox"
              id={domId("f", key)}
              name={key}
              value={PRESENT}
              checked={present}
              aria-label={t({ id: "Dipakai: {row}", en: "In use: {row}" }, { row: title || id })}
            />
          </td>
        ) : null}
        {columns.map((column, index) => {
          const name = childKey(key, column.key);
          const conflict = ctx.conflicts.find((c) => c.key === name && !c.row);
          const marker = index === 0 && !spec.fixedRows ? <input type="hidden" name={key} value={PRESENT} /> : null;
          if (written && column.hiddenWhen?.((k) => ctx.values[childKey(key, k)])) return <td>{marker}</td>;
          if (column.readOnly && column.input !== "select" && column.input !== "multi")
            return (
              <td class="fixed">
                {marker}
                {displayValue(column, ctx.values[name])}
              </td>
            );
          if ((written && column.fixed) || column.readOnly)
            return (
              <td class="fixed">
                {marker}
                {ctx.values[name] ? optionLabel(column, ctx.values[name]) : ""}
              </td>
            );
          return (
            <td class={ctx.notes[name]?.error ? "has-error" : conflict ? "has-conflict" : undefined}>
              {index === 0 && !spec.fixedRows ? <input type="hidden" name={key} value={PRESENT} /> : null}
              <Input
                spec={column}
                name={name}
                value={ctx.values[name]}
                ctx={ctx}
                written={written}
                labelled={`${t(column.label)}${title ? `: ${title}` : ""}`}
                wrap={column.input === "text"}
              />
              <NoteLine id={domId("n", name)} note={ctx.notes[name]} />
              {conflict ? <ConflictChoice spec={column} conflict={conflict} /> : null}
            </td>
          );
        })}
        {spec.rowLink ? (
          <td class="actions">
            {present && written ? (
              <a href={spec.rowLink.href(id)} aria-label={`${t(spec.rowLink.label)}: ${title || id}`}>
                {t(spec.rowLink.label)}
              </a>
            ) : null}
          </td>
        ) : null}
        {spec.fixedRows || spec.locked ? null : (
          <td class="actions">
            <RemoveButton title={title} />
          </td>
        )}
      </tr>
      {rowConflict ? (
        <tr class="row-note">
          <td colspan={columns.length + 1 + (spec.rowLink ? 1 : 0)}>{conflictNote}</td>
        </tr>
      ) : null}
    </>
  );
}

function RemoveButton(props: { title: string }) {
  return (
    <button
      type="button"
      class="remove"
      data-hapus
      aria-label={t(T.removeRowLabel, { row: props.title || t(T.newRow) })}
    >
      {t(T.removeRow)}
    </button>
  );
}

function AddButton(props: { pageId: string; listKey: string; bodyId: string; label: string }) {
  return (
    <button
      type="button"
      class="add"
      hx-get={`/baris?halaman=${encodeURIComponent(props.pageId)}&daftar=${encodeURIComponent(props.listKey)}`}
      hx-target={`#${props.bodyId}`}
      hx-swap="beforeend"
    >
      + {props.label}
    </button>
  );
}

function ListTable(props: { spec: ListSpec; listKey: string; ctx: FormContext; order: string[] }) {
  const { spec, listKey, ctx } = props;
  const bodyId = domId("rows", listKey);
  const present = props.order.filter((id) => ctx.values[rowKey(listKey, id)] === PRESENT);
  const offered = (spec.candidates ?? []).filter((id) => !present.includes(id));
  // A ticked-off candidate shows what it would bring: its template's values.
  const candidateValues = (id: string): FieldValues => {
    const template = spec.template?.(id) ?? {};
    const flat = flatten([{ ...spec, candidates: undefined }], { [spec.key]: [{ id, ...template }] }).values;
    return Object.fromEntries(
      Object.entries(flat).map(([k, v]) => [k.replace(new RegExp(`^${escapeRegExp(spec.key)}`), listKey), v]),
    );
  };
  const add =
    spec.fixedRows || spec.locked ? null : (
      <AddButton pageId={ctx.pageId} listKey={listKey} bodyId={bodyId} label={t(spec.addLabel ?? T.addRow)} />
    );
  if (spec.layout === "cards")
    return (
      <section class="list cards" aria-label={t(spec.label)}>
        <h2 class="list-title">{t(spec.label)}</h2>
        <div id={bodyId} class="card-rows">
          {present.map((id) => (
            <Row spec={spec} listKey={listKey} id={id} ctx={ctx} />
          ))}
        </div>
        {present.length === 0 && spec.locked ? <p class="muted">{t(T.none)}</p> : null}
        {add}
      </section>
    );
  const columns = fieldColumns(spec).filter((c) => !c.hidden);
  return (
    <fieldset class="list">
      <legend>{t(spec.label)}</legend>
      <div class="table-wrap">
        <table class="rows">
          <thead>
            <tr>
              {spec.fixedRows ? (
                <th scope="col" class="c-pick">
                  {t({ id: "Dipakai", en: "In use" })}
                </th>
              ) : null}
              {columns.map((c) => (
                <th scope="col" class={c.input === "checkbox" ? "c-x" : `c-${c.width ?? "m"}`}>
                  {c.abbr ? <Abbr abbr={c.abbr} label={t(c.label)} /> : t(c.label)}
                  {c.required ? <span class="req"> *</span> : null}
                </th>
              ))}
              {spec.rowLink ? (
                <th scope="col" class="c-link">
                  <span class="sr">{t(spec.rowLink.label)}</span>
                </th>
              ) : null}
              {spec.fixedRows || spec.locked ? null : (
                <th scope="col" class="c-act">
                  <span class="sr">{t(T.removeRow)}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody id={bodyId}>
            {present.map((id) => (
              <Row spec={spec} listKey={listKey} id={id} ctx={ctx} />
            ))}
            {offered.map((id) => (
              <Row
                spec={spec}
                listKey={listKey}
                id={id}
                ctx={{ ...ctx, values: { ...candidateValues(id), ...ctx.values } }}
                present={false}
              />
            ))}
          </tbody>
        </table>
      </div>
      {add}
    </fieldset>
  );
}

/** The form key of a table row: its index in the file, or the temporary key of a row added here. */
export const tableRowId = (row: TableRow) => (typeof row["@"] === "number" ? String(row["@"]) : (row["~"] ?? "~"));

/** The values of a table's rows as the fields of its cells, so each cell is an ordinary input. */
export function tableCells(spec: TableSpec, tableKey: string, rows: readonly TableRow[]): FieldValues {
  const out: FieldValues = {};
  for (const row of rows)
    for (const column of spec.columns) {
      const value = row[column.key];
      if (typeof value === "string") out[`${rowKey(tableKey, tableRowId(row))}.${column.key}`] = value;
    }
  return out;
}

/** One row of a table (a list without ids). */
export function TableRowView(props: { spec: TableSpec; tableKey: string; id: string; ctx: FormContext; n: number }) {
  const { spec, tableKey, id, ctx } = props;
  const key = rowKey(tableKey, id);
  const rowName = props.n ? t(T.rowNumber, { n: props.n }) : t(T.newRow);
  const label = (column: FieldSpec) => `${t(column.label)} (${rowName})`;
  if (spec.layout === "cards")
    return (
      <fieldset class="card-row" data-row>
        <legend>{rowName}</legend>
        <input type="hidden" name={key} value={PRESENT} />
        <div class="fields">
          {spec.columns.map((column) => (
            <Field spec={column} name={`${key}.${column.key}`} ctx={ctx} />
          ))}
        </div>
        <p class="actions">
          <RemoveButton title={rowName} />
        </p>
      </fieldset>
    );
  return (
    <tr data-row>
      {spec.columns.map((column, index) => {
        const name = `${key}.${column.key}`;
        return (
          <td class={ctx.notes[name]?.error ? "has-error" : undefined}>
            {index === 0 ? <input type="hidden" name={key} value={PRESENT} /> : null}
            <Input
              spec={column}
              name={name}
              value={ctx.values[name]}
              ctx={ctx}
              labelled={label(column)}
              wrap={column.input === "text"}
            />
            <NoteLine id={domId("n", name)} note={ctx.notes[name]} />
          </td>
        );
      })}
      <td class="actions">
        <RemoveButton title={rowName} />
      </td>
    </tr>
  );
}

function TableList(props: { spec: TableSpec; tableKey: string; ctx: FormContext }) {
  const { spec, tableKey } = props;
  const rows = decodeTable(props.ctx.values[tableKey]);
  const ctx = { ...props.ctx, values: { ...props.ctx.values, ...tableCells(spec, tableKey, rows) } };
  const bodyId = domId("rows", tableKey);
  const conflict = ctx.conflicts.find((c) => c.key === tableKey);
  const add = <AddButton pageId={ctx.pageId} listKey={tableKey} bodyId={bodyId} label={t(spec.addLabel ?? T.addRow)} />;
  const note = (
    <>
      {spec.hint ? <p class="hint">{t(spec.hint)}</p> : null}
      <input type="hidden" name={`${tableKey}[]`} value="" />
      {conflict ? <ConflictChoice spec={spec} conflict={conflict} /> : null}
    </>
  );
  if (spec.layout === "cards")
    return (
      <section
        class={`list cards${conflict ? " has-conflict" : ""}`}
        aria-label={t(spec.label)}
        id={domId("f", tableKey)}
      >
        <h2 class="list-title">{t(spec.label)}</h2>
        {note}
        <div id={bodyId} class="card-rows">
          {rows.map((row, i) => (
            <TableRowView spec={spec} tableKey={tableKey} id={tableRowId(row)} ctx={ctx} n={i + 1} />
          ))}
        </div>
        {add}
      </section>
    );
  return (
    <fieldset class={`list${conflict ? " has-conflict" : ""}`} id={domId("f", tableKey)}>
      <legend>{t(spec.label)}</legend>
      {note}
      <div class="table-wrap">
        <table class="rows">
          <thead>
            <tr>
              {spec.columns.map((c) => (
                <th scope="col" class={c.input === "checkbox" ? "c-x" : `c-${c.width ?? "m"}`}>
                  {t(c.label)}
                  {c.required ? <span class="req"> *</span> : null}
                </th>
              ))}
              <th scope="col" class="c-act">
                <span class="sr">{t(T.removeRow)}</span>
              </th>
            </tr>
          </thead>
          <tbody id={bodyId}>
            {rows.map((row, i) => (
              <TableRowView spec={spec} tableKey={tableKey} id={tableRowId(row)} ctx={ctx} n={i + 1} />
            ))}
          </tbody>
        </table>
      </div>
      {add}
    </fieldset>
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function MapTable(props: { spec: MapSpec; mapKey: string; ctx: FormContext }) {
  const { spec, mapKey, ctx } = props;
  const known = new Set(spec.entries.map((e) => e.key));
  const extra = Object.keys(ctx.values)
    .filter((k) => k.startsWith(`${mapKey}[`))
    .map((k) => decodeURIComponent(k.slice(mapKey.length + 1, -1)))
    .filter((k) => !known.has(k))
    .map((key) => ({ key, label: "" }));
  return (
    <fieldset class="list">
      <legend>{t(spec.label)}</legend>
      <div class="table-wrap tall">
        <table class="rows">
          <thead>
            <tr>
              <th scope="col">{t({ id: "Aturan", en: "Rule" })}</th>
              <th scope="col">{t(spec.value.label)}</th>
            </tr>
          </thead>
          <tbody>
            {[...extra, ...spec.entries].map((entry) => {
              const name = rowKey(mapKey, entry.key);
              return (
                <tr>
                  <td>
                    <code>{entry.key}</code> {entry.label}
                  </td>
                  <td>
                    <Input
                      spec={{ ...spec.value, required: false }}
                      name={name}
                      value={ctx.values[name]}
                      ctx={ctx}
                      labelled={entry.key}
                    />
                    <NoteLine id={domId("n", name)} note={ctx.notes[name]} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

export function Specs(props: {
  specs: readonly Spec[];
  prefix: string;
  ctx: FormContext;
  order: Record<string, string[]>;
  /** The specs are a written row's columns (its fixed fields are read-only). */
  written?: boolean;
}) {
  // Fields side by side in a grid; lists, tables and labelled groups each on their own.
  const blocks: Child[] = [];
  let fields: Child[] = [];
  const flush = () => {
    if (fields.length) blocks.push(<div class="fields">{fields}</div>);
    fields = [];
  };
  const walk = (specs: readonly Spec[], prefix: string) => {
    for (const spec of specs) {
      const key = childKey(prefix, spec.key);
      switch (spec.kind) {
        case "field":
          fields.push(<Field spec={spec} name={key} ctx={props.ctx} written={props.written} />);
          break;
        case "group":
          if (!spec.label) {
            walk(spec.children, key);
            break;
          }
          flush();
          blocks.push(
            <fieldset class="group" id={domId("f", key)}>
              <legend>{t(spec.label)}</legend>
              <Specs specs={spec.children} prefix={key} ctx={props.ctx} order={props.order} written={props.written} />
            </fieldset>,
          );
          break;
        case "row":
          walk(spec.children, rowKey(key, spec.id));
          break;
        case "list":
          flush();
          blocks.push(<ListTable spec={spec} listKey={key} ctx={props.ctx} order={props.order[key] ?? []} />);
          break;
        case "map":
          flush();
          blocks.push(<MapTable spec={spec} mapKey={key} ctx={props.ctx} />);
          break;
        case "table":
          flush();
          blocks.push(<TableList spec={spec} tableKey={key} ctx={props.ctx} />);
          break;
      }
    }
  };
  walk(props.specs, props.prefix);
  flush();
  return <>{blocks}</>;
}

/** How a field is named in a summary: its label, and the row it is in ("Jabatan (Budi TU)"). */
export function fieldName(specs: readonly Spec[], values: FieldValues, key: string): string {
  const spec = specIndex(specs).get(keyPattern(key));
  const row = /^(.*\])\.[a-z_]+$/.exec(key)?.[1];
  const rowName = row ? (values[`${row}.nama`] ?? decodeURIComponent(/\[([^\]]*)\]$/.exec(row)?.[1] ?? "")) : "";
  const label = spec ? t(spec.label) : key;
  return rowName ? `${label} (${rowName})` : label;
}

/** The list of fields to look at, each a link to its field (the error summary pattern). */
export function FieldSummary(props: { specs: readonly Spec[]; values: FieldValues; keys: readonly string[] }) {
  if (props.keys.length === 0) return null;
  return (
    <ul class="summary">
      {props.keys.map((key) => (
        <li>
          <a href={`#${domId("f", key)}`}>{fieldName(props.specs, props.values, key)}</a>
        </li>
      ))}
    </ul>
  );
}
