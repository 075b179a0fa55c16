// Reading one YAML file with source positions (eemeli/yaml parseDocument + LineCounter) and
// validating it against a zod schema. Every problem — bad bytes, YAML syntax, duplicate keys,
// alias bombs, schema issues — becomes a Diagnostic with file:line:column; nothing throws.

import { closest, distance } from "fastest-levenshtein";
import jsYaml from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "../domain/findings.js";
import { getLang, msg, t } from "../i18n/index.js";
import { yamlLib } from "./yaml-lib.js";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ALIAS_COUNT = 100;

/**
 * One YAML file's text. The position-keeping Document (eemeli/yaml) is built on first use:
 * valid files are read through the fast path and only files that need a position (a finding)
 * or a write-back pay for the full parse.
 */
export class YamlSource {
  readonly eol: "\n" | "\r\n";
  private parsed?: { doc: Document.Parsed; lineCounter: LineCounter };

  constructor(
    /** Workspace-relative path with forward slashes. */
    readonly rel: string,
    readonly text: string,
    readonly bom: boolean,
  ) {
    this.eol = text.includes("\r\n") ? "\r\n" : "\n";
  }

  private ensure() {
    if (!this.parsed) {
      const { LineCounter, parseDocument } = yamlLib();
      const lineCounter = new LineCounter();
      const doc = parseDocument(this.text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        keepSourceTokens: false,
      });
      this.parsed = { doc, lineCounter };
    }
    return this.parsed;
  }

  get doc(): Document.Parsed {
    return this.ensure().doc;
  }

  get lineCounter(): LineCounter {
    return this.ensure().lineCounter;
  }
}

export type PathSegment = string | number;

const M = {
  tooBig: msg(
    "berkas terlalu besar ({size} MB, batas {limit} MB); pecah atau periksa apakah ini berkas yang benar",
    "file too large ({size} MB, limit {limit} MB); split it or check it is the right file",
  ),
  notUtf8: msg(
    "berkas bukan UTF-8 (byte tidak sah di sini); simpan ulang sebagai UTF-8 (Notepad: Simpan Sebagai → Encoding UTF-8)",
    "file is not UTF-8 (invalid byte here); save it again as UTF-8 (Notepad: Save As → Encoding UTF-8)",
  ),
  empty: msg("berkas kosong; isi berkas ini atau hapus", "file is empty; fill it in or delete it"),
  notMap: msg("isi berkas harus berupa pemetaan kunci: nilai", "the file must be a mapping of key: value"),
  aliasBomb: msg(
    "terlalu banyak alias YAML (*anchor) — kemungkinan serangan 'billion laughs'; hapus alias berantai",
    "too many YAML aliases (*anchor) — likely a 'billion laughs' attack; remove the chained aliases",
  ),
  duplicateKey: msg(
    "kunci ganda: kunci yang sama ditulis dua kali dalam satu bagian; hapus salah satunya",
    "duplicate key: the same key appears twice in one mapping; remove one",
  ),
  tab: msg(
    "tab dipakai untuk indentasi; YAML hanya menerima spasi",
    "tab used for indentation; YAML accepts spaces only",
  ),
  syntax: msg("kesalahan sintaks YAML: {detail}", "YAML syntax error: {detail}"),
  unknownKey: msg("kunci tidak dikenal '{key}'", "unknown key '{key}'"),
  didYouMean: msg("; maksud Anda '{hint}'?", "; did you mean '{hint}'?"),
  allowedKeys: msg("; kunci yang boleh: {keys}", "; allowed keys: {keys}"),
  missing: msg("kunci '{key}' wajib ada", "key '{key}' is required"),
  nipNumber: msg(
    '{key} harus ditulis dalam tanda kutip agar tidak dibulatkan: {key}: "{digits}"',
    '{key} must be quoted so it is not rounded: {key}: "{digits}"',
  ),
  expected: msg("{key}: harus {expected}, tertulis {got}", "{key}: must be {expected}, found {got}"),
  oneOf: msg("{key}: harus salah satu dari {values}", "{key}: must be one of {values}"),
  generic: msg("{key}: {detail}", "{key}: {detail}"),
};

const TYPE_NAMES: Record<string, { id: string; en: string }> = {
  string: { id: "teks", en: "text" },
  number: { id: "angka", en: "a number" },
  boolean: { id: "true/false", en: "true/false" },
  object: { id: "pemetaan (kunci: nilai)", en: "a mapping (key: value)" },
  array: { id: "daftar (- butir)", en: "a list (- item)" },
  null: { id: "kosong (null)", en: "empty (null)" },
};
const typeName = (name: string) => TYPE_NAMES[name]?.[getLang()] ?? name;
const describeValue = (value: unknown) =>
  value === null ? typeName("null") : Array.isArray(value) ? typeName("array") : typeName(typeof value);

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(Math.max(0, offset));
  return { line, column: col };
}

/** Decode bytes as UTF-8 (BOM stripped), reporting invalid bytes at their line. */
export function decodeUtf8(bytes: Uint8Array, rel: string): { text?: string; bom: boolean; diagnostic?: Diagnostic } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), bom };
  } catch {
    let bad = 0;
    const loose = new TextDecoder("utf-8").decode(body);
    bad = loose.indexOf("\uFFFD");
    const before = loose.slice(0, Math.max(0, bad));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return {
      bom,
      diagnostic: { rule: "yaml/encoding", severity: "error", file: rel, line, column, message: t(M.notUtf8) },
    };
  }
}

/** Parse YAML text. Returns the source (when it could be parsed at all) and its diagnostics. */
export function parseYaml(text: string, rel: string, bom = false): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (text.length > MAX_FILE_BYTES) {
    const size = (text.length / 1024 / 1024).toFixed(1);
    return {
      diagnostics: [
        {
          rule: "yaml/size",
          severity: "error",
          file: rel,
          line: 1,
          column: 1,
          message: t(M.tooBig, { size, limit: MAX_FILE_BYTES / 1024 / 1024 }),
        },
      ],
    };
  }
  const source = new YamlSource(rel, text, bom);
  const { doc, lineCounter } = source;
  for (const error of doc.errors) {
    const { line, column } = position(lineCounter, error.pos[0]);
    const message =
      error.code === "DUPLICATE_KEY"
        ? t(M.duplicateKey)
        : error.code === "TAB_AS_INDENT"
          ? t(M.tab)
          : t(M.syntax, { detail: error.message.split("\n")[0].replace(/ at line \d+, column \d+.*$/, "") });
    diagnostics.push({
      rule: `yaml/${error.code.toLowerCase().replace(/_/g, "-")}`,
      severity: "error",
      file: rel,
      line,
      column,
      message,
    });
  }
  if (diagnostics.length > 0) return { diagnostics };
  if (doc.contents === null || (yamlLib().isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      diagnostics: [{ rule: "yaml/empty", severity: "error", file: rel, line: 1, column: 1, message: t(M.empty) }],
    };
  }
  if (!yamlLib().isMap(doc.contents)) {
    const { line, column } = position(lineCounter, doc.contents.range?.[0] ?? 0);
    return {
      diagnostics: [{ rule: "yaml/not-a-mapping", severity: "error", file: rel, line, column, message: t(M.notMap) }],
    };
  }
  return { source, diagnostics };
}

/** Plain JS data of a parsed document, refusing alias bombs. */
export function toData(source: YamlSource): { data?: unknown; diagnostics: Diagnostic[] } {
  try {
    return { data: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), diagnostics: [] };
  } catch (error) {
    const offset = source.text.search(/\*[^\s,\]}]+/);
    const { line, column } = position(source.lineCounter, offset < 0 ? 0 : offset);
    const message = /alias/i.test(String(error))
      ? t(M.aliasBomb)
      : t(M.syntax, { detail: String((error as Error).message) });
    return { diagnostics: [{ rule: "yaml/alias", severity: "error", file: source.rel, line, column, message }] };
  }
}

/** The node at a path, and the deepest existing ancestor when the path does not exist. */
export function nodeAt(
  source: YamlSource,
  path: readonly PathSegment[],
): { node: Node | null; exists: boolean; keyNode?: Node } {
  let node: unknown = source.doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (yamlLib().isMap(node)) {
      const pair = node.items.find(
        (item) => yamlLib().isPair(item) && yamlLib().isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return { node: node as Node, exists: false };
      keyNode = pair.key as Node;
      if (pair.value === null) return { node: keyNode, exists: true, keyNode };
      node = pair.value;
    } else if (yamlLib().isSeq(node) && typeof segment === "number" && node.items[segment]) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      return { node: (node as Node) ?? null, exists: false };
    }
  }
  return { node: (node as Node) ?? null, exists: true, keyNode };
}

/** Line and column of the value (or key) at a path; the nearest ancestor when it is missing. */
export function locate(
  source: YamlSource,
  path: readonly PathSegment[],
  prefer: "value" | "key" = "value",
): { line: number; column: number } {
  const { node, keyNode } = nodeAt(source, path);
  const target = prefer === "key" && keyNode ? keyNode : node;
  return position(source.lineCounter, target?.range?.[0] ?? 0);
}

function keyLocation(source: YamlSource, parentPath: readonly PathSegment[], key: string) {
  const { node } = nodeAt(source, parentPath);
  if (yamlLib().isMap(node)) {
    const pair = node.items.find((item) => yamlLib().isScalar(item.key) && String(item.key.value) === key);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return position(source.lineCounter, keyNode.range[0]);
  }
  return locate(source, parentPath);
}

/** The object keys a zod schema allows at a path (for "did you mean" hints). */
export function allowedKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: any = schema;
  const unwrap = () => {
    for (;;) {
      const def = current?._zod?.def;
      if (!def) return;
      if (["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"].includes(def.type))
        current = def.innerType;
      else if (def.type === "pipe") current = def.in;
      else return;
    }
  };
  unwrap();
  for (const segment of path) {
    const def = current?._zod?.def;
    if (!def) return [];
    if (def.type === "object") current = def.shape[segment as string];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "union") {
      current = def.options.find(
        (option: any) => option._zod.def.type === (typeof segment === "number" ? "array" : "object"),
      );
    } else return [];
    unwrap();
  }
  const def = current?._zod?.def;
  if (def?.type === "union") {
    const objectOption = def.options.find((option: any) => option._zod.def.type === "object");
    return objectOption ? Object.keys(objectOption._zod.def.shape) : [];
  }
  return def?.type === "object" ? Object.keys(def.shape) : [];
}

function pathLabel(path: readonly PathSegment[]): string {
  return (
    path.reduce<string>(
      (out, segment) =>
        typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${segment}` : String(segment),
      "",
    ) || "(root)"
  );
}

/** Turn zod issues into diagnostics positioned in the YAML source. */
export function issuesToDiagnostics(
  source: YamlSource,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: readonly PathSegment[], message: string, rule = "schema", prefer: "value" | "key" = "value") => {
    const { line, column } = locate(source, path, prefer);
    out.push({ rule, severity: "error", file: source.rel, line, column, message });
  };
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const key = pathLabel(path);
    const lastKey = String(path[path.length - 1] ?? "");
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeysAt(schema, path);
      for (const unknown of issue.keys) {
        const hint = allowed.length > 0 ? closest(unknown, allowed) : undefined;
        const close = hint && similarity(unknown, hint) >= 0.5;
        const tail = close
          ? t(M.didYouMean, { hint })
          : allowed.length
            ? t(M.allowedKeys, { keys: allowed.join(", ") })
            : "";
        const { line, column } = keyLocation(source, path, unknown);
        out.push({
          rule: "schema/unknown-key",
          severity: "error",
          file: source.rel,
          line,
          column,
          message: t(M.unknownKey, { key: unknown }) + tail,
        });
      }
      continue;
    }
    const { exists } = nodeAt(source, path);
    const value = getPath(data, path);
    if (!exists && issue.code === "invalid_type") {
      at(path.slice(0, -1), t(M.missing, { key: lastKey }), "schema/missing-key");
      continue;
    }
    if (issue.code === "invalid_type" && issue.expected === "string" && typeof value === "number") {
      const { node } = nodeAt(source, path);
      const digits = yamlLib().isScalar(node) && node.source ? node.source : String(value);
      if (/^\d{15,}$/.test(digits) || /nip|nomor/.test(lastKey)) {
        at(path, t(M.nipNumber, { key: lastKey, digits }), "schema/unquoted-number");
        continue;
      }
    }
    if (issue.code === "invalid_type") {
      at(path, t(M.expected, { key, expected: typeName(issue.expected), got: describeValue(value) }), "schema/type");
      continue;
    }
    if (issue.code === "invalid_value") {
      at(path, t(M.oneOf, { key, values: issue.values.map((v) => JSON.stringify(v)).join(", ") }), "schema/value");
      continue;
    }
    at(path, t(M.generic, { key, detail: issue.message }), "schema");
  }
  return out;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

export function getPath(data: unknown, path: readonly PathSegment[]): unknown {
  let current: any = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = current[segment as any];
  }
  return current;
}

/** Anchors and aliases (&a, *a) go through the full parser, which guards against alias bombs. */
const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s\]},]/m;

/**
 * The fast path: js-yaml (YAML 1.2 core schema, duplicate keys refused) straight into zod.
 * Returns undefined whenever anything is unusual, so the full parser can report it in detail.
 */
function fastData<T>(text: string, schema: z.ZodType<T>): T | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  let raw: unknown;
  try {
    raw = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** Parse, convert and validate in one go. */
export function loadValidated<T>(
  text: string,
  rel: string,
  schema: z.ZodType<T>,
  bom = false,
): { source?: YamlSource; data?: T; diagnostics: Diagnostic[] } {
  if (text.length <= MAX_FILE_BYTES) {
    const data = fastData(text, schema);
    if (data !== undefined) return { source: new YamlSource(rel, text, bom), data, diagnostics: [] };
  }
  const parsed = parseYaml(text, rel, bom);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const raw = toData(parsed.source);
  if (raw.diagnostics.length) return { source: parsed.source, diagnostics: raw.diagnostics };
  const result = schema.safeParse(raw.data);
  if (result.success) return { source: parsed.source, data: result.data, diagnostics: [] };
  return {
    source: parsed.source,
    diagnostics: issuesToDiagnostics(parsed.source, schema, result.error.issues, raw.data),
  };
}
