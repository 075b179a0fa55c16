// Coverage arithmetic (domain brief §5): cumulative target for a month (pro-rata by default,
// or a 12-value table per indicator), capaian in percent, and the gap that makes a problem.
import type { Indicator, IndicatorReport } from "./schema.js";

export const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** Cumulative target (%) up to `month` (1..12). */
export function cumulativeTarget(indicator: Pick<Indicator, "target" | "target_bulanan">, month: number): number {
  if (Array.isArray(indicator.target_bulanan)) return indicator.target_bulanan[month - 1];
  return round((indicator.target * month) / 12);
}

/**
 * Capaian (%) = cumulative served ÷ sasaran × 100, exact; null when it cannot be computed. Round
 * it once, where it is shown, so no figure is rounded twice.
 */
export function coveragePercent(report: Pick<IndicatorReport, "kumulatif" | "sasaran">): number | null {
  if (report.kumulatif === null || report.sasaran <= 0) return null;
  return (report.kumulatif / report.sasaran) * 100;
}

/** Gap in percentage points between the cumulative target and capaian (positive = behind). */
export function coverageGap(
  report: Pick<IndicatorReport, "kumulatif" | "sasaran" | "target_kumulatif">,
): number | null {
  const percent = coveragePercent(report);
  return percent === null ? null : report.target_kumulatif - percent;
}

/** PKP sub-variable score, capped at 100, exact: served ÷ (target% × sasaran) × 100. */
export function cappedScore(report: Pick<IndicatorReport, "kumulatif" | "sasaran" | "target_tahunan">): number | null {
  if (report.kumulatif === null || report.sasaran <= 0 || report.target_tahunan <= 0) return null;
  return Math.min(100, (report.kumulatif / ((report.target_tahunan / 100) * report.sasaran)) * 100);
}
