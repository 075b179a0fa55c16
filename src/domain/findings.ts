// Findings: the one shape in which lokmin reports something about the user's files. The domain
// places a finding by file and YAML path; the edge (src/io/positions.ts) turns the path into a
// range of the text (start and end), once, where findings are printed.
export type Severity = "error" | "warning" | "info";
export type PathSegment = string | number;

/**
 * A place in a file's text. `line` and `column` start at 1; the column counts UTF-16 code units, as
 * VS Code and Windows Notepad show it (é is one column, an emoji such as 😀 two); a byte-order mark
 * is not counted, and a line ends before its CR LF or LF.
 */
export interface Point {
  line: number;
  column: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  /** Where in the file, as a YAML path; the nearest existing ancestor when it is missing. */
  path?: readonly PathSegment[];
  /** Point at the key of `path` (default) or at its value. */
  at?: "key" | "value";
  /** A position already known (syntax errors, bad bytes): used when there is no path. */
  line?: number;
  column?: number;
  /** Where a known position's range ends (exclusive); absent for a single point. */
  end?: Point;
  message: string;
  /** The rule's own severity, present when lokmin.yaml's `aturan` changed it. */
  defaultSeverity?: Severity;
  /** Other places the finding is about (the second indicator of a relation), printed under it. */
  related?: readonly RelatedPlace[];
}

/** A second place a finding names: a file and a YAML path, resolved to a line where printed. */
export interface RelatedPlace {
  file: string;
  path?: readonly PathSegment[];
  /** What is there, e.g. "kia/bulin kumulatif". */
  label?: string;
}

/**
 * A finding with its range resolved: `start` (also as `line` and `column`, for callers that need a
 * point) and `end`, exclusive — the first character after the value, key or mark found, as in LSP,
 * SARIF and ESLint. `end` equals `start` when only a point is known (a whole-file finding). The
 * other places it names (`related`) are resolved to lines too.
 */
export interface Diagnostic extends Omit<Finding, "related"> {
  line: number;
  column: number;
  start: Point;
  end: Point;
  related?: Array<{ file: string; line: number; column: number; label?: string }>;
}

/** A finding placed at a range; a point when `end` is absent or not after `start`. */
export function placed<T extends Omit<Finding, "related">>(finding: T, start: Point, end?: Point): T & Diagnostic {
  const after = end && (end.line > start.line || (end.line === start.line && end.column > start.column));
  return { ...finding, line: start.line, column: start.column, start, end: after ? end : start };
}

export function sortDiagnostics<T extends Diagnostic>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export const countBySeverity = (list: readonly Finding[], severity: Severity) =>
  list.filter((finding) => finding.severity === severity).length;
