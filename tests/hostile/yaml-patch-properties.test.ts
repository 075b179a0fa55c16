// Property tests for src/io/yaml-patch.ts: hand-styled YAML documents (block/flow collections, plain,
// quoted, tagged and block scalars, comments, blank lines, indentation 2 or 4, indented or flush
// sequences, CRLF or LF, optional BOM, optional final newline) receive random edits. The result must
// parse to the intended data (eemeli/yaml and js-yaml), keep every line outside the edited nodes
// unchanged and in order, and applying the idempotent edits again must change nothing. With aliases
// in the document, an edit may instead be refused, but only by the alias guards.
import fc from "fast-check";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parse, parseDocument, visit } from "yaml";
import { applyYamlEdits, type PathSegment, type YamlEdit, YamlPatchError } from "../../src/io/yaml-patch.js";

const RUNS = Number(process.env.YAML_PATCH_RUNS ?? 100);

// ---- styled documents -------------------------------------------------------------------------

type Inline = { kind: "scalar"; text: string };
type Block = { kind: "block"; header: string; lines: string[]; trailingBlank: boolean };
type Empty = { kind: "empty" };
type Entry = { key: string; keyText: string; value: SNode; before: string[]; comment: string | null };
type Item = { value: SNode; before: string[]; comment: string | null };
type SMap = { kind: "map"; flow: boolean; padded: boolean; anchor: string | null; entries: Entry[] };
type SSeq = { kind: "seq"; flow: boolean; padded: boolean; indented: boolean; anchor: string | null; items: Item[] };
type SNode = Inline | Block | Empty | SMap | SSeq;

const KEYS = ["id", "judul", "uraian", "skor", "u", "s", "g", "total", "tags", "catatan", "status", "hadir", "waktu"];
const NEW_KEYS = ["total", "peringkat", "baru", "dipilih", "skor"];

const PLAIN = [
  "Ani",
  "Capaian K4 rendah",
  "12",
  "-3",
  "4.5",
  "true",
  "null",
  "~",
  "2024-03-19",
  "08.00",
  "a/b",
  "0x1F",
];
const PRINTABLE = /^[\t\u0020-\u007e\u0085\u00a0-\ud7ff\ue000-\ufffd]*$/u;

const anyString = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
  fc.constantFrom(
    "a: b",
    "x # y",
    "it's",
    'say "hi"',
    "",
    " lead",
    "trail ",
    "multi\nline",
    "tab\there",
    "é ü",
    "-dash",
    "[x]",
    "a, b",
    "#hash",
    "@at",
    "\u2028",
    "\ufeff",
    "\u0085",
    "\ud800",
    "null",
    "1e3",
    "0o17",
    "1_000",
    "0b101",
    "+0x1",
    "...",
    "---",
  ),
);

const escapeDouble = (s: string) =>
  JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

const plainish: fc.Arbitrary<Inline> = fc.oneof(
  fc.constantFrom(...PLAIN).map((text) => ({ kind: "scalar" as const, text })),
  anyString
    .filter((s) => PRINTABLE.test(s) && !s.includes("\n"))
    .map((s) => ({ kind: "scalar" as const, text: `'${s.replace(/'/g, "''")}'` })),
  anyString.map((s) => ({ kind: "scalar" as const, text: escapeDouble(s) })),
  fc.constantFrom("12", "yes", "'q'", '"d"').map((s) => ({ kind: "scalar" as const, text: `!!str ${s}` })),
  fc.tuple(fc.nat(9), fc.constantFrom(...PLAIN)).map(([n, s]) => ({ kind: "scalar" as const, text: `&s${n} ${s}` })),
);

const alias: fc.Arbitrary<Inline> = fc
  .tuple(fc.constantFrom("s", "c"), fc.nat(9))
  .map(([kind, n]) => ({ kind: "scalar" as const, text: `*${kind}${n}` }));

const word = fc.stringMatching(/^[a-z]{1,6}$/);
const blockScalar: fc.Arbitrary<Block> = fc.record({
  kind: fc.constant("block" as const),
  header: fc.constantFrom("|", "|-", "|+", ">", ">-", ">+"),
  lines: fc
    .tuple(
      fc.array(word, { minLength: 1, maxLength: 3 }),
      fc.array(
        fc.oneof(
          fc.constant(""),
          fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
        ),
        {
          maxLength: 2,
        },
      ),
    )
    .map(([first, rest]) => [first.join(" "), ...rest]),
  trailingBlank: fc.boolean(),
});

const before = fc.array(
  fc.oneof(
    fc.constant(""),
    word.map((w) => `# ${w}`),
  ),
  { maxLength: 2 },
);
const comment = fc.option(word, { freq: 3 });
const keyText = (key: string) => fc.constantFrom(key, key, key, key, key, key, key, key, `"${key}"`, `'${key}'`);
const anchor = fc.option(
  fc.nat(9).map((n) => `&c${n}`),
  { freq: 6 },
);

/** Styled trees; with `aliases`, some scalars are aliases (`*s3`) to anchors that may or may not exist. */
function styledNode(aliases: boolean): fc.Arbitrary<SNode> {
  const inline = aliases ? fc.oneof({ arbitrary: plainish, weight: 3 }, { arbitrary: alias, weight: 1 }) : plainish;
  return fc.letrec<{ node: SNode; map: SMap; seq: SSeq }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3, depthIdentifier: "yaml" },
      { arbitrary: inline, weight: 4 },
      { arbitrary: tie("map"), weight: 2 },
      { arbitrary: tie("seq"), weight: 2 },
      { arbitrary: blockScalar, weight: 1 },
      { arbitrary: fc.constant<Empty>({ kind: "empty" }), weight: 1 },
    ),
    map: fc.record({
      kind: fc.constant("map" as const),
      flow: fc.boolean(),
      padded: fc.boolean(),
      anchor,
      entries: fc
        .uniqueArray(fc.constantFrom(...KEYS), { maxLength: 4 })
        .chain((keys) =>
          fc.tuple(
            ...keys.map((key) =>
              fc.record({ key: fc.constant(key), keyText: keyText(key), value: tie("node"), before, comment }),
            ),
          ),
        ),
    }),
    seq: fc.record({
      kind: fc.constant("seq" as const),
      flow: fc.boolean(),
      padded: fc.boolean(),
      indented: fc.boolean(),
      anchor,
      items: fc.array(fc.record({ value: tie("node"), before, comment }), { maxLength: 3 }),
    }),
  })).node;
}

interface DocStyle {
  step: 2 | 4;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  header: boolean;
}

const pad = (n: number) => " ".repeat(n);
const isCollection = (v: SNode): v is SMap | SSeq => v.kind === "map" || v.kind === "seq";
const size = (v: SMap | SSeq) => (v.kind === "map" ? v.entries.length : v.items.length);
const flowish = (v: SNode) => isCollection(v) && (v.flow || size(v) === 0);

function flowText(v: SNode): string {
  switch (v.kind) {
    case "scalar":
      return v.text;
    case "block":
      return escapeDouble(v.lines.join(" "));
    case "empty":
      return "~";
    case "map": {
      const inner = v.entries.map((e) => `${e.keyText}: ${flowText(e.value)}`).join(", ");
      return (v.anchor ? `${v.anchor} ` : "") + (v.padded && inner ? `{ ${inner} }` : `{${inner}}`);
    }
    case "seq": {
      const inner = v.items.map((i) => flowText(i.value)).join(", ");
      return (v.anchor ? `${v.anchor} ` : "") + (v.padded && inner ? `[ ${inner} ]` : `[${inner}]`);
    }
  }
}

function renderValue(head: string, v: SNode, ind: number, note: string | null, step: number, out: string[]) {
  const c = note ? ` # ${note}` : "";
  if (v.kind === "empty") out.push(head + c);
  else if (v.kind === "scalar") out.push(`${head} ${v.text}${c}`);
  else if (v.kind === "block") {
    out.push(`${head} ${v.header}${c}`);
    for (const line of v.lines) out.push(line ? pad(ind + step) + line : "");
    if (v.trailingBlank) out.push("");
  } else if (flowish(v)) out.push(`${head} ${flowText(v)}${c}`);
  else {
    out.push(head + (v.anchor ? ` ${v.anchor}` : "") + c);
    if (v.kind === "map") renderMap(v, ind + step, step, out);
    else renderSeq(v, ind + (v.indented ? step : 0), step, out);
  }
}

function renderMap(map: SMap, ind: number, step: number, out: string[], skipFirstBefore = false) {
  map.entries.forEach((e, i) => {
    if (!(skipFirstBefore && i === 0)) for (const b of e.before) out.push(b ? pad(ind) + b : "");
    renderValue(`${pad(ind)}${e.keyText}:`, e.value, ind, e.comment, step, out);
  });
}

// js-yaml reads an empty last item of a nested sequence (`- -`) as swallowing the next outer item,
// so items of nested sequences are never left empty.
function renderSeq(seq: SSeq, ind: number, step: number, out: string[], nested = false) {
  seq.items.forEach((item, i) => {
    if (!(nested && i === 0)) for (const b of item.before) out.push(b ? pad(ind) + b : "");
    const v: SNode = nested && item.value.kind === "empty" ? { kind: "scalar", text: "~" } : item.value;
    if (isCollection(v) && !flowish(v)) {
      const inner: string[] = [];
      if (v.kind === "map") renderMap(v, ind + 2, step, inner, true);
      else renderSeq(v, ind + 2, step, inner, true);
      out.push(`${pad(ind)}- ${inner[0].slice(ind + 2)}`, ...inner.slice(1));
    } else renderValue(`${pad(ind)}-`, v, ind, item.comment, step, out);
  });
}

function renderDoc(root: SMap, style: DocStyle): string {
  const out: string[] = style.header ? ["# yaml-language-server: $schema=rapat.schema.json", ""] : [];
  renderMap(root, 0, style.step, out);
  let text = out.join("\n") + (style.finalNewline ? "\n" : "");
  if (style.crlf) text = text.replace(/\n/g, "\r\n");
  return (style.bom ? "\uFEFF" : "") + text;
}

const rootArb = (aliases: boolean) =>
  fc
    .uniqueArray(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 6 })
    .chain((keys) =>
      fc.tuple(
        ...keys.map((key) =>
          fc.record({ key: fc.constant(key), keyText: keyText(key), value: styledNode(aliases), before, comment }),
        ),
      ),
    )
    .map((entries): SMap => ({ kind: "map", flow: false, padded: false, anchor: null, entries }));

const docStyleArb: fc.Arbitrary<DocStyle> = fc.record({
  step: fc.constantFrom(2 as const, 4 as const),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  header: fc.boolean(),
});

// ---- edits ------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const scalarValue = fc.oneof(
  anyString,
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ noDefaultInfinity: false }),
  fc.boolean(),
  fc.constant(null),
);
const objectOf = (entries: [string, Json][]) => {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
};
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { maxDepth: 2, depthIdentifier: "json" },
    { arbitrary: scalarValue, weight: 3 },
    { arbitrary: fc.array(tie("json"), { maxLength: 3 }), weight: 1 },
    {
      arbitrary: fc
        .uniqueArray(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), anyString), tie("json")), {
          maxLength: 3,
          selector: ([k]) => k,
        })
        .map((entries) => objectOf(entries.filter(([k]) => k !== "__proto__"))),
      weight: 1,
    },
  ),
}));

const choiceArb = fc.record({
  op: fc.constantFrom("set", "set", "replace", "append", "delete"),
  walk: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  variant: fc.nat(),
  newKey: fc.constantFrom(...NEW_KEYS),
  scalar: scalarValue,
  json,
  items: fc.array(json, { minLength: 1, maxLength: 3 }),
  after: fc.nat(),
});
type Choice = typeof choiceArb extends fc.Arbitrary<infer T> ? T : never;

function makeEdit(data: Record<string, unknown>, top: string, c: Choice): YamlEdit {
  const path: PathSegment[] = [top];
  let node: unknown = data[top];
  for (const w of c.walk) {
    if (w % 4 === 0) break;
    if (Array.isArray(node) && node.length > 0) {
      path.push(w % node.length);
      node = node[w % node.length];
    } else if (isRecord(node) && Object.keys(node).length > 0) {
      const keys = Object.keys(node);
      path.push(keys[w % keys.length]);
      node = node[keys[w % keys.length]];
    } else break;
  }
  const fresh = isRecord(node) ? (NEW_KEYS.find((k) => !(k in node)) ?? "tambahan") : c.newKey;
  const after = isRecord(node) && c.after % 2 === 0 ? [Object.keys(node)[c.after % Object.keys(node).length]] : [];
  switch (c.op) {
    case "set":
      if (isRecord(node) || node === null) {
        const deeper = c.variant % 3 === 0 ? [fresh, "x"] : [fresh];
        return { op: "set", path: [...path, ...deeper], value: c.scalar, after: after.filter(Boolean) };
      }
      return { op: "set", path, value: c.scalar };
    case "replace":
      if (isRecord(node) && c.variant % 2 === 0) return { op: "replace", path: [...path, fresh], value: c.json, after };
      return { op: "replace", path, value: c.json };
    case "append":
      if (Array.isArray(node) || node === null) return { op: "append", path, items: c.items };
      if (isRecord(node)) return { op: "append", path: [...path, fresh], items: c.items };
      return { op: "replace", path, value: c.items };
    default:
      return { op: "delete", path };
  }
}

function applyToData(data: unknown, edit: YamlEdit): unknown {
  const root = structuredClone(data) as Record<string, unknown>;
  const path = edit.path;
  let node: Record<string | number, unknown> = root;
  for (const segment of path.slice(0, -1)) {
    if (edit.op === "delete" && !isRecord(node[segment]) && !Array.isArray(node[segment])) return root;
    if (node[segment] === null || node[segment] === undefined) node[segment] = {};
    node = node[segment] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (edit.op === "delete") {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else if (edit.op === "append") {
    const current = node[last];
    node[last] = Array.isArray(current) ? [...current, ...edit.items] : [...edit.items];
  } else node[last] = edit.value;
  return root;
}

// ---- edited regions in the original -----------------------------------------------------------

function child(node: unknown, segment: PathSegment): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    return pair ? ((pair.value as Node | null) ?? undefined) : undefined;
  }
  if (isSeq(node) && typeof segment === "number") return node.items[segment] as Node | undefined;
  return undefined;
}

function hasChild(node: unknown, segment: PathSegment): boolean {
  if (isMap(node)) return node.items.some((p) => isScalar(p.key) && String(p.key.value) === String(segment));
  return isSeq(node) && typeof segment === "number" && segment < node.items.length;
}

function editedLines(text: string, edit: YamlEdit): Set<number> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const line = (offset: number) => lc.linePos(offset).line - 1;
  const out = new Set<number>();
  const at = (path: PathSegment[]) => {
    let node: unknown = doc.contents;
    for (const s of path) node = child(node, s);
    return node as Node | undefined;
  };
  const addEntry = (path: PathSegment[]) => {
    if (path.length === 0) {
      for (let i = 0; i <= line(text.length); i++) out.add(i);
      return;
    }
    const parent = at(path.slice(0, -1));
    const last = path[path.length - 1];
    const value = child(parent, last);
    let start: number;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last));
      start = line((pair?.key as Node | undefined)?.range?.[0] ?? 0);
    } else start = line(value?.range?.[0] ?? 0);
    const range = value?.range;
    const end = range && range[1] > range[0] ? line(range[1] - 1) : start;
    for (let i = start; i <= Math.max(start, end); i++) out.add(i);
  };
  const path = edit.path;
  let depth = 0;
  while (depth < path.length && hasChild(at(path.slice(0, depth)), path[depth])) depth++;
  if (edit.op === "delete") {
    const first = out.size;
    addEntry(path);
    const parent = at(path.slice(0, -1));
    if ((isMap(parent) || isSeq(parent)) && parent.items.length === 1) addEntry(path.slice(0, -1));
    // Blank lines after an entry that follows a keep-chomped block scalar (`|+`) would join that
    // scalar once the entry is gone, so the patch removes them with it.
    const lines = [...out].slice(first);
    if (lines.length > 0 && keepScalarEndsBefore(doc, text, Math.min(...lines), line)) {
      const all = text.split("\n");
      for (let i = Math.max(...lines) + 1; i < all.length && all[i].trim() === ""; i++) out.add(i);
    }
  } else if (depth === path.length) {
    const node = at(path);
    if (!(edit.op === "append" && isSeq(node) && !node.flow)) addEntry(path);
  } else {
    const parent = at(path.slice(0, depth));
    if (!(isMap(parent) && !parent.flow)) addEntry(path.slice(0, depth));
  }
  return out;
}

function keepScalarEndsBefore(doc: Document, text: string, lineNo: number, line: (offset: number) => number) {
  let found = false;
  visit(doc, {
    Scalar(_, node) {
      if ((node.type !== "BLOCK_LITERAL" && node.type !== "BLOCK_FOLDED") || !node.range) return;
      const header = text.slice(node.range[0]).split("\n")[0].split("#")[0];
      if (header.includes("+") && line(node.range[1] - 1) === lineNo - 1) found = true;
    },
  });
  return found;
}

function assertLinesKept(original: string, result: string, excluded: Set<number>) {
  const before = original.split("\n").map((l) => l.replace(/\r$/, ""));
  const after = result.split("\n").map((l) => l.replace(/\r$/, ""));
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    if (excluded.has(i)) continue;
    while (j < after.length && after[j] !== before[i]) j++;
    if (j === after.length) throw new Error(`original line ${i + 1} ${JSON.stringify(before[i])} lost or moved`);
    j++;
  }
}

// ---- the property -----------------------------------------------------------------------------

const caseArb = (aliases: boolean) =>
  fc.record({
    root: rootArb(aliases),
    style: docStyleArb,
    choices: fc.array(fc.tuple(fc.nat(), choiceArb), { minLength: 1, maxLength: 3 }),
  });

type Case = { root: SMap; style: DocStyle; choices: [number, Choice][] };

/** An alias to an anchor not defined before it becomes a plain scalar, so the document loads. */
function resolveAliases(text: string): string {
  const defined = new Set<string>();
  return text.replace(/([&*])([sc]\d)\b/g, (token, sigil: string, name: string) => {
    if (sigil === "&") defined.add(name);
    return sigil === "&" || defined.has(name) ? token : "Ani";
  });
}

/** Render the case and pick its edits (each on a different top-level key, so paths stay valid). */
function prepare({ root, style, choices }: Case) {
  const text = resolveAliases(renderDoc(root, style));
  const body = style.bom ? text.slice(1) : text;
  const doc = parseDocument(body);
  let data: Record<string, unknown> = {};
  let readable = doc.errors.length === 0;
  try {
    if (readable) data = doc.toJS() as Record<string, unknown>;
  } catch {
    readable = false;
  }
  const tops = Object.keys(data);
  const used = new Set<string>();
  const edits: YamlEdit[] = [];
  for (const [pick, choice] of choices) {
    const top = tops[pick % tops.length];
    if (top === undefined || used.has(top)) continue;
    used.add(top);
    edits.push(makeEdit(data, top, choice));
  }
  return { text, body, doc, readable, data, edits };
}

function withContext(text: string, edits: YamlEdit[], run: () => string): void {
  let result = "";
  try {
    result = run();
  } catch (error) {
    const context = `\n--- original\n${text}\n--- edits\n${JSON.stringify(edits)}\n--- result\n${result}`;
    throw new Error(`${(error as Error).message}${context}`, { cause: error });
  }
}

describe("applyYamlEdits on generated hand-styled documents", () => {
  it("writes the intended data, keeps unedited lines, and is idempotent", () => {
    fc.assert(
      fc.property(caseArb(false), (c) => {
        const { text, body, doc, readable, data, edits } = prepare(c);
        expect(doc.errors, `generator wrote invalid YAML:\n${body}`).toEqual([]);
        expect(readable).toBe(true);
        withContext(text, edits, () => {
          const result = applyYamlEdits(text, edits).text;
          check(body, c.style, data, edits, result);
          return result;
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("with aliases in the document: either refuses with YamlPatchError or meets the same properties", () => {
    let refused = 0;
    let done = 0;
    fc.assert(
      fc.property(caseArb(true), (c) => {
        const { text, body, readable, data, edits } = prepare(c);
        fc.pre(readable && body.includes("*"));
        withContext(text, edits, () => {
          let result: string;
          try {
            result = applyYamlEdits(text, edits).text;
          } catch (error) {
            if (!(error instanceof YamlPatchError)) throw error;
            // Refusals must come from the alias guards, never from a failed self-check.
            expect(error.message).not.toMatch(/intended data|invalid YAML|internal error/);
            refused++;
            return "";
          }
          done++;
          check(body, c.style, data, edits, result);
          return result;
        });
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
    expect(done).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

function check(body: string, style: DocStyle, data: unknown, edits: YamlEdit[], result: string) {
  let expected: unknown = data;
  for (const edit of edits) expected = applyToData(expected, edit);
  const resultBody = result.startsWith("\uFEFF") ? result.slice(1) : result;
  expect(result.startsWith("\uFEFF")).toBe(style.bom);
  expect(parse(resultBody)).toEqual(expected);
  let expectedJs: unknown = jsYaml.load(body, { schema: jsYaml.CORE_SCHEMA });
  for (const edit of edits) expectedJs = applyToData(expectedJs, edit);
  expect(jsYaml.load(resultBody, { schema: jsYaml.CORE_SCHEMA })).toEqual(expectedJs);

  if (body.includes("\r\n")) expect(resultBody.replace(/\r\n/g, "")).not.toContain("\n");
  else expect(resultBody).not.toContain("\r");

  // Edit by edit, every line outside the edited entry survives in order; the batch gives the same text.
  let step = body;
  for (const edit of edits) {
    const next = applyYamlEdits(step, [edit]).text;
    assertLinesKept(step, next, editedLines(step, edit));
    step = next;
  }
  // (An intermediate text can lose its last line break, and with it the hint that the file is CRLF.)
  // The batch takes the indentation of new collections from the document as the person wrote it, where
  // edit by edit it is taken from each intermediate text (which an earlier delete may have changed):
  // the lines agree in content and order, and only the indentation of new lines may differ.
  const lines = (text: string) =>
    text
      .replace(/\r/g, "")
      .split("\n")
      .map((line) => line.trimStart());
  expect(lines(step)).toEqual(lines(resultBody));

  const repeatable = edits.filter(
    (e) => e.op === "set" || e.op === "replace" || (e.op === "delete" && typeof e.path.at(-1) === "string"),
  );
  expect(applyYamlEdits(result, repeatable)).toMatchObject({ text: result, changed: false });
}
