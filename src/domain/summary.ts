// The Dinas Kesehatan's view across Puskesmas, built in one place for every way it is shown (the
// terminal table, `summary --json`, the Parquet tables, later a workbook and the browser): per
// Puskesmas and month the Daftar Tilik score, archive completeness, errors and warnings, whether the
// Lokmin was held, open and overdue commitments (monthly and quarterly), and the figures — one row
// per indicator (and village) with its target, capaian and whether it is behind. From a workspace
// it is computed with the same loader and rules as `check`; from a package (`lokmin paket`) with the
// Puskesmas' own check result and the month's files. Pure over loaded data.
import { z } from "zod";
import { type CheckInput, checkWorkspace } from "./check/check.js";
import { commitmentHistories, isOverdue } from "./commitments.js";
import { lastDay, parseMonth } from "./month.js";
import type { OpenCommitment } from "./paket.js";
import { lokminHeld } from "./pkp.js";
import type { Accumulation, IndicatorReport, ProgramReport, Workspace } from "./schema.js";
import {
  accumulationOf,
  indicatorFigures,
  periodMonth,
  reportPeriod,
  roundedCapaian,
  villageFigures,
} from "./targets.js";
import { monthMeetings } from "./workspace-data.js";

const count = () => z.number().int().min(0);

/** One figure: an indicator of a program file in a month, for the Puskesmas or (with `village`) one village. */
export const figureRowSchema = z.strictObject({
  program: z.string(),
  /** The program's (or klaster's) name in the Puskesmas' lokmin.yaml; null when it has none. */
  program_nama: z.string().nullable(),
  indicator: z.string(),
  /** The indicator's name in the Puskesmas' lokmin.yaml (what the Dinas reads); null when it has none. */
  indicator_nama: z.string().nullable(),
  /** The month the figures cover (YYYY-MM): the month before the meeting's under `periode_data: bulan-lalu`. */
  periode: z.string(),
  /** Null for the Puskesmas' own row; the village's name for a per-village row. */
  village: z.string().nullable(),
  /** The annual target population (sasaran); a village row has it only when the file gives it. */
  sasaran: count().nullable(),
  /** Annual target (%). */
  target_tahunan: z.number(),
  /** Cumulative target up to the month (%), as in the program file. */
  target_kumulatif: z.number(),
  bulan_ini: count().nullable(),
  kumulatif: count().nullable(),
  /** Capaian (%) by how the indicator accumulates, rounded once to 2 decimals; null when it cannot be computed. */
  capaian_persen: z.number().nullable(),
  /** Behind the cumulative target (the one definition in targets.ts); null when kumulatif or sasaran is missing. */
  behind: z.boolean().nullable(),
});
export type FigureRow = z.infer<typeof figureRowSchema>;

/** A kesepakatan past its deadline at the end of the month, still open: whose, by name. */
export const overdueCommitmentSchema = z.strictObject({
  id: z.string(),
  uraian: z.string(),
  penanggung_jawab: z.string(),
  /** The name in the Puskesmas' roster (staff or cross-sector); the id when it is not there. */
  penanggung_jawab_nama: z.string(),
  tenggat: z.string(),
  status: z.string().nullable(),
});
export type OverdueCommitment = z.infer<typeof overdueCommitmentSchema>;

/** A Puskesmas' month as the summary shows it (also what the package cache keeps; src/io/package-cache.ts). */
export const monthSummarySchema = z.strictObject({
  month: z.string(),
  /** Whether the monthly Lokmin was held: a date and someone present (as the PKP counts it). */
  held: z.boolean(),
  tilik: z.string(),
  tilik_score: count().nullable(),
  tilik_total: count().nullable(),
  arsip: z.string(),
  arsip_present: count().nullable(),
  arsip_total: count().nullable(),
  errors: count(),
  warnings: count(),
  open_commitments: count(),
  overdue_commitments: count(),
  /** The overdue ones (monthly and quarterly), by name: as many as overdue_commitments. */
  overdue: z.array(overdueCommitmentSchema),
  indicators_behind: count(),
  /** Indicators of the month, those of unreadable program files included. */
  indicators: count(),
  /** Program files that could not be read: their indicators count as not assessed, not as absent. */
  not_assessed: z.array(z.string()),
  indicators_not_assessed: count(),
  /** Every figure of the month's program files. */
  figures: z.array(figureRowSchema),
});
export type MonthSummary = z.infer<typeof monthSummarySchema>;

/** One Puskesmas as the summary shows it: from its workspace, or from the packages it sent. */
export interface PuskesmasSummary {
  dir: string;
  name: string;
  kecamatan: string;
  kabupaten_kota: string;
  months: MonthSummary[];
  /** The packages read (a package entry only). */
  paket?: string[];
  /** A month sent more than once, and which package was used. */
  notes?: string[];
}

/** An input that could not be read: a broken workspace or a package failing its checks. */
export interface SummaryError {
  dir: string;
  error: string;
}

export type SummaryEntry = PuskesmasSummary | SummaryError;

const ratio = (score: number, total: number) => `${score}/${total}`;

/**
 * The names a Puskesmas gives its programs, indicators and people (lokmin.yaml), for the rows the
 * Dinas reads: indicators behind and kesepakatan overdue by name, not by id.
 */
export interface Names {
  program: ReadonlyMap<string, string>;
  /** By "program/indicator". */
  indikator: ReadonlyMap<string, string>;
  /** Staff and the cross-sector roster, by id. */
  orang: ReadonlyMap<string, string>;
}

export const NO_NAMES: Names = { program: new Map(), indikator: new Map(), orang: new Map() };

/**
 * The names in a lokmin.yaml's data, read defensively (a package's lokmin.yaml is not validated
 * again for them: what is not a name is left out and the id is shown instead).
 */
export function namesOf(data: unknown): Names {
  const list = (v: unknown) => (Array.isArray(v) ? v : []) as Array<Record<string, unknown>>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);
  const root = (data ?? {}) as Record<string, unknown>;
  const program = new Map<string, string>();
  const indikator = new Map<string, string>();
  const orang = new Map<string, string>();
  for (const p of list(root.program)) {
    const id = str(p?.id);
    if (!id) continue;
    const name = str(p.nama);
    if (name) program.set(id, name);
    for (const i of list(p.indikator)) {
      const name = str(i?.nama);
      if (str(i?.id) && name) indikator.set(`${id}/${i.id}`, name);
    }
  }
  const roster = list((root.lintas_sektor as Record<string, unknown> | undefined)?.peserta);
  // Staff first, then the cross-sector roster over it: participant() looks the roster up first.
  for (const person of [...list(root.pegawai), ...roster]) {
    const id = str(person?.id);
    const name = str(person?.nama);
    if (id && name) orang.set(id, name);
  }
  return { program, indikator, orang };
}

function figureRow(
  report: FigureSource["indikator"][number],
  source: FigureSource,
  folder: string,
  names: Names,
): FigureRow[] {
  const kind = report.akumulasi ?? "jumlah";
  const periode = source.periode ?? folder;
  const month = periodMonth(periode);
  const figures = indicatorFigures({ catatan: undefined, ...report }, kind, month);
  const measured = figures.served !== null && report.sasaran > 0;
  const programName = names.program.get(source.program) ?? null;
  const indicatorName = names.indikator.get(`${source.program}/${report.id}`) ?? null;
  const own: FigureRow = {
    program: source.program,
    program_nama: programName,
    indicator: report.id,
    indicator_nama: indicatorName,
    periode,
    village: null,
    sasaran: report.sasaran,
    target_tahunan: report.target_tahunan,
    target_kumulatif: report.target_kumulatif,
    bulan_ini: report.bulan_ini,
    kumulatif: report.kumulatif,
    capaian_persen: roundedCapaian(figures, 2),
    behind: measured ? figures.behind : null,
  };
  const villages = (report.per_desa ?? []).map((v): FigureRow => {
    const village = villageFigures({ catatan: undefined, ...report }, v, kind, month);
    const counted = village !== null && village.served !== null;
    return {
      program: source.program,
      program_nama: programName,
      indicator: report.id,
      indicator_nama: indicatorName,
      periode,
      village: v.desa,
      sasaran: v.sasaran ?? null,
      target_tahunan: report.target_tahunan,
      target_kumulatif: report.target_kumulatif,
      bulan_ini: v.bulan_ini,
      kumulatif: v.kumulatif,
      capaian_persen: counted ? roundedCapaian(village, 2) : null,
      behind: counted ? village.behind : null,
    };
  });
  return [own, ...villages];
}

/** Every figure of a month's program files: each indicator, then its villages, in file order. */
export const monthFigures = (programs: readonly FigureSource[], folder: string, names: Names = NO_NAMES): FigureRow[] =>
  programs.flatMap((p) => p.indikator.flatMap((i) => figureRow(i, p, folder, names)));

/** The kesepakatan overdue at the end of `month` among those open, with their PJ's name. */
function overdueRows(
  open: ReadonlyArray<Pick<OpenCommitment, "id" | "uraian" | "penanggung_jawab" | "tenggat" | "status">>,
  month: string,
  names: Names,
): OverdueCommitment[] {
  const end = lastDay(parseMonth(month)!);
  return open
    .filter((c) => c.tenggat < end)
    .map((c) => ({
      id: c.id,
      uraian: c.uraian,
      penanggung_jawab: c.penanggung_jawab,
      penanggung_jawab_nama: names.orang.get(c.penanggung_jawab) ?? c.penanggung_jawab,
      tenggat: c.tenggat,
      status: c.status,
    }))
    .sort((a, b) => a.tenggat.localeCompare(b.tenggat) || a.id.localeCompare(b.id));
}

const behindCount = (programs: readonly FigureSource[], folder: string) =>
  monthFigures(programs, folder).filter((row) => row.village === null && row.behind).length;

/**
 * A month's program files as the figures are read: each with the period its figures cover and each
 * indicator with how it accumulates, resolved from lokmin.yaml once (what `paket` writes into its index).
 */
export const figureSources = (
  config: Pick<Workspace, "program" | "periode_data">,
  folder: string,
  programs: readonly ProgramReport[],
): FigureSource[] =>
  programs.map((p) => ({
    program: p.program,
    periode: reportPeriod(config, folder, p),
    indikator: p.indikator.map((i) => ({
      id: i.id,
      sasaran: i.sasaran,
      target_tahunan: i.target_tahunan,
      target_kumulatif: i.target_kumulatif,
      bulan_ini: i.bulan_ini,
      kumulatif: i.kumulatif,
      akumulasi: accumulationOf(config, p.program, i.id),
      ...(i.per_desa ? { per_desa: i.per_desa } : {}),
    })),
  }));

export function summarizeWorkspace(
  input: CheckInput,
): Pick<PuskesmasSummary, "name" | "kecamatan" | "kabupaten_kota" | "months"> {
  const { workspace } = input;
  const report = checkWorkspace(input);
  const names = namesOf(workspace.config?.data);
  const meetings = monthMeetings(workspace);
  const quarterly = monthMeetings(workspace, "tribulanan");
  const months = workspace.months.map((month): MonthSummary => {
    const checked = report.months.find((m) => m.month === month.id);
    const findings = report.findings.filter((f) => f.file.startsWith(`${month.id}/`));
    const upTo = (list: typeof meetings) => commitmentHistories(list.filter((m) => m.id <= month.id));
    const open = [...upTo(meetings), ...upTo(quarterly)].filter((h) => h.open);
    const overdue = open.filter((h) => isOverdue(h, month.id));
    const programs = month.programs.map((p) => p.data);
    const sources = workspace.config
      ? figureSources(workspace.config.data, month.id, programs)
      : figureSources({ program: [] }, month.id, programs);
    const notAssessed = month.unreadable ?? [];
    const programIds = notAssessed.map((file) => (file.split("/").pop() ?? "").replace(/\.ya?ml$/i, ""));
    const unread = (workspace.config?.data.program ?? [])
      .filter((p) => programIds.includes(p.id))
      .reduce((n, p) => n + p.indikator.length, 0);
    return {
      month: month.id,
      held: lokminHeld(month.meeting?.data),
      tilik: checked ? ratio(checked.tilik.score, checked.tilik.total) : "–",
      tilik_score: checked?.tilik.score ?? null,
      tilik_total: checked?.tilik.total ?? null,
      arsip: checked ? ratio(checked.arsip.present, checked.arsip.total) : "–",
      arsip_present: checked?.arsip.present ?? null,
      arsip_total: checked?.arsip.total ?? null,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      open_commitments: open.length,
      overdue_commitments: overdue.length,
      overdue: overdueRows(
        overdue.map((h) => ({ ...h.commitment, status: h.status })),
        month.id,
        names,
      ),
      indicators_behind: behindCount(sources, month.id),
      indicators: programs.reduce((n, p) => n + p.indikator.length, 0) + unread,
      not_assessed: notAssessed,
      indicators_not_assessed: unread,
      figures: monthFigures(sources, month.id, names),
    };
  });
  const puskesmas = workspace.config?.data.puskesmas;
  return {
    name: puskesmas?.nama ?? "?",
    kecamatan: puskesmas?.kecamatan ?? "",
    kabupaten_kota: puskesmas?.kabupaten_kota ?? "",
    months,
  };
}

/** What the Puskesmas' own `check --json` (check.json in the package) says, as far as the summary reads it. */
interface CheckView {
  findings?: Array<{ severity: string; file: string }>;
  months?: Array<{
    month: string;
    tilik: { score: number; total: number };
    arsip: { present: number; total: number };
    unassessed?: string[];
  }>;
}

/**
 * What the summary takes from a Puskesmas' check result for one month: the Daftar Tilik and archive
 * scores, the errors and warnings in the month's files, the files it could not assess. `paket`
 * writes it into the manifest (check.ringkasan) so the Dinas need not parse check.json for it.
 */
export const monthCheckSchema = z.strictObject({
  tilik_score: count().nullable(),
  tilik_total: count().nullable(),
  arsip_present: count().nullable(),
  arsip_total: count().nullable(),
  errors: count(),
  warnings: count(),
  not_assessed: z.array(z.string()),
});
export type MonthCheck = z.infer<typeof monthCheckSchema>;

export function monthCheck(check: unknown, month: string): MonthCheck {
  const view = (check ?? {}) as CheckView;
  const checked = view.months?.find((m) => m.month === month);
  const findings = (view.findings ?? []).filter((f) => f.file.startsWith(`${month}/`));
  const number = (value: unknown) => (typeof value === "number" ? value : null);
  return {
    tilik_score: number(checked?.tilik.score),
    tilik_total: number(checked?.tilik.total),
    arsip_present: number(checked?.arsip.present),
    arsip_total: number(checked?.arsip.total),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    not_assessed: Array.isArray(checked?.unassessed) ? checked.unassessed : [],
  };
}

/** The month read from a package: whether its Lokmin was held, and its program files. */
export interface PackagedMonth {
  id: string;
  held: boolean;
  programs: readonly FigureSource[];
}

/**
 * What the figures are computed from: a program file's id, the period its figures cover and its
 * indicators with how each accumulates (or the package's index of them; an index written before
 * lokmin knew periods and kinds has neither: the folder's month, and counts summed over the year).
 */
export type FigureSource = Pick<ProgramReport, "program"> & {
  periode?: string;
  indikator: ReadonlyArray<
    Pick<
      IndicatorReport,
      "id" | "sasaran" | "target_tahunan" | "target_kumulatif" | "bulan_ini" | "kumulatif" | "per_desa"
    > & { akumulasi?: Accumulation }
  >;
};

/**
 * A summary row from a package: what the Puskesmas' own `check` said (Daftar Tilik, archive,
 * errors and warnings, computed with its whole history), the kesepakatan its manifest lists as
 * open (and those past their deadline), and the figures of the month's files.
 */
export function packagedMonthSummary(
  month: PackagedMonth,
  checked: MonthCheck,
  open: readonly OpenCommitment[],
  names: Names = NO_NAMES,
): MonthSummary {
  const overdue = overdueRows(open, month.id, names);
  const scored = (score: number | null, total: number | null) =>
    score === null || total === null ? "–" : ratio(score, total);
  return {
    month: month.id,
    held: month.held,
    tilik: scored(checked.tilik_score, checked.tilik_total),
    tilik_score: checked.tilik_score,
    tilik_total: checked.tilik_total,
    arsip: scored(checked.arsip_present, checked.arsip_total),
    arsip_present: checked.arsip_present,
    arsip_total: checked.arsip_total,
    errors: checked.errors,
    warnings: checked.warnings,
    open_commitments: open.length,
    overdue_commitments: overdue.length,
    overdue,
    indicators_behind: behindCount(month.programs, month.id),
    indicators: month.programs.reduce((n, p) => n + p.indikator.length, 0),
    // The package's own check names files it could not read; their indicators are not in the package.
    not_assessed: checked.not_assessed,
    indicators_not_assessed: 0,
    figures: monthFigures(month.programs, month.id, names),
  };
}

/** Who a row is about, in the flat tables. */
export interface PuskesmasColumns {
  puskesmas: string;
  kecamatan: string;
  kabupaten_kota: string;
  month: string;
}

export type FigureTableRow = PuskesmasColumns & FigureRow;
export type MeetingTableRow = PuskesmasColumns & Omit<MonthSummary, "month" | "figures" | "not_assessed" | "overdue">;

/** The summary as two flat tables (one row per figure, one per Puskesmas and month), for Parquet and sheets. */
export function summaryTables(entries: readonly SummaryEntry[]): {
  figures: FigureTableRow[];
  meetings: MeetingTableRow[];
} {
  const figures: FigureTableRow[] = [];
  const meetings: MeetingTableRow[] = [];
  for (const entry of entries) {
    if ("error" in entry) continue;
    for (const { figures: rows, not_assessed: _notAssessed, overdue: _overdue, ...month } of entry.months) {
      const who = {
        puskesmas: entry.name,
        kecamatan: entry.kecamatan,
        kabupaten_kota: entry.kabupaten_kota,
        month: month.month,
      };
      meetings.push({ ...who, ...month });
      for (const row of rows) figures.push({ ...who, ...row });
    }
  }
  return { figures, meetings };
}

/** A table column by column: each column one array, in row order. */
export type Columns<Row> = { [K in keyof Row]-?: Array<Row[K]> };

/**
 * The same two tables column by column, without a row object per figure: what a columnar writer
 * (Parquet) takes, at a fraction of the memory and time of `summaryTables` for a province.
 */
export function summaryColumns(entries: readonly SummaryEntry[]): {
  figures: Columns<FigureTableRow>;
  meetings: Columns<MeetingTableRow>;
} {
  const f: Columns<FigureTableRow> = {
    puskesmas: [],
    kecamatan: [],
    kabupaten_kota: [],
    month: [],
    program: [],
    program_nama: [],
    indicator: [],
    indicator_nama: [],
    periode: [],
    village: [],
    sasaran: [],
    target_tahunan: [],
    target_kumulatif: [],
    bulan_ini: [],
    kumulatif: [],
    capaian_persen: [],
    behind: [],
  };
  const meetingRows: MeetingTableRow[] = [];
  for (const entry of entries) {
    if ("error" in entry) continue;
    for (const { figures, not_assessed: _notAssessed, overdue: _overdue, ...month } of entry.months) {
      meetingRows.push({
        puskesmas: entry.name,
        kecamatan: entry.kecamatan,
        kabupaten_kota: entry.kabupaten_kota,
        ...month,
      });
      for (const row of figures) {
        f.puskesmas.push(entry.name);
        f.kecamatan.push(entry.kecamatan);
        f.kabupaten_kota.push(entry.kabupaten_kota);
        f.month.push(month.month);
        f.program.push(row.program);
        f.program_nama.push(row.program_nama);
        f.indicator.push(row.indicator);
        f.indicator_nama.push(row.indicator_nama);
        f.periode.push(row.periode);
        f.village.push(row.village);
        f.sasaran.push(row.sasaran);
        f.target_tahunan.push(row.target_tahunan);
        f.target_kumulatif.push(row.target_kumulatif);
        f.bulan_ini.push(row.bulan_ini);
        f.kumulatif.push(row.kumulatif);
        f.capaian_persen.push(row.capaian_persen);
        f.behind.push(row.behind);
      }
    }
  }
  const meetings = {} as Record<string, unknown[]>;
  for (const row of meetingRows) for (const [key, value] of Object.entries(row)) (meetings[key] ??= []).push(value);
  return { figures: f, meetings: meetings as Columns<MeetingTableRow> };
}
