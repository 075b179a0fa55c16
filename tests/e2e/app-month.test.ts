// The month's pages of the browser app through the handlers in-process (issue 27 points 4, 8 and 9):
// every page of rapat.yaml sent back unchanged writes nothing; an edit changes only its values;
// people, problems and agenda items are picked by name and written as their ids; a table of rows
// without ids (pembahasan) is edited cell by cell and merged whole; the scoring matrix's totals
// and ranks are those `lokmin rank` computes; hostile values never become YAML or markup.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { readData } from "../../src/io/yaml-source.js";
import { edit, formFields, testApp } from "../app-support.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI } from "../helpers.js";

const PAGES = [
  "undangan",
  "kehadiran",
  "pembahasan",
  "masalah",
  "prioritas",
  "solusi",
  "rtl",
  "kesepakatan",
  "penutup",
];

let root: string;
let rapat: string;
let original: string;
const onDisk = () => readFileSync(rapat, "utf8");
const data = () => readData(onDisk()) as any;
beforeEach(() => {
  root = copyWorkspace(MINI);
  rapat = path.join(root, "2024-02", "rapat.yaml");
  original = onDisk();
});

async function open(app: ReturnType<typeof testApp>, url: string) {
  const res = await app.get(url);
  expect(res.status, url).toBe(200);
  return formFields(await res.text(), url);
}

describe("the month's pages", () => {
  it("sent back unchanged write nothing: a routine, an MCUA, a first and a quarterly month", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const app = testApp(ws);
    for (const [month, pages] of [
      ["2024-05", PAGES],
      ["2024-04", PAGES],
      ["2024-01", [...PAGES, "pertama"]],
      ["2024-06", ["tribulanan"]],
    ] as const) {
      const file = path.join(ws, month, pages[0] === "tribulanan" ? "tribulanan.yaml" : "rapat.yaml");
      const before = readFileSync(file, "utf8");
      for (const page of pages) {
        const url = `/bulan/${month}/${page}`;
        const saved = await app.post(url, await open(app, url));
        expect(saved.status, url).toBe(303);
        expect(readFileSync(file, "utf8"), url).toBe(before);
      }
    }
  });

  it("the invitation: a date, a time and recipients picked by name, written as the documents want them", async () => {
    const app = testApp(root);
    const fields = await open(app, "/bulan/2024-02/undangan");
    const res = await app.post("/bulan/2024-02/undangan", [
      ...edit(fields, { tanggal: "2024-02-21", "waktu.mulai": "8.30", tempat: "Aula Puskesmas" }),
      ["undangan.penerima", "bidan"],
      ["undangan.penerima", "kapus"],
    ]);
    expect(res.status).toBe(303);
    expect(onDisk()).toBe(
      original
        .replace("tanggal: 2024-02-20", "tanggal: 2024-02-21")
        .replace('mulai: "08.00"', 'mulai: "08.30"')
        .replace("tempat: Aula", "tempat: Aula Puskesmas")
        .replace(
          "  hal: Undangan Lokmin Februari 2024\n",
          "  hal: Undangan Lokmin Februari 2024\n  penerima:\n    - kapus\n    - bidan\n",
        ),
    );
  });

  it("attendance: a status changed, a guest added by name; staff rows stay who they are", async () => {
    const app = testApp(root);
    const html = await (await app.get("/bulan/2024-02/kehadiran")).text();
    // Staff are shown by name, not as an id to type.
    expect(html).toContain("Citra Bidan — PJ KIA");
    const fields = formFields(html, "/bulan/2024-02/kehadiran");
    const res = await app.post("/bulan/2024-02/kehadiran", [
      ...edit(fields, { "hadir[tu].status": "hadir", "hadir[kapus].pegawai": "bidan" }),
      ["hadir[~1]", "1"],
      ["hadir[~1].nama", "Camat Mini"],
      ["hadir[~1].instansi", "Kecamatan Mini"],
      ["hadir[~1].status", "hadir"],
      ["hadir[~1].narasumber", "on"],
    ]);
    expect(res.status).toBe(303);
    expect(data().hadir).toEqual([
      { pegawai: "kapus", status: "hadir" },
      { pegawai: "tu", status: "hadir" },
      { pegawai: "bidan", status: "hadir" },
      { nama: "Camat Mini", instansi: "Kecamatan Mini", status: "hadir", narasumber: true },
    ]);
  });

  it("pembahasan: a row added under an agenda item picked by name; the row written keeps its agenda id", async () => {
    const app = testApp(root);
    const html = await (await app.get("/bulan/2024-02/pembahasan")).text();
    expect(html).toContain("1. Analisis capaian");
    const row = await (await app.get("/baris?halaman=2024-02%2Fpembahasan&daftar=pembahasan")).text();
    const key = /name="(pembahasan\[~\d+\])"/.exec(row)![1];
    const res = await app.post("/bulan/2024-02/pembahasan", [
      ...edit(formFields(html, "/bulan/2024-02/pembahasan"), { "pembahasan[0].keputusan": "Sweeping bulan Maret" }),
      [key, "1"],
      [`${key}.agenda`, "a01"],
      [`${key}.pembicara`, "kapus"],
      [`${key}.isi`, "Data gizi belum valid"],
      [`${key}.keputusan`, ""],
    ]);
    expect(res.status).toBe(303);
    expect(data().pembahasan).toEqual([
      { agenda: "a01", pembicara: "bidan", isi: "Capaian ibu hamil rendah", keputusan: "Sweeping bulan Maret" },
      { agenda: "a01", pembicara: "kapus", isi: "Data gizi belum valid" },
    ]);
  });

  it("a problem added with its root causes, and a kesepakatan with the next id of the month", async () => {
    const app = testApp(root);
    const problems = await open(app, "/bulan/2024-02/masalah");
    let res = await app.post("/bulan/2024-02/masalah", [
      ...problems,
      ["masalah[~1]", "1"],
      ["masalah[~1].judul", "Kunjungan balita rendah"],
      ["masalah[~1].program", "gizi"],
      ["masalah[~1].indikator", "balita"],
      ["masalah[~1].akar_masalah[~2]", "1"],
      ["masalah[~1].akar_masalah[~2].kategori", "Manusia"],
      ["masalah[~1].akar_masalah[~2].uraian", "Kader belum dilatih"],
    ]);
    expect(res.status).toBe(303);
    expect(data().masalah[2]).toEqual({
      id: "m3",
      judul: "Kunjungan balita rendah",
      program: "gizi",
      indikator: "balita",
      akar_masalah: [{ kategori: "Manusia", uraian: "Kader belum dilatih" }],
    });
    const page = await (await app.get("/bulan/2024-02/kesepakatan")).text();
    // The problem just added is offered by its title.
    expect(page).toContain(">Kunjungan balita rendah</option>");
    res = await app.post("/bulan/2024-02/kesepakatan", [
      ...formFields(page, "/bulan/2024-02/kesepakatan"),
      ["kesepakatan[~3]", "1"],
      ["kesepakatan[~3].uraian", "Pelatihan kader"],
      ["kesepakatan[~3].masalah", "m3"],
      ["kesepakatan[~3].penanggung_jawab", "tu"],
      ["kesepakatan[~3].tenggat", "2024-03-15"],
      ["kesepakatan[~3].target", "10 kader dilatih"],
      ["kesepakatan[~3].ditandatangani", "kapus"],
      ["kesepakatan[~3].ditandatangani", "tu"],
    ]);
    expect(res.status).toBe(303);
    expect(data().kesepakatan[1]).toEqual({
      id: "2024-02/K02",
      uraian: "Pelatihan kader",
      masalah: "m3",
      penanggung_jawab: "tu",
      tenggat: "2024-03-15",
      target: "10 kader dilatih",
      ditandatangani: ["kapus", "tu"],
    });
    // The carried evaluation: its status set here; its rows neither added nor removed from the page.
    const again = await open(app, "/bulan/2024-02/kesepakatan");
    res = await app.post("/bulan/2024-02/kesepakatan", [
      ...edit(again, { "evaluasi_kesepakatan[2024-01%2FK01].status": "sebagian" }),
      ["evaluasi_kesepakatan[~9]", "1"],
      ["evaluasi_kesepakatan[~9].status", "selesai"],
      ["evaluasi_kesepakatan[2023-12%2FK01]", "1"],
      ["evaluasi_kesepakatan[2023-12%2FK01].status", "selesai"],
    ]);
    expect(res.status).toBe(303);
    expect(data().evaluasi_kesepakatan).toEqual([{ id: "2024-01/K01", status: "sebagian", catatan: "Bidan cuti" }]);
    const without = (await open(app, "/bulan/2024-02/kesepakatan")).filter(
      ([k]) => !k.startsWith("evaluasi_kesepakatan"),
    );
    expect((await app.post("/bulan/2024-02/kesepakatan", without)).status).toBe(303);
    expect(data().evaluasi_kesepakatan).toHaveLength(1);
  });

  it("the scoring matrix: totals and ranks as `lokmin rank` computes them, refreshed from unsaved scores", async () => {
    const app = testApp(root);
    const html = await (await app.get("/bulan/2024-02/prioritas")).text();
    const fields = formFields(html, "/bulan/2024-02/prioritas");
    expect(fields).toContainEqual(["masalah[m1].skor.u", "5"]);
    // Raise m2 above m1 without saving: the results the page shows follow.
    const fragment = await (
      await app.post(
        "/bulan/2024-02/prioritas/hitung",
        edit(fields, { "masalah[m2].skor.u": "5", "masalah[m2].skor.s": "5" }),
      )
    ).text();
    const rows = [...fragment.matchAll(/<tr[^>]*><th scope="row">([^<]+)[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain("Capaian ibu hamil rendah");
    expect(rows[0]).toMatch(/<strong>12<\/strong>[\s\S]*<strong>2<\/strong>/);
    expect(rows[1]).toMatch(/<strong>13<\/strong>[\s\S]*<strong>1<\/strong>/);
    expect(onDisk()).toBe(original);
    // The same numbers as the CLI prints.
    const cli = await lokmin(["rank", "2024-02", "--json"], { cwd: root });
    const ranked = JSON.parse(cli.stdout).problems ?? JSON.parse(cli.stdout).masalah ?? JSON.parse(cli.stdout);
    expect(JSON.stringify(ranked)).toContain('"total":12');
  });

  it("last month's kesepakatan evaluated: each names what was agreed; saving a status changes it alone", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const file = path.join(ws, "2024-05", "rapat.yaml");
    const app = testApp(ws);
    const url = "/bulan/2024-05/kesepakatan";
    const html = await (await app.get(url)).text();
    expect(html).toContain("<legend>2024-04/K02 — Pelatihan penyegaran kader tentang pencatatan</legend>");
    const before = readFileSync(file, "utf8");
    const fields = formFields(html, url);
    expect(
      (await app.post(url, edit(fields, { "evaluasi_kesepakatan[2024-04%2FK02].status": "sebagian" }))).status,
    ).toBe(303);
    const changed = readFileSync(file, "utf8")
      .split("\n")
      .filter((line, i) => line !== before.split("\n")[i]);
    expect(changed).toEqual(["    status: sebagian"]);
  });

  it("saving scores writes the totals and ranks they give, as rank --write would: nothing left for check", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const file = path.join(ws, "2024-06", "rapat.yaml");
    const app = testApp(ws);
    const url = "/bulan/2024-06/solusi";
    const fields = formFields(await (await app.get(url)).text(), url);
    // m1's first solution from 30 (rank 2) to the top: M × I × V ÷ C = 5 × 5 × 5 ÷ 1.
    const scores = Object.fromEntries(
      Object.entries({ m: "5", i: "5", v: "5", c: "1" }).map(([k, v]) => [`masalah[m1].solusi[s1].skor.${k}`, v]),
    );
    expect((await app.post(url, edit(fields, scores))).status).toBe(303);
    const cli = JSON.parse((await lokmin(["rank", "2024-06", "--solusi", "--json"], { cwd: ws })).stdout);
    const m1 = (readData(readFileSync(file, "utf8")) as any).masalah[0];
    const ranked = cli.solutions.find((s: any) => s.problem === "m1").problems;
    expect(m1.solusi.map((s: any) => [s.id, s.total, s.peringkat])).toEqual(
      ranked.map((s: any) => [s.id, s.total, s.rank]),
    );
    expect(m1.solusi[0].peringkat).toBe(1);
    const checked = JSON.parse((await lokmin(["check", "2024-06", "--json"], { cwd: ws })).stdout);
    expect(checked.findings.filter((f: { rule: string }) => f.rule.startsWith("rank/"))).toEqual([]);
  });

  it("scoring findings name the problem by its title and the criterion by its name, not their ids", async () => {
    const app = testApp(root);
    const fields = formFields(await (await app.get("/bulan/2024-02/prioritas")).text(), "/bulan/2024-02/prioritas");
    const blank = fields.filter(([k]) => !k.startsWith("masalah[m2].skor"));
    const fragment = (await (await app.post("/bulan/2024-02/prioritas/hitung", blank)).text()).replace(/\s+/g, " ");
    expect(fragment).toMatch(/skor Urgency belum diisi untuk «Data balita belum valid»/);
    expect(fragment).not.toMatch(/\bm2\b/);
    expect(fragment).not.toContain("&#39;u&#39;");
  });

  it("Solusi names each criterion under its letter; the method line has no stray '; .' before scores", async () => {
    const app = testApp(root);
    const html = (await (await app.get("/bulan/2024-02/solusi")).text()).replace(/\s+/g, " ");
    for (const [letter, name] of [
      ["M", "Magnitude"],
      ["I", "Importancy"],
      ["V", "Vulnerability"],
      ["C", "Cost"],
      ["✓", "Solusi terpilih"],
    ])
      expect(html).toMatch(new RegExp(`>${letter}</abbr><small class="abbr-name">${name}</small>`));
    expect(html).toContain("Metode: Reinke / MIV-C; total = M × I × V / C.");
    expect(html).not.toMatch(/; \.|;\s*\./);
  });

  it("Masalah offers the indicators behind target that rank --candidates lists, added with one click", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const app = testApp(ws);
    const cli = JSON.parse((await lokmin(["rank", "2024-05", "--candidates", "--json"], { cwd: ws })).stdout) as {
      candidates: { nama: string; listed: boolean }[];
    };
    const open = cli.candidates.filter((c) => !c.listed);
    expect(open.length).toBeGreaterThan(0);
    const page = (await (await app.get("/bulan/2024-05/masalah")).text()).replace(/\s+/g, " ");
    expect(page).toContain("Calon masalah: indikator di bawah target");
    for (const c of open) expect(page).toContain(`<strong>${c.nama}</strong>`);
    const file = path.join(ws, "2024-05", "rapat.yaml");
    const before = (readData(readFileSync(file, "utf8")) as { masalah: unknown[] }).masalah.length;
    const res = await app.post("/bulan/2024-05/masalah/calon", []);
    expect(res.status).toBe(303);
    const after = readData(readFileSync(file, "utf8")) as { masalah: { judul: string }[] };
    expect(after.masalah).toHaveLength(before + open.length);
    const again = await (await app.get("/bulan/2024-05/masalah")).text();
    expect(again).toContain(`${open.length} calon ditambahkan sebagai masalah.`);
    expect(again).not.toContain("Calon masalah: indikator di bawah target");
  });

  it("the first Lokmin: a village given and a POA activity picked by name, scheduled by month", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const file = path.join(ws, "2024-01", "rapat.yaml");
    const before = readData(readFileSync(file, "utf8")) as any;
    const app = testApp(ws);
    const html = await (await app.get("/bulan/2024-01/pertama")).text();
    expect(html).toContain("POA tahunan");
    const fields = formFields(html, "/bulan/2024-01/pertama");
    const res = await app.post("/bulan/2024-01/pertama", [
      ...fields,
      ["pembagian_tugas[sri].wilayah_binaan", "Sidomulyo"],
      ["poa[~1]", "1"],
      ["poa[~1].program", "gizi"],
      ["poa[~1].indikator", "balita"],
      ["poa[~1].kegiatan", "Penimbangan balita di posyandu"],
      ["poa[~1].jadwal", "2"],
      ["poa[~1].jadwal", "8"],
      ["poa[~1].penanggung_jawab", "dewi"],
      ["poa[~1].sumber_dana", "BOK"],
    ]);
    expect(res.status).toBe(303);
    const after = readData(readFileSync(file, "utf8")) as any;
    expect(after.pembagian_tugas.find((p: any) => p.pegawai === "sri").wilayah_binaan).toContain("Sidomulyo");
    expect(after.poa).toHaveLength(before.poa.length + 1);
    expect(after.poa.at(-1)).toMatchObject({
      program: "gizi",
      indikator: "balita",
      kegiatan: "Penimbangan balita di posyandu",
      jadwal: [2, 8],
      penanggung_jawab: "dewi",
      sumber_dana: "BOK",
    });
    expect(after.poa.slice(0, -1)).toEqual(before.poa);
  });
});

describe("hostile values and files changed underneath", () => {
  it("refuses a line break in a one-line field and a choice not offered, at the field, writing nothing", async () => {
    const app = testApp(root);
    const fields = await open(app, "/bulan/2024-02/undangan");
    const res = await app.post(
      "/bulan/2024-02/undangan",
      edit(fields, { tempat: "Aula\npimpinan: tu", pimpinan: "../../etc/passwd", "waktu.mulai": "25.00" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("isian ini hanya satu baris");
    expect(html).toContain("pilih salah satu pilihan yang ada");
    expect(html).toContain("tulis jam seperti 08.00");
    expect(onDisk()).toBe(original);
  });

  it("prints markup typed into a table literally and writes it as text", async () => {
    const app = testApp(root);
    const fields = await open(app, "/bulan/2024-02/pembahasan");
    const evil = '<img src=x onerror=alert(1)> "quoted" {{x}} #not-a-comment';
    expect((await app.post("/bulan/2024-02/pembahasan", edit(fields, { "pembahasan[0].isi": evil }))).status).toBe(303);
    expect(data().pembahasan[0].isi).toBe(evil);
    const html = await (await app.get("/bulan/2024-02/pembahasan")).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("a table changed on disk and in the page is shown as a conflict with both, and nothing is written", async () => {
    const app = testApp(root);
    const fields = await open(app, "/bulan/2024-02/pembahasan");
    const elsewhere = original.replace("isi: Capaian ibu hamil rendah", "isi: Capaian K1 rendah");
    writeFileSync(rapat, elsewhere);
    const res = await app.post("/bulan/2024-02/pembahasan", edit(fields, { "pembahasan[0].keputusan": "Validasi" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Belum disimpan: 2024-02/rapat.yaml diubah di tempat lain");
    expect(html).toContain("Capaian K1 rendah");
    expect(onDisk()).toBe(elsewhere);
    // Choosing the page's rows writes them as shown, against the file as it is now.
    const shownAgain = formFields(html, "/bulan/2024-02/pembahasan");
    const chosen = await app.post("/bulan/2024-02/pembahasan", [...shownAgain, ["_pilih:pembahasan", "saya"]]);
    expect(chosen.status).toBe(303);
    expect(data().pembahasan).toEqual([
      { agenda: "a01", pembicara: "bidan", isi: "Capaian ibu hamil rendah", keputusan: "Validasi" },
    ]);
    writeFileSync(rapat, elsewhere);
    // Another field of the same file, changed only here, merges with the change made there.
    const again = await open(app, "/bulan/2024-02/pembahasan");
    writeFileSync(rapat, elsewhere.replace("hasil: Data cocok", "hasil: Data cocok setelah koreksi"));
    expect(
      (await app.post("/bulan/2024-02/pembahasan", edit(again, { "pembahasan[0].keputusan": "Validasi" }))).status,
    ).toBe(303);
    expect(data().verifikasi_data.hasil).toBe("Data cocok setelah koreksi");
    expect(data().pembahasan[0].keputusan).toBe("Validasi");
  });

  it("a month or page that does not exist, a pralokmin name leaving the folder: not found", async () => {
    const app = testApp(root);
    for (const url of [
      "/bulan/2024-09/undangan",
      "/bulan/2024-02/rahasia",
      "/bulan/2024-02/pralokmin/..%2F..%2Flokmin",
    ]) {
      expect((await app.get(url)).status, url).toBe(404);
    }
    expect((await app.get("/versi?berkas=..%2Fetc%2Fpasswd&v=x")).status).toBe(204);
  });
});
