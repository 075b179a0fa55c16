// What the check rules see. A month rule sees the workspace settings, the month under check, the
// month before it, every month's commitments, the findings of loading the month's files and the
// date; a workspace rule sees lokmin.yaml and a probe of the workspace's files. Everything that
// touches the disk or the clock is passed in here by the edge.
import type { Finding } from "../findings.js";
import type { SupervisionProfile } from "../regulations.js";
import type { Workspace } from "../schema.js";
import type { MonthData, MonthMeeting } from "../workspace-data.js";

export interface MonthContext {
  config: Workspace;
  month: MonthData;
  /** The month folder just before this one, when the workspace has it. */
  previous?: MonthData;
  /** The month folders of the six months before this one, oldest first (an indicator's own history). */
  earlier?: readonly MonthData[];
  meetings: MonthMeeting[];
  /** Every quarterly cross-sector meeting's commitments (tribulanan.yaml), month by month. */
  quarterly: MonthMeeting[];
  /** Findings from loading this month's files (schema, YAML); invalid files are not in `month`. */
  loadFindings: Finding[];
  /** Today as an ISO date (YYYY-MM-DD). */
  today: string;
  profile: SupervisionProfile;
}

/** What a workspace-relative path names: the loader's answer, so rules never touch the disk. */
export type FileKind = "file" | "missing" | "outside" | "other";

export interface WorkspaceContext {
  config: Workspace;
  file: string;
  probe: (rel: string) => FileKind;
  today: string;
  profile: SupervisionProfile;
}

export const filled = (value: unknown): boolean =>
  value !== null &&
  value !== undefined &&
  !(typeof value === "string" && value.trim() === "") &&
  !(Array.isArray(value) && value.length === 0);

export const meetingOf = (ctx: MonthContext) => ctx.month.meeting?.data;
