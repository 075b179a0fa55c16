// Terminal output: colour only on a TTY and never with NO_COLOR, JSON mode that prints one
// object on stdout and nothing else, and the human view of diagnostics grouped by file with a
// caret under the offending column.

import { readFileSync } from "node:fs";
import path from "node:path";
import type { ChalkInstance } from "chalk";
import { type Diagnostic, sortDiagnostics } from "../domain/findings.js";
import { msg, t } from "../i18n/index.js";

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
  out(text?: string): void;
  err(text?: string): void;
  printJson(value: unknown): void;
  isInteractive: boolean;
}

export interface UiStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** Colour only on a TTY, never with NO_COLOR or TERM=dumb; chalk is loaded only then. */
export async function createUi(json: boolean, streams: UiStreams): Promise<Ui> {
  const colorAllowed =
    Boolean(streams.stdout.isTTY) &&
    !("NO_COLOR" in streams.env && streams.env.NO_COLOR !== "") &&
    streams.env.TERM !== "dumb";
  const color: Colors = colorAllowed ? new (await import("chalk")).Chalk({ level: 1 }) : PLAIN;
  return {
    color,
    json,
    out: (text = "") => void streams.stdout.write(`${text}\n`),
    err: (text = "") => void streams.stderr.write(`${text}\n`),
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
};

/** Lines of a file for excerpts: from the sources we already read, else from disk. */
export type SourceLookup = (rel: string) => string | undefined;

export function sourceLookup(root: string, known: Map<string, string> = new Map()): SourceLookup {
  return (rel) => {
    if (known.has(rel)) return known.get(rel);
    try {
      const text = readFileSync(path.join(root, rel), "utf8");
      known.set(rel, text);
      return text;
    } catch {
      return undefined;
    }
  };
}

/** Human view of diagnostics: grouped by file, caret excerpt, rule id at the end. */
export function formatDiagnostics(ui: Ui, list: Diagnostic[], lookup?: SourceLookup): string[] {
  const c = ui.color;
  const lines: string[] = [];
  let file = "";
  for (const d of sortDiagnostics(list)) {
    if (d.file !== file) {
      if (file) lines.push("");
      file = d.file;
      lines.push(c.underline(d.file));
    }
    const label =
      d.severity === "error"
        ? c.red(t(M.error))
        : d.severity === "warning"
          ? c.yellow(t(M.warning))
          : c.cyan(t(M.info));
    lines.push(`  ${c.dim(`${d.line}:${d.column}`)}  ${label}  ${d.message}  ${c.dim(d.rule)}`);
    const text = lookup?.(d.file);
    const sourceLine = text?.split(/\r?\n/)[d.line - 1];
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
