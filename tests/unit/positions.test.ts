// Ranges of findings: a YAML path becomes the start and end of the value or key it names, parser
// errors keep their own range, and the excerpt underlines the whole range. Columns count UTF-16
// code units from 1, as VS Code and Windows Notepad show them (é one, 😀 two); a BOM is not counted.
import { describe, expect, it } from "vitest";
import type { Diagnostic, Finding, PathSegment } from "../../src/domain/findings.js";
import { displayWidth, formatDiagnostics, underline } from "../../src/cli/ui.js";
import { diagnosticJson } from "../../src/ops/findings.js";
import { position } from "../../src/io/positions.js";
import { decodeUtf8, parseYaml, YamlSource } from "../../src/io/yaml-source.js";

const PLAIN = { color: new Proxy({}, { get: () => (s: string) => s }) } as Parameters<typeof formatDiagnostics>[0];

/** The diagnostic of a finding at `path` in `text` (a point at the key unless `at` says value). */
function at(text: string, path: PathSegment[], where: "key" | "value" = "value"): Diagnostic {
  const source = new YamlSource("f.yaml", text, false);
  const finding: Finding = { rule: "x/y", severity: "error", file: "f.yaml", path, at: where, message: "m" };
  return position(finding, () => source);
}

/** [start line, start column, end line, end column] of a diagnostic. */
const range = (d: Diagnostic) => [d.start.line, d.start.column, d.end.line, d.end.column];

/** The text a range covers, lines joined by \n (to check a range by what it underlines). */
function covered(text: string, d: Diagnostic): string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (d.start.line === d.end.line) return lines[d.start.line - 1].slice(d.start.column - 1, d.end.column - 1);
  return [
    lines[d.start.line - 1].slice(d.start.column - 1),
    ...lines.slice(d.start.line, d.end.line - 1),
    lines[d.end.line - 1].slice(0, d.end.column - 1),
  ].join("\n");
}

/** The two excerpt lines (quoted line, marks) of one diagnostic printed over `text`. */
const excerpt = (text: string, d: Diagnostic) => formatDiagnostics(PLAIN, [d], () => text).slice(2, 4);

describe("a path's range in the text", () => {
  it("plain, double- and single-quoted scalars: the value without its comment, quotes included", () => {
    const text = "a: plain text  # catatan\nb: \"1.450 orang\"\nc: 'Aula: lantai 2'\n";
    expect(covered(text, at(text, ["a"]))).toBe("plain text");
    expect(range(at(text, ["b"]))).toEqual([2, 4, 2, 17]);
    expect(covered(text, at(text, ["b"]))).toBe('"1.450 orang"');
    expect(covered(text, at(text, ["c"]))).toBe("'Aula: lantai 2'");
  });

  it("a key when asked for the key, and for a key whose value is empty", () => {
    const text = "kumulatif: 150\nevaluasi_kehadiran:\nnext: 1\n";
    expect(covered(text, at(text, ["kumulatif"], "key"))).toBe("kumulatif");
    expect(range(at(text, ["kumulatif"], "key"))).toEqual([1, 1, 1, 10]);
    expect(covered(text, at(text, ["evaluasi_kehadiran"]))).toBe("evaluasi_kehadiran");
  });

  it("block scalars: from the indicator to the last line of text, a '#' line included", () => {
    const text = "a: |\n  baris satu\n  # bukan komentar\n\nb: >-\n  dilipat\n";
    const literal = at(text, ["a"]);
    expect(range(literal)).toEqual([1, 4, 3, 19]);
    expect(covered(text, literal)).toBe("|\n  baris satu\n  # bukan komentar");
    expect(range(at(text, ["b"]))).toEqual([5, 4, 6, 10]);
  });

  it("multi-line plain and quoted scalars end where their text ends", () => {
    const text = 'a: satu\n  dua\nb: "tiga\n  empat"\nc: 1\n';
    expect(range(at(text, ["a"]))).toEqual([1, 4, 2, 6]);
    expect(range(at(text, ["b"]))).toEqual([3, 4, 4, 9]);
  });

  it("flow collections whole, and an item inside them", () => {
    const text = "hadir: [kapus, bidan, tu]\nskor: {u: 3, s: 5}\n";
    expect(covered(text, at(text, ["hadir"]))).toBe("[kapus, bidan, tu]");
    expect(covered(text, at(text, ["hadir", 1]))).toBe("bidan");
    expect(covered(text, at(text, ["skor"]))).toBe("{u: 3, s: 5}");
    expect(covered(text, at(text, ["skor", "s"]))).toBe("5");
    expect(covered(text, at(text, ["skor", "s"], "key"))).toBe("s");
  });

  it("block collections: from the first item to the end of the last, closing comments and blank lines left out", () => {
    const text = "masalah:\n  - id: m1\n    judul: Data\n  # akhir daftar\n\nrtl: []\n";
    const list = at(text, ["masalah"]);
    expect(range(list)).toEqual([2, 3, 3, 16]);
    expect(covered(text, at(text, ["masalah", 0]))).toBe("id: m1\n    judul: Data");
  });

  it("a missing key underlines the nearest existing ancestor's key; under a list item or the root, a point", () => {
    const text = "bulan: 2024-02\nlaporan_dinkes:\n  tanggal: 2024-02-22\nmasalah:\n  - id: m1\n    judul: Data\n";
    expect(covered(text, at(text, ["laporan_dinkes", "tanggal_kirim"]))).toBe("laporan_dinkes");
    expect(covered(text, at(text, ["masalah", 0, "skor", "u"]))).toBe("");
    expect(range(at(text, ["masalah", 0, "skor"]))).toEqual([5, 5, 5, 5]);
    expect(range(at(text, ["undangan"]))).toEqual([1, 1, 1, 1]);
    expect(range(at(text, []))).toEqual([1, 1, 1, 1]);
    expect(covered(text, at(text, ["masalah", 3]))).toBe("masalah");
    expect(covered(text, at(text, ["bulan", "x"]))).toBe("bulan");
  });

  it("CRLF: the same columns, and a range never takes the CR", () => {
    const lf = 'a: 1\nb: "q r"\nc:\n  - x\n  - y\n';
    const crlf = lf.replace(/\n/g, "\r\n");
    for (const path of [["a"], ["b"], ["c"], ["c", 1]])
      expect(range(at(crlf, path)), String(path)).toEqual(range(at(lf, path)));
    expect(range(at(crlf, ["c"]))).toEqual([4, 3, 5, 6]);
    expect(covered(crlf, at(crlf, ["b"]))).toBe('"q r"');
  });

  it("a BOM is not a column: the first key starts at column 1", () => {
    const decoded = decodeUtf8(Buffer.from("\uFEFFnama: Ani\nnip: 12\n", "utf8"), "b.yaml");
    const source = new YamlSource("b.yaml", decoded.text!, decoded.bom);
    const finding: Finding = { rule: "x/y", severity: "error", file: "b.yaml", path: ["nama"], message: "m" };
    expect(range(position(finding, () => source))).toEqual([1, 1, 1, 5]);
    expect(range(position({ ...finding, path: ["nip"], at: "value" }, () => source))).toEqual([2, 6, 2, 8]);
  });

  it("multi-byte characters: é (one code point) is one column, a decomposed é two, an emoji two (UTF-16)", () => {
    const text = "desa: Pétir\nx: é1\ny: e\u03011\nz: 😀1\nw: 1\n";
    expect(range(at(text, ["desa"]))).toEqual([1, 7, 1, 12]);
    expect(range(at(text, ["x"]))).toEqual([2, 4, 2, 6]);
    expect(range(at(text, ["y"]))).toEqual([3, 4, 3, 7]);
    expect(range(at(text, ["z"]))).toEqual([4, 4, 4, 7]);
    const keys = "é: 1\n😀: 2\n";
    expect(range(at(keys, ["😀"], "key"))).toEqual([2, 1, 2, 3]);
  });
});

describe("parser errors keep their own range", () => {
  const first = (text: string) => parseYaml(text, "e.yaml").findings[0];
  it("a duplicate key is underlined whole, a tab or a stray mark where the parser puts it", () => {
    expect(first("tempat: Aula\ntempat: Ruang\n")).toMatchObject({
      rule: "yaml/duplicate-key",
      line: 2,
      column: 1,
      end: { line: 2, column: 7 },
    });
    expect(first("a:\n\tb: 1\n")).toMatchObject({ rule: "yaml/tab", line: 2, column: 1, end: { line: 2, column: 2 } });
    expect(first("a: {b: - c}\n")).toMatchObject({ line: 1, column: 8, end: { line: 1, column: 9 } });
  });

  it("an error past the text's end (a quote never closed) points after the last character", () => {
    const missing = first('tempat: "Aula\nbulan: 3\n\n');
    expect(missing).toMatchObject({ rule: "yaml/syntax", line: 2, column: 9 });
    expect(missing.end).toBeUndefined();
  });

  it("a second document underlines from '---' to its last line", () => {
    const f = first("a: 1\n---\nb: 2\n");
    expect([f.line, f.column, f.end?.line, f.end?.column]).toEqual([2, 1, 3, 5]);
  });

  it("a file that is a list underlines the list", () => {
    const f = first("- satu\n- dua\n");
    expect(f).toMatchObject({ rule: "yaml/not-a-mapping", line: 1, column: 1, end: { line: 2, column: 6 } });
  });
});

describe("the excerpt underlines the range", () => {
  it("the whole quoted value, and --json gives its end", () => {
    const text = 'bulan: 2024-02\nbulan_ini: "1.450 orang"\n';
    const d = at(text, ["bulan_ini"]);
    expect(excerpt(text, d)).toEqual(['  2 | bulan_ini: "1.450 orang"', "    |            ^^^^^^^^^^^^^"]);
    expect(diagnosticJson(d)).toEqual({
      rule: "x/y",
      severity: "error",
      file: "f.yaml",
      line: 2,
      column: 12,
      end_line: 2,
      end_column: 25,
      message: "m",
    });
  });

  it("a multi-line value: its first line underlined, and where it ends", () => {
    const text = "a: 1\nanalisis: Kunjungan rendah\n  di dusun terjauh\nb: 2\n";
    expect(excerpt(text, at(text, ["analisis"]))).toEqual([
      "  2 | analisis: Kunjungan rendah",
      "    |           ^^^^^^^^^^^^^^^^ … berlanjut sampai baris 3",
    ]);
  });

  it("a point is one caret; a whole-file finding at 1:1 too", () => {
    const text = "bulan: 2024-02\n";
    expect(excerpt(text, at(text, ["tempat"]))).toEqual(["  1 | bulan: 2024-02", "    | ^"]);
  });

  it("marks line up under wide and combining characters, as the terminal draws them", () => {
    const text = "a: 😀 Pe\u0301tir 中文 x\n";
    const source = new YamlSource("f.yaml", text, false);
    const x: Finding = { rule: "x/y", severity: "error", file: "f.yaml", line: 1, column: 17, message: "m" };
    const d = position({ ...x, end: { line: 1, column: 18 } }, () => source);
    // "x" is UTF-16 column 17; 😀 and 中文 take two cells each, the combining accent none: it is drawn at cell 18.
    expect(displayWidth("a: 😀 Pe\u0301tir 中文 ")).toBe(17);
    expect(excerpt(text, d)[1]).toBe(`    | ${" ".repeat(17)}^`);
    expect(excerpt(text, at(text, ["a"]))[1]).toBe(`    |    ${"^".repeat(15)}`);
  });

  it("a line wider than 160 columns is cut to a window around the marks", () => {
    const long = `catatan: ${"x".repeat(200)} SALAH ${"y".repeat(200)}`;
    const { shown, marks } = underline(long, long.indexOf("SALAH"), long.indexOf("SALAH") + 5);
    expect(shown.length).toBeLessThanOrEqual(160);
    expect(shown.startsWith("...") && shown.endsWith("...")).toBe(true);
    expect(shown.slice(marks.indexOf("^"), marks.length)).toBe("SALAH");
    const early = underline(long, 0, 7);
    expect(early.shown.slice(0, 7)).toBe("catatan");
    expect(early.marks).toBe("^^^^^^^");
  });
});
