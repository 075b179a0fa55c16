// Export: one row per fact (an indicator's capaian in a month, a ranked problem, its root causes
// and SWOT items, a stakeholder, a commitment and each of its evaluations) across months, for
// Excel and for the Dinas' own tools. Pure.
import { causeCategories } from "./analysis.js";
import { commitmentHistories, type MonthMeeting } from "./commitments.js";
import type { Meeting, ProgramReport, Workspace } from "./schema.js";
import { matchCategory } from "./fishbone.js";
import { stakeholderKind } from "./stakeholders.js";
import { SWOT_FACTORS, SWOT_STRATEGIES } from "./swot.js";
import { coveragePercent, round } from "./targets.js";

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
] as const;
export type ExportRow = Partial<Record<(typeof EXPORT_COLUMNS)[number], string | number | null>>;

export interface ExportMonth {
  id: string;
  meeting?: Meeting;
  programs: ProgramReport[];
}

export function exportRows(config: Workspace, months: readonly ExportMonth[]): ExportRow[] {
  const rows: ExportRow[] = [];
  const categories = causeCategories(config);
  for (const month of months) {
    for (const report of month.programs) {
      for (const i of report.indikator) {
        const nama =
          config.program.find((p) => p.id === report.program)?.indikator.find((x) => x.id === i.id)?.nama ?? i.id;
        rows.push({
          jenis: "capaian",
          bulan: month.id,
          program: report.program,
          indikator: i.id,
          judul: nama,
          sasaran: i.sasaran,
          nilai: i.kumulatif,
          target: i.target_kumulatif,
          capaian_persen: percentOrNull(coveragePercent(i)),
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
  const meetings: MonthMeeting[] = months.flatMap((m) =>
    m.meeting ? [{ id: m.id, file: `${m.id}/rapat.yaml`, meeting: m.meeting }] : [],
  );
  for (const h of commitmentHistories(meetings)) {
    const base = {
      program: h.commitment.program ?? null,
      indikator: h.commitment.indikator ?? null,
      id: h.commitment.id,
      judul: h.commitment.uraian,
      penanggung_jawab: h.commitment.penanggung_jawab,
      tenggat: h.commitment.tenggat,
    };
    rows.push({ jenis: "kesepakatan", bulan: h.month, ...base, status: h.status ?? (h.open ? "terbuka" : null) });
    for (const e of h.evaluations)
      rows.push({ jenis: "evaluasi_kesepakatan", bulan: e.month, ...base, status: e.status });
  }
  return rows;
}

/** Text that Excel would run as a formula: neutralised with a leading apostrophe (OWASP, CSV injection). */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV with a header row; `sep` may be ';' for Excel with Indonesian regional settings,
 * where decimals are written with a comma. Text cells that start like a formula are neutralised.
 */
export function toCsv(rows: readonly ExportRow[], sep = ",", decimalComma = false): string {
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
  const lines = [EXPORT_COLUMNS.join(sep), ...rows.map((row) => EXPORT_COLUMNS.map((c) => cell(row[c])).join(sep))];
  return `${lines.join("\r\n")}\r\n`;
}
