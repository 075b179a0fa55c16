// Exit codes and the error type for "this command cannot run" (bad arguments, unreadable or
// invalid input, a file that could not be written): printed as a message, exit 2, no stack.
import type { Finding } from "./domain/findings.js";
import type { YamlSource } from "./io/yaml-source.js";

export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

export class UserError extends Error {
  constructor(
    message: string,
    /** Findings that explain the failure, printed with their positions. */
    readonly findings: readonly Finding[] = [],
    /** Workspace root the findings' files are relative to. */
    readonly root?: string,
    /** Texts the findings point into when they differ from the files on disk (a change not written). */
    readonly sources?: Map<string, YamlSource>,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** The user pressed Ctrl-C (in a prompt or while a command ran): exit 130, "dibatalkan". */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "Interrupted";
  }
}
