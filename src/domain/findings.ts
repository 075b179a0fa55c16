// Diagnostics: the one shape in which every command reports a problem with the user's files
// (rule id, severity, file, line, column, message), and the error type for "cannot run" (exit 2).
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** Path relative to the workspace root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A user-facing failure that stops a command: bad arguments, unreadable or invalid input. Exit 2. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    /** Workspace root the diagnostics' paths are relative to (for source excerpts). */
    readonly root?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

export const hasErrors = (list: Diagnostic[]) => list.some((d) => d.severity === "error");
