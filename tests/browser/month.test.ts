// Issue 27's proof: a newcomer's whole month in a real browser (Debian's chromium via playwright-core),
// against `lokmin buka --tanpa-browser` running as the real process. Nothing is typed but what a
// Kasubag TU types into the pages: the workspace is created and set up, the month prepared, the
// coordinator's workbook downloaded, filled in as in Excel (exceljs here), dropped back onto the page
// and imported after its cell-by-cell preview, a stray file set aside; the invitation and the whole
// meeting entered (attendance, pembahasan, a problem with its root causes, scores, solutions, RTL,
// kesepakatan with problem, indicator and PJ picked by name, the first Lokmin's tasks and POA); the
// check clean of errors; the documents rendered without DRAF; the package built and downloaded; and
// next month, last month's workbook dropped again is refused with nothing written. Asserts on the YAML,
// the documents and the package. Each page is photographed at 1366×768, 125 % (tests/.tmp/screens).
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readData } from "../../src/io/yaml-source.js";
import { readZip } from "../../src/render/zip.js";
import { rowOf, sheet } from "../form-support.js";
import { copyWorkspace, EXAMPLE, lokmin, REPO, tempDir } from "../helpers.js";
import {
  type Buka,
  launchBrowser,
  session as signedIn,
  shot as screenshot,
  skipBrowser,
  startBuka,
} from "./support.js";

const MONTH = "2024-05";

describe.skipIf(Boolean(skipBrowser))("a newcomer's whole month in chromium", () => {
  let browser: Browser;
  let buka: Buka;
  let url: string;
  let home: string;
  const problems: string[] = [];

  beforeAll(async () => {
    [browser, buka] = await Promise.all([
      launchBrowser(),
      startBuka(undefined, { LOKMIN_TODAY: "2024-05-10" }, { scope: "file" }),
    ]);
    ({ url, home } = buka);
  });

  afterAll(async () => {
    await browser?.close();
    await buka?.stop();
  });

  const session = () => signedIn(browser, url, problems);

  const shot = (page: Page, name: string) => screenshot(page, `bulan-${name}`);
  const click = async (page: Page, name: string | RegExp) =>
    Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name, exact: true }).click()]);
  const save = async (page: Page, name: string) => {
    await shot(page, name);
    await click(page, "Simpan");
    const flash = await page.locator(".flash").first().textContent();
    expect(flash, `${name}: ${await page.locator(".note.error").allTextContents()}`).toMatch(/Tersimpan/);
  };
  const nav = async (page: Page, name: string) => {
    await page.locator("nav").getByRole("link", { name, exact: true }).first().click();
    await page.waitForLoadState("load");
  };
  const addRow = async (page: Page, button: string) => {
    const before = await page.locator("[data-row]").count();
    await page.getByRole("button", { name: button }).click();
    await expect.poll(() => page.locator("[data-row]").count()).toBeGreaterThan(before);
  };

  /** The coordinator's work in Excel: every yellow cell of the KIA workbook the month needs. */
  async function fillInExcel(bytes: Buffer): Promise<{ bytes: Uint8Array; cells: Record<string, string> }> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer as ArrayBuffer);
    const figures: Record<string, number> = {
      bumil: 60,
      k1: 70,
      k4: 65,
      bulin: 64,
      "lahir-hidup": 64,
      bbl: 64,
      kn1: 63,
    };
    const cells: Record<string, string> = {};
    const capaian = sheet(book, "Capaian");
    for (const [id, n] of Object.entries(figures)) {
      const r = rowOf(capaian, `i:${id}`);
      capaian.getCell(`J${r}`).value = n;
      // The workspace's first month: the year's cumulative so far is the coordinator's to write.
      capaian.getCell(`K${r}`).value = n * 4;
      cells[id] = `Lembar Capaian, sel J${r}`;
    }
    const kegiatan = sheet(book, "Kegiatan");
    const k = rowOf(kegiatan, "r:kegiatan");
    kegiatan.getCell(`B${k}`).value = "Kelas ibu hamil di Desa Sukamaju";
    kegiatan.getCell(`C${k}`).value = "18 ibu hamil hadir";
    kegiatan.getCell(`B${rowOf(kegiatan, "r:rencana")}`).value = "Sweeping ibu hamil yang belum K1";
    const analisis = sheet(book, "Analisis");
    analisis.getCell(`C${rowOf(analisis, "a:orang")}`).value = "Ibu hamil di dusun terjauh";
    analisis.getCell(`C${rowOf(analisis, "a:waktu")}`).value = "Musim panen";
    analisis.getCell(`C${rowOf(analisis, "a:tempat")}`).value = "Dusun III Sukamaju";
    const rpk = sheet(book, "RPK");
    const p = rowOf(rpk, "r:rpk");
    for (const [col, v] of Object.entries({
      B: "Posyandu sore di dusun terjauh",
      C: "Ibu hamil",
      D: "Juni 2024",
      E: "Dusun III",
      F: "Sri Wahyuni, A.Md.Keb (sri)",
      G: "BOK",
    }))
      rpk.getCell(`${col}${p}`).value = v;
    return { bytes: new Uint8Array(await book.xlsx.writeBuffer()), cells };
  }

  /** The text of the option a person picks, found by a part of its name. */
  const optionLabel = async (page: Page, select: string, part: string) =>
    page
      .locator(`${select} option`)
      .evaluateAll((options, p) => options.map((o) => o.textContent ?? "").find((t) => t.includes(p)) ?? p, part);

  /** Files dropped onto the page's drop zone, as from Explorer. */
  async function drop(page: Page, files: { name: string; bytes: Uint8Array }[]) {
    const transfer = await page.evaluateHandle(
      (list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        return dt;
      },
      files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString("base64") })),
    );
    await page.locator("[data-jatuhkan]").dispatchEvent("drop", { dataTransfer: transfer });
    await expect.poll(() => page.locator("[data-jatuhkan] .chosen").textContent()).toContain(files[0].name);
  }

  let workspace: string;
  let filledBook: Uint8Array;

  it("from an empty folder to the package for the Dinas, with zero commands and zero YAML typed", async () => {
    const { context, page } = await session();
    // --- create and set up --------------------------------------------------------------------------------
    await page.getByLabel("Nama Puskesmas").fill("UPTD Puskesmas Contoh Baru");
    workspace = path.join(home, "Documents", "UPTD Puskesmas Contoh Baru");
    await page.getByLabel("Kecamatan").fill("Contoh");
    await page.getByLabel("Kabupaten/Kota").fill("Kabupaten Contoh");
    await page.getByLabel("Alamat Puskesmas").fill("Jl. Merdeka No. 5");
    await page.getByLabel("Nama Kepala Puskesmas (dengan gelar)").fill("dr. Hana Putri");
    await page.getByLabel("NIP Kepala Puskesmas").fill("19690826 200212 2 003");
    await page.getByLabel("Nama Kasubag TU (dengan gelar)").fill("Budi Santoso, S.Sos");
    await Promise.all([
      page.waitForURL("**/pengaturan"),
      page.getByRole("button", { name: "Buat folder data" }).click(),
    ]);

    await page.getByRole("link", { name: "Pegawai", exact: true }).click();
    await page.getByRole("button", { name: "+ Tambah pegawai" }).click();
    const staff = page.getByLabel("Nama (dengan gelar)").last();
    await expect.poll(() => staff.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("Sri Wahyuni, A.Md.Keb");
    await page.keyboard.press("Tab");
    await page.keyboard.type("19820422 200801 2 011");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Bidan Koordinator");
    await save(page, "00-pegawai");

    // Only KIA is run here: every other program unticked, KIA given to the new coordinator.
    await page.getByRole("link", { name: "Program", exact: true }).click();
    for (const box of await page.getByRole("checkbox", { name: /^Dipakai: / }).all()) {
      const name =
        (await box.getAttribute("aria-label")) ??
        (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ""));
      if (!name.includes("Kesehatan Ibu dan Anak")) await box.uncheck();
    }
    await page.getByLabel("Penanggung jawab (PJ): Kesehatan Ibu dan Anak").selectOption("sri");
    await save(page, "00-program");
    await page.getByRole("link", { name: "Indikator: Kesehatan Ibu dan Anak" }).click();
    for (const field of await page.getByLabel(/^Sasaran setahun: /).all()) await field.fill("800");
    await save(page, "00-indikator");

    // --- prepare the month ------------------------------------------------------------------------------------
    await page.getByRole("link", { name: "Beranda", exact: true }).click();
    await page.getByRole("link", { name: "Siapkan bulan baru" }).click();
    await shot(page, "01-bulan-baru");
    await click(page, "Siapkan bulan");
    expect(new URL(page.url()).pathname).toBe(`/bulan/${MONTH}`);
    await expect.poll(() => page.locator("#langkah .state").count()).toBeGreaterThan(0);
    await shot(page, "02-ringkasan");
    const rapat = path.join(workspace, MONTH, "rapat.yaml");
    const kia = path.join(workspace, MONTH, "program", "kia.yaml");
    expect(existsSync(rapat) && existsSync(kia)).toBe(true);

    // --- the coordinator's workbook: made, downloaded, filled in Excel, dropped back, previewed, imported ------
    await nav(page, "Isian koordinator");
    await click(page, "Buat atau perbarui buku kerja");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: `${MONTH}-kia.xlsx` }).click(),
    ]);
    const saved = path.join(tempDir("lokmin-month-dl-"), download.suggestedFilename());
    await download.saveAs(saved);
    const { bytes, cells } = await fillInExcel(readFileSync(saved));
    filledBook = bytes;
    const kiaBefore = readFileSync(kia, "utf8");
    // The same workbook through the CLI's path, on a copy of the workspace as it is now.
    const cliCopy = path.join(tempDir("lokmin-month-cli-"), "ws");
    cpSync(workspace, cliCopy, { recursive: true });
    const workbook = path.join(tempDir("lokmin-month-book-"), `${MONTH}-kia.xlsx`);
    writeFileSync(workbook, bytes);
    await drop(page, [
      { name: `${MONTH}-kia.xlsx`, bytes },
      { name: "foto rapat.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
    ]);
    await click(page, "Lihat perubahannya");
    const preview = page.locator(".preview");
    await expect.poll(() => preview.textContent()).toContain(cells.bumil);
    expect(await preview.textContent()).toContain("foto rapat.jpg");
    expect(await preview.textContent()).toContain("Disisihkan");
    await shot(page, "03-pratinjau-impor");
    // The changes read as the workbook does and fit 1366 px: no sideways scrolling, no JSON.
    expect(await preview.textContent()).toContain(
      "Kegiatan: Kelas ibu hamil di Desa Sukamaju; Hasil: 18 ibu hamil hadir",
    );
    expect(await preview.textContent()).not.toContain('"kegiatan"');
    for (const [scroll, client] of await preview
      .locator(".table-wrap")
      .evaluateAll((wraps) => wraps.map((w) => [w.scrollWidth, w.clientWidth])))
      expect(scroll).toBeLessThanOrEqual(client);
    expect(readFileSync(kia, "utf8")).toBe(kiaBefore);
    await click(page, "Impor ke berkas bulan ini");
    expect(await page.locator(".flash").first().textContent()).toContain("Diimpor");
    const program = readData(readFileSync(kia, "utf8")) as any;
    expect(program.indikator.find((i: any) => i.id === "bumil").bulan_ini).toBe(60);
    expect(program.rpk[0].penanggung_jawab).toBe("sri");
    expect(program.laporan_kegiatan[0].kegiatan).toBe("Kelas ibu hamil di Desa Sukamaju");
    const cli = await lokmin(["import", MONTH, workbook], { cwd: cliCopy });
    expect(cli.status, cli.stderr).toBe(0);
    expect(readFileSync(kia, "utf8")).toBe(readFileSync(path.join(cliCopy, MONTH, "program", "kia.yaml"), "utf8"));

    // --- the invitation ------------------------------------------------------------------------------------
    await nav(page, "Undangan");
    await page.getByLabel("Tanggal rapat").fill("2024-05-14");
    await page.getByLabel("Waktu selesai").fill("12.00");
    await page.getByLabel("Tempat").fill("Aula Puskesmas");
    await page.getByLabel("Pimpinan rapat").selectOption({ label: "dr. Hana Putri — Kepala Puskesmas" });
    await page.getByLabel("Notulis").selectOption({ label: "Budi Santoso, S.Sos — Kepala Subbagian Tata Usaha" });
    await page.getByLabel("Nomor urut surat").fill("12");
    await page.getByLabel("Nomor surat", { exact: true }).fill("440/012/PKM-CB/V/2024");
    await page.getByLabel("Tanggal surat").fill("2024-05-08");
    await save(page, "04-undangan");

    // --- the meeting ------------------------------------------------------------------------------------------
    await nav(page, "Kehadiran");
    for (const select of await page.getByLabel(/^Kehadiran: /).all()) await select.selectOption("hadir");
    await page.getByLabel("Evaluasi kehadiran").fill("Semua peserta hadir tepat waktu.");
    await save(page, "05-kehadiran");

    await nav(page, "Pembahasan");
    await page.getByLabel("Kepala Puskesmas", { exact: true }).fill("Umpan balik kinerka April; kebijakan baru.");
    await page.getByLabel("PJ program", { exact: true }).fill("Capaian KIA April disiapkan.");
    await page.getByLabel("Tata Usaha", { exact: true }).fill("Undangan, ruang dan notulen disiapkan.");
    await page.getByLabel("Tanggal", { exact: true }).fill("2024-05-13");
    await page.getByLabel("Hasil verifikasi").fill("Angka KIA cocok dengan register kohort.");
    await page.getByLabel("Hasilnya dilaporkan dalam Lokmin").check();
    await addRow(page, "+ Tambah informasi");
    await page
      .getByLabel(/^Sumber/)
      .last()
      .fill("Rapat Dinas Kesehatan");
    await page
      .getByLabel(/^Isi informasi/)
      .last()
      .fill("Jadwal BIAN diundur ke Juni.");
    await addRow(page, "+ Tambah pembahasan");
    await page.getByLabel("Pembicara").last().selectOption({ label: "Sri Wahyuni, A.Md.Keb — Bidan Koordinator" });
    await page.getByLabel("Yang disampaikan").last().fill("K1 di Dusun III rendah karena musim panen.");
    await page.getByLabel("Keputusan").last().fill("Posyandu sore di Dusun III.");
    await save(page, "06-pembahasan");

    await nav(page, "Masalah");
    await addRow(page, "+ Tambah masalah");
    await page.locator('[name^="masalah["][name$="].judul"]').last().fill("Cakupan K1 di bawah target");
    await page
      .locator('[name^="masalah["][name$="].program"]')
      .last()
      .selectOption({ label: "Kesehatan Ibu dan Anak" });
    await page
      .locator('[name^="masalah["][name$="].indikator"]')
      .last()
      .selectOption({ label: await optionLabel(page, '[name$="].indikator"]', "(K1)") });
    if ((await page.getByLabel(/^Akar masalah/).count()) === 0)
      await page
        .getByRole("button", { name: /Tambah akar masalah/ })
        .last()
        .click();
    await page
      .getByLabel(/^Akar masalah/)
      .first()
      .fill("Jadwal posyandu bentrok dengan panen");
    await page
      .getByLabel(/^Kategori/)
      .first()
      .selectOption({ label: "Metode" });
    await save(page, "07-masalah");

    await nav(page, "Prioritas");
    for (const field of await page
      .locator('input[name$=".skor.u"], input[name$=".skor.s"], input[name$=".skor.g"]')
      .all())
      await field.fill("4");
    await save(page, "08-prioritas");

    await nav(page, "Solusi");
    await addRow(page, "+ Tambah alternatif solusi");
    await page
      .getByLabel(/^Alternatif solusi/)
      .last()
      .fill("Posyandu sore hari di Dusun III");
    await page
      .getByLabel(/^Solusi terpilih/)
      .last()
      .check();
    for (const c of ["M", "I", "V", "C"])
      await page
        .getByLabel(new RegExp(`^${c} `))
        .last()
        .fill("3");
    await save(page, "09-solusi");

    await nav(page, "RTL");
    await addRow(page, "+ Tambah kegiatan RTL");
    await page.getByLabel("Kegiatan").last().fill("Posyandu sore hari di Dusun III");
    await page.getByLabel("Sasaran").last().fill("Ibu hamil Dusun III");
    await page.getByLabel("Waktu").last().fill("Juni 2024");
    await page
      .getByLabel("Penanggung jawab (PJ)")
      .last()
      .selectOption({ label: "Sri Wahyuni, A.Md.Keb — Bidan Koordinator" });
    await save(page, "10-rtl");

    await nav(page, "Kesepakatan");
    await addRow(page, "+ Tambah kesepakatan");
    await page.getByLabel("Kesepakatan (apa yang dilakukan)").last().fill("Posyandu sore di Dusun III setiap Kamis");
    await page
      .locator('[name^="kesepakatan["][name$="].masalah"]')
      .last()
      .selectOption({ label: "Cakupan K1 di bawah target" });
    await page
      .locator('[name^="kesepakatan["][name$="].indikator"]')
      .last()
      .selectOption({ label: await optionLabel(page, '[name$="].indikator"]', "(K1)") });
    await page
      .getByLabel("Penanggung jawab (PJ)")
      .last()
      .selectOption({ label: "Sri Wahyuni, A.Md.Keb — Bidan Koordinator" });
    await page.getByLabel("Tenggat").last().fill("2024-06-30");
    await page.getByLabel("Target yang terukur").last().fill("K1 Dusun III naik 10 ibu hamil");
    await save(page, "11-kesepakatan");

    const meeting = readData(readFileSync(rapat, "utf8")) as any;
    expect(meeting.tanggal).toBe("2024-05-14");
    expect(meeting.tempat).toBe("Aula Puskesmas");
    expect(meeting.hadir.every((h: any) => h.status === "hadir")).toBe(true);
    expect(meeting.pembahasan.at(-1).pembicara).toBe("sri");
    const problem = meeting.masalah[0];
    expect(problem.indikator).toBe("k1");
    expect(meeting.kesepakatan[0]).toMatchObject({ masalah: problem.id, indikator: "k1", penanggung_jawab: "sri" });
    expect(meeting.rtl[0].penanggung_jawab).toBe("sri");

    await nav(page, "Tindak lanjut");
    await page.getByLabel("SK tim Lokmin").fill("800/015/PKM-CB/I/2024");
    await page.getByLabel("Materi rapat").fill("Paparan capaian KIA April 2024");
    await page
      .getByLabel("Laporan tindak lanjut kesepakatan bulan lalu")
      .fill("Lokmin pertama: belum ada kesepakatan.");
    await save(page, "12-tindak-lanjut");

    // --- check, documents, package -------------------------------------------------------------------------
    await nav(page, "Periksa");
    await shot(page, "13-periksa");
    const draft = await page.locator("#h-draft + p, #h-draft ~ p").first().textContent();
    expect(draft, (await page.locator(".finding.error").allTextContents()).join("\n")).toContain("Tidak ada kesalahan");
    expect(await page.locator(".tilik li").count()).toBe(20);

    await nav(page, "Dokumen");
    await click(page, "Cetak dokumen");
    expect(await page.locator(".draft-state").textContent()).toContain("tanpa tanda DRAF");
    await shot(page, "14-dokumen");
    const notulen = path.join(workspace, MONTH, "dokumen", `${MONTH}-notulen.docx`);
    expect(existsSync(notulen)).toBe(true);
    const xml = new TextDecoder().decode(readZip(readFileSync(notulen)).get("word/document.xml"));
    expect(xml).toContain("Aula Puskesmas");
    expect(xml).toContain("Posyandu sore di Dusun III setiap Kamis");
    expect(xml).not.toContain("DRAF");

    await nav(page, "Kirim");
    await click(page, "Buat paket");
    await shot(page, "15-kirim");
    const [pkg] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Unduh paket/ }).click(),
    ]);
    const zipFile = path.join(tempDir("lokmin-month-pkg-"), pkg.suggestedFilename());
    await pkg.saveAs(zipFile);
    const entries = readZip(readFileSync(zipFile), {
      maxEntries: 2000,
      maxEntryBytes: 64 << 20,
      maxTotalBytes: 256 << 20,
    });
    const names = [...entries.keys()];
    expect(names.some((n) => n.endsWith(`${MONTH}/rapat.yaml`))).toBe(true);
    expect(names.some((n) => n.endsWith(`${MONTH}-notulen.docx`))).toBe(true);

    // Sent: the date goes on the follow-up page, and the overview shows no step left to fix.
    await nav(page, "Tindak lanjut");
    await page.getByLabel("Tanggal kirim").fill("2024-05-16");
    await save(page, "16-terkirim");
    expect((readData(readFileSync(rapat, "utf8")) as any).laporan_dinkes.tanggal_kirim).toBe("2024-05-16");
    await page.locator("nav").getByRole("link", { name: "Mei 2024", exact: true }).click();
    await expect.poll(() => page.locator("#langkah .state").count()).toBeGreaterThan(0);
    expect(await page.locator("#langkah .state.error").count()).toBe(0);
    await context.close();
  });

  it("next month, last month's workbook dropped again is refused and nothing is written", async () => {
    const { context, page } = await session();
    await page.getByRole("link", { name: "Siapkan bulan baru" }).click();
    await click(page, "Siapkan bulan");
    expect(new URL(page.url()).pathname).toBe("/bulan/2024-06");
    const kia = path.join(workspace, "2024-06", "program", "kia.yaml");
    const before = readFileSync(kia, "utf8");
    await nav(page, "Isian koordinator");
    await drop(page, [{ name: `${MONTH}-kia.xlsx`, bytes: filledBook }]);
    await click(page, "Lihat perubahannya");
    const refusal = page.locator(".preview .flash.error");
    await expect.poll(() => refusal.textContent()).toContain(MONTH);
    await shot(page, "17-bulan-salah");
    expect(await page.getByRole("button", { name: "Impor ke berkas bulan ini" }).isDisabled()).toBe(true);
    expect(readFileSync(kia, "utf8")).toBe(before);
    await context.close();
  });

  it("both examples, every month page at 1366×768: photographed, none too wide, every field labelled", async () => {
    const { context, page } = await session();
    const shots: [string, string[]][] = [
      [
        copyWorkspace(EXAMPLE),
        [
          "/bulan/2024-05",
          "/bulan/2024-05/isian",
          "/bulan/2024-05/undangan",
          "/bulan/2024-05/kehadiran",
          "/bulan/2024-05/pembahasan",
          "/bulan/2024-05/masalah",
          "/bulan/2024-05/prioritas",
          "/bulan/2024-05/solusi",
          "/bulan/2024-05/rtl",
          "/bulan/2024-05/kesepakatan",
          "/bulan/2024-05/penutup",
          "/bulan/2024-05/periksa",
          "/bulan/2024-05/dokumen",
          "/bulan/2024-05/kirim",
          "/bulan/2024-04/prioritas",
          "/bulan/2024-01/pertama",
          "/bulan/2024-06/tribulanan",
          "/bulan/baru",
          "/pengaturan/program",
          "/pengaturan/program/kia",
        ],
      ],
      [
        copyWorkspace(path.join(REPO, "examples", "puskesmas-sukamaju-klaster")),
        ["/bulan/2024-02/pralokmin/klaster-2"],
      ],
    ];
    const wide: string[] = [];
    const unlabelled: string[] = [];
    const cut: string[] = [];
    for (const [root, urls] of shots) {
      await page.goto(new URL("/mulai", url).href);
      await page.getByLabel("Folder data Puskesmas").fill(root);
      await Promise.all([page.waitForURL("**/beranda"), page.getByLabel("Folder data Puskesmas").press("Enter")]);
      for (const address of urls) {
        await page.goto(new URL(address, url).href);
        await page.waitForLoadState("networkidle");
        const name = `contoh${address.replace(/\//g, "-")}`;
        await shot(page, name);
        const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (scroll > inner) wide.push(`${address}: ${scroll} > ${inner}`);
        // Every field has a label a person (and a screen reader) can read.
        for (const field of await page.evaluate(() =>
          [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
            .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute("aria-label"))
            .map((el) => el.getAttribute("name")),
        ))
          unlabelled.push(`${address}: ${field}`);
        // A name in a settings table, and the program's group, are read whole, never cut at the column's edge.
        if (address.startsWith("/pengaturan/"))
          for (const field of await page.evaluate(() => {
            const ruler = document.createElement("canvas").getContext("2d")!;
            return [...document.querySelectorAll("table.rows input[type=text], table.rows textarea, table.rows select")]
              .filter((el) => {
                if (el instanceof HTMLSelectElement) {
                  if (!el.name.endsWith(".kelompok") || !/^UKM /.test(el.selectedOptions[0]?.textContent ?? ""))
                    return false;
                  ruler.font = getComputedStyle(el).font;
                  return ruler.measureText(el.selectedOptions[0].textContent!).width + 24 > el.clientWidth;
                }
                const box = el as HTMLInputElement;
                return box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 2;
              })
              .map((el) => `${el.getAttribute("name")}: ${(el as HTMLInputElement).value}`);
          }))
            cut.push(`${address}: ${field}`);
      }
    }
    expect(wide).toEqual([]);
    expect(unlabelled).toEqual([]);
    expect(cut).toEqual([]);
    await context.close();
  });

  it("left nothing in the browser console", () => {
    expect(problems).toEqual([]);
  });
});
