// The Handlebars a block template may use, and its mistakes in the user's language. Templates are
// data, not code: only the fields of the render context and the helpers if, unless, each and with
// (templates/README.md). A workspace's template is checked before it is compiled (no partials, no
// other helpers, no decorators, no names JavaScript gives every object such as `constructor` or
// `length`), and it runs in an environment of its own where the other helpers (log, lookup, …) do
// not exist. The built-in templates precompiled by scripts/build.mjs run in the same environment,
// compiled with the same options (handlebars-options.json). Whatever Handlebars still throws is
// translated: the message names the template file, the line when known, and what to change.
import { UserError } from "../errors.js";
import { msg, t } from "../i18n/index.js";
import OPTIONS from "./handlebars-options.json" with { type: "json" };

/** The compile options of every template; scripts/build.mjs precompiles the built-in ones with these. */
export const HBS_OPTIONS: Readonly<typeof OPTIONS> = OPTIONS;

export const HELPERS = ["if", "unless", "each", "with"] as const;
const DATA_VARIABLES = ["root", "index", "first", "last", "key"];

/**
 * Names every object, list, text or number answers to without being a field of the data
 * (`constructor`, `__proto__`, `toString`, `map` …). No field of the render context is one of
 * these (a test checks templates/README.md). `length` stays: a list's own count of items
 * (`{{#if agenda.length}}`); on a text it is the error "not a set of fields" with its line.
 */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(
  [Object.prototype, Array.prototype, String.prototype, Number.prototype, Boolean.prototype]
    .flatMap((proto) => Object.getOwnPropertyNames(proto))
    .filter((name) => name !== "length"),
);

const README = "templates/README.md";
const M = {
  helper: msg(
    "templat {file}{where}: helper '{name}' tidak tersedia; templat hanya memakai {{#if}}, {{#unless}}, " +
      "{{#each}} dan {{#with}} dengan satu kolom data ({readme})",
    "template {file}{where}: helper '{name}' is not available; templates use only {{#if}}, {{#unless}}, " +
      "{{#each}} and {{#with}} with one field of the data ({readme})",
  ),
  blockArgument: msg(
    "templat {file}{where}: {{#{name}}} perlu tepat satu kolom data, mis. {{#{name} peserta}} … {{/{name}}}",
    "template {file}{where}: {{#{name}}} needs exactly one field of the data, e.g. {{#{name} peserta}} … " +
      "{{/{name}}}",
  ),
  section: msg(
    "templat {file}{where}: blok {{#{name}}} atau {{^{name}}} tidak didukung; pakai {{#if {name}}}, " +
      "{{#unless {name}}}, {{#with {name}}} atau {{#each {name}}}",
    "template {file}{where}: a {{#{name}}} or {{^{name}}} block is not supported; use {{#if {name}}}, " +
      "{{#unless {name}}}, {{#with {name}}} or {{#each {name}}}",
  ),
  partial: msg(
    "templat {file}{where}: {{> {name}}} memanggil templat lain (partial), yang tidak didukung; tulis isinya " +
      "langsung di templat ini (kop surat: baris ::kop)",
    "template {file}{where}: {{> {name}}} calls another template (a partial), which is not supported; write " +
      "its text in this template (a letterhead: the line ::kop)",
  ),
  decorator: msg(
    "templat {file}{where}: dekorator Handlebars ({{* …}}, {{#*inline …}}) tidak didukung; tulis isinya " +
      "langsung di templat ini",
    "template {file}{where}: Handlebars decorators ({{* …}}, {{#*inline …}}) are not supported; write the " +
      "text in this template",
  ),
  literal: msg(
    "templat {file}{where}: {{{value}}} bukan nama kolom; teks tetap ditulis di luar {{…}}",
    "template {file}{where}: {{{value}}} is not a field name; fixed text goes outside {{…}}",
  ),
  builtinName: msg(
    "templat {file}{where}: '{field}' bukan kolom data ('{name}' adalah nama bawaan JavaScript, bukan data " +
      "dokumen); periksa ejaannya (daftar kolom: {readme})",
    "template {file}{where}: '{field}' is not a field of the data ('{name}' is a name JavaScript gives every " +
      "object, not the document's data); check its spelling (the fields: {readme})",
  ),
  dataVariable: msg(
    "templat {file}{where}: '@{name}' tidak dikenal; yang tersedia: @root, @index, @first, @last, @key",
    "template {file}{where}: '@{name}' is unknown; available: @root, @index, @first, @last, @key",
  ),
  unknownField: msg(
    "templat {file}{where}: kolom '{field}' tidak ada dalam data dokumen; periksa ejaannya (daftar kolom: " +
      "{readme})",
    "template {file}{where}: field '{field}' is not in the document's data; check its spelling (the fields: " +
      "{readme})",
  ),
  notObject: msg(
    "templat {file}{where}: kolom '{field}' tidak ada: yang di atasnya berisi teks atau angka ({value}), bukan " +
      "kumpulan kolom{hint}; periksa ejaannya (daftar kolom: {readme})",
    "template {file}{where}: field '{field}' does not exist: the value above it is a text or a number ({value}), " +
      "not a set of fields{hint}; check its spelling (the fields: {readme})",
  ),
  syntax: msg(
    "templat {file}{where}: tanda Handlebars tidak lengkap atau salah tutup ({near}); periksa {{…}} dan " +
      "pasangan {{#…}}/{{/…}}",
    "template {file}{where}: an incomplete or wrongly closed Handlebars tag ({near}); check the {{…}} and the " +
      "{{#…}}/{{/…}} pairs",
  ),
  lexical: msg(
    "templat {file}{where}: Handlebars tidak mengenali tanda di sini ({near}); periksa {{…}} yang tidak " +
      "ditutup dan komentar {{!-- … --}} tanpa penutup --}}",
    "template {file}{where}: Handlebars does not recognise the tag here ({near}); check for an unclosed {{…}} " +
      "and a comment {{!-- … --}} without its closing --}}",
  ),
  notText: msg(
    "templat {file}{where}: {{{field}}} berisi {what}, bukan teks; cetak kolomnya satu per satu (mis. " +
      "{{#each {field}}}{{nama}}{{/each}} untuk daftar, {{{field}.nama}} untuk bagian) ({readme})",
    "template {file}{where}: {{{field}}} holds {what}, not text; print its fields one by one (e.g. " +
      "{{#each {field}}}{{nama}}{{/each}} for a list, {{{field}.nama}} for a section) ({readme})",
  ),
  aList: msg("sebuah daftar", "a list"),
  aSection: msg("sekumpulan kolom", "a set of fields"),
  line: msg(" baris {line}", " line {line}"),
  lengthHint: msg(
    " (.length hanya untuk daftar: jumlah butirnya)",
    " (.length is only for a list: its number of items)",
  ),
  other: msg(
    "templat {file}{where}: Handlebars menolak templat ini ({detail}); kesalahannya ada di templat, bukan di " +
      "lokmin: periksa tanda {{…}} di sana ({readme})",
    "template {file}{where}: Handlebars refuses this template ({detail}); the mistake is in the template, not in " +
      "lokmin: check its {{…}} tags ({readme})",
  ),
};

interface Env {
  helpers: Record<string, unknown>;
  decorators: Record<string, unknown>;
  partials: Record<string, unknown>;
  unregisterHelper(name: string): void;
  unregisterDecorator(name: string): void;
  unregisterPartial(name: string): void;
}

/** An environment of its own with only if, unless, each and with: no log, lookup, *Missing, inline. */
export function isolate<E>(env: E): E {
  const e = env as unknown as Env;
  for (const name of Object.keys(e.helpers))
    if (!(HELPERS as readonly string[]).includes(name)) e.unregisterHelper(name);
  for (const name of Object.keys(e.decorators)) e.unregisterDecorator(name);
  for (const name of Object.keys(e.partials)) e.unregisterPartial(name);
  return env;
}

type Node = hbs.AST.Node;

const lineOf = (node: Node) => node.loc?.start.line ?? 1;

/**
 * Refuse what the README does not offer, with the line: partials, decorators, helpers other than
 * if/unless/each/with (and those with other than one field), `{{#field}}` sections, literals where
 * a field belongs, unknown @variables and names JavaScript gives every object.
 */
export function checkTemplate(ast: hbs.AST.Program, file: string): void {
  const fail = (message: Parameters<typeof t>[0], node: Node, params: Record<string, string> = {}): never => {
    throw new UserError(t(message, { file, where: t(M.line, { line: lineOf(node) }), readme: README, ...params }));
  };
  const path = (node: hbs.AST.Expression) => {
    if (node.type !== "PathExpression") {
      const value = (node as hbs.AST.Literal & { original?: unknown }).original;
      if (node.type === "SubExpression") {
        const sub = node as hbs.AST.SubExpression;
        fail(M.helper, node, { name: (sub.path as hbs.AST.PathExpression).original ?? "(…)" });
      }
      return fail(M.literal, node, { value: typeof value === "string" ? JSON.stringify(value) : String(value) });
    }
    const p = node as hbs.AST.PathExpression;
    if (p.data && (!DATA_VARIABLES.includes(p.parts[0]) || (p.parts[0] !== "root" && p.parts.length > 1)))
      fail(M.dataVariable, node, { name: p.parts.join(".") });
    for (const part of p.parts)
      if (BUILTIN_NAMES.has(part)) fail(M.builtinName, node, { field: p.original, name: part });
  };
  const statements = (program: hbs.AST.Program | undefined) => {
    for (const node of program?.body ?? []) statement(node);
  };
  const statement = (node: Node) => {
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        return;
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type === "PathExpression" && (m.params.length || m.hash?.pairs.length))
          fail(M.helper, node, { name: (m.path as hbs.AST.PathExpression).original });
        return path(m.path);
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const name = b.path.type === "PathExpression" ? (b.path as hbs.AST.PathExpression).original : "";
        if (!(HELPERS as readonly string[]).includes(name)) {
          if (b.params.length || b.hash?.pairs.length || !name) fail(M.helper, node, { name: name || "(…)" });
          fail(M.section, node, { name });
        }
        if (b.params.length !== 1 || b.hash?.pairs.length) fail(M.blockArgument, node, { name });
        path(b.params[0]);
        statements(b.program);
        statements(b.inverse);
        return;
      }
      case "PartialStatement":
      case "PartialBlockStatement": {
        const name = (node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression;
        return fail(M.partial, node, { name: name.original ?? String((name as { value?: unknown }).value) });
      }
      default: // Decorator, DecoratorBlock
        return fail(M.decorator, node);
    }
  };
  statements(ast);
}

/** The field expression at a line and column of the source, for messages ("rapat.tangal"). */
function expressionAt(source: string, line: number, column: number, name: string): string {
  const text = source.split(/\r?\n/)[line - 1] ?? "";
  const tags = [...text.matchAll(/\{\{[#/^~]?\s*(?:[\w]+\s+)?([@\w./-]+)/g)].map((m) => ({ at: m.index, path: m[1] }));
  const near = tags.filter((tag) => tag.at <= column + 2 && tag.path.split(/[./]/).includes(name)).pop();
  return near?.path ?? tags.find((tag) => tag.path.split(/[./]/).includes(name))?.path ?? name;
}

/** The first field path of the template with `name` below another name, and its line ("rapat.tempat.x"). */
function pathBelow(parse: (source: string) => hbs.AST.Program, source: string, name: string) {
  let found: { field: string; line: number } | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== "object") return;
    const p = node as hbs.AST.PathExpression;
    if (p.type === "PathExpression" && p.parts.indexOf(name) > 0) {
      found = { field: p.original, line: lineOf(p) };
      return;
    }
    for (const value of Object.values(node)) if (value && typeof value === "object") visit(value);
  };
  try {
    visit(parse(source));
  } catch {
    // the source parsed once already; nothing better to say than without the line
  }
  return found;
}

/** A list or a section printed as text: the template's line, the field and what it holds. */
export function notTextError(file: string, source: string, field: string, list: boolean): UserError {
  const shown = field.replace(/\.\d+(?=\.|$)/g, "");
  const last = shown.split(".").pop() ?? "";
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lines = source.split(/\r?\n/);
  const lineOf = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l)) + 1;
  const line =
    (last && lineOf(new RegExp(`\\{\\{~?\\s*(?:[\\w./]*[./])?${escape(last)}\\s*~?\\}\\}`))) ||
    lineOf(/\{\{~?\s*(?:this|\.)\s*~?\}\}/);
  return new UserError(
    t(M.notText, {
      file,
      readme: README,
      where: line ? t(M.line, { line }) : "",
      field: shown || "this",
      what: t(list ? M.aList : M.aSection),
    }),
  );
}

/** A Handlebars error in the user's language, naming the template, the line and what to fix. */
export function templateError(
  error: unknown,
  file: string,
  source: string,
  parse?: (source: string) => hbs.AST.Program,
): UserError {
  if (error instanceof UserError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split("\n")[0];
  const at = /- (\d+):(\d+)\s*$/.exec(first);
  const lineNumber = (error as { lineNumber?: unknown }).lineNumber;
  const line = at?.[1] ?? (typeof lineNumber === "number" ? String(lineNumber) : undefined);
  const where = line ? t(M.line, { line }) : "";
  const base = { file, readme: README };

  /** The line of the first tag matching `pattern` when Handlebars did not say. */
  const found = (pattern: RegExp) => {
    if (line) return where;
    const index = source.split(/\r?\n/).findIndex((l) => pattern.test(l));
    return index < 0 ? "" : t(M.line, { line: index + 1 });
  };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  const field = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(first);
  if (field) {
    const shown = expressionAt(source, Number(field[2]), Number(field[3]), field[1]);
    return new UserError(t(M.unknownField, { ...base, where: t(M.line, { line: field[2] }), field: shown }));
  }
  // A field below a text or a number ({{rapat.tempat.x}}): strict mode's `in` on a primitive.
  const primitive = /^Cannot use 'in' operator to search for '([^']*)' in (.*)$/s.exec(text);
  if (primitive) {
    const below = parse ? pathBelow(parse, source, primitive[1]) : undefined;
    const value = primitive[2].length > 40 ? `${primitive[2].slice(0, 40)}…` : primitive[2];
    return new UserError(
      t(M.notObject, {
        ...base,
        where: below ? t(M.line, { line: below.line }) : "",
        field: below?.field ?? primitive[1],
        value: JSON.stringify(value.replace(/\\(.)/g, "$1")),
        hint: primitive[1] === "length" ? t(M.lengthHint) : "",
      }),
    );
  }
  const parseError = /Parse error on line (\d+):\n([^\n]*)/.exec(text);
  if (parseError)
    return new UserError(
      t(M.syntax, { ...base, where: t(M.line, { line: parseError[1] }), near: parseError[2].trim() }),
    );
  const lexical = /Lexical error on line (\d+)\./.exec(text);
  if (lexical) {
    const near = (source.split(/\r?\n/)[Number(lexical[1]) - 1] ?? "").trim();
    return new UserError(
      t(M.lexical, {
        ...base,
        where: t(M.line, { line: lexical[1] }),
        near: near.length > 40 ? `${near.slice(0, 40)}…` : near,
      }),
    );
  }
  const unclosed = /(\S+) doesn't match (\S+) - (\d+):/.exec(first);
  if (unclosed)
    return new UserError(
      t(M.syntax, { ...base, where: t(M.line, { line: unclosed[3] }), near: `${unclosed[1]} / ${unclosed[2]}` }),
    );
  const helper =
    /Missing helper: "([^"]+)"/.exec(first) ?? /used the unknown helper (\S+?)(?: - \d+:\d+)?$/.exec(first);
  if (helper)
    return new UserError(
      t(M.helper, { ...base, where: found(new RegExp(`\\{\\{[#^~]?\\s*${escape(helper[1])}\\b`)), name: helper[1] }),
    );
  const partial = /^The partial (.+) could not be found/.exec(first);
  if (partial) return new UserError(t(M.partial, { ...base, where: found(/\{\{~?#?>/), name: partial[1] }));
  const argument = /^#(if|unless|with) requires exactly one argument|^Must pass iterator to #(each)/.exec(first);
  if (argument) {
    const name = argument[1] ?? argument[2];
    return new UserError(
      t(M.blockArgument, { ...base, where: found(new RegExp(`\\{\\{~?#${name}\\s*~?\\}\\}`)), name }),
    );
  }
  return new UserError(t(M.other, { ...base, where, detail: first.replace(/ - \d+:\d+\s*$/, "") }));
}
