// Where a YAML path stands in a file's text, without parsing the whole file with positions. A
// finding names a file and a path; printing it needs the range of the one node the path leads to.
// Parsing a 1,300-line rapat.yaml with eemeli/yaml's position-keeping Document for a finding on
// its third line was most of what `check` of ten years spent on positions. Here the text is cut,
// by its lines' indentation, down to the entry the path leads into (`key: value` or `- item`, from
// the start of its line to its next sibling), and only that entry is parsed, on its own, with its
// ranges moved to where it stands: its nodes and ranges are those the whole parse has (a test holds
// every path of real and awkward files to the whole parse). Anything the cut cannot be sure of —
// a tab or a lone CR where a line starts, `---`, quoted or explicit keys, an entry that does not
// read on its own without error as that one entry — leaves the whole file to the full parse.
import type { Node } from "yaml";
import type { PathSegment } from "../domain/findings.js";
import { yamlLib } from "./yaml-lib.js";

/** Line and column of an offset in a text (1-based), as eemeli/yaml's LineCounter answers it. */
export interface Lines {
  linePos(offset: number): { line: number; col: number };
}

/**
 * The start of every line of a text: offset 0 and the offset after each line feed, which is what
 * eemeli/yaml's parser records for a text it reads without error (a lone carriage return is no line
 * break to it; such a text is never cut into parts).
 */
export class LineStarts implements Lines {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  linePos(offset: number) {
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1] + 1 };
  }
}

/**
 * One entry of a block collection: `key: value` (with `key`) or `- item`, from the start of its
 * line (its indentation included) to the line of its next sibling or its parent's end.
 */
interface Part {
  start: number;
  end: number;
  indent: number;
  key?: string;
}

/** A key as lokmin writes them: a plain word, then ':' and a space or the line's end. */
const KEY = /([A-Za-z_][A-Za-z0-9_-]*) *:(?:[ \t]|\r?\n|$)/y;
/** Nothing but an optional comment up to the line's end. */
const NOTHING = /[ \t]*(?:#[^\n]*)?(?:\n|$)/y;

const keyAt = (text: string, at: number) => {
  KEY.lastIndex = at;
  return KEY.exec(text)?.[1];
};
const nothingAt = (text: string, at: number) => {
  NOTHING.lastIndex = at;
  return NOTHING.test(text);
};
const isDash = (text: string, at: number) =>
  text[at] === "-" && (at + 1 >= text.length || text[at + 1] === " " || text[at + 1] === "\r" || text[at + 1] === "\n");

/** A line: its indentation (spaces), its first other character ("" at the end) and where the next line starts. */
function lineAt(text: string, start: number) {
  let i = start;
  while (text.charCodeAt(i) === 32) i++;
  const feed = text.indexOf("\n", i);
  return { indent: i - start, first: text[i] ?? "", end: feed < 0 ? text.length : feed + 1 };
}

/** Whether a line holds nothing to read: blank, or a comment. */
const isBlank = (first: string) => first === "" || first === "\n" || first === "\r" || first === "#";

/**
 * The top-level keys of a text, when every line that starts at column 0 is blank, a comment, a list
 * item (a list written at its key's own indentation, `key:` then `- item`) or `word:`; undefined
 * otherwise. eemeli/yaml ends every open value at a line that starts at column 0 (a quote or bracket
 * left open there is an error), so each `word:` line starts a key of the top-level mapping.
 */
function topLevel(text: string): Part[] | undefined {
  if (/\r(?!\n)/.test(text)) return undefined;
  const parts: Part[] = [];
  for (let pos = 0; pos < text.length;) {
    const line = lineAt(text, pos);
    if (line.indent === 0 && !isBlank(line.first)) {
      if (line.first === "-") {
        if (parts.length === 0 || !isDash(text, pos)) return undefined;
      } else {
        const key = keyAt(text, pos);
        if (key === undefined || parts.some((part) => part.key === key)) return undefined;
        if (parts.length) parts[parts.length - 1].end = pos;
        parts.push({ key, start: pos, end: text.length, indent: 0 });
      }
    } else if (line.first === "\t") return undefined;
    pos = line.end;
  }
  return parts.length ? parts : undefined;
}

/**
 * The entry of a part's value that `segment` names (a key of a block mapping, an item of a block
 * list), when the value is a block collection on the lines below whose entries start at one
 * indentation; undefined when it is anything else (a value on the key's own line, a flow
 * collection, a scalar) or the segment names nothing there: the part itself is parsed then.
 */
function childPart(text: string, part: Part, segment: PathSegment): Part | undefined {
  const head = lineAt(text, part.start);
  let indent: number | undefined;
  if (part.key !== undefined) {
    const colon = text.indexOf(":", part.start + head.indent);
    if (!nothingAt(text, colon + 1)) return undefined;
  } else {
    const afterDash = part.start + head.indent + 1;
    if (!nothingAt(text, afterDash)) {
      // `- key: value`: a mapping whose first key stands on the dash's line and the others below it.
      let first = afterDash;
      while (text[first] === " ") first++;
      const key = keyAt(text, first);
      if (first === afterDash || typeof segment !== "string" || key === undefined || key === segment) return undefined;
      indent = first - part.start;
    }
  }
  let found: Part | undefined;
  let items = 0;
  for (let pos = head.end; pos < part.end;) {
    const line = lineAt(text, pos);
    if (line.first === "\t") return undefined;
    if (!isBlank(line.first)) {
      const dash = isDash(text, pos + line.indent);
      // The value's first line: deeper than the part, or a list at its key's own indentation.
      indent ??= line.indent > part.indent || (dash && part.key !== undefined) ? line.indent : -1;
      if (indent < 0 || line.indent < indent) return undefined;
      if (line.indent === indent) {
        if (found && found.end < 0) found.end = pos;
        if (typeof segment === "number") {
          if (!dash) return undefined;
          if (items++ === segment) found = { start: pos, end: -1, indent };
        } else {
          const key = dash ? undefined : keyAt(text, pos + indent);
          if (key === undefined || (key === segment && found)) return undefined;
          if (key === segment) found = { start: pos, end: -1, indent, key };
        }
      }
    }
    pos = line.end;
  }
  if (found && found.end < 0) found.end = part.end;
  return found;
}

/** Moves every node's range of a part parsed on its own to where that part stands in the whole text. */
function shiftRanges(node: unknown, by: number) {
  const y = yamlLib();
  if (y.isPair(node)) {
    shiftRanges(node.key, by);
    shiftRanges(node.value, by);
    return;
  }
  if (!y.isNode(node)) return;
  if (node.range) node.range = [node.range[0] + by, node.range[1] + by, node.range[2] + by];
  if (y.isMap(node) || y.isSeq(node)) for (const item of node.items) shiftRanges(item, by);
}

/** The parts of one file's text, cut and parsed as paths need them. */
export class TextParts {
  private top?: Part[] | null;
  private readonly parsed = new Map<string, Node | null>();

  constructor(private readonly text: string) {}

  /**
   * The collection a path can be walked from instead of the whole Document — the deepest entry
   * the path leads into, parsed alone, as a mapping holding that one key or a list holding that
   * one item — and the path from it. For the empty path or a first key the file does not have, the
   * file's first key (where the top-level mapping starts). Undefined: parse the whole file.
   */
  narrow(path: readonly PathSegment[]): { root: Node; rest: PathSegment[] } | undefined {
    if (this.top === undefined) this.top = topLevel(this.text) ?? null;
    if (!this.top) return undefined;
    const first = path.length ? this.top.find((part) => part.key === path[0]) : undefined;
    if (!first) {
      const root = this.parse(this.top[0]);
      return root ? { root, rest: [...path] } : undefined;
    }
    let part = first;
    let used = 1;
    while (used < path.length) {
      const child = childPart(this.text, part, path[used]);
      if (!child) break;
      part = child;
      used++;
    }
    const root = this.parse(part);
    return root ? { root, rest: [part.key ?? 0, ...path.slice(used)] } : undefined;
  }

  /** A part parsed alone, its ranges where they stand in the text; null when it does not read as that one entry. */
  private parse(part: Part): Node | null {
    const id = `${part.start}:${part.end}`;
    let root = this.parsed.get(id);
    if (root === undefined) {
      const y = yamlLib();
      const doc = y.parseDocument(this.text.slice(part.start, part.end), {
        prettyErrors: false,
        uniqueKeys: true,
        keepSourceTokens: false,
      });
      const node = doc.contents;
      const one =
        doc.errors.length === 0 &&
        (part.key === undefined
          ? y.isSeq(node) && node.items.length === 1
          : y.isMap(node) &&
            node.items.length === 1 &&
            y.isScalar(node.items[0].key) &&
            node.items[0].key.value === part.key);
      root = one ? node : null;
      if (root) shiftRanges(root, part.start);
      this.parsed.set(id, root);
    }
    return root;
  }
}
