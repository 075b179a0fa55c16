// Villages named anywhere are villages of lokmin.yaml: each place a file names a village (a program
// file's per-village figures, the quarterly meeting's capaian_desa, the first Lokmin's wilayah
// binaan, a cross-sector member in lokmin.yaml), with each kind of mistake, is an error at its file
// and line; spacing and case do not matter (as for categories); the "did you mean" it gives, once
// applied, passes. The workbook and CSV import refuse such a village naming the cell.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { matchVillage, villageHint } from "../../src/domain/villages.js";
import { COL, editBook, rowOf, sheet } from "../form-support.js";
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

const VILLAGES = ["Sukamaju", "Sidomulyo", "Karang Anyar", "Tanjung Sari", "Mekar Jaya"];
const LIST = `desa:\n${VILLAGES.map((v) => `  - ${v}\n`).join("")}`;

const edit = (root: string, file: string, fn: (text: string) => string) =>
  writeFileSync(path.join(root, file), fn(readFileSync(path.join(root, file), "utf8")));
const yamlString = (name: string) => JSON.stringify(name);

/** Each place a village is named: how to name `name` there, the file, and the rule that answers. */
interface Place {
  rule: string;
  file: string;
  name(root: string, village: string): void;
}
const PLACES: Record<string, Place> = {
  "per-village figures of a program file": {
    rule: "referensi/desa",
    file: "2024-02/program/kia.yaml",
    name: (root, village) =>
      edit(root, "2024-02/program/kia.yaml", (s) =>
        s.replace(
          "    kumulatif: 15\n",
          `    kumulatif: 15\n    per_desa:\n      - desa: Mekar Jaya\n        bulan_ini: 4\n        kumulatif: 7\n` +
            `      - desa: ${yamlString(village)}\n        bulan_ini: 5\n        kumulatif: 8\n`,
        ),
      ),
  },
  "capaian_desa of the quarterly meeting": {
    rule: "referensi/desa",
    file: "2024-02/tribulanan.yaml",
    name: (root, village) =>
      edit(root, "2024-02/tribulanan.yaml", (s) =>
        s.replace("capaian_desa: []", `capaian_desa:\n  - desa: ${yamlString(village)}\n    uraian: K4 naik`),
      ),
  },
  "wilayah binaan of the first Lokmin": {
    rule: "pertama/wilayah-binaan",
    file: "2024-01/rapat.yaml",
    name: (root, village) =>
      edit(root, "2024-01/rapat.yaml", (s) =>
        s.replace("    program: [kia]\n", `    program: [kia]\n    wilayah_binaan:\n      - ${yamlString(village)}\n`),
      ),
  },
  "a cross-sector member's village in lokmin.yaml": {
    rule: "referensi/desa-lintas-sektor",
    file: "lokmin.yaml",
    name: (root, village) =>
      edit(
        root,
        "lokmin.yaml",
        (s) =>
          `${s}lintas_sektor:\n  peserta:\n    - id: kades\n      nama: Budi\n      jabatan: Kepala Desa\n` +
          `      instansi: Pemerintah Desa\n      sektor: desa\n      desa: ${yamlString(village)}\n`,
      ),
  },
};

/** Misspellings with the entry the hint must name (undefined: too far from any, the list is shown). */
const MISTAKES: Array<[written: string, hint: string | undefined]> = [
  ["Sukamju", "Sukamaju"],
  ["Sidomulya", "Sidomulyo"],
  ["Karanganyar", "Karang Anyar"],
  ["Tanjungsari", "Tanjung Sari"],
  ["Sukamaju Baru", undefined],
  ["Jakarta", undefined],
];
/** Spelled like an entry but for spacing and case: accepted. */
const SAME = ["sukamaju", "SIDOMULYO", "  Karang   Anyar ", "tanjung sari"];

let base: string;
beforeAll(async () => {
  base = copyWorkspace(MINI);
  expect((await lokmin(["-C", base, "new", "2024-02", "--tribulanan"])).status).toBe(0);
  edit(base, "lokmin.yaml", (s) => s.replace("program:\n", `${LIST}program:\n`));
});

/** The findings of `place`'s rule about the village named (not, say, a village nobody is in charge of). */
const about = (root: string, place: Place) =>
  checked(root).findings.filter((f) => f.rule === place.rule && !f.message.includes("belum punya pembina"));

function workspaceNaming(place: Place, village: string) {
  const root = copyWorkspace(base);
  place.name(root, village);
  return root;
}

const lineOf = (root: string, file: string, needle: string) =>
  readFileSync(path.join(root, file), "utf8")
    .split("\n")
    .findIndex((line) => line.includes(needle)) + 1;

describe("a village not in lokmin.yaml, wherever it is named", () => {
  for (const [where, place] of Object.entries(PLACES)) {
    it(`${where}: an error at its line, with a hint that then passes`, () => {
      for (const [written, hint] of MISTAKES) {
        const root = workspaceNaming(place, written);
        const hits = about(root, place);
        expect(hits, written).toHaveLength(1);
        expect(hits[0]).toMatchObject({ severity: "error", file: place.file });
        expect(hits[0].line, written).toBe(lineOf(root, place.file, yamlString(written)));
        expect(hits[0].message).toContain(`'${written}' tidak ada di daftar desa lokmin.yaml`);
        if (hint === undefined) {
          expect(hits[0].message).not.toContain("maksud Anda");
          expect(hits[0].message).toContain(VILLAGES.join(", "));
          continue;
        }
        const suggested = /maksud Anda '([^']+)'/.exec(hits[0].message)?.[1];
        expect(suggested, written).toBe(hint);
        // The person applies the hint: the file then passes that check.
        edit(root, place.file, (s) => s.replace(yamlString(written), yamlString(suggested!)));
        expect(about(root, place)).toEqual([]);
      }
    });

    it(`${where}: the same name in other spacing or case passes`, () => {
      for (const written of SAME) {
        const root = workspaceNaming(place, written);
        expect(about(root, place), written).toEqual([]);
      }
    });
  }

  it("a lokmin.yaml without a village list says to fill it in, and a village named twice is one error", () => {
    const root = workspaceNaming(PLACES["per-village figures of a program file"], "mekar  JAYA");
    const twice = checked(root).findings.filter((f) => f.rule === "referensi/desa");
    expect(twice.map((f) => f.message)).toEqual([
      "desa 'mekar  JAYA' ditulis dua kali untuk bumil; gabungkan angkanya ke satu baris",
    ]);
    edit(root, "lokmin.yaml", (s) => s.replace(LIST, ""));
    const empty = checked(root).findings.filter((f) => f.rule === "referensi/desa");
    expect(empty[0].message).toContain("yang masih kosong; isi desa: di lokmin.yaml");
  });

  it("property: a hint is always an entry of the list, and any spacing or case of an entry matches it", () => {
    const entry = fc.constantFrom(...VILLAGES);
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (written) => {
        const hint = villageHint(written, VILLAGES);
        return hint === undefined || VILLAGES.includes(hint);
      }),
    );
    fc.assert(
      fc.property(entry, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.nat(3), (v, upper, pad) => {
        const written = `${" ".repeat(pad)}${[...v]
          .map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()))
          .join("")
          .replace(/ /g, "  ")} `;
        return matchVillage(written, VILLAGES) === v;
      }),
    );
  });
});

describe("import refuses a village lokmin.yaml does not list, naming the cell", () => {
  // The example's KIA reports per village; lokmin.yaml renames Sidomulyo after the files were made.
  let ws: string;
  beforeAll(() => {
    ws = copyWorkspace(EXAMPLE);
    edit(ws, "lokmin.yaml", (s) => s.replace("  - Sidomulyo\n", "  - Sido Mulyo Baru\n"));
  });

  it("a workbook's village row", async () => {
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["form", "2024-06", "--only", "kia", "--out", out], { cwd: ws })).status).toBe(0);
    const file = path.join(out, "2024-06-kia.xlsx");
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "d:bumil:Sukamaju")}`).value = 21;
    });
    const before = readFileSync(path.join(ws, "2024-06/program/kia.yaml"), "utf8");
    const r = await lokmin(["import", "2024-06", file], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /2024-06-kia\.xlsx, Capaian!E\d+: desa Sidomulyo indikator bumil: desa ini tidak ada di daftar desa lokmin\.yaml/,
    );
    expect(readFileSync(path.join(ws, "2024-06/program/kia.yaml"), "utf8")).toBe(before);
  });

  it("a CSV row", async () => {
    const csv = path.join(tempDir(), "capaian.csv");
    writeFileSync(csv, "program;indikator;desa;bulan ini\r\nkia;bumil;Sidomulyo;20\r\n");
    const r = await lokmin(["import", "2024-06", csv], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /capaian\.csv, baris 2, kolom desa: desa 'Sidomulyo' tidak ada di daftar desa lokmin\.yaml/,
    );
  });
});
