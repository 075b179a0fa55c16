// The terminal: colour only on a TTY and never with NO_COLOR, JSON mode that prints one object on
// stdout and nothing else there, and the human view of findings grouped by file with a caret
// under the offending column and a note when lokmin.yaml's `aturan` changed a severity.
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
};

export const severityLabel = (severity: Severity) => t(M[severity]);

/** Text of a file for excerpts, by workspace-relative name. */
export type TextLookup = (file: string) => string | undefined;

/** Human view of diagnostics: grouped by file, caret excerpt, rule id at the end. */
export function formatDiagnostics(ui: Pick<Ui, "color">, list: readonly Diagnostic[], lookup?: TextLookup): string[] {
  const c = ui.color;
  const lines: string[] = [];
  let file = "";
  for (const d of list) {
    if (d.file !== file) {
      if (file) lines.push("");
      file = d.file;
      lines.push(c.underline(d.file));
    }
    const label =
      d.severity === "error"
        ? c.red(severityLabel("error"))
        : d.severity === "warning"
          ? c.yellow(severityLabel("warning"))
          : c.cyan(severityLabel("info"));
    lines.push(`  ${c.dim(`${d.line}:${d.column}`)}  ${label}  ${d.message}  ${c.dim(d.rule)}`);
    if (d.defaultSeverity) {
      lines.push(`  ${c.dim(t(M.changed, { from: severityLabel(d.defaultSeverity), to: severityLabel(d.severity) }))}`);
    }
    const sourceLine = lookup?.(d.file)?.split(/\r?\n/)[d.line - 1];
    if (sourceLine !== undefined && sourceLine.trim() !== "") {
      const gutter = String(d.line).length;
      const shown = sourceLine.replace(/\t/g, " ").replace(/^\uFEFF/, "");
      lines.push(`  ${c.dim(`${d.line} |`)} ${shown.length > 160 ? `${shown.slice(0, 157)}...` : shown}`);
      lines.push(`  ${" ".repeat(gutter)} ${c.dim("|")} ${" ".repeat(Math.max(0, d.column - 1))}${c.red("^")}`);
    }
  }
  const count = (s: Diagnostic["severity"]) => list.filter((d) => d.severity === s).length;
  if (list.length)
    lines.push("", t(M.summary, { errors: count("error"), warnings: count("warning"), infos: count("info") }));
  return lines;
}
