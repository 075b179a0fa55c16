// The series a trend chart is drawn from, computed once for every way it is drawn: the PNG in the
// month's documents (src/render/chart.ts, pureimage) and the SVG in the browser app
// (src/render/svg.ts). A panel per indicator: its capaian month by month (the trend's own points,
// never recomputed) against its own target line, on an axis both drawings share. Pure.
import { shortMonthName } from "./format-date.js";
import type { IndicatorTrend } from "./trends.js";

export interface PanelPoint {
  month: string;
  /** The axis label: "Jan", "Feb" … */
  label: string;
  /** Capaian (%), exact, as the trend has it; null when the month has no figure. */
  capaian: number | null;
  /** Target (%) for the month, exact; null when the indicator is not in that month's files. */
  target: number | null;
  behind: boolean | null;
}

export interface TrendPanel {
  program: string;
  programName: string;
  indikator: string;
  /** The indicator's name: the panel's title. */
  title: string;
  flagged: boolean;
  behindStreak: number;
  /** Top of the value axis (%), and the step of its grid lines. */
  high: number;
  step: number;
  /** One point per month of the chart, in order. */
  points: PanelPoint[];
}

export interface TrendSeries {
  title: string;
  months: string[];
  labels: string[];
  panels: TrendPanel[];
}

/** The months of the trends, sorted: the chart's horizontal axis. */
export const trendMonths = (trends: readonly IndicatorTrend[]) =>
  [...new Set(trends.flatMap((t) => t.points.map((p) => p.month)))].sort();

/** One indicator's panel over `months`. */
export function trendPanel(trend: IndicatorTrend, months: readonly string[]): TrendPanel {
  const byMonth = new Map(trend.points.map((p) => [p.month, p]));
  const points = months.map((month): PanelPoint => {
    const p = byMonth.get(month);
    return {
      month,
      label: shortMonthName(month),
      capaian: p?.capaian ?? null,
      target: p ? p.target : null,
      behind: p ? p.behind : null,
    };
  });
  const values = trend.points.flatMap((p) => [p.target, p.capaian ?? 0]);
  const high = Math.min(100, Math.max(10, Math.ceil(Math.max(0, ...values) / 10) * 10 + 10));
  return {
    program: trend.program,
    programName: trend.programName,
    indikator: trend.indikator,
    title: trend.nama,
    flagged: trend.flagged,
    behindStreak: trend.behindStreak,
    high,
    step: high > 50 ? 25 : 10,
    points,
  };
}

/** Every indicator's panel, in the trends' order. */
export function trendSeries(trends: readonly IndicatorTrend[], title: string): TrendSeries {
  const months = trendMonths(trends);
  return { title, months, labels: months.map(shortMonthName), panels: trends.map((t) => trendPanel(t, months)) };
}

export const DOCUMENT_PANELS = 9;

/**
 * The chart of the month's documents: the indicators behind target this month (all of them when
 * none is), those behind two months or more first, at most nine panels.
 */
export function documentTrendSeries(trends: readonly IndicatorTrend[]): TrendSeries | null {
  if (!trends.length) return null;
  const behind = trends.filter((t) => t.behindStreak > 0);
  const shown = [...(behind.length ? behind : trends)]
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.behindStreak - a.behindStreak)
    .slice(0, DOCUMENT_PANELS);
  const months = trendMonths(trends);
  return {
    title: `Capaian kumulatif ${months[0].slice(0, 4)} terhadap target masing-masing indikator`,
    months,
    labels: months.map(shortMonthName),
    panels: shown.map((t) => trendPanel(t, months)),
  };
}
