// A workspace as data, the way the domain sees it: lokmin.yaml and each month's meeting and
// program files, each with its workspace-relative file name. The loader (src/io/workspace.ts)
// fills it; nothing here knows about disks or YAML.
import type { Finding } from "./findings.js";
import type { Meeting, MeetingCommitments, ProgramReport, Workspace } from "./schema.js";

export const WORKSPACE_FILE = "lokmin.yaml";
export const MEETING_FILE = "rapat.yaml";
export const PROGRAM_DIR = "program";
export const SCHEMA_DIR = ".lokmin/schema";

export const meetingFile = (month: string) => `${month}/${MEETING_FILE}`;
export const programFile = (month: string, program: string) => `${month}/${PROGRAM_DIR}/${program}.yaml`;

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

export function monthMeetings(workspace: Pick<WorkspaceData, "months">): MonthMeeting[] {
  return workspace.months.flatMap((month) => {
    const loaded = month.meeting ?? month.commitments;
    return loaded ? [{ id: month.id, file: loaded.file, meeting: loaded.data }] : [];
  });
}
