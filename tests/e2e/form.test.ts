// `lokmin form` and `lokmin import` on the example: a returned workbook with no edits changes no
// file; a coordinator's and the TU's edits land as exactly those values (comments kept, a second
// import changes nothing); CSV coverage; and every hostile workbook is refused with the workbook,
// sheet and cell named and nothing written.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { generateWorkspace } from "../../dev/generate.js";
import { copyWorkspace, EXAMPLE, lokmin, snapshot, tempDir } from "../helpers.js";
import { COL, editBook, openBook, rowOf, sheet } from "../form-support.js";

let ws: string;
let forms: string;
const yamlOnly = (dir: string) => new Map([...snapshot(dir)].filter(([file]) => file.endsWith(".yaml")));

/**
 * A copy of the example in which `lokmin form MONTH --only ONLY` wrote its workbooks into MONTH/isian/:
 * the form runs once per file for each month and list, and each test gets a copy of that workspace.
 */
const formed = new Map<string, Promise<string>>();
async function formedCopy(month: string, only: string): Promise<string> {
  const key = `${month} ${only}`;
  if (!formed.has(key))
    formed.set(
      key,
      (async () => {
        const base = copyWorkspace(EXAMPLE);
        const r = await lokmin(["form", month, "--only", only], { cwd: base });
        expect(r.status, r.stderr).toBe(0);
        return base;
      })(),
    );
  return copyWorkspace(await formed.get(key)!);
}

beforeAll(async () => {
  ws = copyWorkspace(EXAMPLE);
  forms = tempDir("lokmin-forms-");
  const r = await lokmin(["form", "2024-06", "--out", forms], { cwd: ws });
  expect(r.status, r.stderr).toBe(0);
});

describe("form then import with no edits", () => {
  it("changes no file: January's KIA, April's 14 workbooks (MCUA), May (SWOT, stakeholders) in one, June", async () => {
    const before = yamlOnly(ws);
    for (const [month, extra] of [
      ["2024-01", ["--only", "kia"]],
      ["2024-04", []],
      ["2024-05", ["--satu", "--only", "kia,gizi,rapat"]],
    ] as const) {
      const out = tempDir("lokmin-forms-");
      const f = await lokmin(["form", month, "--out", out, ...extra], { cwd: ws });
      expect(f.status, f.stderr).toBe(0);
      const i = await lokmin(["import", month, out], { cwd: ws });
      expect(i.status, i.stderr).toBe(0);
      expect(i.stdout).toContain("0 berkas YAML diubah");
    }
    const june = await lokmin(["import", "2024-06", forms, "--json"], { cwd: ws });
    expect(JSON.parse(june.stdout)).toMatchObject({ ok: true, problems: [] });
    expect(JSON.parse(june.stdout).files.every((f: { written: boolean }) => !f.written)).toBe(true);
    expect(yamlOnly(ws)).toEqual(before);
  });

  it("changes no file in generated workspaces (across a new year, 4 programs, different seeds)", async () => {
    for (const seed of [7, 20240101]) {
      const out = path.join(tempDir("lokmin-gen-"), "ws");
      generateWorkspace({
        out,
        startMonth: "2023-11",
        months: 3,
        programs: 4,
        seed,
        name: `UPTD Puskesmas Uji ${seed}`,
      });
      const before = yamlOnly(out);
      for (const month of ["2023-12", "2024-01"]) {
        const forms = tempDir("lokmin-forms-");
        const f = await lokmin(["form", month, "--out", forms, "--satu"], { cwd: out });
        expect(f.status, f.stderr).toBe(0);
        const i = await lokmin(["import", month, forms], { cwd: out });
        expect(i.status, i.stderr).toBe(0);
      }
      expect(yamlOnly(out)).toEqual(before);
    }
  });

  it("a freshly scaffolded month (every figure empty) round-trips unchanged", async () => {
    const fresh = copyWorkspace(EXAMPLE);
    expect((await lokmin(["new", "2024-07"], { cwd: fresh })).status).toBe(0);
    const before = yamlOnly(fresh);
    expect((await lokmin(["form"], { cwd: fresh })).status).toBe(0);
    const i = await lokmin(["import"], { cwd: fresh });
    expect(i.status, i.stderr).toBe(0);
    expect(yamlOnly(fresh)).toEqual(before);
  });

  it("form twice leaves an untouched workbook alone and refuses to replace a filled one without --force", async () => {
    const again = await lokmin(["form", "2024-06", "--out", forms, "--only", "kia"], { cwd: ws });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("tidak berubah");
    const out = tempDir("lokmin-forms-");
    await lokmin(["form", "2024-06", "--out", out, "--only", "kia"], { cwd: ws });
    const file = path.join(out, "2024-06-kia.xlsx");
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = 80;
    });
    const refused = await lokmin(["form", "2024-06", "--out", out, "--only", "kia"], { cwd: ws });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("sudah ada dan sudah diisi; impor dulu");
    const forced = await lokmin(["form", "2024-06", "--out", out, "--only", "kia", "--force"], { cwd: ws });
    expect(forced.status).toBe(0);
  });
});

describe("import of filled-in workbooks", () => {
  it("writes exactly the values people changed, keeps comments, and a second import changes nothing", async () => {
    const work = copyWorkspace(EXAMPLE);
    // The workbooks `form 2024-06 --only kia,rapat` writes, as the beforeAll made them from the same example.
    const out = tempDir("lokmin-forms-");
    for (const name of ["2024-06-kia.xlsx", "2024-06-rapat.xlsx"])
      copyFileSync(path.join(forms, name), path.join(out, name));
    await editBook(path.join(out, "2024-06-kia.xlsx"), (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "d:bumil:Sukamaju")}`).value = 20;
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = 80;
      s.getCell(`${COL.catatan}${rowOf(s, "i:bbl")}`).value = "Termasuk persalinan di RS rujukan";
      const rpk = sheet(book, "RPK");
      const blank = rowOf(rpk, "r:rpk", 1);
      rpk.getCell(`B${blank}`).value = "Kelas ibu hamil";
      rpk.getCell(`F${blank}`).value = "Sri Wahyuni, A.Md.Keb (sri)";
    });
    await editBook(path.join(out, "2024-06-rapat.xlsx"), (book) => {
      const hadir = sheet(book, "Kehadiran");
      hadir.getCell(`E${rowOf(hadir, "p:lina")}`).value = "izin";
      const guest = rowOf(hadir, "r:tamu", 1);
      hadir.getCell(`B${guest}`).value = "Drs. Hendra, Camat Sukamaju";
      hadir.getCell(`D${guest}`).value = "Kecamatan Sukamaju";
      hadir.getCell(`E${guest}`).value = "hadir";
      hadir.getCell(`F${guest}`).value = "ya";
      const k = sheet(book, "Kesepakatan");
      const r = rowOf(k, "r:kesepakatan");
      for (const [col, value] of Object.entries({
        C: "Kelas ibu hamil tiap bulan",
        D: "kia",
        G: "sri",
        H: new Date(Date.UTC(2024, 6, 20)),
        I: "Kelas terlaksana di 5 desa",
        J: "ratna, sri",
      }))
        k.getCell(`${col}${r}`).value = value;
    });
    const before = readFileSync(path.join(work, "2024-06/program/kia.yaml"), "utf8");
    const first = await lokmin(["import", "2024-06", out], { cwd: work });
    expect(first.status, first.stderr).toBe(0);
    const kia = readFileSync(path.join(work, "2024-06/program/kia.yaml"), "utf8");
    expect(kia).toContain(
      "# Pelayanan kesehatan ibu hamil sesuai standar · kumulatif s.d. bulan lalu (April 2024): 216",
    );
    expect(kia).toMatch(/desa: Sukamaju\n {8}sasaran: 227\n {8}bulan_ini: 20\n {8}kumulatif: 81/);
    expect(kia).toMatch(/id: bumil\n(.*\n){3} {4}bulan_ini: 66\n {4}kumulatif: 282/);
    expect(kia).toMatch(/id: bbl\n(.*\n){3} {4}bulan_ini: 80\n {4}kumulatif: 359\n {4}catatan: Termasuk persalinan/);
    expect(kia).toMatch(/- kegiatan: Kelas ibu hamil\n {4}penanggung_jawab: sri\n?$/);
    const remaining = before.split("\n");
    const added = kia.split("\n").filter((line) => {
      const at = remaining.indexOf(line);
      if (at >= 0) remaining.splice(at, 1);
      return at < 0;
    });
    expect(added.map((l) => l.trim()).sort()).toEqual(
      [
        "bulan_ini: 20",
        "kumulatif: 81",
        "bulan_ini: 66",
        "kumulatif: 282",
        "bulan_ini: 80",
        "kumulatif: 359",
        "catatan: Termasuk persalinan di RS rujukan",
        "- kegiatan: Kelas ibu hamil",
        "penanggung_jawab: sri",
      ].sort(),
    );
    const rapat = readFileSync(path.join(work, "2024-06/rapat.yaml"), "utf8");
    expect(rapat).toMatch(/pegawai: lina\n {4}status: izin/);
    expect(rapat).toContain(
      "  - nama: Drs. Hendra, Camat Sukamaju\n    instansi: Kecamatan Sukamaju\n" +
        "    status: hadir\n    narasumber: true",
    );
    expect(rapat).toMatch(
      new RegExp(
        "id: 2024-06/K0\\d\n {4}uraian: Kelas ibu hamil tiap bulan\n {4}program: kia\n {4}penanggung_jawab: sri\n" +
          " {4}tenggat: 2024-07-20",
      ),
    );
    expect(rapat).toContain("# Kesepakatan bersama yang ditandatangani");
    const files = yamlOnly(work);
    const second = await lokmin(["import", "2024-06", out], { cwd: work });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("0 berkas YAML diubah");
    expect(yamlOnly(work)).toEqual(files);
    const check = await lokmin(["check", "2024-06", "--json"], { cwd: work });
    const rules = JSON.parse(check.stdout).findings.map((f: { rule: string }) => f.rule);
    expect(rules.filter((r: string) => r.startsWith("capaian/") || r.startsWith("schema/"))).toEqual([]);
  });

  it("reads coverage from a CSV with ';', a BOM and village rows; kumulatif follows from last month", async () => {
    const work = copyWorkspace(EXAMPLE);
    const csv = path.join(tempDir(), "capaian.csv");
    writeFileSync(csv, "\uFEFFprogram;indikator;desa;bulan ini\r\nkia;bbl;;80\r\nkia;bumil;Sukamaju;20\r\n");
    const r = await lokmin(["import", "2024-06", csv], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    const kia = readFileSync(path.join(work, "2024-06/program/kia.yaml"), "utf8");
    expect(kia).toMatch(/id: bbl\n(.*\n){3} {4}bulan_ini: 80\n {4}kumulatif: 359/);
    expect(kia).toMatch(/desa: Sukamaju\n {8}sasaran: 227\n {8}bulan_ini: 20\n {8}kumulatif: 81/);
    writeFileSync(csv, "program;indikator;bulan_ini;kumulatif\nkia;bbl;12,5;1.450\n");
    const bad = await lokmin(["import", "2024-06", csv], { cwd: work });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("capaian.csv, baris 2, kolom bulan_ini: 12,5 bukan bilangan bulat");
    expect(bad.stderr).toContain(
      'capaian.csv, baris 2, kolom kumulatif: "1.450" bukan bilangan bulat yang jelas; tulis 1450',
    );
  });
});

describe("import keeps what the sheet has no cell for and refuses figures that do not add up", () => {
  it("an RPK row added keeps tujuan and volume of the rows there; the count is of values", async () => {
    const work = copyWorkspace(EXAMPLE);
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["form", "2024-05", "--out", out, "--only", "kia"], { cwd: work })).status).toBe(0);
    await editBook(path.join(out, "2024-05-kia.xlsx"), (book) => {
      const rpk = sheet(book, "RPK");
      const blank = rowOf(rpk, "r:rpk", 1);
      rpk.getCell(`B${blank}`).value = "Kegiatan baru";
      rpk.getCell(`F${blank}`).value = "sri";
    });
    const r = await lokmin(["import", "2024-05", out], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("2024-05/program/kia.yaml: 2 nilai diubah");
    const kia = readFileSync(path.join(work, "2024-05/program/kia.yaml"), "utf8");
    expect(kia).toContain("    tujuan: Menjangkau sasaran yang belum terlayani\n    volume: 1 kali per desa binaan\n");
    expect(kia).toMatch(/- kegiatan: Kegiatan baru\n {4}penanggung_jawab: sri\n?$/);
  });

  it("a cumulative typed over, a total not the villages' sum, a CSV cumulative below last month: exit 2", async () => {
    const work = copyWorkspace(EXAMPLE);
    const file = path.join(tempDir("lokmin-forms-"), "2024-06-kia.xlsx");
    copyFileSync(path.join(forms, "2024-06-kia.xlsx"), file);
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.kum}${rowOf(s, "i:bbl")}`).value = 999;
      s.getCell(`${COL.bulan}${rowOf(s, "i:bumil")}`).value = 500;
    });
    const before = yamlOnly(work);
    const r = await lokmin(["import", "2024-06", file], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2024-06-kia\.xlsx, Capaian!K\d+: Kumulatif 999 ≠ kumulatif bulan lalu \d+ \+ Bulan ini/);
    expect(r.stderr).toMatch(/2024-06-kia\.xlsx, Capaian!J\d+: Bulan ini 500 ≠ jumlah baris desa \d+; tulis \d+/);
    const csv = path.join(tempDir(), "c.csv");
    writeFileSync(csv, "program;indikator;bulan_ini;kumulatif\nkia;bulin;7;100\n");
    const c = await lokmin(["import", "2024-06", csv], { cwd: work });
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(
      /c\.csv, baris 2, kolom kumulatif: Kumulatif 100 lebih kecil dari kumulatif bulan lalu \d+/,
    );
    expect(yamlOnly(work)).toEqual(before);
  });
});

describe("what people give import: locked cells typed over, a file named twice, one workbook for all", () => {
  it("a value typed over a grey cell is refused naming the cell and where to change it", async () => {
    const file = path.join(tempDir("lokmin-locked-"), "2024-06-kia.xlsx");
    copyFileSync(path.join(forms, "2024-06-kia.xlsx"), file);
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`G${rowOf(s, "i:bbl")}`).value = 1;
      s.getCell(`${COL.prev}${rowOf(s, "d:bumil:Sukamaju")}`).value = 1;
      s.getCell(`${COL.catatan}${rowOf(s, "d:bumil:Sukamaju")}`).value = "posyandu tutup";
      s.getCell(`E${rowOf(s, "d:bumil:Sidomulyo")}`).value = "Sidomulya";
    });
    const before = yamlOnly(ws);
    const r = await lokmin(["import", "2024-06", file], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Capaian!G\d+: sel ini tidak diisi di sini \("1"; .*ubah di sana/);
    expect(r.stderr).toMatch(/Capaian!I\d+: sel ini .*diambil dari 2024-05\/program\/kia\.yaml/);
    expect(r.stderr).toMatch(/Capaian!M\d+: sel ini .*tulis catatannya di kolom Catatan baris indikator/);
    expect(r.stderr).toMatch(/Capaian!E\d+: sel ini .*"Sidomulyo"\); indikator dan desa diatur di lokmin\.yaml/);
    expect(yamlOnly(ws)).toEqual(before);
  });

  it("a folder and a file in it, or one folder named twice, is read once; one workbook is listed once", async () => {
    const work = copyWorkspace(EXAMPLE);
    const isian = path.join(work, "isian");
    expect((await lokmin(["form", "2024-06", "--out", isian, "--only", "kia,gizi"], { cwd: work })).status).toBe(0);
    const r = await lokmin(["import", "2024-06", "isian", "./isian/", "isian/2024-06-kia.xlsx"], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("tidak ada perubahan dari 2 isian: 2024-06-gizi.xlsx, 2024-06-kia.xlsx\n");
    const satu = tempDir("lokmin-forms-");
    expect((await lokmin(["form", "2024-06", "--out", satu, "--satu"], { cwd: work })).status).toBe(0);
    const s = await lokmin(["import", "2024-06", satu], { cwd: work });
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toContain("tidak ada perubahan dari 1 isian: 2024-06-isian.xlsx\n");
  });

  it("a formula typed in a cell whose result is 0 is read as 0, not as a formula never calculated", async () => {
    const work = copyWorkspace(EXAMPLE);
    const file = path.join(tempDir("lokmin-zero-"), "2024-06-kia.xlsx");
    copyFileSync(path.join(forms, "2024-06-kia.xlsx"), file);
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = { formula: "12-12", result: 0 } as never;
    });
    const r = await lokmin(["import", "2024-06", file], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    const kia = parseDocument(readFileSync(path.join(work, "2024-06/program/kia.yaml"), "utf8")).toJS();
    expect(kia.indikator.find((i: { id: string }) => i.id === "bbl").bulan_ini).toBe(0);
  });
});

describe("meeting workbook messages say what the row is and what to do", () => {
  it("a kesepakatan row imported before and edited since; a guest without a name; an unknown signer", async () => {
    const work = copyWorkspace(EXAMPLE);
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["form", "2024-06", "--out", out, "--only", "rapat"], { cwd: work })).status).toBe(0);
    const file = path.join(out, "2024-06-rapat.xlsx");
    const fill = (target: string) =>
      editBook(file, (book) => {
        const k = sheet(book, "Kesepakatan");
        const r = rowOf(k, "r:kesepakatan");
        for (const [col, value] of Object.entries({ C: "Kelas ibu hamil", G: "sri", I: target }))
          k.getCell(`${col}${r}`).value = value;
        k.getCell(`H${r}`).value = new Date(Date.UTC(2024, 6, 20));
      });
    await fill("5 desa");
    const first = await lokmin(["import", "2024-06", file], { cwd: work });
    expect(first.status, first.stderr).toBe(0);
    const id = /id: (2024-06\/K\d+)\n {4}uraian: Kelas ibu hamil/.exec(
      readFileSync(path.join(work, "2024-06/rapat.yaml"), "utf8"),
    )?.[1];
    expect(id).toBeDefined();
    await fill("6 desa");
    await editBook(file, (book) => {
      const hadir = sheet(book, "Kehadiran");
      let blank = rowOf(hadir, "r:tamu");
      for (let n = 1; hadir.getCell(`B${blank}`).value; n++) blank = rowOf(hadir, "r:tamu", n);
      hadir.getCell(`F${blank}`).value = "ya";
      const k = sheet(book, "Kesepakatan");
      k.getCell(`J${rowOf(k, "r:kesepakatan")}`).value = "Sri Wahyuni";
    });
    const before = yamlOnly(work);
    const r = await lokmin(["import", "2024-06", file], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `Kesepakatan!C\\d+: baris ini ditambahkan di isian ini dan sudah diimpor sebagai kesepakatan ${id}.*` +
          "`lokmin form 2024-06 --only rapat --force`",
      ),
    );
    expect(r.stderr).not.toContain("terhapus?");
    expect(r.stderr).toMatch(/Kehadiran!B\d+: kolom Nama wajib diisi untuk tamu/);
    expect(r.stderr).toMatch(/Kesepakatan!J\d+: 'Sri Wahyuni' tidak ada di daftar pegawai; .*lokmin\.yaml/);
    const missing = await lokmin(["import", "2024-06", "nonexistent.xlsx"], { cwd: work });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nonexistent.xlsx tidak ada; periksa nama berkas dan foldernya");
    expect(yamlOnly(work)).toEqual(before);
  });
});

describe("the analysis sheets: causes, SWOT, solution strategies, stakeholders (May)", () => {
  let may: string;
  beforeAll(async () => {
    may = tempDir("lokmin-forms-");
    const r = await lokmin(["form", "2024-05", "--out", may, "--only", "rapat"], { cwd: ws });
    expect(r.status, r.stderr).toBe(0);
  });
  /** Lines of `after` not in `before` and lines of `before` not in `after`, as multisets, trimmed. */
  const diff = (before: string, after: string) => {
    const take = (from: string[], lines: string[]) =>
      lines.filter((line) => {
        const at = from.indexOf(line);
        if (at >= 0) from.splice(at, 1);
        return at < 0;
      });
    const trim = (lines: string[]) => lines.map((l) => l.trim()).sort();
    return {
      added: trim(take(before.split("\n"), after.split("\n"))),
      removed: trim(take(after.split("\n"), before.split("\n"))),
    };
  };

  it("edits land as exactly those YAML lines, comments kept, and a second import changes nothing", async () => {
    const work = copyWorkspace(EXAMPLE);
    const file = path.join(tempDir("lokmin-forms-"), "2024-05-rapat.xlsx");
    copyFileSync(path.join(may, "2024-05-rapat.xlsx"), file);
    await editBook(file, (book) => {
      const a = sheet(book, "Akar & SWOT");
      a.getCell(`B${rowOf(a, "r:akar:m3")}`).value = "Metode";
      const blank = rowOf(a, "r:akar:m2", 5);
      a.getCell(`B${blank}`).value = "Dana";
      a.getCell(`C${blank}`).value = "Insentif kader belum dianggarkan";
      a.spliceRows(rowOf(a, "r:akar:m1", 3), 1);
      a.getCell(`E${rowOf(a, "r:swot:m1", 2)}`).value = "Harga BBM naik";
      a.getCell(`E${rowOf(a, "s:m1:s3")}`).value = "WT";
      const s = sheet(book, "Stakeholder");
      const row = rowOf(s, "r:stakeholder", 7);
      ["Kepala Puskesmas Pembantu", "Pustu Mekar Jaya", "tinggi", "tinggi"].forEach(
        (value, i) => (s.getCell(`${"BCDE"[i]}${row}`).value = value),
      );
    });
    const rapat = path.join(work, "2024-05", "rapat.yaml");
    const before = readFileSync(rapat, "utf8");
    const first = await lokmin(["import", "2024-05", file], { cwd: work });
    expect(first.status, first.stderr).toBe(0);
    const after = readFileSync(rapat, "utf8");
    expect(diff(before, after)).toEqual({
      added: [
        "- Harga BBM naik",
        "- kategori: Dana",
        "- kategori: Metode",
        "- nama: Kepala Puskesmas Pembantu",
        "instansi: Pustu Mekar Jaya",
        "kepentingan: tinggi",
        "pengaruh: tinggi",
        "strategi: WT",
        "uraian: Insentif kader belum dianggarkan",
      ],
      removed: [
        "- kategori: Manusia",
        "- kategori: Sarana & Prasarana",
        "strategi: WO",
        "uraian: Alat ukur (tensimeter, timbangan) di posyandu rusak",
      ],
    });
    expect(after).toContain("# Peta stakeholder: nama, instansi");
    expect(after).toMatch(/- kategori: Dana\n {8}uraian: Insentif kader belum dianggarkan\n {4}skor:/);
    const files = yamlOnly(work);
    const second = await lokmin(["import", "2024-05", file], { cwd: work });
    expect(second.stdout).toContain("0 berkas YAML diubah");
    expect(yamlOnly(work)).toEqual(files);
  });

  it("an unknown category, a strategy not SO|WO|ST|WT, 'sedang' as a level: exit 2 naming the cells", async () => {
    const file = path.join(tempDir("lokmin-hostile-"), "2024-05-rapat.xlsx");
    copyFileSync(path.join(may, "2024-05-rapat.xlsx"), file);
    const cells: Record<string, string> = {};
    await editBook(file, (book) => {
      const a = sheet(book, "Akar & SWOT");
      cells.category = `B${rowOf(a, "r:akar:m2", 1)}`;
      a.getCell(cells.category).value = "Metoda";
      cells.strategy = `E${rowOf(a, "s:m1:s1")}`;
      a.getCell(cells.strategy).value = "SWOT";
      const s = sheet(book, "Stakeholder");
      cells.level = `E${rowOf(s, "r:stakeholder", 2)}`;
      s.getCell(cells.level).value = "sedang";
    });
    const before = yamlOnly(ws);
    const r = await lokmin(["import", "2024-05", file], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `2024-05-rapat.xlsx, Akar & SWOT!${cells.category}: kategori "Metoda" tidak ada di daftar kategori akar ` +
        'masalah (Manusia, Metode, Dana, Sarana & Prasarana, Lingkungan); maksud Anda "Metode"?',
    );
    expect(r.stderr).toContain(
      `2024-05-rapat.xlsx, Akar & SWOT!${cells.strategy}: "SWOT" tidak ada dalam pilihan: SO, WO, ST, WT`,
    );
    expect(r.stderr).toContain(`2024-05-rapat.xlsx, Stakeholder!${cells.level}: "sedang" tidak ada dalam pilihan`);
    expect(r.stderr).toContain("lokmin: 3 masalah di isian; tidak ada yang ditulis");
    expect(yamlOnly(ws)).toEqual(before);
  });
});

describe("hostile workbooks: exit 2 naming workbook, sheet and cell, nothing written", () => {
  const cases: Array<{ name: string; make: (file: string) => Promise<void> | void; expected: RegExp }> = [
    {
      name: "text in a number cell",
      make: (file) =>
        editBook(file, (book) => {
          const s = sheet(book, "Capaian");
          s.getCell(`${COL.bulan}${rowOf(s, "d:bumil:Sukamaju")}`).value = "1.450 orang";
        }),
      expected: /2024-06-kia\.xlsx, Capaian!J\d+: "1\.450 orang" bukan bilangan bulat/,
    },
    {
      name: "a deleted row",
      make: (file) =>
        editBook(file, (book) => {
          const s = sheet(book, "Capaian");
          s.spliceRows(rowOf(s, "d:bumil:Sidomulyo"), 1);
        }),
      expected: /2024-06-kia\.xlsx, Capaian!E\d+: baris desa Sidomulyo indikator bumil tidak ada/,
    },
    {
      name: "an extra sheet",
      make: (file) =>
        editBook(file, (book) => {
          book.addWorksheet("Hitungan").getCell("A1").value = 123;
        }),
      expected: /2024-06-kia\.xlsx, Hitungan: lembar 'Hitungan' bukan bagian isian lokmin/,
    },
    {
      name: "a formula error",
      make: (file) =>
        editBook(file, (book) => {
          const s = sheet(book, "Capaian");
          s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = {
            formula: "74/0",
            result: { error: "#DIV/0!" },
          } as never;
        }),
      expected: /2024-06-kia\.xlsx, Capaian!J\d+: sel berisi kesalahan rumus #DIV\/0!/,
    },
    {
      name: "merged cells",
      make: (file) =>
        editBook(file, (book) => {
          const s = sheet(book, "Capaian");
          const r = rowOf(s, "i:bulin");
          s.mergeCells(`J${r}:K${r}`);
        }),
      expected: /2024-06-kia\.xlsx, Capaian!J\d+:K\d+: sel J\d+:K\d+ digabung/,
    },
    {
      name: "a 20 MB file",
      make: (file) => writeFileSync(file, Buffer.alloc(20 * 1024 * 1024, 0x50)),
      expected: /2024-06-kia\.xlsx: 2024-06-kia\.xlsx terlalu besar/,
    },
    {
      name: "a file that is not xlsx",
      make: (file) => writeFileSync(file, "%PDF-1.4\n% not a workbook\n"),
      expected: /2024-06-kia\.xlsx: bukan berkas xlsx/,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const dir = tempDir("lokmin-hostile-");
      const file = path.join(dir, "2024-06-kia.xlsx");
      copyFileSync(path.join(forms, "2024-06-kia.xlsx"), file);
      await c.make(file);
      const before = yamlOnly(ws);
      const r = await lokmin(["import", "2024-06", file], { cwd: ws });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(c.expected);
      expect(r.stderr).toContain("tidak ada yang ditulis");
      expect(yamlOnly(ws)).toEqual(before);
    });
  }

  it("another month's workbook is refused at its identification cell", async () => {
    const out = tempDir("lokmin-forms-");
    await lokmin(["form", "2024-05", "--out", out, "--only", "kia"], { cwd: ws });
    const r = await lokmin(["import", "2024-06", path.join(out, "2024-05-kia.xlsx")], { cwd: ws });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2024-05-kia\.xlsx, Capaian!E2: isian ini untuk bulan 2024-05, bukan 2024-06/);
    expect(r.stderr.match(/isian ini untuk bulan/g)).toHaveLength(1);
  });

  it("all or nothing: one bad workbook among good ones writes nothing; --json reports every problem", async () => {
    const dir = tempDir("lokmin-mixed-");
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(forms, "2024-06-gizi.xlsx"), path.join(dir, "2024-06-gizi.xlsx"));
    copyFileSync(path.join(forms, "2024-06-kia.xlsx"), path.join(dir, "2024-06-kia.xlsx"));
    await editBook(path.join(dir, "2024-06-gizi.xlsx"), (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "i:ttd-remaja")}`).value = 3;
    });
    await editBook(path.join(dir, "2024-06-kia.xlsx"), (book) => {
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = -4;
    });
    const before = yamlOnly(ws);
    const r = await lokmin(["import", "2024-06", dir, "--json"], { cwd: ws });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: "2024-06-kia.xlsx",
        sheet: "Capaian",
        message: expect.stringContaining("negatif"),
      }),
    ]);
    expect(yamlOnly(ws)).toEqual(before);
  });
});

describe("three-way import: a workbook carries the YAML it was made from", () => {
  const gizi = (dir: string) => path.join(dir, "2024-05/program/gizi.yaml");
  const rapat = (dir: string) => path.join(dir, "2024-05/rapat.yaml");
  const byHand = (dir: string) => {
    let text = readFileSync(gizi(dir), "utf8");
    // Each edit must find its text: the example changing under the test fails it here, not silently.
    const edit = (from: string, to: string) => {
      expect(text, from).toContain(from);
      text = text.replace(from, to);
    };
    edit("    bulan_ini: 69\n    kumulatif: 291", "    bulan_ini: 78\n    kumulatif: 300");
    edit("Dusun terjauh di desa Tanjung Sari", "Dusun terjauh di Tanjung Sari dan Mekar Jaya");
    edit("    waktu: Minggu ke-2", "    waktu: Minggu ke-3");
    edit(
      "    hasil: Laporan dikirim tepat waktu\n",
      "    hasil: Laporan dikirim tepat waktu\n  - kegiatan: Sweeping balita\n    hasil: 40 balita ditimbang\n",
    );
    writeFileSync(gizi(dir), text);
    writeFileSync(rapat(dir), readFileSync(rapat(dir), "utf8").replace("    status: hadir", "    status: izin"));
  };

  it("keeps values filled in the YAML by hand when the untouched workbook is imported (no arguments)", async () => {
    const work = await formedCopy("2024-05", "gizi,rapat");
    byHand(work);
    const typed = yamlOnly(work);
    expect(readFileSync(gizi(work), "utf8")).toContain("bulan_ini: 78");
    const r = await lokmin(["import", "2024-05"], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("0 berkas YAML diubah");
    expect(r.stderr).toBe("");
    expect(yamlOnly(work)).toEqual(typed);
    // `form` again: the untouched workbooks are brought up to date, nothing is refused or lost.
    const again = await lokmin(["form", "2024-05", "--only", "gizi,rapat"], { cwd: work });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("diperbarui: 2024-05/isian/2024-05-gizi.xlsx");
    expect((await lokmin(["import", "2024-05"], { cwd: work })).stdout).toContain("0 berkas YAML diubah");
    expect(yamlOnly(work)).toEqual(typed);
  });

  it("writes what the workbook changed next to the hand edits, and a second import changes nothing", async () => {
    const work = await formedCopy("2024-05", "gizi,rapat");
    byHand(work);
    const book = path.join(work, "2024-05/isian/2024-05-gizi.xlsx");
    await editBook(book, (b) => {
      const s = sheet(b, "Capaian");
      s.getCell(`${COL.catatan}${rowOf(s, "i:balita")}`).value = "Dua posyandu ditunda";
    });
    const r = await lokmin(["import", "2024-05"], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("2024-05-gizi.xlsx → 2024-05/program/gizi.yaml: 1 nilai diubah");
    const text = readFileSync(gizi(work), "utf8");
    expect(text).toContain("catatan: Dua posyandu ditunda");
    for (const kept of ["bulan_ini: 78", "kumulatif: 300", "Tanjung Sari dan Mekar Jaya", "Minggu ke-3", "Sweeping"])
      expect(text).toContain(kept);
    const files = yamlOnly(work);
    const second = await lokmin(["import", "2024-05"], { cwd: work });
    expect(second.stdout).toContain("0 berkas YAML diubah");
    expect(yamlOnly(work)).toEqual(files);
  });

  it("refuses a value changed in both the workbook and the YAML, naming both; --force: the workbook wins", async () => {
    const work = await formedCopy("2024-05", "gizi,rapat");
    byHand(work);
    const book = path.join(work, "2024-05/isian/2024-05-gizi.xlsx");
    let row = 0;
    await editBook(book, (b) => {
      const s = sheet(b, "Capaian");
      row = rowOf(s, "i:ttd-remaja");
      s.getCell(`${COL.bulan}${row}`).value = 95;
      const rpk = sheet(b, "RPK");
      rpk.getCell(`D${rowOf(rpk, "r:rpk")}`).value = "Minggu ke-4";
    });
    const typed = yamlOnly(work);
    const r = await lokmin(["import", "2024-05"], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`2024-05-gizi.xlsx, Capaian!${COL.bulan}${row}: konflik: isian berisi 95`);
    expect(r.stderr).toContain("2024-05/program/gizi.yaml (indikator[1].bulan_ini)");
    expect(r.stderr).toContain("berisi 78");
    expect(r.stderr).toContain("`lokmin import 2024-05 2024-05-gizi.xlsx --force`");
    expect(r.stderr).toMatch(/2024-05-gizi\.xlsx, RPK!B\d+: konflik: .*\(rpk\)/);
    expect(yamlOnly(work)).toEqual(typed);
    const forced = await lokmin(["import", "2024-05", "--force"], { cwd: work });
    expect(forced.status, forced.stderr).toBe(0);
    const text = readFileSync(gizi(work), "utf8");
    expect(text).toContain("    bulan_ini: 95\n    kumulatif: 317");
    expect(text).toContain("waktu: Minggu ke-4");
    // What the workbook did not change stays as typed by hand, even with --force.
    expect(text).toContain("Tanjung Sari dan Mekar Jaya");
    expect(yamlOnly(work).get("2024-05/rapat.yaml")).toEqual(typed.get("2024-05/rapat.yaml"));
  });

  it("a workbook of an older lokmin (no base) is imported the old way, with a one-line warning", async () => {
    const work = await formedCopy("2024-05", "gizi");
    const book = path.join(work, "2024-05/isian/2024-05-gizi.xlsx");
    await editBook(book, (b) => {
      b.removeWorksheet(sheet(b, "Dasar").id);
    });
    byHand(work);
    const r = await lokmin(["import", "2024-05"], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("peringatan: 2024-05-gizi.xlsx dibuat lokmin versi lama");
    expect(readFileSync(gizi(work), "utf8")).toContain("bulan_ini: 69");
  });

  it("a workbook whose base was tampered with is refused, naming the sheet", async () => {
    const work = await formedCopy("2024-05", "gizi");
    const book = path.join(work, "2024-05/isian/2024-05-gizi.xlsx");
    await editBook(book, (b) => {
      const s = sheet(b, "Dasar");
      const r = rowOf(s, "z:gizi");
      s.getCell(`E${r}`).value = `A${String(s.getCell(`E${r}`).value).slice(1)}`;
    });
    const r = await lokmin(["import", "2024-05"], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2024-05-gizi.xlsx, Dasar: data dasar isian untuk gizi tidak ada atau rusak");
  });

  it("form --force on a filled-in workbook keeps it in cadangan/, which import does not read", async () => {
    const work = await formedCopy("2024-05", "gizi");
    const book = path.join(work, "2024-05/isian/2024-05-gizi.xlsx");
    await editBook(book, (b) => {
      const s = sheet(b, "Capaian");
      s.getCell(`${COL.catatan}${rowOf(s, "i:balita")}`).value = "Dua posyandu ditunda";
    });
    const refused = await lokmin(["form", "2024-05", "--only", "gizi"], { cwd: work });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("impor dulu: `lokmin import 2024-05 2024-05/isian/2024-05-gizi.xlsx`");
    const forced = await lokmin(["form", "2024-05", "--only", "gizi", "--force"], { cwd: work });
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain("isian lama disimpan: 2024-05/isian/cadangan/2024-05-gizi.1.xlsx");
    const r = await lokmin(["import", "2024-05"], { cwd: work });
    expect(r.stdout).toContain("0 berkas YAML diubah");
  });
});

describe("the meeting workbook", () => {
  it("a bad date in Kesepakatan is one problem, at its cell", async () => {
    const work = await formedCopy("2024-06", "rapat");
    const book = path.join(work, "2024-06/isian/2024-06-rapat.xlsx");
    let row = 0;
    await editBook(book, (b) => {
      const k = sheet(b, "Kesepakatan");
      row = rowOf(k, "r:kesepakatan");
      for (const [col, value] of Object.entries({ C: "Kelas ibu hamil", G: "sri", H: "31/02/2024", I: "5 desa" }))
        k.getCell(`${col}${row}`).value = value;
    });
    const r = await lokmin(["import", "2024-06"], { cwd: work });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `2024-06-rapat.xlsx, Kesepakatan!H${row}: "31/02/2024" bukan tanggal; tulis tanggal seperti 21/05/2024\n` +
        "lokmin: 1 masalah di isian; tidak ada yang ditulis. Perbaiki sel yang disebut lalu impor lagi.\n",
    );
  });

  it("Evaluasi shows the person in charge by name; rows added to rapat.yaml since are not missing", async () => {
    const work = await formedCopy("2024-06", "rapat");
    const book = path.join(work, "2024-06/isian/2024-06-rapat.xlsx");
    const e = sheet(await openBook(book), "Evaluasi");
    expect(e.getCell(`D${rowOf(e, "e:2024-05/K01")}`).value).toBe("Fitri Handayani, S.Kep., Ns (fitri)");
    await editBook(book, (b) => {
      const s = sheet(b, "Evaluasi");
      s.getCell(`F${rowOf(s, "e:2024-05/K01")}`).value = "sebagian";
    });
    const text = readFileSync(path.join(work, "2024-06/rapat.yaml"), "utf8").replace(
      "evaluasi_kesepakatan:\n",
      "evaluasi_kesepakatan:\n  - id: 2024-02/K09\n    uraian: Ditambah tangan\n    penanggung_jawab: fitri\n" +
        "    tenggat: 2024-03-25\n    status: belum\n",
    );
    writeFileSync(path.join(work, "2024-06/rapat.yaml"), text);
    const r = await lokmin(["import", "2024-06"], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    const after = readFileSync(path.join(work, "2024-06/rapat.yaml"), "utf8");
    expect(after).toContain("id: 2024-02/K09\n    uraian: Ditambah tangan");
    expect(after).toMatch(/id: 2024-05\/K01\n(.*\n){3} {4}status: sebagian/);
  });
});
