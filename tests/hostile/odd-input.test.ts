// Odd but parseable input, named for what it is: each YAML oddity (a tag lokmin does not use, a
// file saved as UTF-16 or UTF-32 with or without its mark, ANSI bytes, a NUL, an alias to no anchor
// beside a real alias bomb, several documents, a list or a bare value at the top, a key that is not
// text, a merge key) gets its own message and rule at its line — never the message of another
// (a !!binary value called a mapping, UTF-16 called "must be a mapping", an undefined alias called a
// billion-laughs attack). An inverted scale is blamed on the scale; numbers in messages are written
// for people (no 5e-324, Infinity or float noise); a very long line is shown around its column.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { underline } from "../../src/cli/ui.js";
import { human, humanRange } from "../../src/i18n/index.js";
import { copyWorkspace as copyFixture, EXAMPLE, lokmin, MINI, tempDir } from "../helpers.js";
import { checked } from "../unit/support.js";

/**
 * A copy of a fixture workspace without a lock: another test file may be running a command in the
 * fixture itself at the moment it is copied, and its live lock would travel with the copy.
 */
function copyWorkspace(source: string): string {
  const ws = copyFixture(source);
  rmSync(path.join(ws, ".lokmin", "lock"), { force: true });
  return ws;
}

const KIA = "2024-02/program/kia.yaml";
const R = "2024-02/rapat.yaml";
const ANALISIS = "analisis: Kunjungan rendah di dusun terjauh";

interface Case {
  name: string;
  file: string;
  /** The file's new content: text (from the original) or bytes. */
  make: (original: string) => string | Buffer;
  rule: string;
  /** Where the finding points: text on that line (line 1 when absent). */
  line?: string;
  says: RegExp;
  /** Messages of other oddities it must not get. */
  not?: RegExp;
}

const replace = (from: string, to: string) => (s: string) => {
  if (!s.includes(from)) throw new Error(`fixture has no ${from}`);
  return s.replace(from, to);
};
const NOT_A_MAPPING = /harus pemetaan|must be a mapping/;
const BOMB = /billion/;
const utf16le = (s: string) => Buffer.from(s, "utf16le");
const utf32le = (s: string) => Buffer.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8, 0, 0]));
const bom = (mark: number[], body: Buffer) => Buffer.concat([Buffer.from(mark), body]);

const cases: Case[] = [
  // Tags lokmin does not use, where text, a number or a mapping is expected.
  ...(
    [
      ["!!binary aGVsbG8=", "!!binary", /data biner/],
      ["!!timestamp 2024-01-01", "!!timestamp", /waktu gaya YAML 1\.1/],
      ["!!set {a, b}", "!!set", /himpunan/],
      ["!!omap [{a: 1}]", "!!omap", /pemetaan berurutan/],
      ["!!pairs [{a: 1}]", "!!pairs", /daftar pasangan/],
      ["!foo teks", "!foo", /tanda buatan sendiri/],
    ] as const
  ).map(([value, tag, meaning]): Case => ({
    name: `a ${tag} value where text is expected`,
    file: KIA,
    make: replace(ANALISIS, `analisis: ${value}`),
    rule: "yaml/tag",
    line: `analisis: ${value}`,
    says: new RegExp(`^analisis: nilai bertanda ${tag} \\(${meaning.source}[^)]*\\)+; .*hapus '${tag}'`),
    not: /kunci tidak dikenal|harus teks/,
  })),
  {
    name: "a !!binary value where a number is expected",
    file: KIA,
    make: replace("bulan_ini: 9", "bulan_ini: !!binary OQ=="),
    rule: "yaml/tag",
    line: "bulan_ini: !!binary",
    says: /^indikator\[0\]\.bulan_ini: nilai bertanda !!binary/,
    not: /pemetaan/,
  },
  {
    name: "a !!timestamp date",
    file: R,
    make: replace("tanggal: 2024-02-20", "tanggal: !!timestamp 2024-02-20"),
    rule: "yaml/tag",
    line: "tanggal: !!timestamp",
    says: /^tanggal: nilai bertanda !!timestamp/,
  },
  {
    name: "a whole file that is one !!binary value",
    file: R,
    make: () => "!!binary aGVsbG8=\n",
    rule: "yaml/tag",
    says: /^isi berkas: nilai bertanda !!binary \(data biner/,
    not: NOT_A_MAPPING,
  },
  {
    name: "a mapping with a custom tag",
    file: R,
    make: (s) => `!rapat\n${s}`,
    rule: "yaml/tag",
    says: /^isi berkas: nilai bertanda !rapat \(tanda buatan sendiri\)/,
  },
  {
    name: "!!str on a number",
    file: KIA,
    make: replace("bulan_ini: 9", "bulan_ini: !!str 9"),
    rule: "schema/type",
    line: "bulan_ini: !!str 9",
    says: /harus angka, tertulis teks '9' \(ditandai !!str\)/,
  },
  // Encodings.
  ...(
    [
      ["UTF-16 LE with its mark", (s: string) => bom([0xff, 0xfe], utf16le(s)), "UTF-16 LE"],
      ["UTF-16 LE without a mark", (s: string) => utf16le(s), "UTF-16 LE"],
      ["UTF-16 BE with its mark", (s: string) => bom([0xfe, 0xff], utf16le(s).swap16()), "UTF-16 BE"],
      ["UTF-16 BE without a mark", (s: string) => utf16le(s).swap16(), "UTF-16 BE"],
      ["UTF-32 LE with its mark", (s: string) => bom([0xff, 0xfe, 0, 0], utf32le(s)), "UTF-32 LE"],
      ["UTF-32 LE without a mark", (s: string) => utf32le(s), "UTF-32 LE"],
      ["UTF-32 BE with its mark", (s: string) => bom([0, 0, 0xfe, 0xff], utf32le(s).swap32()), "UTF-32 BE"],
      ["UTF-32 BE without a mark", (s: string) => utf32le(s).swap32(), "UTF-32 BE"],
    ] as const
  ).map(([name, make, encoding]): Case => ({
    name: `rapat.yaml saved as ${name}`,
    file: R,
    make,
    rule: "yaml/encoding",
    says: new RegExp(`^berkas tersimpan sebagai ${encoding}, bukan UTF-8; simpan ulang sebagai UTF-8`),
    not: NOT_A_MAPPING,
  })),
  {
    name: "Latin-1 (ANSI) bytes",
    file: KIA,
    make: (s) => Buffer.from(s.replace("dusun terjauh", "dusun terjauh café"), "latin1"),
    rule: "yaml/encoding",
    line: "analisis:",
    says: /^berkas bukan UTF-8: byte 0xE9 di sini tidak sah \(dalam ANSI\/Latin-1 itu 'é'\)/,
  },
  {
    name: "a NUL byte",
    file: KIA,
    make: replace("dusun terjauh", "dusun\u0000 terjauh"),
    rule: "yaml/encoding",
    line: "analisis:",
    says: /^karakter kendali tak terlihat \(U\+0000 NUL\) di sini/,
  },
  {
    name: "a bell character",
    file: KIA,
    make: replace("dusun terjauh", "dusun\u0007 terjauh"),
    rule: "yaml/encoding",
    line: "analisis:",
    says: /karakter kendali tak terlihat \(U\+0007\)/,
  },
  // Aliases.
  {
    name: "an alias to no anchor",
    file: KIA,
    make: replace(ANALISIS, "analisis: *tidak-ada"),
    rule: "yaml/alias",
    line: "analisis: *tidak-ada",
    says: /^analisis: alias \*tidak-ada tidak merujuk anchor mana pun \(&tidak-ada harus ditulis lebih dulu/,
    not: BOMB,
  },
  {
    name: "an alias written before its anchor",
    file: KIA,
    make: replace(ANALISIS, "analisis: *nanti\ncatatan_lain: &nanti teks"),
    rule: "yaml/alias",
    line: "analisis: *nanti",
    says: /alias \*nanti tidak merujuk anchor/,
    not: BOMB,
  },
  {
    name: "a real alias bomb",
    file: KIA,
    make: (s) =>
      `${s}x1: &a [l, l, l, l, l, l, l, l, l, l]\nx2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n` +
      "x3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nx4: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
    rule: "yaml/alias",
    line: "x2: &b",
    says: BOMB,
  },
  {
    name: "a %YAML 1.1 directive (dates read as timestamps, yes/no as booleans)",
    file: R,
    make: (s) => `%YAML 1.1\n---\n${s}`,
    rule: "yaml/syntax",
    line: "%YAML 1.1",
    says: /^baris %YAML 1\.1 meminta YAML versi lama/,
    not: /pemetaan/,
  },
  // Documents and what the top holds.
  {
    name: "a stream of two documents",
    file: KIA,
    make: (s) => `${s}---\nprogram: gizi\n`,
    rule: "yaml/syntax",
    line: "---",
    says: /lebih dari satu dokumen \('---'\); sisakan satu/,
  },
  {
    name: "a list at the top",
    file: KIA,
    make: () => "- program: kia\n- bulan: 2024-02\n",
    rule: "yaml/not-a-mapping",
    says: /^isi berkas adalah daftar \(- butir\), padahal harus pemetaan kunci: nilai/,
  },
  {
    name: "a bare text at the top",
    file: KIA,
    make: () => "program kia bulan februari\n",
    rule: "yaml/not-a-mapping",
    says: /^isi berkas adalah teks 'program kia bulan februari' saja/,
  },
  {
    name: "a bare number at the top",
    file: KIA,
    make: () => "2024\n",
    rule: "yaml/not-a-mapping",
    says: /^isi berkas adalah angka 2024 saja/,
  },
  // Keys that are not text.
  {
    name: "a list as a key",
    file: KIA,
    make: (s) => `${s}? [a, b]\n: x\n`,
    rule: "yaml/key",
    line: "? [a, b]",
    says: /^kunci berupa daftar atau pemetaan \(\[a, b\]\): setiap kunci harus teks/,
  },
  {
    name: "a number as a key",
    file: KIA,
    make: (s) => `${s}1: x\n`,
    rule: "yaml/key",
    line: "1: x",
    says: /^kunci 1 dibaca sebagai angka, padahal setiap kunci harus teks; beri tanda kutip: "1":/,
  },
  {
    name: "a Daftar Tilik answer keyed 01 unquoted",
    file: R,
    make: (s) => `${s}supervisi:\n  tanggal: 2024-02-20\n  jawaban:\n    01: true\n`,
    rule: "yaml/key",
    line: "01: true",
    says: /^kunci 01 dibaca sebagai angka, .*"01":/,
  },
  {
    name: "null as a key",
    file: KIA,
    make: (s) => `${s}null: x\n`,
    rule: "yaml/key",
    line: "null: x",
    says: /^kunci kosong \(null\): setiap kunci harus teks/,
  },
  {
    name: "~ as a key",
    file: KIA,
    make: (s) => `${s}~: x\n`,
    rule: "yaml/key",
    line: "~: x",
    says: /^kunci kosong \(null\)/,
  },
  {
    name: "true as a key",
    file: KIA,
    make: (s) => `${s}true: x\n`,
    rule: "yaml/key",
    line: "true: x",
    says: /^kunci true dibaca sebagai true\/false/,
  },
  {
    name: "a merge key",
    file: KIA,
    make: replace("rpk:\n  - kegiatan: Posyandu dusun\n", "rpk:\n  - <<: {kegiatan: Posyandu dusun}\n"),
    rule: "yaml/key",
    line: "<<:",
    says: /^kunci gabungan '<<' \(merge key YAML 1\.1\) tidak dipakai lokmin/,
  },
];

describe("odd but parseable input gets its own message at its line", () => {
  it.each(cases)("$name", ({ file, make, rule, line, says, not }) => {
    const root = copyWorkspace(MINI);
    const full = path.join(root, file);
    const content = make(readFileSync(full, "utf8"));
    writeFileSync(full, content);
    const findings = checked(root).findings.filter((f) => f.file === file && f.severity === "error");
    expect(findings.map((f) => f.rule)).toContain(rule);
    const hit = findings.find((f) => f.rule === rule)!;
    expect(hit.message).toMatch(says);
    if (not) for (const f of findings) expect(f.message).not.toMatch(not);
    const text = typeof content === "string" ? content : content.toString("latin1");
    const expected = line ? text.split("\n").findIndex((l) => l.includes(line)) + 1 : 1;
    expect(hit.line).toBe(expected);
  });

  it("core tags the schema understands stay accepted (!!int on a count, !!str on text)", () => {
    const root = copyWorkspace(MINI);
    const file = path.join(root, KIA);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("bulan_ini: 9", "bulan_ini: !!int 9").replace(ANALISIS, `analisis: !!str 42`),
    );
    expect(checked(root).findings.filter((f) => f.file === KIA && f.severity === "error")).toEqual([]);
  });
});

describe("schema oddities", () => {
  it("an inverted scale is blamed on the scale in lokmin.yaml, not on the scores", async () => {
    const root = copyWorkspace(MINI);
    const file = path.join(root, "lokmin.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "  seri: bersama",
        "  seri: bersama\n  usg:\n    skala:\n      min: 5\n      max: 1",
      ),
    );
    const r = await lokmin(["-C", root, "check", "--json"]);
    const findings = JSON.parse(r.stdout).findings as Array<{
      rule: string;
      file: string;
      line: number;
      message: string;
    }>;
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "schema/value",
        file: "lokmin.yaml",
        line: readFileSync(file, "utf8").split("\n").indexOf("      min: 5") + 1,
        message:
          "penilaian.usg.skala: min 5 lebih besar dari max 1, jadi tidak ada skor yang muat; tukar keduanya " +
          "(min: 1, max: 5)",
      }),
    ]);
    const rank = await lokmin(["-C", root, "rank", "2024-02"]);
    expect(rank.status).toBe(2);
    expect(rank.stderr).toContain("min 5 lebih besar dari max 1");
    expect(rank.stderr).not.toContain("di luar rentang");
  });

  it("a cost score of 0 names the range as people read it, never 5e-324", async () => {
    // Reinke divides by the cost, so a scale from 0 lets the cost be anything above 0.
    const root = copyWorkspace(MINI);
    const config = path.join(root, "lokmin.yaml");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace(
        "  seri: bersama",
        "  seri: bersama\n  reinke:\n    skala: {min: 0, max: 5}",
      ),
    );
    const file = path.join(root, R);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "    total: 12\n",
        "    solusi:\n      - id: s1\n        uraian: Sweeping\n        skor: {m: 4, i: 5, v: 3, c: 0}\n" +
          "    total: 12\n",
      ),
    );
    const r = await lokmin(["-C", root, "rank", "2024-02", "--solusi"]);
    const output = r.stdout + r.stderr;
    expect(output).toContain("skor c = 0 di luar rentang lebih dari 0 sampai 5");
    expect(output).not.toMatch(/\de-\d|Infinity|NaN/);
  });

  it("numbers in messages: no exponent, no float noise, no Infinity", () => {
    expect(human(5e-324)).toBe("> 0");
    expect(human(0.1 + 0.2)).toBe("0,3");
    expect(human(1e21)).toBe("1000000000000000000000");
    expect(human(Number.POSITIVE_INFINITY)).toBe("tak hingga");
    expect(human(-2.5)).toBe("-2,5");
    expect(humanRange(Number.MIN_VALUE, 5)).toBe("lebih dari 0 sampai 5");
    expect(humanRange(0.5, 10)).toBe("0,5–10");
  });

  it("a number out of range in a file is shown as written, and a huge one without exponent", () => {
    const root = copyWorkspace(MINI);
    const file = path.join(root, "lokmin.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("target: 100\n", "target: 1000000000000000000000000\n"));
    const hit = checked(root).findings.find((f) => f.rule === "schema/number")!;
    expect(hit.message).toBe("program[0].indikator[0].target: paling besar 100, tertulis 1000000000000000000000000");
  });
});

describe("a very long line", () => {
  it("is shown around the column the finding points at, never thousands of characters wide", async () => {
    const root = copyWorkspace(MINI);
    const file = path.join(root, KIA);
    writeFileSync(file, readFileSync(file, "utf8").replace(ANALISIS, `analisis: ${"x".repeat(50_000)}: y`));
    const r = await lokmin(["-C", root, "check", "2024-02"]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400);
    const caret = lines.findIndex((l) => /^\s+\| +\^/.test(l));
    expect(caret).toBeGreaterThan(0);
    expect(lines[caret - 1]).toMatch(/^ {2}16 \| analisis: x+\.\.\.$/);
    expect(lines[caret - 1].length).toBeLessThan(180);
  });

  it("the quoted window keeps the marks under the same characters", () => {
    const line = `${"a".repeat(1000)}B${"c".repeat(1000)}`;
    for (const column of [0, 10, 150, 500, 1000, 1990, 2000]) {
      const { shown, marks } = underline(line, column, column + 1);
      expect(shown.length).toBeLessThanOrEqual(170);
      expect(shown[marks.indexOf("^")]).toBe(line[column]);
    }
  });
});

describe("a coverage CSV in another encoding", () => {
  it("UTF-16 (Excel's Unicode text), with or without its mark, is read; UTF-32 is named", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const csv = "program;indikator;desa;bulan ini\r\nkia;bumil;Sukamaju;20\r\n";
    const file = path.join(tempDir(), "capaian.csv");
    for (const bytes of [bom([0xff, 0xfe], utf16le(csv)), utf16le(csv).swap16()]) {
      writeFileSync(file, bytes);
      const r = await lokmin(["import", "2024-06", file], { cwd: ws });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(path.join(ws, "2024-06/program/kia.yaml"), "utf8")).toMatch(
        /desa: Sukamaju\n {8}sasaran: \d+\n {8}bulan_ini: 20\n/,
      );
    }
    writeFileSync(file, utf32le(csv));
    const r = await lokmin(["import", "2024-06", file], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("capaian.csv: berkas CSV ini tersimpan sebagai UTF-32; simpan ulang sebagai CSV UTF-8");
  });
});
