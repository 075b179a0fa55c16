// Form pages from field specs: every field with its visible label, its hint, the message at it
// (error, warning, or the conflict with both values and a choice), in the order the specs give.
// Values are text in the markup, escaped by hono/jsx like every other value.
import type { Conflict } from "../../domain/fields/merge.js";
import {
  childKey,
  type FieldSpec,
  type FieldValues,
  keyPattern,
  type ListSpec,
  type MapSpec,
  PRESENT,
  rowKey,
  type Spec,
  specIndex,
} from "../../domain/fields/model.js";
import { flatten } from "../../domain/fields/state.js";
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
  notes: Shown["notes"];
  conflicts: readonly Conflict[];
}

const labelOf = (label: Message | string) => (typeof label === "string" ? label : t(label));

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

function ConflictChoice(props: { spec: FieldSpec; conflict: Conflict }) {
  const { spec, conflict } = props;
  const shown = (value: string | undefined) =>
    value === undefined ? t(T.empty) : displayValue(spec, value) || t(T.empty);
  const name = `${CHOICE_PREFIX}${conflict.key}`;
  return (
    <div class="conflict" role="group" aria-label={t(T.conflictField)}>
      <p>{t(T.conflictField)}</p>
      <input type="hidden" name={CONFLICT_FIELD} value={conflict.key} />
      <label class="choice">
        <input type="radio" name={name} value="saya" /> {t(T.conflictMine, { value: shown(conflict.mine) })}
      </label>
      <label class="choice">
        <input type="radio" name={name} value="berkas" /> {t(T.conflictTheirs, { value: shown(conflict.theirs) })}
      </label>
    </div>
  );
}

/** The input of one field, without its label (tables label their cells themselves). */
function Input(props: { spec: FieldSpec; name: string; value?: string; ctx: FormContext; labelled?: string }) {
  const { spec, name, ctx } = props;
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
  switch (spec.input) {
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
              : spec.input === "number"
                ? "decimal"
                : undefined
          }
          autocomplete="off"
          spellcheck={spec.input === "text" ? undefined : false}
        />
      );
  }
}

export function Field(props: { spec: FieldSpec; name: string; ctx: FormContext }) {
  const { spec, name, ctx } = props;
  const conflict = ctx.conflicts.find((c) => c.key === name && !c.row);
  const checkbox = spec.input === "checkbox";
  return (
    <div
      class={`field${ctx.notes[name]?.error ? " has-error" : ""}${conflict ? " has-conflict" : ""}${checkbox ? " check" : ""}`}
    >
      {checkbox ? (
        <label for={domId("f", name)}>
          <Input spec={spec} name={name} value={ctx.values[name]} ctx={ctx} /> {t(spec.label)}
        </label>
      ) : (
        <>
          <label for={domId("f", name)}>
            {t(spec.label)}
            {spec.required ? <span class="req"> *</span> : null}
          </label>
          <Input spec={spec} name={name} value={ctx.values[name]} ctx={ctx} />
        </>
      )}
      {spec.hint ? (
        <p class="hint" id={domId("h", name)}>
          {t(spec.hint)}
        </p>
      ) : null}
      <NoteLine id={domId("n", name)} note={ctx.notes[name]} />
      {conflict ? <ConflictChoice spec={spec} conflict={conflict} /> : null}
    </div>
  );
}

/** One row of a list table; `sent` is its key in the form (a temporary "~N" for a row just added). */
export function Row(props: { spec: ListSpec; listKey: string; id: string; ctx: FormContext; present?: boolean }) {
  const { spec, listKey, id, ctx } = props;
  const key = rowKey(listKey, id);
  const rowConflict = ctx.conflicts.find((c) => c.key === key && c.row);
  const present = props.present ?? true;
  const title = ctx.values[childKey(key, spec.idFrom ?? "nama")] ?? (spec.rows === "value" ? id : "");
  if (spec.rows === "value") {
    const column = spec.columns[0];
    return (
      <tr data-row>
        <td>
          <Input spec={column} name={key} value={id.startsWith("~") ? "" : id} ctx={ctx} labelled={t(column.label)} />
          <NoteLine id={domId("n", key)} note={ctx.notes[key]} />
        </td>
        <td class="actions">
          <RemoveButton title={title} />
        </td>
      </tr>
    );
  }
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
        {spec.columns.map((column, index) => {
          const name = childKey(key, column.key);
          const conflict = ctx.conflicts.find((c) => c.key === name && !c.row);
          return (
            <td class={ctx.notes[name]?.error ? "has-error" : conflict ? "has-conflict" : undefined}>
              {index === 0 && !spec.fixedRows ? <input type="hidden" name={key} value={PRESENT} /> : null}
              <Input
                spec={column}
                name={name}
                value={ctx.values[name]}
                ctx={ctx}
                labelled={`${t(column.label)}${title ? `: ${title}` : ""}`}
              />
              <NoteLine id={domId("n", name)} note={ctx.notes[name]} />
              {conflict ? <ConflictChoice spec={column} conflict={conflict} /> : null}
            </td>
          );
        })}
        {spec.rowLink ? (
          <td class="actions">
            {present && !id.startsWith("~") ? (
              <a href={spec.rowLink.href(id)} aria-label={`${t(spec.rowLink.label)}: ${title || id}`}>
                {t(spec.rowLink.label)}
              </a>
            ) : null}
          </td>
        ) : null}
        {spec.fixedRows ? null : (
          <td class="actions">
            <RemoveButton title={title} />
          </td>
        )}
      </tr>
      {rowConflict ? (
        <tr class="row-note">
          <td colspan={spec.columns.length + 1 + (spec.rowLink ? 1 : 0)}>
            <strong>{t(T.warning)}:</strong>{" "}
            {t(rowConflict.row === "removed-here" ? T.rowRemovedHere : T.rowRemovedThere)}
          </td>
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
              {spec.columns.map((c) => (
                <th scope="col" class={c.input === "checkbox" ? "c-x" : `c-${c.width ?? "m"}`}>
                  {t(c.label)}
                  {c.required ? <span class="req"> *</span> : null}
                </th>
              ))}
              {spec.rowLink ? (
                <th scope="col" class="c-link">
                  <span class="sr">{t(spec.rowLink.label)}</span>
                </th>
              ) : null}
              {spec.fixedRows ? null : (
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
      {spec.fixedRows ? null : (
        <button
          type="button"
          class="add"
          hx-get={`/baris?halaman=${encodeURIComponent(ctx.pageId)}&daftar=${encodeURIComponent(listKey)}`}
          hx-target={`#${bodyId}`}
          hx-swap="beforeend"
        >
          + {t(spec.addLabel ?? T.addRow)}
        </button>
      )}
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
}) {
  return (
    <>
      {props.specs.map((spec) => {
        const key = childKey(props.prefix, spec.key);
        switch (spec.kind) {
          case "field":
            return <Field spec={spec} name={key} ctx={props.ctx} />;
          case "group":
            return spec.label ? (
              <fieldset class="group">
                <legend>{t(spec.label)}</legend>
                <Specs specs={spec.children} prefix={key} ctx={props.ctx} order={props.order} />
              </fieldset>
            ) : (
              <Specs specs={spec.children} prefix={key} ctx={props.ctx} order={props.order} />
            );
          case "row":
            return <Specs specs={spec.children} prefix={rowKey(key, spec.id)} ctx={props.ctx} order={props.order} />;
          case "list":
            return <ListTable spec={spec} listKey={key} ctx={props.ctx} order={props.order[key] ?? []} />;
          case "map":
            return <MapTable spec={spec} mapKey={key} ctx={props.ctx} />;
        }
      })}
    </>
  );
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
