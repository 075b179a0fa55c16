// Trends across the months of a year: each indicator's cumulative capaian month by month
// against its cumulative target line, and how many consecutive months it has been behind.
// Pure: takes loaded months, returns data for the terminal table, the chart and the export.
import { parseMonth } from "./month.js";
import type { ProgramReport, Workspace } from "./schema.js";
import { coveragePercent, exactCumulativeTarget, isBehindTarget, round } from "./targets.js";

export interface TrendPoint {
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

/** Trends for every indicator over the months of `month`'s year up to `month`. */
export function indicatorTrends(config: Workspace, months: readonly MonthPrograms[], month: string): IndicatorTrend[] {
  const year = parseMonth(month)!.year;
  const span = months
    .filter((m) => parseMonth(m.id)!.year === year && m.id <= month)
    .sort((a, b) => a.id.localeCompare(b.id));
  const out: IndicatorTrend[] = [];
  for (const program of config.program) {
    for (const indicator of program.indikator) {
      const points = span.flatMap((m) => {
        const report = m.programs.find((p) => p.program === program.id)?.indikator.find((i) => i.id === indicator.id);
        if (!report) return [];
        const target = exactCumulativeTarget(report, parseMonth(m.id)!.month);
        return [{ month: m.id, capaian: coveragePercent(report), target, behind: isBehindTarget(report) }];
      });
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
