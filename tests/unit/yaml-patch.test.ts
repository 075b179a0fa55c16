// Surgical YAML edits on hand-styled lokmin snippets: each case pins the exact output text, so any
// byte changed outside the edited value shows up as a diff.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyYamlEdits, type YamlEdit, YamlPatchError } from "../../src/io/yaml-patch.js";

const lines = (...rows: string[]) => `${rows.join("\n")}\n`;
const apply = (text: string, ...edits: YamlEdit[]) => applyYamlEdits(text, edits);

const RAPAT = lines(
  "# yaml-language-server: $schema=../.lokmin/schema/rapat.schema.json",
  "bulan: 2024-03",
  "",
  "# Masalah dan skor USG yang disepakati forum",
  "masalah:",
  "  - id: m1",
  "    judul: 'Capaian K4 rendah' # dari laporan KIA",
  "    uraian: >",
  "      Kunjungan ibu hamil",
  "      turun di dua desa.",
  "",
  "    skor: {u: 5, s: 4, g: 3}",
  "    peringkat: 1",
  "",
  "  # kedua",
  "  - id: m2",
  '    judul: "Imunisasi \\"lengkap\\" turun"',
  "    skor: {u: 3, s: 3, g: 2} # sementara",
  "evaluasi_kesepakatan: [] # diisi lokmin carry",
  "catatan: !!str 0812",
);

describe("set", () => {
  it("adds total after skor, in block style at the mapping's indentation", () => {
    const { text, changed } = apply(RAPAT, {
      op: "set",
      path: ["masalah", 0, "total"],
      value: 12,
      after: ["skor", "skor_penilai"],
    });
    expect(changed).toBe(true);
    expect(text).toBe(RAPAT.replace("    skor: {u: 5, s: 4, g: 3}\n", "    skor: {u: 5, s: 4, g: 3}\n    total: 12\n"));
  });

  it("is idempotent: the same value again changes nothing", () => {
    const edits: YamlEdit[] = [
      { op: "set", path: ["masalah", 0, "total"], value: 12, after: ["skor"] },
      { op: "set", path: ["masalah", 0, "peringkat"], value: 1, after: ["total"] },
    ];
    const once = applyYamlEdits(RAPAT, edits);
    const twice = applyYamlEdits(once.text, edits);
    expect(twice).toMatchObject({ text: once.text, changed: false });
  });

  it("replaces only the scalar bytes and keeps the trailing comment and the quote style", () => {
    const { text } = apply(RAPAT, { op: "set", path: ["masalah", 0, "judul"], value: "Capaian K4 'naik'" });
    expect(text).toBe(RAPAT.replace("'Capaian K4 rendah'", "'Capaian K4 ''naik'''"));
  });

  it("edits inside a flow mapping and inserts a new key there after the named key", () => {
    const { text } = apply(
      RAPAT,
      { op: "set", path: ["masalah", 1, "skor", "u"], value: 4 },
      { op: "set", path: ["masalah", 1, "skor", "total"], value: 9, after: ["s"] },
    );
    expect(text).toBe(
      RAPAT.replace("skor: {u: 3, s: 3, g: 2} # sementara", "skor: {u: 4, s: 3, total: 9, g: 2} # sementara"),
    );
  });

  it("leaves a folded scalar next to the edited key intact, and can replace one", () => {
    const { text } = apply(RAPAT, { op: "set", path: ["masalah", 0, "id"], value: "m1a" });
    expect(text).toBe(RAPAT.replace("  - id: m1\n", "  - id: m1a\n"));
    const folded = apply(RAPAT, { op: "set", path: ["masalah", 0, "uraian"], value: "Singkat: saja" });
    expect(folded.text).toBe(
      RAPAT.replace("uraian: >\n      Kunjungan ibu hamil\n      turun di dua desa.\n", 'uraian: "Singkat: saja"\n'),
    );
  });

  it("keeps a !!str tag for a string and chooses quotes when plain would read as something else", () => {
    const { text } = apply(
      RAPAT,
      { op: "set", path: ["catatan"], value: "0813" },
      { op: "set", path: ["bulan"], value: "true" },
    );
    expect(text).toBe(RAPAT.replace("catatan: !!str 0812", 'catatan: !!str "0813"').replace("2024-03", '"true"'));
    expect(parse(text).bulan).toBe("true");
  });

  it("drops a tag that no longer fits the new value", () => {
    const { text } = apply(RAPAT, { op: "set", path: ["catatan"], value: 5 });
    expect(text).toBe(RAPAT.replace("catatan: !!str 0812", "catatan: 5"));
  });

  it("creates missing parent mappings and fills null parents in block style", () => {
    const base = lines("masalah:", "  - id: m1", "    skor:", "  - id: m2", "    skor: ~ # belum", "  - id: m3");
    const { text } = apply(
      base,
      { op: "set", path: ["masalah", 0, "skor", "u"], value: 5 },
      { op: "set", path: ["masalah", 1, "skor", "u"], value: 2 },
      { op: "set", path: ["masalah", 2, "skor", "u"], value: 1 },
    );
    expect(text).toBe(
      lines(
        "masalah:",
        "  - id: m1",
        "    skor:",
        "      u: 5",
        "  - id: m2",
        "    skor: # belum",
        "      u: 2",
        "  - id: m3",
        "    skor:",
        "      u: 1",
      ),
    );
  });

  it("turns an empty {} in block context into a block mapping, and keeps {} inside a flow mapping", () => {
    expect(apply("skor: {}\n", { op: "set", path: ["skor", "u"], value: 5 }).text).toBe("skor:\n  u: 5\n");
    expect(apply("a: {skor: {}}\n", { op: "set", path: ["a", "skor", "u"], value: 5 }).text).toBe(
      "a: {skor: {u: 5}}\n",
    );
  });

  it("follows the mapping's indentation (4 spaces) for new keys and nested children", () => {
    const base = lines("waktu:", '    mulai: "08.00"', "tempat: Aula");
    const { text } = apply(base, { op: "set", path: ["waktu", "jeda", "mulai"], value: "10.00" });
    expect(text).toBe(lines("waktu:", '    mulai: "08.00"', "    jeda:", '        mulai: "10.00"', "tempat: Aula"));
  });
});

describe("replace", () => {
  it("replaces a flow mapping with a block mapping at the right indentation", () => {
    const { text } = apply(RAPAT, { op: "replace", path: ["masalah", 1, "skor"], value: { u: 1, s: 2, g: 3 } });
    expect(text).toBe(
      RAPAT.replace(
        "    skor: {u: 3, s: 3, g: 2} # sementara\n",
        "    skor: # sementara\n      u: 1\n      s: 2\n      g: 3\n",
      ),
    );
  });

  it("replaces a block value with a scalar on the key line", () => {
    const base = lines("waktu:", "  mulai: a", "  selesai: b", "tempat: Aula");
    expect(apply(base, { op: "replace", path: ["waktu"], value: "pagi" }).text).toBe(
      lines("waktu: pagi", "tempat: Aula"),
    );
  });

  it("is a no-op when the data is already equal, whatever the style", () => {
    const result = apply(RAPAT, { op: "replace", path: ["masalah", 0, "skor"], value: { g: 3, s: 4, u: 5 } });
    expect(result).toMatchObject({ text: RAPAT, changed: false });
  });

  it("creates a missing key after the named one", () => {
    const { text } = apply(RAPAT, {
      op: "replace",
      path: ["masalah", 0, "akar_masalah"],
      value: [{ kategori: "Metode", uraian: "Sweeping belum terjadwal" }],
      after: ["uraian"],
    });
    expect(text).toBe(
      RAPAT.replace(
        "      turun di dua desa.\n",
        "      turun di dua desa.\n    akar_masalah:\n      - kategori: Metode\n" +
          "        uraian: Sweeping belum terjadwal\n",
      ),
    );
  });
});

describe("append", () => {
  const evaluations = [
    { id: "k-2024-02-01", status: "selesai", catatan: "Sudah dilaksanakan" },
    { id: "k-2024-02-02", status: "belum" },
  ];

  it("fills an empty [] as a block sequence below the key, keeping its comment", () => {
    const { text } = apply(RAPAT, { op: "append", path: ["evaluasi_kesepakatan"], items: evaluations });
    expect(text).toBe(
      RAPAT.replace(
        "evaluasi_kesepakatan: [] # diisi lokmin carry\n",
        [
          "evaluasi_kesepakatan: # diisi lokmin carry",
          "  - id: k-2024-02-01",
          "    status: selesai",
          "    catatan: Sudah dilaksanakan",
          "  - id: k-2024-02-02",
          "    status: belum",
          "",
        ].join("\n"),
      ),
    );
  });

  it("appends after the last item with the items' indentation: indented by two", () => {
    const { text } = apply(RAPAT, { op: "append", path: ["masalah"], items: [{ id: "m3", judul: "Baru" }] });
    expect(text).toBe(`${RAPAT.replace("# sementara\n", "# sementara\n  - id: m3\n    judul: Baru\n")}`);
  });

  it("appends to a sequence written at the same indentation as its key", () => {
    const base = lines("langkah_khusus:", "- tribulanan", "# akhir daftar", "tempat: Aula");
    expect(apply(base, { op: "append", path: ["langkah_khusus"], items: ["tahunan", { a: 1, b: 2 }] }).text).toBe(
      lines("langkah_khusus:", "- tribulanan", "- tahunan", "- a: 1", "  b: 2", "# akhir daftar", "tempat: Aula"),
    );
  });

  it("keeps the dash style of the existing items", () => {
    const base = lines("hadir:", "  -   pegawai: kapus", "      status: hadir");
    expect(apply(base, { op: "append", path: ["hadir"], items: [{ pegawai: "tu", status: "izin" }] }).text).toBe(
      lines("hadir:", "  -   pegawai: kapus", "      status: hadir", "  -   pegawai: tu", "      status: izin"),
    );
  });

  it("adds scalars inside a non-empty flow sequence, and rewrites it as block for mappings", () => {
    const base = lines("tags: [kia, gizi] # program", "x: 1");
    expect(apply(base, { op: "append", path: ["tags"], items: ["p2p"] }).text).toBe(
      lines("tags: [kia, gizi, p2p] # program", "x: 1"),
    );
    expect(apply(base, { op: "append", path: ["tags"], items: [{ id: "p2p" }] }).text).toBe(
      lines("tags: # program", "  - kia", "  - gizi", "  - id: p2p", "x: 1"),
    );
  });

  it("creates a missing or null key as a block sequence", () => {
    expect(apply("a: 1\n", { op: "append", path: ["b"], items: [1, 2] }).text).toBe("a: 1\nb:\n  - 1\n  - 2\n");
    expect(apply("b: ~\na: 1\n", { op: "append", path: ["b"], items: ["x"] }).text).toBe("b:\n  - x\na: 1\n");
    expect(apply("b:\na: 1\n", { op: "append", path: ["b"], items: ["x"] }).text).toBe("b:\n  - x\na: 1\n");
  });

  it("appends to a sequence at the root and to a null item", () => {
    expect(apply("- a\n- b\n", { op: "append", path: [], items: ["c"] }).text).toBe("- a\n- b\n- c\n");
    expect(apply("a:\n  -\n  - x\n", { op: "append", path: ["a", 0], items: [1, 2] }).text).toBe(
      "a:\n  - - 1\n    - 2\n  - x\n",
    );
  });

  it("keeps blank lines between items and puts new items after the last one", () => {
    const base = lines("hadir:", "  - kapus", "", "  - tu", "", "rapat: ok");
    expect(apply(base, { op: "append", path: ["hadir"], items: ["bidan"] }).text).toBe(
      lines("hadir:", "  - kapus", "", "  - tu", "  - bidan", "", "rapat: ok"),
    );
  });
});

describe("delete", () => {
  it("removes a key with its value lines, and nothing else", () => {
    const { text } = apply(RAPAT, { op: "delete", path: ["masalah", 0, "uraian"] });
    expect(text).toBe(RAPAT.replace("    uraian: >\n      Kunjungan ibu hamil\n      turun di dua desa.\n", ""));
  });

  it("removes a sequence item with its lines; comments before it stay", () => {
    const { text } = apply(RAPAT, { op: "delete", path: ["masalah", 1] });
    expect(text).toBe(
      RAPAT.replace('    judul: "Imunisasi \\"lengkap\\" turun"\n', "")
        .replace("  - id: m2\n", "")
        .replace("    skor: {u: 3, s: 3, g: 2} # sementara\n", ""),
    );
  });

  it("removes entries of flow collections", () => {
    expect(apply("s: {u: 5, s: 4, g: 3}\n", { op: "delete", path: ["s", "s"] }).text).toBe("s: {u: 5, g: 3}\n");
    expect(apply("s: {u: 5, s: 4, g: 3}\n", { op: "delete", path: ["s", "g"] }).text).toBe("s: {u: 5, s: 4}\n");
    expect(apply("t: [a, b]\n", { op: "delete", path: ["t", 0] }).text).toBe("t: [b]\n");
  });

  it("leaves {} or [] when the last entry goes, and is a no-op for a missing key", () => {
    expect(apply("a:\n  b: 1\nc: 2\n", { op: "delete", path: ["a", "b"] }).text).toBe("a: {}\nc: 2\n");
    expect(apply("a:\n  - 1\nc: 2\n", { op: "delete", path: ["a", 0] }).text).toBe("a: []\nc: 2\n");
    expect(apply("a: 1\n", { op: "delete", path: ["b", "c"] })).toMatchObject({ text: "a: 1\n", changed: false });
  });

  it("deleting the first key of an item keeps the other keys' lines", () => {
    expect(apply("- id: m1\n  judul: x\n", { op: "delete", path: [0, "id"] }).text).toBe("-\n  judul: x\n");
  });
});

describe("the example workspace", () => {
  const file = path.join(import.meta.dirname, "../../examples/puskesmas-sukamaju/2024-03/rapat.yaml");
  const original = readFileSync(file, "utf8");
  const solutions = (parse(original).masalah as { solusi?: Record<string, unknown>[] }[]).flatMap((m, i) =>
    (m.solusi ?? []).map((s, j) => ({ base: ["masalah", i, "solusi", j], solution: s })),
  );

  it.each([
    ["LF", original],
    ["CRLF", original.replace(/\n/g, "\r\n")],
  ])("writes solution totals, ranks and choices back byte for byte (%s)", (_, text) => {
    const keys = ["total", "peringkat", "dipilih"] as const;
    const stripped = applyYamlEdits(
      text,
      solutions.flatMap(({ base }) => keys.map((key): YamlEdit => ({ op: "delete", path: [...base, key] }))),
    ).text;
    expect(stripped.length).toBeLessThan(text.length);
    const rank: YamlEdit[] = solutions.flatMap(({ base, solution }) => {
      const edits: YamlEdit[] = [
        { op: "set", path: [...base, "total"], value: solution.total as number, after: ["skor", "skor_penilai"] },
        { op: "set", path: [...base, "peringkat"], value: solution.peringkat as number, after: ["total"] },
      ];
      if (solution.dipilih) edits.push({ op: "set", path: [...base, "dipilih"], value: true, after: ["peringkat"] });
      return edits;
    });
    const ranked = applyYamlEdits(stripped, rank);
    expect(ranked).toMatchObject({ text, changed: true });
    expect(applyYamlEdits(ranked.text, rank)).toMatchObject({ text, changed: false });
  });
});

describe("line endings, BOM and final newline", () => {
  it("writes CRLF into CRLF files and keeps the BOM", () => {
    const base = "\uFEFFhadir:\r\n  - kapus # kepala\r\n\r\nrapat: ok\r\n";
    const { text } = apply(
      base,
      { op: "append", path: ["hadir"], items: [{ pegawai: "tu", status: "izin" }] },
      { op: "set", path: ["tempat"], value: "Aula", after: ["hadir"] },
    );
    expect(text).toBe(
      "\uFEFFhadir:\r\n  - kapus # kepala\r\n  - pegawai: tu\r\n    status: izin\r\ntempat: Aula\r\n\r\nrapat: ok\r\n",
    );
  });

  it("handles a file without a final newline", () => {
    expect(apply("a: 1\nb: 2", { op: "set", path: ["c"], value: 3 }).text).toBe("a: 1\nb: 2\nc: 3");
    expect(apply("a: 1\nb: 2", { op: "set", path: ["b"], value: 3 }).text).toBe("a: 1\nb: 3");
    expect(apply("a: 1\nb: 2", { op: "delete", path: ["b"] }).text).toBe("a: 1");
    expect(apply("a:\n  - x", { op: "append", path: ["a"], items: ["y"] }).text).toBe("a:\n  - x\n  - y");
    expect(apply("a: |\n  teks", { op: "set", path: ["b"], value: 1 }).text).toBe("a: |\n  teks\nb: 1");
  });
});

describe("tags, anchors and comments", () => {
  it("keeps the comment after a block scalar's header when the scalar is replaced", () => {
    const base = lines("a:", "  uraian: > # catatan", "    teks", "    panjang", "  b: 1");
    expect(apply(base, { op: "set", path: ["a", "uraian"], value: "pendek" }).text).toBe(
      lines("a:", "  uraian: pendek # catatan", "  b: 1"),
    );
  });

  it("keeps an unused anchor and moves a new block value to the next line", () => {
    const base = lines("hadir:", "  - &ketua kapus", "  - tu");
    expect(apply(base, { op: "replace", path: ["hadir", 0], value: { pegawai: "kapus", status: "hadir" } }).text).toBe(
      lines("hadir:", "  - &ketua", "    pegawai: kapus", "    status: hadir", "  - tu"),
    );
  });

  it("replaces an alias value itself, and removes tags from flow items", () => {
    const base = lines("a: &x 1", "b: *x", "c: [!!str 12, x]");
    expect(apply(base, { op: "set", path: ["b"], value: 2 }, { op: "set", path: ["c", 0], value: false }).text).toBe(
      lines("a: &x 1", "b: 2", "c: [false, x]"),
    );
  });

  it("writes strings the other parser would misread in double quotes", () => {
    const { text } = apply(
      "a: x\n",
      { op: "set", path: ["a"], value: "0b101" },
      { op: "set", path: ["b"], value: "-0" },
    );
    expect(text).toBe('a: "0b101"\nb: "-0"\n');
  });
});

describe("refusals", () => {
  const refuses = (text: string, edit: YamlEdit, message: RegExp) => {
    const run = () => applyYamlEdits(text, [edit]);
    expect(run).toThrow(YamlPatchError);
    expect(run).toThrow(message);
  };

  it("refuses paths through aliases and anchored nodes that aliases use", () => {
    const text = lines("base: &b {u: 1}", "m: *b");
    refuses(text, { op: "set", path: ["m", "u"], value: 2 }, /m\.u: the path runs through an alias/);
    refuses(text, { op: "set", path: ["base", "u"], value: 2 }, /anchor &b/);
    refuses(text, { op: "delete", path: ["base"] }, /anchor &b/);
  });

  it("refuses complex keys, several documents, broken YAML and bad paths", () => {
    refuses("? [a]\n: 1\nb: 2\n", { op: "set", path: ["b"], value: 3 }, /complex or explicit/);
    refuses("a: 1\n---\nb: 2\n", { op: "set", path: ["a"], value: 2 }, /several YAML documents/);
    refuses("a: [1\n", { op: "set", path: ["a"], value: 2 }, /does not parse/);
    refuses("a: 1\na: 2\n", { op: "set", path: ["a"], value: 3 }, /^cannot edit a: the YAML does not parse \(Map keys/);
    refuses("a: 1\n", { op: "set", path: ["a", "b"], value: 2 }, /a\.b: a is a scalar/);
    refuses("a: [1]\n", { op: "set", path: ["a", 3], value: 2 }, /out of range/);
    refuses("a: 1\n", { op: "set", path: ["b", 0], value: 2 }, /cannot create a sequence item/);
  });
});
