import { describe, expect, it } from "vitest";
import { methodDef } from "../../src/domain/rank/methods.js";
import { assignRanks, type RankInput, rankItems } from "../../src/domain/rank/rank.js";
import { scoringSettingsSchema } from "../../src/domain/schema.js";

const settings = scoringSettingsSchema.parse({});
const item = (id: string, skor: RankInput["skor"], extra: Partial<RankInput> = {}): RankInput => ({
  id,
  title: id,
  skor,
  path: ["masalah", 0],
  ...extra,
});
const rank = (
  inputs: RankInput[],
  method = methodDef("usg", settings),
  tieRule: "bersama" | "urutan" | "kriteria" = "bersama",
  tieOrder?: string[],
) => rankItems(inputs, method, { tieRule, tieOrder, file: "x.yaml" });

describe("USG", () => {
  it("sums U+S+G and ranks highest first (hand-checked)", () => {
    const r = rank([item("a", { u: 3, s: 4, g: 2 }), item("b", { u: 5, s: 5, g: 4 }), item("c", { u: 4, s: 3, g: 3 })]);
    expect(r.items.map((i) => [i.id, i.total, i.rank])).toEqual([
      ["a", 9, 3],
      ["b", 14, 1],
      ["c", 10, 2],
    ]);
  });

  it("multiplies with rumus: kali", () => {
    const r = rank(
      [item("a", { u: 3, s: 4, g: 2 })],
      methodDef("usg", scoringSettingsSchema.parse({ usg: { rumus: "kali" } })),
    );
    expect(r.items[0].total).toBe(24);
  });

  it("uses the local scale: 1–10 accepts 8, 1–5 refuses it with file and line", () => {
    expect(
      rank(
        [item("a", { u: 8, s: 4, g: 2 })],
        methodDef("usg", scoringSettingsSchema.parse({ usg: { skala: { min: 1, max: 10 } } })),
      ).findings,
    ).toEqual([]);
    const bad = rank([item("a", { u: 8, s: 4, g: 2 })]);
    expect(bad.items[0].total).toBeNull();
    expect(bad.findings[0]).toMatchObject({ rule: "rank/skor-rentang", file: "x.yaml" });
    expect(bad.findings[0].message).toContain("1–5");
  });

  it("reports missing and unknown criteria", () => {
    const r = rank([item("a", { u: 3, s: 4, x: 2 })]);
    expect(r.findings.map((d) => d.rule).sort()).toEqual(["rank/kriteria-tidak-dikenal", "rank/skor-kosong"]);
  });

  it("flags a written total and rank that disagree with the recomputation", () => {
    const r = rank([
      item("a", { u: 3, s: 4, g: 2 }, { total: 10, peringkat: 1 }),
      item("b", { u: 5, s: 5, g: 5 }, { total: 15, peringkat: 1 }),
    ]);
    expect(r.findings.map((d) => d.rule)).toEqual(["rank/total-berbeda", "rank/peringkat-berbeda"]);
    expect(r.findings[0].message).toContain("10");
    expect(r.findings[0].message).toContain("9");
  });
});

describe("ties", () => {
  const tied = [
    item("a", { u: 3, s: 4, g: 3 }),
    item("b", { u: 4, s: 3, g: 3 }),
    item("c", { u: 5, s: 5, g: 5 }),
    item("d", { u: 1, s: 1, g: 1 }),
  ];
  it("bersama: equal totals share a rank and the next rank is skipped", () => {
    expect(rank(tied).items.map((i) => i.rank)).toEqual([2, 2, 1, 4]);
  });
  it("urutan: equal totals follow list order", () => {
    expect(rank(tied, undefined, "urutan").items.map((i) => i.rank)).toEqual([2, 3, 1, 4]);
  });
  it("kriteria: equal totals are ordered by U, then S, then G", () => {
    const r = rank(tied, undefined, "kriteria", ["u", "s", "g"]);
    expect(r.items.map((i) => i.rank)).toEqual([3, 2, 1, 4]);
    expect(r.tie_note).toContain("u > s > g");
  });
  it("assignRanks leaves unscored items unranked", () => {
    expect(
      assignRanks(
        [
          { total: 3, tiebreak: [] },
          { total: null, tiebreak: [] },
          { total: 5, tiebreak: [] },
        ],
        "bersama",
      ),
    ).toEqual([2, null, 1]);
  });
});

describe("MCUA with several raters", () => {
  it("averages raters per criterion, weights them, and shows the spread", () => {
    const method = methodDef(
      "mcua",
      scoringSettingsSchema.parse({
        mcua: {
          kriteria: [
            { id: "besar", nama: "Besar", bobot: 3 },
            { id: "mudah", nama: "Mudah", bobot: 2 },
          ],
        },
      }),
    );
    const r = rankItems(
      [
        {
          id: "a",
          title: "a",
          path: [],
          skor_penilai: [
            { penilai: "x", skor: { besar: 8, mudah: 4 } },
            { penilai: "y", skor: { besar: 6, mudah: 7 } },
          ],
        },
      ],
      method,
      { tieRule: "bersama", file: "x.yaml" },
    );
    // besar mean 7 × 3 = 21; mudah mean 5.5 × 2 = 11 → 32
    expect(r.items[0]).toMatchObject({ total: 32, raters: 2, spread: { besar: 2, mudah: 3 } });
  });
});

describe("CARL, Hanlon, Reinke", () => {
  it("CARL multiplies C×A×R×L", () => {
    expect(rank([item("a", { c: 4, a: 3, r: 5, l: 2 })], methodDef("carl", settings)).items[0].total).toBe(120);
  });
  it("Hanlon computes (A+B)×C×D with D the PEARL product", () => {
    const ok = rank(
      [item("a", { a: 6, b: 14, c: 5, pearl: { p: 1, e: 1, a: 1, r: 1, l: 1 } })],
      methodDef("hanlon", settings),
    );
    expect(ok.items[0].total).toBe(100);
    const vetoed = rank(
      [item("a", { a: 6, b: 14, c: 5, pearl: { p: 1, e: 0, a: 1, r: 1, l: 1 } })],
      methodDef("hanlon", settings),
    );
    expect(vetoed.items[0].total).toBe(0);
  });
  it("Reinke accepts decimals: M×I×V/C", () => {
    const r = rank(
      [item("a", { m: 4.5, i: 3, v: 2, c: 1.5 }), item("b", { m: 5, i: 5, v: 5, c: 5 })],
      methodDef("reinke", settings),
    );
    expect(r.items.map((i) => [i.total, i.rank])).toEqual([
      [18, 2],
      [25, 1],
    ]);
  });
});
