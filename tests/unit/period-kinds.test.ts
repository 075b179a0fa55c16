// Which month a program file's figures cover (periode_data, periode) and how an indicator accumulates
// (akumulasi): the one definition of target, capaian and "behind", read the same by the scaffold,
// check, trends, PKP, the Dinas' summary, DHIS2 and the workbook.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { dataValueSet } from "../../src/domain/dhis2.js";
import { pkpYear } from "../../src/domain/pkp.js";
import { buildProgramReport, indicatorComments } from "../../src/domain/scaffold.js";
import { type ProgramReport, programReportSchema, type Workspace, workspaceSchema } from "../../src/domain/schema.js";
import { figureSources, monthFigures } from "../../src/domain/summary.js";
import { cumulativeTarget, indicatorFigures, reportPeriod } from "../../src/domain/targets.js";
import { indicatorTrends } from "../../src/domain/trends.js";
import { copyWorkspace, lokmin, MINI } from "../helpers.js";
import { checked } from "./support.js";

const mini = (extra: object = {}): Workspace =>
  workspaceSchema.parse({
    ...parseDocument(readFileSync(path.join(MINI, "lokmin.yaml"), "utf8")).toJS(),
    ...extra,
  });

const figure = (fields: { bulan_ini: number | null; kumulatif: number | null; target_kumulatif?: number }) => ({
  id: "x",
  sasaran: 40,
  target_tahunan: 100,
  target_kumulatif: 100,
  ...fields,
});

describe("how an indicator accumulates", () => {
  it("a count is summed against a pro-rata target; a state and an average against the full target", () => {
    expect(cumulativeTarget({ target: 90 }, 4)).toBe(30);
    expect(cumulativeTarget({ target: 90, akumulasi: "terakhir" }, 4)).toBe(90);
    expect(cumulativeTarget({ target: 90, akumulasi: "rata-rata" }, 4)).toBe(90);
  });

  it("essential drugs: 15 of 40 items available is 37,5 %, behind a 100 % target, not 'on target' pro rata", () => {
    const drugs = indicatorFigures(figure({ bulan_ini: 15, kumulatif: 15 }), "terakhir", 5);
    expect(drugs.capaian).toBe(37.5);
    expect(drugs.target).toBe(100);
    expect(drugs.behind).toBe(true);
    // A state is read from this month's count when the cumulative is left empty.
    expect(indicatorFigures(figure({ bulan_ini: 38, kumulatif: null }), "terakhir", 5).capaian).toBe(95);
  });

  it("an average divides the sum of the months by the months: D/S of 30, 34, 32 of 40 is 80 %", () => {
    const weighed = indicatorFigures(figure({ bulan_ini: 32, kumulatif: 96, target_kumulatif: 85 }), "rata-rata", 3);
    expect(weighed.capaian).toBeCloseTo(80, 9);
    expect(weighed.months).toBe(3);
    expect(weighed.shown_gap).toBe(5);
    expect(weighed.behind).toBe(true);
    expect(weighed.score).toBeCloseTo(80, 9);
  });
});

describe("which month the figures cover", () => {
  const lalu = mini({ periode_data: "bulan-lalu" });
  const report = (bulan: string, extra: Partial<ProgramReport> = {}) =>
    programReportSchema.parse({ program: "kia", bulan, penanggung_jawab: "bidan", ...extra });

  it("bulan-lalu: the folder of May reports April, January reports December; a file's own periode wins", () => {
    expect(reportPeriod(lalu, "2024-05")).toBe("2024-04");
    expect(reportPeriod(lalu, "2024-01")).toBe("2023-12");
    expect(reportPeriod(mini(), "2024-05")).toBe("2024-05");
    expect(reportPeriod(lalu, "2024-05", report("2024-05", { periode: "2024-05" }))).toBe("2024-05");
  });

  it("the scaffold writes the period, the target to its end and names it in the comments", () => {
    const may = buildProgramReport(lalu, "2024-05", "kia");
    expect(may.periode).toBe("2024-04");
    expect(may.indikator[0].target_kumulatif).toBe(33.33);
    const april = {
      ...buildProgramReport(lalu, "2024-04", "kia"),
      indikator: [{ ...may.indikator[0], kumulatif: 27 }],
    };
    expect(indicatorComments(lalu, may, april)[0].text).toContain("kumulatif s.d. Maret 2024: 27");
    // January reports December: the year's whole target, and nothing carried from the year before's January.
    expect(buildProgramReport(lalu, "2024-01", "kia").indikator[0].target_kumulatif).toBe(100);
    // A workspace that never chose keeps its files as they were: no periode key.
    const { periode_data: _chosen, ...never } = mini();
    expect(buildProgramReport(never, "2024-05", "kia").periode).toBeUndefined();
  });

  it("trends, PKP and the Dinas' figures read the period: May's folder is April's point, in April's year", () => {
    const kia = (bulan: string, kumulatif: number) =>
      report(bulan, {
        indikator: [{ id: "bumil", sasaran: 120, target_tahunan: 100, target_kumulatif: 0, bulan_ini: 10, kumulatif }],
      });
    const months = [
      { id: "2024-01", programs: [kia("2024-01", 100)] },
      { id: "2024-02", programs: [kia("2024-02", 10)] },
      { id: "2024-03", programs: [kia("2024-03", 20)] },
    ];
    const trend = indicatorTrends(lalu, months, "2024-03")[0];
    expect(trend.points.map((p) => p.month)).toEqual(["2024-01", "2024-02"]);
    const pkp2023 = pkpYear(lalu, 2023, months);
    expect(pkp2023.sampai).toBe("2023-12");
    expect(pkp2023.indikator.find((i) => i.indikator === "bumil")?.kumulatif).toBe(100);
    expect(pkpYear(lalu, 2024, months).indikator.find((i) => i.indikator === "bumil")?.kumulatif).toBe(20);
    const rows = monthFigures(figureSources(lalu, "2024-03", months[2].programs), "2024-03");
    expect(rows[0]).toMatchObject({ periode: "2024-02", kumulatif: 20 });
  });

  it("DHIS2 gets the month the figures cover, and a year is the year of the figures", () => {
    const config = mini({
      periode_data: "bulan-lalu",
      dhis2: {
        unit_organisasi: "PKM",
        elemen_data: [{ indikator: "kia/bumil", bulan_ini: "DE-1" }],
        tidak_dikirim: ["gizi/balita"],
      },
    });
    const months = [
      { id: "2024-01", programs: [buildFilled(config, "2024-01", 4)] },
      { id: "2024-02", programs: [buildFilled(config, "2024-02", 5)] },
    ];
    const all = dataValueSet(config, months).set.dataValues.map((v) => `${v.period}=${v.value}`);
    expect(all).toEqual(["202312=4", "202401=5"]);
    const year = dataValueSet(config, months, (period) => period.startsWith("2024-")).set.dataValues;
    expect(year.map((v) => v.period)).toEqual(["202401"]);
  });
});

function buildFilled(config: Workspace, month: string, value: number): ProgramReport {
  const report = buildProgramReport(config, month, "kia");
  return { ...report, indikator: report.indikator.map((i) => ({ ...i, bulan_ini: value, kumulatif: value })) };
}

describe("check and the period", () => {
  it("figures of a period ended before the meeting are clean; without the setting they are flagged", async () => {
    const root = copyWorkspace(MINI);
    const config = path.join(root, "lokmin.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(config, readFileSync(config, "utf8").replace("periode_data: bulan-ini\n", ""));
    const flagged = checked(root).findings.filter((f) => f.rule === "capaian/periode");
    expect(flagged.map((f) => f.file)).toEqual(["2024-01/rapat.yaml", "2024-02/rapat.yaml"]);
    expect(flagged[1].message).toContain("s.d. Februari 2024");
    // With explicit periods ending before the meetings, nothing is flagged.
    for (const month of ["2024-01", "2024-02"])
      for (const program of ["kia", "gizi"]) {
        const file = path.join(root, month, "program", `${program}.yaml`);
        const previous = month === "2024-01" ? "2023-12" : "2024-01";
        writeFileSync(
          file,
          readFileSync(file, "utf8").replace(`bulan: ${month}\n`, `bulan: ${month}\nperiode: ${previous}\n`),
        );
      }
    expect(checked(root).findings.filter((f) => f.rule === "capaian/periode")).toEqual([]);
  });

  it("init starts a workspace on bulan-lalu, and new scaffolds last month's period", async () => {
    const root = path.join(copyWorkspace(MINI), "..", "baru");
    expect((await lokmin(["init", root, "--nama", "UPTD Puskesmas Baru", "--tanpa-git"])).status).toBe(0);
    const made = await lokmin(["-C", root, "new", "2025-03", "--json"]);
    expect(made.status, made.stderr).toBe(0);
    const kia = readFileSync(path.join(root, "2025-03", "program", "kia.yaml"), "utf8");
    expect(kia).toContain("periode: 2025-02");
    expect(kia).toContain("# Capaian Februari 2025: isi bulan_ini (dilayani selama Februari 2025)");
    expect(kia).toMatch(/id: k1\n {4}sasaran: 0\n {4}target_tahunan: 100\n {4}target_kumulatif: 16.67/);
    expect(kia).toMatch(/id: phbs|id: bumil/);
  });
});
