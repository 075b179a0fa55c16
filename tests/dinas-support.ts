// A Dinas' inbox for tests: packages the real `lokmin paket` makes from the example workspace (its
// last month rendered first, so its package carries the documents and the notulen) and from a
// generated second Puskesmas with a hostile name. Built once per run (runFixture); tests that write copy it.
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { cellText, type ReadSheet } from "../src/domain/form/workbook.js";
import { generateWorkspace } from "../dev/generate.js";
import { copyWorkspace, EXAMPLE, lokmin, runFixture, tempDir } from "./helpers.js";

export const HOSTILE_PUSKESMAS = 'UPTD Puskesmas <img src=x onerror=alert(1)> & "Rimba"';

export interface Inbox {
  /** The folder of packages (what `lokmin buka FOLDER` opens in the Dinas mode). */
  folder: string;
  /** The example's workspace the Sukamaju packages were made from. */
  workspace: string;
}

async function paket(root: string, month: string, out: string) {
  const result = await lokmin(["-C", root, "paket", month, "--out", out], { env: { LOKMIN_TODAY: "2024-07-03" } });
  expect(result.status, result.stderr).toBe(0);
}

let built: Promise<Inbox> | undefined;

/** The inbox, built once for the run (the first file that asks builds it; render and five paket). */
export function inbox(): Promise<Inbox> {
  built ??= (async () => {
    const base = await runFixture("dinas-inbox", async (base) => {
      const folder = path.join(base, "kotak masuk");
      mkdirSync(folder);
      const workspace = path.join(base, "sukamaju");
      cpSync(copyWorkspace(EXAMPLE), workspace, { recursive: true });
      const render = await lokmin(["-C", workspace, "render", "2024-06"], { env: { LOKMIN_TODAY: "2024-07-01" } });
      expect(render.status, render.stderr).toBe(0);
      for (const month of ["2024-04", "2024-05", "2024-06"])
        await paket(workspace, month, path.join(folder, `sukamaju-${month}.zip`));
      const other = path.join(base, "rimba");
      generateWorkspace({
        out: other,
        startMonth: "2024-01",
        months: 3,
        programs: 4,
        seed: 11,
        name: HOSTILE_PUSKESMAS,
      });
      for (const month of ["2024-02", "2024-03"]) await paket(other, month, path.join(folder, `rimba-${month}.zip`));
    });
    return { folder: path.join(base, "kotak masuk"), workspace: path.join(base, "sukamaju") };
  })();
  return built;
}

/** A copy of the inbox a test may write into. */
export async function inboxCopy(): Promise<Inbox> {
  const { folder, workspace } = await inbox();
  const copy = path.join(tempDir("lokmin-inbox-copy-"), "kotak masuk");
  cpSync(folder, copy, { recursive: true });
  return { folder: copy, workspace };
}

/** A sheet's rows below its header row (the row starting with "Puskesmas") as text, by header. */
function table(sheet: ReadSheet): Array<Record<string, string>> {
  const rows = Array.from(sheet.rows, (r) => Array.from(r ?? [], (c) => (c ? cellText(c) : "")));
  const at = rows.findIndex((r) => r[0] === "Puskesmas");
  const header = rows[at];
  return rows
    .slice(at + 1)
    .filter((r) => r.some(Boolean))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

interface Month {
  month: string;
  held: boolean;
  tilik_score: number | null;
  arsip_present: number | null;
  errors: number;
  overdue_commitments: number;
  indicators_behind: number;
  overdue: Array<{ id: string; uraian: string; penanggung_jawab_nama: string; tenggat: string }>;
  figures: Array<{
    indicator_nama: string | null;
    village: string | null;
    behind: boolean | null;
    capaian_persen: number;
  }>;
}

export async function summaryAndWorkbook(folder: string, file: string) {
  const result = await lokmin(["summary", folder, "--xlsx", file, "--json"], { env: { LOKMIN_TODAY: "2024-07-10" } });
  expect(result.status, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as { workspaces: Array<{ name: string; months: Month[] }>; xlsx: string };
  expect(json.xlsx).toBe(file);
  return json;
}

/** The workbook's sheets hold what the summary says. */
export function expectSameAsSummary(sheets: ReadSheet[], entries: Array<{ name: string; months: Month[] }>) {
  expect(sheets.map((s) => s.name)).toEqual(["Puskesmas × bulan", "Indikator tertinggal", "Kesepakatan lewat tenggat"]);
  const months = table(sheets[0]);
  expect(months).toHaveLength(entries.reduce((n, e) => n + e.months.length, 0));
  for (const e of entries)
    for (const m of e.months) {
      const row = months.find((r) => r.Puskesmas === e.name && r.Bulan === m.month)!;
      expect(row, `${e.name} ${m.month}`).toBeDefined();
      expect(row["Lokmin dilaksanakan"]).toBe(m.held ? "ya" : "tidak");
      expect(Number(row["Skor Daftar Tilik"])).toBe(m.tilik_score);
      expect(Number(row["Arsip ada"])).toBe(m.arsip_present);
      expect(Number(row.Galat)).toBe(m.errors);
      expect(Number(row["Kesepakatan lewat tenggat"])).toBe(m.overdue_commitments);
      expect(Number(row["Indikator tertinggal"])).toBe(m.indicators_behind);
      const names = m.figures.filter((f) => f.village === null && f.behind).map((f) => f.indicator_nama);
      expect(row["Indikator tertinggal (nama)"]).toBe(names.join("; "));
    }
  // Every behind indicator of every month, by name, with the summary's capaian.
  const behind = table(sheets[1]);
  const expected = entries.flatMap((e) =>
    e.months.flatMap((m) =>
      m.figures
        .filter((f) => f.village === null && f.behind)
        .map((f) => `${e.name}|${m.month}|${f.indicator_nama}|${f.capaian_persen}`),
    ),
  );
  expect(behind.map((r) => `${r.Puskesmas}|${r.Bulan}|${r.Indikator}|${r["Capaian (%)"]}`).sort()).toEqual(
    expected.sort(),
  );
  // The overdue kesepakatan of each Puskesmas' latest month, by name and PJ.
  const overdue = table(sheets[2]);
  const due = entries.flatMap((e) =>
    e.months.at(-1)!.overdue.map((c) => `${e.name}|${c.uraian}|${c.penanggung_jawab_nama}`),
  );
  expect(overdue.map((r) => `${r.Puskesmas}|${r.Kesepakatan}|${r["Penanggung jawab"]}`).sort()).toEqual(due.sort());
  expect(due.length).toBeGreaterThan(0);
}
