// The PKP table as a workbook the Dinas can open in Excel: one sheet with the Puskesmas' identity,
// a row per indicator (grouped by program or klaster, with the group's average), and the management
// items, figures stored rounded once at two decimals with a matching number format. Written with
// exceljs, loaded only here. (Issue #15 brings the shared spreadsheet module, src/io/xlsx.ts; this
// writer is kept apart so the two can be reconciled when they meet.)
import type { Terms } from "../domain/vocabulary.js";
import { monthName } from "../domain/format-date.js";
import { capaianRounded, type PkpResult, roundOnce, skorRounded } from "../domain/pkp.js";
import type { Workspace } from "../domain/schema.js";

export interface PkpWorkbookInput {
  result: PkpResult;
  config: Workspace;
  terms: Terms;
  /** ISO date stored as the workbook's creation date, so the same data writes the same workbook. */
  today: string;
}

const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFE7E6E6" } };
const THIN = { style: "thin" as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function pkpWorkbook({ result, config, terms, today }: PkpWorkbookInput): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const date = new Date(`${today}T00:00:00Z`);
  workbook.creator = "lokmin";
  workbook.created = date;
  workbook.modified = date;
  workbook.title = `PKP ${result.tahun} ${config.puskesmas.nama}`;
  const sheet = workbook.addWorksheet(`PKP ${result.tahun}`, {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { width: 5 },
    { width: 30 },
    { width: 44 },
    { width: 11 },
    { width: 11 },
    { width: 12 },
    { width: 14 },
    { width: 12 },
    { width: 11 },
  ];
  const title = (text: string, bold = false) => {
    const row = sheet.addRow([text]);
    row.font = { bold, size: bold ? 13 : 11 };
  };
  title(`PENILAIAN KINERJA PUSKESMAS (PKP) TAHUN ${result.tahun}`, true);
  title(config.puskesmas.nama);
  title(`Kecamatan ${config.puskesmas.kecamatan}, ${config.puskesmas.kabupaten_kota}`);
  title(result.sampai ? `Data sampai dengan ${monthName(result.sampai)}` : "Belum ada data bulan pada tahun ini");
  sheet.addRow([]);

  const header = sheet.addRow([
    "No",
    terms.Unit,
    "Indikator",
    "Sasaran",
    "Target (%)",
    "Dilayani (kumulatif)",
    "Bulan data",
    "Capaian (%)",
    "Skor PKP",
  ]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  header.height = 32;
  sheet.views = [{ state: "frozen", ySplit: header.number }];

  let no = 0;
  for (const program of result.program) {
    for (const i of result.indikator.filter((x) => x.program === program.program)) {
      const row = sheet.addRow([
        ++no,
        program.nama,
        i.indikator_nama,
        i.sasaran,
        i.target,
        i.kumulatif,
        i.bulan ? monthName(i.bulan) : "–",
        capaianRounded(i, 2),
        skorRounded(i, 2),
      ]);
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
      row.getCell(4).numFmt = "#,##0";
      row.getCell(6).numFmt = "#,##0";
      row.getCell(5).numFmt = "0.##";
      row.getCell(8).numFmt = "0.00";
      row.getCell(9).numFmt = "0.00";
    }
    const average = sheet.addRow(["", `Rata-rata ${program.nama}`, "", "", "", "", "", "", roundOnce(program.skor, 2)]);
    average.font = { bold: true };
    average.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
    average.getCell(9).numFmt = "0.00";
  }

  sheet.addRow([]);
  const management = sheet.addRow(["", "Manajemen", "Yang dinilai", "Jumlah", "Skor"]);
  management.eachCell((cell) => {
    if (!cell.value) return;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  const { lokmin_bulanan: monthly, lokmin_tribulanan: quarterly } = result.manajemen;
  for (const [label, count, scale] of [
    ["Lokakarya Mini bulanan dilaksanakan", monthly, "tidak ada 0; < 5 → 4; 5–8 → 7; 9–12 → 10"],
    ["Lokakarya Mini tribulanan lintas sektor dilaksanakan", quarterly, "tidak ada 0; < 2 → 4; 2–3 → 7; 4 → 10"],
  ] as const) {
    const row = sheet.addRow(["", label, scale, count.jumlah, count.skor]);
    row.height = 30;
    for (const n of [2, 3, 4, 5]) {
      row.getCell(n).border = BORDER;
      row.getCell(n).alignment = { vertical: "middle", wrapText: true };
    }
  }
  sheet.addRow([]);
  sheet.addRow([
    "",
    "Capaian = dilayani ÷ sasaran × 100. Skor = min(100, dilayani ÷ (target% × sasaran) × 100). " +
      `Skor ${terms.unit} = rata-rata skor indikatornya. Setiap angka dibulatkan sekali, dari nilai tepatnya.`,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
