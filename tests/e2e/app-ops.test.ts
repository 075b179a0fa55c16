// The month's operation pages of the browser app through the handlers in-process (issue 27 points 4–7):
// a new month prepared as `lokmin new` does; workbooks made, downloaded one and all, uploaded and shown
// cell by cell before anything is written, a file that is not a workbook set aside, the wrong month's
// workbook refused; Periksa's findings linking to the field that fixes them, the tilik, what keeps the
// documents DRAF; Dokumen rendering and serving the documents and the Word templates; Kirim building
// the package. Every page calls src/ops; these tests assert on the files those operations wrote.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readData } from "../../src/io/yaml-source.js";
import { readZip } from "../../src/render/zip.js";
import { COOKIE, ORIGIN, PORT, SECRETS, formFields, testApp } from "../app-support.js";
import ExcelJS from "exceljs";
import { COL, rowOf, sheet } from "../form-support.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI, tempDir } from "../helpers.js";

async function upload(app: ReturnType<typeof testApp>, url: string, files: { name: string; bytes: Uint8Array }[]) {
  const body = new FormData();
  body.set("_token", SECRETS.token);
  for (const f of files) body.append("berkas", new File([new Uint8Array(f.bytes)], f.name));
  return app.app.request(`${ORIGIN}${url}`, {
    method: "POST",
    body,
    headers: { host: `127.0.0.1:${PORT}`, cookie: COOKIE, origin: ORIGIN },
    redirect: "manual",
  });
}

/** A workbook of the month served by the app, with the month's figure for the program's first indicator set. */
async function filled(app: ReturnType<typeof testApp>, month: string, program: string, value: number) {
  const res = await app.get(`/bulan/${month}/isian/unduh/${month}-${program}.xlsx`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toContain(`${month}-${program}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const s = sheet(book, "Capaian");
  let key = "";
  s.eachRow((row) => {
    const v = row.getCell(1).value;
    if (!key && typeof v === "string" && v.startsWith("i:")) key = v;
  });
  const row = rowOf(s, key);
  s.getCell(`${COL.bulan}${row}`).value = value;
  return { bytes: new Uint8Array(await book.xlsx.writeBuffer()), cell: `Lembar Capaian, sel ${COL.bulan}${row}` };
}

async function newMonth(app: ReturnType<typeof testApp>, month: string) {
  const form = formFields(await (await app.get("/bulan/baru")).text(), "/bulan/baru");
  const res = await app.post(
    "/bulan/baru",
    form.map(([k, v]) => [k, k === "bulan" ? month : v]),
  );
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe(`/bulan/${month}`);
}

describe("the month's operations in the app", () => {
  it("prepares a month, makes the workbooks and imports a filled one only after its preview", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    await newMonth(app, "2024-03");
    expect(existsSync(path.join(root, "2024-03", "rapat.yaml"))).toBe(true);
    expect(await (await app.get("/bulan/2024-03")).text()).toContain("disiapkan");

    expect((await app.post("/bulan/2024-03/isian/buat", [])).status).toBe(303);
    const page = await (await app.get("/bulan/2024-03/isian")).text();
    expect(page).toContain("2024-03-kia.xlsx");
    const zip = await app.get("/bulan/2024-03/isian/semua.zip");
    expect([...readZip(new Uint8Array(await zip.arrayBuffer())).keys()]).toEqual(
      expect.arrayContaining(["2024-03-kia.xlsx", "2024-03-gizi.xlsx"]),
    );

    const kia = path.join(root, "2024-03", "program", "kia.yaml");
    const before = readFileSync(kia, "utf8");
    const { bytes, cell } = await filled(app, "2024-03", "kia", 17);
    const preview = await upload(app, "/bulan/2024-03/isian/unggah", [
      { name: "2024-03-kia.xlsx", bytes },
      { name: "catatan.txt", bytes: new TextEncoder().encode("bukan buku kerja") },
    ]);
    const shown = await preview.text();
    expect(preview.status).toBe(200);
    expect(shown).toContain("Yang akan berubah");
    expect(shown).toContain(cell);
    expect(shown).toMatch(/<td class="after"><div class="line">17<\/div><\/td>/);
    expect(shown).toContain("Disisihkan");
    expect(shown).toContain("catatan.txt");
    expect(readFileSync(kia, "utf8")).toBe(before);

    const fields = formFields(shown, "/bulan/2024-03/isian/impor");
    const done = await app.post("/bulan/2024-03/isian/impor", [...fields, ["aksi", "impor"]]);
    expect(done.status).toBe(303);
    expect(readFileSync(kia, "utf8")).not.toBe(before);
    const data = readData(readFileSync(kia, "utf8")) as { indikator: { bulan_ini?: number }[] };
    expect(data.indikator.some((i) => i.bulan_ini === 17)).toBe(true);
    expect(await (await app.get("/bulan/2024-03/isian")).text()).toContain("Diimpor");
  });

  it("the import preview reads like the workbook: names, field labels, lists as lines, the cell in words", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    expect((await app.post("/bulan/2024-02/isian/buat", [])).status).toBe(303);
    const res = await app.get("/bulan/2024-02/isian/unduh/2024-02-kia.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const s = sheet(book, "Capaian");
    const row = rowOf(s, "i:bumil");
    s.getCell(`${COL.bulan}${row}`).value = 11;
    const k = sheet(book, "Kegiatan");
    k.getCell(`C${rowOf(k, "r:kegiatan")}`).value = "18 ibu hamil hadir";
    k.getCell(`B${rowOf(k, "r:kegiatan", 1)}`).value = "Posyandu balita";
    k.getCell(`C${rowOf(k, "r:kegiatan", 1)}`).value = "4 dusun";
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const shown = (
      await (await upload(app, "/bulan/2024-02/isian/unggah", [{ name: "2024-02-kia.xlsx", bytes }])).text()
    ).replace(/\s+/g, " ");
    // The program and the indicator by their names in lokmin.yaml, the field by its label.
    expect(shown).toContain("2024-02-kia.xlsx → Program Kesehatan Ibu dan Anak");
    expect(shown).not.toContain("2024-02/program/kia.yaml");
    expect(shown).toContain(`<td>Lembar Capaian, sel ${COL.bulan}${row}</td><td>Pelayanan ibu hamil › Bulan ini</td>`);
    expect(shown).not.toMatch(/indikator › 1/);
    // A list one line per item, its fields named; never JSON.
    expect(shown).toContain("<td>Kegiatan</td>");
    expect(shown).toContain('<div class="line">• Kegiatan: Kelas ibu hamil; Hasil: 18 ibu hamil hadir</div>');
    expect(shown).not.toContain("[{");
    expect(shown).not.toContain("&quot;kegiatan&quot;");
  });

  it("refuses the wrong month's workbook and writes nothing", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    await newMonth(app, "2024-03");
    await newMonth(app, "2024-04");
    await app.post("/bulan/2024-03/isian/buat", []);
    await app.post("/bulan/2024-04/isian/buat", []);
    const { bytes } = await filled(app, "2024-03", "kia", 9);
    const kia = path.join(root, "2024-04", "program", "kia.yaml");
    const before = readFileSync(kia, "utf8");
    const shown = await (
      await upload(app, "/bulan/2024-04/isian/unggah", [{ name: "2024-03-kia.xlsx", bytes }])
    ).text();
    expect(shown).toContain("Masalah yang menghentikan impor");
    expect(shown).toContain("2024-03");
    expect(shown).toMatch(/name="aksi" value="impor" disabled/);
    const fields = formFields(shown, "/bulan/2024-04/isian/impor");
    const tried = await app.post("/bulan/2024-04/isian/impor", [...fields, ["aksi", "impor"]]);
    expect(tried.status).toBe(200);
    expect(readFileSync(kia, "utf8")).toBe(before);
  });

  it("Periksa links each finding to the field that fixes it and shows the tilik and what keeps DRAF", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    const res = await app.get("/bulan/2024-02/periksa");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Daftar Tilik");
    expect(html).toContain("Yang membuat dokumen DRAF");
    const links = [...html.matchAll(/<a class="fix" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      const [url, anchor] = href.split("#");
      const target = await app.get(url);
      expect(target.status, href).toBe(200);
      if (anchor) expect(await target.text(), href).toContain(`id="${anchor}"`);
    }
    const status = await (await app.get("/bulan/2024-02/status")).text();
    expect(status).toContain('id="langkah"');
  });

  it("Dokumen names the documents an error keeps DRAF by their titles, in one box, as render decides it", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    await newMonth(app, "2024-03");
    const said = new RegExp(
      String.raw`dokumen ini dicetak dengan tanda DRAF \(jangan ditandatangani\): ([^.<]+)\. ` +
        String.raw`Perbaiki di Periksa lalu cetak lagi\.`,
    );
    const page = (await (await app.get("/bulan/2024-03/dokumen")).text()).replace(/\s+/g, " ");
    expect(said.exec(page), page.slice(0, 400)).not.toBeNull();
    const titles = said.exec(page)![1].split(", ");
    expect(titles).toContain("Notulen");
    for (const title of titles) expect(title).not.toMatch(/^[a-z-]+$/);
    // After a render: still one DRAF box, none of the terminal's words (`lokmin check`, render, internal names).
    const rendered = (await (await app.post("/bulan/2024-03/dokumen/cetak", [])).text()).replace(/\s+/g, " ");
    expect(rendered.match(/DRAF\b[^<]*jangan ditandatangani/g)).toHaveLength(1);
    expect(rendered).not.toContain("lokmin check");
    expect(rendered).not.toContain("jalankan render");
    expect(said.exec(rendered)![1].split(", ")).toEqual(titles);
  });

  it("Dokumen renders and serves the documents and templates; Kirim builds and serves the package", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    const rendered = await app.post("/bulan/2024-02/dokumen/cetak", []);
    expect(rendered.status).toBe(200);
    const html = await rendered.text();
    const files = [...html.matchAll(/href="\/bulan\/2024-02\/dokumen\/unduh\/([^"]+\.docx)"/g)].map((m) => m[1]);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(path.join(root, "2024-02", "dokumen", file))).toBe(true);
    const doc = await app.get(`/bulan/2024-02/dokumen/unduh/${files[0]}`);
    expect(doc.status).toBe(200);
    expect(
      Buffer.from(await doc.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    expect((await app.get("/bulan/2024-02/dokumen/unduh/..%2Flokmin.yaml")).status).toBe(404);
    // Each document's state on the page later: when it was rendered, and whether check keeps it DRAF.
    const later = await (await app.get("/bulan/2024-02/dokumen")).text();
    expect(later).toMatch(/dicetak \d{4}-\d{2}-\d{2} \d{2}\.\d{2}/);
    const errors = (await lokmin(["check", "2024-02", "--json"], { cwd: root })).stdout;
    const count = (JSON.parse(errors).findings as { severity: string }[]).filter((f) => f.severity === "error").length;
    expect(later).toContain(count ? `selama ada ${count} kesalahan di Periksa` : "tanpa tanda DRAF");

    const name = /<option value="([^"]+)"/.exec(html)![1];
    expect((await app.get(`/templat/${name}/awal.docx`)).status).toBe(404);
    const bad = new FormData();
    bad.set("_token", SECRETS.token);
    bad.set("dokumen", name);
    bad.set("kembali", "/bulan/2024-02/dokumen");
    bad.set("berkas", new File([new TextEncoder().encode("bukan word")], "x.docx"));
    const refused = await app.app.request(`${ORIGIN}/templat/unggah`, {
      method: "POST",
      body: bad,
      headers: { host: `127.0.0.1:${PORT}`, cookie: COOKIE, origin: ORIGIN },
      redirect: "manual",
    });
    expect(refused.status).toBe(303);
    expect(await (await app.get("/bulan/2024-02/dokumen")).text()).toContain("bukan dokumen Word");
    expect(existsSync(path.join(root, "templates", `${name}.docx`))).toBe(false);
    // A starting template: written where `lokmin template` writes it, and downloaded.
    const starter = await app.post(`/templat/${name}/awal.docx`, []);
    expect(starter.status).toBe(200);
    expect(starter.headers.get("content-disposition")).toContain(`${name}.docx`);

    // The starting template, changed in Word, uploaded back: the document's own template from now on.
    const good = new FormData();
    good.set("_token", SECRETS.token);
    good.set("dokumen", name);
    good.set("kembali", "/bulan/2024-02/dokumen");
    good.set("berkas", new File([new Uint8Array(await starter.arrayBuffer())], `${name}.docx`));
    const kept = await app.app.request(`${ORIGIN}/templat/unggah`, {
      method: "POST",
      body: good,
      headers: { host: `127.0.0.1:${PORT}`, cookie: COOKIE, origin: ORIGIN },
      redirect: "manual",
    });
    expect(kept.status).toBe(303);
    expect(existsSync(path.join(root, "templates", `${name}.docx`))).toBe(true);
    const after = await (await app.get("/bulan/2024-02/dokumen")).text();
    expect(after).toContain(`templates/${name}.docx`);
    expect(after).toContain("Word milik sendiri");

    const built = await app.post("/bulan/2024-02/kirim/buat", []);
    expect(built.status).toBe(200);
    expect(await built.text()).toContain("rapat.yaml");
    const pkg = await app.get("/bulan/2024-02/kirim/unduh");
    expect(pkg.status).toBe(200);
    const entries = readZip(new Uint8Array(await pkg.arrayBuffer()));
    expect([...entries.keys()].some((k) => k.endsWith("rapat.yaml"))).toBe(true);
  });

  it("Kirim says the documents are DRAF and builds a package with errors only when asked again", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    await newMonth(app, "2024-03");
    const zips = () => readdirSync(path.join(root, "2024-03")).filter((f) => f.endsWith(".zip"));
    const intro = (await (await app.get("/bulan/2024-03/kirim")).text()).replace(/\s+/g, " ");
    expect(intro).toContain("data bulan ini, dokumennya dan hasil pemeriksaan");
    expect(intro).not.toMatch(/berkas YAML|SHA-256/);

    const asked = (await (await app.post("/bulan/2024-03/kirim/buat", [])).text()).replace(/\s+/g, " ");
    expect(asked).toMatch(/Periksa masih menemukan \d+ kesalahan: dokumen di dalam paket bertanda DRAF/);
    expect(asked).toContain("Tetap kirim paket DRAF");
    expect(zips()).toEqual([]);

    const fields = formFields(asked, "/bulan/2024-03/kirim/buat").filter(([k]) => k === "draf");
    expect(fields).toEqual([["draf", "ya"]]);
    const built = await (await app.post("/bulan/2024-03/kirim/buat", fields)).text();
    expect(built).toContain("dibuat");
    expect(built).not.toContain("Tetap kirim paket DRAF");
    expect(zips()).toHaveLength(1);
  });

  it("opens a document with the computer's program, and refuses any name but the month's", async () => {
    const root = copyWorkspace(MINI);
    const bin = tempDir("lokmin-open-");
    const script = path.join(bin, "buka-word");
    writeFileSync(script, `#!/bin/sh\nprintf '%s' "$1" > "${path.join(bin, "dibuka")}"\n`, { mode: 0o755 });
    const app = testApp(root, { LOKMIN_OPEN_WITH: script });
    await app.post("/bulan/2024-02/dokumen/cetak", []);
    const res = await app.post("/bulan/2024-02/dokumen/buka", [["berkas", "2024-02-notulen.docx"]]);
    expect(res.status).toBe(303);
    // The program runs on its own: its file exists (the shell's `>`) before it holds what was printed.
    const opened = path.join(bin, "dibuka");
    await expect
      .poll(() => (existsSync(opened) ? readFileSync(opened, "utf8") : ""))
      .toBe(path.join(root, "2024-02", "dokumen", "2024-02-notulen.docx"));
    expect(await (await app.get("/bulan/2024-02/dokumen")).text()).toContain("dibuka dengan program bawaan");
    for (const name of ["../lokmin.yaml", "2024-01-notulen.docx", "2024-02-tidak-ada.docx"])
      expect((await app.post("/bulan/2024-02/dokumen/buka", [["berkas", name]])).status, name).toBe(404);
  });

  it("upload names are labels only: no folders or control characters, too many refused, nothing written", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    const before = readFileSync(path.join(root, "2024-02", "program", "kia.yaml"), "utf8");
    const odd = await upload(app, "/bulan/2024-02/isian/unggah", [
      { name: "..\\..\\lokmin.yaml", bytes: new TextEncoder().encode("a: 1") },
      { name: "../../evil\u0007.xlsx", bytes: new TextEncoder().encode("bukan") },
    ]);
    const html = await odd.text();
    expect(html).toContain("Disisihkan");
    expect(html).not.toContain("..");
    expect(html).toContain("evil.xlsx");
    expect(existsSync(path.join(root, "evil.xlsx"))).toBe(false);
    const many = Array.from({ length: 41 }, (_, i) => ({ name: `b${i}.xlsx`, bytes: new Uint8Array([1]) }));
    expect(await (await upload(app, "/bulan/2024-02/isian/unggah", many)).text()).toContain("paling banyak 40 berkas");
    expect(readFileSync(path.join(root, "2024-02", "program", "kia.yaml"), "utf8")).toBe(before);
  });

  it("a starting template that cannot be written is said on the Dokumen page, nothing downloaded", async () => {
    const root = copyWorkspace(MINI);
    rmSync(path.join(root, "templates"), { recursive: true, force: true });
    writeFileSync(path.join(root, "templates"), "bukan folder");
    const app = testApp(root);
    const res = await app.post("/templat/undangan/awal.docx", [["kembali", "/bulan/2024-02/dokumen"]]);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/bulan/2024-02/dokumen");
    const page = await (await app.get("/bulan/2024-02/dokumen")).text();
    expect(page).toContain("templates");
    expect(page).toContain('class="flash');
    const upload = new FormData();
    upload.set("_token", SECRETS.token);
    upload.set("dokumen", "undangan");
    upload.set("kembali", "/bulan/2024-02/dokumen");
    upload.set("berkas", new File([new Uint8Array(await (await app.get("/aset/ikon.svg")).arrayBuffer())], "x.docx"));
    const refused = await app.app.request(`${ORIGIN}/templat/unggah`, {
      method: "POST",
      body: upload,
      headers: { host: `127.0.0.1:${PORT}`, cookie: COOKIE, origin: ORIGIN },
      redirect: "manual",
    });
    expect(refused.status).toBe(303);
    expect(await (await app.get("/bulan/2024-02/dokumen")).text()).toContain("bukan folder");
    expect(readFileSync(path.join(root, "templates"), "utf8")).toBe("bukan folder");
  });

  it("a new month is chosen from months named in Indonesian, the next one chosen, those present left out", async () => {
    const root = copyWorkspace(MINI);
    const page = await (await testApp(root).get("/bulan/baru")).text();
    const select = page.slice(
      page.indexOf('<select id="f-bulan"'),
      page.indexOf("</select>", page.indexOf('id="f-bulan"')),
    );
    expect(select).toContain('<option value="2024-03" selected="">Maret 2024</option>');
    expect(select).toContain('<option value="2022-03">Maret 2022</option>');
    expect(select).toContain('<option value="2025-03">Maret 2025</option>');
    // MINI holds January and February 2024: neither can be made again from this page.
    expect(select).not.toContain('value="2024-01"');
    expect(select).not.toContain('value="2024-02"');
    expect(page).not.toContain('type="month"');
  });

  it("carries chosen solutions on as RTL and the RTL as kesepakatan, typed once; twice adds nothing", async () => {
    const root = copyWorkspace(EXAMPLE);
    const file = path.join(root, "2024-05", "rapat.yaml");
    // The month as it stands after scoring the solutions: no RTL and no kesepakatan written yet.
    const emptied = (text: string, key: string) =>
      text.replace(
        new RegExp(`\\n${key}:\\n(?:(?: |-|#).*\\n|\\n)*`),
        `\n${key}: [] # diisi dari langkah sebelumnya\n`,
      );
    writeFileSync(file, emptied(emptied(readFileSync(file, "utf8"), "rtl"), "kesepakatan"));
    const before = readFileSync(file, "utf8");
    const app = testApp(root);
    const page = await (await app.get("/bulan/2024-05/rtl")).text();
    const offered = [...page.matchAll(/data-follow-up="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
    expect(offered).toEqual([
      ["r1", "Posyandu/posbindu sore hari di dusun terjauh"],
      ["r2", "Koordinasi lintas sektor dengan kepala desa dan PKK"],
      ["r3", expect.any(String)],
    ]);
    const made = await app.post("/bulan/2024-05/rtl/dari-solusi", formFields(page, "/bulan/2024-05/rtl/dari-solusi"));
    expect(made.status).toBe(303);
    expect(await (await app.get("/bulan/2024-05/rtl")).text()).toContain("3 kegiatan RTL dibuat");
    const rtl = (
      readData(readFileSync(file, "utf8")) as { rtl: { id: string; kegiatan: string; penanggung_jawab: string }[] }
    ).rtl;
    expect(rtl.map((r) => [r.id, r.kegiatan, r.penanggung_jawab])).toEqual(
      offered.map(([id, text], i) => [id, text, ["fitri", "bambang", expect.any(String)][i]]),
    );
    // Only the list was written: every other line of the file is as it was, comments included.
    const after = readFileSync(file, "utf8");
    expect(after.split("\n").filter((line) => !before.includes(line))).toEqual(
      expect.arrayContaining(["  - id: r1", "    masalah: m1"]),
    );
    expect(after).toContain("# diisi dari langkah sebelumnya");

    // Kesepakatan need the activity's measure of success as their target: until it is there, they wait and say why.
    const waiting = await (await app.get("/bulan/2024-05/kesepakatan")).text();
    expect(waiting).toContain('data-follow-up-skipped="r1"');
    // Named by the activity's own words, every placeholder filled.
    expect(waiting).toContain("Belum bisa: «Posyandu/posbindu sore hari di dusun terjauh» belum punya indikator");
    expect(waiting).not.toMatch(/\{[a-z]+\}/);
    expect(waiting).not.toContain("/bulan/2024-05/kesepakatan/dari-rtl");
    writeFileSync(
      file,
      after.replace(
        "kegiatan: Posyandu/posbindu sore hari di dusun terjauh\n    penanggung_jawab: fitri\n",
        "kegiatan: Posyandu/posbindu sore hari di dusun terjauh\n    penanggung_jawab: fitri\n" +
          "    indikator_keberhasilan: Kesenjangan hipertensi turun 5 poin\n",
      ),
    );
    const ready = await (await app.get("/bulan/2024-05/kesepakatan")).text();
    expect(ready).toContain('data-follow-up="2024-05/K01"');
    await app.post("/bulan/2024-05/kesepakatan/dari-rtl", formFields(ready, "/bulan/2024-05/kesepakatan/dari-rtl"));
    const agreed = (readData(readFileSync(file, "utf8")) as { kesepakatan: Record<string, unknown>[] }).kesepakatan;
    expect(agreed).toEqual([
      {
        id: "2024-05/K01",
        uraian: "Posyandu/posbindu sore hari di dusun terjauh",
        program: "ptm",
        indikator: "ht",
        masalah: "m1",
        penanggung_jawab: "fitri",
        tenggat: "2024-06-30",
        target: "Kesenjangan hipertensi turun 5 poin",
        ditandatangani: ["ratna", "fitri"],
      },
    ]);
    // Again: nothing more to carry on, the file unchanged.
    const settled = readFileSync(file, "utf8");
    await app.post("/bulan/2024-05/rtl/dari-solusi", formFields(page, "/bulan/2024-05/rtl/dari-solusi"));
    await app.post("/bulan/2024-05/kesepakatan/dari-rtl", formFields(ready, "/bulan/2024-05/kesepakatan/dari-rtl"));
    expect(readFileSync(file, "utf8")).toBe(settled);
  });

  it("a month just prepared shows its steps as still to fill in, and a wrong value as a mistake", async () => {
    const root = copyWorkspace(EXAMPLE);
    const app = testApp(root);
    await newMonth(app, "2024-07");
    const states = async () =>
      Object.fromEntries(
        [
          ...(await (await app.get("/bulan/2024-07/status")).text()).matchAll(
            /<li class="step ([a-z]*)"><a href="\/bulan\/2024-07\/([a-z]+)">/g,
          ),
        ].map((m) => [m[2], m[1]]),
      );
    const fresh = await states();
    // Nothing is wrong yet, only not done: no step of the new month is marked as a mistake.
    expect(Object.values(fresh)).not.toContain("error");
    expect(fresh).toMatchObject({ undangan: "todo", kehadiran: "todo", kesepakatan: "todo", periksa: "todo" });
    const file = path.join(root, "2024-07", "rapat.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^tanggal: null/m, "tanggal: 2024-08-05"));
    const wrong = await states();
    expect(wrong.periksa).toBe("error");
    expect(Object.entries(wrong).filter(([, state]) => state === "error").length).toBe(2);
  });

  it("a new month offers its quarterly meeting at a quarter's end only where lokmin.yaml has a roster", async () => {
    const root = copyWorkspace(MINI);
    const ticked = async () =>
      /<input type="checkbox"[^>]*name="tribulanan"[^>]*checked/.test(
        await (await testApp(root).get("/bulan/baru")).text(),
      );
    // MINI's next month is March, a quarter's last; no cross-sector roster yet.
    expect(await ticked()).toBe(false);
    const yaml = path.join(root, "lokmin.yaml");
    writeFileSync(
      yaml,
      `${readFileSync(yaml, "utf8")}lintas_sektor:\n  peserta:\n` +
        "    - id: camat\n      nama: Camat Uji\n      instansi: Kecamatan Uji\n",
    );
    expect(await ticked()).toBe(true);
  });

  it("completes a month and adds its quarterly meeting from the overview, as lokmin new does", async () => {
    const root = copyWorkspace(MINI);
    const app = testApp(root);
    const gizi = path.join(root, "2024-02", "program", "gizi.yaml");
    const rapat = readFileSync(path.join(root, "2024-02", "rapat.yaml"), "utf8");
    rmSync(gizi);
    expect(await (await app.get("/bulan/2024-02")).text()).toContain("Lengkapi berkas yang hilang");
    expect((await app.post("/bulan/2024-02/lengkapi", [])).status).toBe(303);
    expect(existsSync(gizi)).toBe(true);
    expect(readFileSync(path.join(root, "2024-02", "rapat.yaml"), "utf8")).toBe(rapat);
    expect(await (await app.get("/bulan/2024-02")).text()).toContain("Dilengkapi: 1 berkas dibuat");
    expect((await app.post("/bulan/2024-02/tribulanan-baru", [])).status).toBe(303);
    expect(existsSync(path.join(root, "2024-02", "tribulanan.yaml"))).toBe(true);
    const overview = await (await app.get("/bulan/2024-02")).text();
    expect(overview).toContain('href="/bulan/2024-02/tribulanan"');
    expect(overview).not.toContain("Tambah Lokmin tribulanan");
    // The new quarterly meeting's open steps are findings Periksa shows, each with its severity.
    const checks = await app.get("/bulan/2024-02/periksa");
    expect(checks.status).toBe(200);
    const page = await checks.text();
    expect(page).toContain("tribulanan/peran-sektor");
    expect(page).not.toMatch(/class="finding undefined"/);
    const json = JSON.parse((await lokmin(["-C", root, "check", "2024-02", "--json"])).stdout);
    expect(json.findings.filter((f: { severity?: string }) => !f.severity)).toEqual([]);
  });
});
