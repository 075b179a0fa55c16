// Findings: the one shape in which lokmin reports something about the user's files. The domain
// places a finding by file and YAML path; the edge (src/io/positions.ts) turns the path into
// line:column, once, where findings are printed.
export type Severity = "error" | "warning" | "info";
export type PathSegment = string | number;

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

/** A finding with its position resolved. */
export interface Diagnostic extends Omit<Finding, "related"> {
  line: number;
  column: number;
  related?: Array<{ file: string; line: number; column: number; label?: string }>;
}

export function sortDiagnostics<T extends Diagnostic>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export const countBySeverity = (list: readonly Finding[], severity: Severity) =>
  list.filter((finding) => finding.severity === severity).length;
