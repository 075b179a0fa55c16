import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { longDate } from "../../src/domain/format-date.js";
import { checkNip, formatNip, number, timeRange } from "../../src/domain/format-id.js";
import { schemaFolders } from "../../dev/schema.js";
import { jsonSchemas } from "../../src/domain/json-schema.js";
import { meetingKind, specialSteps } from "../../src/domain/meeting-kinds.js";
import { isMonthId, looksLikeMonth, shiftMonth } from "../../src/domain/month.js";
import { newYamlText } from "../../src/io/new-yaml.js";
import { CORE_12 } from "../../src/io/yaml-core.js";
import { fastParse, mayHaveThousandsPoint } from "../../src/io/yaml-source.js";
import { parseBlocks, parseInline, splitCells } from "../../src/render/blocks.js";
import { scaffoldMonth } from "../../src/domain/scaffold.js";
import { meetingSchema, programReportSchema, workspaceSchema } from "../../src/domain/schema.js";
import { resolveSop, stepApplies } from "../../src/domain/sop.js";
import { problemCandidates } from "../../src/domain/rank/month.js";
import { behindTarget } from "../../src/domain/check/checklists.js";
import { cumulativeTarget, indicatorFigures } from "../../src/domain/targets.js";
import { indicatorTrends } from "../../src/domain/trends.js";
import { programSheets } from "../../src/domain/form/program.js";
import { serializeYaml } from "../../src/io/write.js";
import { EXAMPLE, MINI, REPO } from "../helpers.js";
import { updateReadme } from "../../dev/docs.js";

const miniConfig = () =>
  workspaceSchema.parse(parseDocument(readFileSync(path.join(MINI, "lokmin.yaml"), "utf8")).toJS());

describe("months", () => {
  it("accepts YYYY-MM only", () => {
    expect(["2024-05", "2024-12"].map(isMonthId)).toEqual([true, true]);
    expect(["2024-13", "24-5", "2024-5", "2024-00", " 2024-05"].map(isMonthId)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(looksLikeMonth("2024-13")).toBe(true);
  });
  it("knows the special months of the SOP", () => {
    expect(meetingKind({ year: 2024, month: 1 })).toBe("pertama");
    expect(specialSteps({ year: 2024, month: 2 })).toEqual(["bulan_kedua"]);
    expect(specialSteps({ year: 2024, month: 6 })).toEqual(["tengah_tahun", "tribulanan"]);
    expect(shiftMonth("2024-12", 1)).toBe("2025-01");
    expect(shiftMonth("2024-01", -1)).toBe("2023-12");
  });
});

describe("coverage arithmetic", () => {
  it("pro-rata cumulative target and capaian", () => {
    expect(cumulativeTarget({ target: 100 }, 5)).toBe(41.67);
    expect(cumulativeTarget({ target: 90, target_bulanan: [5, 10, 20, 30, 40, 50, 60, 70, 75, 80, 85, 90] }, 3)).toBe(
      20,
    );
    const may = { id: "x", bulan_ini: 60, target_tahunan: 100, target_kumulatif: 41.67 };
    const bumil = indicatorFigures({ ...may, kumulatif: 290, sasaran: 812 }, "jumlah", 5);
    expect(bumil.capaian).toBeCloseTo(35.714, 3);
    expect(bumil.gap).toBeCloseTo(5.952, 3);
    expect(indicatorFigures({ ...may, kumulatif: 5, sasaran: 0 }, "jumlah", 5).capaian).toBeNull();
    expect(indicatorFigures({ ...may, kumulatif: 130, sasaran: 100 }, "jumlah", 5).score).toBe(100);
  });
});

describe("behind target: one definition", () => {
  // TB, sasaran 360, May: 150 served is exactly 5/12; the target is stored rounded as 41,67.
  const tb = { id: "tb", sasaran: 360, target_tahunan: 100, target_kumulatif: 41.67, bulan_ini: 30, kumulatif: 150 };
  const short = { ...tb, bulan_ini: 29, kumulatif: 149 };
  const report = (i: typeof tb) =>
    programReportSchema.parse({
      program: "kia",
      bulan: "2024-05",
      penanggung_jawab: "bidan",
      indikator: [{ ...i, id: "bumil" }],
    });

  it("compares as shown, at one decimal: 150/360 against 41,67 is on target, 149 is behind", () => {
    expect(cumulativeTarget({ target: 100 }, 5)).toBe(41.67);
    const figures = (i: typeof tb | (Omit<typeof tb, "kumulatif"> & { kumulatif: null })) =>
      indicatorFigures(i, "jumlah", 5);
    expect(figures(tb).gap).toBeCloseTo(0, 9);
    expect(figures(tb).shown_gap).toBe(0);
    expect(figures(tb).behind).toBe(false);
    expect(figures(short).shown_gap).toBe(0.3);
    expect(figures(short).behind).toBe(true);
    expect(figures({ ...tb, kumulatif: null }).behind).toBe(false);
  });

  it("rank candidates, check's analysis rule and the trends use it", () => {
    const config = miniConfig();
    expect(problemCandidates(config, [report(tb)])).toEqual([]);
    expect(problemCandidates(config, [report(short)]).map((c) => c.indikator)).toEqual(["bumil"]);
    expect(behindTarget(config, report(tb))).toBe(false);
    expect(behindTarget(config, report(short))).toBe(true);
    const months = (i: typeof tb) => [
      { id: "2024-04", programs: [report({ ...i, target_kumulatif: 33.33, kumulatif: 120 })] },
      { id: "2024-05", programs: [report(i)] },
    ];
    expect(indicatorTrends(config, months(tb), "2024-05")[0].behindStreak).toBe(0);
    expect(indicatorTrends(config, months(short), "2024-05")[0].behindStreak).toBe(1);
  });

  it("the program form names the indicators behind target in its analysis sheet, not one on target", () => {
    const config = miniConfig();
    const note = (i: typeof tb) =>
      JSON.stringify(
        programSheets({ config, month: "2024-05", report: report(i), previous: undefined }).find((s) =>
          s.name.endsWith("Analisis"),
        ),
      );
    expect(note(tb)).not.toContain("Di bawah target menurut angka saat ini");
    expect(note(short)).toContain("Di bawah target menurut angka saat ini: Pelayanan ibu hamil.");
  });
});

describe("Indonesian formatting", () => {
  it("dates, times, numbers, NIPs", () => {
    expect(longDate("2024-06-03")).toBe("Senin, 3 Juni 2024");
    expect(longDate("2024-02-02")).toBe("Jumat, 2 Februari 2024");
    expect(timeRange("08:00", null, "WIB")).toBe("08.00 WIB – selesai");
    expect(timeRange("08.00", "10.30", "WITA")).toBe("08.00–10.30 WITA");
    expect(number(1234.5)).toBe("1.234,5");
    expect(formatNip("196908262002122003")).toBe("19690826 200212 2 003");
    expect(checkNip("196908262002122003").ok).toBe(true);
    expect(checkNip("196913262002122003").reason).toBe("birth-date");
    expect(checkNip("1969082620021220").reason).toBe("length");
    expect(checkNip("196908262002123003").reason).toBe("gender");
  });
});

describe("SOP profiles", () => {
  it("the 2022 profile has the 15 steps (step 1 split for the Musrenbang month) and can be trimmed or extended", () => {
    const sop = resolveSop({
      profil: "rutin-2022",
      nonaktif: ["07-audit-internal"],
      tambahan: [{ id: "99-apel", judul: "Apel pagi", bukti: "pembahasan", berlaku: "selalu" }],
    });
    expect(sop.steps.map((s) => s.id)).toContain("99-apel");
    expect(sop.steps.map((s) => s.id)).not.toContain("07-audit-internal");
    expect(
      new Set(resolveSop({ profil: "rutin-2022", nonaktif: [], tambahan: [] }).steps.map((s) => s.id.slice(0, 2))).size,
    ).toBe(15);
    expect(resolveSop({ profil: "rutin-2019", nonaktif: [], tambahan: [] }).steps).toHaveLength(6);
    const midterm = sop.steps.find((s) => s.id === "11-evaluasi-tengah-tahun")!;
    expect([stepApplies(midterm, []), stepApplies(midterm, ["tengah_tahun"])]).toEqual(["not-applicable", "required"]);
  });
});

describe("scaffold", () => {
  it("builds a month the schemas accept, with pro-rata targets and carried commitments", () => {
    const files = scaffoldMonth({
      config: miniConfig(),
      month: "2024-06",
      carried: [{ id: "2024-05/K01", status: null, uraian: "x" }],
    });
    expect(files.map((f) => f.file)).toEqual([
      "2024-06/rapat.yaml",
      "2024-06/program/kia.yaml",
      "2024-06/program/gizi.yaml",
    ]);
    const texts = files.map((file) => newYamlText(file));
    for (const text of texts) expect(text.startsWith("# yaml-language-server: $schema=")).toBe(true);
    const meeting = meetingSchema.parse(parseDocument(texts[0]).toJS());
    expect(meeting.langkah_khusus).toEqual(["tengah_tahun", "tribulanan"]);
    expect(meeting.evaluasi_kesepakatan.map((e) => e.id)).toEqual(["2024-05/K01"]);
    expect(meeting.agenda.some((a) => a.langkah === "11-evaluasi-tengah-tahun")).toBe(true);
    const kia = programReportSchema.parse(parseDocument(texts[1]).toJS());
    expect(kia.indikator[0]).toMatchObject({ sasaran: 120, target_kumulatif: 50, bulan_ini: null });
  });
});

describe("committed artefacts", () => {
  it("schema/*.json and every example's .lokmin/schema equal what the zod schemas generate (`npm run schema`)", () => {
    const folders = schemaFolders(REPO);
    expect(folders).toEqual(
      expect.arrayContaining([
        "schema",
        path.join("examples", "puskesmas-sukamaju", ".lokmin", "schema"),
        path.join("examples", "puskesmas-sukamaju-klaster", ".lokmin", "schema"),
      ]),
    );
    const schemas = Object.entries(jsonSchemas());
    for (const folder of folders) {
      expect(readdirSync(path.join(REPO, folder)).sort(), folder).toEqual(schemas.map(([name]) => name).sort());
      for (const [name, content] of schemas)
        expect(readFileSync(path.join(REPO, folder, name), "utf8"), `${folder}/${name}`).toBe(content);
    }
  });

  it("every example file is in canonical form, so a write-back changes only what it means to", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".yaml") ? [path.join(dir, e.name)] : [],
      );
    const files = walk(EXAMPLE);
    expect(files.length).toBeGreaterThan(6 * 14);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(serializeYaml(parseDocument(text)), file).toBe(text);
    }
  });
});

describe("block language", () => {
  it("parses inline markup and escaped cells", () => {
    expect(parseInline("a **b** c")).toEqual([{ text: "a " }, { text: "b", bold: true }, { text: " c" }]);
    expect(splitCells("a \\| b | c")).toEqual(["a \\| b", "c"]);
    expect(parseInline("x\\ny")).toEqual([{ text: "x" }, { text: "y", break: true }]);
  });
  it("parses tables with spans and reports bad blocks with their line", () => {
    const blocks = parseBlocks("# Judul\n::tabel 10,40,25,25 kepala\nNo | Nama | ^2 TTD\n1 | Ani\n::akhir\n");
    expect(blocks[1]).toMatchObject({ kind: "table", header: true, widths: [10, 40, 25, 25] });
    const table = blocks[1] as Extract<(typeof blocks)[number], { kind: "table" }>;
    expect(table.rows[0].map((c) => c.span)).toEqual([1, 1, 2]);
    expect(table.rows[1]).toHaveLength(4);
    const aligned = parseBlocks("::tabel 50,50\n^ | > 5\n::akhir")[0] as typeof table;
    expect(aligned.rows[0].map((c) => [c.align, c.runs[0].text])).toEqual([
      ["center", ""],
      ["right", "5"],
    ]);
    expect(() => parseBlocks("ok\n::tabel 10,90\na | b | c\n::akhir")).toThrow(/3 sel/);
    expect(() => parseBlocks("::tabel 10,90\na | b\n")).toThrow(/::akhir/);
    expect(() => parseBlocks("\n\n::gambar x")).toThrowError(expect.objectContaining({ line: 3 }));
  });
});

describe("README", () => {
  it("its rule, method, document and meeting-kind tables are the ones the registries generate (`npm run docs`)", () => {
    const readme = readFileSync(path.join(REPO, "README.md"), "utf8");
    expect(updateReadme(readme)).toBe(readme);
  });
});

describe("fast path", () => {
  it("js-yaml (fast path) and eemeli/yaml read every example and fixture file to the same data", async () => {
    const jsYaml = (await import("js-yaml")).default;
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".yaml") ? [path.join(dir, e.name)] : [],
      );
    for (const file of [...walk(EXAMPLE), ...walk(MINI)]) {
      const text = readFileSync(file, "utf8");
      expect(jsYaml.load(text, { schema: CORE_12 }), file).toEqual(parseDocument(text).toJS());
      // and the fast path takes every one of them ("Sarana & Prasarana" in a comment once sent all to the slow one)
      expect(fastParse(text), file).toBeDefined();
      // and none looks like it holds a count with a thousands point ("Rp 8.000.000" in a POA once did)
      expect(mayHaveThousandsPoint(text), file).toBe(false);
    }
  });
});
