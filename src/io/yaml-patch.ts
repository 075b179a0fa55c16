// Surgical edits of YAML text. Nodes are located with eemeli/yaml (Document ranges plus the CST kept
// by keepSourceTokens) and new bytes are spliced in, so everything that was not edited — comments,
// blank lines, quoting, block scalars, tags, anchors, key order, indentation, CRLF, a BOM — stays
// byte-identical. Every edit is re-parsed and compared with the intended data; anything that cannot
// be done safely throws a YamlPatchError naming the path, and callers fall back.
//
// Choices: new strings are plain when both parsers lokmin uses (eemeli/yaml and js-yaml, core
// schema) read them back unchanged, else double-quoted; a quoted scalar that is replaced keeps its
// quote style. New collections are block style indented like the rest of the file, except inside
// flow collections. Appending to a non-empty flow sequence in block context stays inline only when
// the old and new items are all scalars; otherwise the sequence is rewritten as a block sequence.
// An empty `{}` or `[]` in block context becomes a block collection when filled.

import jsYaml from "js-yaml";
import type { CST, Document, Node, Pair, YAMLMap, YAMLSeq } from "yaml";
import { yamlLib } from "./yaml-lib.js";

import type { YamlEdit } from "../domain/edits.js";
import type { PathSegment } from "../domain/findings.js";

export type { PathSegment, YamlEdit };
export type YamlScalar = string | number | boolean | null;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Tok = CST.SourceToken;

export class YamlPatchError extends Error {
  constructor(
    readonly path: readonly PathSegment[],
    reason: string,
  ) {
    super(`cannot edit ${formatPath(path)}: ${reason}`);
    this.name = "YamlPatchError";
  }
}

export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "(document)";
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/**
 * Apply edits in order to YAML text; only the bytes of edited values change.
 *
 * The cost is linear in the file's size, whatever the number of edits: edits are applied in rounds,
 * each planned against one parse of the text, its splices applied in one pass and the result parsed
 * and compared with the intended data once. An edit joins a round unless it touches the subtree of
 * an edit already in the round or of one held back for a later round (a parent replaced, a key
 * inserted into the same mapping, a sequence whose indices shift), so edits that depend on each
 * other keep their order. Independent edits commute, so the result equals applying them one by one.
 * When a round cannot be done in one pass, its edits are applied one at a time, which names the
 * edit that fails.
 */
export function applyYamlEdits(
  text: string,
  edits: readonly YamlEdit[],
): { text: string; changed: boolean; rounds: number } {
  if (edits.length === 0) return { text, changed: false, rounds: 0 };
  for (const edit of edits) checkSegments(edit.path);
  const bom = text.startsWith("\uFEFF");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let state = parse(bom ? text.slice(1) : text, edits[0].path);
  let pending: readonly YamlEdit[] = edits;
  let rounds = 0;
  while (pending.length > 0) {
    const round = planRound(state, eol, pending);
    state = round.splices.length === 0 ? state : (applyRound(state, round) ?? applyOneByOne(state, eol, round.edits));
    pending = round.deferred;
    rounds++;
  }
  const out = bom ? `\uFEFF${state.text}` : state.text;
  return { text: out, changed: out !== text, rounds };
}

/** Each edit planned, applied and re-parsed in turn: the reference the rounds above are held to in tests. */
export function applyYamlEditsOneByOne(text: string, edits: readonly YamlEdit[]): { text: string; changed: boolean } {
  if (edits.length === 0) return { text, changed: false };
  for (const edit of edits) checkSegments(edit.path);
  const bom = text.startsWith("\uFEFF");
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const state = applyOneByOne(parse(bom ? text.slice(1) : text, edits[0].path), eol, edits);
  const out = bom ? `\uFEFF${state.text}` : state.text;
  return { text: out, changed: out !== text };
}

function checkSegments(path: readonly PathSegment[]): void {
  for (const segment of path) {
    if (typeof segment !== "string" && !(Number.isInteger(segment) && segment >= 0)) {
      throw new YamlPatchError(path, `invalid path segment ${String(segment)}`);
    }
  }
}

/**
 * Where an edit's splices land, as marks on paths: a subtree (the value at the path and everything in
 * it), or a node alone (a key inserted into a mapping, an item appended to a sequence: the other
 * entries keep their places, so edits inside them stay independent).
 */
interface Mark {
  path: readonly PathSegment[];
  kind: "subtree" | "node";
}

interface PlannedInsert {
  mapPath: readonly PathSegment[];
  key: string;
  /** The keys it is asked to follow (the last one present wins), the key of the pair it follows, the mapping's keys. */
  after: readonly string[];
  previous: string;
  mapKeys: string[];
  text: string;
}

interface PathNode {
  children: Map<string, PathNode>;
  subtree: boolean;
  node: boolean;
}

/** The marks of one round, as a trie: does a new mark touch one already there? */
class Marks {
  private readonly root: PathNode = { children: new Map(), subtree: false, node: false };

  add(mark: Mark): void {
    let node = this.root;
    for (const segment of mark.path) {
      const key = String(segment);
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map(), subtree: false, node: false };
        node.children.set(key, child);
      }
      node = child;
    }
    if (mark.kind === "subtree") node.subtree = true;
    else node.node = true;
  }

  touches(mark: Mark): boolean {
    let node = this.root;
    if (node.subtree) return true;
    for (const segment of mark.path) {
      const child = node.children.get(String(segment));
      if (!child) return false;
      if (child.subtree) return true;
      node = child;
    }
    // A subtree touches every mark inside it; a node only the marks of that very node.
    return node.node || (mark.kind === "subtree" && node.children.size > 0);
  }
}

interface Round {
  /** The edits planned in this round, in their order, and all their splices. */
  edits: YamlEdit[];
  splices: Splice[];
  /** Edits left for the next round. */
  deferred: YamlEdit[];
}

/** Keys inserted one after another into one block mapping in this round: one splice, its text growing. */
interface InsertGroup {
  splice: Splice;
  /** The mapping's keys as parsed, the key the group follows, and the keys inserted so far. */
  mapKeys: string[];
  previous: string;
  keys: string[];
}

/** Whether a key inserted with `after` goes right after the group's last key, as one edit at a time would put it. */
function followsGroup(group: InsertGroup, after: readonly string[]): boolean {
  const at = group.mapKeys.indexOf(group.previous) + 1;
  const keys = [...group.mapKeys.slice(0, at), ...group.keys, ...group.mapKeys.slice(at)];
  let chosen = keys[keys.length - 1];
  for (const name of after) if (keys.includes(name)) chosen = name;
  return chosen === group.keys[group.keys.length - 1];
}

function planRound(state: Parsed, eol: string, pending: readonly YamlEdit[]): Round {
  const planner = new Planner(state, eol);
  const touched = new Marks();
  const edits: YamlEdit[] = [];
  const splices: Splice[] = [];
  const deferred: YamlEdit[] = [];
  const groups = new Map<string, InsertGroup>();
  const heldInserts = new Set<string>();
  // A held-back edit holds back every later edit that touches its path, so their order is kept.
  const defer = (edit: YamlEdit, marks: readonly Mark[] = []) => {
    deferred.push(edit);
    touched.add({ path: edit.path, kind: "subtree" });
    for (const mark of marks) touched.add(mark);
  };
  for (const edit of pending) {
    if (touched.touches({ path: edit.path, kind: "subtree" })) {
      defer(edit);
      continue;
    }
    const planned = planner.plan(edit);
    if (planned.splices.length === 0) continue;
    const insert = planned.insert;
    const mapId = insert && JSON.stringify(insert.mapPath);
    const group = mapId === undefined ? undefined : groups.get(mapId);
    if (insert && mapId && group && !heldInserts.has(mapId) && !group.keys.includes(insert.key)) {
      if (followsGroup(group, insert.after)) {
        group.splice.text += insert.text;
        group.keys.push(insert.key);
        edits.push(edit);
        continue;
      }
    }
    if (planned.marks.some((mark) => touched.touches(mark))) {
      defer(edit, planned.marks);
      if (mapId) heldInserts.add(mapId);
      continue;
    }
    for (const mark of planned.marks) touched.add(mark);
    edits.push(edit);
    splices.push(...planned.splices);
    if (insert && mapId) {
      const previous = insert.previous;
      groups.set(mapId, { splice: planned.splices[0], mapKeys: insert.mapKeys, previous, keys: [insert.key] });
    }
  }
  return { edits, splices, deferred };
}

/** The round's splices in one pass, checked against the intended data; null when that does not hold. */
function applyRound(state: Parsed, round: Round): Parsed | null {
  const text = applySplices(state.text, round.splices);
  if (text === null) return null;
  if (text === state.text) return state;
  let next: Parsed;
  try {
    next = parse(text, round.edits[0].path);
  } catch {
    return null;
  }
  const expected = structuredClone(state.data);
  let data = expected;
  for (const edit of round.edits) data = applyToData(data, edit);
  return deepEqual(next.data, data) ? next : null;
}

/** The slow, exact path: each edit planned, applied, re-parsed and checked on its own. */
function applyOneByOne(state: Parsed, eol: string, edits: readonly YamlEdit[]): Parsed {
  let current = state;
  for (const edit of edits) current = applyEdit(current, edit, eol) ?? current;
  return current;
}

function applyEdit(state: Parsed, edit: YamlEdit, eol: string): Parsed | null {
  const path = edit.path;
  const { splices } = new Planner(state, eol).plan(edit);
  if (splices.length === 0) return null;
  const text = applySplices(state.text, splices);
  if (text === null) throw new YamlPatchError(path, "overlapping changes (internal error)");
  if (text === state.text) return null;
  let next: Parsed;
  try {
    next = parse(text, path);
  } catch {
    throw new YamlPatchError(path, "the edit would produce invalid YAML");
  }
  if (!deepEqual(next.data, applyToData(structuredClone(state.data), edit))) {
    throw new YamlPatchError(path, "the edit would not produce the intended data");
  }
  return next;
}

interface Parsed {
  text: string;
  doc: Document.Parsed;
  data: unknown;
  aliases: Map<string, number>;
}

function parse(text: string, path: readonly PathSegment[]): Parsed {
  const lib = yamlLib();
  const docs = lib.parseAllDocuments(text, { keepSourceTokens: true, logLevel: "error" });
  if (docs.length === 0) throw new YamlPatchError(path, "the text holds no YAML document");
  if (docs.length > 1) throw new YamlPatchError(path, "the text holds several YAML documents");
  const doc = docs[0];
  if (doc.errors.length > 0) {
    const detail = doc.errors[0].message.split("\n")[0].replace(/:$/, "");
    throw new YamlPatchError(path, `the YAML does not parse (${detail})`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new YamlPatchError(path, `the YAML cannot be read as data (${(error as Error).message})`);
  }
  const aliases = new Map<string, number>();
  lib.visit(doc, {
    Alias(_, alias) {
      aliases.set(alias.source, (aliases.get(alias.source) ?? 0) + 1);
    },
  });
  return { text, doc, data, aliases };
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Splice the changes into the text in one pass; null when two of them overlap or insert at one place. */
function applySplices(text: string, splices: readonly Splice[]): string | null {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  let lastInsert = -1;
  for (const s of sorted) {
    if (s.start < at || (s.start === s.end && s.start === lastInsert)) return null;
    if (s.start === s.end) lastInsert = s.start;
    parts.push(text.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

// ---------------------------------------------------------------------------------------------
// Data: normalising new values and computing what the document should hold after an edit.

function normalize(value: unknown, path: readonly PathSegment[]): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalize(item, path)));
  if (typeof value === "object") {
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === "function") return normalize(json.call(value), path);
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: { [key: string]: Json } = {};
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) setOwn(out, key, normalize(item, path));
      }
      return out;
    }
  }
  throw new YamlPatchError(path, `cannot write a value of type ${typeof value}`);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What the data holds after the edit: `root` is changed in place where it can be, and returned. */
function applyToData(root: unknown, edit: YamlEdit): unknown {
  const path = edit.path;
  if (edit.op === "delete") {
    let node: unknown = root;
    for (const segment of path.slice(0, -1)) {
      node = Array.isArray(node) ? node[segment as number] : isRecord(node) ? node[String(segment)] : undefined;
    }
    const last = path[path.length - 1];
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else if (isRecord(node) && Object.hasOwn(node, String(last))) delete node[String(last)];
    return root;
  }
  const value = edit.op === "append" ? edit.items.map((item) => normalize(item, path)) : normalize(edit.value, path);
  if (path.length === 0) {
    if (Array.isArray(root)) root.push(...(value as Json[]));
    return root;
  }
  let node = root as Record<string, unknown> | unknown[];
  for (let i = 0; i < path.length - 1; i++) {
    const key = Array.isArray(node) ? (path[i] as number) : String(path[i]);
    const child = (node as Record<string | number, unknown>)[key];
    if (child === null || child === undefined) setOwn(node as Record<string, unknown>, String(key), {});
    node = (node as Record<string | number, unknown>)[key] as Record<string, unknown> | unknown[];
  }
  const key = Array.isArray(node) ? (path[path.length - 1] as number) : String(path[path.length - 1]);
  const current = (node as Record<string | number, unknown>)[key];
  if (edit.op === "append" && Array.isArray(current)) current.push(...(value as Json[]));
  else setOwn(node as Record<string, unknown>, String(key), value);
  return root;
}

/** Structural equality; pairs already under comparison count as equal, so recursive aliases terminate. */
function deepEqual(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i], seen));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key], seen));
}

const isBlockish = (value: Json): boolean =>
  Array.isArray(value) ? value.length > 0 : isRecord(value) && Object.keys(value).length > 0;

// ---------------------------------------------------------------------------------------------
// Scalars: how a new value is written.

const UNPRINTABLE = /\p{Cc}|\p{Cs}|[\u2028\u2029\ufeff\ufffe\uffff]/u;

/** Answers of `plainOk` for texts seen before (keys such as `total` recur in every edit of a rank). */
const plainAnswers = new Map<string, boolean>();

function plainOk(value: string, flow: boolean): boolean {
  const id = `${flow ? "f" : "b"}${value}`;
  const known = plainAnswers.get(id);
  if (known !== undefined) return known;
  const answer = plainText(value, flow);
  if (plainAnswers.size >= 4096) plainAnswers.clear();
  plainAnswers.set(id, answer);
  return answer;
}

function plainText(value: string, flow: boolean): boolean {
  if (value === "" || value !== value.trim() || UNPRINTABLE.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || value.startsWith("...")) return false;
  if (/: |:$| #/.test(value)) return false;
  if (flow && /[,[\]{}:]/.test(value)) return false;
  try {
    return (
      yamlLib().parse(value) === value && jsYaml.load(value, { schema: jsYaml.CORE_SCHEMA, json: false }) === value
    );
  } catch {
    return false;
  }
}

function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0xfeff ||
      code === 0xfffe ||
      code === 0xffff ||
      (code >= 0xd800 && code <= 0xdfff)
    ) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}

function singleQuotedOk(value: string): boolean {
  return !UNPRINTABLE.test(value);
}

type QuoteStyle = "QUOTE_SINGLE" | "QUOTE_DOUBLE" | undefined;

function scalarText(value: YamlScalar, flow: boolean, prefer?: QuoteStyle): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    return Object.is(value, -0) ? "-0.0" : String(value);
  }
  if (prefer === "QUOTE_SINGLE" && singleQuotedOk(value)) return `'${value.replace(/'/g, "''")}'`;
  if (prefer === "QUOTE_DOUBLE") return doubleQuoted(value);
  return plainOk(value, flow) ? value : doubleQuoted(value);
}

function flowText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(", ")}]`;
  if (isRecord(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${scalarText(key, true)}: ${flowText(item)}`)
      .join(", ")}}`;
  }
  return scalarText(value, true);
}

function inlineText(value: Json, prefer?: QuoteStyle): string {
  if (Array.isArray(value)) return "[]";
  if (isRecord(value)) return "{}";
  return scalarText(value, false, prefer);
}

const pad = (n: number) => " ".repeat(Math.max(0, n));

// ---------------------------------------------------------------------------------------------
// Locating nodes and planning splices.

interface Slot {
  kind: "pair" | "item" | "root";
  /** The value node; null when a pair has no value node at all. */
  node: Node | null;
  /** The slot lies inside a flow collection. */
  flow: boolean;
  /** Column of the key (pair) or dash (item). */
  col: number;
  /** Just after ':' or '-'; for a flow pair without ':' the key's end; for the root the value's start. */
  indicatorEnd: number;
  colon: boolean;
  props: Tok[];
  /** The sequence holding an item. */
  seq?: YAMLSeq;
}

type Target =
  | { kind: "found"; slot: Slot; parent: YAMLMap | YAMLSeq | null; index: number; parentSlot: Slot | null }
  | { kind: "missing"; map: YAMLMap; slot: Slot; depth: number }
  | { kind: "empty"; slot: Slot; depth: number }
  | { kind: "outOfRange"; depth: number };

interface Style {
  step: number;
  seqIndent: number;
  seqOffset: number;
}

const isProp = (t: Tok) => t.type === "anchor" || t.type === "tag";

/** Plans edits against one parse of the text; one planner serves every edit of a round. */
class Planner {
  private readonly lib = yamlLib();
  private readonly text: string;
  private styleCache?: Style;
  private keepEndsCache?: Set<number>;
  private readonly dashedCache = new WeakMap<YAMLSeq, CST.BlockSequence["items"]>();
  /** The path of the edit being planned. */
  private path: readonly PathSegment[] = [];
  /** Where the splices of the edit being planned land. */
  private marks: Mark[] = [];
  /** A key the edit being planned inserts into a block mapping, after an existing pair. */
  private insert?: PlannedInsert;

  constructor(
    private readonly state: Parsed,
    private readonly eol: string,
  ) {
    this.text = state.text;
  }

  private fail(reason: string, path: readonly PathSegment[] = this.path): never {
    throw new YamlPatchError(path, reason);
  }

  plan(edit: YamlEdit): { splices: Splice[]; marks: readonly Mark[]; insert?: PlannedInsert } {
    this.path = edit.path;
    this.marks = [{ path: edit.path, kind: "subtree" }];
    this.insert = undefined;
    const splices = this.planOne(edit);
    return { splices, marks: this.marks, insert: this.insert };
  }

  private markSubtree(path: readonly PathSegment[]): void {
    this.marks = [{ path, kind: "subtree" }];
  }

  private planOne(edit: YamlEdit): Splice[] {
    switch (edit.op) {
      case "set": {
        const v = edit.value;
        if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
          this.fail("set needs a string, number, boolean or null; use replace for collections");
        }
        return this.planWrite(v, edit.after ?? [], true);
      }
      case "replace":
        return this.planWrite(normalize(edit.value, this.path), edit.after ?? [], false);
      case "append":
        return this.planAppend(edit.items.map((item) => normalize(item, this.path)));
      case "delete":
        return this.planDelete();
      default:
        return this.fail(`unknown operation ${(edit as { op: string }).op}`);
    }
  }

  // Text geometry -----------------------------------------------------------------------------

  private lineStart(pos: number): number {
    return this.text.lastIndexOf("\n", pos - 1) + 1;
  }

  private lineEnd(pos: number): number {
    const i = this.text.indexOf("\n", pos);
    if (i < 0) return this.text.length;
    return i > pos && this.text[i - 1] === "\r" ? i - 1 : i;
  }

  private column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  private onlySpaceBefore(pos: number): boolean {
    return this.text.slice(this.lineStart(pos), pos).trim() === "";
  }

  /**
   * Remove an entry's whole lines. Blank lines after it would join a keep-chomped block scalar
   * (`|+`) that ends right before it, so they go too.
   */
  private removeEntryLines(from: number, lastEnd: number): Splice {
    if (!this.keepScalarEndsAt(from)) return this.removeLines(from, lastEnd);
    if (lastEnd === this.text.length) return { start: from, end: lastEnd, text: "" };
    const splice = this.removeLines(from, lastEnd);
    const blank = /^(?:[ \t]*\r?\n)*/.exec(this.text.slice(splice.end)) as RegExpExecArray;
    splice.end += blank[0].length;
    return splice;
  }

  private keepScalarEndsAt(pos: number): boolean {
    if (!this.keepEndsCache) {
      const ends = new Set<number>();
      this.lib.visit(this.state.doc, {
        Scalar: (_, node) => {
          const token = node.srcToken;
          if (token?.type !== "block-scalar" || !node.range) return;
          if (token.props.some((t) => t.type === "block-scalar-header" && t.source.includes("+")))
            ends.add(node.range[1]);
        },
      });
      this.keepEndsCache = ends;
    }
    return this.keepEndsCache.has(pos);
  }

  private trimBack(pos: number): number {
    let start = pos;
    while (start > 0 && (this.text[start - 1] === " " || this.text[start - 1] === "\t")) start--;
    return start;
  }

  /** Remove whole lines from `from` (a line start) through the line ending at `lastEnd`. */
  private removeLines(from: number, lastEnd: number): Splice {
    if (lastEnd < this.text.length) {
      return { start: from, end: lastEnd + (this.text[lastEnd] === "\r" ? 2 : 1), text: "" };
    }
    const start = from === 0 ? 0 : from - (this.text[from - 2] === "\r" ? 2 : 1);
    return { start, end: this.text.length, text: "" };
  }

  // Node geometry -----------------------------------------------------------------------------

  private isEmpty(node: Node | null | undefined): boolean {
    return !node || (this.lib.isScalar(node) && node.range?.[0] === node.range?.[1]);
  }

  private isFlowCollection(node: Node | null): boolean {
    return (this.lib.isMap(node) || this.lib.isSeq(node)) && node.srcToken?.type === "flow-collection";
  }

  private isBlockCollection(node: Node | null): boolean {
    return (this.lib.isMap(node) || this.lib.isSeq(node)) && !this.isFlowCollection(node);
  }

  private range(node: Node): [number, number, number] {
    const range = node.range;
    if (!range) this.fail("a node without source position (internal error)");
    return range;
  }

  private pairParts(pair: Pair): { start: number; indicatorEnd: number; colon: boolean; props: Tok[] } {
    const item = pair.srcToken;
    if (!item) this.fail("a pair without source tokens (internal error)");
    const sep = item.sep ?? [];
    const ci = sep.findIndex((t) => t.type === "map-value-ind");
    const lead = item.start.filter((t) => isProp(t) || t.type === "explicit-key-ind").map((t) => t.offset);
    const keyStart = item.key ? item.key.offset : this.range(pair.key as Node)[0];
    const keyEnd = this.range(pair.key as Node)[1];
    return {
      start: Math.min(keyStart, ...lead),
      indicatorEnd: ci >= 0 ? sep[ci].offset + 1 : keyEnd,
      colon: ci >= 0,
      props: ci >= 0 ? sep.slice(ci + 1).filter(isProp) : [],
    };
  }

  private blockSeqItems(seq: YAMLSeq): CST.BlockSequence["items"] {
    const items = this.dashedItems(seq);
    if (items.length !== seq.items.length) this.fail("unexpected sequence layout");
    return items;
  }

  private dashedItems(seq: YAMLSeq): CST.BlockSequence["items"] {
    const cached = this.dashedCache.get(seq);
    if (cached) return cached;
    const token = seq.srcToken as CST.BlockSequence | undefined;
    const items = token?.items.filter((it) => it.start.some((t) => t.type === "seq-item-ind")) ?? [];
    this.dashedCache.set(seq, items);
    return items;
  }

  private itemParts(seq: YAMLSeq, index: number): { start: number; indicatorEnd: number; props: Tok[]; dash: boolean } {
    const node = seq.items[index] as Node;
    if (this.isFlowCollection(seq)) {
      if (this.lib.isPair(node) || this.isEmpty(node)) this.fail("a flow sequence with pairs or empty items");
      const valueStart = this.range(node)[0];
      const token = seq.srcToken as CST.FlowCollection;
      const item = token.items.find((it) => it.value?.offset === valueStart);
      if (!item || item.key || item.sep) this.fail("unexpected flow sequence layout");
      const props = item.start.filter(isProp);
      const start = Math.min(valueStart, ...props.map((t) => t.offset));
      return { start, indicatorEnd: start, props, dash: false };
    }
    const item = this.blockSeqItems(seq)[index];
    const di = item.start.findIndex((t) => t.type === "seq-item-ind");
    const dash = item.start[di];
    return {
      start: dash.offset,
      indicatorEnd: dash.offset + 1,
      props: item.start.slice(di + 1).filter(isProp),
      dash: true,
    };
  }

  /** An offset on the last line holding the node's content (before any trailing comment). */
  private contentEnd(node: Node): number {
    const lib = this.lib;
    if (lib.isScalar(node) && (node.type === "BLOCK_FOLDED" || node.type === "BLOCK_LITERAL")) {
      let end = this.range(node)[1];
      if (this.text[end - 1] === "\n") end--;
      if (this.text[end - 1] === "\r") end--;
      return end;
    }
    if (lib.isMap(node) && !this.isFlowCollection(node) && node.items.length > 0) {
      const pair = node.items[node.items.length - 1];
      return this.isEmpty(pair.value as Node) ? this.pairParts(pair).indicatorEnd : this.contentEnd(pair.value as Node);
    }
    if (lib.isSeq(node) && !this.isFlowCollection(node) && node.items.length > 0) {
      const last = node.items.length - 1;
      const item = node.items[last] as Node;
      return this.isEmpty(item) ? this.itemParts(node, last).indicatorEnd : this.contentEnd(item);
    }
    return this.range(node)[1];
  }

  private lastLineEnd(node: Node): number {
    return this.lineEnd(this.contentEnd(node));
  }

  private pairLastLineEnd(pair: Pair): number {
    return this.isEmpty(pair.value as Node)
      ? this.lineEnd(this.pairParts(pair).indicatorEnd)
      : this.lastLineEnd(pair.value as Node);
  }

  /** End of a value's bytes: block collections and block scalars run to the end of their last line. */
  private valueEnd(node: Node): number {
    return this.isBlockCollection(node) ? this.lastLineEnd(node) : this.contentEnd(node);
  }

  private get style(): Style {
    if (this.styleCache) return this.styleCache;
    const lib = this.lib;
    let step: number | undefined;
    let seqIndent: number | undefined;
    let seqOffset: number | undefined;
    lib.visit(this.state.doc, {
      Pair: (_, pair) => {
        if (!pair.srcToken || !lib.isScalar(pair.key)) return;
        const value = pair.value as Node | null;
        if (!this.isBlockCollection(value)) return;
        const keyCol = this.column(this.pairParts(pair).start);
        const valueCol = this.column(this.range(value as Node)[0]);
        if (lib.isMap(value) && step === undefined && valueCol > keyCol) step = valueCol - keyCol;
        if (lib.isSeq(value) && seqIndent === undefined && valueCol >= keyCol) seqIndent = valueCol - keyCol;
      },
      Seq: (_, seq) => {
        seqOffset ??= this.seqOffsetOf(seq);
      },
    });
    this.styleCache = { step: step ?? 2, seqIndent: seqIndent ?? step ?? 2, seqOffset: seqOffset ?? 2 };
    return this.styleCache;
  }

  /** Columns from '-' to the content in a block sequence, from its first plain item on a dash line. */
  private seqOffsetOf(seq: YAMLSeq): number | undefined {
    const items = this.dashedItems(seq);
    if (this.isFlowCollection(seq) || items.length !== seq.items.length) return undefined;
    for (let i = 0; i < items.length; i++) {
      const node = seq.items[i] as Node;
      const start = items[i].start;
      const dash = start.find((t) => t.type === "seq-item-ind") as Tok;
      if (this.isEmpty(node) || start.some(isProp)) continue;
      const valueStart = this.range(node)[0];
      if (this.lineStart(valueStart) !== this.lineStart(dash.offset)) continue;
      if (valueStart - dash.offset >= 2) return valueStart - dash.offset;
    }
    return undefined;
  }

  // Slots and resolution ----------------------------------------------------------------------

  private rootSlot(): Slot {
    const node = this.state.doc.contents as Node | null;
    const start = node?.range ? node.range[0] : 0;
    return { kind: "root", node, flow: false, col: 0, indicatorEnd: start, colon: false, props: [] };
  }

  private pairSlot(map: YAMLMap, index: number, flow: boolean): Slot {
    const pair = map.items[index];
    const parts = this.pairParts(pair);
    return {
      kind: "pair",
      node: (pair.value as Node | null) ?? null,
      flow,
      col: this.column(parts.start),
      indicatorEnd: parts.indicatorEnd,
      colon: parts.colon,
      props: parts.props,
    };
  }

  private itemSlot(seq: YAMLSeq, index: number, flow: boolean): Slot {
    const parts = this.itemParts(seq, index);
    return {
      kind: "item",
      node: seq.items[index] as Node,
      flow,
      col: this.column(parts.start),
      indicatorEnd: parts.indicatorEnd,
      colon: false,
      props: parts.props,
      seq,
    };
  }

  private guardAnchor(node: Node | null, depth: number): void {
    const anchor = node && (node as { anchor?: string }).anchor;
    if (anchor && this.state.aliases.has(anchor)) {
      this.fail(`the node at ${formatPath(this.path.slice(0, depth))} has anchor &${anchor} that an alias refers to`);
    }
  }

  /** Anchors defined inside `node` that aliases outside it refer to make removing it unsafe. */
  private guardSubtree(node: Node | null): void {
    if (!node || this.state.aliases.size === 0) return;
    const defined = new Set<string>();
    const inside = new Map<string, number>();
    this.lib.visit(node, {
      Node: (_, n) => {
        if (n.anchor) defined.add(n.anchor);
        if (this.lib.isAlias(n)) inside.set(n.source, (inside.get(n.source) ?? 0) + 1);
      },
    });
    for (const name of defined) {
      if ((this.state.aliases.get(name) ?? 0) > (inside.get(name) ?? 0)) {
        this.fail(`the value defines anchor &${name} that an alias elsewhere refers to`);
      }
    }
  }

  private holdsAlias(node: Node): boolean {
    let found = false;
    this.lib.visit(node, {
      Alias: () => {
        found = true;
      },
    });
    return found;
  }

  private guardMap(map: YAMLMap, depth: number): void {
    const lib = this.lib;
    if (map.srcToken?.type === "flow-collection" && (map.srcToken as CST.FlowCollection).start.source !== "{") {
      this.fail(`${formatPath(this.path.slice(0, depth))} is an implicit pair inside a flow sequence`);
    }
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      const explicit = pair.srcToken?.start.some((t) => t.type === "explicit-key-ind");
      if (!lib.isScalar(key) || this.isEmpty(key) || explicit) {
        this.fail(`${formatPath(this.path.slice(0, depth))} has a complex or explicit (?) key`);
      }
    }
  }

  private resolve(): Target {
    const lib = this.lib;
    const path = this.path;
    let slot = this.rootSlot();
    let parent: YAMLMap | YAMLSeq | null = null;
    let parentSlot: Slot | null = null;
    let index = -1;
    for (let depth = 0; depth < path.length; depth++) {
      const node = slot.node;
      if (lib.isAlias(node)) this.fail(`the path runs through an alias (*${node.source})`);
      this.guardAnchor(node, depth);
      const segment = path[depth];
      if (lib.isMap(node)) {
        this.guardMap(node, depth);
        const found = node.items.findIndex((p) => String((p.key as { value: unknown }).value) === String(segment));
        if (found < 0) return { kind: "missing", map: node, slot, depth };
        parent = node;
        parentSlot = slot;
        index = found;
        slot = this.pairSlot(node, found, slot.flow || this.isFlowCollection(node));
      } else if (lib.isSeq(node)) {
        if (typeof segment !== "number") {
          this.fail(`${formatPath(path.slice(0, depth))} is a sequence; "${segment}" is not an index`);
        }
        if (segment >= node.items.length) return { kind: "outOfRange", depth };
        parent = node;
        parentSlot = slot;
        index = segment;
        slot = this.itemSlot(node, segment, slot.flow || this.isFlowCollection(node));
      } else if (node === null || (lib.isScalar(node) && node.value === null)) {
        if (slot.kind === "root") this.fail("the document is empty");
        return { kind: "empty", slot, depth };
      } else {
        this.fail(`${formatPath(path.slice(0, depth))} is a scalar, not a mapping or sequence`);
      }
    }
    this.guardAnchor(slot.node, path.length);
    return { kind: "found", slot, parent, index, parentSlot };
  }

  private nest(segments: readonly PathSegment[], value: Json): Json {
    let out = value;
    for (let i = segments.length - 1; i >= 0; i--) {
      const segment = segments[i];
      if (typeof segment !== "string") this.fail("cannot create a sequence item through set/replace");
      const map: { [key: string]: Json } = {};
      setOwn(map, segment, out);
      out = map;
    }
    return out;
  }

  private keyOf(segment: PathSegment): string {
    if (typeof segment !== "string") this.fail("cannot create a sequence item through set/replace");
    return segment;
  }

  // Operations --------------------------------------------------------------------------------

  private planWrite(value: Json, after: readonly string[], scalarSet: boolean): Splice[] {
    if (this.path.length === 0) this.fail("cannot replace the whole document");
    const target = this.resolve();
    switch (target.kind) {
      case "found": {
        const node = target.slot.node;
        const current = node ? node.toJS(this.state.doc) : null;
        if (deepEqual(current, value)) return [];
        const prefer =
          scalarSet && this.lib.isScalar(node) && (node.type === "QUOTE_SINGLE" || node.type === "QUOTE_DOUBLE")
            ? node.type
            : undefined;
        return this.writeValue(target.slot, value, prefer);
      }
      case "missing": {
        const key = this.keyOf(this.path[target.depth]);
        const nested = this.nest(this.path.slice(target.depth + 1), value);
        const last = target.depth === this.path.length - 1;
        return this.insertPair(target.map, target.slot, key, nested, last ? after : [], target.depth);
      }
      case "empty":
        this.markSubtree(this.path.slice(0, target.depth));
        return this.writeValue(target.slot, this.nest(this.path.slice(target.depth), value));
      default:
        return this.fail("the sequence index is out of range");
    }
  }

  private planAppend(items: Json[]): Splice[] {
    if (items.length === 0) return [];
    const target = this.resolve();
    if (target.kind === "missing") {
      const key = this.keyOf(this.path[target.depth]);
      const value = this.nest(this.path.slice(target.depth + 1), items);
      return this.insertPair(target.map, target.slot, key, value, [], target.depth);
    }
    if (target.kind === "empty") this.markSubtree(this.path.slice(0, target.depth));
    if (target.kind === "empty") return this.writeValue(target.slot, this.nest(this.path.slice(target.depth), items));
    if (target.kind === "outOfRange") return this.fail("the sequence index is out of range");
    const { slot } = target;
    const node = slot.node;
    if (this.lib.isAlias(node)) this.fail(`the sequence is an alias (*${node.source})`);
    if (node === null || (this.lib.isScalar(node) && node.value === null)) return this.writeValue(slot, items);
    if (!this.lib.isSeq(node)) return this.fail("the value is not a sequence");
    if (this.isFlowCollection(node)) {
      const inFlow = slot.flow || slot.kind === "root";
      if (node.items.length === 0) {
        if (!inFlow) return this.writeValue(slot, items);
        const open = (node.srcToken as CST.FlowCollection).start;
        return [{ start: open.offset + 1, end: open.offset + 1, text: items.map(flowText).join(", ") }];
      }
      const scalars = node.items.every((n) => this.lib.isScalar(n)) && items.every((i) => !isBlockish(i));
      if (!scalars && !inFlow) {
        if (this.holdsAlias(node)) this.fail("cannot rewrite a flow sequence holding aliases as a block sequence");
        return this.writeValue(slot, [...(node.toJS(this.state.doc) as Json[]), ...items]);
      }
      const at = this.contentEnd(node.items[node.items.length - 1] as Node);
      return [{ start: at, end: at, text: items.map((i) => `, ${flowText(i)}`).join("") }];
    }
    const dashCol = this.column(this.itemParts(node, 0).start);
    const offset = this.seqOffsetOf(node) ?? this.style.seqOffset;
    const lines = this.blockLines(items, dashCol, offset);
    // The new items follow the last one: the others keep their places and indices.
    const last = node.items.length - 1;
    this.marks = [
      { path: this.path, kind: "node" },
      ...[last, ...items.map((_, i) => last + 1 + i)].map((index) => ({
        path: [...this.path, index],
        kind: "subtree" as const,
      })),
    ];
    const at = this.lastLineEnd(node);
    return [{ start: at, end: at, text: this.eol + lines.join(this.eol) }];
  }

  private planDelete(): Splice[] {
    if (this.path.length === 0) this.fail("cannot delete the whole document");
    this.markSubtree(this.path.slice(0, -1));
    const target = this.resolve();
    if (target.kind !== "found") return [];
    const { parent, index, parentSlot, slot } = target;
    if (!parent || !parentSlot) return this.fail("nothing to delete (internal error)");
    this.guardSubtree(slot.node);
    if (this.lib.isMap(parent)) {
      this.guardSubtree(parent.items[index].key as Node);
      return this.deletePair(parent, index, parentSlot);
    }
    return this.deleteItem(parent as YAMLSeq, index, parentSlot);
  }

  private pickAfter(map: YAMLMap, after: readonly string[]): Pair {
    let chosen = map.items[map.items.length - 1];
    for (const name of after) {
      const found = map.items.find((p) => String((p.key as { value: unknown }).value) === name);
      if (found) chosen = found;
    }
    return chosen;
  }

  private insertPair(
    map: YAMLMap,
    mapSlot: Slot,
    key: string,
    value: Json,
    after: readonly string[],
    depth: number,
  ): Splice[] {
    const mapPath = this.path.slice(0, depth);
    this.markSubtree(mapPath);
    if (this.isFlowCollection(map)) {
      const entry = `${scalarText(key, true)}: ${flowText(value)}`;
      if (map.items.length === 0) {
        if (!mapSlot.flow && mapSlot.kind !== "root") {
          const wrapped: { [key: string]: Json } = {};
          setOwn(wrapped, key, value);
          return this.writeValue(mapSlot, wrapped);
        }
        const open = (map.srcToken as CST.FlowCollection).start;
        return [{ start: open.offset + 1, end: open.offset + 1, text: entry }];
      }
      const pair = this.pickAfter(map, after);
      const at = this.isEmpty(pair.value as Node)
        ? this.pairParts(pair).indicatorEnd
        : this.contentEnd(pair.value as Node);
      return [{ start: at, end: at, text: `, ${entry}` }];
    }
    const col = this.column(this.pairParts(map.items[0]).start);
    const entry: { [key: string]: Json } = {};
    setOwn(entry, key, value);
    const pair = this.pickAfter(map, after);
    // The new lines follow the chosen pair's last line: the other entries stay where they are.
    const previous = String((pair.key as { value: unknown }).value);
    this.marks = [
      { path: mapPath, kind: "node" },
      { path: [...mapPath, previous], kind: "subtree" },
    ];
    const at = this.pairLastLineEnd(pair);
    const text = this.eol + this.blockLines(entry, col).join(this.eol);
    const mapKeys = map.items.map((p) => String((p.key as { value: unknown }).value));
    this.insert = { mapPath, key, after, previous, mapKeys, text };
    return [{ start: at, end: at, text }];
  }

  private deletePair(map: YAMLMap, index: number, mapSlot: Slot): Splice[] {
    const count = map.items.length;
    if (count === 1) return this.writeValue(mapSlot, {});
    const pair = map.items[index];
    const start = this.pairParts(pair).start;
    if (this.isFlowCollection(map)) {
      const end = (p: Pair) =>
        this.isEmpty(p.value as Node) ? this.pairParts(p).indicatorEnd : this.contentEnd(p.value as Node);
      if (index < count - 1) return [{ start, end: this.pairParts(map.items[index + 1]).start, text: "" }];
      return [{ start: end(map.items[index - 1]), end: end(pair), text: "" }];
    }
    const last = this.pairLastLineEnd(pair);
    if (this.onlySpaceBefore(start)) return [this.removeEntryLines(this.lineStart(start), last)];
    return [{ start: this.trimBack(start), end: last, text: "" }];
  }

  private deleteItem(seq: YAMLSeq, index: number, seqSlot: Slot): Splice[] {
    const count = seq.items.length;
    if (count === 1) return this.writeValue(seqSlot, []);
    const parts = this.itemParts(seq, index);
    const node = seq.items[index] as Node;
    if (this.isFlowCollection(seq)) {
      if (index < count - 1) return [{ start: parts.start, end: this.itemParts(seq, index + 1).start, text: "" }];
      const previous = this.contentEnd(seq.items[index - 1] as Node);
      return [{ start: previous, end: this.contentEnd(node), text: "" }];
    }
    const last = this.isEmpty(node) ? this.lineEnd(parts.indicatorEnd) : this.lastLineEnd(node);
    if (this.onlySpaceBefore(parts.start)) return [this.removeEntryLines(this.lineStart(parts.start), last)];
    return [{ start: this.trimBack(parts.start), end: last, text: "" }];
  }

  /** Replace the value in a slot (or fill an empty one) with `value`. */
  private writeValue(slot: Slot, value: Json, prefer?: QuoteStyle): Splice[] {
    const node = slot.node;
    const empty = this.isEmpty(node);
    if (!empty) this.guardSubtree(node);
    if (slot.kind === "root" && empty) this.fail("the document is empty");
    const splices: Splice[] = [];
    const tag = slot.props.find((t) => t.type === "tag");
    const anchor = slot.props.find((t) => t.type === "anchor");
    const keepTag = !!tag && tagFits((node as { tag?: string } | null)?.tag, value);
    const indicatorLine = this.lineStart(slot.indicatorEnd);
    const keptAnchor = anchor && this.lineStart(anchor.offset) === indicatorLine ? anchor : undefined;
    const headEnd = keptAnchor ? keptAnchor.offset + keptAnchor.source.length : slot.indicatorEnd;
    const dropTag = (limit: number) => {
      if (!tag || keepTag || tag.offset + tag.source.length > limit) return;
      const start = this.trimBack(tag.offset);
      let end = tag.offset + tag.source.length;
      if (start < tag.offset && start >= slot.indicatorEnd) return void splices.push({ start, end, text: "" });
      while (end < limit && this.text[end] === " ") end++;
      splices.push({ start: tag.offset, end, text: "" });
    };
    const valueStart = empty ? -1 : this.range(node as Node)[0];
    const laterProps = slot.props.filter((t) => this.lineStart(t.offset) !== indicatorLine).map((t) => t.offset);
    const startsLater = !empty && this.lineStart(valueStart) !== indicatorLine && slot.kind === "pair";

    if (slot.flow || !isBlockish(value)) {
      const inline = slot.flow ? flowText(value) : inlineText(value, prefer);
      if (empty) {
        dropTag(Number.POSITIVE_INFINITY);
        const lead = slot.colon || slot.kind !== "pair" ? " " : ": ";
        splices.push({ start: headEnd, end: headEnd, text: lead + inline });
      } else if (startsLater && this.isBlockCollection(node)) {
        const from = this.lineStart(Math.min(valueStart, ...laterProps));
        dropTag(from);
        splices.push(this.removeLines(from, this.lastLineEnd(node as Node)));
        splices.push({ start: headEnd, end: headEnd, text: ` ${inline}` });
      } else {
        dropTag(valueStart);
        const note = this.headerComment(node as Node);
        splices.push({
          start: valueStart,
          end: this.valueEnd(node as Node),
          text: note ? `${inline} ${note}` : inline,
        });
      }
      return splices;
    }

    if (slot.kind === "pair") {
      const childCol = slot.col + (Array.isArray(value) ? this.style.seqIndent : this.style.step);
      const lines = this.blockLines(value, childCol).join(this.eol);
      if (empty) {
        dropTag(Number.POSITIVE_INFINITY);
        const at = this.lineEnd(slot.indicatorEnd);
        splices.push({ start: at, end: at, text: this.eol + lines });
      } else if (startsLater) {
        const from = this.lineStart(Math.min(valueStart, ...laterProps));
        dropTag(from);
        splices.push({ start: from, end: this.lastLineEnd(node as Node), text: lines });
      } else {
        const end = this.valueEnd(node as Node);
        const note = this.headerComment(node as Node);
        dropTag(headEnd);
        splices.push({ start: headEnd, end, text: note ? ` ${note}` : "" });
        const at = this.lineEnd(end);
        splices.push({ start: at, end: at, text: this.eol + lines });
      }
      return splices;
    }

    if (slot.kind === "item") {
      const onDashLine = empty || this.lineStart(valueStart) === indicatorLine;
      if (!onDashLine) {
        const col = this.column(valueStart);
        dropTag(valueStart);
        splices.push({ start: valueStart, end: this.valueEnd(node as Node), text: this.joinBlock(value, col) });
        return splices;
      }
      dropTag(headEnd);
      const propsEnd = Math.max(headEnd, ...slot.props.map((t) => t.offset + t.source.length));
      const end = empty ? propsEnd : this.valueEnd(node as Node);
      const itemCol = slot.col + ((slot.seq && this.seqOffsetOf(slot.seq)) ?? this.style.seqOffset);
      if (keptAnchor) {
        // A block collection cannot share its line with its anchor: it starts on the next one.
        splices.push({ start: headEnd, end, text: this.eol + this.blockLines(value, itemCol).join(this.eol) });
      } else {
        const col = Math.max(itemCol, this.column(headEnd) + 1);
        splices.push({ start: headEnd, end, text: pad(col - this.column(headEnd)) + this.joinBlock(value, col) });
      }
      return splices;
    }
    return this.fail("cannot replace the whole document");
  }

  /** The comment after a block scalar's header (`uraian: > # catatan`), which outlives the scalar. */
  private headerComment(node: Node): string | undefined {
    const token = node.srcToken;
    if (token?.type !== "block-scalar") return undefined;
    const comment = token.props.find((t): t is Tok => t.type === "comment");
    return comment?.source;
  }

  /** Block lines for `value` at column `col`, the first one without its indentation (it follows a dash). */
  private joinBlock(value: Json, col: number): string {
    const lines = this.blockLines(value, col);
    return [lines[0].slice(col), ...lines.slice(1)].join(this.eol);
  }

  /** Block-style lines for a non-empty collection whose keys or dashes sit at column `col`. */
  private blockLines(value: Json, col: number, offset = this.style.seqOffset): string[] {
    const out: string[] = [];
    const style = this.style;
    if (Array.isArray(value)) {
      const dash = `${pad(col)}-${pad(offset - 1)}`;
      for (const item of value) {
        if (isBlockish(item)) {
          const inner = this.blockLines(item, col + offset);
          out.push(dash + inner[0].slice(col + offset), ...inner.slice(1));
        } else out.push(dash + inlineText(item));
      }
      return out;
    }
    for (const [key, item] of Object.entries(value as { [key: string]: Json })) {
      const head = `${pad(col)}${scalarText(key, false)}:`;
      if (isBlockish(item)) {
        out.push(head, ...this.blockLines(item, col + (Array.isArray(item) ? style.seqIndent : style.step)));
      } else out.push(`${head} ${inlineText(item)}`);
    }
    return out;
  }
}

const STR_TAG = "tag:yaml.org,2002:str";

/**
 * Whether a core-schema tag on the old value still describes the new one (`!!int 3` → `!!int 1`),
 * so the tag is kept; a tag the new value does not fit (`!!int` on a text) is dropped.
 */
function tagFits(tag: string | undefined, value: Json): boolean {
  switch (tag) {
    case STR_TAG:
      return typeof value === "string";
    case "tag:yaml.org,2002:int":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "tag:yaml.org,2002:float":
      return typeof value === "number" && Number.isFinite(value);
    case "tag:yaml.org,2002:bool":
      return typeof value === "boolean";
    case "tag:yaml.org,2002:null":
      return value === null;
    default:
      return false;
  }
}
