// What every check rule sees: the workspace settings, the month under check, the month before
// it, and all meetings (for commitments). Also the helper rules use to place a finding at the
// line of a YAML path.
import type { MonthMeeting } from "../commitments.js";
import type { Diagnostic, Severity } from "../findings.js";
import type { Workspace } from "../schema.js";
import type { LoadedMonth } from "../../io/workspace.js";
import { locate, type PathSegment, type YamlSource } from "../../io/yaml-source.js";

export interface MonthContext {
  config: Workspace;
  configSource?: YamlSource;
  month: LoadedMonth;
  /** The month folder just before this one, when the workspace has it. */
  previous?: LoadedMonth;
  meetings: MonthMeeting[];
  /** Whether each program file of this month validated (invalid files are not in month.programs). */
  meetingValid: boolean;
  /** Findings from loading this month's files (schema, YAML). */
  loadFindings: Diagnostic[];
}

export function findingAt(
  source: YamlSource | undefined,
  fallbackFile: string,
  path: PathSegment[],
  rule: string,
  severity: Severity,
  message: string,
  prefer: "key" | "value" = "key",
): Diagnostic {
  const where = source ? locate(source, path, prefer) : { line: 1, column: 1 };
  return { rule, severity, file: source?.rel ?? fallbackFile, ...where, message };
}

export const meetingFile = (ctx: MonthContext) => `${ctx.month.id}/rapat.yaml`;

/** A finding in the meeting file at a path (the nearest existing key when it is missing). */
export function atMeeting(
  ctx: MonthContext,
  path: PathSegment[],
  rule: string,
  severity: Severity,
  message: string,
): Diagnostic {
  return findingAt(ctx.month.meeting?.source, meetingFile(ctx), path, rule, severity, message);
}

export const filled = (value: unknown): boolean =>
  value !== null &&
  value !== undefined &&
  !(typeof value === "string" && value.trim() === "") &&
  !(Array.isArray(value) && value.length === 0);
