// The commitment listing of `lokmin commitments`: one row per commitment as of the end of a month,
// with the person's name, its age and whether it is overdue, open ones and overdue ones first. The
// quarterly cross-sector kesepakatan are listed beside the monthly ones, marked as such.
import { ageInMonths, type CommitmentHistory, commitmentHistories, isOverdue } from "./commitments.js";
import { crossSectorRoster, participant } from "./lintas-sektor.js";
import type { CommitmentSeries } from "./meeting-kinds.js";
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
  /** Which meeting made it (and evaluates it): the monthly or the quarterly cross-sector Lokmin. */
  rapat: CommitmentSeries;
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
  series: CommitmentSeries = "bulanan",
): CommitmentRow[] {
  const name = (id: string) => participant(config, id)?.nama ?? id;
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
      rapat: series,
    }))
    .sort(
      (a, b) =>
        Number(b.open) - Number(a.open) ||
        Number(b.overdue) - Number(a.overdue) ||
        a.tenggat.localeCompare(b.tenggat) ||
        a.id.localeCompare(b.id),
    );
}

/** Rows of both series, sorted together. */
export function allCommitmentRows(
  config: Workspace,
  series: Record<CommitmentSeries, MonthMeeting[]>,
  asOf: string,
  filter: CommitmentFilter,
): CommitmentRow[] {
  return [
    ...commitmentRows(config, series.bulanan, asOf, filter, "bulanan"),
    ...commitmentRows(config, series.tribulanan, asOf, filter, "tribulanan"),
  ].sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.tenggat.localeCompare(b.tenggat) ||
      a.id.localeCompare(b.id),
  );
}

/** Staff and cross-sector participants whose id or name contains the text, in any case. */
export function matchPeople(config: Workspace, text: string): Set<string> {
  const wanted = text.trim().toLowerCase();
  const people = [...config.pegawai, ...crossSectorRoster(config)];
  const exact = people.filter((p) => p.id.toLowerCase() === wanted || p.nama.toLowerCase() === wanted);
  const loose = people.filter((p) => p.nama.toLowerCase().includes(wanted));
  return new Set((exact.length ? exact : loose).map((p) => p.id));
}
