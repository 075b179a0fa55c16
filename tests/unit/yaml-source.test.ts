import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { meetingSchema, workspaceSchema } from "../../src/domain/schema.js";
import {
  decodeUtf8,
  loadValidated,
  mayHaveThousandsPoint,
  parseYaml,
  toData,
  tooDeepAt,
} from "../../src/io/yaml-source.js";
import { MINI } from "../helpers.js";

const person = z.strictObject({ nama: z.string(), nip: z.string().optional(), tanggal: z.iso.date().optional() });

describe("loader positions", () => {
  it("reports a typo'd key at its line with a did-you-mean hint", () => {
    const { findings: diagnostics } = loadValidated("nama: Ani\ntangal: 2024-01-01\n", "a.yaml", person);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: "schema/unknown-key", file: "a.yaml", line: 2, column: 1 });
    expect(diagnostics[0].message).toContain("'tanggal'");
  });

  it("keeps line numbers right in CRLF files", () => {
    const { findings: diagnostics } = loadValidated("nama: Ani\r\n\r\n# komentar\r\nnip: 12\r\n", "b.yaml", person);
    expect(diagnostics[0]).toMatchObject({ line: 4, column: 6 });
  });

  it("asks to quote an unquoted 18-digit NIP instead of rounding it", () => {
    const { findings: diagnostics } = loadValidated("nama: Ani\nnip: 196908262002122003\n", "c.yaml", person);
    expect(diagnostics[0].rule).toBe("schema/unquoted-number");
    expect(diagnostics[0].message).toContain('"196908262002122003"');
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 6 });
  });

  it("rejects an impossible date at its position", () => {
    const { findings: diagnostics } = loadValidated("nama: Ani\ntanggal: 2024-02-30\n", "d.yaml", person);
    expect(diagnostics[0]).toMatchObject({ line: 2, column: 10 });
  });

  it("reports duplicate keys, tabs and syntax errors as diagnostics, never throws", () => {
    expect(parseYaml("a: 1\na: 2\n", "e.yaml").findings[0]).toMatchObject({ rule: "yaml/duplicate-key", line: 2 });
    expect(parseYaml("a:\n\t- 1\n", "f.yaml").findings.length).toBeGreaterThan(0);
    expect(parseYaml("a: [1, 2\n", "g.yaml").findings[0].line).toBeGreaterThan(0);
    expect(parseYaml("", "h.yaml").findings[0].rule).toBe("yaml/empty");
    expect(parseYaml("- 1\n", "i.yaml").findings[0].rule).toBe("yaml/not-a-mapping");
  });

  it("refuses a billion-laughs alias bomb", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
    ].join("\n");
    const parsed = parseYaml(bomb, "bomb.yaml");
    const result = toData(parsed.source!);
    expect(result.findings[0].rule).toBe("yaml/alias");
  });

  it("strips a BOM and reports Latin-1 bytes at their line", () => {
    const bom = decodeUtf8(Buffer.from("\uFEFFnama: Ani\n", "utf8"), "j.yaml");
    expect(bom).toMatchObject({ bom: true, text: "nama: Ani\n" });
    const latin1 = decodeUtf8(
      Buffer.concat([Buffer.from("nama: Ani\nalamat: Jl. "), Buffer.from([0xe9]), Buffer.from("\n")]),
      "k.yaml",
    );
    expect(latin1.finding).toMatchObject({ rule: "yaml/encoding", line: 2 });
  });

  it("points a missing required key at its parent", () => {
    const text = readFileSync(path.join(MINI, "2024-01/rapat.yaml"), "utf8").replace("pimpinan: kapus\n", "");
    const { findings: diagnostics } = loadValidated(text, "r.yaml", meetingSchema);
    expect(diagnostics.map((d) => d.rule)).toEqual(["schema/missing-key"]);
    expect(diagnostics[0].message).toContain("pimpinan");
  });

  it("accepts the mini fixture's lokmin.yaml", () => {
    const text = readFileSync(path.join(MINI, "lokmin.yaml"), "utf8");
    expect(loadValidated(text, "lokmin.yaml", workspaceSchema).findings).toEqual([]);
  });
});

describe("nesting too deep is decided before parsing, whatever stack is left", () => {
  it("flow brackets past 64 levels are yaml/depth at the bracket, 64 are fine", () => {
    const nested = (n: number) => `a: 1\nx: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    expect(tooDeepAt(nested(64))).toBeUndefined();
    expect(tooDeepAt(nested(65))).toEqual({ line: 2, column: 68 });
    const parsed = parseYaml(nested(70), "dalam.yaml");
    expect(parsed.findings.map((f) => [f.rule, f.line])).toEqual([["yaml/depth", 2]]);
  });

  it("indentation or compact sequences past 256 columns are too deep; closed brackets do not add up", () => {
    expect(tooDeepAt(`x:\n${" ".repeat(257)}y: 1\n`)).toEqual({ line: 2, column: 257 });
    expect(tooDeepAt(`x: ${"- ".repeat(129)}a\n`)).toBeUndefined(); // not at the start of a line
    expect(tooDeepAt(`${"- ".repeat(129)}a\n`)).toEqual({ line: 1, column: 257 });
    expect(tooDeepAt(`${"x: [a, {b: c}]\n".repeat(500)}`)).toBeUndefined();
  });
});

describe("which files may hold a count written with a thousands point", () => {
  it("a whole value after a key, a dash, a bracket or alone on a line; not a number inside a text", () => {
    for (const text of [
      "kumulatif: 2.000\n",
      "x:\n  - 12.500 # jumlah\n",
      "per_desa: {a: 1.000, b: 2}\n",
      "  1.000.000\r\n",
    ])
      expect(mayHaveThousandsPoint(text), text).toBe(true);
    for (const text of [
      "biaya: Rp 8.000.000\n",
      "catatan: naik 2.000 orang\n",
      "capaian_persen: 41.67\n",
      "x: 2.0001\n",
    ])
      expect(mayHaveThousandsPoint(text), text).toBe(false);
  });
});
