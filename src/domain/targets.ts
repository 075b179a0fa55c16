// Coverage arithmetic (domain brief §5): cumulative target for a month (pro-rata by default,
// or a 12-value table per indicator), capaian in percent, and the gap that makes a problem.
import type { Indicator, IndicatorReport } from "./schema.js";

export const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/** Cumulative target (%) up to `month` (1..12), as written in the program files: two decimals. */
export function cumulativeTarget(indicator: Pick<Indicator, "target" | "target_bulanan">, month: number): number {
  if (Array.isArray(indicator.target_bulanan)) return indicator.target_bulanan[month - 1];
  return round((indicator.target * month) / 12);
}

/**
 * The exact cumulative target behind a program file's written one: the pro-rata target × month ÷ 12
 * when the file holds its two-decimal rounding (41,67 for 41,666…), else the file's own figure (a
 * table of monthly targets, or a value set by hand). Shown figures round this once, never 41,67 again.
 */
export function exactCumulativeTarget(
  report: Pick<IndicatorReport, "target_tahunan" | "target_kumulatif">,
  month: number,
): number {
  const exact = (report.target_tahunan * month) / 12;
  return Math.abs(round(exact) - report.target_kumulatif) < 0.001 ? exact : report.target_kumulatif;
}

/**
 * A ratio numerator ÷ denominator rounded once, half up, to `digits` decimals, computed on the exact
 * fraction (decimal inputs are read as the decimals they print as), so 10.149 never becomes 10,15
 * and then 10,2, and 10,15 exactly never becomes 10,1 through binary floating point.
 */
export function roundRatio(numerator: number, denominator: number, digits: number): number {
  // Whole numbers small enough are exact in doubles: the same half-up rounding without BigInt (the
  // summary rounds every figure of every package).
  if (Number.isInteger(numerator) && Number.isInteger(denominator) && denominator !== 0 && digits >= 0) {
    const factor = 10 ** digits;
    const num = Math.abs(numerator) * factor * 2 + Math.abs(denominator);
    if (num < 2 ** 50) {
      const den = Math.abs(denominator) * 2;
      let q = Math.floor(num / den);
      if (q * den > num) q--;
      else if ((q + 1) * den <= num) q++;
      const negative = numerator < 0 !== denominator < 0 && q !== 0;
      return (negative ? -q : q) / factor;
    }
  }
  const scale = (value: number) => {
    const [whole, fraction = ""] = Math.abs(value).toFixed(12).replace(/0+$/, "").split(".");
    return { int: BigInt(`${whole}${fraction}`) * (value < 0 ? -1n : 1n), exp: fraction.length };
  };
  const n = scale(numerator);
  const d = scale(denominator);
  if (d.int === 0n) return Number.NaN;
  // value = (n.int / 10^n.exp) / (d.int / 10^d.exp); scaled by 10^digits
  let num = n.int * 10n ** BigInt(d.exp + digits);
  let den = d.int * 10n ** BigInt(n.exp);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const rounded = (abs * 2n + den) / (den * 2n);
  const signed = negative ? -rounded : rounded;
  return Number(signed) / 10 ** digits;
}

/** Capaian (%) rounded once at `digits`; null when it cannot be computed. */
export function coverageRounded(report: Pick<IndicatorReport, "kumulatif" | "sasaran">, digits: number): number | null {
  if (report.kumulatif === null || report.sasaran <= 0) return null;
  return roundRatio(report.kumulatif * 100, report.sasaran, digits);
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

/**
 * The gap as it is shown: target − capaian in percentage points, rounded once to one decimal
 * (positive = behind); null when capaian cannot be computed. 150 of 360 against 41,67 is 0,0.
 */
export function shownGap(report: Pick<IndicatorReport, "kumulatif" | "sasaran" | "target_kumulatif">): number | null {
  if (report.kumulatif === null || report.sasaran <= 0) return null;
  const gap = roundRatio(report.target_kumulatif * report.sasaran - report.kumulatif * 100, report.sasaran, 1);
  return gap === 0 ? 0 : gap;
}

/**
 * The one definition of "behind target", used by rank candidates, check, report, summary, the
 * documents and the forms: the gap as shown (one decimal) is above zero. The target is stored
 * rounded (41,67 for 41,666…), so an indicator exactly on target (5/12 of its sasaran) is not behind.
 */
export function isBehindTarget(report: Pick<IndicatorReport, "kumulatif" | "sasaran" | "target_kumulatif">): boolean {
  // The shown gap is above zero exactly when the gap is at least 0,05 (half up). Far from that edge
  // the floating-point gap decides the same way; near it, the exact rounding does.
  if (report.kumulatif !== null && report.sasaran > 0) {
    const gap = report.target_kumulatif - (report.kumulatif * 100) / report.sasaran;
    if (gap > 0.05 + 1e-6) return true;
    if (gap < 0.05 - 1e-6) return false;
  }
  return (shownGap(report) ?? 0) > 0;
}

/** PKP sub-variable score, capped at 100, exact: served ÷ (target% × sasaran) × 100. */
export function cappedScore(report: Pick<IndicatorReport, "kumulatif" | "sasaran" | "target_tahunan">): number | null {
  if (report.kumulatif === null || report.sasaran <= 0 || report.target_tahunan <= 0) return null;
  return Math.min(100, (report.kumulatif / ((report.target_tahunan / 100) * report.sasaran)) * 100);
}

/**
 * How a cumulative figure fails to follow last month's (the rules capaian/kumulatif-turun and
 * capaian/kumulatif-tidak-cocok, also applied by `lokmin import`): it dropped below last month's,
 * or it is not last month's + this month's. Undefined when it follows.
 */
export function cumulativeIssue(
  before: number,
  bulanIni: number | null,
  kumulatif: number,
): { kind: "turun" } | { kind: "tidak-cocok"; expected: number } | undefined {
  if (kumulatif < before) return { kind: "turun" };
  if (bulanIni !== null && before + bulanIni !== kumulatif) return { kind: "tidak-cocok", expected: before + bulanIni };
  return undefined;
}
