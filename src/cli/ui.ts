// The terminal: colour only on a TTY and never with NO_COLOR, JSON mode that prints one object on
// stdout and nothing else there, and the human view of findings grouped by file with the line
// quoted and the offending value, key or mark underlined, and a note when lokmin.yaml's `aturan`
// changed a severity.
import type { ChalkInstance } from "chalk";
import type { Diagnostic, Severity } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";
import type { Streams } from "./context.js";

/** The few styles lokmin uses; plain text when colour is off, chalk when it is on. */
export type Colors = Pick<ChalkInstance, "bold" | "dim" | "green" | "red" | "yellow" | "cyan" | "underline">;

const identity = (text: string) => text;
const PLAIN = {
  bold: identity,
  dim: identity,
  green: identity,
  red: identity,
  yellow: identity,
  cyan: identity,
  underline: identity,
} as unknown as Colors;

export interface Ui {
  color: Colors;
  json: boolean;
  /** A line on stdout. */
  out(text?: string): void;
  /** A line on stderr. */
  err(text?: string): void;
  /** Raw text on stdout (export). */
  write(text: string): void;
  printJson(value: unknown): void;
  isInteractive: boolean;
}

export const colorAllowed = (streams: Streams) =>
  Boolean(streams.stdout.isTTY) &&
  !("NO_COLOR" in streams.env && streams.env.NO_COLOR !== "") &&
  streams.env.TERM !== "dumb";

/** Colour only on a TTY, never with NO_COLOR or TERM=dumb; chalk is loaded only then. */
export async function createUi(json: boolean, streams: Streams): Promise<Ui> {
  const color: Colors = colorAllowed(streams) ? new (await import("chalk")).Chalk({ level: 1 }) : PLAIN;
  return {
    color,
    json,
    out: (text = "") => void streams.stdout.write(`${text}\n`),
    err: (text = "") => void streams.stderr.write(`${text}\n`),
    write: (text) => void streams.stdout.write(text),
    printJson: (value) => void streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    isInteractive: Boolean(streams.stdinIsTTY && streams.stdout.isTTY) && !streams.env.CI,
  };
}

const M = {
  error: msg("galat", "error"),
  warning: msg("peringatan", "warning"),
  info: msg("info", "info"),
  summary: msg(
    "{errors} galat, {warnings} peringatan, {infos} info",
    "{errors} errors, {warnings} warnings, {infos} info",
  ),
  changed: msg(
    "tingkat diubah di lokmin.yaml (aturan): {from} → {to}",
    "severity changed in lokmin.yaml (aturan): {from} → {to}",
  ),
  continues: msg("berlanjut sampai baris {line}", "continues to line {line}"),
  related: msg("lihat juga {place}", "see also {place}"),
};

export const severityLabel = (severity: Severity) => t(M[severity]);

/** Text of a file for excerpts, by workspace-relative name. */
export type TextLookup = (file: string) => string | undefined;

/** How many terminal cells a grapheme takes: 2 for wide (CJK) and emoji, else 1. */
function cellWidth(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (/\p{Extended_Pictographic}/u.test(grapheme) && /\p{Emoji_Presentation}|\uFE0F/u.test(grapheme)) return 2;
  if (/\p{Regional_Indicator}/u.test(grapheme)) return 2;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

let graphemes: Intl.Segmenter | undefined;
/** Width of text in terminal cells: a combining accent adds nothing, an emoji or a CJK character two. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += cellWidth(segment);
  return width;
}

const MAX_SHOWN = 160;

/**
 * One quoted line and the marks under it: `from`/`to` are UTF-16 indices into the line (to
 * exclusive), at least one mark. A line wider than the terminal is cut to a window around the marks.
 */
export function underline(line: string, from: number, to: number): { shown: string; marks: string } {
  let text = line.replace(/\t/g, " ");
  let start = Math.min(Math.max(0, from), text.length);
  let stop = Math.max(start, Math.min(to, text.length));
  if (displayWidth(text) > MAX_SHOWN) {
    const budget = MAX_SHOWN - 6;
    let cut = start > budget - 20 ? start - 20 : 0;
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? "")) cut--;
    let end = cut + budget;
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? "")) end++;
    const head = cut > 0 ? "..." : "";
    text = `${head}${text.slice(cut, end)}${end < text.length ? "..." : ""}`;
    start = start - cut + head.length;
    stop = Math.min(stop - cut, end - cut) + head.length;
  }
  const before = displayWidth(text.slice(0, start));
  const width = Math.max(1, displayWidth(text.slice(start, stop)));
  return { shown: text, marks: `${" ".repeat(before)}${"^".repeat(width)}` };
}

/** Human view of diagnostics: grouped by file, the line quoted with its range underlined, rule id at the end. */
export function formatDiagnostics(ui: Pick<Ui, "color">, list: readonly Diagnostic[], lookup?: TextLookup): string[] {
  const c = ui.color;
  const lines: string[] = [];
  let file = "";
  let sourceLines: string[] | undefined;
  for (const d of list) {
    if (d.file !== file) {
      if (file) lines.push("");
      file = d.file;
      sourceLines = lookup?.(d.file)
        ?.replace(/^\uFEFF/, "")
        .split(/\r?\n/);
      lines.push(c.underline(d.file));
    }
    const label =
      d.severity === "error"
        ? c.red(severityLabel("error"))
        : d.severity === "warning"
          ? c.yellow(severityLabel("warning"))
          : c.cyan(severityLabel("info"));
    lines.push(`  ${c.dim(`${d.line}:${d.column}`)}  ${label}  ${d.message}  ${c.dim(d.rule)}`);
    for (const r of d.related ?? []) {
      const place = `${r.file}:${r.line}:${r.column}${r.label ? ` (${r.label})` : ""}`;
      lines.push(`  ${c.dim(`↳ ${t(M.related, { place })}`)}`);
    }
    if (d.defaultSeverity) {
      lines.push(`  ${c.dim(t(M.changed, { from: severityLabel(d.defaultSeverity), to: severityLabel(d.severity) }))}`);
    }
    const sourceLine = sourceLines?.[d.start.line - 1];
    if (sourceLine !== undefined && sourceLine.trim() !== "") {
      const gutter = String(d.start.line).length;
      const more = d.end.line > d.start.line;
      const to = more ? sourceLine.trimEnd().length : d.end.column - 1;
      const { shown, marks } = underline(sourceLine, d.start.column - 1, to);
      const note = more ? ` ${c.dim(`… ${t(M.continues, { line: d.end.line })}`)}` : "";
      lines.push(`  ${c.dim(`${d.start.line} |`)} ${shown}`);
      lines.push(`  ${" ".repeat(gutter)} ${c.dim("|")} ${c.red(marks)}${note}`);
    }
  }
  const count = (s: Diagnostic["severity"]) => list.filter((d) => d.severity === s).length;
  if (list.length)
    lines.push("", t(M.summary, { errors: count("error"), warnings: count("warning"), infos: count("info") }));
  return lines;
}
