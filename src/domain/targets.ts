// Coverage arithmetic (domain brief §5, §9): which month a program file's figures cover, how an
// indicator accumulates (a count summed over the year, a state at the time of counting, an average
// of the months), its target for that period (pro-rata, a 12-value table, or the full target),
// capaian in percent, and the gap that makes a problem. `indicatorFigures` is the one definition
// every view uses.
import { parseMonth, shiftMonth } from "./month.js";
import type { Accumulation, Indicator, IndicatorReport, ProgramReport, Workspace } from "./schema.js";

export const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
};

/**
 * The month a program file's figures cover: its own `periode`; else, under `periode_data: bulan-lalu`,
 * the month before its folder's (the Lokmin of May discusses April; January discusses December);
 * else (`bulan-ini`, how workspaces made before the setting work) its folder's month.
 */
export function reportPeriod(
  config: Pick<Workspace, "periode_data">,
  folder: string,
  report?: Pick<ProgramReport, "periode">,
): string {
  if (report?.periode) return report.periode;
  return config.periode_data === "bulan-lalu" ? shiftMonth(folder, -1) : folder;
}

/** The period's month within its year (1..12): how far the year's target has come. */
export const periodMonth = (period: string) => parseMonth(period)?.month ?? 12;

/** How an indicator of lokmin.yaml accumulates; `jumlah` (a count summed over the year) by default. */
export function accumulationOf(config: Pick<Workspace, "program">, program: string, indicator: string): Accumulation {
  const def = config.program.find((p) => p.id === program)?.indikator.find((i) => i.id === indicator);
  return def?.akumulasi ?? "jumlah";
}

/**
 * Target (%) up to `month` (1..12), as written in the program files: two decimals. A count summed
 * over the year is pro-rata (or follows its 12-value table); a state or an average is held to the
 * full target every month.
 */
export function cumulativeTarget(
  indicator: Pick<Indicator, "target" | "target_bulanan" | "akumulasi">,
  month: number,
): number {
  if (Array.isArray(indicator.target_bulanan)) return indicator.target_bulanan[month - 1];
  if ((indicator.akumulasi ?? "jumlah") !== "jumlah") return indicator.target;
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

/**
 * target − served ÷ base × 100, rounded once, half up, to one decimal (0,05 is the edge of "behind").
 * Far from a rounding edge floating point decides the same way and fast (the Dinas' summary reads
 * millions of figures); near one, the exact fraction does.
 */
function shownGap(target: number, served: number, base: number): number {
  const gap = Math.round((target - (served * 100) / base) * 10) / 10;
  const edge = Math.abs(((target - (served * 100) / base) * 10) % 1);
  if (Math.abs(edge - 0.5) > 1e-6) return gap === 0 ? 0 : gap;
  const exact = roundRatio(target * base - served * 100, base, 1);
  return exact === 0 ? 0 : exact;
}

/** Capaian (%) of figures, rounded once at `digits` on the exact fraction; null when it cannot be computed. */
export const roundedCapaian = (figures: IndicatorFigures, digits: number): number | null =>
  figures.served === null || figures.sasaran <= 0
    ? null
    : roundRatio(figures.served * 100, figures.sasaran * figures.months, digits);

/** An indicator's figures for its period, by how it accumulates: the one definition every view uses. */
export interface IndicatorFigures {
  akumulasi: Accumulation;
  /** The count capaian is taken from (a sum, a state, or the sum to be averaged), null when not filled. */
  served: number | null;
  /** Months the sum is averaged over (1 unless `rata-rata`). */
  months: number;
  sasaran: number;
  /** The target (%) for the period, exact. */
  target: number;
  /** Capaian (%), exact; null when it cannot be computed. */
  capaian: number | null;
  /** Target − capaian in percentage points, exact (positive = behind). */
  gap: number | null;
  /** The gap as shown, rounded once to one decimal. */
  shown_gap: number | null;
  behind: boolean;
  /** PKP sub-variable score, capped at 100, exact. */
  score: number | null;
}

export function indicatorFigures(report: IndicatorReport, akumulasi: Accumulation, month: number): IndicatorFigures {
  const served = akumulasi === "terakhir" ? (report.kumulatif ?? report.bulan_ini) : report.kumulatif;
  const months = akumulasi === "rata-rata" ? Math.max(1, month) : 1;
  const target = akumulasi === "jumlah" ? exactCumulativeTarget(report, month) : report.target_kumulatif;
  const computable = served !== null && report.sasaran > 0;
  const capaian = computable ? (served / months / report.sasaran) * 100 : null;
  const shown = computable ? shownGap(report.target_kumulatif, served, report.sasaran * months) : null;
  const score =
    computable && report.target_tahunan > 0
      ? Math.min(100, (served / months / ((report.target_tahunan / 100) * report.sasaran)) * 100)
      : null;
  return {
    akumulasi,
    served,
    months,
    sasaran: report.sasaran,
    target,
    capaian,
    gap: capaian === null ? null : target - capaian,
    shown_gap: shown === 0 ? 0 : shown,
    behind: (shown ?? 0) > 0,
    score,
  };
}

/** The figures of every indicator of a program file, by id, for the period it reports. */
export function programFigures(
  config: Pick<Workspace, "program" | "periode_data">,
  folder: string,
  report: ProgramReport,
): Map<string, IndicatorFigures> {
  const month = periodMonth(reportPeriod(config, folder, report));
  return new Map(
    report.indikator.map((i) => [i.id, indicatorFigures(i, accumulationOf(config, report.program, i.id), month)]),
  );
}

/** The figures of one village row of an indicator, by the same definition (its own sasaran). */
export function villageFigures(
  report: IndicatorReport,
  village: { sasaran?: number; bulan_ini: number | null; kumulatif: number | null },
  akumulasi: Accumulation,
  month: number,
): IndicatorFigures | null {
  if (!village.sasaran) return null;
  const row = { ...report, sasaran: village.sasaran, bulan_ini: village.bulan_ini, kumulatif: village.kumulatif };
  return indicatorFigures(row, akumulasi, month);
}
