// PKP: the scoring tables and the exact rounding checked by hand, then `lokmin pkp` on the year
// fixture (terminal, the JSON exactly as the issue gives it, and the workbook read back).
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { monthlyLokminScore, quarterlyLokminScore } from "../../src/domain/pkp.js";
import { roundRatio } from "../../src/domain/targets.js";
import { lokmin, REPO, tempDir } from "../helpers.js";

const YEAR = path.join(REPO, "tests", "fixtures", "year");

describe("PKP arithmetic", () => {
  it.each([
    [0, 0, 0],
    [1, 4, 4],
    [2, 4, 7],
    [3, 4, 7],
    [4, 4, 10],
    [5, 7, 10],
    [8, 7, 10],
    [9, 10, 10],
    [12, 10, 10],
  ])("%i Lokmin held: monthly score %i, quarterly score %i", (held, monthly, quarterly) => {
    expect(monthlyLokminScore(held)).toBe(monthly);
    expect(quarterlyLokminScore(held)).toBe(quarterly);
  });

  it.each([
    // numerator, denominator, digits, hand-checked result
    [203 * 100, 2000, 1, 10.2], // 10,15 exactly: half up, though 203 / 2000 * 100 is 10.1499… in binary
    [10149, 1000, 1, 10.1], // 10,149: once to one decimal (twice, via 10,15, would give 10,2)
    [61 * 100, 120, 2, 50.83],
    [150 * 10_000, 80 * 200, 1, 93.8], // 93,75
    [-1015, 100, 1, -10.2],
    [1, 8, 2, 0.13],
    [2, 3, 0, 1],
    [75.41666666666667, 1, 1, 75.4], // an average of exact scores
  ])("roundRatio(%d, %d, %i) = %d", (n, d, digits, expected) => {
    expect(roundRatio(n, d, digits)).toBe(expected);
  });
});

describe("lokmin pkp on the year fixture", () => {
  it("prints each klaster's indicators with their average and the Lokmin held", async () => {
    const r = await lokmin(["-C", YEAR, "pkp", "2024"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("PKP 2024 — UPTD Puskesmas Rimba (data sampai Juni 2024)");
    expect(r.stdout).toContain("Klaster: Klaster 2 Ibu dan Anak — rata-rata skor 75,4");
    expect(r.stdout).toContain("Klaster: Klaster 3 Usia Dewasa dan Lansia — rata-rata skor 52,0");
    expect(r.stdout).toMatch(/Pelayanan diabetes melitus\s+2\.000\s+203\s+10,2%\s+10,2/);
    expect(r.stdout).toMatch(/Pelayanan bayi baru lahir\s+100\s+60\s+60,0%\s+100,0/);
    expect(r.stdout).toMatch(/Lokmin bulanan dilaksanakan\s+3\s+skor 4/);
    expect(r.stdout).toMatch(/Lokmin tribulanan lintas sektor dilaksanakan\s+2\s+skor 7/);
  });

  it("--json is exactly { tahun, indikator: [{ program, indikator, capaian, skor }], manajemen }", async () => {
    const r = await lokmin(["-C", YEAR, "pkp", "2024", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({
      tahun: 2024,
      indikator: [
        { program: "klaster-2", indikator: "bumil", capaian: 50.83, skor: 50.83 },
        { program: "klaster-2", indikator: "bbl", capaian: 60, skor: 100 },
        { program: "klaster-3", indikator: "ht", capaian: 75, skor: 93.75 },
        { program: "klaster-3", indikator: "dm", capaian: 10.15, skor: 10.15 },
      ],
      manajemen: { lokmin_bulanan: { jumlah: 3, skor: 4 }, lokmin_tribulanan: { jumlah: 2, skor: 7 } },
    });
    // A year with no month yet scores nothing and says so; a bad year is refused.
    expect(JSON.parse((await lokmin(["-C", YEAR, "pkp", "2023", "--json"])).stdout).manajemen).toEqual({
      lokmin_bulanan: { jumlah: 0, skor: 0 },
      lokmin_tribulanan: { jumlah: 0, skor: 0 },
    });
    expect((await lokmin(["-C", YEAR, "pkp", "24"])).status).toBe(2);
  });

  it("--xlsx writes a workbook with the same figures, and never replaces one without --force", async () => {
    const file = path.join(tempDir(), "pkp 2024.xlsx");
    expect((await lokmin(["-C", YEAR, "pkp", "2024", "--xlsx", file])).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("PKP 2024")!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const row = (label: string) => rows.find((r) => r.includes(label))!;
    expect(row("Pelayanan diabetes melitus").slice(1)).toEqual([
      4,
      "Klaster 3 Usia Dewasa dan Lansia",
      "Pelayanan diabetes melitus",
      2000,
      100,
      203,
      "Juni 2024",
      10.15,
      10.15,
    ]);
    expect(row("Rata-rata Klaster 2 Ibu dan Anak")[9]).toBe(75.42);
    expect(row("Lokakarya Mini tribulanan lintas sektor dilaksanakan").slice(4, 6)).toEqual([2, 7]);
    expect(row("No").slice(1, 3)).toEqual(["No", "Klaster"]);
    const again = await lokmin(["-C", YEAR, "pkp", "2024", "--xlsx", file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("--force");
  });
});
