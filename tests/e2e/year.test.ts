// The year's meetings end to end on the year fixture (an ILP workspace): scaffolding the quarterly
// cross-sector Lokmin, the pralokmin and the first Lokmin of a new year; carrying each series of
// kesepakatan to its own next meeting; listing them; exporting in the klaster vocabulary; and
// figures rounded once.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, REPO, snapshot } from "../helpers.js";

const YEAR = path.join(REPO, "tests", "fixtures", "year");
const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

describe("lokmin new for the year's meetings", () => {
  let root: string;
  beforeAll(async () => {
    root = copyWorkspace(YEAR);
    expect((await lokmin(["-C", root, "new", "2024-09"])).status).toBe(0);
  });

  it("a new month carries only monthly kesepakatan and scaffolds the pralokmin lokmin.yaml asks for", () => {
    const rapat = read(root, "2024-09/rapat.yaml");
    expect(rapat).toContain("jenis: rutin");
    expect(rapat).not.toContain("/T0");
    expect(rapat).toContain("pelaksana: PJ klaster");
    expect(rapat).not.toContain("PJ program");
    expect(existsSync(path.join(root, "2024-09/pralokmin/klaster-2.yaml"))).toBe(true);
    expect(existsSync(path.join(root, "2024-09/pralokmin/klaster-3.yaml"))).toBe(false);
  });

  it("--tribulanan scaffolds tribulanan.yaml beside rapat.yaml with the open quarterly kesepakatan", async () => {
    const r = await lokmin(["-C", root, "new", "2024-09", "--tribulanan", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.files).toEqual(["2024-09/tribulanan.yaml"]);
    // June evaluated 2024-03/T02 as "sebagian" (still open) and made 2024-06/T01; T01 of March is done.
    expect(json.carried).toEqual(["2024-03/T02", "2024-06/T01"]);
    const text = read(root, "2024-09/tribulanan.yaml");
    expect(text).toContain("jenis: tribulanan\n");
    expect(text).toContain("pimpinan: camat");
    expect(text).toContain("tempat: Aula Kantor Camat Rimba");
    expect(text).toContain("  - peserta: kades-talang\n    status: null");
    expect(text).toContain("  - desa: Talang\n    uraian: null");
    expect(text).toContain("  - instansi: Polsek Rimba\n    peran: null");
    // Created twice: refused, nothing changed.
    const before = snapshot(root);
    const again = await lokmin(["-C", root, "new", "2024-09", "--tribulanan"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("2024-09/tribulanan.yaml sudah ada");
    expect(snapshot(root)).toEqual(before);
  });

  it("a new year starts with the first Lokmin and the first quarterly meeting", async () => {
    expect((await lokmin(["-C", root, "new", "2025-01"])).status).toBe(0);
    const rapat = read(root, "2025-01/rapat.yaml");
    expect(rapat).toContain("jenis: pertama");
    expect(rapat).toContain("pembagian_tugas:\n  - pegawai: kapus");
    expect(rapat).toMatch(/ {2}- pegawai: bidan\n {4}program:\n {6}- klaster-2/);
    expect(rapat).toMatch(
      /poa:\n {2}- program: klaster-2\n {4}indikator: bumil\n {4}kegiatan: null\n {4}sasaran: "120"\n/,
    );
    expect(rapat).toContain("judul: Penyusunan POA tahunan dari RPK");
    const r = await lokmin(["-C", root, "new", "2025-03", "--tribulanan", "--json"]);
    expect(JSON.parse(r.stdout).carried).toEqual(["2024-03/T02", "2024-06/T01"]);
    expect(read(root, "2025-03/tribulanan.yaml")).toContain("jenis: tribulanan-pertama");
    // The month folder holds only the quarterly meeting: check says what is missing.
    const check = JSON.parse((await lokmin(["-C", root, "check", "2025-03", "--json"])).stdout);
    expect(check.findings.map((f: { rule: string }) => f.rule)).toContain("workspace/meeting-file");
  });
});

describe("carry and commitments with two series", () => {
  it("carry fills tribulanan.yaml with quarterly kesepakatan only, once", async () => {
    const root = copyWorkspace(YEAR);
    const file = path.join(root, "2024-06/tribulanan.yaml");
    writeFileSync(file, read(root, "2024-06/tribulanan.yaml").replace(/evaluasi_kesepakatan:\n(  .*\n)+/, ""));
    const rapat = read(root, "2024-06/rapat.yaml");
    const r = await lokmin(["-C", root, "carry", "2024-06", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files).toEqual({ "2024-06/tribulanan.yaml": ["2024-03/T01", "2024-03/T02"] });
    expect(read(root, "2024-06/rapat.yaml")).toBe(rapat);
    const before = snapshot(root);
    expect(JSON.parse((await lokmin(["-C", root, "carry", "2024-06", "--json"])).stdout).added).toEqual([]);
    expect(snapshot(root)).toEqual(before);
  });

  it("commitments lists quarterly kesepakatan beside monthly ones, with the cross-sector person's name", async () => {
    const r = await lokmin(["-C", YEAR, "commitments", "--all", "--json"]);
    const rows = JSON.parse(r.stdout).commitments as Array<Record<string, unknown>>;
    expect(rows.map((row) => `${row.id} ${row.rapat} ${row.status}`).sort()).toEqual([
      "2024-01/K01 bulanan selesai",
      "2024-03/T01 tribulanan selesai",
      "2024-03/T02 tribulanan sebagian",
      "2024-06/T01 tribulanan null",
    ]);
    expect(rows.find((row) => row.id === "2024-03/T01")?.penanggung_jawab_nama).toBe("Fajar Kades");
    const pj = JSON.parse((await lokmin(["-C", YEAR, "commitments", "--pj", "gita", "--json"])).stdout);
    expect(pj.commitments.map((row: { id: string }) => row.id)).toEqual(["2024-03/T02"]);
  });
});

describe("klaster vocabulary and rounding", () => {
  it("export names the klaster column and carries the quarterly kesepakatan", async () => {
    const r = await lokmin(["-C", YEAR, "export", "--sep", ";"]);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...lines] = r.stdout.trim().split("\r\n");
    expect(header.split(";").slice(0, 4)).toEqual(["jenis", "bulan", "klaster", "indikator"]);
    const dm = "capaian;2024-06;klaster-3;dm;;Pelayanan diabetes melitus;2000;203;50;10,15;;;;;;;;;;;2024-06";
    expect(lines).toContain(dm);
    expect(lines.some((l) => l.startsWith("kesepakatan_tribulanan;2024-03;;;2024-03/T02;"))).toBe(true);
    const json = JSON.parse((await lokmin(["-C", YEAR, "export", "--format", "json", "--json"])).stdout);
    expect(json.rows[0]).toHaveProperty("klaster");
    expect(json.rows[0]).not.toHaveProperty("program");
  });

  it("report rounds the cumulative target once from the exact pro-rata value (6,6%, not 6,65 → 6,7%)", async () => {
    const root = copyWorkspace(YEAR);
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(path.join(root, file), read(root, file).replace(from, to));
    // 79,75% a year → 6,6458…% by January; files hold 6.65, which rounded again prints 6,7.
    edit("lokmin.yaml", "sasaran: 200\n        target: 80", "sasaran: 200\n        target: 79.75");
    edit(
      "2024-01/program/klaster-3.yaml",
      "target_tahunan: 80\n    target_kumulatif: 6.67",
      "target_tahunan: 79.75\n    target_kumulatif: 6.65",
    );
    edit("2024-01/program/klaster-3.yaml", "kumulatif: 15", "kumulatif: 13");
    const r = await lokmin(["-C", root, "report", "2024-01"]);
    expect(r.status, r.stderr).toBe(0);
    // capaian 13 ÷ 200 = 6,5%; target 6,6458… → "6,6%", gap 0,1458 → "−0,1"
    expect(r.stdout).toMatch(/klaster-3\/ht\s+\S+\s+6,5%\s+6,6%\s+−0,1/);
  });
});
