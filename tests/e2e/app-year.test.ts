// The year at a glance (issue 29 point 2) holds to the one definition of every number: each cell
// of programs × months is the point `lokmin report --json` prints, each PKP row and the meetings'
// counts what `lokmin pkp --json` prints, each kesepakatan by person what `lokmin commitments
// --json` lists (as of the year's latest month), each village what `lokmin summary --json` says —
// on the example workspace and on a generated one. Hostile names print literally.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateWorkspace } from "../../dev/generate.js";
import { elements, testApp } from "../app-support.js";
import { copyWorkspace, EXAMPLE, lokmin, tempDir } from "../helpers.js";

const num = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text));

async function json(args: string[], cwd: string) {
  const result = await lokmin([...args, "--json"], { cwd, env: { LOKMIN_TODAY: "2024-12-20" } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The page's numbers against the commands' JSON, for the workspace at `root` and `year`. */
async function compare(root: string, year: number) {
  const app = testApp(root);
  const res = await app.get(`/tahun/${year}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const months = (await json(["summary", root], root)).workspaces[0].months.map((m: { month: string }) => m.month);
  const last = months.filter((m: string) => m.startsWith(`${year}-`)).at(-1);

  // Programs × months: every cell is report --json's point.
  const report = await json(["report", last], root);
  const cells = elements(html, "bulan").filter((e) => e["data-capaian"] !== undefined && !e["data-desa"]);
  const fromPage = new Map(cells.map((c) => [`${c["data-indikator"]}@${c["data-bulan"]}`, c]));
  let points = 0;
  for (const indicator of report.indicators)
    for (const p of indicator.points) {
      const cell = fromPage.get(`${indicator.program}/${indicator.indikator}@${p.month}`);
      expect(cell, `${indicator.indikator} ${p.month}`).toBeDefined();
      expect(num(cell!["data-capaian"])).toBe(p.capaian);
      expect(num(cell!["data-target"])).toBe(p.target);
      expect(cell!["data-tertinggal"]).toBe(String(p.behind));
      points++;
    }
  // The matrix holds exactly those cells (the flagged table repeats some of them).
  expect(new Set(fromPage.keys()).size).toBe(points);
  // Flagged rows come first, in the table of their own, and are exactly report's flagged ones.
  const flagged = report.indicators.filter((i: { flagged: boolean }) => i.flagged);
  const flaggedTable = html.slice(html.indexOf('id="tabel-tertinggal"'), html.indexOf('id="tabel-capaian"'));
  expect(elements(flaggedTable, "baris").map((e) => e["data-baris"])).toEqual(
    [...flagged]
      .sort((a: { behindStreak: number }, b: { behindStreak: number }) => b.behindStreak - a.behindStreak)
      .map((i: { program: string; indikator: string }) => `${i.program}/${i.indikator}`),
  );

  // PKP: each indicator's capaian and score, the meetings' counts and scores.
  const pkp = await json(["pkp", String(year)], root);
  const rows = new Map(elements(html, "pkp").map((e) => [e["data-pkp"], e]));
  expect(rows.size).toBe(pkp.indikator.length);
  for (const i of pkp.indikator) {
    const row = rows.get(`${i.program}/${i.indikator}`)!;
    expect(num(row["data-capaian"])).toBe(i.capaian);
    expect(num(row["data-skor"])).toBe(i.skor);
  }
  for (const key of ["lokmin_bulanan", "lokmin_tribulanan"]) {
    const row = elements(html, "manajemen").find((e) => e["data-manajemen"] === key)!;
    expect(num(row["data-jumlah"])).toBe(pkp.manajemen[key].jumlah);
    expect(num(row["data-skor"])).toBe(pkp.manajemen[key].skor);
  }
  // The meetings held, month by month, count to the PKP's number.
  const held = elements(html, "rapat").filter(
    (e) => e["data-rapat"] === "bulanan" && e["data-dilaksanakan"] === "true",
  );
  expect(held.length).toBe(pkp.manajemen.lokmin_bulanan.jumlah);

  // Kesepakatan: the open ones as of the year's last month, overdue as commitments says.
  const commitments = await json(["commitments", "--per", last], root);
  const listed = elements(html, "kesepakatan").map((e) => [e["data-kesepakatan"], e["data-terlambat"]]);
  expect(listed.sort()).toEqual(
    commitments.commitments.map((c: { id: string; overdue: boolean }) => [c.id, String(c.overdue)]).sort(),
  );
  for (const c of commitments.commitments)
    expect(html).toContain(c.penanggung_jawab_nama.replace(/&/g, "&amp;").replace(/'/g, "&#39;"));

  // Villages: the summary's figure of the month shown.
  const summary = await json(["summary", root], root);
  const villages = elements(html, "desa");
  for (const v of villages) {
    const month = summary.workspaces[0].months.find((m: { month: string }) => m.month === v["data-bulan"]);
    const [program, indicator] = v["data-indikator"].split("/");
    const figure = month.figures.find(
      (f: { program: string; indicator: string; village: string }) =>
        f.program === program && f.indicator === indicator && f.village === v["data-desa"],
    );
    expect(num(v["data-capaian"])).toBe(figure.capaian_persen);
    expect(v["data-tertinggal"]).toBe(figure.behind === null ? "" : String(figure.behind));
  }
  // A chart per indicator.
  expect(html.match(/<figure class="trend/g)?.length).toBe(report.indicators.length);
  return { html, points, villages: villages.length, commitments: listed.length };
}

describe("the year at a glance", () => {
  it("shows the example's numbers exactly as report, pkp, commitments and summary print them", async () => {
    const root = copyWorkspace(EXAMPLE);
    const { html, points, villages, commitments } = await compare(root, 2024);
    // 18 indicators × January–May: June's figures are reported at July's Lokmin (periode_data: bulan-lalu).
    expect(points).toBe(18 * 5);
    expect(villages).toBeGreaterThan(5);
    expect(commitments).toBeGreaterThan(0);
    // Each chart titled, with its numbers in a table beside it.
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="tren-/);
    expect(html).toContain('<table class="numbers">');
  }, 60_000);

  it("on a generated workspace over two years, each year on its own", async () => {
    const root = path.join(tempDir(), "ws");
    generateWorkspace({ out: root, startMonth: "2024-09", months: 7, programs: 5, seed: 7 });
    await compare(root, 2024);
    const { html } = await compare(root, 2025);
    expect(html).toContain('href="/tahun/2024"');
  }, 90_000);

  it("under periode_data: bulan-lalu the columns are the months the figures cover, as report keys them", async () => {
    const root = copyWorkspace(EXAMPLE);
    const file = path.join(root, "lokmin.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("periode_data: bulan-ini", "periode_data: bulan-lalu"));
    const { html } = await compare(root, 2024);
    const report = await json(["report", "2024-06"], root);
    const periods = [
      ...new Set(report.indicators.flatMap((i: { points: Array<{ month: string }> }) => i.points.map((p) => p.month))),
    ].sort();
    // January's meeting reports December 2023: the year's columns are January to May, none empty.
    expect(periods).toEqual(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]);
    const matrix = html.slice(html.indexOf('id="tabel-capaian"'));
    expect(elements(matrix.slice(0, matrix.indexOf("</thead>")), "kolom").map((e) => e["data-kolom"])).toEqual(periods);
  }, 60_000);

  it("prints a hostile indicator name literally, in the table and in the chart", async () => {
    const root = copyWorkspace(EXAMPLE);
    const file = path.join(root, "lokmin.yaml");
    const text = readFileSync(file, "utf8");
    const hostile = '<img src=x onerror=alert(1)> & "Gizi"';
    const first = /(\n\s+nama: )(.+)\n/.exec(text.slice(text.indexOf("indikator:")))!;
    writeFileSync(file, text.replace(first[0], `${first[1]}'${hostile.replace(/'/g, "''")}'\n`));
    const html = await (await testApp(root).get("/tahun/2024")).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Gizi&quot;");
  });

  it("/tahun opens the latest year; a year without months says so", async () => {
    const root = copyWorkspace(EXAMPLE);
    const app = testApp(root);
    const res = await app.get("/tahun");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/tahun/2024");
    const empty = await app.get("/tahun/2023");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain("Belum ada bulan pada tahun ini");
  });
});
