// Reading one YAML file: bytes to text (UTF-8, BOM kept aside), text to data, data through a zod
// schema. Valid files take the fast path (js-yaml with the YAML 1.2 core schema resolved exactly
// as eemeli/yaml resolves it, straight into zod); a file that needs a position (a finding) or a
// write-back is parsed with eemeli/yaml's position-keeping Document. Every problem becomes a
// finding in the user's language with file, line and column; nothing throws.
import jsYaml from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";
import type { z } from "zod";
import type { Finding, PathSegment, Point } from "../domain/findings.js";
import { closestAccepted } from "../domain/hints.js";
import { SCALE_INVERTED } from "../domain/schema.js";
import { decimal, human, type Message, msg, t } from "../i18n/index.js";
import { type Lines, LineStarts, TextParts } from "./positions-parts.js";
import { CORE_12 } from "./yaml-core.js";
import { yamlLib } from "./yaml-lib.js";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ALIAS_COUNT = 100;

/** One YAML file's text; the position-keeping Document is built on first use. */
export class YamlSource {
  readonly eol: "\n" | "\r\n";
  private parsed?: { doc: Document.Parsed; lineCounter: LineCounter };
  private lineStarts?: Lines;
  private parts?: TextParts;

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

  /** Line and column of offsets, without parsing the file when it has not been parsed. */
  get lines(): Lines {
    return this.parsed?.lineCounter ?? (this.lineStarts ??= new LineStarts(this.text));
  }

  /**
   * Where to walk a path from without parsing the whole file (see positions-parts.ts): the entry
   * the path leads into, parsed alone, and the path from it. Undefined when the whole Document is
   * parsed already or the text cannot be cut so.
   */
  narrow(path: readonly PathSegment[]): { root: Node; rest: PathSegment[] } | undefined {
    if (this.parsed || this.text.length > MAX_FILE_BYTES) return undefined;
    return (this.parts ??= new TextParts(this.text)).narrow(path);
  }
}

const M = {
  tooBig: msg(
    "berkas terlalu besar ({size} MB, batas {limit} MB); pecah atau periksa apakah ini berkas yang benar",
    "file too large ({size} MB, limit {limit} MB); split it or check it is the right file",
  ),
  notUtf8: msg(
    "berkas bukan UTF-8: byte {byte} di sini tidak sah (dalam ANSI/Latin-1 itu '{ansi}'); simpan ulang sebagai " +
      "UTF-8 (Notepad: Simpan Sebagai → Encoding UTF-8)",
    "the file is not UTF-8: byte {byte} here is invalid (in ANSI/Latin-1 it is '{ansi}'); save it again as UTF-8 " +
      "(Notepad: Save As → Encoding UTF-8)",
  ),
  wideEncoding: msg(
    "berkas tersimpan sebagai {encoding}, bukan UTF-8; simpan ulang sebagai UTF-8 (Notepad: Simpan Sebagai → " +
      "Encoding UTF-8)",
    "the file is saved as {encoding}, not UTF-8; save it again as UTF-8 (Notepad: Save As → Encoding UTF-8)",
  ),
  taggedAs: msg(" (ditandai {tag})", " (tagged {tag})"),
  control: msg(
    "karakter kendali tak terlihat ({code}) di sini, yang tidak boleh ada di berkas YAML (biasanya ikut tersalin " +
      "dari program lain); hapus karakter itu",
    "an invisible control character ({code}) here, which a YAML file may not hold (usually copied in from another " +
      "program); delete it",
  ),
  empty: msg("berkas kosong; isi berkas ini atau hapus", "file is empty; fill it in or delete it"),
  notMap: msg(
    "isi berkas adalah {found}, padahal harus pemetaan kunci: nilai (setiap baris teratas berbentuk 'kunci: nilai', " +
      "mis. 'bulan: 2024-05')",
    "the file holds {found}, where it must be a mapping of key: value (each top line 'key: value', e.g. " +
      "'bulan: 2024-05')",
  ),
  theText: msg("teks '{text}' saja", "only the text '{text}'"),
  theNumber: msg("angka {number} saja", "only the number {number}"),
  wholeFile: msg("isi berkas", "the file"),
  thisValue: msg("nilai di sini", "the value here"),
  tag: msg(
    "{key}: nilai bertanda {tag} ({meaning}); lokmin tidak memakai tanda ini — hapus '{tag}' dan tulis nilainya " +
      "biasa",
    "{key}: a value tagged {tag} ({meaning}); lokmin does not use this tag — remove '{tag}' and write the value " +
      "plainly",
  ),
  unknownAnchor: msg(
    "{key}: alias *{name} tidak merujuk anchor mana pun (&{name} harus ditulis lebih dulu, di atasnya); tulis " +
      "nilainya langsung atau perbaiki nama anchor-nya",
    "{key}: the alias *{name} refers to no anchor (&{name} must be written first, above it); write the value " +
      "itself or fix the anchor's name",
  ),
  nullKey: msg(
    "kunci kosong (null): setiap kunci harus teks; tulis nama kuncinya sebelum ':'",
    "an empty (null) key: every key must be text; write the key's name before the ':'",
  ),
  aliasKey: msg(
    "kunci berupa alias *{name}: setiap kunci harus teks; tulis nama kuncinya sendiri",
    "a key that is the alias *{name}: every key must be text; write the key's own name",
  ),
  collectionKey: msg(
    "kunci berupa daftar atau pemetaan ({key}): setiap kunci harus teks; tulis nama kuncinya sebelum ':'",
    "a key that is a list or mapping ({key}): every key must be text; write the key's name before the ':'",
  ),
  numberKey: msg(
    'kunci {key} dibaca sebagai angka, padahal setiap kunci harus teks; beri tanda kutip: "{key}":',
    'the key {key} is read as a number, while every key must be text; put it in quotes: "{key}":',
  ),
  booleanKey: msg(
    'kunci {key} dibaca sebagai true/false, padahal setiap kunci harus teks; beri tanda kutip: "{key}":',
    'the key {key} is read as true/false, while every key must be text; put it in quotes: "{key}":',
  ),
  yamlVersion: msg(
    "baris %YAML {version} meminta YAML versi lama, yang membaca tanggal, yes/no dan angka seperti 010 secara lain; " +
      "lokmin membaca YAML 1.2 — hapus baris %YAML itu",
    "the line %YAML {version} asks for an old YAML version, which reads dates, yes/no and numbers like 010 " +
      "differently; lokmin reads YAML 1.2 — delete that %YAML line",
  ),
  mergeKey: msg(
    "kunci gabungan '<<' (merge key YAML 1.1) tidak dipakai lokmin; tulis setiap kunci yang hendak disalin satu " +
      "per satu",
    "the merge key '<<' (YAML 1.1) is not used by lokmin; write each key it would copy one by one",
  ),
  tooDeep: msg(
    "struktur YAML bersarang terlalu dalam ([ ] atau { } atau indentasi di dalam satu sama lain ratusan kali); " +
      "data lokmin tidak pernah sedalam itu — periksa apakah ini berkas yang benar dan perbaiki kurungnya",
    "the YAML is nested too deeply ([ ], { } or indentation inside one another hundreds of times); lokmin data is " +
      "never that deep — check that this is the right file and fix its brackets",
  ),
  aliasBomb: msg(
    "terlalu banyak alias YAML (*anchor) — kemungkinan serangan 'billion laughs'; hapus alias berantai",
    "too many YAML aliases (*anchor) — likely a 'billion laughs' attack; remove the chained aliases",
  ),
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
  notWhole: msg(
    "{key}: jumlah harus bilangan bulat; tertulis {source}, dibaca sebagai {read}. Tulis {whole} tanpa titik ribuan",
    "{key}: a count must be a whole number; written {source}, read as {read}. Write {whole} without a thousands " +
      "separator",
  ),
  listOfText: msg(
    "{key}: harus teks, tertulis pemetaan ({keys}). '{list}' adalah daftar teks, satu nama per baris tanpa id, " +
      "mis. - {example}",
    "{key}: must be text, found a mapping ({keys}). '{list}' is a list of text, one name per line without an id, " +
      "e.g. - {example}",
  ),
  notFinite: msg(
    "{key}: {source} bukan angka yang dapat dihitung (tak hingga atau NaN); tulis angka biasa",
    "{key}: {source} is not a number that can be counted (infinity or NaN); write an ordinary number",
  ),
  commaDecimal: msg(
    "{key}: '{source}' dibaca sebagai teks; tulis angka desimal dengan titik: {fixed}",
    "{key}: '{source}' is read as text; write decimals with a point: {fixed}",
  ),
  tooSmallNumber: msg("{key}: paling kecil {min}, tertulis {value}", "{key}: at least {min}, found {value}"),
  tooBigNumber: msg("{key}: paling besar {max}, tertulis {value}", "{key}: at most {max}, found {value}"),
  emptyText: msg("{key}: tidak boleh kosong", "{key}: must not be empty"),
  tooFewItems: msg("{key}: minimal {min} butir", "{key}: at least {min} items"),
  exactItems: msg("{key}: harus tepat {min} butir", "{key}: must have exactly {min} items"),
  tooManyItems: msg("{key}: paling banyak {max} butir", "{key}: at most {max} items"),
  badDate: msg(
    "{key}: '{value}' bukan tanggal yang ada; tulis YYYY-MM-DD, mis. 2024-05-21",
    "{key}: '{value}' is not a real date; write YYYY-MM-DD, e.g. 2024-05-21",
  ),
  badFormat: msg(
    "{key}: '{value}' tidak sesuai format: {format}",
    "{key}: '{value}' does not match the format: {format}",
  ),
  notOneOf: msg("{key}: bentuk nilai tidak dikenal; {options}", "{key}: unrecognised value; {options}"),
  invalid: msg("{key}: nilai tidak sah", "{key}: invalid value"),
  scaleInverted: msg(
    "{key}: min {min} lebih besar dari max {max}, jadi tidak ada skor yang muat; tukar keduanya (min: {max}, " +
      "max: {min})",
    "{key}: min {min} is greater than max {max}, so no score fits; swap them (min: {max}, max: {min})",
  ),
};

/** Formats named by the schema's regex messages (schema.ts), in both languages. */
export const FORMATS: Record<string, Message> = {
  id: msg(
    "huruf kecil, angka, '-', '_' atau '.' tanpa spasi, mis. kia",
    "lower-case letters, digits, '-', '_' or '.', no spaces, e.g. kia",
  ),
  bulan: msg("YYYY-MM, mis. 2024-05", "YYYY-MM, e.g. 2024-05"),
  indikator: msg(
    "program/indikator atau id indikator saja, huruf kecil tanpa spasi, mis. kia/bbl",
    "program/indicator or the indicator id alone, lower-case without spaces, e.g. kia/bbl",
  ),
  jam: msg("jam 08.00 atau 08:00", "a time 08.00 or 08:00"),
  kesepakatan: msg("BULAN/Knn, mis. 2024-05/K03", "MONTH/Knn, e.g. 2024-05/K03"),
  "kesepakatan-tribulanan": msg(
    "BULAN/Tnn untuk kesepakatan tribulanan, mis. 2024-03/T01",
    "MONTH/Tnn for a quarterly commitment, e.g. 2024-03/T01",
  ),
};

/** eemeli/yaml's error codes, each explained in the user's language. */
const YAML_ERRORS: Partial<Record<string, { rule: string; message: Message }>> = {
  DUPLICATE_KEY: {
    rule: "yaml/duplicate-key",
    message: msg(
      "kunci ganda: kunci yang sama ditulis dua kali dalam satu bagian; hapus salah satunya",
      "duplicate key: the same key appears twice in one mapping; remove one",
    ),
  },
  TAB_AS_INDENT: {
    rule: "yaml/tab",
    message: msg(
      "tab dipakai untuk indentasi; YAML hanya menerima spasi",
      "tab used for indentation; YAML accepts spaces only",
    ),
  },
  BAD_INDENT: {
    rule: "yaml/syntax",
    message: msg(
      "indentasi tidak sejajar; samakan jumlah spasi dengan baris sejenis di atasnya",
      "indentation does not line up; use the same number of spaces as similar lines above",
    ),
  },
  MISSING_CHAR: {
    rule: "yaml/syntax",
    message: msg(
      "tanda penutup hilang (kutip, ']' atau '}'); tutup tanda yang dibuka",
      "a closing mark is missing (quote, ']' or '}'); close what was opened",
    ),
  },
  MULTILINE_IMPLICIT_KEY: {
    rule: "yaml/syntax",
    message: msg(
      "kunci terpotong ke baris berikutnya atau tanda ':' hilang; tulis 'kunci: nilai' pada satu baris",
      "a key runs onto the next line or a ':' is missing; write 'key: value' on one line",
    ),
  },
  BLOCK_AS_IMPLICIT_KEY: {
    rule: "yaml/syntax",
    message: msg(
      "pemetaan bersarang tidak boleh ditulis sebagai kunci di sini; periksa tanda ':' dan indentasi",
      "a nested mapping cannot be a key here; check the ':' and the indentation",
    ),
  },
  BLOCK_IN_FLOW: {
    rule: "yaml/syntax",
    message: msg(
      "daftar atau pemetaan bertingkat di dalam [ ] atau { }; tulis di baris sendiri dengan indentasi",
      "a nested block inside [ ] or { }; write it on its own lines, indented",
    ),
  },
  UNEXPECTED_TOKEN: {
    rule: "yaml/syntax",
    message: msg(
      "tanda yang tidak diharapkan di sini; periksa ':' '-' dan tanda kutip",
      "an unexpected mark here; check ':' '-' and the quotes",
    ),
  },
  BAD_DQ_ESCAPE: {
    rule: "yaml/syntax",
    message: msg(
      "garis miring terbalik '\\' tidak sah di dalam kutip ganda; tulis '\\\\' atau pakai kutip tunggal",
      "an invalid '\\' escape inside double quotes; write '\\\\' or use single quotes",
    ),
  },
  BAD_SCALAR_START: {
    rule: "yaml/syntax",
    message: msg(
      "nilai tidak boleh diawali tanda ini; beri tanda kutip pada nilainya",
      "a value cannot start with this character; put the value in quotes",
    ),
  },
  MULTIPLE_DOCS: {
    rule: "yaml/syntax",
    message: msg(
      "berkas berisi lebih dari satu dokumen ('---'); sisakan satu",
      "the file holds more than one document ('---'); keep one",
    ),
  },
  BAD_ALIAS: {
    rule: "yaml/alias",
    message: msg("alias *anchor tidak sah atau tidak ditemukan", "an invalid or unknown *anchor alias"),
  },
  RESOURCE_EXHAUSTION: {
    rule: "yaml/alias",
    message: msg(
      "terlalu banyak alias YAML (*anchor) — kemungkinan serangan 'billion laughs'; hapus alias berantai",
      "too many YAML aliases (*anchor) — likely a 'billion laughs' attack; remove the chained aliases",
    ),
  },
  KEY_OVER_1024_CHARS: {
    rule: "yaml/syntax",
    message: msg("kunci lebih dari 1024 karakter; persingkat", "a key longer than 1024 characters; shorten it"),
  },
  NON_STRING_KEY: { rule: "yaml/syntax", message: msg("kunci harus berupa teks", "keys must be text") },
};
const QUOTE_COLON = msg(
  "; bila nilainya teks yang memuat ': ', beri tanda kutip: {example}",
  "; if the value is text containing ': ', put it in quotes: {example}",
);

/** "tempat: Aula: lantai 2" → 'tempat: "Aula: lantai 2"', when the line is a key whose value holds ": ". */
function quotedLine(line: string): string | undefined {
  // A line too long to repeat in a message gets the advice without the example.
  if (line.length > 200) return undefined;
  const match = /^\s*(?:-\s+)?([^\s:#'"{[][^:#]*?):[ \t]+([^'"\s|>{[&*!].*?:[ \t].*?)\s*$/.exec(line);
  if (!match || / #/.test(match[2])) return undefined;
  return `${match[1]}: "${match[2].replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const SYNTAX_FALLBACK = msg(
  "struktur YAML tidak sah di sini; periksa indentasi, tanda ':' dan tanda kutip di baris ini",
  "invalid YAML structure here; check the indentation, ':' and quotes on this line",
);

const TYPE_NAMES: Record<string, Message> = {
  string: msg("teks", "text"),
  number: msg("angka", "a number"),
  int: msg("bilangan bulat", "a whole number"),
  boolean: msg("true/false", "true/false"),
  object: msg("pemetaan (kunci: nilai)", "a mapping (key: value)"),
  array: msg("daftar (- butir)", "a list (- item)"),
  null: msg("kosong (null)", "empty (null)"),
  record: msg("pemetaan (kunci: nilai)", "a mapping (key: value)"),
};
const typeName = (name: string) => (TYPE_NAMES[name] ? t(TYPE_NAMES[name]) : name);
function describeValue(value: unknown, source?: string): string {
  if (value === null) return typeName("null");
  if (Array.isArray(value)) return typeName("array");
  if (typeof value === "string")
    return `${typeName("string")} '${value.length > 40 ? `${value.slice(0, 37)}…` : value}'`;
  if (typeof value === "number") return source ?? human(value);
  return typeName(typeof value);
}

/** Where a finding is: its start, and where its range ends (exclusive) when it is more than a point. */
export type Where = Point & { end?: Point };

function position(lines: Lines, offset: number): Point {
  const { line, col } = lines.linePos(Math.max(0, offset));
  return { line, column: col };
}

/**
 * The range of text from `start` to `end` (offsets; end exclusive). Trailing white space is left
 * out — a block collection or block scalar ends after its last line break — and so are comment
 * lines closing a collection (not lines of a block scalar, where '#' is text).
 */
function spanOf(source: YamlSource, start: number, end: number, trimComments = true): Where {
  const text = source.text;
  const from = Math.min(Math.max(0, start), text.length);
  const whole = Math.min(Math.max(end, from), text.length);
  let stop = whole;
  for (;;) {
    while (stop > from && /\s/.test(text[stop - 1])) stop--;
    const lineStart = text.lastIndexOf("\n", stop - 1) + 1;
    if (!trimComments || lineStart <= from || !/^[ \t]*#/.test(text.slice(lineStart, stop))) break;
    stop = lineStart;
  }
  // A range of nothing but white space (a tab the parser refuses) keeps it, short of a line break.
  if (stop === from && whole > from) stop = text.slice(from, whole).search(/\r?\n|$/) + from;
  const at = position(source.lines, from);
  return stop > from ? { ...at, end: position(source.lines, stop) } : at;
}

/** The range of a node's value (its key's text for a key), without trailing space and comments. */
function nodeSpan(source: YamlSource, node: Node): Where {
  const [start, valueEnd] = node.range ?? [0, 0];
  const block = yamlLib().isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED");
  return spanOf(source, start, valueEnd, !block);
}

const finding = (rule: string, file: string, message: string, where: Where = { line: 1, column: 1 }): Finding => ({
  rule,
  severity: "error",
  file,
  line: where.line,
  column: where.column,
  ...(where.end ? { end: where.end } : {}),
  message,
});

/** Text encodings a file can be in besides UTF-8, told by their byte order mark or, without one, their zeros. */
type Encoding = "UTF-16 LE" | "UTF-16 BE" | "UTF-32 LE" | "UTF-32 BE";

/** The encoding of `bytes` when it is UTF-16 or UTF-32 (with or without a byte order mark), else undefined. */
export function wideEncoding(bytes: Uint8Array): Encoding | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? "UTF-32 LE" : "UTF-16 LE";
  if (a === 0xfe && b === 0xff) return "UTF-16 BE";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32 BE";
  // Without a mark: text of mostly ASCII characters has a zero byte beside each one. Counted over the
  // start of the file, in the positions each encoding puts them.
  const n = Math.min(bytes.length - (bytes.length % 4), 4096);
  if (n < 4) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i % 4]++;
  const quarter = n / 4;
  const mostly = (count: number) => count >= quarter * 0.7;
  if (mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && !mostly(zeros[0])) return "UTF-32 LE";
  if (mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && !mostly(zeros[3])) return "UTF-32 BE";
  if (mostly(zeros[1]) && mostly(zeros[3]) && !mostly(zeros[0])) return "UTF-16 LE";
  if (mostly(zeros[0]) && mostly(zeros[2]) && !mostly(zeros[1])) return "UTF-16 BE";
  return undefined;
}

/** Control characters YAML does not allow in a file (all but tab, line feed and carriage return). */
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const lineColumn = (text: string, index: number) => {
  const before = text.slice(0, index);
  return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
};

/**
 * Decode bytes as UTF-8 (BOM stripped). A file saved as UTF-16 or UTF-32 (Notepad's "Unicode"),
 * with or without its byte order mark, is named as such; invalid bytes (ANSI/Latin-1) and control
 * characters (a NUL byte) are reported at their line and column.
 */
export function decodeUtf8(bytes: Uint8Array, rel: string): { text?: string; bom: boolean; finding?: Finding } {
  const wide = wideEncoding(bytes);
  if (wide) return { bom: false, finding: finding("yaml/encoding", rel, t(M.wideEncoding, { encoding: wide })) };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const loose = new TextDecoder("utf-8").decode(body);
    const at = Math.max(0, loose.indexOf("\uFFFD"));
    // The byte itself, and what it is in Windows' ANSI code page (how such files are usually saved).
    const offset = Buffer.byteLength(loose.slice(0, at), "utf8");
    const byte = body[offset] ?? 0;
    const ansi = new TextDecoder("windows-1252").decode(body.subarray(offset, offset + 1));
    const message = t(M.notUtf8, { byte: `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`, ansi });
    return { bom, finding: finding("yaml/encoding", rel, message, lineColumn(loose, at)) };
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    const name = control[0] === "\u0000" ? "NUL" : control[0] === "\u007F" ? "DEL" : "";
    const message = t(M.control, { code: name ? `${code} ${name}` : code });
    return { bom, finding: finding("yaml/encoding", rel, message, lineColumn(text, control.index)) };
  }
  return { text, bom };
}

/** Deeper than any lokmin file: flow brackets open at once, or columns of indentation. */
const MAX_FLOW_DEPTH = 64;
const MAX_INDENT = 256;

/**
 * The line and column where the text nests deeper than lokmin's data ever does, if it does: decided
 * before parsing, so the answer does not depend on how much stack the parser happens to have left.
 */
export function tooDeepAt(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let indent = 0;
  let counting = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      indent = 0;
      counting = true;
      continue;
    }
    if (counting && (c === 32 || ((c === 45 || c === 63) && text.charCodeAt(i + 1) === 32))) {
      if (++indent > MAX_INDENT) return { line, column: i - lineStart + 1 };
      continue;
    }
    counting = false;
    if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) return { line, column: i - lineStart + 1 };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/** Parse YAML text with positions. Returns the source (when it could be parsed at all) and its findings. */
export function parseYaml(text: string, rel: string, bom = false): { source?: YamlSource; findings: Finding[] } {
  if (text.length > MAX_FILE_BYTES) {
    const size = (text.length / 1024 / 1024).toFixed(1);
    return { findings: [finding("yaml/size", rel, t(M.tooBig, { size, limit: MAX_FILE_BYTES / 1024 / 1024 }))] };
  }
  const deep = tooDeepAt(text);
  if (deep) return { findings: [finding("yaml/depth", rel, t(M.tooDeep), deep)] };
  const source = new YamlSource(rel, text, bom);
  const { doc, lineCounter } = source;
  const findings = doc.errors.map((error) => {
    // The parser reports running out of stack on deep nesting with the code it uses for alias bombs.
    if (error.code === "RESOURCE_EXHAUSTION" && /call stack/i.test(error.message))
      return finding("yaml/depth", rel, t(M.tooDeep), position(lineCounter, error.pos[0]));
    const where = errorSpan(source, error.code, error.pos);
    // A tag whose value it cannot take (!!set with values, !!binary that is no base64): named as the tag.
    if (error.code === "TAG_RESOLVE_FAILED") {
      const written = /^!\S*/.exec(text.slice(error.pos[0]))?.[0] ?? "!";
      const tag = written.startsWith("!!") ? `tag:yaml.org,2002:${written.slice(2)}` : written;
      const meaning = t(TAG_MEANINGS[tag] ?? msg("tanda buatan sendiri", "a custom tag"));
      return finding("yaml/tag", rel, t(M.tag, { key: t(M.thisValue), tag: written, meaning }), where);
    }
    const known = YAML_ERRORS[error.code];
    const example =
      error.code === "BLOCK_AS_IMPLICIT_KEY" ? quotedLine(text.split(/\r?\n/)[where.line - 1] ?? "") : undefined;
    const hint = example ? t(QUOTE_COLON, { example }) : "";
    return finding(known?.rule ?? "yaml/syntax", rel, t(known?.message ?? SYNTAX_FALLBACK) + hint, where);
  });
  if (findings.length > 0) return { findings };
  const odd = oddities(source);
  if (odd.length > 0) return { findings: odd };
  if (doc.contents === null || (yamlLib().isScalar(doc.contents) && doc.contents.value === null)) {
    return { findings: [finding("yaml/empty", rel, t(M.empty))] };
  }
  if (!yamlLib().isMap(doc.contents)) {
    const found = t(M.notMap, { found: topLevel(doc.contents) });
    return { findings: [finding("yaml/not-a-mapping", rel, found, nodeSpan(source, doc.contents))] };
  }
  return { source, findings };
}

/** What a document holds instead of a mapping, in words: "a list (- item)", "the text 'halo'", "the number 42". */
function topLevel(node: unknown): string {
  const y = yamlLib();
  if (y.isSeq(node)) return typeName("array");
  if (y.isScalar(node)) {
    const value = node.value;
    if (typeof value === "string") return t(M.theText, { text: value.length > 40 ? `${value.slice(0, 37)}…` : value });
    if (typeof value === "number") return t(M.theNumber, { number: node.source ?? String(value) });
    return typeName(typeof value);
  }
  return typeName("object");
}

/** The core YAML 1.2 tags: a value marked with one is read as that type, which the schema then checks. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((n) => `tag:yaml.org,2002:${n}`));
const TAG_MEANINGS: Record<string, Message> = {
  "tag:yaml.org,2002:binary": msg("data biner (base64)", "binary data (base64)"),
  "tag:yaml.org,2002:timestamp": msg("waktu gaya YAML 1.1", "a YAML 1.1 timestamp"),
  "tag:yaml.org,2002:set": msg("himpunan (set)", "a set"),
  "tag:yaml.org,2002:omap": msg("pemetaan berurutan (omap)", "an ordered map (omap)"),
  "tag:yaml.org,2002:pairs": msg("daftar pasangan (pairs)", "a list of pairs"),
};

/** A tag as the person wrote it: tag:yaml.org,2002:binary → !!binary. */
const writtenTag = (tag: string) => (tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice(18)}` : tag);

/**
 * What parses as YAML but is not lokmin data, each named for what it is: a tag lokmin does not use
 * (!!binary, !!timestamp, !!set, !!omap, a custom !tag), an alias whose anchor is not defined before
 * it, and a key that is not text (a list or mapping, null, a number or true/false, a merge key <<).
 */
function oddities(source: YamlSource): Finding[] {
  const y = yamlLib();
  const out: Finding[] = [];
  const at = (rule: string, offset: number | undefined, message: string) =>
    out.push(finding(rule, source.rel, message, position(source.lines, offset ?? 0)));
  const label = (path: readonly PathSegment[]) => (path.length ? pathLabel(path) : t(M.wholeFile));
  // A %YAML 1.1 directive makes dates, yes/no and 010 read as something else than lokmin reads.
  const version = source.doc.directives?.yaml;
  if (version?.explicit && version.version !== "1.2") {
    const offset = source.text.search(/^%YAML/m);
    at("yaml/syntax", Math.max(0, offset), t(M.yamlVersion, { version: version.version }));
  }
  const walk = (node: unknown, path: PathSegment[]) => {
    if (!node || typeof node !== "object") return;
    if (y.isAlias(node)) {
      if (!node.resolve(source.doc))
        at("yaml/alias", node.range?.[0], t(M.unknownAnchor, { key: label(path), name: node.source }));
      return;
    }
    const tag = (node as Node).tag;
    if (tag && !CORE_TAGS.has(tag)) {
      const written = writtenTag(tag);
      const start = (node as Node).range?.[0] ?? 0;
      const tagAt = source.text.lastIndexOf(written, start);
      const meaning = t(TAG_MEANINGS[tag] ?? msg("tanda buatan sendiri", "a custom tag"));
      at("yaml/tag", tagAt >= 0 ? tagAt : start, t(M.tag, { key: label(path), tag: written, meaning }));
      return;
    }
    if (y.isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const problem = keyProblem(key, source.text);
        if (problem) {
          at(
            "yaml/key",
            key?.range?.[0] ?? (pair.value as Node | null)?.range?.[0],
            t(problem.message, problem.values),
          );
          continue;
        }
        walk(pair.value, [...path, String((key as { value?: unknown }).value)]);
      }
    } else if (y.isSeq(node)) node.items.forEach((item, index) => walk(item, [...path, index]));
  };
  walk(source.doc.contents, []);
  return out;
}

/** Why a mapping key is not a key lokmin can read, if it is not: lokmin's keys are always text. */
function keyProblem(key: Node | null, text: string): { message: Message; values: Record<string, string> } | undefined {
  const y = yamlLib();
  if (key === null || (y.isScalar(key) && key.value === null)) return { message: M.nullKey, values: {} };
  if (y.isAlias(key)) return { message: M.aliasKey, values: { name: key.source } };
  if (y.isMap(key) || y.isSeq(key)) {
    const written = key.range ? text.slice(key.range[0], key.range[1]).trim() : String(key);
    return { message: M.collectionKey, values: { key: written.length > 40 ? `${written.slice(0, 37)}…` : written } };
  }
  if (!y.isScalar(key)) return undefined;
  const written = typeof key.source === "string" ? key.source : String(key.value);
  if (key.value === "<<" && key.type === "PLAIN") return { message: M.mergeKey, values: {} };
  if (typeof key.value === "number") return { message: M.numberKey, values: { key: written } };
  if (typeof key.value === "boolean") return { message: M.booleanKey, values: { key: written } };
  return undefined;
}

/**
 * The range of a parser error: its own `pos`, except a duplicate key, where the parser marks one
 * character and the whole key is underlined.
 */
function errorSpan(source: YamlSource, code: string, [start, end]: readonly [number, number]): Where {
  if (code === "DUPLICATE_KEY") {
    let key: Node | undefined;
    yamlLib().visit(source.doc, {
      Pair(_, pair) {
        const node = pair.key as Node | null;
        if (node?.range?.[0] === start) {
          key = node;
          return yamlLib().visit.BREAK;
        }
      },
    });
    if (key) return nodeSpan(source, key);
  }
  // Past the end of the text (a quote or bracket never closed): the end of its last line.
  const last = source.text.trimEnd().length;
  if (start >= last && last > 0) return position(source.lines, last);
  return spanOf(source, start, end);
}

/** Plain data of a parsed document, refusing alias bombs. */
export function toData(source: YamlSource): { data?: unknown; findings: Finding[] } {
  try {
    return { data: source.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings: [] };
  } catch (error) {
    if (error instanceof RangeError) {
      // Maximum call stack size exceeded: nesting, not aliases.
      const offset = source.text.search(/[[{]{50}/);
      const at = position(source.lines, offset < 0 ? 0 : offset);
      return { findings: [finding("yaml/depth", source.rel, t(M.tooDeep), at)] };
    }
    if (/unresolved alias/i.test((error as Error).message)) {
      const offset = source.text.search(/\*[^\s,\]}]+/);
      const name = /\*([^\s,\]}]+)/.exec(source.text)?.[1] ?? "?";
      const message = t(M.unknownAnchor, { key: t(M.wholeFile), name });
      return {
        findings: [finding("yaml/alias", source.rel, message, position(source.lines, Math.max(0, offset)))],
      };
    }
    const alias = /\*[^\s,\]}]+/.exec(source.text);
    const at = alias ? spanOf(source, alias.index, alias.index + alias[0].length) : position(source.lines, 0);
    return { findings: [finding("yaml/alias", source.rel, t(M.aliasBomb), at)] };
  }
}

/** Whether the node at `path` is only a key with nothing after its ':' (nodeAt then gives the key). */
const isKeyOnly = (source: YamlSource, path: readonly PathSegment[]) => {
  const found = nodeAt(source, path);
  return found.keyNode !== undefined && found.node === found.keyNode;
};

/**
 * The node at a path, and the deepest existing ancestor when the path does not exist. `keyNode` is
 * the key of the node found (of the ancestor when missing), absent for a list item and the root.
 * With `partial`, a file not parsed yet is parsed only in the entry the path leads into (see
 * YamlSource.narrow): the node found is the same, but an ancestor returned for a missing path may
 * hold only the entries on the path (the top-level mapping only the file's first key).
 */
export function nodeAt(
  source: YamlSource,
  path: readonly PathSegment[],
  partial = false,
): { node: Node | null; exists: boolean; keyNode?: Node } {
  const y = yamlLib();
  const narrowed = partial ? source.narrow(path) : undefined;
  let node: unknown = narrowed ? narrowed.root : source.doc.contents;
  const steps = narrowed ? narrowed.rest : path;
  let keyNode: Node | undefined;
  for (const [index, segment] of steps.entries()) {
    if (y.isMap(node)) {
      const pair = node.items.find(
        (item) => y.isPair(item) && y.isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) return { node: node as Node, exists: false, keyNode };
      keyNode = pair.key as Node;
      if (pair.value === null) return { node: keyNode, exists: index === steps.length - 1, keyNode };
      node = pair.value;
    } else if (y.isSeq(node) && typeof segment === "number" && node.items[segment]) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      return { node: (node as Node) ?? null, exists: false, keyNode };
    }
  }
  return { node: (node as Node) ?? null, exists: true, keyNode };
}

const isEmptyValue = (node: Node) => yamlLib().isScalar(node) && node.range?.[0] === node.range?.[1];

/**
 * The range of the value (or key) at a path. A missing path underlines the nearest existing
 * ancestor's key, or points at the start of an ancestor without one (a list item, the document);
 * an empty value (`kunci:` and nothing) underlines its key; the whole document (an empty path) is
 * a point at its start, not a range over every line.
 */
export function locate(source: YamlSource, path: readonly PathSegment[], prefer: "value" | "key" = "value"): Where {
  const { node, keyNode, exists } = nodeAt(source, path, true);
  if (!exists) return keyNode ? nodeSpan(source, keyNode) : position(source.lines, node?.range?.[0] ?? 0);
  if (!node || path.length === 0) return position(source.lines, node?.range?.[0] ?? 0);
  const target = keyNode && (prefer === "key" || isEmptyValue(node)) ? keyNode : node;
  return nodeSpan(source, target);
}

function keyLocation(source: YamlSource, parentPath: readonly PathSegment[], key: string): Where {
  const y = yamlLib();
  const { node } = nodeAt(source, parentPath);
  if (y.isMap(node)) {
    const pair = node.items.find((item) => y.isScalar(item.key) && String(item.key.value) === key);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) return nodeSpan(source, keyNode);
  }
  return locate(source, parentPath);
}

/** The zod schema at a path (wrappers such as optional and default removed), or undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking zod's internal definitions
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking zod's internal definitions
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
    if (!def) return undefined;
    if (def.type === "object") current = def.shape[segment as string];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "union")
      current =
        typeof segment === "number"
          ? def.options.find((o: { _zod: { def: { type: string } } }) => o._zod.def.type === "array")
          : objectOption(def);
    else return undefined;
    unwrap();
  }
  return current;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal definitions
const objectOption = (def: any) => def.options.find((option: any) => option._zod.def.type === "object");

/** The object keys a zod schema allows at a path (for "did you mean" hints). */
export function allowedKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const def = schemaAt(schema, path)?._zod?.def;
  if (def?.type === "union") {
    const option = objectOption(def);
    return option ? Object.keys(option._zod.def.shape) : [];
  }
  return def?.type === "object" ? Object.keys(def.shape) : [];
}

/** Whether the schema at a path takes a whole number (a count). */
const takesWholeNumber = (schema: z.ZodType, path: readonly PathSegment[]) => {
  const found = schemaAt(schema, path);
  return found?._zod?.def?.type === "number" && found.format === "safeint";
};

/** A number written with thousands points as people write them by hand: 2.000, 12.500, 1.000.000. */
const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
/**
 * The same anywhere in a file's text as a whole value: after `key:`, `-`, `[`, `{`, `,` or alone on a line, not
 * inside a text such as "Rp 8.000.000" (cheap, may over-match: it only declines the fast path and the cache).
 */
const THOUSANDS_IN_TEXT = /(?:^|[:[{,-])[ \t]*\d{1,3}(?:\.\d{3})+[ \t]*(?:$|[,\]}#\r])/m;

/**
 * Whether a file's text may hold a count written with a thousands point. YAML reads 2.000 as the
 * whole number 2, which passes every check, so such a file skips the fast path and the parse cache
 * and is read with positions, where the source text of each number is still known.
 */
export const mayHaveThousandsPoint = (text: string) => THOUSANDS_IN_TEXT.test(text);

/** Counts written with a thousands point that YAML read as a (wrong) whole number: 2.000 → 2. */
function thousandsFindings(source: YamlSource, schema: z.ZodType): Finding[] {
  const y = yamlLib();
  const out: Finding[] = [];
  const walk = (node: unknown, path: PathSegment[]) => {
    if (y.isMap(node)) {
      for (const pair of node.items) if (y.isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (y.isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (
      y.isScalar(node) &&
      node.type === "PLAIN" &&
      typeof node.value === "number" &&
      Number.isInteger(node.value) &&
      typeof node.source === "string" &&
      THOUSANDS.test(node.source) &&
      takesWholeNumber(schema, path)
    ) {
      const whole = node.source.replace(/\./g, "");
      const message = t(M.notWhole, { key: pathLabel(path), source: node.source, read: String(node.value), whole });
      out.push(finding("schema/number", source.rel, message, nodeSpan(source, node)));
    }
  };
  walk(source.doc.contents, []);
  return out;
}

function pathLabel(path: readonly PathSegment[]): string {
  const label = path.reduce<string>(
    (out, segment) =>
      typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${segment}` : String(segment),
    "",
  );
  return label || "(root)";
}

export function getPath(data: unknown, path: readonly PathSegment[]): unknown {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking plain data
  let current: any = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = current[segment];
  }
  return current;
}

/** A number in a message: as the person wrote it when the source has it, else written for people. */
const shownNumber = (source: YamlSource, path: readonly PathSegment[], value: unknown) =>
  typeof value === "number" ? (numberSource(source, path) ?? human(value)) : String(value);

/** The number as the person wrote it: "2.100" read as 2.1 is a count with a thousands point. */
const numberSource = (source: YamlSource, path: readonly PathSegment[]) => {
  const { node } = nodeAt(source, path);
  return yamlLib().isScalar(node) && typeof node.source === "string" ? node.source : undefined;
};

/** Turn zod issues into findings positioned in the YAML source, in the user's language. */
export function issuesToFindings(
  source: YamlSource,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): Finding[] {
  const out: Finding[] = [];
  const at = (path: readonly PathSegment[], message: string, rule: string, prefer: "value" | "key" = "value") =>
    out.push(finding(rule, source.rel, message, locate(source, path, prefer)));
  for (const issue of issues) {
    const path = issue.path as PathSegment[];
    const key = pathLabel(path);
    const lastKey = String(path[path.length - 1] ?? "");
    const value = getPath(data, path);
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeysAt(schema, path);
      // A hint never names a key the mapping already has: applying it would make a duplicate key.
      const here = getPath(data, path);
      const present = new Set(here && typeof here === "object" ? Object.keys(here) : []);
      for (const unknown of issue.keys) {
        const hint = closestAccepted(
          unknown,
          allowed.filter((key) => !present.has(key)),
        );
        const tail = hint
          ? t(M.didYouMean, { hint })
          : allowed.length
            ? t(M.allowedKeys, { keys: allowed.join(", ") })
            : "";
        out.push(
          finding(
            "schema/unknown-key",
            source.rel,
            t(M.unknownKey, { key: unknown }) + tail,
            keyLocation(source, path, unknown),
          ),
        );
      }
      continue;
    }
    const { exists } = nodeAt(source, path);
    if (!exists && issue.code === "invalid_type") {
      at(path, t(M.missing, { key: lastKey }), "schema/missing-key");
      continue;
    }
    switch (issue.code) {
      case "invalid_type": {
        const written = typeof value === "number" ? numberSource(source, path) : undefined;
        if (issue.expected === "string" && typeof value === "number") {
          const digits = written ?? String(value);
          if (/^\d{15,}$/.test(digits) || /nip|nomor/.test(lastKey)) {
            at(path, t(M.nipNumber, { key: lastKey, digits }), "schema/unquoted-number");
            break;
          }
        }
        if (issue.expected === "int" && typeof value === "number") {
          const shown = written ?? String(value);
          const whole = /^\d{1,3}(\.\d{3})+$/.test(shown) ? shown.replace(/\./g, "") : String(Math.round(value));
          at(path, t(M.notWhole, { key, source: shown, read: decimal(value, 6), whole }), "schema/number");
          break;
        }
        if (typeof value === "string" && THOUSANDS.test(value) && takesWholeNumber(schema, path)) {
          const read = `${typeName("string")} '${value}'`;
          at(path, t(M.notWhole, { key, source: value, read, whole: value.replace(/\./g, "") }), "schema/number");
          break;
        }
        const list = schemaAt(schema, path.slice(0, -1))?._zod?.def;
        if (
          issue.expected === "string" &&
          value !== null &&
          typeof value === "object" &&
          !Array.isArray(value) &&
          typeof path[path.length - 1] === "number" &&
          list?.type === "array"
        ) {
          const entries = Object.entries(value as Record<string, unknown>);
          const named = entries.find(([k, v]) => /nama|name/.test(k) && typeof v === "string") ?? entries[0];
          const example = typeof named?.[1] === "string" ? named[1] : "Sukamaju";
          const keys = entries.map(([k]) => k).join(", ");
          at(path, t(M.listOfText, { key, keys, list: pathLabel(path.slice(0, -1)), example }), "schema/type");
          break;
        }
        if (issue.expected === "number" && typeof value === "number" && !Number.isFinite(value)) {
          at(path, t(M.notFinite, { key, source: written ?? String(value) }), "schema/number");
          break;
        }
        if (
          issue.expected === "number" &&
          typeof value === "string" &&
          /^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d+$/.test(value.trim())
        ) {
          at(
            path,
            t(M.commaDecimal, { key, source: value, fixed: value.trim().replace(/\./g, "").replace(",", ".") }),
            "schema/type",
          );
          break;
        }
        // A core tag the person wrote (!!str 9) is why the value has the wrong type: say so.
        const tag = (nodeAt(source, path).node as Node | null)?.tag;
        const tagged = tag && !isKeyOnly(source, path) ? t(M.taggedAs, { tag: writtenTag(tag) }) : "";
        at(
          path,
          t(M.expected, { key, expected: typeName(issue.expected), got: describeValue(value, written) + tagged }),
          "schema/type",
        );
        break;
      }
      case "invalid_value":
        at(path, t(M.oneOf, { key, values: issue.values.map((v) => JSON.stringify(v)).join(", ") }), "schema/value");
        break;
      case "too_small": {
        const min = Number(issue.minimum);
        if (issue.origin === "string") at(path, t(M.emptyText, { key }), "schema/value");
        else if (issue.origin === "array")
          at(path, t(issue.exact ? M.exactItems : M.tooFewItems, { key, min }), "schema/value");
        else
          at(
            path,
            t(M.tooSmallNumber, { key, min: human(min), value: shownNumber(source, path, value) }),
            "schema/number",
          );
        break;
      }
      case "too_big": {
        const max = Number(issue.maximum);
        if (issue.origin === "array")
          at(path, t(issue.exact ? M.exactItems : M.tooManyItems, { key, min: max, max }), "schema/value");
        else
          at(
            path,
            t(M.tooBigNumber, { key, max: human(max), value: shownNumber(source, path, value) }),
            "schema/number",
          );
        break;
      }
      case "invalid_format": {
        if (issue.format === "date") at(path, t(M.badDate, { key, value: String(value) }), "schema/format");
        else {
          const format = FORMATS[issue.message] ? t(FORMATS[issue.message]) : issue.format;
          at(path, t(M.badFormat, { key, value: String(value), format }), "schema/format");
        }
        break;
      }
      case "invalid_union": {
        const options = issue.errors
          .map((branch) => branch.find((i) => i.code === "invalid_type"))
          .map((i) => (i && i.code === "invalid_type" ? typeName(i.expected) : undefined))
          .filter(Boolean);
        const nested = issue.errors.find((branch) => branch.some((i) => i.path.length > 0));
        if (nested) {
          out.push(
            ...issuesToFindings(
              source,
              schema,
              nested.map((i) => ({ ...i, path: [...path, ...i.path] })),
              data,
            ),
          );
          break;
        }
        at(path, t(M.notOneOf, { key, options: options.join(" / ") }), "schema/type");
        break;
      }
      case "custom": {
        if (issue.message === SCALE_INVERTED) {
          const scale = getPath(data, path.slice(0, -1)) as { min: number; max: number };
          const values = { key: pathLabel(path.slice(0, -1)), min: human(scale.min), max: human(scale.max) };
          at(path, t(M.scaleInverted, values), "schema/value");
        } else at(path, t(M.invalid, { key }), "schema/value");
        break;
      }
      default:
        at(path, t(M.invalid, { key }), "schema/value");
    }
  }
  return out;
}

/**
 * Text the fast path declines, so the full parser reads it: anchors, aliases, tags and
 * directives (the full parser guards against alias bombs), and the few constructs where js-yaml
 * reads differently from eemeli/yaml — a list item with nothing after its dash, two dashes on one
 * line, an empty key in a flow collection, and a comment sign right after a closing bracket ("[]#",
 * an error js-yaml lets pass), the explicit-key sign "?", quoted scalars running over
 * several lines (js-yaml accepts indentation eemeli/yaml refuses), a key that is not text ("~:", "[]:", "1:",
 * "true:") and the merge key "<<".
 * tests/hostile/yaml-parsers.test.ts holds the two parsers to the same data on everything the
 * fast path accepts.
 */
const DECLINED = [
  // An anchor or alias has a name right after its sign ("Sarana & Prasarana" is text); any tag.
  /(^|[\s[{,:-])([&*][^\s,\]}]|!)/m,
  /^%/m,
  /^[ \t]*-[ \t]*(#.*)?\r?$/m,
  /(^|\s)-[ \t]+-([ \t]|$)/m,
  /[[{,][ \t]*:/,
  /[\]}]#/,
  /[\]}][ \t]*:/,
  /(^|[\s[{,-])\?([ \t]|\r?$)/m,
  /(^|[:,[{-][ \t]+)'(?:[^'\r\n]|'')*\r?$/m,
  /(^|[:,[{-][ \t]+)"(?:[^"\\\r\n]|\\.)*\r?$/m,
  /(^|[\s[{,-])(~|null|Null|NULL)[ \t]*:([ \t]|\r?$)/m,
  // Keys that are not text (a number, true/false) and the YAML 1.1 merge key: the full parser names them.
  /(^|[\s[{,-])[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?[ \t]*:([ \t]|\r?$)/m,
  /(^|[\s[{,-])(?:true|false|True|False|TRUE|FALSE)[ \t]*:([ \t]|\r?$)/m,
  /(^|[\s{,])<<[ \t]*:/m,
];

/** The fast path's reading of a document, or undefined when it declines (see DECLINED) or fails. */
export function fastParse(text: string): unknown {
  if (DECLINED.some((pattern) => pattern.test(text))) return undefined;
  try {
    return jsYaml.load(text, { schema: CORE_12, json: false });
  } catch {
    return undefined;
  }
}

/** The fast path: js-yaml (duplicate keys refused) straight into zod; undefined when anything is unusual. */
function fastData<T>(text: string, schema: z.ZodType<T>): T | undefined {
  const raw = fastParse(text);
  if (raw === null || raw === undefined || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** Read plain data from YAML text: the fast path when it applies, else the position-keeping parser. */
export function readData(text: string): unknown {
  return fastParse(text) ?? yamlLib().parse(text, { maxAliasCount: MAX_ALIAS_COUNT });
}

/** Parse, convert and validate in one go. */
export function loadValidated<T>(
  text: string,
  rel: string,
  schema: z.ZodType<T>,
  bom = false,
): { source?: YamlSource; data?: T; findings: Finding[] } {
  if (text.length <= MAX_FILE_BYTES && !mayHaveThousandsPoint(text)) {
    const data = fastData(text, schema);
    if (data !== undefined) return { source: new YamlSource(rel, text, bom), data, findings: [] };
  }
  const parsed = parseYaml(text, rel, bom);
  if (!parsed.source) return { findings: parsed.findings };
  const raw = toData(parsed.source);
  if (raw.findings.length) return { source: parsed.source, findings: raw.findings };
  const result = schema.safeParse(raw.data);
  const thousands = mayHaveThousandsPoint(text) ? thousandsFindings(parsed.source, schema) : [];
  if (result.success && thousands.length === 0) return { source: parsed.source, data: result.data, findings: [] };
  const issues = result.success ? [] : issuesToFindings(parsed.source, schema, result.error.issues, raw.data);
  const findings = [...issues, ...thousands].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  return { source: parsed.source, findings };
}
