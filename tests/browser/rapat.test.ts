// Mode rapat filled live in a real browser (issue 29 point 1): at 1024×768 no slide scrolls sideways;
// a score typed changes the rank shown without a reload and is in rapat.yaml; a second window on
// the same month shows what the first saved; a root cause typed is drawn in the fishbone; a
// kesepakatan typed is saved and shown. Waits are on the page's state, never a fixed sleep.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readData } from "../../src/io/yaml-source.js";
import { copyWorkspace, EXAMPLE } from "../helpers.js";
import { launchBrowser, PROJECTOR, session, shot, skipBrowser, startBuka } from "./support.js";

if (skipBrowser) process.stdout.write(`tests/browser skipped: ${skipBrowser}\n`);

const MONTH = "2024-06";
const yamlOf = (root: string) => readData(readFileSync(path.join(root, MONTH, "rapat.yaml"), "utf8")) as any;

/** Go to the first slide matching `selector` (a kind, or a problem's form), by the slides' own URLs. */
async function goToSlide(page: Page, selector: string): Promise<string> {
  for (let n = 1; n < 60; n++) {
    const url = new URL(`/bulan/${MONTH}/rapat/${n}`, page.url()).href;
    const res = await page.goto(url);
    if (res?.status() === 404) break;
    if (await page.locator(selector).count()) return url;
  }
  throw new Error(`no slide with ${selector}`);
}

const rankOf = (page: Page, id: string) =>
  page.locator(`#matriks tr[data-masalah="${id}"]`).getAttribute("data-peringkat");

/** A wait on the page's state (a save, a poll, a redraw), long enough for a loaded machine; never a sleep. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000, interval: 100 });

const noOverflow = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

describe.skipIf(Boolean(skipBrowser))("mode rapat filled live, in chromium", () => {
  let browser: Browser;
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(problems).toEqual([]);
  });

  it("no slide scrolls sideways at 1024×768, the forms included", async () => {
    const root = copyWorkspace(EXAMPLE);
    const buka = await startBuka(root);
    try {
      const { context, page } = await session(browser, buka.url, problems, PROJECTOR, 1);
      await page.goto(new URL(`/bulan/${MONTH}/rapat/1`, page.url()).href);
      const total = Number(/dari (\d+)/.exec((await page.locator(".count").textContent()) ?? "")?.[1]);
      expect(total).toBeGreaterThan(5);
      const shots = new Set<string>();
      for (let n = 1; n <= total; n++) {
        await page.waitForURL(new RegExp(`/rapat/${n}$`));
        const kind = (await page.locator("main.slide").getAttribute("class"))!.replace("slide ", "");
        expect(await noOverflow(page), `screen ${n} (${kind})`).toBeLessThanOrEqual(0);
        if (["masalah", "analisis", "rtl", "kesepakatan"].includes(kind)) {
          expect(await page.locator("form[data-langsung]").count(), kind).toBe(1);
          if (!shots.has(kind)) await shot(page, `rapat-langsung-${kind}`, { fullPage: true });
          shots.add(kind);
        }
        if (n < total) await page.keyboard.press("ArrowRight");
      }
      expect([...shots].sort()).toEqual(["analisis", "kesepakatan", "masalah", "rtl"]);
      await context.close();
    } finally {
      await buka.stop();
    }
  }, 240_000);

  it("a score typed changes the rank shown without a reload, and rapat.yaml holds it", async () => {
    const root = copyWorkspace(EXAMPLE);
    const buka = await startBuka(root);
    try {
      const { context, page } = await session(browser, buka.url, problems, PROJECTOR, 1);
      const url = await goToSlide(page, "main.slide.masalah");
      expect(await rankOf(page, "m1")).toBe("1");
      await page.evaluate(() => ((window as any).samaHalaman = true));
      const u = page.locator('input[name="masalah[m1].skor.u"]');
      await u.focus();
      // The arrow keys move the caret in a field, not the slides.
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Backspace");
      await page.keyboard.type("1");
      await until(() => rankOf(page, "m1")).toBe("3");
      await until(() => yamlOf(root).masalah[0].skor.u).toBe(1);
      // No navigation: the same document, at the same address, the field still being typed in.
      expect(await page.evaluate(() => (window as any).samaHalaman)).toBe(true);
      expect(page.url()).toBe(url);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("masalah[m1].skor.u");
      // The form says it was saved (the status line is read out to screen readers too).
      await until(() => page.locator("form[data-langsung] [data-keadaan]").textContent()).toBe("Tersimpan");
      await shot(page, "rapat-langsung-skor");
      // Tab goes to the next score, Enter saves it at once.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe("masalah[m1].skor.s");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("5");
      await page.keyboard.press("Enter");
      await until(() => yamlOf(root).masalah[0].skor.s).toBe(5);
      expect(page.url()).toBe(url);
      expect(await page.evaluate(() => (window as any).samaHalaman)).toBe(true);
      // Esc leaves the field; then the arrow keys move through the slides again.
      await page.keyboard.press("Escape");
      await page.keyboard.press("ArrowRight");
      await page.waitForURL((u) => u.href !== url);
      await context.close();
    } finally {
      await buka.stop();
    }
  }, 240_000);

  it("a second window on the same month shows what the first saved, both ways", async () => {
    const root = copyWorkspace(EXAMPLE);
    const buka = await startBuka(root);
    try {
      const a = await session(browser, buka.url, problems, PROJECTOR, 1);
      const b = await session(browser, buka.url, problems, PROJECTOR, 1);
      const url = await goToSlide(a.page, "main.slide.masalah");
      await b.page.goto(url);
      const field = (page: Page, name: string) => page.locator(`input[name="${name}"]`);
      // A (the projector) types a score: B (the Kasubag TU's laptop) shows it, and its ranking.
      await field(a.page, "masalah[m2].skor.u").fill("1");
      await until(() => field(b.page, "masalah[m2].skor.u").inputValue()).toBe("1");
      await until(() => rankOf(b.page, "m2")).toBe("3");
      // B types another score: merged with A's, and A shows it.
      await field(b.page, "masalah[m3].skor.g").fill("1");
      await until(() => field(a.page, "masalah[m3].skor.g").inputValue()).toBe("1");
      await until(() => yamlOf(root).masalah.map((m: any) => [m.skor.u, m.skor.g])).toEqual([
        [5, 3],
        [1, 3],
        [yamlOf(root).masalah[2].skor.u, 1],
      ]);
      await a.context.close();
      await b.context.close();
    } finally {
      await buka.stop();
    }
  }, 240_000);

  it("the same score changed in two windows is a conflict shown with both values, never an overwrite", async () => {
    const root = copyWorkspace(EXAMPLE);
    const buka = await startBuka(root);
    try {
      const a = await session(browser, buka.url, problems, PROJECTOR, 1);
      const b = await session(browser, buka.url, problems, PROJECTOR, 1);
      const url = await goToSlide(a.page, "main.slide.masalah");
      await b.page.goto(url);
      // B does not hear of A's save (its poll answered with the version it shows): B types on a stale page.
      const shown = await b.page.locator("body").getAttribute("data-versi");
      await b.page.route("**/rapat/versi", (route) => route.fulfill({ json: { versi: shown } }));
      await a.page.locator('input[name="masalah[m1].skor.u"]').fill("2");
      await until(() => yamlOf(root).masalah[0].skor.u).toBe(2);
      await b.page.locator('input[name="masalah[m1].skor.u"]').fill("4");
      const choice = b.page.locator("form[data-langsung] .conflict");
      await until(() => choice.count()).toBe(1);
      expect(await choice.textContent()).toMatch(/isian saya: 4[\s\S]*berkas sekarang: 2/);
      expect(yamlOf(root).masalah[0].skor.u).toBe(2);
      await shot(b.page, "rapat-langsung-konflik");
      // B keeps its own value: written now, and A shows it.
      await choice.locator('input[value="saya"]').click();
      await until(() => yamlOf(root).masalah[0].skor.u).toBe(4);
      await until(() => a.page.locator('input[name="masalah[m1].skor.u"]').inputValue()).toBe("4");
      await a.context.close();
      await b.context.close();
    } finally {
      await buka.stop();
    }
  }, 240_000);

  it("a root cause typed appears in the fishbone, a kesepakatan typed is saved and shown", async () => {
    const root = copyWorkspace(EXAMPLE);
    const buka = await startBuka(root);
    try {
      const { context, page } = await session(browser, buka.url, problems, PROJECTOR, 1);
      await goToSlide(page, 'input[name="_layar"][value="analisis:m1"]');
      await page.evaluate(() => ((window as any).samaHalaman = true));
      await page.getByRole("button", { name: "Tambah akar masalah" }).click();
      // The new row's first field has the focus (app.js): the category, then Tab to the cause.
      const category = page.locator('select[name^="masalah[m1].akar_masalah[~"][name$=".kategori"]');
      await until(() => category.count()).toBe(1);
      await category.selectOption("Metode");
      await page.locator('[name^="masalah[m1].akar_masalah[~"][name$=".uraian"]').focus();
      await page.keyboard.type("Musim panen");
      await until(() => page.locator(".fishbone svg").textContent()).toContain("Musim panen");
      await until(() => yamlOf(root).masalah[0].akar_masalah.at(-1)).toEqual({
        kategori: "Metode",
        uraian: "Musim panen",
      });
      expect(await page.evaluate(() => (window as any).samaHalaman)).toBe(true);
      await shot(page, "rapat-langsung-tulang-ikan");

      await goToSlide(page, "main.slide.kesepakatan");
      const before = yamlOf(root).kesepakatan.length;
      await page.getByRole("button", { name: "Tambah kesepakatan" }).click();
      const cell = (key: string) => page.locator(`[name^="kesepakatan[~"][name$=".${key}"]`);
      await until(() => cell("uraian").count()).toBe(1);
      await cell("uraian").fill("Sweeping hipertensi di Dusun II");
      await cell("penanggung_jawab").selectOption({ index: 1 });
      await cell("tenggat").fill("2024-07-15");
      await cell("target").fill("30 sasaran diperiksa");
      await until(() => yamlOf(root).kesepakatan.length).toBe(before + 1);
      const added = yamlOf(root).kesepakatan.at(-1);
      expect(added).toMatchObject({ uraian: "Sweeping hipertensi di Dusun II", target: "30 sasaran diperiksa" });
      await until(() => page.locator(`li[data-kesepakatan="${added.id}"] .what`).textContent()).toBe(
        "Sweeping hipertensi di Dusun II",
      );
      await shot(page, "rapat-langsung-kesepakatan-baru");

      // Removing saves at once here: it is asked first, and "no" keeps the row and the file. (The
      // dialogs are this test's to answer, not the session's unexpected ones.)
      page.removeAllListeners("dialog");
      const remove = page.locator(`[data-row] button[data-hapus]`).last();
      const questions: string[] = [];
      page.once("dialog", (dialog) => (questions.push(dialog.message()), dialog.dismiss()));
      await remove.click();
      expect(questions[0]).toMatch(/Hapus baris .*tersimpan/);
      expect(yamlOf(root).kesepakatan.length).toBe(before + 1);
      page.once("dialog", (dialog) => dialog.accept());
      await remove.click();
      await until(() => yamlOf(root).kesepakatan.length).toBe(before);
      await context.close();
    } finally {
      await buka.stop();
    }
  }, 240_000);
});
