// Export: one row per fact (an indicator's capaian in a month, with the period its figures cover, a
// ranked problem, its root causes and SWOT items, a stakeholder, a commitment and each of its
// evaluations, monthly and quarterly)
// across months, for Excel and for the Dinas' own tools, in the workspace's vocabulary (a
// `klaster` column under ILP). Pure.
import { causeCategories } from "./analysis.js";
import { commitmentHistories, type MonthMeeting } from "./commitments.js";
import { matchCategory } from "./fishbone.js";
import type { Meeting, ProgramReport, QuarterlyMeeting, Workspace } from "./schema.js";
import { stakeholderKind } from "./stakeholders.js";
import { SWOT_FACTORS, SWOT_STRATEGIES } from "./swot.js";
import { programFigures, reportPeriod, round } from "./targets.js";
import { taxonomyOf } from "./vocabulary.js";

const percentOrNull = (value: number | null) => (value === null ? null : round(value, 2));

export const EXPORT_COLUMNS = [
  "jenis",
  "bulan",
  "program",
  "indikator",
  "id",
  "judul",
  "sasaran",
  "nilai",
  "target",
  "capaian_persen",
  "total",
  "peringkat",
  "status",
  "penanggung_jawab",
  "tenggat",
  "kategori",
  "strategi",
  "instansi",
  "pengaruh",
  "kepentingan",
  "periode",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number] | "klaster";
export type ExportRow = Partial<Record<ExportColumn, string | number | null>>;

/** The columns in the workspace's vocabulary: `klaster` instead of `program` under ILP. */
export const exportColumns = (config: Pick<Workspace, "taksonomi" | "program">): ExportColumn[] =>
  taxonomyOf(config) === "klaster" ? EXPORT_COLUMNS.map((c) => (c === "program" ? "klaster" : c)) : [...EXPORT_COLUMNS];

export interface ExportMonth {
  id: string;
  meeting?: Meeting;
  /** The quarterly cross-sector meeting of the month, when there is one. */
  quarterly?: QuarterlyMeeting;
  programs: ProgramReport[];
}

export function exportRows(config: Workspace, months: readonly ExportMonth[]): ExportRow[] {
  const rows: ExportRow[] = [];
  const categories = causeCategories(config);
  for (const month of months) {
    for (const report of month.programs) {
      const figures = programFigures(config, month.id, report);
      for (const i of report.indikator) {
        const nama =
          config.program.find((p) => p.id === report.program)?.indikator.find((x) => x.id === i.id)?.nama ?? i.id;
        const f = figures.get(i.id);
        rows.push({
          jenis: "capaian",
          bulan: month.id,
          periode: reportPeriod(config, month.id, report),
          program: report.program,
          indikator: i.id,
          judul: nama,
          sasaran: i.sasaran,
          nilai: f?.served ?? null,
          target: i.target_kumulatif,
          capaian_persen: percentOrNull(f?.capaian ?? null),
        });
      }
    }
    for (const p of month.meeting?.masalah ?? []) {
      const of = { bulan: month.id, program: p.program ?? null, indikator: p.indikator ?? null, id: p.id };
      rows.push({
        jenis: "masalah",
        ...of,
        judul: p.judul,
        total: p.total ?? null,
        peringkat: p.peringkat ?? null,
        strategi: p.solusi.find((s) => s.dipilih)?.strategi ?? null,
      });
      for (const cause of p.akar_masalah) {
        const kategori = matchCategory(cause.kategori, categories) ?? cause.kategori ?? null;
        rows.push({ jenis: "akar_masalah", ...of, judul: cause.uraian, kategori });
      }
      if (!p.swot) continue;
      for (const factor of SWOT_FACTORS)
        for (const item of p.swot[factor.key]) rows.push({ jenis: "swot", ...of, judul: item, kategori: factor.key });
      for (const strategy of SWOT_STRATEGIES)
        for (const item of p.swot.strategi[strategy.key])
          rows.push({ jenis: "swot", ...of, judul: item, kategori: "strategi", strategi: strategy.id });
    }
    for (const s of month.meeting?.stakeholder ?? []) {
      rows.push({
        jenis: "stakeholder",
        bulan: month.id,
        judul: s.nama,
        kategori: stakeholderKind(s).id,
        instansi: s.instansi ?? null,
        pengaruh: s.pengaruh,
        kepentingan: s.kepentingan,
      });
    }
  }
  const series = [
    { suffix: "", list: months.flatMap((m) => (m.meeting ? [meetingOf(m.id, "rapat", m.meeting)] : [])) },
    {
      suffix: "_tribulanan",
      list: months.flatMap((m) => (m.quarterly ? [meetingOf(m.id, "tribulanan", m.quarterly)] : [])),
    },
  ];
  for (const { suffix, list } of series) {
    for (const h of commitmentHistories(list)) {
      const base = {
        program: h.commitment.program ?? null,
        indikator: h.commitment.indikator ?? null,
        id: h.commitment.id,
        judul: h.commitment.uraian,
        penanggung_jawab: h.commitment.penanggung_jawab,
        tenggat: h.commitment.tenggat,
      };
      const status = h.status ?? (h.open ? "terbuka" : null);
      rows.push({ jenis: `kesepakatan${suffix}`, bulan: h.month, ...base, status });
      for (const e of h.evaluations)
        rows.push({ jenis: `evaluasi_kesepakatan${suffix}`, bulan: e.month, ...base, status: e.status });
    }
  }
  if (taxonomyOf(config) !== "klaster") return rows;
  return rows.map(({ program, ...rest }) => {
    const out: ExportRow = {};
    for (const column of exportColumns(config)) {
      const value = column === "klaster" ? program : rest[column as keyof typeof rest];
      if (value !== undefined) out[column] = value;
    }
    return out;
  });
}

const meetingOf = (id: string, name: string, meeting: MonthMeeting["meeting"]): MonthMeeting => ({
  id,
  file: `${id}/${name}.yaml`,
  meeting,
});

/** Text that Excel would run as a formula: neutralised with a leading apostrophe (OWASP, CSV injection). */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV with a header row; `sep` may be ';' for Excel with Indonesian regional settings,
 * where decimals are written with a comma. Text cells that start like a formula are neutralised.
 */
export function toCsv(
  rows: readonly ExportRow[],
  sep = ",",
  decimalComma = false,
  columns: readonly ExportColumn[] = EXPORT_COLUMNS,
): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return "";
    const text =
      typeof value === "number"
        ? decimalComma
          ? String(value).replace(".", ",")
          : String(value)
        : neutralizeFormula(String(value));
    return /["\r\n]/.test(text) || text.includes(sep) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(sep), ...rows.map((row) => columns.map((c) => cell(row[c])).join(sep))];
  return `${lines.join("\r\n")}\r\n`;
}
