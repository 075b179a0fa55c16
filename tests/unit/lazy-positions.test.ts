// A finding's position is found without parsing its whole file when the file was read by the fast
// path or the cache: the text is cut by its lines' indentation down to the entry the path leads
// into, and only that entry is parsed (src/io/positions-parts.ts). These tests hold that shortcut
// to the whole file's parse: for every path of real and awkward files (comments, CRLF, block
// scalars, lists at the key's indentation, the first key missing), start and end are what the
// whole Document gives.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { PathSegment } from "../../src/domain/findings.js";
import { locate, YamlSource } from "../../src/io/yaml-source.js";
import { yamlLib } from "../../src/io/yaml-lib.js";

const repo = path.resolve(import.meta.dirname, "..", "..");

/** Every path of a parsed document's data, and a missing child under each (a key and an item). */
function pathsOf(text: string): PathSegment[][] {
  const y = yamlLib();
  const out: PathSegment[][] = [[], ["tidak_ada"]];
  const walk = (node: unknown, at: PathSegment[]) => {
    out.push(at);
    if (y.isMap(node)) {
      out.push([...at, "tidak_ada"]);
      for (const pair of node.items) if (y.isScalar(pair.key)) walk(pair.value, [...at, String(pair.key.value)]);
    } else if (y.isSeq(node)) {
      out.push([...at, node.items.length]);
      node.items.forEach((item, index) => walk(item, [...at, index]));
    } else out.push([...at, "tidak_ada"]);
  };
  const doc = y.parseDocument(text);
  if (y.isMap(doc.contents))
    for (const pair of doc.contents.items) if (y.isScalar(pair.key)) walk(pair.value, [String(pair.key.value)]);
  return out;
}

/**
 * The positions of every path, found lazily (one source, as for the findings of one file) and from
 * the whole parse; how many paths took the shortcut.
 */
function compare(text: string, label: string): number {
  const whole = new YamlSource("f.yaml", text, false);
  void whole.doc;
  const lazy = new YamlSource("f.yaml", text, false);
  let shortcut = 0;
  for (const at of pathsOf(text)) {
    if (lazy.narrow(at)) shortcut++;
    for (const prefer of ["key", "value"] as const)
      expect(locate(lazy, at, prefer), `${label} ${JSON.stringify(at)} ${prefer}`).toEqual(locate(whole, at, prefer));
  }
  return shortcut;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yamlFiles(file, out);
    else if (/\.ya?ml$/.test(name)) out.push(file);
  }
  return out;
}

describe("positions without parsing the whole file", () => {
  it("equal the whole parse for every path of the example's files, LF and CRLF", () => {
    const files = yamlFiles(path.join(repo, "examples", "puskesmas-sukamaju", "2024-05"));
    files.push(path.join(repo, "examples", "puskesmas-sukamaju", "lokmin.yaml"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      // The shortcut is taken for these files (else this would compare the whole parse with itself).
      expect(compare(text, file), file).toBeGreaterThan(0);
      expect(compare(text.replace(/\r?\n/g, "\r\n"), `${file} (CRLF)`), file).toBeGreaterThan(0);
    }
  });

  it("equal the whole parse on awkward layouts: comments anywhere, block scalars, lists at a key's indentation", () => {
    const texts = [
      "# kepala\n\n# dua\nbulan: 2024-05 # catatan\n# antara\ncatatan: |\n  satu\n\n  # bukan komentar\n# sesudah\n" +
        "daftar:\n- a\n-   b # c\n- - x\n  - y\n-\n  k: v\n\nakhir: >-\n  dilipat\n  lagi\n\n\n# penutup\n",
      "a:\n  b:\n    c: [1, 2,\n      3]\n    d: {e: 1,\n      f: 2}\n  # tutup\ng: 'satu\n  dua'\nh: \"x\n  y\"\n",
      "a: polos\n  lanjut\n  lagi\nb:\n\nc: ~\nd: null\ne: []\nf: {}\n",
      "x: 1\ny:\n  - id: m1\n    skor: {u: 3}\n  - id: m2\nz: tanpa baris akhir",
      "nama: Pétir 😀\nnip: '1989'\ntabel:\n  - [a, b]\n  - {p: q}\n",
      "a: &jangkar 1\nb: *jangkar\nc:\n  d: !!str 5\n",
      // Nested: comments at every indentation, items without a value on the dash's line, compact
      // lists under a key inside an item, block scalars and flow collections inside items.
      "indikator:\n  # pertama\n  - id: a\n    # di dalam\n    per_desa:\n    - desa: X\n      kumulatif: 1\n" +
        "  # antara\n    - desa: Y\n      catatan: |\n        # teks\n        baris\n\n" +
        "      kumulatif: 2 # komentar\n  -\n    id: b\n    skor: {u: 1,\n      s: 2}\n" +
        "    daftar: [1,\n      2]\n    polos: satu\n      dua\n  - - x\n    - y\n  - teks\n  -\n" +
        '  - id: c\n    true: 1\n    "kutip": 2\n    ? tanya\n    : jawab\n    null: 3\nakhir: 1\n',
      "a:\n    b:\n          c: 1\n          d:\n            - 1\n    e: 2\nf:\n  - g:\n      h: 1\n    i: 2\n",
      "a:\n  - id: x\n    id2: y\n    blok: >-\n      lipat\n\n  # sesudah\n\n  - id: z\nb: 2",
    ];
    for (const [i, text] of texts.entries()) {
      expect(compare(text, `awkward ${i}`)).toBeGreaterThan(0);
      expect(compare(text.replace(/\n/g, "\r\n"), `awkward ${i} CRLF`)).toBeGreaterThan(0);
    }
  });

  it("a finding's line:column in a file with comments and CRLF is the whole parse's (the month's rapat.yaml)", () => {
    const text = readFileSync(path.join(repo, "examples", "puskesmas-sukamaju", "2024-05", "rapat.yaml"), "utf8")
      .replace(/\r?\n/g, "\r\n")
      .replace(/^bulan:/m, "# disepakati\r\nbulan:");
    const whole = new YamlSource("rapat.yaml", text, false);
    void whole.doc;
    for (const at of [["ruk"], ["audit_internal"], ["masalah", 0, "judul"], ["kesepakatan", 1, "tenggat"]]) {
      const lazy = new YamlSource("rapat.yaml", text, false);
      expect(lazy.narrow(at), String(at)).toBeDefined();
      expect(locate(lazy, at, "value"), String(at)).toEqual(locate(whole, at, "value"));
    }
  });

  it("cuts down to the entry the path leads into: a program file's indicator figure parses one line", () => {
    const text = readFileSync(
      path.join(repo, "examples", "puskesmas-sukamaju", "2024-05", "program", "kia.yaml"),
      "utf8",
    );
    const source = new YamlSource("kia.yaml", text, false);
    expect(source.narrow(["indikator", 1, "kumulatif"])?.rest).toEqual(["kumulatif"]);
    expect(source.narrow(["indikator", 0, "per_desa", 2, "bulan_ini"])?.rest).toEqual(["bulan_ini"]);
    expect(source.narrow(["indikator", 0, "per_desa", 2])?.rest).toEqual([0]);
    // A missing item or key: walked from the deepest entry there is.
    expect(source.narrow(["indikator", 99, "kumulatif"])?.rest).toEqual(["indikator", 99, "kumulatif"]);
    expect(source.narrow(["indikator", 0, "tidak_ada"])?.rest).toEqual([0, "tidak_ada"]);
    const whole = new YamlSource("kia.yaml", text, false);
    void whole.doc;
    for (const at of [
      ["indikator", 1, "kumulatif"],
      ["indikator", 0, "per_desa", 2, "bulan_ini"],
      ["indikator", 99, "kumulatif"],
      ["indikator", 0, "tidak_ada"],
    ])
      for (const prefer of ["key", "value"] as const)
        expect(locate(source, at, prefer), String(at)).toEqual(locate(whole, at, prefer));
  });

  it("texts the shortcut cannot split are parsed whole", () => {
    for (const text of [
      "---\na: 1\n",
      "%YAML 1.2\n---\na: 1\n",
      '"a": 1\nb: 2\n',
      "? a\n: 1\n",
      "a: 1\ra: 2\n",
      "a: 1\n\tb: 2\n",
      "a: 1\na: 2\n",
      "- a\n",
      'a: "x\nb: y"\n',
      "a: [1,\nb: 2]\n",
    ]) {
      const source = new YamlSource("f.yaml", text, false);
      expect(source.narrow(["a"]), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("equal the whole parse for any data written with comments between keys, LF or CRLF", () => {
    const key = fc.stringMatching(/^[a-z][a-z_]{0,6}$/);
    const leaf = fc.oneof(
      fc.integer(),
      fc.constantFrom("teks biasa", "a: b", "# bukan", "baris\nkedua\n", "", null, true, "Sarana & Prasarana"),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, tie("list"), tie("map")),
      list: fc.array(tie("node"), { maxLength: 3 }),
      map: fc.dictionary(key, tie("node"), { maxKeys: 3 }),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(8), { maxLength: 6 }),
        (data, crlf, compact, comments) => {
          const lines = stringify(data, { indentSeq: !compact }).split("\n");
          // Comment lines before some lines, at that line's indentation or at another one.
          const text = lines
            .map((line, i) => (comments.includes(i % 9) ? `${" ".repeat((i * 3) % 7)}# catatan ${i}\n${line}` : line))
            .join("\n");
          compare(crlf ? text.replace(/\n/g, "\r\n") : text, JSON.stringify(text));
        },
      ),
      { numRuns: 200 },
    );
  });
});
