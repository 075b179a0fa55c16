// The year at a glance, as the browser app shows it to a Kepala Puskesmas: every number taken from
// the one function that defines it, never recomputed here —
//   cells and trends:   indicatorTrends (what `lokmin report --json` and the notulen's chart print),
//   villages:           monthFigures (what `lokmin summary --json` lists per village),
//   kesepakatan:        allCommitmentRows (what `lokmin commitments --json` lists),
//   PKP and meetings:   pkpYear (what `lokmin pkp --json` prints), lokminHeld for each kind of meeting.
// This module only selects, orders and groups. Pure.
import { type TrendSeries, trendSeries } from "./chart-series.js";
import { allCommitmentRows, type CommitmentRow } from "./commitment-list.js";
import { participant } from "./lintas-sektor.js";
import { parseMonth } from "./month.js";
import { lokminHeld, type PkpMonth, type PkpResult, pkpYear } from "./pkp.js";
import type { Pralokmin, Workspace } from "./schema.js";
import { type FigureRow, figureSources, monthFigures } from "./summary.js";
import { accumulationOf, periodMonth, reportPeriod, roundedCapaian, villageFigures } from "./targets.js";
import { type IndicatorTrend, indicatorTrends, type TrendPoint } from "./trends.js";
import type { MonthMeeting } from "./workspace-data.js";

export interface GlanceMonth extends PkpMonth {
  pralokmin?: readonly Pralokmin[];
}

export interface GlanceInput {
  config: Workspace;
  year: number;
  /** Every loaded month of the workspace (other years are left out here). */
  months: readonly GlanceMonth[];
  /** The commitment series, as `commitments` reads them (monthMeetings of the workspace). */
  meetings: { bulanan: MonthMeeting[]; tribulanan: MonthMeeting[] };
}

/** One row of programs × months: an indicator, its point per month of the year (null where it has none). */
export interface GlanceRow {
  trend: IndicatorTrend;
  cells: Array<TrendPoint | null>;
}

export interface VillageTable {
  program: string;
  programName: string;
  indikator: string;
  nama: string;
  month: string;
  rows: Array<FigureRow & { shown: number | null }>;
}

export interface PersonCommitments {
  id: string;
  nama: string;
  rows: CommitmentRow[];
  overdue: number;
}

export interface MeetingHeld {
  month: string;
  kind: "bulanan" | "tribulanan" | "pralokmin";
  /** The klaster of a pralokmin. */
  klaster?: string;
  held: boolean;
}

export interface YearGlance {
  year: number;
  /** The latest month of the year in the workspace: the "as of" of every view; null without one. */
  sampai: string | null;
  /** The year's months in the workspace, in order. */
  months: string[];
  /** The periods the figures of those months cover (the columns of programs × months), in order. */
  periods: string[];
  /** Indicators behind two months or more (at the end), longest first. */
  flagged: GlanceRow[];
  /** Every indicator, grouped by program in lokmin.yaml's order. */
  programs: Array<{ program: string; nama: string; rows: GlanceRow[] }>;
  trends: IndicatorTrend[];
  series: TrendSeries;
  villages: VillageTable[];
  commitments: { asOf: string | null; rows: CommitmentRow[]; people: PersonCommitments[] };
  meetings: MeetingHeld[];
  pkp: PkpResult;
}

export function yearGlance({ config, year, months, meetings }: GlanceInput): YearGlance {
  const inYear = months.filter((m) => parseMonth(m.id)?.year === year).sort((a, b) => a.id.localeCompare(b.id));
  const ids = inYear.map((m) => m.id);
  const sampai = ids.at(-1) ?? null;
  const trends = sampai
    ? indicatorTrends(
        config,
        months.map((m) => ({ id: m.id, programs: [...m.programs] })),
        sampai,
      )
    : [];
  // The columns of programs × months are the periods the figures cover (the month before the
  // meeting's under periode_data: bulan-lalu), as the trends and `report --json` key them.
  const periods = trends.length ? [...new Set(trends.flatMap((t) => t.points.map((p) => p.month)))].sort() : ids;
  const rowOf = (trend: IndicatorTrend): GlanceRow => ({
    trend,
    cells: periods.map((id) => trend.points.find((p) => p.month === id) ?? null),
  });
  const rows = trends.map(rowOf);
  const flagged = rows.filter((r) => r.trend.flagged).sort((a, b) => b.trend.behindStreak - a.trend.behindStreak || 0);
  const programs = config.program
    .map((p) => ({ program: p.id, nama: p.nama, rows: rows.filter((r) => r.trend.program === p.id) }))
    .filter((p) => p.rows.length > 0);

  // Villages: the latest month of the year that reports the indicator per village.
  const villages: VillageTable[] = [];
  for (const program of config.program)
    for (const indicator of program.indikator) {
      for (const month of [...inYear].reverse()) {
        const report = month.programs.find((p) => p.program === program.id);
        const own = report?.indikator.find((i) => i.id === indicator.id);
        if (!report || !own?.per_desa?.length) continue;
        const figures = monthFigures(
          figureSources(config, month.id, [{ ...report, indikator: [own] }]),
          month.id,
        ).filter((f) => f.village);
        const kind = accumulationOf(config, program.id, indicator.id);
        const periodOf = periodMonth(reportPeriod(config, month.id, report));
        villages.push({
          program: program.id,
          programName: program.nama,
          indikator: indicator.id,
          nama: indicator.nama,
          month: month.id,
          rows: figures.map((f) => ({
            ...f,
            shown: (() => {
              const village = own.per_desa?.find((v) => v.desa === f.village);
              const figures = village ? villageFigures(own, village, kind, periodOf) : null;
              return f.capaian_persen === null || !figures ? null : roundedCapaian(figures, 1);
            })(),
          })),
        });
        break;
      }
    }

  const commitmentRows = sampai ? allCommitmentRows(config, meetings, sampai, {}) : [];
  const byPerson = new Map<string, PersonCommitments>();
  for (const row of commitmentRows) {
    let person = byPerson.get(row.penanggung_jawab);
    if (!person) {
      person = {
        id: row.penanggung_jawab,
        nama: participant(config, row.penanggung_jawab)?.nama ?? row.penanggung_jawab_nama,
        rows: [],
        overdue: 0,
      };
      byPerson.set(row.penanggung_jawab, person);
    }
    person.rows.push(row);
    if (row.overdue) person.overdue++;
  }
  const people = [...byPerson.values()].sort(
    (a, b) => b.overdue - a.overdue || b.rows.length - a.rows.length || a.nama.localeCompare(b.nama, "id"),
  );

  const held: MeetingHeld[] = [];
  for (const m of inYear) {
    held.push({ month: m.id, kind: "bulanan", held: lokminHeld(m.meeting) });
    if (m.quarterly) held.push({ month: m.id, kind: "tribulanan", held: lokminHeld(m.quarterly) });
    for (const p of m.pralokmin ?? [])
      held.push({ month: m.id, kind: "pralokmin", klaster: p.klaster, held: lokminHeld(p) });
  }

  return {
    year,
    sampai,
    months: ids,
    periods,
    flagged,
    programs,
    trends,
    series: trendSeries(trends, `Capaian kumulatif ${year} terhadap target masing-masing indikator`),
    villages,
    commitments: { asOf: sampai, rows: commitmentRows, people },
    meetings: held,
    pkp: pkpYear(config, year, months),
  };
}
