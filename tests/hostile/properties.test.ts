// Property tests (fast-check): ranking is a function of the scores alone, and a YAML write-back
// keeps the data and every comment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Document, parseDocument } from "yaml";
import { methodDef } from "../../src/domain/rank/methods.js";
import { type RankInput, rankItems } from "../../src/domain/rank/rank.js";
import { scoringSettingsSchema, type TieRule } from "../../src/domain/schema.js";
import { serializeYaml } from "../../src/io/write.js";
import { applyEdits } from "../../src/io/yaml-write.js";
import { YamlSource } from "../../src/io/yaml-source.js";

const usg = methodDef("usg", scoringSettingsSchema.parse({}));
const score = fc.integer({ min: 1, max: 5 });
const problems = fc.array(fc.record({ u: score, s: score, g: score }), { minLength: 1, maxLength: 12 });
const rule = fc.constantFrom<TieRule>("bersama", "urutan", "kriteria");
const inputs = (list: Array<{ u: number; s: number; g: number }>): RankInput[] =>
  list.map((skor, i) => ({ id: `m${i}`, title: `m${i}`, skor, path: ["masalah", i] }));
const rank = (list: RankInput[], tieRule: TieRule) =>
  rankItems(list, usg, { tieRule, tieOrder: ["u", "s", "g"], file: "x.yaml" });

describe("ranking properties", () => {
  it("totals do not depend on the order of the problems", () => {
    fc.assert(
      fc.property(problems, rule, fc.infiniteStream(fc.nat()), (list, tieRule, seeds) => {
        const items = inputs(list);
        const shuffled = [...items]
          .map((item) => ({ item, key: seeds.next().value }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.item);
        const byId = (r: ReturnType<typeof rank>) => Object.fromEntries(r.items.map((i) => [i.id, i.total]));
        expect(byId(rank(shuffled, tieRule))).toEqual(byId(rank(items, tieRule)));
      }),
    );
  });

  it("ranks under `urutan` are a permutation of 1..n, highest total first", () => {
    fc.assert(
      fc.property(problems, (list) => {
        const r = rank(inputs(list), "urutan");
        expect(r.items.map((i) => i.rank).sort((a, b) => a! - b!)).toEqual(list.map((_, i) => i + 1));
        for (const a of r.items)
          for (const b of r.items) if (a.total! > b.total!) expect(a.rank!).toBeLessThan(b.rank!);
      }),
    );
  });

  it("under `bersama` equal totals share a rank, and a rank is 1 + the number of strictly higher totals", () => {
    fc.assert(
      fc.property(problems, (list) => {
        const r = rank(inputs(list), "bersama");
        for (const item of r.items) expect(item.rank).toBe(1 + r.items.filter((o) => o.total! > item.total!).length);
      }),
    );
  });

  it("under `kriteria` ties are ordered by U then S then G and otherwise shared", () => {
    fc.assert(
      fc.property(problems, (list) => {
        const r = rank(inputs(list), "kriteria");
        const key = (i: (typeof r.items)[number]) => [
          i.total!,
          i.scores.u as number,
          i.scores.s as number,
          i.scores.g as number,
        ];
        for (const a of r.items)
          for (const b of r.items) {
            const [ka, kb] = [key(a), key(b)];
            const cmp = ka.findIndex((v, idx) => v !== kb[idx]);
            if (cmp === -1) expect(a.rank).toBe(b.rank);
            else if (ka[cmp] > kb[cmp]) expect(a.rank!).toBeLessThan(b.rank!);
          }
      }),
    );
  });
});

const key = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
const scalar = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;
const data = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

describe("YAML write-back properties", () => {
  it("load → write back → load gives the same data, keeps every comment, and is stable", () => {
    fc.assert(
      fc.property(data, fc.boolean(), (object, crlf) => {
        const doc = new Document(object);
        doc.commentBefore = " kepala berkas";
        (doc.contents as any).items.forEach((pair: any, i: number) => (pair.key.commentBefore = ` komentar ${i}`));
        let text = serializeYaml(doc, { eol: crlf ? "\r\n" : "\n", bom: false });
        const reparsed = parseDocument(text);
        const again = serializeYaml(reparsed, { eol: crlf ? "\r\n" : "\n", bom: false });
        expect(again).toBe(text);
        expect(reparsed.toJS()).toEqual(doc.toJS());
        text =
          applyEdits(new YamlSource("x.yaml", text, false), [{ op: "set", path: ["total_baru"], value: 42 }]) ?? text;
        const final = parseDocument(text);
        expect(final.toJS()).toEqual({ ...doc.toJS(), total_baru: 42 });
        for (let i = 0; i < Object.keys(object).length; i++) expect(text).toContain(`# komentar ${i}`);
        expect(text).toContain("# kepala berkas");
        if (crlf) expect(text.replace(/\r\n/g, "")).not.toContain("\n");
      }),
      { numRuns: 200 },
    );
  });
});
