// `summary --xlsx FILE`: the Dinas' overview as a workbook, since a Dinas reports upward in Excel. A
// sheet per view of the overview (src/domain/dinas-overview.ts, the same one the browser app's Dinas
// mode shows): Puskesmas × months, the indicators behind by name, the kesepakatan overdue by name.
// Every figure is the summary's own (`summary --json`), written as a number Excel can sort and sum.
// src/io/xlsx.ts writes it (the one spreadsheet door).
import { type BehindIndicator, behindIndicators, dinasOverview } from "./dinas-overview.js";
import type { CellSpec, SheetSpec, WorkbookSpec } from "./form/workbook.js";
import { monthName } from "./format-date.js";
import type { SummaryEntry } from "./summary.js";

const header = (values: string[]): CellSpec[] => values.map((value) => ({ value, style: "header" }));
const cell = (value: string | number | boolean | null | undefined, format?: CellSpec["format"]): CellSpec => ({
  value: value === undefined ? null : typeof value === "boolean" ? (value ? "ya" : "tidak") : value,
  style: "data",
  format,
});
const title = (value: string): CellSpec[] => [{ value, style: "title" }];
const note = (value: string): CellSpec[] => [{ value, style: "note" }];

export function summaryWorkbookSpec(entries: readonly SummaryEntry[], today: string): WorkbookSpec {
  const overview = dinasOverview(entries);
  const span =
    overview.months.length === 0
      ? "belum ada bulan"
      : `${monthName(overview.months[0])} – ${monthName(overview.months.at(-1)!)}`;

  // 1. Puskesmas × months: one row per Puskesmas and month, the summary's facts.
  const months: SheetSpec["rows"] = [
    title("RINGKASAN LOKAKARYA MINI BULANAN PUSKESMAS"),
    note(`${overview.puskesmas.length} Puskesmas, ${span}. Dibuat oleh lokmin pada ${today}.`),
    [],
    header([
      "Puskesmas",
      "Kecamatan",
      "Bulan",
      "Lokmin dilaksanakan",
      "Skor Daftar Tilik",
      "Butir Daftar Tilik",
      "Arsip ada",
      "Arsip wajib",
      "Galat",
      "Peringatan",
      "Kesepakatan terbuka",
      "Kesepakatan lewat tenggat",
      "Indikator tertinggal",
      "Indikator dinilai",
      "Indikator tertinggal (nama)",
    ]),
  ];
  const monthsHeader = months.length;
  for (const p of overview.puskesmas)
    for (const m of p.entry.months) {
      const names = m.figures
        .filter((f) => f.village === null && f.behind === true)
        .map((f) => f.indicator_nama ?? f.indicator)
        .join("; ");
      months.push([
        cell(p.entry.name),
        cell(p.entry.kecamatan),
        cell(m.month),
        cell(m.held),
        cell(m.tilik_score, "count"),
        cell(m.tilik_total, "count"),
        cell(m.arsip_present, "count"),
        cell(m.arsip_total, "count"),
        cell(m.errors, "count"),
        cell(m.warnings, "count"),
        cell(m.open_commitments, "count"),
        cell(m.overdue_commitments, "count"),
        cell(m.indicators_behind, "count"),
        cell(m.indicators, "count"),
        cell(names),
      ]);
    }
  for (const e of overview.errors) months.push([cell(e.dir), cell("tidak dapat dibaca"), cell(e.error)]);

  // 2. Indicators behind, by name: every month, with how many months in a row.
  const behind: SheetSpec["rows"] = [
    title("INDIKATOR TERTINGGAL DARI TARGET"),
    note("Setiap indikator yang tertinggal dari target kumulatifnya, per Puskesmas dan bulan, menurut namanya."),
    [],
    header([
      "Puskesmas",
      "Kecamatan",
      "Bulan",
      "Program/Klaster",
      "Indikator",
      "Capaian (%)",
      "Target kumulatif (%)",
      "Tertinggal berturut-turut (bulan)",
    ]),
  ];
  const behindHeader = behind.length;
  for (const p of overview.puskesmas)
    for (const m of p.entry.months)
      for (const b of behindIndicators(p.entry, m.month) as BehindIndicator[])
        behind.push([
          cell(p.entry.name),
          cell(p.entry.kecamatan),
          cell(m.month),
          cell(b.program_nama),
          cell(b.indicator_nama),
          cell(b.capaian_persen, "decimal"),
          cell(b.target_kumulatif, "decimal"),
          cell(b.months_behind, "count"),
        ]);

  // 3. Kesepakatan overdue, by name, as of each Puskesmas' latest month.
  const overdue: SheetSpec["rows"] = [
    title("KESEPAKATAN LEWAT TENGGAT"),
    note("Kesepakatan yang masih terbuka dan lewat tenggat pada bulan terakhir yang dikirim setiap Puskesmas."),
    [],
    header(["Puskesmas", "Kecamatan", "Per bulan", "Nomor", "Kesepakatan", "Penanggung jawab", "Tenggat", "Status"]),
  ];
  const overdueHeader = overdue.length;
  for (const p of overview.puskesmas)
    for (const c of p.overdue)
      overdue.push([
        cell(p.entry.name),
        cell(p.entry.kecamatan),
        cell(p.latest?.month),
        cell(c.id),
        cell(c.uraian),
        cell(c.penanggung_jawab_nama),
        cell(c.tenggat),
        cell(c.status ?? "belum dievaluasi"),
      ]);

  return {
    title: "Ringkasan Lokmin Puskesmas",
    created: today,
    sheets: [
      {
        name: "Puskesmas × bulan",
        widths: [30, 16, 9, 11, 10, 10, 9, 9, 8, 10, 12, 12, 11, 11, 60],
        rows: months,
        freeze: { row: monthsHeader, column: 2 },
        filter: { row: monthsHeader, columns: 15 },
        landscape: true,
      },
      {
        name: "Indikator tertinggal",
        widths: [30, 16, 9, 28, 50, 11, 12, 14],
        rows: behind,
        freeze: { row: behindHeader, column: 2 },
        filter: { row: behindHeader, columns: 8 },
        landscape: true,
      },
      {
        name: "Kesepakatan lewat tenggat",
        widths: [30, 16, 10, 14, 60, 28, 12, 16],
        rows: overdue,
        freeze: { row: overdueHeader, column: 2 },
        filter: { row: overdueHeader, columns: 8 },
        landscape: true,
      },
    ],
  };
}
