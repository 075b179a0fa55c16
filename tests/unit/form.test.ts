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
import type { ReadCell, ReadSheet, ReadWorkbook, WorkbookSpec } from "../../src/domain/form/workbook.js";
import { buildMeeting, buildProgramReport } from "../../src/domain/scaffold.js";
import { type ProgramReport, workspaceSchema } from "../../src/domain/schema.js";
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
        fc.pre(input.month !== "2024-01" && input.previousPrograms?.[0]?.indikator[2].kumulatif !== null);
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
      "x.csv, baris 2, kolom program: program 'gizi' tidak ada di bulan 2024-05",
      "x.csv, baris 3, kolom indikator: indikator 'nope' tidak ada di program kia",
    ]);
  });
});
