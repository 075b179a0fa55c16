// The operations as the browser app calls them: no terminal, typed results. import takes the
// forms' bytes and can preview (each value before and after, with its cell, and the conflicts,
// nothing written) and set aside a file that is not a lokmin workbook; rank takes the scores a
// person entered; render gives a workspace's own template every field; check reports an invalid
// lokmin.yaml instead of stopping.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/ops/check.js";
import type { OpContext } from "../../src/ops/context.js";
import { form } from "../../src/ops/form.js";
import { type ImportFile, importForms } from "../../src/ops/import.js";
import { rank, scoreQuestions } from "../../src/ops/rank.js";
import { render } from "../../src/ops/render.js";
import { COL, editBook, rowOf, sheet } from "../form-support.js";
import { copyWorkspace, MINI, tempDir } from "../helpers.js";
import { docxText } from "./docs-support.js";

const ctxOf = (root: string): OpContext => ({ cwd: root, env: { LOKMIN_NO_CACHE: "1" }, today: "2024-03-01" });
const KIA = "2024-02/program/kia.yaml";

/** Every YAML file of a workspace with its text. */
function yamlFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith(".")) walk(rel);
      else if (/\.ya?ml$/.test(entry.name)) out.set(rel, readFileSync(path.join(root, rel), "utf8"));
    }
  };
  walk("");
  return out;
}

describe("import through the operation: the forms as bytes", () => {
  let forms: string;
  let kia: ImportFile;
  let row = 0;
  beforeAll(async () => {
    const ws = copyWorkspace(MINI);
    forms = tempDir("lokmin-ops-forms-");
    const made = await form(ctxOf(ws), { month: "2024-02", out: forms });
    expect(made.files.map((f) => path.basename(f.file))).toContain("2024-02-kia.xlsx");
    // The coordinator's figure for pregnant women this month: 9 in the YAML, 12 in the form.
    const file = path.join(forms, "2024-02-kia.xlsx");
    await editBook(file, (book) => {
      const s = sheet(book, "Capaian");
      row = rowOf(s, "i:bumil");
      s.getCell(`${COL.bulan}${row}`).value = 12;
    });
    kia = { name: "2024-02-kia.xlsx", bytes: readFileSync(file) };
  });

  it("preview: each value that would change, before and after, with its workbook cell; nothing written", async () => {
    const ws = copyWorkspace(MINI);
    const before = yamlFiles(ws);
    const result = await importForms(ctxOf(ws), { month: "2024-02", files: [kia], preview: true });
    expect(result).toMatchObject({ month: "2024-02", ok: true, preview: true, problems: [], conflicts: [] });
    const plan = result.files.find((f) => f.file === KIA);
    expect(plan?.source).toBe("2024-02-kia.xlsx");
    expect(plan?.changes).toContainEqual({
      path: ["indikator", 0, "bulan_ini"],
      before: 9,
      after: 12,
      sheet: "Capaian",
      cell: `${COL.bulan}${row}`,
    });
    expect(yamlFiles(ws)).toEqual(before);
    // The same files imported for real write what the preview showed.
    const done = await importForms(ctxOf(ws), { month: "2024-02", files: [kia] });
    expect(done).toMatchObject({ ok: true, files: [{ file: KIA, written: true }] });
    expect(readFileSync(path.join(ws, KIA), "utf8")).toContain("    bulan_ini: 12\n");
  });

  it("preview: a value changed in the YAML too is a conflict at its cell, naming both values", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, KIA);
    writeFileSync(file, readFileSync(file, "utf8").replace("    bulan_ini: 9\n", "    bulan_ini: 10\n"));
    const before = yamlFiles(ws);
    const result = await importForms(ctxOf(ws), { month: "2024-02", files: [kia], preview: true });
    expect(result.ok).toBe(false);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      file: "2024-02-kia.xlsx",
      sheet: "Capaian",
      cell: `${COL.bulan}${row}`,
    });
    expect(result.conflicts[0].message).toMatch(/12.*10|10.*12/);
    expect(result.problems).toEqual(result.conflicts);
    expect(yamlFiles(ws)).toEqual(before);
  });

  it("set aside: a photo and a workbook that is not a form are noted; the form beside them is imported", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Rekap").getCell("A1").value = "rekap pribadi";
    const files: ImportFile[] = [
      kia,
      { name: "foto.jpg", bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]) },
      { name: "rekap.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) },
    ];
    const ws = copyWorkspace(MINI);
    const before = yamlFiles(ws);
    // Without the option, either file stops the whole import, as on the command line.
    const refused = await importForms(ctxOf(ws), { month: "2024-02", files });
    expect(refused.ok).toBe(false);
    expect([...new Set(refused.problems.map((p) => p.file))].sort()).toEqual(["foto.jpg", "rekap.xlsx"]);
    expect(refused).not.toHaveProperty("setAside");
    expect(yamlFiles(ws)).toEqual(before);

    const done = await importForms(ctxOf(ws), { month: "2024-02", files, setAside: true });
    expect(done.ok).toBe(true);
    expect(done.setAside).toEqual([
      { file: "foto.jpg", note: expect.stringContaining("bukan berkas xlsx") },
      { file: "rekap.xlsx", note: expect.stringContaining("bukan isian lokmin") },
    ]);
    expect(readFileSync(path.join(ws, KIA), "utf8")).toContain("    bulan_ini: 12\n");
  });
});

describe("rank, render and check through the operations", () => {
  it("rank: the scores entered are saved by problem, even when the list moved since they were asked", async () => {
    const ws = copyWorkspace(MINI);
    const asked = await scoreQuestions(ctxOf(ws), { month: "2024-02" });
    const u = asked.questions.find((q) => q.problem === "m2" && q.criterion === "u");
    expect(u).toMatchObject({ index: 1, title: "Data balita belum valid", current: 3, min: 1, max: 5 });
    // Someone puts a new problem first before the scores are saved: m2 is now the third.
    const file = path.join(ws, "2024-02/rapat.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("masalah:\n", "masalah:\n  - id: m0\n    judul: Masalah baru\n"));
    const block = (yaml: string, id: string) => yaml.slice(yaml.indexOf(`- id: ${id}\n`)).split(/\n  - id: /)[0];
    const result = await rank(ctxOf(ws), {
      month: "2024-02",
      scores: [{ problem: "m2", index: 1, criterion: "u", value: 5 }],
    });
    expect(result).toMatchObject({ written: 1 });
    const after = readFileSync(file, "utf8");
    expect(block(after, "m2")).toBe(block(text, "m2").replace("u: 3", "u: 5"));
    expect(block(after, "m1")).toBe(block(text, "m1"));
  });

  it("render: a workspace's own template reads fields its built-in one does not (the ranking, the trend)", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    writeFileSync(
      path.join(ws, "templates/undangan.hbs"),
      "# UNDANGAN {{bulan_nama}}\nMetode {{metode}}, {{tren_bulan.length}} bulan tren, tilik {{tilik.skor}}\n",
    );
    const seen: string[] = [];
    const result = await render(ctxOf(ws), {
      month: "2024-02",
      only: ["undangan"],
      onDocument: (d) => seen.push(`${d.name}:${d.outcome}`),
    });
    expect(seen).toEqual(["undangan:written"]);
    expect(result.documents).toMatchObject([{ name: "undangan", template: "templates/undangan.hbs", ok: true }]);
    expect(docxText(result.documents[0].file)).toContain("Metode USG, 2 bulan tren, tilik ");
  });

  it("check: an invalid lokmin.yaml is reported as findings, not thrown", async () => {
    const ws = copyWorkspace(MINI);
    const file = path.join(ws, "lokmin.yaml");
    writeFileSync(file, `versi: dua\n${readFileSync(file, "utf8")}`);
    const result = await check(ctxOf(ws));
    expect(result.findings.some((f) => f.file === "lokmin.yaml" && f.severity === "error")).toBe(true);
    expect(result.months).toEqual([]);
  });
});
