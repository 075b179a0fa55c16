// PKP (Penilaian Kinerja Puskesmas): how the Dinas judges the year, computed from the same files.
// Per indicator the capaian (served ÷ sasaran × 100, by how the indicator accumulates) and the capped
// PKP score min(100, served ÷ (target% × sasaran) × 100) from the latest period of the year that
// reports it (the figures of the year, wherever the meeting that discussed them was held);
// per program or klaster the average of its scores; for management the number of monthly and
// quarterly Lokmin held, each scored 0 / 4 / 7 / 10. Figures are exact here and rounded once, half up,
// at the precision each view shows. Pure.
import { parseMonth } from "./month.js";
import type { Meeting, ProgramReport, QuarterlyMeeting, Workspace } from "./schema.js";
import { accumulationOf, indicatorFigures, periodMonth, reportPeriod, roundRatio } from "./targets.js";

export interface PkpMonth {
  id: string;
  meeting?: Meeting;
  quarterly?: QuarterlyMeeting;
  programs: readonly ProgramReport[];
}

export interface PkpIndicator {
  program: string;
  program_nama: string;
  indikator: string;
  indikator_nama: string;
  /** The period (month of the figures) used; null when no period of the year reports it. */
  bulan: string | null;
  sasaran: number | null;
  kumulatif: number | null;
  target: number | null;
  /** Exact; null when it cannot be computed. */
  capaian: number | null;
  skor: number | null;
}

export interface PkpProgram {
  program: string;
  nama: string;
  /** Average of its indicators' scores, exact; null when none can be scored. */
  skor: number | null;
  indikator: number;
}

export interface PkpCount {
  jumlah: number;
  skor: number;
  /** The months whose meeting counted. */
  bulan: string[];
}

export interface PkpResult {
  tahun: number;
  /** The latest period of the year whose figures the workspace holds. */
  sampai: string | null;
  indikator: PkpIndicator[];
  program: PkpProgram[];
  manajemen: { lokmin_bulanan: PkpCount; lokmin_tribulanan: PkpCount };
}

/** Monthly Lokmin held in a year → score: none 0, fewer than 5 → 4, 5–8 → 7, 9–12 → 10. */
export const monthlyLokminScore = (held: number) => (held <= 0 ? 0 : held < 5 ? 4 : held <= 8 ? 7 : 10);
/** Quarterly Lokmin held in a year → score: none 0, fewer than 2 → 4, 2–3 → 7, 4 → 10. */
export const quarterlyLokminScore = (held: number) => (held <= 0 ? 0 : held < 2 ? 4 : held <= 3 ? 7 : 10);

/** A Lokmin counts when it has a date and someone attended it. */
export const lokminHeld = (meeting: Pick<Meeting, "tanggal" | "hadir"> | undefined) =>
  Boolean(meeting?.tanggal) && (meeting?.hadir ?? []).some((h) => h.status === "hadir");

export function pkpYear(config: Workspace, year: number, months: readonly PkpMonth[]): PkpResult {
  const span = months.filter((m) => parseMonth(m.id)?.year === year).sort((a, b) => a.id.localeCompare(b.id));
  // The figures of the year: every program file whose period falls in it, latest period first.
  const reports = months
    .flatMap((m) => m.programs.map((report) => ({ report, period: reportPeriod(config, m.id, report) })))
    .filter((r) => parseMonth(r.period)?.year === year)
    .sort((a, b) => b.period.localeCompare(a.period));
  const latest = (program: string, indicator: string) => {
    const kind = accumulationOf(config, program, indicator);
    for (const { report: file, period } of reports) {
      if (file.program !== program) continue;
      const report = file.indikator.find((i) => i.id === indicator);
      const figures = report && indicatorFigures(report, kind, periodMonth(period));
      if (report && figures && figures.served !== null) return { month: period, report, figures };
    }
    return undefined;
  };
  const indikator: PkpIndicator[] = config.program.flatMap((program) =>
    program.indikator.map((def) => {
      const found = latest(program.id, def.id);
      const report = found?.report;
      const figures = found?.figures;
      return {
        program: program.id,
        program_nama: program.nama,
        indikator: def.id,
        indikator_nama: def.nama,
        bulan: found?.month ?? null,
        sasaran: report?.sasaran ?? null,
        kumulatif: figures?.served ?? null,
        target: report?.target_tahunan ?? null,
        capaian: figures?.capaian ?? null,
        skor: figures?.score ?? null,
      };
    }),
  );
  const program = config.program.map((p) => {
    const scores = indikator.filter((i) => i.program === p.id && i.skor !== null).map((i) => i.skor as number);
    return {
      program: p.id,
      nama: p.nama,
      skor: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      indikator: scores.length,
    };
  });
  const count = (held: (m: PkpMonth) => boolean, score: (n: number) => number): PkpCount => {
    const bulan = span.filter(held).map((m) => m.id);
    return { jumlah: bulan.length, skor: score(bulan.length), bulan };
  };
  return {
    tahun: year,
    sampai: reports[0]?.period ?? null,
    indikator,
    program,
    manajemen: {
      lokmin_bulanan: count((m) => lokminHeld(m.meeting), monthlyLokminScore),
      lokmin_tribulanan: count((m) => lokminHeld(m.quarterly), quarterlyLokminScore),
    },
  };
}

/** An exact figure rounded once, half up, at `digits` decimals. */
export const roundOnce = (value: number | null, digits: number) =>
  value === null ? null : roundRatio(value, 1, digits);

/** Capaian rounded once from its exact ratio (served × 100 ÷ sasaran). */
export const capaianRounded = (i: Pick<PkpIndicator, "kumulatif" | "sasaran">, digits: number) =>
  i.kumulatif === null || !i.sasaran ? null : roundRatio(i.kumulatif * 100, i.sasaran, digits);

/** Score rounded once from its exact ratio (served × 10 000 ÷ (target × sasaran)), capped at 100. */
export const skorRounded = (i: Pick<PkpIndicator, "kumulatif" | "sasaran" | "target">, digits: number) =>
  i.kumulatif === null || !i.sasaran || !i.target
    ? null
    : Math.min(100, roundRatio(i.kumulatif * 10_000, i.target * i.sasaran, digits));

/**
 * The JSON view, exactly `{ tahun, indikator: [{ program, indikator, capaian, skor }], manajemen:
 * { lokmin_bulanan: { jumlah, skor }, lokmin_tribulanan: { jumlah, skor } } }`, figures to two decimals.
 */
export function pkpJson(result: PkpResult) {
  return {
    tahun: result.tahun,
    indikator: result.indikator.map((i) => ({
      program: i.program,
      indikator: i.indikator,
      capaian: capaianRounded(i, 2),
      skor: skorRounded(i, 2),
    })),
    manajemen: {
      lokmin_bulanan: { jumlah: result.manajemen.lokmin_bulanan.jumlah, skor: result.manajemen.lokmin_bulanan.skor },
      lokmin_tribulanan: {
        jumlah: result.manajemen.lokmin_tribulanan.jumlah,
        skor: result.manajemen.lokmin_tribulanan.skor,
      },
    },
  };
}
