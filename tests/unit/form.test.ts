// The workbook model without a spreadsheet library: month data → sheet descriptions → the cells a
// spreadsheet would save → values → YAML edits. Properties over generated months: a workbook
// returned untouched gives no edit; a changed input gives exactly that value (and the cumulative
// that follows from it). And the cell rules people meet: counts, scores, dates, choices, CSV.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  CellReader,
  formatProblem,
  parseChoice,
  parseCount,
  parseDate,
  parseScore,
} from "../../src/domain/form/cells.js";
import { parseCsv, readCoverageCsv } from "../../src/domain/form/csv.js";
import { type MonthInput, importEdits, monthWorkbooks, readWorkbooks } from "../../src/domain/form/forms.js";
import { fingerprint } from "../../src/domain/form/layout.js";
import { applyToData, sameValue, threeWay, unitOf } from "../../src/domain/form/merge.js";
import type { YamlEdit } from "../../src/domain/edits.js";
import { changedValues } from "../../src/domain/form/lists.js";
import { figureProblems, villageSumProblems } from "../../src/domain/form/program.js";
import type { ReadCell, ReadSheet, ReadWorkbook, WorkbookSpec } from "../../src/domain/form/workbook.js";
import { buildMeeting, buildProgramReport } from "../../src/domain/scaffold.js";
import { periodMonth, reportPeriod } from "../../src/domain/targets.js";
import { type Meeting, meetingSchema, type ProgramReport, workspaceSchema } from "../../src/domain/schema.js";
import { EXAMPLE } from "../helpers.js";

const config = workspaceSchema.parse(parse(readFileSync(path.join(EXAMPLE, "lokmin.yaml"), "utf8")));

/** What a spreadsheet program saves for a workbook lokmin wrote and nobody changed. */
function saved(spec: WorkbookSpec, change?: (sheet: ReadSheet) => void): ReadWorkbook {
  const sheets = spec.sheets.map((s): ReadSheet => {
    const rows = s.rows.map((row) =>
      (row ?? []).map((c): ReadCell | undefined => {
        if (!c) return undefined;
        const v = c.value;
        const base: ReadCell =
          v === null || v === undefined || v === ""
            ? { kind: "empty" }
            : typeof v === "number"
              ? { kind: "number", value: v }
              : typeof v === "boolean"
                ? { kind: "boolean", value: v }
                : c.format === "date"
                  ? { kind: "date", value: v }
                  : { kind: "text", value: v };
        return c.formula ? { ...base, formula: c.formula } : base;
      }),
    );
    return { name: s.name, hidden: false, rows, merges: [] };
  });
  for (const s of sheets) change?.(s);
  return { sheets };
}

const nullableCount = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });
const text = fc.option(
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== ""),
  {
    nil: undefined,
  },
);

/** A generated month of the example's KIA program: figures per village, lists, last month. */
const kiaMonth = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    villages: fc.array(fc.tuple(nullableCount, nullableCount, nullableCount), { minLength: 5, maxLength: 5 }),
    totals: fc.array(fc.tuple(nullableCount, nullableCount), { minLength: 3, maxLength: 3 }),
    consistent: fc.boolean(),
    kegiatan: fc.array(
      fc.record({ kegiatan: fc.string({ minLength: 1, maxLength: 10 }).map((s) => `k${s.trim()}`), hasil: text }),
      { maxLength: 4 },
    ),
    rpk: fc.array(
      fc.record({
        kegiatan: fc.constant("Posyandu"),
        waktu: text,
        penanggung_jawab: fc.constantFrom(undefined, "sri", "dewi"),
      }),
      { maxLength: 3 },
    ),
  })
  .map((g) => {
    const month = `2024-${String(g.month).padStart(2, "0")}`;
    const previousMonth = `2024-${String(Math.max(1, g.month - 1)).padStart(2, "0")}`;
    const report = buildProgramReport(config, month, "kia");
    const previous = buildProgramReport(config, previousMonth, "kia");
    report.indikator.forEach((indicator, i) => {
      const [bulan, kumulatif] = g.totals[i];
      const before = previous.indikator[i];
      before.kumulatif = kumulatif === null ? null : kumulatif + 10;
      indicator.bulan_ini = bulan;
      indicator.kumulatif =
        g.consistent && bulan !== null && before.kumulatif !== null ? before.kumulatif + bulan : kumulatif;
      indicator.per_desa?.forEach((v, j) => {
        const [vb, vk, vp] = g.villages[j];
        const pv = previous.indikator[i].per_desa?.[j];
        if (pv) pv.kumulatif = vp;
        v.bulan_ini = vb;
        v.kumulatif = g.consistent && vb !== null && vp !== null ? vp + vb : vk;
      });
      if (g.consistent && indicator.per_desa) {
        const sum = (list: Array<number | null>) =>
          list.every((x) => x === null) ? null : list.reduce<number>((s, x) => s + (x ?? 0), 0);
        indicator.bulan_ini = sum(indicator.per_desa.map((v) => v.bulan_ini));
        indicator.kumulatif = sum(indicator.per_desa.map((v) => v.kumulatif));
      }
    });
    report.laporan_kegiatan = g.kegiatan.map((k) => (k.hasil === undefined ? { kegiatan: k.kegiatan } : k));
    report.rpk = g.rpk.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)),
    ) as ProgramReport["rpk"];
    const input: MonthInput = { config, month, programs: [report], previousPrograms: g.month > 1 ? [previous] : [] };
    return input;
  });

describe("program workbook model", () => {
  it("property: a workbook returned untouched gives no edit, for generated months", () => {
    fc.assert(
      fc.property(kiaMonth, (input) => {
        const [file] = monthWorkbooks(input);
        const read = readWorkbooks(input, [{ file: file.name, workbook: saved(file.spec) }]);
        expect(read.problems).toEqual([]);
        expect(importEdits(input, read).programs.get("kia")).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("property: a new Bulan ini in a consistent month sets it and the cumulative that follows", () => {
    fc.assert(
      fc.property(kiaMonth, fc.integer({ min: 0, max: 500 }), (input, value) => {
        const report = input.programs[0];
        const bbl = report.indikator.find((i) => i.id === "bbl")!;
        // A month whose figures cover January starts the year: nothing is carried from the month before.
        fc.pre(
          periodMonth(reportPeriod(config, input.month, report)) !== 1 &&
            input.previousPrograms?.[0]?.indikator[2].kumulatif != null,
        );
        fc.pre(
          bbl.bulan_ini !== null &&
            bbl.kumulatif === input.previousPrograms![0].indikator[2].kumulatif! + bbl.bulan_ini,
        );
        const [file] = monthWorkbooks(input);
        const workbook = saved(file.spec, (sheet) => {
          const row = sheet.rows.findIndex((r) => r?.[0]?.kind === "text" && r[0].value === "i:bbl");
          if (row >= 0) sheet.rows[row]![9] = { kind: "number", value: value };
        });
        const edits = importEdits(input, readWorkbooks(input, [{ file: "kia.xlsx", workbook }])).programs.get("kia");
        const index = report.indikator.indexOf(bbl);
        const expected = [];
        if (value !== bbl.bulan_ini) {
          expected.push({ op: "set", path: ["indikator", index, "bulan_ini"], value, after: undefined });
          expected.push({
            op: "set",
            path: ["indikator", index, "kumulatif"],
            value: input.previousPrograms![0].indikator[2].kumulatif! + value,
            after: undefined,
          });
        }
        expect(edits).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("the meeting workbook of a scaffolded month and of a scored month round-trips to no edit", () => {
    const meeting = buildMeeting({ config, month: "2024-05", carried: [] });
    meeting.masalah = [
      {
        id: "m1",
        judul: "Capaian rendah",
        akar_masalah: [],
        skor_penilai: [{ penilai: "ratna", skor: { besar: 7, gawat: 6, mudah: 4, dukungan: 5 } }],
        solusi: [{ id: "s1", uraian: "Sweeping", skor: { m: 4, i: 3, v: 2, c: 1.5 } }],
      },
    ];
    meeting.metode = { masalah: "mcua" };
    meeting.hadir[0].status = "hadir";
    meeting.hadir.push({ nama: "Camat Sukamaju", instansi: "Kecamatan", status: "hadir", narasumber: true });
    const input: MonthInput = { config, month: "2024-05", meeting, programs: [] };
    const [file] = monthWorkbooks(input, { only: ["rapat"] });
    const read = readWorkbooks(input, [{ file: file.name, workbook: saved(file.spec) }]);
    expect(read.problems).toEqual([]);
    expect(importEdits(input, read).meeting).toEqual([]);
    // Under USG the MCUA scores have no column: they are kept, not deleted.
    meeting.metode = { masalah: "usg" };
    const [usg] = monthWorkbooks(input, { only: ["rapat"] });
    const again = readWorkbooks(input, [{ file: usg.name, workbook: saved(usg.spec) }]);
    expect(importEdits(input, again).meeting).toEqual([]);
  });

  it("every method's matrix round-trips, and a changed score is written under its criterion", () => {
    const full: Record<string, Record<string, number | Record<string, number>>> = {
      usg: { u: 5, s: 4, g: 3 },
      carl: { c: 4, a: 3, r: 5, l: 2 },
      hanlon: { a: 8, b: 15, c: 6, pearl: { p: 1, e: 1, a: 0, r: 1, l: 1 } },
      reinke: { m: 4, i: 3, v: 5, c: 2.5 },
    };
    for (const [method, skor] of Object.entries(full)) {
      const meeting = buildMeeting({ config, month: "2024-05", carried: [] });
      meeting.metode = { masalah: method as "usg" };
      meeting.masalah = [{ id: "m1", judul: "Capaian rendah", akar_masalah: [], skor, solusi: [] }];
      const input: MonthInput = { config, month: "2024-05", meeting, programs: [] };
      const [file] = monthWorkbooks(input, { only: ["rapat"] });
      const untouched = readWorkbooks(input, [{ file: file.name, workbook: saved(file.spec) }]);
      expect(untouched.problems, method).toEqual([]);
      expect(importEdits(input, untouched).meeting, method).toEqual([]);
      const changed = saved(file.spec, (sheet) => {
        const row = sheet.rows.find((r) => r?.[0]?.kind === "text" && r[0].value === "m:m1");
        if (row) row[3] = { kind: "number", value: 1 };
      });
      const edits = importEdits(input, readWorkbooks(input, [{ file: file.name, workbook: changed }])).meeting;
      const first = Object.keys(skor)[0];
      expect(edits, method).toEqual([{ op: "replace", path: ["masalah", 0, "skor"], value: { ...skor, [first]: 1 } }]);
    }
  });

  it("binds each sheet to its Puskesmas, target, month and part", () => {
    const base = fingerprint(config, "program", "kia", "2024-05", "capaian");
    const other = { ...config, puskesmas: { ...config.puskesmas, kabupaten_kota: "Kabupaten Lain" } };
    expect(
      new Set([
        base,
        fingerprint(other, "program", "kia", "2024-05", "capaian"),
        fingerprint(config, "program", "gizi", "2024-05", "capaian"),
        fingerprint(config, "program", "kia", "2024-06", "capaian"),
        fingerprint(config, "program", "kia", "2024-05", "rpk"),
      ]).size,
    ).toBe(5);
    expect(base).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("analysis sheets: causes, SWOT, strategies, stakeholders", () => {
  const may = (): Meeting =>
    meetingSchema.parse(parse(readFileSync(path.join(EXAMPLE, "2024-05", "rapat.yaml"), "utf8")));
  const monthOf = (meeting: Meeting): MonthInput => ({ config, month: "2024-05", meeting, programs: [] });
  /** The row of a sheet read back whose hidden key is `key` (the nth such row). */
  const row = (sheet: ReadSheet, key: string, nth = 0) =>
    sheet.rows.filter((r) => r?.[0]?.kind === "text" && r[0].value === key)[nth]!;
  const rowNumber = (sheet: ReadSheet, key: string, nth = 0) => sheet.rows.indexOf(row(sheet, key, nth)) + 1;
  const text = (value: string): ReadCell => ({ kind: "text", value });
  const EMPTY_CELL: ReadCell = { kind: "empty" };
  /** Import the meeting workbook after `change` edits its sheets (by name). */
  function importWith(input: MonthInput, change: (sheets: Record<string, ReadSheet>) => void) {
    const [file] = monthWorkbooks(input, { only: ["rapat"] });
    const workbook = saved(file.spec);
    change(Object.fromEntries(workbook.sheets.map((s) => [s.name, s])));
    const read = readWorkbooks(input, [{ file: file.name, workbook }]);
    return { problems: read.problems.map(formatProblem), edits: importEdits(input, read).meeting };
  }

  it("May (a SWOT, a stakeholder map) round-trips to no edit; the sheets follow the month's tools", () => {
    const input = monthOf(may());
    const [file] = monthWorkbooks(input, { only: ["rapat"] });
    expect(file.spec.sheets.map((s) => s.name)).toEqual([
      "Kehadiran",
      "Masalah",
      "Solusi",
      "Akar & SWOT",
      "Stakeholder",
      "Kesepakatan",
      "Evaluasi",
      "Pilihan",
      "Dasar",
    ]);
    expect(importWith(input, () => {})).toEqual({ problems: [], edits: [] });
    // A category the YAML already holds outside the list (`check` warns) or none at all stays as it is.
    const offList = may();
    offList.masalah[0].akar_masalah[0].kategori = "petugas";
    delete offList.masalah[0].akar_masalah[1].kategori;
    expect(importWith(monthOf(offList), () => {})).toEqual({ problems: [], edits: [] });
    // Only m1 has a SWOT (May does not use SWOT as a method): m2 and m3 show their causes only.
    const sheet = file.spec.sheets[3];
    const keys = sheet.rows.map((r) => r?.[0]?.value);
    expect(keys.filter((k) => String(k).startsWith("h:"))).toEqual([
      ...["h:masalah:m1", "h:akar:m1", "h:swot:m1", "h:strategi:m1", "h:solusi:m1"],
      ...["h:masalah:m2", "h:akar:m2", "h:masalah:m3", "h:akar:m3"],
    ]);
    const kategori = sheet.rows[keys.indexOf("r:akar:m1")]![1]!;
    expect(kategori).toMatchObject({ style: "input", validation: { type: "list", range: "Pilihan!$E$5:$E$9" } });
    // A month with the fishbone only: no SWOT, no strategy column, no stakeholder sheet.
    const plain = may();
    plain.masalah.forEach((p) => {
      delete p.swot;
      p.solusi.forEach((s) => delete s.strategi);
    });
    delete plain.stakeholder;
    plain.metode = { analisis: ["fishbone"] };
    const [fishbone] = monthWorkbooks(monthOf(plain), { only: ["rapat"] });
    expect(fishbone.spec.sheets.map((s) => s.name)).toContain("Akar masalah");
    expect(fishbone.spec.sheets.map((s) => s.name)).not.toContain("Stakeholder");
    expect(importWith(monthOf(plain), () => {})).toEqual({ problems: [], edits: [] });
  });

  it("each kind of edit becomes exactly its YAML edit", () => {
    const { problems, edits } = importWith(monthOf(may()), (s) => {
      const akar = s["Akar & SWOT"];
      row(akar, "r:akar:m1", 1)[1] = text(" sarana &  prasarana ");
      row(akar, "r:akar:m2", 5)[1] = text("Dana");
      row(akar, "r:akar:m2", 5)[2] = text("Insentif kader belum dianggarkan");
      row(akar, "r:swot:m1", 2)[3] = text("Dana desa untuk PMT");
      row(akar, "s:m1:s1")[4] = text("wo");
      row(akar, "s:m1:s2")[4] = EMPTY_CELL;
      row(s.Stakeholder, "r:stakeholder", 2)[4] = text("tinggi");
    });
    expect(problems).toEqual([]);
    expect(edits).toEqual([
      { op: "set", path: ["masalah", 0, "akar_masalah", 1, "kategori"], value: "Sarana & Prasarana", after: [] },
      {
        op: "replace",
        path: ["masalah", 0, "swot", "peluang"],
        value: [
          "Dana desa dapat membiayai transport kader",
          "Camat mendukung gerakan pendataan sasaran",
          "Dana desa untuk PMT",
        ],
      },
      { op: "set", path: ["masalah", 0, "solusi", 0, "strategi"], value: "WO", after: expect.any(Array) },
      { op: "delete", path: ["masalah", 0, "solusi", 1, "strategi"] },
      {
        op: "replace",
        path: ["masalah", 1, "akar_masalah"],
        value: [...may().masalah[1].akar_masalah, { kategori: "Dana", uraian: "Insentif kader belum dianggarkan" }],
        after: expect.arrayContaining(["judul", "kesenjangan"]),
      },
      {
        op: "set",
        path: ["stakeholder", 2, "kepentingan"],
        value: "tinggi",
        after: ["nama", "instansi", "pengaruh"],
      },
    ]);
  });

  it("lists replace the YAML's: a deleted or emptied row is gone, a SWOT is made or removed whole", () => {
    const meeting = may();
    meeting.metode = { analisis: ["fishbone", "swot", "stakeholder"] };
    const { problems, edits } = importWith(monthOf(meeting), (s) => {
      const akar = s["Akar & SWOT"];
      akar.rows.splice(rowNumber(akar, "r:akar:m3", 2) - 1, 1);
      row(akar, "r:akar:m3", 3)[1] = EMPTY_CELL;
      row(akar, "r:akar:m3", 3)[2] = EMPTY_CELL;
      for (const key of ["r:swot:m1", "r:strategi:m1"])
        akar.rows.filter((r) => r?.[0]?.kind === "text" && r[0].value === key).forEach((r) => r!.splice(1, 4));
      row(akar, "r:swot:m2")[1] = text("Kader aktif");
      row(akar, "r:strategi:m2")[4] = text("Sweeping di luar jam kebun");
      const sh = s.Stakeholder;
      sh.rows.splice(rowNumber(sh, "r:stakeholder", 6) - 1, 1);
    });
    expect(problems).toEqual([]);
    const causes = meeting.masalah[2].akar_masalah;
    expect(edits).toEqual([
      { op: "delete", path: ["masalah", 0, "swot"] },
      {
        op: "replace",
        path: ["masalah", 1, "swot"],
        value: {
          kekuatan: ["Kader aktif"],
          kelemahan: [],
          peluang: [],
          ancaman: [],
          strategi: { so: [], wo: [], st: [], wt: ["Sweeping di luar jam kebun"] },
        },
      },
      {
        op: "replace",
        path: ["masalah", 2, "akar_masalah"],
        value: [causes[0], causes[1], causes[3]],
        after: expect.any(Array),
      },
      { op: "replace", path: ["stakeholder"], value: meeting.stakeholder!.slice(0, 6), after: ["masalah", "metode"] },
    ]);
  });

  it("hostile cells are problems naming the cell: a category outside the list, a strategy, a level", () => {
    const at = (sheet: ReadSheet, key: string, column: string, nth = 0) => `${column}${rowNumber(sheet, key, nth)}`;
    const expected: string[] = [];
    const { problems } = importWith(monthOf(may()), (s) => {
      const akar = s["Akar & SWOT"];
      row(akar, "r:akar:m2", 0)[1] = text("Manusiaa");
      row(akar, "r:akar:m3", 3)[1] = text("Sarana");
      row(akar, "s:m1:s3")[4] = text("SWOT");
      row(s.Stakeholder, "r:stakeholder", 1)[3] = text("sedang");
      row(s.Stakeholder, "r:stakeholder", 7)[2] = text("Dinas PUPR");
      expected.push(
        `2024-05-rapat.xlsx, Akar & SWOT!${at(akar, "r:akar:m2", "B")}: kategori "Manusiaa" tidak ada di daftar ` +
          'kategori akar masalah (Manusia, Metode, Dana, Sarana & Prasarana, Lingkungan); maksud Anda "Manusia"? ' +
          "Pilih dari daftar, atau tambahkan kategori itu ke analisis.kategori di lokmin.yaml",
        `2024-05-rapat.xlsx, Akar & SWOT!${at(akar, "r:akar:m3", "B", 3)}: kategori "Sarana" tidak ada`,
        `2024-05-rapat.xlsx, Akar & SWOT!${at(akar, "s:m1:s3", "E")}: "SWOT" tidak ada dalam pilihan: SO, WO, ST, WT`,
        `2024-05-rapat.xlsx, Stakeholder!${at(s.Stakeholder, "r:stakeholder", "D", 1)}: "sedang" tidak ada dalam ` +
          "pilihan: tinggi, rendah",
        `2024-05-rapat.xlsx, Stakeholder!${at(s.Stakeholder, "r:stakeholder", "B", 7)}: kolom Nama wajib diisi`,
      );
    });
    expect(problems).toHaveLength(expected.length + 2);
    for (const message of expected) expect(problems).toContainEqual(expect.stringContaining(message));
    expect(problems.join("\n")).toContain('maksud Anda "Sarana & Prasarana"');
  });

  it("a problem's deleted block is missed by its key, not read as another problem's", () => {
    const { problems, edits } = importWith(monthOf(may()), (s) => {
      const akar = s["Akar & SWOT"];
      akar.rows.splice(rowNumber(akar, "h:masalah:m2") - 1, 2);
    });
    expect(problems).toEqual([
      "2024-05-rapat.xlsx, Akar & SWOT!B3: baris masalah m2 tidak ada di lembar ini (terhapus?); buat isian baru " +
        "dengan `lokmin form` atau salin baris itu kembali",
    ]);
    expect(edits).toEqual([]);
  });
});

describe("rows and figures import must not lose or accept", () => {
  const text = (value: string): ReadCell => ({ kind: "text", value });
  const empty: ReadCell = { kind: "empty" };
  const rowIndex = (sheet: ReadSheet, key: string) =>
    sheet.rows.findIndex((r) => r?.[0]?.kind === "text" && r[0].value === key);

  it("an RPK row added above keeps tujuan and volume below, also from a workbook without those columns", () => {
    const report = buildProgramReport(config, "2024-05", "kia");
    const posyandu = {
      kegiatan: "Posyandu",
      sasaran: "Bumil",
      tujuan: "Menjangkau sasaran",
      volume: "5 desa × 1 kali",
      waktu: "Minggu ke-2",
      penanggung_jawab: "sri",
      biaya: "BOK",
    };
    report.rpk = [posyandu];
    const input: MonthInput = { config, month: "2024-05", programs: [report] };
    const [file] = monthWorkbooks(input);
    for (const older of [false, true]) {
      const workbook = saved(file.spec, (sheet) => {
        if (sheet.name !== "RPK") return;
        const header = rowIndex(sheet, "h:rpk");
        const row = sheet.rows[header + 1]!;
        sheet.rows[header + 2] = [...row];
        sheet.rows[header + 1] = row.map((c, i) =>
          i === 0 ? c : i === 1 ? text("Kelas ibu") : i === 5 ? text("sri") : empty,
        );
        // a workbook made before the Tujuan and Volume columns: no header, no cells there
        if (older) for (const r of [header, header + 1, header + 2]) sheet.rows[r]!.splice(7, 2);
      });
      const read = readWorkbooks(input, [{ file: file.name, workbook }]);
      expect(read.problems).toEqual([]);
      expect(importEdits(input, read).programs.get("kia")).toEqual([
        { op: "replace", path: ["rpk"], value: [{ kegiatan: "Kelas ibu", penanggung_jawab: "sri" }, posyandu] },
      ]);
    }
  });

  it("counts every value set, changed or removed; rows that only moved count nothing", () => {
    const a = { kegiatan: "A", tujuan: "t", volume: "v" };
    const b = { kegiatan: "B" };
    expect(changedValues({ rpk: [a] }, { rpk: [{ kegiatan: "A" }] })).toBe(2);
    expect(changedValues({ rpk: [a, b] }, { rpk: [{ kegiatan: "N", biaya: "BOK" }, a, b] })).toBe(2);
    expect(changedValues({ rpk: [a, b] }, { rpk: [b] })).toBe(3);
    expect(changedValues({ x: 1, y: null }, { x: 2 })).toBe(1);
  });

  it("figures that do not add up are problems at their column: villages, last month, an empty cumulative", () => {
    expect(figureProblems(100, 7, 100)).toEqual([
      { column: "kumulatif", message: expect.stringContaining("≠ kumulatif bulan lalu 100 + Bulan ini 7 = 107") },
    ]);
    expect(figureProblems(407, 7, 100)).toEqual([
      { column: "kumulatif", message: expect.stringContaining("lebih kecil dari kumulatif bulan lalu 407") },
    ]);
    expect(figureProblems(97, 10, null)).toEqual([
      { column: "kumulatif", message: expect.stringContaining("tulis 107") },
    ]);
    expect(figureProblems(undefined, 10, null)).toEqual([
      { column: "kumulatif", message: expect.stringContaining("Kumulatif kosong") },
    ]);
    expect(figureProblems(undefined, 10, 4)).toHaveLength(1);
    expect(figureProblems(undefined, 10, 40)).toEqual([]);
    expect(figureProblems(97, 10, 107)).toEqual([]);
    const village = (bulan_ini: number | null, kumulatif: number | null) => ({ bulan_ini, kumulatif });
    expect(villageSumProblems(village(99, 30), [village(10, 10), village(20, 20)])).toEqual([
      { column: "bulan_ini", message: "Bulan ini 99 ≠ jumlah baris desa 30; tulis 30 atau perbaiki baris desa" },
    ]);
    expect(villageSumProblems(village(99, 30), [village(10, 10), { desa: "Sidomulyo", ...village(null, 20) }])).toEqual(
      [{ column: "bulan_ini", message: expect.stringContaining("belum diisi untuk desa Sidomulyo") }],
    );
    expect(villageSumProblems(village(null, 30), [village(null, 10), village(null, 20)])).toEqual([]);
  });

  it("a cumulative typed over its formula, or a total typed over its sum, is refused at its cell", () => {
    const report = buildProgramReport(config, "2024-06", "kia");
    const previous = buildProgramReport(config, "2024-05", "kia");
    previous.indikator.forEach((i) => {
      i.kumulatif = 50;
      i.per_desa?.forEach((v) => (v.kumulatif = 10));
    });
    const input: MonthInput = { config, month: "2024-06", programs: [report], previousPrograms: [previous] };
    const [file] = monthWorkbooks(input);
    const problems = (change: (sheet: ReadSheet) => void) =>
      readWorkbooks(input, [
        { file: "kia.xlsx", workbook: saved(file.spec, (s) => s.name === "Capaian" && change(s)) },
      ]).problems.map(formatProblem);
    const at = (sheet: ReadSheet, key: string, column: number, cell: ReadCell) =>
      (sheet.rows[rowIndex(sheet, key)]![column] = cell);
    const n = (value: number): ReadCell => ({ kind: "number", value });
    expect(
      problems((s) => {
        at(s, "i:bbl", 9, n(5));
        at(s, "i:bbl", 10, n(90));
      }),
    ).toEqual([
      expect.stringMatching(/^kia\.xlsx, Capaian!K\d+: Kumulatif 90 ≠ kumulatif bulan lalu 50 \+ Bulan ini 5/),
    ]);
    expect(problems((s) => at(s, "i:bbl", 9, n(5)))).toEqual([]);
    const villages = ["Sukamaju", "Sidomulyo", "Karang Anyar", "Tanjung Sari", "Mekar Jaya"];
    expect(
      problems((s) => {
        villages.forEach((v, i) => at(s, `d:bumil:${v}`, 9, n(i === 0 ? 5 : 0)));
        at(s, "i:bumil", 9, n(9));
      }),
    ).toEqual([expect.stringMatching(/^kia\.xlsx, Capaian!J\d+: Bulan ini 9 ≠ jumlah baris desa 5/)]);
    expect(problems((s) => at(s, "d:bumil:Sukamaju", 9, n(5)))).toEqual([
      expect.stringMatching(/^kia\.xlsx, Capaian!J\d+: Bulan ini belum diisi untuk desa Sidomulyo, Karang Anyar/),
    ]);
  });
});

describe("cells people fill in", () => {
  const text = (value: string): ReadCell => ({ kind: "text", value });
  it("counts: whole numbers ≥ 0; text, fractions, thousands points and formula errors are explained", () => {
    expect(parseCount({ kind: "number", value: 1450 })).toEqual({ ok: true, value: 1450 });
    expect(parseCount(text(" 17 "))).toEqual({ ok: true, value: 17 });
    expect(parseCount({ kind: "empty" })).toEqual({ ok: true, value: null });
    expect(parseCount(text("1.450 orang"))).toMatchObject({ message: '"1.450 orang" bukan bilangan bulat' });
    expect(parseCount(text("1.450"))).toMatchObject({
      message: expect.stringContaining("tulis 1450 tanpa titik ribuan"),
    });
    expect(parseCount({ kind: "number", value: 12.5 })).toMatchObject({
      message: expect.stringContaining("12,5 bukan bilangan bulat"),
    });
    expect(parseCount({ kind: "number", value: -3 })).toMatchObject({ message: "-3 tidak boleh negatif" });
    expect(parseCount({ kind: "error", value: "#DIV/0!", formula: "A1/0" })).toMatchObject({
      message: expect.stringContaining("#DIV/0!"),
    });
    expect(parseCount({ kind: "pending", formula: "A1+1" })).toMatchObject({
      message: expect.stringContaining("belum dihitung"),
    });
    expect(parseCount({ kind: "number", value: 17, formula: "12+5" })).toEqual({ ok: true, value: 17 });
  });

  it("scores within the scale (decimal commas read), dates in Indonesian order, choices by label or id", () => {
    expect(parseScore(text("2,5"), { min: 1, max: 5 })).toEqual({ ok: true, value: 2.5 });
    expect(parseScore({ kind: "number", value: 7 }, { min: 1, max: 5 })).toMatchObject({
      message: "7 di luar rentang 1–5",
    });
    expect(parseDate(text("21/05/2024"))).toEqual({ ok: true, value: "2024-05-21" });
    expect(parseDate(text("31/02/2024"))).toMatchObject({ ok: false });
    const staff = [{ id: "sri", label: "Sri Wahyuni, A.Md.Keb (sri)" }];
    for (const written of ["sri", "SRI", "Sri Wahyuni, A.Md.Keb (sri)", "Sri Wahyuni, A.Md.Keb"])
      expect(parseChoice(text(written), staff)).toEqual({ ok: true, value: "sri" });
    expect(parseChoice(text("Budi"), staff)).toMatchObject({ message: '"Budi" tidak ada dalam pilihan: sri' });
  });

  it("formats a problem as workbook, sheet!cell: message", () => {
    const reader = new CellReader("kia.xlsx");
    reader.take(parseCount(text("1.450 orang")), { sheet: "Capaian", cell: "J7" });
    expect(reader.problems.map(formatProblem)).toEqual(['kia.xlsx, Capaian!J7: "1.450 orang" bukan bilangan bulat']);
  });

  it("CSV: quoted separators and newlines, unknown program and indicator named by row and column", () => {
    expect(parseCsv('a;"b;c"\r\n"x ""y""";"1\n2"\n', ";").rows).toEqual([
      ["a", "b;c"],
      ['x "y"', "1\n2"],
    ]);
    const input: MonthInput = { config, month: "2024-05", programs: [buildProgramReport(config, "2024-05", "kia")] };
    const { problems } = readCoverageCsv(input, "x.csv", "program,indikator,bulan_ini\ngizi,balita,3\nkia,nope,4\n");
    expect(problems.map(formatProblem)).toEqual([
      "x.csv, baris 2, kolom program: program 'gizi' tidak ada di bulan 2024-05; tulis id program: kia",
      "x.csv, baris 3, kolom indikator: indikator 'nope' tidak ada di program kia; " +
        "tulis id indikator: bumil, bulin, bbl",
    ]);
  });
});

describe("three-way merge of a workbook into a YAML file", () => {
  const base = {
    indikator: [
      { id: "a", bulan_ini: 1, kumulatif: 10, capaian_persen: 5 },
      { id: "b", bulan_ini: 2 },
    ],
    rpk: [{ kegiatan: "x" }],
  };
  const set = (path: (string | number)[], value: number | string): YamlEdit => ({ op: "set", path, value });

  it("drops what the workbook did not change, keeps what only it changed, reports what both changed", () => {
    // The YAML now has the items in another order, b's figure typed by hand, and a new RPK row.
    const current = {
      indikator: [
        { id: "b", bulan_ini: 7 },
        { id: "a", bulan_ini: 1, kumulatif: 10, capaian_persen: 5 },
      ],
      rpk: [{ kegiatan: "x" }, { kegiatan: "y" }],
    };
    // The workbook says a: 3 and 12 (changed; the percentage follows), b: 2 and RPK x (both as in the base).
    const theirs = applyToData(base, [set(["indikator", 0, "bulan_ini"], 3), set(["indikator", 0, "kumulatif"], 12)]);
    const edits: YamlEdit[] = [
      set(["indikator", 0, "bulan_ini"], 2),
      set(["indikator", 1, "bulan_ini"], 3),
      set(["indikator", 1, "kumulatif"], 12),
      set(["indikator", 1, "capaian_persen"], 6),
      { op: "replace", path: ["rpk"], value: [{ kegiatan: "x" }] },
    ];
    expect(threeWay(base, current, theirs, edits)).toEqual({ edits: edits.slice(1, 4), conflicts: [] });
    // Both changed b: a conflict naming both values and the unit's path in each version.
    const both = applyToData(base, [set(["indikator", 1, "bulan_ini"], 9)]);
    const conflict = threeWay(base, current, both, [set(["indikator", 0, "bulan_ini"], 9)]);
    expect(conflict).toEqual({
      edits: [],
      conflicts: [
        { path: ["indikator", 0, "bulan_ini"], basePath: ["indikator", 1, "bulan_ini"], yaml: 7, workbook: 9 },
      ],
    });
    expect(threeWay(base, current, both, [set(["indikator", 0, "bulan_ini"], 9)], true).edits).toHaveLength(1);
  });

  it("a list is one unit: a row edited in the workbook and a row added by hand conflict", () => {
    const current = { ...base, rpk: [{ kegiatan: "x" }, { kegiatan: "y" }] };
    const theirs = applyToData(base, [set(["rpk", 0, "kegiatan"], "z")]);
    expect(unitOf(current, ["rpk", 0, "kegiatan"])).toEqual(["rpk"]);
    expect(
      threeWay(base, current, theirs, [{ op: "replace", path: ["rpk"], value: [{ kegiatan: "z" }] }]),
    ).toMatchObject({ edits: [], conflicts: [{ path: ["rpk"], workbook: [{ kegiatan: "z" }] }] });
    // Empty values compare equal however they are written (null, "", [], missing).
    expect(sameValue({ a: null, b: [], c: "" }, {})).toBe(true);
  });
});
