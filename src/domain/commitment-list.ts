// The commitment listing of `lokmin commitments`: one row per commitment as of the end of a month,
// with the person's name, its age and whether it is overdue, open ones and overdue ones first.
import { ageInMonths, type CommitmentHistory, commitmentHistories, isOverdue } from "./commitments.js";
import type { Workspace } from "./schema.js";
import type { MonthMeeting } from "./workspace-data.js";

export interface CommitmentRow {
  id: string;
  uraian: string;
  program?: string;
  penanggung_jawab: string;
  penanggung_jawab_nama: string;
  tenggat: string;
  status: string | null;
  open: boolean;
  overdue: boolean;
  age_months: number;
  history: CommitmentHistory["evaluations"];
}

export interface CommitmentFilter {
  all?: boolean;
  program?: string;
  /** Staff ids the `--pj` filter matched. */
  people?: ReadonlySet<string>;
}

export function commitmentRows(
  config: Workspace,
  meetings: MonthMeeting[],
  asOf: string,
  filter: CommitmentFilter,
): CommitmentRow[] {
  const name = (id: string) => config.pegawai.find((p) => p.id === id)?.nama ?? id;
  return commitmentHistories(meetings.filter((m) => m.id <= asOf))
    .filter((h) => filter.all || h.open)
    .filter((h) => !filter.program || h.commitment.program === filter.program)
    .filter((h) => !filter.people || filter.people.has(h.commitment.penanggung_jawab))
    .map((h) => ({
      id: h.commitment.id,
      uraian: h.commitment.uraian,
      program: h.commitment.program,
      penanggung_jawab: h.commitment.penanggung_jawab,
      penanggung_jawab_nama: name(h.commitment.penanggung_jawab),
      tenggat: h.commitment.tenggat,
      status: h.status,
      open: h.open,
      overdue: isOverdue(h, asOf),
      age_months: Math.max(0, ageInMonths(h, asOf)),
      history: h.evaluations,
    }))
    .sort(
      (a, b) =>
        Number(b.open) - Number(a.open) ||
        Number(b.overdue) - Number(a.overdue) ||
        a.tenggat.localeCompare(b.tenggat) ||
        a.id.localeCompare(b.id),
    );
}

/** Staff whose id or name contains the text, in any case. */
export function matchPeople(config: Workspace, text: string): Set<string> {
  const wanted = text.trim().toLowerCase();
  const exact = config.pegawai.filter((p) => p.id.toLowerCase() === wanted || p.nama.toLowerCase() === wanted);
  const loose = config.pegawai.filter((p) => p.nama.toLowerCase().includes(wanted));
  return new Set((exact.length ? exact : loose).map((p) => p.id));
}
