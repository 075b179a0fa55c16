// The pages that show (issue 29) in a real browser: the year at a glance and the Dinas view, each
// number as the page shows it equal to what `pkp --json`, `report --json`, `commitments --json`
// and `summary --json` print — on the example and on a generated workspace, and on a folder of
// packages — with nothing in the console; each view photographed at 1366×768 (125 %).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWorkspace } from "../../dev/generate.js";
import { generatePackages } from "../../dev/generate-paket.js";
import { inbox } from "../dinas-support.js";
import { copyWorkspace, EXAMPLE, lokmin, tempDir } from "../helpers.js";
import { attributes, launchBrowser, PROJECTOR, session, shot, skipBrowser, startBuka } from "./support.js";

if (skipBrowser) process.stdout.write(`tests/browser skipped: ${skipBrowser}\n`);

const num = (v: string | undefined) => (v === undefined || v === "" ? null : Number(v));
const percent = (v: number | null) =>
  v === null
    ? "–"
    : `${new Intl.NumberFormat("id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)}%`;

type Months = Array<{ month: string; [key: string]: unknown }>;

async function json(args: string[], cwd: string) {
  const result = await lokmin([...args, "--json"], { cwd, env: { LOKMIN_TODAY: "2024-07-10" } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** Every Puskesmas × month cell of the Dinas table as the page shows it, against summary --json. */
async function dinasCellsEqual(page: Page, summary: { workspaces: Array<{ name: string; months: Months }> }) {
  const cells = await attributes(page, "#tabel-dinas td.cell[data-bulan]");
  let n = 0;
  for (const e of summary.workspaces)
    for (const m of e.months) {
      const cell = cells.find((c) => c["data-puskesmas"] === e.name && c["data-bulan"] === m.month)!;
      expect(cell, `${e.name} ${m.month}`).toBeDefined();
      expect([
        num(cell["data-tilik-skor"]),
        num(cell["data-arsip-ada"]),
        num(cell["data-galat"]),
        num(cell["data-lewat"]),
        num(cell["data-tertinggal"]),
        cell["data-dilaksanakan"],
      ]).toEqual([
        m.tilik_score,
        m.arsip_present,
        m.errors,
        m.overdue_commitments,
        m.indicators_behind,
        String(m.held),
      ]);
      n++;
    }
  expect(cells).toHaveLength(n);
  return n;
}

describe.skipIf(Boolean(skipBrowser))("the pages that show, in chromium", () => {
  let browser: Browser;
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    expect(problems).toEqual([]);
  });

  /** The year page of `root` in the browser against the commands' JSON. */
  async function yearInBrowser(root: string, year: number, screen?: string) {
    const buka = await startBuka(root);
    try {
      const { context, page } = await session(browser, buka.url, problems);
      await page.getByRole("link", { name: "Setahun" }).click();
      await page.waitForURL(/\/tahun\/\d{4}$/);
      if (!page.url().endsWith(`/${year}`)) await page.goto(new URL(`/tahun/${year}`, page.url()).href);
      await expect.poll(() => page.title()).toContain(String(year));
      if (screen) await shot(page, screen);
      const summary = await json(["summary", root], root);
      const last = summary.workspaces[0].months
        .map((m: { month: string }) => m.month)
        .filter((m: string) => m.startsWith(`${year}-`))
        .at(-1);
      const report = await json(["report", last], root);
      // Every cell of programs × months: its figure, and what it shows in words.
      const cells = await page.$$eval("#tabel-capaian td.cap[data-bulan]", (tds) =>
        tds.map((td) => ({
          key: `${td.getAttribute("data-indikator")}@${td.getAttribute("data-bulan")}`,
          capaian: td.getAttribute("data-capaian"),
          target: td.getAttribute("data-target"),
          behind: td.getAttribute("data-tertinggal"),
          value: td.querySelector(".v")?.textContent ?? "",
          word: td.querySelector(".sr")?.textContent ?? "",
        })),
      );
      const byKey = new Map(cells.map((c) => [c.key, c]));
      let n = 0;
      for (const indicator of report.indicators)
        for (const p of indicator.points) {
          const cell = byKey.get(`${indicator.program}/${indicator.indikator}@${p.month}`)!;
          expect(cell, `${indicator.indikator} ${p.month}`).toBeDefined();
          expect(num(cell.capaian ?? undefined)).toBe(p.capaian);
          expect(num(cell.target ?? undefined)).toBe(p.target);
          expect(cell.behind).toBe(String(p.behind));
          // The shown value is that figure to one decimal (the JSON's two decimals, rounded once more,
          // can differ only at …,x5: the page rounds the exact value once).
          if (p.capaian !== null && Math.abs(((p.capaian * 10) % 1) - 0.5) > 0.011)
            expect(cell.value).toBe(percent(p.capaian));
          expect(cell.word).toBe(p.capaian === null ? "belum diisi" : p.behind ? "tertinggal" : "sesuai target");
          n++;
        }
      expect(cells).toHaveLength(n);
      // The PKP so far.
      const pkp = await json(["pkp", String(year)], root);
      const rows = await attributes(page, "#tabel-pkp tr[data-pkp]");
      expect(rows.map((r) => [r["data-pkp"], num(r["data-capaian"]), num(r["data-skor"])])).toEqual(
        pkp.indikator.map((i: { program: string; indikator: string; capaian: number; skor: number }) => [
          `${i.program}/${i.indikator}`,
          i.capaian,
          i.skor,
        ]),
      );
      const management = await attributes(page, "tr[data-manajemen]");
      for (const row of management) {
        expect(num(row["data-jumlah"])).toBe(pkp.manajemen[row["data-manajemen"]].jumlah);
        expect(num(row["data-skor"])).toBe(pkp.manajemen[row["data-manajemen"]].skor);
      }
      // The kesepakatan by person, with each person's name as commitments prints it.
      const commitments = await json(["commitments", "--per", last], root);
      const listed = await page.$$eval(".person", (people) =>
        people.flatMap((p) =>
          [...p.querySelectorAll("tr[data-kesepakatan]")].map((tr) => ({
            id: tr.getAttribute("data-kesepakatan"),
            overdue: tr.getAttribute("data-terlambat"),
            person: p.querySelector("h3")?.firstChild?.textContent?.trim(),
          })),
        ),
      );
      expect(listed.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
        commitments.commitments
          .map((c: { id: string; overdue: boolean; penanggung_jawab_nama: string }) => ({
            id: c.id,
            overdue: String(c.overdue),
            person: c.penanggung_jawab_nama,
          }))
          .sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)),
      );
      // A chart per indicator, titled, its numbers beside it.
      expect(await page.locator("figure.trend svg title").count()).toBe(report.indicators.length);
      expect(await page.locator("figure.trend table.numbers").count()).toBe(report.indicators.length);
      if (screen) {
        await page.locator("#tren").scrollIntoViewIfNeeded();
        await shot(page, `${screen}-tren`, { top: false });
      }
      await context.close();
    } finally {
      await buka.stop();
    }
  }

  it("the year view's numbers equal report, pkp and commitments on the example", async () => {
    await yearInBrowser(copyWorkspace(EXAMPLE), 2024, "tahun");
  }, 120_000);

  it("and on a generated workspace", async () => {
    const root = path.join(tempDir(), "ws");
    generateWorkspace({ out: root, startMonth: "2024-03", months: 9, programs: 6, seed: 29 });
    await yearInBrowser(root, 2024);
  }, 120_000);

  it("the Dinas view's numbers equal summary --json; a month opens with its notulen", async () => {
    const { folder } = await inbox();
    const summary = await json(["summary", folder], folder);
    const buka = await startBuka(folder);
    try {
      const { context, page } = await session(browser, buka.url, problems);
      await expect.poll(() => page.url()).toMatch(/\/dinas$/);
      await shot(page, "dinas");
      await dinasCellsEqual(page, summary);
      // The names of what is behind are there to read, not only counts.
      const sukamaju = summary.workspaces.find((e: { name: string }) => e.name === "UPTD Puskesmas Sukamaju");
      const behind = sukamaju.months
        .at(-1)
        .figures.filter((f: { village: string | null; behind: boolean }) => f.village === null && f.behind);
      const names = page.locator('tr[data-baris="UPTD Puskesmas Sukamaju"] + tr.names-row');
      await expect.poll(() => names.textContent()).toContain(behind[0].indicator_nama);
      // Click through to June: its notulen is in the page.
      await page.getByRole("link", { name: "UPTD Puskesmas Sukamaju, Juni 2024" }).click();
      await page.waitForURL(/\/dinas\/p\/\d+\/2024-06$/);
      await expect.poll(() => page.locator(".notulen").textContent()).toContain("NOTULEN");
      await shot(page, "dinas-bulan");
      await page.locator("#notulen").scrollIntoViewIfNeeded();
      await shot(page, "dinas-notulen", { top: false });
      await context.close();
    } finally {
      await buka.stop();
    }
  }, 180_000);

  it("mode rapat: the month on a 1024×768 projector, screen by screen with the keyboard", async () => {
    const root = copyWorkspace(EXAMPLE);
    const before = readFileSync(path.join(root, "2024-06", "rapat.yaml"), "utf8");
    const report = await json(["report", "2024-06"], root);
    const rank = await json(["rank", "2024-06"], root);
    const buka = await startBuka(root);
    try {
      const { context, page } = await session(browser, buka.url, problems, PROJECTOR, 1);
      await page.goto(new URL("/bulan/2024-06", page.url()).href);
      await page.getByRole("link", { name: "Mode rapat" }).click();
      await page.waitForURL(/\/bulan\/2024-06\/rapat\/1$/);
      const total = Number(/dari (\d+)/.exec((await page.locator(".count").textContent()) ?? "")?.[1]);
      expect(total).toBeGreaterThan(5);
      const figures = new Map<string, Record<string, string>>();
      const matrix: Array<Record<string, string>> = [];
      const kinds: string[] = [];
      for (let n = 1; n <= total; n++) {
        await page.waitForURL(new RegExp(`/rapat/${n}$`));
        const kind = (await page.locator("main.slide").getAttribute("class"))!.replace("slide ", "");
        kinds.push(kind);
        // No sideways scrolling, and nothing on the screen to type into.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `screen ${n} (${kind}) is wider than the projector`).toBeLessThanOrEqual(0);
        // The slides the forum fills hold one form (filled live, tests/browser/rapat.test.ts); the others none.
        const fills = ["evaluasi", "masalah", "analisis", "rtl", "kesepakatan"].includes(kind);
        expect(await page.locator("form").count(), kind).toBe(fills ? 1 : 0);
        if (!fills) expect(await page.locator("input, textarea, select, [contenteditable]").count()).toBe(0);
        for (const row of await attributes(page, "tr[data-indikator]")) figures.set(row["data-indikator"], row);
        if (kind === "masalah") matrix.push(...(await attributes(page, "#matriks tr[data-masalah]")));
        if (
          ["judul", "evaluasi", "program", "masalah", "analisis", "kesepakatan"].includes(kind) &&
          !kinds.slice(0, -1).includes(kind)
        )
          await shot(page, `rapat-${kind}`);
        if (n < total) await page.keyboard.press(n % 2 ? "ArrowRight" : "PageDown");
      }
      expect(kinds[0]).toBe("judul");
      // Last month's kesepakatan are evaluated first, on a slide of their own.
      expect(kinds[1]).toBe("evaluasi");
      expect(kinds.at(-1)).toBe("kesepakatan");
      expect(kinds).toContain("masalah");
      expect(kinds).toContain("rtl");
      // Each program's figures are report --json's for the month, every indicator once.
      expect(figures.size).toBe(report.indicators.length);
      for (const indicator of report.indicators) {
        const row = figures.get(`${indicator.program}/${indicator.indikator}`)!;
        const last = indicator.points.at(-1);
        expect([row["data-bulan"], num(row["data-capaian"]), num(row["data-target"]), row["data-tertinggal"]]).toEqual([
          last.month,
          last.capaian,
          last.target,
          String(last.behind),
        ]);
      }
      // The scoring matrix is rank --json's, in rank order.
      expect(matrix.map((r) => [r["data-masalah"], num(r["data-total"]), num(r["data-peringkat"])])).toEqual(
        [...rank.problems]
          .sort((a: { rank: number | null }, b: { rank: number | null }) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
          .map((p: { id: string; total: number | null; rank: number | null }) => [p.id, p.total, p.rank]),
      );
      // The kesepakatan of the month, all of them, in the file's order.
      const agreed = await attributes(page, "li[data-kesepakatan]");
      expect(agreed.map((a) => a["data-kesepakatan"])).toEqual(
        [...before.matchAll(/^  - id: (2024-06\/K\d+)$/gm)].map((m) => m[1]),
      );
      // Back with the keyboard, to the start, and out.
      await page.keyboard.press("ArrowLeft");
      await page.waitForURL(new RegExp(`/rapat/${total - 1}$`));
      await page.keyboard.press("Home");
      await page.waitForURL(/\/rapat\/1$/);
      await page.keyboard.press("Escape");
      await page.waitForURL(/\/bulan\/2024-06$/);
      await context.close();
    } finally {
      await buka.stop();
    }
    // Showing is not editing: the month's file is as it was.
    expect(readFileSync(path.join(root, "2024-06", "rapat.yaml"), "utf8")).toBe(before);
  }, 180_000);

  it("mode rapat: a month scored by several raters shows each rater's block beside rank's matrix", async () => {
    const root = copyWorkspace(EXAMPLE);
    const yaml = readFileSync(path.join(root, "2024-04", "rapat.yaml"), "utf8");
    const rank = await json(["rank", "2024-04"], root);
    const buka = await startBuka(root);
    try {
      const { context, page } = await session(browser, buka.url, problems, PROJECTOR, 1);
      await page.goto(new URL("/bulan/2024-04/rapat/1", page.url()).href);
      const total = Number(/dari (\d+)/.exec((await page.locator(".count").textContent()) ?? "")?.[1]);
      let n = 1;
      while (n < total && !(await page.locator("main.slide.masalah").count())) {
        await page.keyboard.press("Space");
        await page.waitForURL(new RegExp(`/rapat/${++n}$`));
      }
      await expect.poll(() => page.locator("main.slide.masalah").count()).toBe(1);
      await shot(page, "rapat-masalah-penilai");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const rows = await attributes(page, "#matriks tr[data-masalah]");
      expect(rows.map((r) => [r["data-masalah"], num(r["data-total"]), num(r["data-peringkat"])]).sort()).toEqual(
        rank.problems
          .map((p: { id: string; total: number | null; rank: number | null }) => [p.id, p.total, p.rank])
          .sort(),
      );
      // One block per rater named in the file, headed with the rater's name, not the id.
      const raters = [...new Set([...yaml.matchAll(/- penilai: (\S+)/g)].map((m) => m[1]))];
      expect(raters.length).toBeGreaterThan(1);
      expect((await attributes(page, "[data-penilai]")).map((r) => r["data-penilai"])).toEqual(raters);
      expect(await page.locator('[data-penilai="ratna"] legend').textContent()).toContain("Ratna");
      await context.close();
    } finally {
      await buka.stop();
    }
  }, 180_000);

  it("the Dinas view of generated packages equals summary --json, each name behind listed", async () => {
    const folder = path.join(tempDir(), "paket");
    await generatePackages({ out: folder, count: 3, seed: 29, templates: 2 });
    const summary = await json(["summary", folder], folder);
    const buka = await startBuka(folder);
    try {
      const { context, page } = await session(browser, buka.url, problems);
      await expect.poll(() => page.url()).toMatch(/\/dinas$/);
      expect(await dinasCellsEqual(page, summary)).toBe(36);
      for (const e of summary.workspaces) {
        type Figure = { village: string | null; behind: boolean; indicator_nama: string };
        const behind = (e.months.at(-1).figures as Figure[]).filter((f) => f.village === null && f.behind);
        expect(behind.length, e.name).toBeGreaterThan(0);
        const names = (await page.locator(`tr[data-baris="${e.name}"] + tr.names-row`).textContent()) ?? "";
        for (const f of behind) expect(names, e.name).toContain(f.indicator_nama);
      }
      await context.close();
    } finally {
      await buka.stop();
    }
  }, 180_000);
});
