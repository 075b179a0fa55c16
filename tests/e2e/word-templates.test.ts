// A Puskesmas' own Word templates (issue #17): the starting templates `lokmin template` writes
// render to the same text as the built-in documents; a template made in LibreOffice Writer
// (placeholders split over runs, a repeated table row, a paragraph loop, a picture placed by alt
// text) renders right and `render --pdf` converts it; hostile templates are each a clear exit-2
// message with nothing written.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_NAMES } from "../../src/render/documents.js";
import { readZip, writeZip } from "../../src/render/zip.js";
import { copyWorkspace, EXAMPLE, lokmin, MINI, REPO, tempDir } from "../helpers.js";
import { trackProcess } from "../running.js";
import { docxText, partOf, pdfPages } from "./docs-support.js";

const FIXTURE = path.join(REPO, "tests/fixtures/word-templates/undangan-writer.docx");
const KLASTER = path.join(REPO, "examples/puskesmas-sukamaju-klaster");
/** The month of the example each document is compared in: the first Lokmin, a quarter with a supervision. */
const MONTH_OF: Record<string, string> = {
  "umpan-balik": "2024-06",
  "tribulanan-undangan": "2024-06",
  "tribulanan-daftar-hadir": "2024-06",
  "tribulanan-notulen": "2024-06",
  "tribulanan-kesepakatan": "2024-06",
  "pembagian-tugas": "2024-01",
  poa: "2024-01",
  pralokmin: "2024-01",
};
const COLUMN_LOOPS = new Set(["tren", "pembagian-tugas", "poa", "tribulanan-notulen"]);
const monthOf = (name: string) => MONTH_OF[name] ?? "2024-05";
const only = (month: string) => DOCUMENT_NAMES.filter((n) => monthOf(n) === month && n !== "pralokmin").join(",");
const squash = (text: string) => text.replace(/\s+/g, "");
/** A document's paragraphs as text, empty ones left out: a list item run into the next one shows. */
const paragraphs = (file: string) =>
  docxText(file)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean);

describe("starting templates and a template made in LibreOffice Writer", () => {
  const ws = copyWorkspace(EXAMPLE);
  const builtin = tempDir("lokmin-builtin-");
  const writer = copyWorkspace(MINI);
  const klaster = copyWorkspace(KLASTER);
  const klasterBuiltin = tempDir("lokmin-builtin-");
  // The built-in templates render from copies without workspace templates.
  const plain = copyWorkspace(EXAMPLE);
  const plainKlaster = copyWorkspace(KLASTER);
  let listed: Awaited<ReturnType<typeof lokmin>>;
  let rendered: Awaited<ReturnType<typeof lokmin>>;
  let writerRun: Awaited<ReturnType<typeof lokmin>>;
  const roundTrip = copyWorkspace(EXAMPLE);
  let roundTripRun: Awaited<ReturnType<typeof lokmin>>;

  beforeAll(async () => {
    for (const name of DOCUMENT_NAMES) {
      const r = await lokmin(["-C", ws, "template", name]);
      expect(r.status, r.stderr).toBe(0);
    }
    listed = await lokmin(["-C", ws, "template", "--list", "--json"]);
    rendered = await lokmin(["-C", ws, "render", "2024-05"]);
    for (const month of ["2024-01", "2024-06"]) {
      const r = await lokmin(["-C", ws, "render", month, "--only", only(month)]);
      expect(r.status, r.stderr).toBe(0);
      await lokmin(["-C", plain, "render", month, "--only", only(month), "--out", builtin]);
    }
    await lokmin(["-C", plain, "render", "2024-05", "--out", builtin]);
    // An ILP workspace: its klaster words and its pralokmin through starting templates.
    for (const name of ["pralokmin", "notulen"]) await lokmin(["-C", klaster, "template", name]);
    const klasterRun = await lokmin(["-C", klaster, "render", "2024-01", "--only", "pralokmin,notulen"]);
    expect(klasterRun.status, klasterRun.stderr).toBe(0);
    await lokmin(["-C", plainKlaster, "render", "2024-01", "--only", "pralokmin,notulen", "--out", klasterBuiltin]);
    // The Writer template in a workspace with a logo: the picture with alt text {%logo} becomes it.
    writeFileSync(path.join(writer, "logo.png"), readFileSync(path.join(EXAMPLE, "logo.png")));
    const yaml = path.join(writer, "lokmin.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^(puskesmas:\n)/m, "$1  logo: logo.png\n"));
    await lokmin(["-C", writer, "template", "undangan"]);
    writeFileSync(path.join(writer, "templates/undangan.docx"), readFileSync(FIXTURE));
    // A starting template opened and saved again by LibreOffice Writer is still a working template;
    // that LibreOffice runs while the Writer template is rendered and converted (`--pdf`).
    const resaved = tempDir("lokmin-resaved-");
    const profile = `file://${tempDir("lokmin-lo-")}`;
    const saving = new Promise<void>((resolve, reject) => {
      const soffice = execFile(
        "soffice",
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "docx:MS Word 2007 XML",
          "--outdir",
          resaved,
        ].concat(["notulen", "kesepakatan"].map((n) => path.join(ws, "templates", `${n}.docx`))),
        { timeout: 600_000 }, // a hang guard only
        (error) => (error ? reject(error) : resolve()),
      );
      trackProcess("soffice --convert-to docx", soffice);
    });
    writerRun = await lokmin(["-C", writer, "render", "2024-01", "--only", "undangan", "--pdf"]);
    await saving;
    mkdirSync(path.join(roundTrip, "templates"));
    for (const n of ["notulen", "kesepakatan"])
      writeFileSync(path.join(roundTrip, "templates", `${n}.docx`), readFileSync(path.join(resaved, `${n}.docx`)));
    roundTripRun = await lokmin(["-C", roundTrip, "render", "2024-05", "--only", "notulen,kesepakatan"]);
  });

  it("a starting template re-saved by LibreOffice renders the same text", () => {
    expect(roundTripRun.status, roundTripRun.stderr).toBe(0);
    for (const n of ["notulen", "kesepakatan"]) {
      const file = `2024-05-${n}.docx`;
      const again = path.join(roundTrip, "2024-05/dokumen", file);
      expect(partOf(again, "word/document.xml"), n).toContain("xmlns:w14"); // LibreOffice's own XML
      expect(squash(docxText(again)), n).toBe(squash(docxText(path.join(builtin, file))));
    }
  });

  it("template --list says which documents use a workspace Word template", () => {
    const docs = JSON.parse(listed.stdout).documents as Array<{ name: string; template: string }>;
    expect(docs.map((d) => d.name)).toEqual(DOCUMENT_NAMES);
    expect(docs.every((d) => d.template === "word")).toBe(true);
  });

  it("the starting templates render to the same text as the built-in documents", () => {
    expect(rendered.status, rendered.stderr).toBe(0);
    for (const name of DOCUMENT_NAMES.filter((n) => n !== "pralokmin")) {
      const doc = `${monthOf(name)}-${name}`;
      const own = path.join(ws, doc.slice(0, 7), "dokumen", `${doc}.docx`);
      const reference = path.join(builtin, `${doc}.docx`);
      // A column per month or village is one cell in Word (templates/README.md): same text, fewer paragraphs.
      if (COLUMN_LOOPS.has(name)) expect(squash(docxText(own)), doc).toBe(squash(docxText(reference)));
      else expect(paragraphs(own), doc).toEqual(paragraphs(reference));
    }
    for (const doc of ["2024-01-pralokmin", "2024-01-notulen"]) {
      const own = squash(docxText(path.join(klaster, "2024-01/dokumen", `${doc}.docx`)));
      expect(own, doc).toBe(squash(docxText(path.join(klasterBuiltin, `${doc}.docx`))));
      expect(paragraphs(path.join(klaster, "2024-01/dokumen", `${doc}.docx`)), doc).toEqual(
        paragraphs(path.join(klasterBuiltin, `${doc}.docx`)),
      );
      if (doc.endsWith("notulen")) expect(own).toContain("KlasterIndikatorSasaran");
    }
    // The chart goes where the template's stand-in picture is, by its alt text.
    const tren = readZip(readFileSync(path.join(ws, "2024-05/dokumen/2024-05-tren.docx")));
    expect([...tren.keys()].some((k) => k.startsWith("word/media/lokmin-tren"))).toBe(true);
  });

  it("the analysis pictures take the places of the stand-ins, which leave the package", () => {
    const media = (doc: string) =>
      [...readZip(readFileSync(path.join(ws, "2024-05/dokumen", `2024-05-${doc}.docx`))).keys()]
        .filter((k) => k.startsWith("word/media/"))
        .map((k) => k.replace(/^word\/media\/(lokmin-)?|-?\d*\.png$/g, ""))
        .sort();
    // The logo stays as the template had it; one fishbone per analysed problem, in rank order.
    expect(media("analisis")).toEqual(["fishbone1", "fishbone2", "fishbone3", "image", "stakeholder"]);
    expect(media("notulen")).toEqual(["fishbone1", "fishbone2", "fishbone3", "image", "stakeholder", "tren"]);
    // A month without a stakeholder map: its stand-in picture is removed, not printed.
    const january = path.join(klaster, "2024-01/dokumen/2024-01-notulen.docx");
    const pictures = [...readZip(readFileSync(january)).keys()].filter((k) => k.startsWith("word/media/"));
    expect(pictures.some((k) => k.includes("fishbone"))).toBe(true);
    expect(pictures.some((k) => k.includes("stakeholder"))).toBe(false);
    expect(pictures.length).toBe(pictures.filter((k) => /lokmin-(fishbone|tren)/.test(k)).length + 1); // + the logo
    expect(partOf(january, "word/document.xml")).not.toContain("{%stakeholder}");
  });

  it("a template made in LibreOffice Writer fills split placeholders, repeats rows and places the logo", () => {
    expect(writerRun.status, writerRun.stderr).toBe(0);
    const out = path.join(writer, "2024-01/dokumen/2024-01-undangan.docx");
    const text = docxText(out);
    expect(text).toContain("KOP BUATAN WRITER UPTD PUSKESMAS MINI");
    expect(text).toContain("Rapat pada Selasa, 23 Januari 2024, pukul 08.00–12.00 WIB"); // split over three runs
    expect(text).toContain("Daftar undangan terlampir.");
    expect(text).not.toContain("Penerima tertulis.");
    const xml = partOf(out, "word/document.xml");
    expect(xml.match(/<w:tr[ >]/g)?.length).toBe(1 + 3); // header + one row per attendee
    expect(text).toMatch(/1\. Analisis capaian/);
    expect(xml).not.toMatch(/\{[#/^]?[a-z_.]+\}/); // no placeholder left
    const parts = readZip(readFileSync(out));
    const logo = [...parts.entries()].find(([k]) => k.startsWith("word/media/lokmin-logo"));
    expect(logo && Buffer.from(logo[1]).equals(readFileSync(path.join(EXAMPLE, "logo.png")))).toBe(true);
    // render --pdf: LibreOffice converted the result beside the DOCX.
    expect(writerRun.stdout).toContain("PDF:");
    const pdf = pdfPages(path.join(writer, "2024-01/dokumen/2024-01-undangan.pdf")).join("\n");
    expect(pdf).toContain("KOP BUATAN WRITER");
    expect(pdf).toContain("Kepala UPTD Puskesmas Mini");
  });
});

describe("hostile Word templates: a clear exit-2 message, nothing written", () => {
  const base = copyWorkspace(MINI);
  let starter: Buffer;
  beforeAll(async () => {
    await lokmin(["-C", base, "template", "undangan"]);
    starter = readFileSync(path.join(base, "templates/undangan.docx"));
  });

  /** The starting template with one paragraph holding `tag` added to the body. */
  const withTag = (tag: string) => {
    const entries = readZip(starter);
    const doc = Buffer.from(entries.get("word/document.xml")!).toString();
    entries.set(
      "word/document.xml",
      Buffer.from(doc.replace("<w:body>", `<w:body><w:p><w:r><w:t xml:space="preserve">${tag}</w:t></w:r></w:p>`)),
    );
    return writeZip(entries);
  };

  const attempt = async (bytes: Buffer) => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    writeFileSync(path.join(ws, "templates/undangan.docx"), bytes);
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"]);
    expect(r.status, r.stderr).toBe(2);
    expect(existsSync(path.join(ws, "2024-01/dokumen/2024-01-undangan.docx"))).toBe(false);
    expect(r.stderr).toContain("templates/undangan.docx");
    return r.stderr;
  };

  it("a corrupt .docx", async () => {
    expect(await attempt(Buffer.from("PK\u0003\u0004 this is not really a zip"))).toContain("bukan berkas Word");
    expect(await attempt(starter.subarray(0, starter.length - 40))).toContain("simpan ulang");
  });

  it("a .docx that is really a zip bomb, honest or lying about its size", async () => {
    const honest = new Map([...readZip(starter)]);
    honest.set("word/media/bomb.bin", Buffer.alloc(40 << 20));
    expect(await attempt(writeZip(honest))).toContain("terlalu besar");
    // Declared as 100 bytes, inflates to 8 MB: stopped while inflating.
    const lying = new Map([["[Content_Types].xml", Buffer.alloc(8 << 20, 32)]]);
    const bytes = writeZip(lying);
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(100, central + 24);
    bytes.writeUInt32LE(100, 22);
    expect(await attempt(bytes)).toContain("terlalu besar");
  });

  it("placeholders naming a prototype property, raw XML or code are refused", async () => {
    for (const tag of ["{constructor}", "{__proto__}", "{peserta.constructor}", "{rapat.toString}"])
      expect(await attempt(withTag(tag)), tag).toMatch(/tidak ada dalam data dokumen/);
    expect(await attempt(withTag("{@puskesmas.nama}"))).toContain("XML mentah");
    expect(await attempt(withTag("{process.exit(1)}"))).toContain("hanya nama kolom");
  });

  it("a loop over a missing list, an unknown field, an unclosed loop: each names the placeholder", async () => {
    expect(await attempt(withTag("{#tidakada}{nama}{/tidakada}"))).toContain("'tidakada'");
    expect(await attempt(withTag("{rapat.tangal}"))).toContain("'rapat.tangal'");
    expect(await attempt(withTag("{#peserta}{nama}"))).toContain("{/peserta}");
    expect(await attempt(withTag("{%tren}"))).toContain("Alt Text");
  });

  it("template starts from the workspace's own Handlebars wording when it has one", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    const own = path.join(REPO, "tests/fixtures/template-override/templates/undangan.hbs");
    writeFileSync(path.join(ws, "templates/undangan.hbs"), readFileSync(own));
    expect((await lokmin(["-C", ws, "template", "undangan"])).status).toBe(0);
    expect(docxText(path.join(ws, "templates/undangan.docx"))).toContain("UNDANGAN RAPAT KERJA BULANAN");
    // Written again unchanged: nothing changes; edited in Word: kept unless --force.
    expect((await lokmin(["-C", ws, "template", "undangan"])).stdout).toContain("tidak berubah");
    const edited = readZip(readFileSync(path.join(ws, "templates/undangan.docx")));
    edited.set("word/document.xml", Buffer.from(`${Buffer.from(edited.get("word/document.xml")!)} `));
    writeFileSync(path.join(ws, "templates/undangan.docx"), writeZip(edited));
    const kept = await lokmin(["-C", ws, "template", "undangan"]);
    expect(kept.status).toBe(1);
    expect(kept.stderr).toContain("--force");
    expect((await lokmin(["-C", ws, "template", "undangan", "--force"])).status).toBe(0);
    expect(existsSync(path.join(ws, "templates/undangan.cadangan-1.docx"))).toBe(true);
  });

  it("a month that fails check marks a Word template's every page DRAF", async () => {
    const ws = copyWorkspace(MINI);
    mkdirSync(path.join(ws, "templates"));
    writeFileSync(path.join(ws, "templates/undangan.docx"), starter);
    const rapat = path.join(ws, "2024-01", "rapat.yaml");
    writeFileSync(rapat, readFileSync(rapat, "utf8").replace("tanggal: 2024-01-23", "tanggal: 2024-02-02"));
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan"]);
    expect(r.status, r.stderr).toBe(0);
    const parts = readZip(readFileSync(path.join(ws, "2024-01/dokumen/2024-01-undangan.docx")));
    const doc = Buffer.from(parts.get("word/document.xml")!).toString();
    const sections = doc.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBeGreaterThan(0);
    for (const sect of sections) expect(sect).toContain("rIdLokminDraf");
    expect(Buffer.from(parts.get("word/lokmin-draf.xml")!).toString()).toContain("DRAF");
  });

  it("render --pdf without LibreOffice says what to install and still writes the DOCX", async () => {
    const ws = copyWorkspace(MINI);
    const r = await lokmin(["-C", ws, "render", "2024-01", "--only", "undangan", "--pdf"], {
      env: { LOKMIN_SOFFICE: path.join(ws, "tidak-ada", "soffice") },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("LibreOffice tidak ditemukan");
    expect(existsSync(path.join(ws, "2024-01/dokumen/2024-01-undangan.docx"))).toBe(true);
  });
});
