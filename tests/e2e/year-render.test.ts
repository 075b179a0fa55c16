// The year's documents from the year fixture, read back with an independent DOCX reader (mammoth)
// and from their XML: the first Lokmin's task matrix and POA on landscape pages, the quarterly
// cross-sector Lokmin's invitation (addressed outside the Puskesmas), attendance with instansi,
// notulen and signed agreement, the pralokmin, and the klaster vocabulary in the monthly documents.
import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, EXAMPLE, lokmin, REPO, tempDir } from "../helpers.js";

const YEAR = copyWorkspace(path.join(REPO, "tests", "fixtures", "year"));
const out = tempDir("lokmin-year-render-");
const text = async (name: string) => (await mammoth.extractRawText({ path: path.join(out, name) })).value;
const documentXml = (name: string) => strFromU8(unzipSync(readFileSync(path.join(out, name)))["word/document.xml"]);

describe("the year's documents", () => {
  beforeAll(async () => {
    for (const args of [
      ["2024-01", "--only", "pembagian-tugas,poa"],
      ["2024-03"],
      ["2024-06", "--only", "notulen,undangan"],
    ]) {
      const r = await lokmin(["-C", YEAR, "render", ...args, "--out", out, "--json"]);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it("a month with a quarterly meeting and pralokmin renders their documents beside the monthly ones", async () => {
    const r = JSON.parse((await lokmin(["-C", YEAR, "render", "2024-03", "--out", tempDir(), "--json"])).stdout);
    const names = r.documents.map((d: { name: string }) => d.name);
    for (const name of ["tribulanan-undangan", "tribulanan-daftar-hadir", "tribulanan-notulen"])
      expect(names).toContain(name);
    expect(names).toContain("tribulanan-kesepakatan");
    expect(names).toContain("pralokmin");
    expect(r.skipped).toEqual(expect.arrayContaining(["pembagian-tugas", "poa"]));
  });

  it("the task matrix and the POA are landscape, with the klaster and villages of the first Lokmin", async () => {
    for (const name of ["2024-01-pembagian-tugas.docx", "2024-01-poa.docx"]) {
      const xml = documentXml(name);
      expect(xml).toContain('w:orient="landscape"');
      const [, w, h] = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml) ?? [];
      expect(Number(w)).toBeGreaterThan(Number(h));
    }
    const matrix = await text("2024-01-pembagian-tugas.docx");
    expect(matrix).toContain("MATRIKS PEMBAGIAN TUGAS DAN WILAYAH BINAAN");
    expect(matrix).toMatch(/Citra Bidan[\s\S]*Klaster 2 Ibu dan Anak[\s\S]*✓/);
    expect(matrix).toContain("Talang");
    const poa = await text("2024-01-poa.docx");
    expect(poa).toContain("Posbindu di setiap desa");
    expect(poa).toContain("Rp 2.400.000");
    expect((poa.match(/■/g) ?? []).length).toBe(4 + 12 + 1); // two rows of the schedule, and the legend
  });

  it("the invitation goes outside the Puskesmas, signed as lokmin.yaml says; attendance lists instansi", async () => {
    const invitation = await text("2024-03-tribulanan-undangan.docx");
    expect(invitation).toContain("Lokakarya Mini Tribulanan Lintas Sektor Pertama");
    expect(invitation).toContain("Aula Kantor Camat Rimba");
    expect(invitation).toContain("DAFTAR UNDANGAN LINTAS SEKTOR");
    expect(invitation).toMatch(/Fajar Kades\s+Kepala Desa Talang\s+Pemerintah Desa Talang/);
    expect(invitation).not.toMatch(/Citra Bidan/); // staff are not invited by letter
    expect(invitation).toMatch(/Kepala UPTD Puskesmas Rimba\s+dr\. Ani Kapus/);
    const attendance = await text("2024-03-tribulanan-daftar-hadir.docx");
    expect(attendance).toMatch(/Joko Kader\s+Kader Posyandu\s+Posyandu Melati Talang/);
    expect(attendance).toMatch(/Pimpinan Rapat\s*Camat Rimba/);
  });

  it("the notulen has coverage per village, the sectors' plan and the agreement, signed by each sector", async () => {
    const minutes = await text("2024-03-tribulanan-notulen.docx");
    for (const needle of [
      "Ibu hamil 12 dari 60 terlayani; akses jalan putus",
      "Menggerakkan desa mendata ibu hamil",
      "Pendataan ibu hamil door to door",
      "Perbaikan jalan ke dusun Talang Ulu",
      "2024-03/T01",
    ])
      expect(minutes).toContain(needle);
    const agreement = await text("2024-03-tribulanan-kesepakatan.docx");
    expect(agreement).toContain("KESEPAKATAN BERSAMA LINTAS SEKTOR");
    expect(agreement).toContain("dievaluasi bersama pada Lokakarya Mini Tribulanan Lintas Sektor berikutnya");
    for (const signer of ["Drs. Eko Camat", "Fajar Kades", "Gita PKK", "dr. Ani Kapus"])
      expect(agreement).toContain(signer);
    expect(agreement).toMatch(/Ketua TP-PKK Kecamatan\s*TP-PKK Kecamatan Rimba/);
  });

  it("the pralokmin prints its short notulen and attendance; the monthly documents say Klaster", async () => {
    const pralokmin = await text("2024-03-pralokmin.docx");
    expect(pralokmin).toContain("NOTULEN PRALOKMIN");
    expect(pralokmin).toContain("PWS ibu hamil dibahas per desa");
    expect(pralokmin).toMatch(/PJ klaster\s+Citra Bidan/);
    expect(await text("2024-06-notulen.docx")).toMatch(/Klaster\s+Indikator\s+Sasaran/);
    expect(await text("2024-06-undangan.docx")).toContain("laporan kinerja klaster masing-masing");
  });

  it("the quarterly notulen maps the sectors' stakeholders (Pasal 36): a picture, a table, each group", async () => {
    const dir = tempDir("lokmin-year-render-");
    const ws = copyWorkspace(EXAMPLE);
    const r = await lokmin(["-C", ws, "render", "2024-06", "--only", "tribulanan-notulen", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(dir, "2024-06-tribulanan-notulen.docx");
    const media = Object.keys(unzipSync(readFileSync(file))).filter((k) => k.startsWith("word/media/"));
    expect(media).toHaveLength(2); // the logo and the map
    const printed = (await mammoth.extractRawText({ path: file })).value.replace(/\s+/g, " ");
    expect(printed).toContain("Pemetaan stakeholder lintas sektor");
    expect(printed).toMatch(/Camat Sukamaju Kecamatan Sukamaju tinggi tinggi Promotor/);
    expect(printed).toMatch(/Kepala Sekolah SD Negeri 1 Sukamaju rendah rendah Apatis/);
  });
});
