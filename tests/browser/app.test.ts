// lokmin in a real browser (issue 27): Debian's chromium driven by playwright-core, never a browser
// download. `lokmin buka --tanpa-browser` runs as the real process on a temp folder; a newcomer
// creates a workspace from the start page and fills the setup forms with the keyboard and mouse,
// and the YAML written is what `lokmin init` plus the same values typed by hand would be. A file
// changed on disk under an open page is merged or shown as a conflict; a hostile name prints
// literally; leaving unsaved edits asks first; nothing reaches the console. Each page is
// photographed at 1366×768 with Windows' 125 % scaling (tests/.tmp/screens/).
//
// Skipped (saying why) without /usr/bin/chromium; LOKMIN_BROWSER_TESTS=required (.ci/run) makes
// that a failure. One browser for the file, a fresh context (profile) per test.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lokmin, REPO, tempDir } from "../helpers.js";
import { trackProcess } from "../running.js";

const CHROMIUM = process.env.LOKMIN_CHROMIUM ?? "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is not installed (apt-get install chromium)`;
if (skip && process.env.LOKMIN_BROWSER_TESTS === "required") throw new Error(`browser tests: ${skip}`);
if (skip) process.stdout.write(`tests/browser skipped: ${skip}\n`);

const SCREENS = path.join(REPO, "tests", ".tmp", "screens");
/** 1366×768 at 125 %: the CSS viewport Windows gives a maximised browser on the common office laptop. */
const VIEWPORT = { width: 1093, height: 614 };

describe.skipIf(Boolean(skip))("lokmin buka in chromium", () => {
  let browser: Browser;
  let server: ChildProcess;
  let url: string;
  let home: string;
  let stderr = "";
  const problems: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const [launched] = await Promise.all([
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
        ],
      }),
      (async () => {
        home = tempDir("lokmin-browser-home-");
        mkdirSync(path.join(home, "Documents"));
        const cwd = tempDir("lokmin-browser-cwd-");
        server = spawn(process.execPath, [path.join(REPO, "bin", "lokmin.js"), "buka", "--tanpa-browser"], {
          cwd,
          env: {
            PATH: process.env.PATH,
            HOME: home,
            LOKMIN_CONFIG_DIR: path.join(home, "config"),
            LOKMIN_TODAY: "2024-05-10",
            NO_COLOR: "1",
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        // Stopped after the file even if a hook fails before afterAll reaches it.
        trackProcess("lokmin buka", server, "file");
        server.stderr!.on("data", (d) => (stderr += d));
        url = await new Promise<string>((resolve, reject) => {
          let out = "";
          server.stdout!.on("data", (d) => {
            out += d;
            if (out.includes("\n")) resolve(out.split("\n")[0].trim());
          });
          server.once("exit", (code) => reject(new Error(`buka exited ${code}: ${stderr}`)));
        });
      })(),
    ]);
    browser = launched;
    mkdirSync(SCREENS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGINT");
      await exited;
    }
  });

  /** A fresh profile, signed in through the opened URL, watching the console. */
  async function session(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1.25, locale: "id-ID" });
    // Waits catch a hang, not slowness: on the busy 2-core machine a page can take far longer than
    // playwright's default 30 s (CONTRIBUTING.md, "A suite that holds under load").
    context.setDefaultTimeout(120_000);
    context.setDefaultNavigationTimeout(120_000);
    const page = await context.newPage();
    page.on("console", (m) => problems.push(`console ${m.type()}: ${m.text()} (${page.url()})`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message} (${page.url()})`));
    page.on("requestfailed", (r) => {
      // A request cut short by the page navigating away (a click on a link while an icon loads) is no fault.
      if (r.failure()?.errorText !== "net::ERR_ABORTED")
        problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on("dialog", (d) => {
      dialogs.push(d.type());
      if (d.type() !== "beforeunload") problems.push(`dialog ${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    await page.goto(url);
    return { context, page };
  }

  const shot = async (page: Page, name: string, top = true) => {
    if (top) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
  };
  const save = async (page: Page) => {
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Simpan" }).click()]);
    await expect.poll(() => page.locator(".flash").first().textContent()).toMatch(/Tersimpan|Tidak ada yang berubah/);
  };

  let workspace: string;

  it("a newcomer creates a workspace and sets it up; the YAML is init's plus the same values by hand", async () => {
    const { context, page } = await session();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/mulai");
    await shot(page, "01-mulai");
    await page.getByLabel("Nama Puskesmas").fill("UPTD Puskesmas Uji Coba");
    // The folder follows the name, under Documents.
    workspace = path.join(home, "Documents", "UPTD Puskesmas Uji Coba");
    expect(await page.getByLabel("Simpan di folder").inputValue()).toBe(workspace);
    await page.getByLabel("Kecamatan").fill("Uji");
    await page.getByLabel("Kabupaten/Kota").fill("Kabupaten Contoh");
    await page.getByLabel("Alamat Puskesmas").fill("Jl. Uji No. 1");
    await page.getByLabel("Nama Kepala Puskesmas (dengan gelar)").fill("dr. Kepala Uji");
    await page.getByLabel("NIP Kepala Puskesmas").fill("19690826 200212 2 003");
    await page.getByLabel("Nama Kasubag TU (dengan gelar)").fill("Tata Usaha, S.Sos");
    await page.getByLabel("Peraturan pembinaan Lokmin di kabupaten ini").selectOption("nasional");
    await Promise.all([
      page.waitForURL("**/pengaturan"),
      page.getByRole("button", { name: "Buat folder data" }).click(),
    ]);
    expect(await page.locator(".flash").textContent()).toContain("Folder data Puskesmas dibuat");
    await shot(page, "02-pengaturan");

    // Identity: a telephone and an email.
    await page.getByRole("link", { name: "Identitas", exact: true }).click();
    await page.getByLabel("Telepon").first().fill("(0733) 451234");
    await page.getByLabel("Email").first().fill("pkm.uji@contoh.go.id");
    await shot(page, "03-identitas");
    await save(page);

    // Staff: one more, added with the keyboard from the add button.
    await page.getByRole("link", { name: "Pegawai", exact: true }).click();
    await page.getByRole("button", { name: "+ Tambah pegawai" }).focus();
    await page.keyboard.press("Enter");
    const name = page.getByLabel("Nama (dengan gelar)").last();
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("Sri Wahyuni, A.Md.Keb");
    await page.keyboard.press("Tab");
    await page.keyboard.type("19820422 200801 2 011");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Bidan Koordinator");
    await shot(page, "04-pegawai");
    await save(page);

    // Programs: KIA to the new coordinator, HIV not run here.
    await page.getByRole("link", { name: "Program", exact: true }).click();
    await page.getByLabel("Penanggung jawab (PJ): Kesehatan Ibu dan Anak").selectOption("sri");
    await page.getByLabel("Dipakai: HIV/AIDS").uncheck();
    await shot(page, "05-program");
    await save(page);

    // KIA's target populations.
    await page.getByRole("link", { name: "Indikator: Kesehatan Ibu dan Anak" }).click();
    await page.getByLabel("Sasaran setahun: Pelayanan kesehatan ibu hamil sesuai standar").fill("812");
    await page.getByLabel("Sasaran setahun: Pelayanan kesehatan ibu bersalin sesuai standar").fill("775");
    await page.getByLabel("Target (%): Pelayanan kesehatan ibu bersalin sesuai standar").fill("95,5");
    await shot(page, "06-indikator");
    await save(page);

    // Villages.
    await page.getByRole("link", { name: "Desa", exact: true }).click();
    for (const village of ["Sukamaju", "Karang Anyar"]) {
      await page.getByRole("button", { name: "+ Tambah desa" }).click();
      const input = page.getByLabel("Nama desa/kelurahan").last();
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
      await input.fill(village);
    }
    await shot(page, "07-desa");
    await save(page);

    // Letter numbers.
    await page.getByRole("link", { name: "Nomor surat", exact: true }).click();
    await page.getByLabel("Kode unit").fill("436.7.2.3.3");
    await shot(page, "08-surat");
    await save(page);

    for (const [link, file] of [
      ["Lintas sektor", "09-lintas-sektor"],
      ["Aturan", "10-aturan"],
      ["Beranda", "11-beranda"],
    ]) {
      await page.getByRole("link", { name: link, exact: true }).click();
      await shot(page, file);
    }
    await page.goto(new URL("/halaman-yang-tidak-ada", url).href);
    await shot(page, "12-tidak-ada");
    await context.close();

    // What the CLI gives for the same input: init, then the same values typed into lokmin.yaml.
    const cli = path.join(tempDir("lokmin-browser-cli-"), "ws");
    const init = await lokmin([
      "init",
      cli,
      "--nama",
      "UPTD Puskesmas Uji Coba",
      "--kecamatan",
      "Uji",
      "--kabupaten",
      "Kabupaten Contoh",
      "--alamat",
      "Jl. Uji No. 1",
      "--kepala",
      "dr. Kepala Uji",
      "--kepala-nip",
      "196908262002122003",
      "--tu",
      "Tata Usaha, S.Sos",
      "--zona",
      "WIB",
      "--taksonomi",
      "program",
      "--yes",
      "--tanpa-git",
    ]);
    expect(init.status).toBe(0);
    let byHand = readFileSync(path.join(cli, "lokmin.yaml"), "utf8");
    const type = (from: string | RegExp, to: string) => {
      const next = byHand.replace(from, to);
      expect(next, String(from)).not.toBe(byHand);
      byHand = next;
    };
    type("  kabupaten_kota: Kabupaten Contoh\n", "  kabupaten_kota: Kabupaten Contoh\n  telepon: (0733) 451234\n");
    type("  telepon: (0733) 451234\n", "  telepon: (0733) 451234\n  email: pkm.uji@contoh.go.id\n");
    // A value typed over a quoted one keeps its quotes, as the CLI's write-back does.
    type('  kode_unit: ""\n', '  kode_unit: "436.7.2.3.3"\n');
    type(
      "    jabatan: Kepala Subbagian Tata Usaha\n",
      "    jabatan: Kepala Subbagian Tata Usaha\n" +
        '  - id: sri\n    nama: Sri Wahyuni, A.Md.Keb\n    nip: "198204222008012011"\n    jabatan: Bidan Koordinator\n',
    );
    type("desa: []", "desa:\n  - Sukamaju\n  - Karang Anyar");
    type(/(  - id: kia\n[\s\S]*?penanggung_jawab: )kapus/, "$1sri");
    type(/(id: bumil\n[\s\S]*?sasaran: )0/, "$1812");
    type(/(id: bulin\n[\s\S]*?sasaran: )0(\n\s*target: )100/, "$1775$295.5");
    type(/  - id: hiv\n[\s\S]*?(?=  - id: imunisasi)/, "");
    expect(readFileSync(path.join(workspace, "lokmin.yaml"), "utf8")).toBe(byHand);
  });

  it("a file changed on disk under an open page: the page notices, merges, and asks on a conflict", async () => {
    const yaml = path.join(workspace, "lokmin.yaml");
    const { context, page } = await session();
    await page.goto(new URL("/pengaturan/identitas", url).href);
    await page.getByLabel("Kelurahan/Desa").fill("Sukamaju");
    // Someone edits another field by hand meanwhile.
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("alamat: Jl. Uji No. 1", "alamat: Jl. Uji No. 2"));
    await page.locator("#versi.changed").waitFor();
    await shot(page, "13-berubah-di-disk");
    await save(page);
    const merged = readFileSync(yaml, "utf8");
    expect(merged).toContain("alamat: Jl. Uji No. 2");
    expect(merged).toContain("kelurahan: Sukamaju");

    // Both change the same field: both values shown, the choice is the person's.
    await page.getByLabel("Provinsi").fill("Sumatera Selatan");
    writeFileSync(
      yaml,
      readFileSync(yaml, "utf8").replace("kelurahan: Sukamaju", "kelurahan: Sukamaju\n  provinsi: Jambi"),
    );
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Simpan" }).click()]);
    await page.locator(".conflict").waitFor();
    expect(await page.locator(".conflict").textContent()).toContain("Pakai isi berkas sekarang: Jambi");
    await shot(page, "14-konflik");
    expect(readFileSync(yaml, "utf8")).toContain("provinsi: Jambi");
    await page.getByLabel("Pakai isian saya: Sumatera Selatan").check();
    await save(page);
    expect(readFileSync(yaml, "utf8")).toContain("provinsi: Sumatera Selatan");
    await context.close();
  });

  it("prints a hostile name literally and runs nothing of it", async () => {
    const yaml = path.join(workspace, "lokmin.yaml");
    writeFileSync(
      yaml,
      readFileSync(yaml, "utf8").replace("nama: Sri Wahyuni, A.Md.Keb", 'nama: "<img src=x onerror=alert(1)>"'),
    );
    const { context, page } = await session();
    await page.goto(new URL("/pengaturan/pegawai", url).href);
    expect(await page.getByLabel("Nama (dengan gelar)").last().inputValue()).toBe("<img src=x onerror=alert(1)>");
    await page.goto(new URL("/pengaturan/program", url).href);
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await page.locator("select option", { hasText: "<img src=x" }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it("leaving with unsaved entries asks first; the keyboard reaches every control, focus visible", async () => {
    const { context, page } = await session();
    await page.goto(new URL("/pengaturan/surat", url).href);
    await page.getByLabel("Kode unit").fill("999");
    dialogs.length = 0;
    await page.getByRole("link", { name: "Beranda", exact: true }).click({ noWaitAfter: true });
    await expect.poll(() => dialogs).toEqual(["beforeunload"]);
    expect(new URL(page.url()).pathname).toBe("/pengaturan/surat");
    await page.close({ runBeforeUnload: false });

    const fresh = await context.newPage();
    await fresh.goto(new URL("/pengaturan/identitas", url).href);
    await keyboard(fresh);
    await context.close();
  });

  async function keyboard(page: Page) {
    // Tab from the top: the skip link first, then every control shows a focus ring.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Langsung ke isi halaman");
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe("none");
    }
    // Every field has a label.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute("aria-label"))
        .map((el) => el.getAttribute("name")),
    );
    expect(unlabelled).toEqual([]);
    // Seen in grey (achromatopsia), for the screenshot.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setEmulatedVisionDeficiency", { type: "achromatopsia" });
    await shot(page, "15-abu-abu");
  }

  it("left nothing in the browser console, and stops cleanly on Ctrl-C", async () => {
    // The one address that does not exist was visited on purpose (its page is photographed).
    expect(problems.filter((p) => !p.includes("/halaman-yang-tidak-ada"))).toEqual([]);
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stderr).toContain("lokmin berhenti.");
  });
});
