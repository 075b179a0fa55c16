// Trends across the periods of a year: each indicator's capaian period by period (the month its
// figures cover, which is the month before the meeting's under `periode_data: bulan-lalu`) against
// its target line, and how many consecutive periods it has been behind. Pure: takes loaded months,
// returns data for the terminal table, the chart and the export.
import type { ProgramReport, Workspace } from "./schema.js";
import { accumulationOf, indicatorFigures, periodMonth, reportPeriod, round } from "./targets.js";

export interface TrendPoint {
  /** The month the figures cover (YYYY-MM). */
  month: string;
  capaian: number | null;
  target: number;
  /** Behind target by the one definition (isBehindTarget). */
  behind: boolean;
}

export interface IndicatorTrend {
  program: string;
  programName: string;
  indikator: string;
  nama: string;
  points: TrendPoint[];
  /** Consecutive months behind target, counting back from the last month. */
  behindStreak: number;
  /** Behind for two or more consecutive months at the end. */
  flagged: boolean;
}

export interface MonthPrograms {
  id: string;
  programs: ProgramReport[];
}

/** Trends for every indicator over the periods of the year `month`'s figures cover, up to that period. */
export function indicatorTrends(config: Workspace, months: readonly MonthPrograms[], month: string): IndicatorTrend[] {
  const last = reportPeriod(config, month, months.find((m) => m.id === month)?.programs[0]);
  const year = last.slice(0, 4);
  const span = months
    .flatMap((m) => m.programs.map((report) => ({ folder: m.id, report, period: reportPeriod(config, m.id, report) })))
    .filter((r) => r.period.slice(0, 4) === year && r.period <= last && r.folder <= month)
    .sort((a, b) => a.period.localeCompare(b.period) || a.folder.localeCompare(b.folder));
  const out: IndicatorTrend[] = [];
  for (const program of config.program) {
    for (const indicator of program.indikator) {
      const kind = accumulationOf(config, program.id, indicator.id);
      const byPeriod = new Map<string, TrendPoint>();
      for (const { report, period } of span) {
        if (report.program !== program.id) continue;
        const found = report.indikator.find((i) => i.id === indicator.id);
        if (!found) continue;
        const figures = indicatorFigures(found, kind, periodMonth(period));
        byPeriod.set(period, {
          month: period,
          capaian: figures.capaian,
          target: figures.target,
          behind: figures.behind,
        });
      }
      const points = [...byPeriod.values()];
      if (points.length === 0) continue;
      let behindStreak = 0;
      for (let i = points.length - 1; i >= 0; i--) {
        const p = points[i];
        if (p.behind) behindStreak++;
        else break;
      }
      out.push({
        program: program.id,
        programName: program.nama,
        indikator: indicator.id,
        nama: indicator.nama,
        points,
        behindStreak,
        flagged: behindStreak >= 2,
      });
    }
  }
  return out;
}

const BARS = "▁▂▃▄▅▆▇█";

/** Sparkline of values 0..max (null as a space). */
export function sparkline(values: Array<number | null>, max = 100): string {
  return values
    .map((v) =>
      v === null ? " " : BARS[Math.max(0, Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1))))],
    )
    .join("");
}

export const lastGap = (trend: IndicatorTrend) => {
  const last = trend.points[trend.points.length - 1];
  return last.capaian === null ? null : last.target - last.capaian;
};

/** Trends for JSON output: figures rounded once to two decimals. */
export const trendsJson = (trends: readonly IndicatorTrend[]) =>
  trends.map((trend) => ({
    ...trend,
    points: trend.points.map((p) => ({
      ...p,
      capaian: p.capaian === null ? null : round(p.capaian, 2),
      target: round(p.target, 2),
    })),
  }));
