// The PKP table as a workbook description the Dinas can open in Excel: the Puskesmas' identity, a
// row per indicator grouped by program or klaster with the group's average, and the management
// items, each figure rounded once at two decimals. src/io/xlsx.ts writes it (the one spreadsheet
// door, shared with the month's forms).
import type { CellSpec, WorkbookSpec } from "./form/workbook.js";
import { monthName } from "./format-date.js";
import { capaianRounded, type PkpResult, roundOnce, skorRounded } from "./pkp.js";
import type { Workspace } from "./schema.js";
import type { Terms } from "./vocabulary.js";

export interface PkpWorkbookInput {
  result: PkpResult;
  config: Workspace;
  terms: Terms;
  /** ISO date stored as the workbook's creation date, so the same data writes the same workbook. */
  today: string;
}

const title = (value: string): CellSpec[] => [{ value, style: "title" }];
const text = (value: string): CellSpec[] => [{ value, style: "label" }];
const cell = (value: string | number | null, format?: CellSpec["format"]): CellSpec => ({
  value,
  style: "locked",
  format,
});

export function pkpWorkbookSpec({ result, config, terms, today }: PkpWorkbookInput): WorkbookSpec {
  const rows: CellSpec[][] = [
    title(`PENILAIAN KINERJA PUSKESMAS (PKP) TAHUN ${result.tahun}`),
    text(config.puskesmas.nama),
    text(`Kecamatan ${config.puskesmas.kecamatan}, ${config.puskesmas.kabupaten_kota}`),
    text(result.sampai ? `Data sampai dengan ${monthName(result.sampai)}` : "Belum ada data bulan pada tahun ini"),
    [],
  ];
  const headers = ["No", terms.Unit, "Indikator", "Sasaran", "Target (%)", "Dilayani (kumulatif)", "Bulan data"];
  rows.push([...headers, "Capaian (%)", "Skor PKP"].map((value) => ({ value, style: "header" as const })));
  const headerRow = rows.length;
  let no = 0;
  for (const program of result.program) {
    for (const i of result.indikator.filter((x) => x.program === program.program)) {
      rows.push([
        cell(++no, "count"),
        cell(program.nama),
        cell(i.indikator_nama),
        cell(i.sasaran, "count"),
        cell(i.target, "decimal"),
        cell(i.kumulatif, "count"),
        cell(i.bulan ? monthName(i.bulan) : "–"),
        cell(capaianRounded(i, 2), "decimal"),
        cell(skorRounded(i, 2), "decimal"),
      ]);
    }
    const average: CellSpec = { value: roundOnce(program.skor, 2), style: "computed", format: "decimal" };
    rows.push([cell(""), { value: `Rata-rata ${program.nama}`, style: "label" }, ...Array(6).fill(cell("")), average]);
  }
  rows.push([]);
  rows.push(
    ["", "Manajemen", "Yang dinilai", "Jumlah", "Skor"].map((value) => ({ value, style: value ? "header" : "key" })),
  );
  const { lokmin_bulanan: monthly, lokmin_tribulanan: quarterly } = result.manajemen;
  for (const [label, count, scale] of [
    ["Lokakarya Mini bulanan dilaksanakan", monthly, "tidak ada 0; < 5 → 4; 5–8 → 7; 9–12 → 10"],
    ["Lokakarya Mini tribulanan lintas sektor dilaksanakan", quarterly, "tidak ada 0; < 2 → 4; 2–3 → 7; 4 → 10"],
  ] as const) {
    rows.push([{ style: "key" }, cell(label), cell(scale), cell(count.jumlah, "count"), cell(count.skor, "count")]);
  }
  rows.push([]);
  rows.push([
    { style: "key" },
    {
      value:
        "Capaian = dilayani ÷ sasaran × 100. Skor = min(100, dilayani ÷ (target% × sasaran) × 100). " +
        `Skor ${terms.unit} = rata-rata skor indikatornya. Setiap angka dibulatkan sekali, dari nilai tepatnya.`,
      style: "note",
    },
  ]);
  return {
    title: `PKP ${result.tahun} ${config.puskesmas.nama}`,
    created: today,
    sheets: [
      {
        name: `PKP ${result.tahun}`,
        widths: [5, 30, 44, 11, 11, 12, 14, 12, 11],
        rows,
        freeze: { row: headerRow + 1, column: 1 },
        landscape: true,
      },
    ],
  };
}
