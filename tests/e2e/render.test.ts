// Rendered documents read back with an independent DOCX reader (mammoth), converted by a real
// word processor (LibreOffice), overridden by a workspace template, and written safely.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { copyWorkspace, EXAMPLE, lokmin, MINI, REPO, tempDir } from "../helpers.js";

const text = async (file: string) => (await mammoth.extractRawText({ path: file })).value;
const DOCS = [
  "undangan",
  "susunan-acara",
  "daftar-hadir",
  "notulen",
  "kesepakatan",
  "rtl",
  "daftar-tilik",
  "tren",
  "analisis",
];

describe("lokmin render on the example", () => {
  const out = tempDir("lokmin-render-");
  let result: Awaited<ReturnType<typeof lokmin>>;
  beforeAll(async () => {
    result = await lokmin(["-C", EXAMPLE, "render", "2024-05", "--out", out, "--json"]);
  });

  it("writes every document the month's data supports (no feedback letter without a supervision visit)", async () => {
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(DOCS.map((d) => `2024-05-${d}.docx`).sort());
  });

  it("the invitation has the letterhead, Indonesian date and time, and the NIP printed with spaces", async () => {
    const t = await text(path.join(out, "2024-05-undangan.docx"));
    expect(t).toContain("UPTD PUSKESMAS SUKAMAJU");
    expect(t).toContain("Sukamaju, 15 Mei 2024");
    expect(t).toContain("Selasa, 21 Mei 2024");
    expect(t).toContain("08.00–12.00 WIB");
    expect(t).toContain("000.1.5/108/436.7.2.3.3/2024");
    expect(t).toContain("NIP. 19780315 200501 2 004");
    expect(t).toContain("DAFTAR UNDANGAN");
  });

  it("the attendance list numbers every invitee plus blank rows for walk-ins", async () => {
    const t = await text(path.join(out, "2024-05-daftar-hadir.docx"));
    expect(t).toContain("Sri Wahyuni, A.Md.Keb");
    for (const n of [1, 18, 23]) expect(t).toContain(`${n}.`);
    expect(t).not.toContain("24.");
  });

  it("the notulen carries the performance table, ranked problems and signatures", async () => {
    const t = await text(path.join(out, "2024-05-notulen.docx"));
    expect(t).toContain("NOTULEN");
    expect(t).toContain("Pelayanan kesehatan penderita hipertensi");
    expect(t).toMatch(/Prioritas masalah \(USG: U \+ S \+ G\)/);
    expect(t).toContain("Pimpinan Rapat");
    expect(t).toContain("Notulis");
    expect(t).toContain("Agus Salim, S.Sos");
    expect(t).toMatch(/\d{1,3}(\.\d{3})*/);
  });

  it("the agreement, RTL/RPK and checklist carry their rows", async () => {
    expect(await text(path.join(out, "2024-05-kesepakatan.docx"))).toContain("2024-05/K01");
    expect(await text(path.join(out, "2024-05-rtl.docx"))).toContain("Juni 2024");
    const tilik = await text(path.join(out, "2024-05-daftar-tilik.docx"));
    expect(tilik).toContain("Apakah ada surat undangan pelaksanaan LOKMIN tersebut");
    expect(tilik).toMatch(/\d+ dari 20/);
  });

  it("the analysis document and the notulen carry the fishbones, the SWOT tables and the stakeholder map", async () => {
    const media = async (doc: string) =>
      Object.keys((await JSZip.loadAsync(readFileSync(path.join(out, `2024-05-${doc}.docx`)))).files).filter((f) =>
        f.startsWith("word/media/"),
      ).length;
    // Three priority problems with causes and one stakeholder map; the notulen adds the trend chart.
    expect(await media("analisis")).toBe(1 + 3 + 1);
    expect(await media("notulen")).toBe(1 + 1 + 3 + 1);
    const analysis = await text(path.join(out, "2024-05-analisis.docx"));
    expect(analysis).toContain("1. Prioritas 1: Capaian pelayanan kesehatan penderita hipertensi di bawah target");
    expect(analysis).toContain("• Bidan desa tinggal di setiap desa");
    expect(analysis).toContain("• Pelayanan sore hari di dusun terjauh oleh bidan desa");
    expect(analysis).toContain("(strategi ST)");
    expect(analysis).toMatch(/Pengelola kebun\s+PT Sawit Lestari\s+rendah\s+rendah\s+Apatis/);
    const notulen = await text(path.join(out, "2024-05-notulen.docx"));
    expect(notulen).toContain("Analisis SWOT prioritas 1: Capaian pelayanan kesehatan penderita hipertensi");
    expect(notulen.indexOf("Analisis SWOT")).toBeGreaterThan(notulen.indexOf("F. Prioritas masalah"));
    expect(notulen.indexOf("Analisis SWOT")).toBeLessThan(notulen.indexOf("G. Keputusan dan kesepakatan"));
  });

  it("the same data renders the same word/document.xml", async () => {
    const again = tempDir("lokmin-render-");
    await lokmin(["-C", EXAMPLE, "render", "2024-05", "--out", again, "--only", "notulen"]);
    const documentXml = async (file: string) =>
      (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
    expect(await documentXml(path.join(again, "2024-05-notulen.docx"))).toBe(
      await documentXml(path.join(out, "2024-05-notulen.docx")),
    );
  });

  it("LibreOffice converts every document to PDF with a sane page count and the key strings", async () => {
    const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
    if (soffice.error && process.env.LOKMIN_SKIP_SOFFICE === "1") return;
    expect(
      soffice.error,
      "LibreOffice is needed: apt-get install libreoffice-writer-nogui poppler-utils (or LOKMIN_SKIP_SOFFICE=1)",
    ).toBeUndefined();
    const pdfDir = tempDir("lokmin-pdf-");
    const profile = `file://${tempDir("lokmin-lo-")}`;
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        pdfDir,
        ...DOCS.map((d) => path.join(out, `2024-05-${d}.docx`)),
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    const expectations: Record<string, string[]> = {
      undangan: ["UPTD PUSKESMAS SUKAMAJU", "Selasa, 21 Mei 2024"],
      "daftar-hadir": ["DAFTAR HADIR", "Tanda Tangan"],
      notulen: ["NOTULEN", "Pimpinan Rapat", "Analisis SWOT prioritas 1", "Ancaman (T)"],
      kesepakatan: ["NOTA KESEPAKATAN"],
      rtl: ["RENCANA TINDAK LANJUT"],
      "susunan-acara": ["SUSUNAN ACARA"],
      "daftar-tilik": ["DAFTAR TILIK"],
      tren: ["TREN CAPAIAN KINERJA KUMULATIF", "tertinggal"],
      analisis: ["ANALISIS MASALAH", "Kekuatan (S)", "Strategi WT", "Kader Posyandu Mawar", "Defender"],
    };
    for (const doc of DOCS) {
      const pdf = path.join(pdfDir, `2024-05-${doc}.pdf`);
      expect(existsSync(pdf), doc).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
      expect(pages, doc).toBeGreaterThanOrEqual(1);
      expect(pages, doc).toBeLessThanOrEqual(8);
      const pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      for (const key of expectations[doc]) expect(pdfText, `${doc}: ${key}`).toContain(key);
    }
  }, 180_000);
});

describe("render safety and overrides", () => {
  it("a workspace template overrides the built-in wording", async () => {
    const ws = copyWorkspace(MINI);
    cpSync(path.join(REPO, "tests/fixtures/template-override/templates"), path.join(ws, "templates"), {
      recursive: true,
    });
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"]);
    expect(r.status, r.stderr).toBe(0);
    const t = await text(path.join(ws, "2024-01/dokumen/2024-01-undangan.docx"));
    expect(t).toContain("UNDANGAN RAPAT KERJA BULANAN");
    expect(t).not.toContain("Dengan hormat");
  });

  it("never overwrites without --force; a file that cannot be written is reported, the others written", async () => {
    const ws = copyWorkspace(MINI);
    expect((await lokmin(["-C", ws, "render", "2024-01"])).status).toBe(0);
    const dir = path.join(ws, "2024-01/dokumen");
    const before = readFileSync(path.join(dir, "2024-01-notulen.docx"));
    const again = await lokmin(["-C", ws, "render", "2024-01"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(readFileSync(path.join(dir, "2024-01-notulen.docx")).equals(before)).toBe(true);
    // A folder where a document should go stands in for a file Word holds open.
    const blocked = path.join(ws, "out");
    mkdirSync(path.join(blocked, "2024-01-notulen.docx"), { recursive: true });
    const r = await lokmin(["-C", ws, "render", "2024-01", "--out", blocked, "--force"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2024-01-notulen.docx");
    expect(existsSync(path.join(blocked, "2024-01-undangan.docx"))).toBe(true);
    expect(readdirSync(blocked).filter((f) => f.includes("lokmin-tmp"))).toEqual([]);
  });

  it("a template error names the template and line", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    writeFileSync(path.join(ws, "templates/undangan.hbs"), "# Judul\n{{#each peserta}}\n{{nama}}\n");
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("templates/undangan.hbs");
    writeFileSync(path.join(ws, "templates/undangan.hbs"), "# Judul\n{{tidakada nama}}\n");
    expect((await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"])).stderr).toContain("tidakada");
  });

  it("--only rejects unknown document names, including paths", async () => {
    const r = await lokmin(["-C", MINI, "render", "2024-01", "--only", "../../etc/passwd"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("undangan");
  });
});
