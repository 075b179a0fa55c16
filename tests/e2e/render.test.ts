// The documents as their readers see them: every document of the example month (and the Dinas'
// feedback letter of June, a DRAF month and an F4 workspace) is rendered once, converted to PDF
// by LibreOffice in one batch, and each point of issue #16 is read back from the PDF text and
// from the DOCX XML: content present, no YAML keys or true/false, Indonesian proofing language,
// heading styles, page numbers, signatures, strict templates, hostile data shown literally, and
// re-rendering that replaces only what nobody edited.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readZip, writeZip } from "../../src/render/zip.js";
import { copyWorkspace, EXAMPLE, lokmin, lokminBin, MINI, REPO, tempDir } from "../helpers.js";
import { docxText, partOf, pdfPages, toPdfLater } from "./docs-support.js";

const DOCS = [
  "undangan",
  "susunan-acara",
  "daftar-hadir",
  "notulen",
  "kesepakatan",
  "rtl",
  "berita-acara-verifikasi",
  "daftar-tilik",
  "tren",
  "analisis",
];

/** Snake-case keys of the YAML files, which must never reach a printed document. */
const YAML_KEY = /\b(?:[a-z]+_){1,3}[a-z]+\b/;

describe("the documents of a month, as their readers see them", () => {
  const ws = copyWorkspace(EXAMPLE);
  const out = path.join(ws, "2024-05", "dokumen");
  const june = tempDir("lokmin-june-");
  const draftWs = copyWorkspace(MINI);
  const f4 = copyWorkspace(EXAMPLE);
  let first: Awaited<ReturnType<typeof lokmin>>;
  let draft: Awaited<ReturnType<typeof lokmin>>;
  const pdf = new Map<string, string[]>();
  const file = (name: string) => path.join(out, `2024-05-${name}.docx`);

  beforeAll(async () => {
    // The Dinas signs "a.n." through a Kepala Bidang with rank and NIP; staff carry pangkat/golongan.
    const yaml = path.join(ws, "lokmin.yaml");
    writeFileSync(
      yaml,
      readFileSync(yaml, "utf8")
        .replace(
          "  alamat: Jl. Pembangunan No. 3, Lembah Hijau\n",
          "  alamat: Jl. Pembangunan No. 3, Lembah Hijau\n  telepon: (0733) 400100\n  penandatangan:\n" +
            "    sebutan: a.n.\n    jabatan: Kepala Bidang Kesehatan Masyarakat\n" +
            "    nama: Hendra Gunawan, SKM, M.Kes\n" +
            '    pangkat: Pembina (IV/a)\n    nip: "197205101998031004"\n  tembusan:\n' +
            "    - Kepala Dinas Kesehatan Kabupaten Lembah Hijau (sebagai laporan)\n    - Arsip\n",
        )
        .replace(
          "    jabatan: Kepala UPTD Puskesmas Sukamaju\n",
          "    jabatan: Kepala UPTD Puskesmas Sukamaju\n    pangkat: Pembina\n    golongan: IV/a\n",
        ),
    );
    first = await lokmin(["-C", ws, "render", "2024-05"]);
    await lokmin([
      "-C",
      ws,
      "render",
      "2024-06",
      "--only",
      "umpan-balik,kesepakatan,berita-acara-verifikasi",
      "--out",
      june,
    ]);
    // A month that fails check: the meeting date outside its month.
    const rapat = path.join(draftWs, "2024-02", "rapat.yaml");
    writeFileSync(rapat, readFileSync(rapat, "utf8").replace("tanggal: 2024-02-20", "tanggal: 2024-03-02"));
    draft = await lokmin(["-C", draftWs, "render", "2024-02", "--only", "notulen"]);
    const f4yaml = path.join(f4, "lokmin.yaml");
    writeFileSync(f4yaml, readFileSync(f4yaml, "utf8").replace("ukuran: A4", "ukuran: F4"));
    await lokmin(["-C", f4, "render", "2024-05", "--only", "daftar-tilik"]);
    // One LibreOffice run for every document (each start costs about a second of CPU); the F4
    // checklist goes under its own name beside the A4 one.
    const f4Checklist = path.join(f4, "2024-05", "dokumen", "2024-05-daftar-tilik.docx");
    const f4Copy = path.join(tempDir("lokmin-f4-"), "2024-05-daftar-tilik-f4.docx");
    cpSync(f4Checklist, f4Copy);
    const all = [
      ...DOCS.map(file),
      path.join(june, "2024-06-umpan-balik.docx"),
      path.join(june, "2024-06-kesepakatan.docx"),
      path.join(june, "2024-06-berita-acara-verifikasi.docx"),
      path.join(draftWs, "2024-02", "dokumen", "2024-02-notulen.docx"),
      f4Copy,
    ];
    for (const [docx, p] of await toPdfLater(all)) pdf.set(docx === f4Copy ? f4Checklist : docx, pdfPages(p));
  });
  const pages = (docx: string) => pdf.get(docx) ?? [];
  const text = (docx: string) => pages(docx).join("\n");

  it("writes every document the month supports, then re-rendering changes nothing and exits 0", async () => {
    expect(first.status, first.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(DOCS.map((d) => `2024-05-${d}.docx`).sort());
    const before = DOCS.map((d) => readFileSync(file(d)));
    const again = await lokmin(["-C", ws, "render", "2024-05"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("tidak berubah");
    DOCS.forEach((d, i) => expect(readFileSync(file(d)).equals(before[i]), d).toBe(true));
  });

  it("the notulen records the meeting: times, each agenda item with its data, attendance counts, a kesimpulan", () => {
    const t = `${text(file("notulen"))} ${docxText(file("notulen"))}`.replace(/\s+/g, " ");
    for (const expected of [
      "dibuka pukul 08.00 WIB, ditutup pukul 12.00 WIB",
      "17 hadir dari 18 undangan (1 dinas luar)",
      "Laporan hasil kegiatan bulan lalu per program",
      "Terlaksana sesuai jadwal di 4 desa", // a program's laporan_kegiatan
      "Kunjungan lapangan kesehatan ibu dan anak ke desa Sidomulyo", // rencana_bulan_ini
      "selisih 3 sasaran ibu hamil sudah dikoreksi", // verifikasi_data
      "Bulan ini", // this month's numbers beside the cumulative ones
      "Capaian per desa", // per-village figures
      "Jam layanan pagi bentrok dengan jam kerja", // analisis: waktu
      "Manusia: Petugas merangkap beberapa program", // causes by category
      "Posyandu/posbindu sore hari di dusun terjauh", // chosen solution
      "Evaluasi kesepakatan bulan lalu",
      "kebutuhan tenaga bidan desa", // ruk
      "Kesimpulan",
      "Rapat ditutup pukul 12.00 WIB",
    ])
      expect(t, expected).toContain(expected);
    // Sections lettered by Word's numbering: A, B, C … with no gap.
    const letters = [...t.matchAll(/ ([A-H])\. (Pembukaan|Agenda|Jalannya rapat|Kesimpulan|Penutup)\b/g)].map(
      (m) => m[1],
    );
    expect(letters).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("the analysis document and the notulen carry the fishbones, the SWOT tables and the stakeholder map", () => {
    const media = (doc: string) =>
      [...readZip(readFileSync(file(doc))).keys()].filter((f) => f.startsWith("word/media/")).length;
    // Three priority problems with causes and one stakeholder map (+ the logo); the notulen adds the trend chart.
    expect(media("analisis")).toBe(1 + 3 + 1);
    expect(media("notulen")).toBe(1 + 1 + 3 + 1);
    const analysis = text(file("analisis")).replace(/\s+/g, " ");
    expect(analysis).toContain("Prioritas 1: Capaian pelayanan kesehatan penderita hipertensi di bawah target");
    expect(analysis).toContain("Bidan desa tinggal di setiap desa");
    expect(analysis).toContain("(strategi ST)");
    expect(analysis).toMatch(/Pengelola kebun PT Sawit Lestari rendah rendah Apatis/);
    const notulen = text(file("notulen")).replace(/\s+/g, " ");
    const swot = notulen.indexOf("Analisis SWOT prioritas 1: Capaian pelayanan kesehatan penderita hipertensi");
    expect(swot).toBeGreaterThan(notulen.indexOf("Masalah, penyebabnya menurut kategori"));
    expect(swot).toBeLessThan(notulen.indexOf("Rencana tindak lanjut:"));
    expect(notulen).toContain("Ancaman (T)");
  });

  it("the Berita Acara Verifikasi Data lists each relation with its figures and the justification, on one page", () => {
    const ba = path.join(june, "2024-06-berita-acara-verifikasi.docx");
    expect(pages(ba)).toHaveLength(1);
    const t = text(ba).replace(/\s+/g, " ");
    for (const expected of [
      "BERITA ACARA VERIFIKASI DATA",
      "Perbup Musi Rawas 49/2018 Pasal 9, Lampiran II",
      "Justifikasi: 2 bayi lahir mati (IUFD) dan 1 kematian neonatal dini",
      "Penyebab: Kunjungan neonatal tidak dapat dilengkapi",
      "Kumulatif",
      "Sesuai",
      "Dari 2 perbandingan, 1 sesuai dan 1 tidak sesuai; 1 selisih dijustifikasi.",
      "Sri Wahyuni, A.Md.Keb", // the KIA coordinator
      "Mengetahui,",
      "dr. Ratna Sari Dewi, M.Kes",
    ])
      expect(t, expected).toContain(expected);
    // The table row, read from the document: the PDF layout puts a cell's lines apart, a line break joins them here.
    expect(docxText(ba).replace(/\s+/g, " ")).toContain(
      "Bayi baru lahir ≈ Ibu bersalinkia/bbl ≈ kia/bulin Bulan ini 61 ≈ 69 8 Tidak sesuai Tidak",
    );
    // May has no mismatch: every relation sesuai, nobody's justification printed.
    const may = text(file("berita-acara-verifikasi")).replace(/\s+/g, " ");
    expect(may).toContain("Dari 2 perbandingan, 2 sesuai dan 0 tidak sesuai");
    expect(may).not.toContain("Justifikasi:");
  });

  it("no document prints a YAML key, true/false or '+-0'; percentages have one decimal", () => {
    for (const d of [...DOCS.map(file), path.join(june, "2024-06-umpan-balik.docx")]) {
      const t = text(d);
      expect(YAML_KEY.exec(t)?.[0], d).toBeUndefined();
      expect(t, d).not.toMatch(/\b(true|false|null|undefined)\b/);
      expect(t, d).not.toContain("+-");
      expect(t, d).not.toMatch(/\d,\d\d+%/);
    }
    expect(text(file("notulen"))).toMatch(/41,7%/);
  });

  it("multi-page documents number their pages 'Halaman x dari y'", () => {
    const notulen = pages(file("notulen"));
    expect(notulen.length).toBeGreaterThan(3);
    notulen.forEach((page, i) => expect(page).toContain(`Halaman ${i + 1} dari ${notulen.length}`));
  });

  it("the DOCX files are good Word citizens: id-ID proofing, heading styles, properties, spacing by properties", () => {
    const styles = partOf(file("notulen"), "word/styles.xml");
    expect(styles).toContain('<w:lang w:val="id-ID"');
    const doc = partOf(file("notulen"), "word/document.xml");
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading2"/>');
    expect(styles).toMatch(/w:styleId="Heading2">.*?<w:outlineLvl w:val="1"\/>/);
    // No run of empty paragraphs standing in for spacing.
    expect(doc).not.toMatch(/(<w:p\/>|<w:p><\/w:p>){2}/);
    const core = partOf(file("notulen"), "docProps/core.xml");
    expect(core).toContain("<dc:title>Notulen Mei 2024 — UPTD Puskesmas Sukamaju</dc:title>");
    expect(core).toContain("<dc:creator>UPTD Puskesmas Sukamaju</dc:creator>");
    expect(partOf(file("notulen"), "docProps/custom.xml")).toContain('name="lokmin-sidik"');
    // Repeated table headers and rows that never split.
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain("<w:cantSplit/>");
  });

  it("the Daftar Tilik is the Lampiran III form on one page (A4 and F4): header, 20 items, notes, blanks", () => {
    for (const d of [file("daftar-tilik"), path.join(f4, "2024-05", "dokumen", "2024-05-daftar-tilik.docx")]) {
      expect(pages(d).length, d).toBe(1);
      const t = text(d).replace(/\s+/g, " ");
      expect(t).toContain("LAMPIRAN III PERATURAN BUPATI MUSI RAWAS");
      expect(t).toContain("NOMOR : 49 TAHUN 2018");
      expect(docxText(d)).toContain("Apakah ada dokumen tindak lanjut hasil LOKMIN tersebut");
      expect(t).toContain("Verifikasi 19 Mei 2024");
      expect(t).toContain("Sukamaju, ");
      expect(t).not.toContain("diisi pembina");
      // The supervisor is the workspace's own Dinas unless lokmin.yaml (pembinaan.pembina) names another.
      expect(docxText(d).replace(/\s+/g, " ")).toContain("pembinaan dari tim Dinas Kesehatan Kabupaten Lembah Hijau");
    }
    // 16 items answered "ya" from the files; the 4 nobody has answered yet carry no mark at all.
    expect(text(file("daftar-tilik")).match(/✓/g)?.length).toBe(16);
  });

  it("feedback letter: Dinas letterhead, regulation number and year, a.n. signer, rank, NIP, Tembusan", () => {
    const t = text(path.join(june, "2024-06-umpan-balik.docx")).replace(/\s+/g, " ");
    expect(t).toContain("DINAS KESEHATAN KABUPATEN LEMBAH HIJAU");
    expect(t).toContain("Telp. (0733) 400100");
    expect(t).toContain("Peraturan Bupati Musi Rawas Nomor 49 Tahun 2018");
    expect(t).toContain("Pasal 33 ayat (3)");
    expect(t).toContain("a.n. Kepala Dinas Kesehatan Kabupaten Lembah Hijau");
    expect(t).toContain("Kepala Bidang Kesehatan Masyarakat");
    expect(t).toContain("Hendra Gunawan, SKM, M.Kes");
    expect(t).toContain("Pembina (IV/a)");
    expect(t).toContain("NIP. 19720510 199803 1 004");
    expect(t).toContain("Tembusan");
  });

  it("signatures: coordinators sign, the head centred under Mengetahui; an absent signer is noted", () => {
    const may = text(file("kesepakatan"));
    expect(may).toContain("Mengetahui,");
    const head = may.split("\n").find((l) => l.includes("dr. Ratna Sari Dewi, M.Kes"))!;
    const indent = head.length - head.trimStart().length;
    expect(indent).toBeGreaterThan(20); // centred, not in the left column
    expect(may.indexOf("Mengetahui")).toBeLessThan(may.indexOf("dr. Ratna Sari Dewi"));
    expect(may).toContain("Pembina (IV/a)");
    const june6 = text(path.join(june, "2024-06-kesepakatan.docx"));
    expect(june6).toContain("(tidak hadir: dinas luar)");
    // The chair's and the minute-taker's blocks line up.
    const names = text(file("notulen"))
      .split("\n")
      .find((l) => l.includes("dr. Ratna Sari Dewi, M.Kes") && l.includes("Agus Salim, S.Sos"));
    expect(names, "pimpinan and notulis names on one line").toBeDefined();
  });

  it("tables: whole header words, lokmin.yaml program order, this month beside cumulative, month columns", () => {
    const notulen = text(file("notulen"));
    const table = docxText(file("notulen"));
    const capaian = table.slice(table.indexOf("Capaian kinerja kumulatif"), table.indexOf("Capaian per desa"));
    for (const word of ["Urutan", "Capaian", "Kumulatif", "Penyebab"])
      expect(notulen).toMatch(new RegExp(`\\b${word}\\b`));
    const order = ["Kesehatan Ibu dan Anak", "Gizi", "Imunisasi", "Promosi Kesehatan", "Kesehatan Lingkungan"];
    const at = order.map((p) => capaian.indexOf(`\n${p}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const tren = text(file("tren"));
    expect(tren).toMatch(/Jan\s+Feb\s+Mar\s+Apr\s+Mei/);
    const hadir = text(file("daftar-hadir"));
    expect(hadir).toContain("NIP");
    expect(hadir).toContain("Keterangan");
    expect(hadir).toContain("Dinas luar");
    const rtl = partOf(file("rtl"), "word/document.xml");
    expect(rtl).toContain('w:orient="landscape"');
    expect(text(file("rtl"))).toMatch(/Lokasi[\s\S]*Sumber/);
  });

  it("a month that fails check renders as DRAF on every page, with a warning", () => {
    expect(draft.status).toBe(0);
    expect(draft.stderr).toContain("DRAF");
    const draftPages = pages(path.join(draftWs, "2024-02", "dokumen", "2024-02-notulen.docx"));
    expect(draftPages.length).toBeGreaterThan(0);
    for (const page of draftPages) expect(page).toContain("DRAF");
    expect(text(file("notulen"))).not.toContain("DRAF");
  });
});

describe("templates are strict, data stays data, edited files are kept", () => {
  it("a field that does not exist names the template, the line and the field", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    writeFileSync(path.join(ws, "templates/undangan.hbs"), "# Judul\n\nHari: {{rapat.tangal}}\n");
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("templates/undangan.hbs baris 3");
    expect(r.stderr).toContain("'rapat.tangal'");
    expect(existsSync(path.join(ws, "2024-01/dokumen/2024-01-undangan.docx"))).toBe(false);
    writeFileSync(path.join(ws, "templates/undangan.hbs"), "# Judul\n{{#each peserta}}\n{{nama}}\n");
    expect((await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"])).stderr).toContain(
      "templates/undangan.hbs",
    );
    writeFileSync(path.join(ws, "templates/undangan.hbs"), "# Judul\n{{tidakada nama}}\n");
    expect((await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"])).stderr).toContain("tidakada");
  });

  it("a workspace template overrides the built-in wording", async () => {
    const ws = copyWorkspace(MINI);
    cpSync(path.join(REPO, "tests/fixtures/template-override/templates"), path.join(ws, "templates"), {
      recursive: true,
    });
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"]);
    expect(r.status, r.stderr).toBe(0);
    const doc = partOf(path.join(ws, "2024-01/dokumen/2024-01-undangan.docx"), "word/document.xml");
    expect(doc).toContain("UNDANGAN RAPAT KERJA BULANAN");
    expect(doc).not.toContain("Dengan hormat");
  });

  it("hostile data (::ttd, **x**, | a | b, # x, - x) prints literally, never as layout", async () => {
    const ws = copyWorkspace(MINI);
    const rapat = path.join(ws, "2024-02", "rapat.yaml");
    const hostile = ["::ttd", "**x**", "| a | b", "# x", "- x", "^2 y", "\\n z", "<w:p>&amp;"];
    writeFileSync(
      rapat,
      readFileSync(rapat, "utf8").replace(
        /informasi: \[\]|informasi:\n/,
        `informasi:\n${hostile.map((h) => `  - sumber: '${h}'\n    isi: 'isi ${h}'\n`).join("")}`,
      ),
    );
    const r = await lokmin(["-C", ws, "render", "2024-02", "--only", "notulen"]);
    expect(r.status, r.stderr).toBe(0);
    const xml = partOf(path.join(ws, "2024-02/dokumen/2024-02-notulen.docx"), "word/document.xml");
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\u0001");
    for (const h of hostile) {
      const escaped = h.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      expect(texts, h).toContain(`isi ${escaped}`);
    }
    expect(xml.match(/<w:tbl>/g)?.length).toBe(xml.match(/<\/w:tbl>/g)?.length);
  });

  it("re-render replaces unedited files, keeps one edited in Word unless --force, which keeps a backup", async () => {
    const ws = copyWorkspace(MINI);
    expect((await lokmin(["-C", ws, "render", "2024-01"])).status).toBe(0);
    const dir = path.join(ws, "2024-01/dokumen");
    const notulen = path.join(dir, "2024-01-notulen.docx");
    // Someone edits the notulen in Word: the content changes, the fingerprint property stays.
    const entries = readZip(readFileSync(notulen));
    entries.set(
      "word/document.xml",
      Buffer.from(Buffer.from(entries.get("word/document.xml")!).toString().replace("NOTULEN", "NOTULEN RAPAT")),
    );
    writeFileSync(notulen, writeZip(entries));
    const edited = readFileSync(notulen);
    // The data changes, so every unedited document is replaced.
    const yaml = path.join(ws, "2024-01", "rapat.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/tempat: .*/, "tempat: Aula Baru"));
    const again = await lokmin(["-C", ws, "render", "2024-01"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("2024-01-notulen.docx");
    expect(again.stderr).toContain("--force");
    expect(again.stdout).toContain("diperbarui");
    expect(readFileSync(notulen).equals(edited)).toBe(true);
    expect(partOf(path.join(dir, "2024-01-undangan.docx"), "word/document.xml")).toContain("Aula Baru");
    const forced = await lokmin(["-C", ws, "render", "2024-01", "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "2024-01-notulen.cadangan-1.docx")).equals(edited)).toBe(true);
    expect(partOf(notulen, "word/document.xml")).toContain("Aula Baru");
    // A file that cannot be written is reported; the others are written; no temp files left.
    const blocked = path.join(ws, "out");
    mkdirSync(path.join(blocked, "2024-01-notulen.docx"), { recursive: true });
    const r = await lokmin(["-C", ws, "render", "2024-01", "--out", blocked, "--force"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2024-01-notulen.docx");
    expect(existsSync(path.join(blocked, "2024-01-undangan.docx"))).toBe(true);
    expect(readdirSync(blocked).filter((f) => f.includes("lokmin-tmp"))).toEqual([]);
  });

  it("--only rejects unknown document names, including paths", async () => {
    const r = await lokmin(["-C", MINI, "render", "2024-01", "--only", "../../etc/passwd"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("undangan");
  });

  it("--only a document the month has no data for says so, not which field was empty", async () => {
    const ws = copyWorkspace(EXAMPLE);
    const r = await lokmin(["-C", ws, "render", "2024-05", "--only", "umpan-balik", "--out", tempDir("lokmin-")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("2024-05 belum punya data untuk dokumen umpan-balik (Umpan balik pembinaan)");
    expect(r.stderr).not.toContain("kolom");
  });
});

describe("a template is data, not code: a hostile template is the template's fault, said in Indonesian", () => {
  const ws = copyWorkspace(MINI);
  mkdirSync(path.join(ws, "templates"));
  const render = async (source: string, ...extra: string[]) => {
    writeFileSync(path.join(ws, "templates/undangan.hbs"), source);
    return lokmin(["-C", ws, "render", "2024-01", "--only", "undangan", "--out", tempDir(), ...extra]);
  };

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "::grafik %s: exit 2 naming the template, the line and the pictures there are",
    async (name) => {
      const r = await render(`# Undangan\n::grafik ${name}\n`);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`templat templates/undangan.hbs baris 2: ::grafik '${name}': gambar tidak dikenal`);
      expect(r.stderr).toContain("tren, stakeholder");
      expect(r.stderr).not.toMatch(/internal|must be of type/);
    },
  );

  it('{{log "hai"}} prints nothing: --json stays one JSON object on stdout, the template is refused', async () => {
    const r = await render('# Undangan\n{{log "hai"}}\n', "--json");
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { documents: Array<{ error?: string }> };
    expect(report.documents[0].error).toContain("templates/undangan.hbs baris 2: helper 'log' tidak tersedia");
    expect(r.stdout + r.stderr).not.toMatch(/^hai$/m);
  });

  it.each([
    ['A{{lookup rapat "tanggall"}}B', "baris 1: helper 'lookup' tidak tersedia"],
    ["# U\n{{> kop}}", "baris 2: {{> kop}} memanggil templat lain"],
    ["{{#if}}x{{/if}}", "baris 1: {{#if}} perlu tepat satu kolom data"],
    ["{{!-- x", "baris 1: Handlebars tidak mengenali tanda di sini"],
    ["# U\n\n{{rapat.tempat.length}}", "baris 3: kolom 'rapat.tempat.length' tidak ada"],
    ["::tabel 10,20 tinggi=99999999999\na | b\n::akhir", "baris 1: tinggi=99999999999 di luar batas"],
    ["# U\n{{rapat}}", "baris 2: {{rapat}} berisi sekumpulan kolom, bukan teks"],
    ["# U\n\n{{kesepakatan}}", "baris 3: {{kesepakatan}} berisi sebuah daftar, bukan teks"],
  ])("%j: exit 2 in Indonesian, naming the template and the line", async (source, says) => {
    const r = await render(source);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`templat templates/undangan.hbs ${says}`);
    expect(r.stderr).not.toMatch(
      /could not be found|requires exactly|Lexical error|'in' operator|internal|object Object/,
    );
  });

  it("and in English with --lang en", async () => {
    const r = await render("# U\n{{> kop}}", "--lang", "en");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("template templates/undangan.hbs line 2: {{> kop}} calls another template");
  });

  it("the installed command renders the same documents from the precompiled built-in templates", async () => {
    const fromSource = tempDir();
    const precompiled = tempDir();
    const ws = copyWorkspace(MINI);
    expect((await lokmin(["-C", ws, "render", "2024-02", "--out", fromSource])).status).toBe(0);
    const r = lokminBin(["-C", ws, "render", "2024-02", "--out", precompiled]);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(fromSource).filter((f) => f.endsWith(".docx"));
    expect(files.length).toBeGreaterThan(5);
    expect(readdirSync(precompiled).filter((f) => f.endsWith(".docx"))).toEqual(files);
    for (const file of files)
      expect(partOf(path.join(precompiled, file), "word/document.xml"), file).toBe(
        partOf(path.join(fromSource, file), "word/document.xml"),
      );
  });
});
