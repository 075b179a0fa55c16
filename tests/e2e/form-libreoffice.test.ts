// The round trip through a real spreadsheet program: `lokmin form`, a script changes input cells,
// LibreOffice Calc (headless) opens and saves the workbooks as .xlsx, `lokmin import` reads what
// Calc saved. The YAML gets exactly the changed figures (and May's causes, SWOT, strategy and
// stakeholder level), and the formulas, validations and sheet protection survive Calc: its own
// recalculated results equal what import computed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { copyWorkspace, EXAMPLE, lokmin, snapshot, tempDir } from "../helpers.js";
import { COL, editBook, openBook, rowOf, sheet } from "../form-support.js";

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const skip = Boolean(soffice.error) && process.env.LOKMIN_SKIP_SOFFICE === "1";

describe.skipIf(skip)("form → edit → LibreOffice Calc → import", () => {
  let ws: string;
  let calc: string;
  let first: { status: number; stdout: string; stderr: string };
  let mayImport: { status: number; stdout: string; stderr: string };

  beforeAll(async () => {
    expect(
      soffice.error,
      "LibreOffice Calc is needed: apt-get install libreoffice-calc-nogui (or LOKMIN_SKIP_SOFFICE=1)",
    ).toBeUndefined();
    ws = copyWorkspace(EXAMPLE);
    const out = tempDir("lokmin-forms-");
    expect((await lokmin(["form", "2024-04", "--out", out, "--only", "kia,rapat"], { cwd: ws })).status).toBe(0);
    expect((await lokmin(["form", "2024-05", "--out", out, "--only", "rapat"], { cwd: ws })).status).toBe(0);
    await editBook(path.join(out, "2024-04-kia.xlsx"), (book) => {
      book.calcProperties.fullCalcOnLoad = true;
      const s = sheet(book, "Capaian");
      s.getCell(`${COL.bulan}${rowOf(s, "d:bumil:Sukamaju")}`).value = 15;
      s.getCell(`${COL.bulan}${rowOf(s, "i:bbl")}`).value = 70;
      const k = sheet(book, "Kegiatan");
      k.getCell(`C${rowOf(k, "r:kegiatan")}`).value = "Terlaksana di 5 desa, 2 posyandu ditunda hujan";
    });
    await editBook(path.join(out, "2024-04-rapat.xlsx"), (book) => {
      book.calcProperties.fullCalcOnLoad = true;
      const m = sheet(book, "Masalah");
      const blank = rowOf(m, "b:");
      m.getCell(`C${blank}`).value = "Dewi Lestari, S.Gz (dewi)";
      const rows = [rowOf(m, "m:m1", 3), rowOf(m, "m:m2", 3), rowOf(m, "m:m3", 3)];
      rows.forEach((r, i) => ["D", "E", "F", "G"].forEach((c, j) => (m.getCell(`${c}${r}`).value = 5 + ((i + j) % 4))));
      m.getCell(`D${rowOf(m, "m:m1", 0)}`).value = 8;
      const e = sheet(book, "Evaluasi");
      e.getCell(`F${rowOf(e, "e:2024-03/K01")}`).value = "sebagian";
    });
    await editBook(path.join(out, "2024-05-rapat.xlsx"), (book) => {
      book.calcProperties.fullCalcOnLoad = true;
      const a = sheet(book, "Akar & SWOT");
      a.getCell(`B${rowOf(a, "r:akar:m2")}`).value = "Lingkungan";
      a.getCell(`D${rowOf(a, "r:swot:m1", 2)}`).value = "Dana desa untuk PMT";
      a.getCell(`E${rowOf(a, "s:m1:s1")}`).value = "WO";
      const s = sheet(book, "Stakeholder");
      s.getCell(`E${rowOf(s, "r:stakeholder", 2)}`).value = "tinggi";
    });
    calc = tempDir("lokmin-calc-");
    // A profile that recalculates every formula on load, as Calc does while a person types, so the
    // results Calc saves are its own and not the ones the script left behind.
    const profile = tempDir("lokmin-lo-");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(
      path.join(profile, "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">' +
        "<value>0</value></prop></item>\n</oor:items>\n",
    );
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        calc,
        path.join(out, "2024-04-kia.xlsx"),
        path.join(out, "2024-04-rapat.xlsx"),
        path.join(out, "2024-05-rapat.xlsx"),
      ],
      { stdio: "ignore", timeout: 600_000 }, // a hang guard only
    );
    first = await lokmin(["import", "2024-04", ...["kia", "rapat"].map((f) => path.join(calc, `2024-04-${f}.xlsx`))], {
      cwd: ws,
    });
    mayImport = await lokmin(["import", "2024-05", path.join(calc, "2024-05-rapat.xlsx")], { cwd: ws });
  });

  it("imports what Calc saved: the changed figures, kumulatif from last month + this month", () => {
    expect(first.status, first.stderr).toBe(0);
    const kia = parseDocument(readFileSync(path.join(ws, "2024-04/program/kia.yaml"), "utf8")).toJS();
    const bumil = kia.indikator.find((i: { id: string }) => i.id === "bumil");
    const sukamaju = bumil.per_desa.find((v: { desa: string }) => v.desa === "Sukamaju");
    expect(sukamaju).toMatchObject({ bulan_ini: 15, kumulatif: 48 + 15 });
    expect(bumil.bulan_ini).toBe(47 - 13 + 15);
    expect(kia.indikator.find((i: { id: string }) => i.id === "bbl")).toMatchObject({
      bulan_ini: 70,
      kumulatif: 204 + 70,
    });
    expect(kia.laporan_kegiatan[0].hasil).toBe("Terlaksana di 5 desa, 2 posyandu ditunda hujan");
    const rapat = parseDocument(readFileSync(path.join(ws, "2024-04/rapat.yaml"), "utf8")).toJS();
    const m1 = rapat.masalah.find((m: { id: string }) => m.id === "m1");
    expect(m1.skor_penilai.map((r: { penilai: string }) => r.penilai)).toEqual(["ratna", "sri", "fitri", "dewi"]);
    expect(m1.skor_penilai[0].skor.besar).toBe(8);
    expect(m1.skor_penilai[3].skor).toEqual({ besar: 5, gawat: 6, mudah: 7, dukungan: 8 });
    expect(rapat.evaluasi_kesepakatan.find((e: { id: string }) => e.id === "2024-03/K01").status).toBe("sebagian");
  });

  it("imports May's analysis sheets as Calc saved them: a cause's category, SWOT, strategy, a level", () => {
    expect(mayImport.status, mayImport.stderr).toBe(0);
    const rapat = parseDocument(readFileSync(path.join(ws, "2024-05/rapat.yaml"), "utf8")).toJS();
    const [m1, m2] = rapat.masalah;
    expect(m2.akar_masalah[0]).toEqual({ kategori: "Lingkungan", uraian: "Petugas merangkap beberapa program" });
    expect(m2.akar_masalah).toHaveLength(5);
    expect(m1.swot.peluang).toEqual([
      "Dana desa dapat membiayai transport kader",
      "Camat mendukung gerakan pendataan sasaran",
      "Dana desa untuk PMT",
    ]);
    expect(m1.swot.kekuatan).toHaveLength(2);
    expect(m1.solusi.map((s: { strategi?: string }) => s.strategi)).toEqual(["WO", "ST", "WO"]);
    expect(rapat.stakeholder[2]).toEqual({
      nama: "Kapolsek Sukamaju",
      instansi: "Polsek Sukamaju",
      pengaruh: "tinggi",
      kepentingan: "tinggi",
    });
    expect(rapat.stakeholder).toHaveLength(7);
  });

  it("formulas, validation and protection survive Calc, and Calc's results equal lokmin's", async () => {
    const book = await openBook(path.join(calc, "2024-04-kia.xlsx"));
    const s = sheet(book, "Capaian");
    const r = rowOf(s, "i:bbl");
    const kum = s.getCell(`${COL.kum}${r}`).value as { formula: string; result: number };
    expect(kum.formula).toBe(`IF(J${r}="","",I${r}+J${r})`);
    expect(kum.result).toBe(274);
    const capaian = s.getCell(`${COL.capaian}${r}`).value as { formula: string; result: number };
    expect(capaian.formula).toContain(`K${r}/G${r}*100`);
    expect(capaian.result).toBeCloseTo((274 / 738) * 100, 6);
    const total = s.getCell(`${COL.bulan}${rowOf(s, "i:bumil")}`).value as { formula: string; result: number };
    expect(total.formula).toMatch(/^IF\(COUNT\(J\d+:J\d+\)=0,"",SUM\(J\d+:J\d+\)\)$/);
    expect(total.result).toBe(49);
    // The verification block follows what was typed: bbl 70 against bulin 57 is off by more than 10 %.
    const check = rowOf(s, "lokmin:verifikasi", 1);
    expect(s.getCell(`${COL.prev}${check}`).value).toMatchObject({ result: 70 });
    expect(s.getCell(`${COL.capaian}${check}`).value).toMatchObject({ result: "periksa" });
    expect(s.getCell(`${COL.capaian}${rowOf(s, "lokmin:verifikasi", 2)}`).value).toMatchObject({ result: "sesuai" });
    expect(s.getCell(`${COL.bulan}${r}`).dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
    });
    const zip = unzipSync(readFileSync(path.join(calc, "2024-04-kia.xlsx")));
    const xml = strFromU8(zip["xl/worksheets/sheet1.xml"]);
    expect(xml).toMatch(/<sheetProtection[^>]*sheet="(true|1)"/);
    const rapat = sheet(await openBook(path.join(calc, "2024-04-rapat.xlsx")), "Masalah");
    const dewi = rapat.getCell(`H${rowOf(rapat, "m:m1", 3)}`).value as { formula: string; result: number };
    expect(dewi.formula).toContain("5*D");
    expect(dewi.result).toBe(5 * 5 + 4 * 6 + 3 * 7 + 2 * 8);
    const may = await openBook(path.join(calc, "2024-05-rapat.xlsx"));
    const a = sheet(may, "Akar & SWOT");
    expect(a.getCell(`B${rowOf(a, "r:akar:m2")}`).dataValidation).toMatchObject({
      type: "list",
      formulae: expect.arrayContaining(["Pilihan!$E$5:$E$9"]),
    });
    expect(a.getCell(`E${rowOf(a, "s:m1:s1")}`).dataValidation).toMatchObject({ type: "list" });
    const map = sheet(may, "Stakeholder");
    const row = rowOf(map, "r:stakeholder", 2);
    const kapolsek = map.getCell(`G${row}`).value as { formula: string; result: string };
    expect(kapolsek.formula).toContain(`IF(D${row}="tinggi"`);
    expect(kapolsek.result).toBe("Promotor");
  });

  it("importing Calc's files again changes nothing", async () => {
    const before = snapshot(ws);
    for (const [month, files] of [
      ["2024-04", ["kia", "rapat"]],
      ["2024-05", ["rapat"]],
    ] as const) {
      const again = await lokmin(["import", month, ...files.map((f) => path.join(calc, `${month}-${f}.xlsx`))], {
        cwd: ws,
      });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toContain("0 berkas YAML diubah");
    }
    expect(snapshot(ws)).toEqual(before);
  });

  it("Calc's files still carry their base: a hand edit in the YAML is kept, a conflict is refused", async () => {
    expect(first.stderr).not.toContain("versi lama");
    const file = path.join(ws, "2024-04/program/kia.yaml");
    const text = readFileSync(file, "utf8");
    // bbl's Bulan ini was changed in the workbook (70) and is now changed by hand too: a conflict.
    writeFileSync(file, text.replace(/(id: bbl\n(?:.*\n){3} {4}bulan_ini:) 70/, "$1 71"));
    const conflict = await lokmin(["import", "2024-04", path.join(calc, "2024-04-kia.xlsx")], { cwd: ws });
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toMatch(/2024-04-kia\.xlsx, Capaian!J\d+: konflik: isian berisi 70/);
    expect(conflict.stderr).toContain("(indikator[2].bulan_ini)");
    expect(readFileSync(file, "utf8")).toContain("bulan_ini: 71");
    // A value the workbook did not change, edited by hand, stays.
    writeFileSync(file, text.replace("ke desa Karang Anyar", "ke desa Karang Anyar dan Sukamaju"));
    const kept = await lokmin(["import", "2024-04", path.join(calc, "2024-04-kia.xlsx")], { cwd: ws });
    expect(kept.status, kept.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("ke desa Karang Anyar dan Sukamaju");
  });
});
