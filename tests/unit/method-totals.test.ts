// One definition per scoring method: the total `lokmin rank` computes and the guide total the
// meeting workbook's formula shows come from the same expression. For every method, hand-checked
// tables (decimals, raters, weights, ties) go through both: the ranking of the month, and the
// workbook's formulas evaluated over its cells by a tiny evaluator (tests/e2e/method-totals-calc.test.ts
// has LibreOffice Calc evaluate the same workbooks).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { METHODS, methodDef } from "../../src/domain/rank/methods.js";
import { evaluateTotal, excelTotal, type Means } from "../../src/domain/rank/total.js";
import { scoringSettingsSchema, type Scores } from "../../src/domain/schema.js";
import { cellValue, evaluateFormula, rankTable, TABLES, tableWorkbook } from "../method-support.js";

const means = (scores: Scores): Means => scores;

describe("every method's total: lokmin's computation equals the workbook's formula", () => {
  it("every method has a hand-checked table", () => {
    for (const m of METHODS)
      expect(
        TABLES.map((t) => t.method),
        m.id,
      ).toContain(m.id);
  });

  for (const table of TABLES) {
    it(table.name, () => {
      const ranked = rankTable(table);
      expect(ranked.items.map((i) => [i.total, i.rank])).toEqual(table.items.map((i) => [i.total, i.rank]));
      const { spec, cells } = tableWorkbook(table);
      expect(cells.length).toBeGreaterThanOrEqual(table.items.length);
      for (const cell of cells) {
        const sheet = spec.sheets.find((s) => s.name === cell.sheet)!;
        const excel = cellValue(sheet, cell.address);
        const where = `${table.method} ${cell.item.id} ${cell.rater} ${cell.address}: ${cell.formula}`;
        expect(typeof excel, where).toBe("number");
        if (cell.rater === "rata-rata" || cell.rater === "forum") {
          expect(excel as number, where).toBeCloseTo(cell.item.total, 9);
        } else {
          // A rater's row: the total of that rater's own scores, as written into the cell for Excel.
          expect(excel as number, where).toBeCloseTo(ranked.method.combine(means(cell.scores))!, 9);
          const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell.address)!;
          const written = sheet.rows[Number(digits) - 1]![letters.charCodeAt(0) - 65]!.value;
          expect(written as number, where).toBeCloseTo(excel as number, 9);
        }
      }
    });
  }

  it("a row not yet complete, and a Reinke cost of 0, show an empty total; lokmin computes none either", () => {
    const reinke = methodDef("reinke", scoringSettingsSchema.parse({ reinke: { skala: { min: 0, max: 5 } } }));
    const cells: Record<string, number | null> = { D1: 4, E1: 3, F1: 2, G1: 0 };
    const at = (key: string) => `${"DEFG"[reinke.criteria.findIndex((c) => c.id === key)]}1`;
    const formula = excelTotal(reinke.total, reinke.criteria, at);
    expect(formula).toBe('IF(G1=0,"",D1*E1*F1/G1)');
    expect(evaluateFormula(formula, (a) => cells[a] ?? null)).toBe("");
    expect(reinke.combine({ m: 4, i: 3, v: 2, c: 0 })).toBeNull();
    expect(reinke.criteria.find((c) => c.id === "c")!.scale.min).toBeGreaterThan(0);
    const table = TABLES.find((t) => t.method === "usg")!;
    const { spec, cells: totals } = tableWorkbook(table);
    const sheet = spec.sheets.find((s) => s.name === "Masalah")!;
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(totals[0].address)!;
    sheet.rows[Number(digits) - 1]![3] = { style: "input" }; // U emptied
    expect(cellValue(sheet, `${letters}${digits}`)).toBe("");
  });

  /** Scores and weights as people write them: one decimal. */
  const tenths = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10);

  it("property: for random decimal scores and weights, the formula and the computation agree for every method", () => {
    const settings = fc.record({
      rumus: fc.constantFrom("jumlah", "kali"),
      weights: fc.array(tenths(0, 100), { minLength: 4, maxLength: 4 }),
    });
    fc.assert(
      fc.property(settings, fc.array(tenths(5, 200), { minLength: 9, maxLength: 9 }), (s, values) => {
        const scoring = scoringSettingsSchema.parse({
          usg: { rumus: s.rumus },
          mcua: { kriteria: s.weights.map((bobot, i) => ({ id: `k${i}`, nama: `K${i}`, bobot })) },
        });
        for (const entry of METHODS) {
          for (const target of entry.untuk) {
            const method = methodDef(entry.id, scoring, target);
            const keys = method.criteria.flatMap((c) => (c.factors ? c.factors.map((f) => `${c.id}.${f}`) : [c.id]));
            const value = (i: number) => (keys[i].includes(".") ? (values[i] > 10 ? 1 : 0) : values[i]);
            const scores: Record<string, number | Record<string, number>> = {};
            keys.forEach((key, i) => {
              const [id, factor] = key.split(".");
              if (factor) ((scores[id] ??= {}) as Record<string, number>)[factor] = value(i);
              else scores[id] = value(i);
            });
            const cell = (key: string) => `R${keys.indexOf(key) + 1}`;
            const excel = evaluateFormula(excelTotal(method.total, method.criteria, cell), (a) =>
              value(Number(a.slice(1)) - 1),
            );
            const js = evaluateTotal(method.total, method.criteria, scores);
            expect(js).not.toBeNull();
            expect(excel as number).toBeCloseTo(js!, 6);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
