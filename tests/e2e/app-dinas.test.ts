// The Dinas mode of the browser app (issue 29 point 3): every number of the overview is what
// `lokmin summary --json` prints for the same folder, which indicators are behind and which
// kesepakatan are overdue are named; a month's page shows the package's check result, serves its
// own documents (and nothing else), shows its notulen, and writes the feedback letter into the folder
// the supervisor chose — never into the package, never over a letter without being asked.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { sanitizeHtml } from "../../src/app/dinas/notulen.js";
import { elements, formFields, testApp } from "../app-support.js";
import { HOSTILE_PUSKESMAS, inbox, inboxCopy } from "../dinas-support.js";
import { lokmin } from "../helpers.js";

interface Month {
  month: string;
  held: boolean;
  tilik_score: number | null;
  tilik_total: number | null;
  arsip_present: number | null;
  arsip_total: number | null;
  errors: number;
  warnings: number;
  open_commitments: number;
  overdue_commitments: number;
  indicators_behind: number;
  indicators: number;
  overdue: Array<{ id: string; penanggung_jawab_nama: string; uraian: string }>;
  figures: Array<{ program: string; indicator: string; village: string | null; behind: boolean | null }>;
}
interface Entry {
  name: string;
  months: Month[];
}

const dinasApp = (folder: string) => testApp(undefined, {}, { dinas: folder });
const num = (v: string | undefined) => (v === undefined || v === "" ? null : Number(v));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let folder: string;
let entries: Entry[];
beforeAll(async () => {
  folder = (await inbox()).folder;
  const result = await lokmin(["summary", folder, "--json"]);
  expect(result.status, result.stderr).toBe(0);
  entries = JSON.parse(result.stdout).workspaces;
}, 120_000);

describe("the Dinas' overview", () => {
  it("shows every Puskesmas × month exactly as summary --json, and names what is behind and overdue", async () => {
    const app = dinasApp(folder);
    expect((await app.get("/")).headers.get("location")).toBe("/dinas");
    const res = await app.get("/dinas");
    expect(res.status).toBe(200);
    const html = await res.text();
    const cells = elements(html, "tilik-skor");
    expect(cells.length).toBe(entries.reduce((n, e) => n + e.months.length, 0));
    for (const e of entries)
      for (const m of e.months) {
        const cell = cells.find((c) => c["data-puskesmas"] === e.name && c["data-bulan"] === m.month)!;
        expect(cell, `${e.name} ${m.month}`).toBeDefined();
        expect(cell["data-dilaksanakan"]).toBe(String(m.held));
        expect(num(cell["data-tilik-skor"])).toBe(m.tilik_score);
        expect(num(cell["data-tilik-total"])).toBe(m.tilik_total);
        expect(num(cell["data-arsip-ada"])).toBe(m.arsip_present);
        expect(num(cell["data-arsip-total"])).toBe(m.arsip_total);
        expect(num(cell["data-galat"])).toBe(m.errors);
        expect(num(cell["data-peringatan"])).toBe(m.warnings);
        expect(num(cell["data-terbuka"])).toBe(m.open_commitments);
        expect(num(cell["data-lewat"])).toBe(m.overdue_commitments);
        expect(num(cell["data-tertinggal"])).toBe(m.indicators_behind);
        expect(num(cell["data-indikator"])).toBe(m.indicators);
      }
    // Which: the latest month's behind indicators and overdue kesepakatan of each Puskesmas.
    const named = elements(html, "tertinggal-nama").map((e) => `${e["data-bulan"]} ${e["data-tertinggal-nama"]}`);
    const expected = entries.flatMap((e) => {
      const last = e.months.at(-1)!;
      return last.figures
        .filter((f) => f.village === null && f.behind === true)
        .map((f) => `${last.month} ${f.program}/${f.indicator}`);
    });
    expect(named.sort()).toEqual(expected.sort());
    expect(named.length).toBeGreaterThan(3);
    const overdue = elements(html, "lewat-tenggat").map((e) => e["data-lewat-tenggat"]);
    expect(overdue.sort()).toEqual(entries.flatMap((e) => e.months.at(-1)!.overdue.map((c) => c.id)).sort());
    for (const c of entries.flatMap((e) => e.months.at(-1)!.overdue)) expect(html).toContain(c.uraian);
    // Names print literally.
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("UPTD Puskesmas &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Rimba&quot;");
    expect(entries.map((e) => e.name)).toContain(HOSTILE_PUSKESMAS);
  });

  it("finds a Puskesmas by name or kecamatan", async () => {
    const app = dinasApp(folder);
    const byName = await (await app.get("/dinas?cari=rimba")).text();
    expect(elements(byName, "baris").map((e) => e["data-baris"])).toEqual([HOSTILE_PUSKESMAS]);
    const byKecamatan = await (await app.get("/dinas?cari=SUKAMAJU")).text();
    expect(elements(byKecamatan, "baris")).toHaveLength(2);
    const none = await (await app.get("/dinas?cari=tidak-ada")).text();
    expect(elements(none, "baris")).toHaveLength(0);
  });
});

describe("one Puskesmas' month", () => {
  const sukamaju = async (app: ReturnType<typeof dinasApp>) => {
    const html = await (await app.get("/dinas")).text();
    const at = html.indexOf('data-puskesmas="UPTD Puskesmas Sukamaju" data-bulan="2024-06"');
    expect(at).toBeGreaterThan(0);
    return /href="([^"]+)"/.exec(html.slice(at))![1];
  };

  it("has the package's check result, its documents, and its notulen readable in the page", async () => {
    const app = dinasApp(folder);
    const href = await sukamaju(app);
    expect(href).toMatch(/^\/dinas\/p\/\d+\/2024-06$/);
    const html = await (await app.get(href)).text();
    // The check result from the package's check.json: the Daftar Tilik with each answer.
    expect(html).toContain("Daftar Tilik 20/20");
    expect(html).toContain("Apakah mengisi buku tamu");
    // The documents, each downloadable as the very bytes the package holds.
    const zip = path.join(folder, "sukamaju-2024-06.zip");
    const { readPackage } = await import("../../src/io/paket.js");
    const pkg = await readPackage(zip, "sukamaju-2024-06.zip");
    const docs = [...pkg.files.keys()].filter((n) => n.startsWith("2024-06/dokumen/"));
    expect(docs.length).toBeGreaterThan(5);
    for (const doc of docs.slice(0, 3)) {
      const name = doc.slice("2024-06/dokumen/".length);
      expect(html).toContain(`${href}/dokumen/${encodeURIComponent(name)}`);
      const res = await app.get(`${href}/dokumen/${encodeURIComponent(name)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain("attachment");
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(pkg.files.get(doc)!));
    }
    // The notulen: its text, as mammoth reads the DOCX, is in the page.
    const text = (
      await mammoth.extractRawText({ buffer: Buffer.from(pkg.files.get("2024-06/dokumen/2024-06-notulen.docx")!) })
    ).value;
    const line = text.split("\n").find((l) => l.startsWith("Lokakarya Mini"))!;
    expect(html).toContain(line);
    expect(html).toMatch(/<div class="notulen" tabindex="0"><table>/);
  });

  it("serves nothing but the package's own documents", async () => {
    const app = dinasApp(folder);
    const href = await sukamaju(app);
    for (const name of ["..%2F..%2Fmanifest.json", "manifest.json", "..%2Fprogram%2Fkia.yaml", "lokmin.yaml", "x.docx"])
      expect((await app.get(`${href}/dokumen/${name}`)).status, name).toBe(404);
    expect((await app.get("/dinas/p/99/2024-06")).status).toBe(404);
    expect((await app.get("/dinas/p/0/2023-13")).status).toBe(404);
    expect((await app.get("/dinas/umpan-balik/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    // A month page without the Dinas mode does not exist.
    expect((await testApp().get(href)).status).toBe(303);
  });

  it("writes the feedback letter the supervisor prepares into the chosen folder, never into the package", async () => {
    const copy = (await inboxCopy()).folder;
    const before = new Map(readdirSync(copy).map((f) => [f, sha256(readFileSync(path.join(copy, f)))]));
    const app = dinasApp(copy);
    const href = await sukamaju(app);
    const page = await (await app.get(href)).text();
    const fields = formFields(page, `${href}/umpan-balik`);
    const ticked = fields.filter(([k]) => k === "rekomendasi").map(([, v]) => v);
    expect(ticked.length).toBeGreaterThan(0);
    const send = (extra: [string, string][]) =>
      app.post(`${href}/umpan-balik`, [
        ...fields.filter(([k]) => !["nomor", "lain", "timpa"].includes(k)),
        ["nomor", "440/123/Dinkes/2024"],
        ["lain", "Perkuat pencatatan kohort ibu\nLibatkan kader posyandu"],
        ...extra,
      ]);
    const first = await send([]);
    expect(first.status).toBe(200);
    const letter = path.join(copy, "umpan-balik", "umpan-balik-uptd-puskesmas-sukamaju-2024-06.docx");
    expect(await first.text()).toContain("Surat umpan balik ditulis");
    const text = (await mammoth.extractRawText({ path: letter })).value;
    expect(text).toContain("440/123/Dinkes/2024");
    expect(text).toContain("Perkuat pencatatan kohort ibu");
    expect(text).toContain(ticked[0].slice(0, 40));
    // The packages are untouched: same files, same bytes.
    for (const [file, hash] of before) expect(sha256(readFileSync(path.join(copy, file)))).toBe(hash);
    // A second letter does not replace the first unless asked to.
    const kept = readFileSync(letter);
    const again = await send([]);
    expect(await again.text()).toContain("sudah ada");
    expect(readFileSync(letter)).toEqual(kept);
    const replaced = await send([["timpa", "ya"]]);
    expect(await replaced.text()).toContain("Surat umpan balik ditulis");
    // Downloadable from the page, by name only.
    const download = await app.get("/dinas/umpan-balik/umpan-balik-uptd-puskesmas-sukamaju-2024-06.docx");
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(readFileSync(letter));
  }, 60_000);

  it("refuses a letter sent from another site, a line break in a single-line field, a relative folder", async () => {
    const copy = (await inboxCopy()).folder;
    const app = dinasApp(copy);
    const href = await sukamaju(app);
    const fields = formFields(await (await app.get(href)).text(), `${href}/umpan-balik`);
    const foreign = await app.post(`${href}/umpan-balik`, fields, { origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    const broken = await app.post(`${href}/umpan-balik`, [
      ...fields.filter(([k]) => k !== "nomor"),
      ["nomor", "1\nbaru: kunci"],
    ]);
    expect(await broken.text()).toContain("harus satu baris");
    const relative = await app.post(`${href}/umpan-balik`, [
      ...fields.filter(([k]) => k !== "folder"),
      ["folder", "umpan"],
    ]);
    expect(await relative.text()).toContain("jalur lengkap");
    expect(existsSync(path.join(copy, "umpan-balik"))).toBe(false);
  });
});

describe("the notulen's HTML", () => {
  it("keeps structure and pictures, drops scripts, handlers, links and styles, escapes text", () => {
    const hostile =
      '<p onclick="x()">Rapat <strong>dibuka</strong> &amp; <a href="javascript:alert(1)">ditutup</a></p>' +
      '<script>alert(1)</script><style>p{}</style><img src="https://evil.example/x.png" alt="x">' +
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="tren &quot;a&quot;">' +
      '<table><tr><td colspan="2" style="color:red">a</td><td rowspan="x">b</td></tr></table>' +
      "<iframe src=x></iframe>1 < 2 <svg><script>alert(2)</script></svg><p>akhir";
    expect(sanitizeHtml(hostile)).toBe(
      "<p>Rapat <strong>dibuka</strong> &amp; ditutup</p>" +
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="tren &quot;a&quot;">' +
        '<table><tr><td colspan="2">a</td><td>b</td></tr></table>' +
        "1 &lt; 2 <p>akhir</p>",
    );
  });
});
