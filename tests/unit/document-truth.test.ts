// Issue 28, the render half: every document says only what happened, names the regulation the
// kabupaten uses and the period its figures cover. Each document is rendered here from the built-in
// template to its blocks (no DOCX, no LibreOffice) and read back as text, the way a reader reads it.
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "../../src/io/assets.js";
import { monthRenderInput } from "../../src/ops/render.js";
import { openMonth } from "../../src/ops/workspace.js";
import type { Workspace } from "../../src/domain/schema.js";
import type { Block } from "../../src/render/blocks.js";
import { renderContext, type RenderInput } from "../../src/render/context.js";
import { DOCUMENTS } from "../../src/render/documents.js";
import { runBlockTemplate } from "../../src/render/render.js";
import { EXAMPLE } from "../helpers.js";

/** The render input of a month, as `render` builds it; `config` changes lokmin.yaml in memory. */
function inputOf(root: string, month: string, config?: (c: Workspace) => Workspace): RenderInput {
  const ctx = { cwd: root, env: { LOKMIN_NO_CACHE: "1" }, today: "2024-07-01" };
  const { workspace, loaded } = openMonth(ctx, month, ["check", "year-to-month"]);
  const input = monthRenderInput(ctx, workspace, month, loaded).input;
  return config ? { ...input, config: config(input.config) } : input;
}

/** The printed text of a block: its runs, a table's cells row by row, a signer's title and name. */
function blockText(block: Block): string {
  const runs = (r: Array<{ text: string; break?: boolean }>) => r.map((x) => (x.break ? "\n" : "") + x.text).join("");
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return runs(block.runs);
    case "list":
      return block.items.map(runs).join("\n");
    case "table":
      return block.rows.map((row) => row.map((c) => runs(c.runs)).join(" ")).join("\n");
    case "signatures":
      return [
        ...block.signers.map((s) => (s ? `${runs(s.title)} ${s.name} ${s.nip}` : "")),
        block.acknowledged ? `${runs(block.acknowledged.runs)} ${block.acknowledged.signer.name}` : "",
      ].join("\n");
    default:
      return "";
  }
}

async function blocksOf(input: RenderInput, name: string): Promise<Block[]> {
  const spec = DOCUMENTS.find((d) => d.name === name)!;
  return runBlockTemplate(builtinTemplate(name)!, name, renderContext(input).of(spec.parts), name);
}

/** A document's text with whitespace collapsed. */
async function textOf(input: RenderInput, name: string): Promise<string> {
  return (await blocksOf(input, name)).map(blockText).join("\n").replace(/\s+/g, " ");
}

const national = (c: Workspace): Workspace => ({ ...c, pembinaan: undefined });

describe("1. the kabupaten's own regulation, or national rules only", () => {
  it("the example cites its own (fictional) Perbup Lembah Hijau 12/2021, never Musi Rawas", async () => {
    const june = inputOf(EXAMPLE, "2024-06");
    const letter = await textOf(june, "umpan-balik");
    expect(letter).toContain(
      "Berdasarkan Pasal 24 ayat (2) Peraturan Bupati Lembah Hijau Nomor 12 Tahun 2021 tentang Pedoman",
    );
    const tilik = await textOf(june, "daftar-tilik");
    expect(tilik).toContain("LAMPIRAN III PERATURAN BUPATI LEMBAH HIJAU");
    expect(tilik).toContain("NOMOR : 12 TAHUN 2021");
    const record = await textOf(june, "berita-acara-verifikasi");
    expect(record).toContain("(Perbup Lembah Hijau 12/2021 Pasal 6, Lampiran II)");
    const analysis = await textOf(inputOf(EXAMPLE, "2024-05"), "analisis");
    expect(analysis).toContain("Fishbone akar masalah (Perbup Lembah Hijau 12/2021 Pasal 10 ayat (1))");
    for (const t of [letter, tilik, record, analysis]) expect(t).not.toMatch(/Musi Rawas|MUSI RAWAS|Perbup Pasal/);
  });

  it("without a regulation: Permenkes 44/2016 and a neutral title, never an empty citation", async () => {
    const june = inputOf(EXAMPLE, "2024-06", national);
    const letter = await textOf(june, "umpan-balik");
    expect(letter).toContain(
      "Berdasarkan Peraturan Menteri Kesehatan Nomor 44 Tahun 2016 tentang Pedoman Manajemen Puskesmas dan " +
        "menindaklanjuti pembinaan",
    );
    expect(letter).not.toMatch(/Berdasarkan ,|, ,|Peraturan Bupati/);
    const blocks = await blocksOf(june, "daftar-tilik");
    const tilik = blocks.map(blockText).join("\n");
    expect(tilik).not.toMatch(/LAMPIRAN|NOMOR|TAHUN\s*$|TENTANG|Peraturan Bupati/m);
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 1 });
    expect(blockText(blocks[0])).toBe("DAFTAR TILIK PEMBINAAN PELAKSANAAN LOKAKARYA MINI BULANAN PUSKESMAS");
    const record = await textOf(june, "berita-acara-verifikasi");
    expect(record).toContain("(Permenkes 44/2016)");
    const analysis = await textOf(inputOf(EXAMPLE, "2024-05", national), "analisis");
    expect(analysis).not.toMatch(/Perbup|Pasal/);
  });
});

/** The example's month read under a data-period model alone: its files' own `periode` removed. */
function underModel(month: string, model: "bulan-lalu" | "bulan-ini"): RenderInput {
  const input = inputOf(EXAMPLE, month);
  const programs = input.programs.map((p) => ({ ...p, periode: undefined }));
  const loaded = {
    ...input.loaded,
    programs: input.loaded.programs.map((p) => ({ ...p, data: { ...p.data, periode: undefined } })),
  };
  return { ...input, config: { ...input.config, periode_data: model }, programs, loaded };
}

describe("2. every document that prints figures names their period beside the meeting date", () => {
  it("bulan-lalu: May's Lokmin reports April, and every document that prints figures says so", async () => {
    const may = underModel("2024-05", "bulan-lalu");
    const context = renderContext(may).all() as { periode: { nama: string } };
    expect(context.periode.nama).toBe("April 2024");
    const notulen = await textOf(may, "notulen");
    expect(notulen).toContain("Hari/tanggal : Selasa, 21 Mei 2024");
    expect(notulen).toContain("Data capaian : April 2024 (kumulatif Januari–April 2024)");
    expect(notulen).toContain("Capaian kinerja kumulatif s.d. April 2024");
    expect(notulen).toContain("Laporan hasil kegiatan April 2024 per program");
    expect(notulen).not.toMatch(/sampai bulan Mei|Bulan ini/);
    for (const name of ["tren", "analisis"]) expect(await textOf(may, name), name).toContain("s.d. April 2024");
    const record = await textOf(may, "berita-acara-verifikasi");
    expect(record).toContain("data April 2024 (kumulatif Januari–April 2024)");
  });

  it("bulan-ini (older workspaces): the period is the meeting's month, named the same way", async () => {
    const notulen = await textOf(underModel("2024-05", "bulan-ini"), "notulen");
    expect(notulen).toContain("Data capaian : Mei 2024 (kumulatif Januari–Mei 2024)");
    expect(notulen).toContain("Capaian kinerja kumulatif s.d. Mei 2024");
  });
});

describe("2. the quarterly Lokmin reviews the quarter that ended before it", () => {
  it("June's cross-sector meeting reports triwulan I (cumulative to March), not June's figures", async () => {
    const june = inputOf(EXAMPLE, "2024-06");
    const text = await textOf(june, "tribulanan-notulen");
    expect(text).toContain("Capaian triwulan I 2024: kumulatif s.d. Maret 2024.");
    type Quarterly = { tribulanan: { capaian_tabel: { baris: Array<{ nilai: string[] }> } } };
    const table = (input: RenderInput) => (renderContext(input).all() as Quarterly).tribulanan.capaian_tabel.baris;
    // The example reports the month before the meeting: April's folder holds March's figures.
    const march = inputOf(EXAMPLE, "2024-04");
    // The figures printed are March's (the quarter's last month), not the meeting month's.
    expect(table(june)).toEqual(table({ ...june, reportsOf: () => march.programs }));
    expect(table(june)).not.toEqual(table({ ...june, reportsOf: () => june.programs }));
  });
});

/** The input with its meeting changed (as if rapat.yaml said so). */
const withMeeting = (input: RenderInput, change: (m: RenderInput["meeting"]) => RenderInput["meeting"]) => ({
  ...input,
  meeting: change(input.meeting),
});

describe("4. the notulen records what happened and nothing else", () => {
  it("an agenda item with nothing recorded gets a visible blank, never a sentence of its own", async () => {
    const may = withMeeting(inputOf(EXAMPLE, "2024-05"), (m) => ({
      ...m,
      audit_internal: null,
      pembahasan: m.pembahasan.filter((p) => p.agenda !== m.agenda[3].id),
    }));
    const text = await textOf(may, "notulen");
    const item = text.slice(text.indexOf("4. Hasil audit internal"), text.indexOf("5. Analisis capaian"));
    expect(item).toContain("Pembahasan: ....");
    expect(item).toContain("(belum dicatat; diisi notulis)");
    expect(item).not.toMatch(/Hasil audit internal:|dipaparkan|Keputusan/);
  });

  it("the attendance sentence once; the speaker who came named with position", async () => {
    const input = inputOf(EXAMPLE, "2024-06");
    const june = await textOf(input, "notulen");
    const present = input.meeting.hadir.filter((h) => h.status === "hadir").length;
    expect(june.match(new RegExp(`${present} hadir dari ${input.meeting.hadir.length} undangan`, "gi"))).toHaveLength(
      1,
    );
    expect(june).toContain("Narasumber : Drs. Hasan Basri (Sekretaris Camat, Kecamatan Sukamaju)");
    // A speaker listed who did not come is not credited.
    const absent = withMeeting(inputOf(EXAMPLE, "2024-06"), (m) => ({
      ...m,
      hadir: m.hadir.map((h) => (h.narasumber ? { ...h, status: "izin" as const } : h)),
    }));
    expect(await textOf(absent, "notulen")).not.toContain("Narasumber :");
  });

  it("who signed the nota is computed: 'seluruh' only when every owner signed, the others named", async () => {
    const may = inputOf(EXAMPLE, "2024-05");
    const all = await textOf(may, "notulen");
    expect(all).toContain("Nota kesepakatan ditandatangani seluruh PJ kesepakatan (2 orang)");
    const partly = withMeeting(may, (m) => ({
      ...m,
      kesepakatan: m.kesepakatan.map((k) => (k.penanggung_jawab === "bambang" ? { ...k, ditandatangani: [] } : k)),
      pembahasan: m.pembahasan.map((p) => ({ ...p, keputusan: undefined })),
    }));
    const text = await textOf(partly, "notulen");
    expect(text).not.toMatch(/seluruh PJ/);
    expect(text).toContain(
      "Nota kesepakatan ditandatangani oleh Fitri Handayani, S.Kep., Ns, diketahui dr. Ratna Sari Dewi, M.Kes. " +
        "Belum menandatangani: Bambang Setiawan, A.Md.Kep.",
    );
  });
});

describe("4. the conclusion counts only what can be counted", () => {
  it("indicators without a sasaran are said apart, never counted as on target", async () => {
    const may = inputOf(EXAMPLE, "2024-05");
    const all = await textOf(may, "notulen");
    expect(all).toContain("8 dari 18 indikator masih di bawah target kumulatif s.d. April 2024.");
    expect(all).not.toContain("belum dapat dihitung");
    const kia = may.programs.find((p) => p.program === "kia")!;
    const noSasaran = {
      ...may,
      programs: may.programs.map((p) =>
        p === kia ? { ...p, indikator: p.indikator.map((i) => (i.id === "bbl" ? { ...i, sasaran: 0 } : i)) } : p,
      ),
    };
    const text = await textOf(noSasaran, "notulen");
    expect(text).toContain("8 dari 17 indikator masih di bawah target kumulatif s.d. April 2024.");
    expect(text).toContain("1 indikator belum dapat dihitung capaiannya (sasaran atau angka capaian belum diisi).");
  });
});

describe("7. the nota's signers", () => {
  it("a signer recorded absent is noted under the title, in the nota and in the notulen's sentence alike", async () => {
    const may = inputOf(EXAMPLE, "2024-05");
    const signer = may.meeting.kesepakatan[0].penanggung_jawab;
    const away = withMeeting(may, (m) => ({
      ...m,
      hadir: m.hadir.map((h) => (h.pegawai === signer ? { ...h, status: "dinas_luar" as const } : h)),
    }));
    expect(await textOf(away, "kesepakatan")).toContain("(tidak hadir: dinas luar)");
    const notulen = await textOf(away, "notulen");
    expect(notulen).toMatch(/Nota kesepakatan ditandatangani oleh .*\(tidak hadir: dinas luar\)/);
    expect(notulen).not.toContain("seluruh PJ");
  });
});

describe("5. the scoring matrix of the month's method, for problems and solutions", () => {
  it("the notulen and the analysis print each criterion, the total, the rank and how ties were broken", async () => {
    const may = inputOf(EXAMPLE, "2024-05");
    for (const name of ["notulen", "analisis"]) {
      const text = await textOf(may, name);
      expect(text, name).toContain("Peringkat Masalah U S G Total");
      expect(text, name).toContain("1 Capaian pelayanan kesehatan penderita hipertensi di bawah target 5 5 4 14");
      expect(text, name).toContain("Peringkat Alternatif solusi M I V C Total Dipilih");
      expect(text, name).toContain("1 Posyandu/posbindu sore hari di dusun terjauh 4 5 3 1 60 ✓");
      // Two of the TB problem's solutions tie at 15: the order says which criterion broke the tie.
      expect(text, name).toContain("sama-sama bernilai 15; diurutkan menurut M lalu I lalu V lalu C");
    }
  });
});

describe("7. signatures that match", () => {
  it("an absent participant gets no signature slot on the quarterly attendance list; the row says why", async () => {
    const june = inputOf(EXAMPLE, "2024-06");
    const blocks = await blocksOf(june, "tribulanan-daftar-hadir");
    const table = blocks.find((b) => b.kind === "table" && b.rows.length > 5) as Extract<Block, { kind: "table" }>;
    const text = (cell: { runs: Array<{ text: string }> }) => cell.runs.map((r) => r.text).join("");
    const absent = table.rows.filter((row) => row.some((c) => /^(Dinas luar|Izin|Sakit)$/.test(text(c))));
    expect(absent.length).toBeGreaterThan(0);
    for (const row of absent) {
      const reason = row.find((c) => /^(Dinas luar|Izin|Sakit)$/.test(text(c)))!;
      expect(reason).toBeDefined(); // the reason stands where the signature would go: no numbered slot
      expect(row.some((c) => /^\d+\.$/.test(text(c)))).toBe(false);
    }
    const present = table.rows.slice(1).filter((row) => !absent.includes(row));
    expect(present.every((row) => row.some((c) => /^\d+\.$/.test(text(c))))).toBe(true);
  });
});
