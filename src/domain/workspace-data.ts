// A workspace as data, the way the domain sees it: lokmin.yaml and each month's meeting and
// program files (and the quarterly cross-sector meeting and the klaster pralokmin beside them),
// each with its workspace-relative file name. The loader (src/io/workspace.ts) fills it; nothing
// here knows about disks or YAML.
import type { Finding } from "./findings.js";
import type { CommitmentSeries } from "./meeting-kinds.js";
import type { Meeting, MeetingCommitments, Pralokmin, ProgramReport, QuarterlyMeeting, Workspace } from "./schema.js";

export const WORKSPACE_FILE = "lokmin.yaml";
export const MEETING_FILE = "rapat.yaml";
export const QUARTERLY_FILE = "tribulanan.yaml";
export const PROGRAM_DIR = "program";
export const PRALOKMIN_DIR = "pralokmin";
export const SCHEMA_DIR = ".lokmin/schema";

export const meetingFile = (month: string) => `${month}/${MEETING_FILE}`;
export const quarterlyFile = (month: string) => `${month}/${QUARTERLY_FILE}`;
export const programFile = (month: string, program: string) => `${month}/${PROGRAM_DIR}/${program}.yaml`;
export const pralokminFile = (month: string, klaster: string) => `${month}/${PRALOKMIN_DIR}/${klaster}.yaml`;

export interface Loaded<T> {
  file: string;
  data: T;
}

export interface MonthData {
  id: string;
  meeting?: Loaded<Meeting>;
  /** Only the commitment sections of rapat.yaml, when the whole meeting was not needed. */
  commitments?: Loaded<MeetingCommitments>;
  programs: Loaded<ProgramReport>[];
  /** Program files of the month that exist but could not be read (their errors are in the findings). */
  unreadable?: string[];
  /** The quarterly cross-sector meeting held this month (tribulanan.yaml), when there is one. */
  quarterly?: Loaded<QuarterlyMeeting>;
  /** Only the commitment sections of tribulanan.yaml. */
  quarterlyCommitments?: Loaded<MeetingCommitments>;
  /** The pralokmin of each klaster (pralokmin/<klaster>.yaml). */
  pralokmin?: Loaded<Pralokmin>[];
}

export interface WorkspaceData {
  config?: Loaded<Workspace>;
  months: MonthData[];
  /** Findings from reading the files (YAML, schema, folders). */
  findings: Finding[];
}

/** The commitment view of one month. */
export interface MonthMeeting {
  id: string;
  file: string;
  meeting: MeetingCommitments;
}

/**
 * The commitment view of one series of meetings, month by month: the monthly Lokmin (rapat.yaml,
 * the default) or the quarterly cross-sector Lokmin (tribulanan.yaml). Each series evaluates its
 * own kesepakatan at its next meeting.
 */
export function monthMeetings(
  workspace: Pick<WorkspaceData, "months">,
  series: CommitmentSeries = "bulanan",
): MonthMeeting[] {
  return workspace.months.flatMap((month) => {
    const loaded =
      series === "bulanan" ? (month.meeting ?? month.commitments) : (month.quarterly ?? month.quarterlyCommitments);
    return loaded ? [{ id: month.id, file: loaded.file, meeting: loaded.data }] : [];
  });
}
