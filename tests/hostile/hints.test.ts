// Hints only suggest what lokmin accepts: across misspellings of every kind of name a file holds
// (keys, rule ids in `aturan`, staff, programs, indicators, klaster, categories, villages), each
// "did you mean" lokmin prints is taken and applied as a person would; the file must then pass the
// check that printed it — never a hint that trades the mistake for another (a duplicate key, a
// fixed rule, a program another file already holds).
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/domain/findings.js";
import { copyWorkspace as copyFixture, lokmin, MINI } from "../helpers.js";
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

const R = "2024-02/rapat.yaml";
const J = "2024-01/rapat.yaml";
const KIA = "2024-02/program/kia.yaml";
const GIZI = "2024-02/program/gizi.yaml";
const W = "lokmin.yaml";

interface Misspelling {
  file: string;
  /** The text as it is in the clean fixture, and as the person mistyped it. */
  from: string;
  to: string;
  /** Written wrong, this is the name (key, id) the hint replaces. */
  wrong: string;
  /** Set up what the place needs first (an `aturan` block, a village list). */
  setup?: (root: string) => void;
  /** The hint lokmin must give (undefined: none may be given, as none would pass). */
  hint?: string;
}

const edit = (root: string, file: string, fn: (s: string) => string) =>
  writeFileSync(path.join(root, file), fn(readFileSync(path.join(root, file), "utf8")));
const aturan = (key: string, level = "off") => ({
  file: W,
  from: "penilaian:\n",
  to: `aturan:\n  ${key}: ${level}\npenilaian:\n`,
  wrong: key,
});
const villages = (root: string) =>
  edit(root, W, (s) => s.replace("program:\n", "desa: [Sukamaju, Karang Anyar]\nprogram:\n"));

const CASES: Misspelling[] = [
  // Keys.
  { file: R, from: "tempat: Aula", to: "tempt: Aula", wrong: "tempt", hint: "tempat" },
  { file: R, from: "tempat: Aula", to: "Tempat: Aula", wrong: "Tempat", hint: "tempat" },
  { file: R, from: "tempat: Aula", to: "tempat: Aula\ntempatt: Ruang", wrong: "tempatt" },
  { file: KIA, from: "analisis:", to: "analisa:", wrong: "analisa", hint: "analisis" },
  { file: KIA, from: "bulan_ini: 9", to: "bulanini: 9", wrong: "bulanini", hint: "bulan_ini" },
  { file: W, from: "  kecamatan: Mini", to: "  kecamtan: Mini", wrong: "kecamtan", hint: "kecamatan" },
  { file: W, from: "metode_masalah: usg", to: "metode_masalh: usg", wrong: "metode_masalh", hint: "metode_masalah" },
  // Rule ids in aturan: members of a family, families, never a rule whose level is fixed.
  { ...aturan("capaian/belum-diisii"), hint: "capaian/belum-diisi" },
  { ...aturan("tilik/08-undanga"), hint: "tilik/08-undangan" },
  { ...aturan("tilk/*"), hint: "tilik/*" },
  { ...aturan("sop/10-rt"), hint: "sop/10-rtl" },
  { ...aturan("yaml/syntx", "warning") },
  { ...aturan("schema/unknown-kei", "warning") },
  // Staff ids.
  { file: R, from: "notulis: tu", to: "notulis: tuu", wrong: "tuu", hint: "tu" },
  { file: R, from: "pimpinan: kapus", to: "pimpinan: kapuss", wrong: "kapuss", hint: "kapus" },
  { file: KIA, from: "penanggung_jawab: bidan", to: "penanggung_jawab: bidn", wrong: "bidn", hint: "bidan" },
  { file: W, from: "kepala_puskesmas: kapus", to: "kepala_puskesmas: kapsu", wrong: "kapsu", hint: "kapus" },
  { file: J, from: "  - pegawai: bidan", to: "  - pegawai: bidaan", wrong: "bidaan", hint: "bidan" },
  // Programs and indicators: never one the month already holds elsewhere.
  { file: GIZI, from: "program: gizi", to: "program: giz", wrong: "giz", hint: "gizi" },
  { file: KIA, from: "program: kia", to: "program: gizi", wrong: "gizi" },
  { file: KIA, from: "  - id: bumil", to: "  - id: bumill", wrong: "bumill", hint: "bumil" },
  {
    file: R,
    from: "    program: kia\n    penanggung_jawab",
    to: "    program: kiaa\n    penanggung_jawab",
    wrong: "kiaa",
    hint: "kia",
  },
  { file: J, from: "    program: [kia]", to: "    program: [kiaa]", wrong: "kiaa", hint: "kia" },
  // Categories and villages.
  { file: R, from: "kategori: Metode", to: "kategori: Metod", wrong: "Metod", hint: "Metode" },
  {
    file: KIA,
    from: "    kumulatif: 15\n",
    to: "    kumulatif: 15\n    per_desa:\n      - desa: Karang Anyr\n        kumulatif: 15\n",
    wrong: "Karang Anyr",
    setup: villages,
    hint: "Karang Anyar",
  },
];

/** Every hint in a message: "maksud Anda 'x'" (and the category form with double quotes). */
const hintsIn = (message: string) => [...message.matchAll(/maksud Anda ['"]([^'"]+)['"]/g)].map((m) => m[1]);
const errors = (root: string, file: string) =>
  checked(root).findings.filter((f) => f.file === file && f.severity !== "info") as Diagnostic[];
const key = (f: Diagnostic) => `${f.rule}|${f.line}|${f.message}`;

describe("every hint lokmin prints, applied, passes the check that printed it", () => {
  it.each(CASES)("$file: '$wrong'", ({ file, from, to, wrong, setup, hint }) => {
    const root = copyWorkspace(MINI);
    setup?.(root);
    const clean = new Set(errors(root, file).map(key));
    edit(root, file, (s) => {
      if (!s.includes(from)) throw new Error(`${file} has no ${from}`);
      return s.replace(from, to);
    });
    const text = readFileSync(path.join(root, file), "utf8");
    const line = text.split("\n").findIndex((l, i) => l.includes(wrong) && !from.split("\n").includes(l) && i >= 0) + 1;
    const found = errors(root, file).filter((f) => !clean.has(key(f)));
    expect(found.length, `${wrong}: ${JSON.stringify(found)}`).toBeGreaterThan(0);
    const about = found.filter((f) => f.line === line || f.message.includes(`'${wrong}'`));
    const given = [...new Set(about.flatMap((f) => hintsIn(f.message)))];
    expect(given, JSON.stringify(about.map((f) => f.message))).toEqual(hint === undefined ? [] : [hint]);
    for (const suggestion of given) {
      const fixed = copyWorkspace(root);
      edit(fixed, file, (s) => {
        const lines = s.split("\n");
        lines[line - 1] = lines[line - 1].replace(wrong, suggestion);
        return lines.join("\n");
      });
      const left = errors(fixed, file).filter((f) => !clean.has(key(f)));
      expect(left, `${wrong} → ${suggestion}`).toEqual([]);
    }
  });
});

describe("the command line's hints, applied, are understood", () => {
  // Commander's suggestions, kept in lokmin's words: each names a command or option the command has.
  const TYPED: Array<[typed: string[], wrong: string]> = [
    [["chek"], "chek"],
    [["expor", "--json"], "expor"],
    [["check", "--max-warning", "3"], "--max-warning"],
    [["rank", "2024-02", "--metod", "usg"], "--metod"],
    [["commitments", "--al"], "--al"],
    [["rank", "2024-02", "--solusii"], "--solusii"],
  ];
  it.each(TYPED)("%j", async (typed, wrong) => {
    const ws = copyWorkspace(MINI);
    const r = await lokmin(["-C", ws, ...typed]);
    expect(r.status).toBe(2);
    const hint = /maksud Anda (\S+)\?/.exec(r.stdout + r.stderr)?.[1];
    expect(hint, r.stdout + r.stderr).toBeDefined();
    const fixed = await lokmin(["-C", ws, ...typed.map((word) => (word === wrong ? hint! : word))]);
    expect(fixed.stdout + fixed.stderr).not.toMatch(/tidak dikenal|tidak sah/);
    expect(fixed.status, fixed.stderr).not.toBe(2);
  });
});
