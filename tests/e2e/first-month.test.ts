// A Kasubag TU's first month (issue 14): check says "clean" only when the month is right, the
// scaffold writes what check will ask for, the overdue list agrees with itself, Indonesian
// everywhere, prompts that can be cancelled, and the small frictions of a first month.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters as plain } from "node:util";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { copyWorkspace, lokmin, MINI, tempDir } from "../helpers.js";

const R = "2024-02/rapat.yaml";
const KIA = "2024-02/program/kia.yaml";
const read = (ws: string, file: string) => readFileSync(path.join(ws, file), "utf8");
const edit = (ws: string, file: string, fn: (s: string) => string) =>
  writeFileSync(path.join(ws, file), fn(read(ws, file)));
/**
 * Gizi exactly on target in February: 150 of 360 served is 41,666…%, the target table says 41,67
 * (the stored rounding of 5/12); January is 75 of 360 against 20,83. No analysis written.
 */
const TABLE = "[20.83, 41.67, 50, 55, 60, 65, 70, 75, 80, 85, 90, 100]";
function onTarget(ws: string) {
  edit(ws, "lokmin.yaml", (s) =>
    s.replace(
      "sasaran: 240\n        target: 100",
      `sasaran: 360\n        target: 100\n        target_bulanan: ${TABLE}`,
    ),
  );
  for (const [month, target, bulan, kumulatif] of [
    ["2024-01", "20.83", 75, 75],
    ["2024-02", "41.67", 75, 150],
  ] as const) {
    edit(ws, `${month}/program/gizi.yaml`, (s) =>
      s
        .replace(/sasaran: \d+/, "sasaran: 360")
        .replace(/target_kumulatif: [\d.]+/, `target_kumulatif: ${target}`)
        .replace(/bulan_ini: \d+/, `bulan_ini: ${bulan}`)
        .replace(/ kumulatif: \d+/, ` kumulatif: ${kumulatif}`)
        .replace("analisis: Sesuai target", "analisis: null"),
    );
  }
}

const rules = (stdout: string) => JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule) as string[];

describe("check says clean only when the month is right", () => {
  it("a round thousand with a thousands point (2.000, read as 2) is an error in every count field", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, KIA, (s) =>
      s
        .replace("kumulatif: 15", "kumulatif: 2.000")
        .replace("bulan_ini: 9", "bulan_ini: 1.000.000")
        .replace("sasaran: 120", "sasaran: 12.500"),
    );
    edit(ws, "lokmin.yaml", (s) => s.replace("sasaran: 240", "sasaran: 2.000"));
    const r = await lokmin(["-C", ws, "check"]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toContain("Tidak ada galat");
    expect(r.stdout).toMatch(
      /40:18 +galat +program\[1\]\.indikator\[0\]\.sasaran: jumlah harus bilangan bulat; tertulis 2\.000/,
    );
    expect(r.stdout).toContain("tertulis 2.000, dibaca sebagai 2. Tulis 2000 tanpa titik ribuan");
    expect(r.stdout).toMatch(
      /15:16 +galat +indikator\[0\]\.kumulatif: .*tertulis 2\.000, dibaca sebagai 2\. Tulis 2000/,
    );
    expect(r.stdout).toMatch(/14:16 .*tertulis 1\.000\.000, dibaca sebagai teks .*Tulis 1000000 tanpa/);
    expect(r.stdout).toContain("tertulis 12.500, dibaca sebagai 12,5. Tulis 12500 tanpa titik ribuan");
    const en = await lokmin(["-C", ws, "check", "--lang", "en"]);
    expect(en.stdout).toContain("written 2.000, read as 2. Write 2000 without a thousands separator");
  });

  it("a per-village count with a thousands point is found too, and export never shows the misread 2", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, KIA, (s) =>
      s.replace(
        "kumulatif: 15\n",
        "kumulatif: 15\n    per_desa:\n      - desa: Mekar\n        bulan_ini: 9\n        kumulatif: 3.000\n",
      ),
    );
    const r = await lokmin(["-C", ws, "check", "--json"]);
    const found = JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === "schema/number");
    expect(found).toMatchObject({ file: KIA, line: 19 });
    expect(found.message).toContain("indikator[0].per_desa[0].kumulatif");
    const exported = await lokmin(["-C", ws, "export"]);
    expect(exported.status).not.toBe(0);
  });

  it("the parse cache cannot hide a count written with a thousands point", async () => {
    const { ParseCache } = await import("../../src/io/cache.js");
    const { loadFile } = await import("../../src/io/workspace.js");
    const { programReportSchema } = await import("../../src/domain/schema.js");
    const ws = copyWorkspace(MINI);
    edit(ws, KIA, (s) => s.replace("kumulatif: 15", "kumulatif: 2.000"));
    const cacheDir = tempDir();
    const store = new ParseCache(ws, { LOKMIN_CACHE_DIR: cacheDir }, true);
    // What an earlier build stored: the file read as valid, with kumulatif 2.
    const text = read(ws, KIA);
    const data = (await import("js-yaml")).default.load(text);
    store.set(KIA, "program", ParseCache.hash(text), data);
    const result = loadFile(ws, path.join(ws, KIA), programReportSchema, { store, kind: "program" });
    expect(result.loaded).toBeUndefined();
    expect(result.findings[0].message).toContain("tertulis 2.000, dibaca sebagai 2");
  });

  it("a percentage written with a decimal comma gets a hint to write a point", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, KIA, (s) => s.replace("kumulatif: 15", "kumulatif: 15\n    capaian_persen: 12,5"));
    const r = await lokmin(["-C", ws, "check"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("'12,5' dibaca sebagai teks");
    expect(r.stdout).toContain("dengan titik: 12.5");
  });

  it("one program's report does not count for the others: each empty program file is an error there", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "2024-02/program/gizi.yaml", (s) =>
      s.replace(/laporan_kegiatan:\n(  .*\n)+?rencana_bulan_ini:\n  - .*\n/, "").replace(/rpk:\n(  .*\n?)+/, ""),
    );
    const r = await lokmin(["-C", ws, "check", "2024-02", "--json"]);
    const found = JSON.parse(r.stdout).findings.filter((f: { file: string }) => f.file === "2024-02/program/gizi.yaml");
    expect(found.map((f: { rule: string }) => f.rule).sort()).toEqual([
      "program/laporan-kegiatan",
      "program/rencana",
      "program/rpk",
    ]);
  });

  it("a program behind target needs its analysis by person, time and place", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, KIA, (s) => s.replace("analisis: Kunjungan rendah di dusun terjauh", "analisis: null"));
    expect(rules((await lokmin(["-C", ws, "check", "--json"])).stdout)).toContain("program/analisis");
  });

  it("a pembahasan item linked to an agenda entry counts for the agenda's SOP step", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace(/informasi:\n  - sumber: .*\n    isi: .*\n/, "informasi: []\n"));
    expect(rules((await lokmin(["-C", ws, "check", "--json"])).stdout)).toContain("sop/06-informasi");
    edit(ws, R, (s) =>
      s
        .replace(
          "    langkah: 08-analisis-capaian\n",
          "    langkah: 08-analisis-capaian\n  - id: a02\n    judul: Informasi\n    langkah: 06-informasi\n",
        )
        .replace(
          "    keputusan: Sweeping\n",
          "    keputusan: Sweeping\n  - agenda: a02\n    pembicara: kapus\n    isi: Kebijakan baru dari kabupaten\n",
        ),
    );
    expect(rules((await lokmin(["-C", ws, "check", "--json"])).stdout)).not.toContain("sop/06-informasi");
  });

  it("when the meeting file cannot be read, the summary says so instead of a low score", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace("tempat: Aula", "tempat: [Aula"));
    const r = await lokmin(["-C", ws, "check", "2024-02"]);
    expect(r.stdout).toContain("2024-02: rapat.yaml tidak dapat dibaca");
    expect(r.stdout).not.toMatch(/2024-02: Daftar Tilik \d+\/20/);
  });
});

describe("one definition of behind target", () => {
  it("an indicator exactly on target (5/12, target stored as 41,67) is not behind anywhere", async () => {
    const ws = copyWorkspace(MINI);
    onTarget(ws);
    const check = await lokmin(["-C", ws, "check", "--json"]);
    expect(rules(check.stdout)).not.toContain("program/analisis");
    expect(JSON.parse(check.stdout).findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    const candidates = await lokmin(["-C", ws, "rank", "2024-02", "--candidates", "--json"]);
    expect(JSON.parse(candidates.stdout).candidates.map((c: { program: string }) => c.program)).toEqual(["kia"]);
    const report = await lokmin(["-C", ws, "report", "2024-02"]);
    expect(report.stdout).toMatch(/gizi\/balita .*41,7% +41,7% +0,0 +Pelayanan balita/);
    expect(report.stdout).toContain("1 dari 2 indikator tertinggal");
    const summary = await lokmin(["summary", ws, "--json"]);
    expect(
      JSON.parse(summary.stdout).workspaces[0].months.map((m: { indicators_behind: number }) => m.indicators_behind),
    ).toEqual([1, 1]);
    const out = tempDir();
    expect((await lokmin(["-C", ws, "render", "2024-02", "--only", "notulen", "--out", out])).status).toBe(0);
    const text = (await mammoth.extractRawText({ path: path.join(out, "2024-02-notulen.docx") })).value;
    expect(text).toContain("1 dari 2 indikator masih di bawah target kumulatif");
  });

  it("the same indicator one person short is behind everywhere", async () => {
    const ws = copyWorkspace(MINI);
    onTarget(ws);
    edit(ws, "2024-02/program/gizi.yaml", (s) =>
      s.replace("bulan_ini: 75", "bulan_ini: 74").replace(" kumulatif: 150", " kumulatif: 149"),
    );
    expect(rules((await lokmin(["-C", ws, "check", "--json"])).stdout)).toContain("program/analisis");
    const candidates = await lokmin(["-C", ws, "rank", "2024-02", "--candidates", "--json"]);
    expect(JSON.parse(candidates.stdout).candidates).toHaveLength(2);
    const summary = await lokmin(["summary", ws, "--json"]);
    expect(JSON.parse(summary.stdout).workspaces[0].months[1].indicators_behind).toBe(2);
  });
});

describe("SOP step messages name what is actually missing", () => {
  const sopMessage = (stdout: string, step: string) =>
    JSON.parse(stdout).findings.find((f: { rule: string; file: string }) => f.rule === `sop/${step}` && f.file === R)
      ?.message as string | undefined;

  it("problems listed without root causes ask for akar_masalah, not for 'masalah'", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) =>
      s.replace("    akar_masalah:\n      - kategori: Metode\n        uraian: Sweeping belum terjadwal\n", ""),
    );
    const message = sopMessage((await lokmin(["-C", ws, "check", "2024-02", "--json"])).stdout, "09-masalah");
    expect(message).toContain("isi akar_masalah (akar penyebab) pada masalah yang sudah ditulis");
    expect(message).not.toContain("bagian 'masalah'");
    edit(ws, R, (s) => s.replace(/masalah:\n  # The forum[\s\S]*?\nrtl:/, "masalah: []\nrtl:"));
    const empty = sopMessage((await lokmin(["-C", ws, "check", "2024-02", "--json"])).stdout, "09-masalah");
    expect(empty).toContain("isi bagian 'masalah'");
  });

  it("the preparations of the TU name the empty field; a report missing in one program names that file", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace("  nomor: 000.1.5/009/1/2024\n", "  nomor: null\n"));
    const tu = sopMessage((await lokmin(["-C", ws, "check", "2024-02", "--json"])).stdout, "03-persiapan-tu");
    expect(tu).toContain("isi undangan.nomor atau catat");
    edit(ws, "2024-02/program/gizi.yaml", (s) =>
      s.replace(/laporan_kegiatan:\n(  .*\n)+?rencana_bulan_ini:/, "rencana_bulan_ini:"),
    );
    const report = sopMessage((await lokmin(["-C", ws, "check", "2024-02", "--json"])).stdout, "04-laporan-bulan-lalu");
    expect(report).toContain("isi laporan_kegiatan di berkas program gizi");
    expect(report).not.toContain("'pembahasan'");
  });
});

describe("a program file stopped by a schema error", () => {
  it("check says the scores are provisional and names the file; summary counts it as not assessed", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "2024-02/program/gizi.yaml", (s) => s.replace("bulan: 2024-02", "bulan: 2024-02\ntidak_ada: 1"));
    const r = await lokmin(["-C", ws, "check"]);
    expect(r.stdout).toContain(
      "2024-02: nilai sementara — 2024-02/program/gizi.yaml tidak dapat dibaca dan belum dinilai; perbaiki galat",
    );
    expect(r.stdout).not.toMatch(/2024-01: nilai sementara/);
    const json = JSON.parse((await lokmin(["-C", ws, "check", "--json"])).stdout);
    expect(json.months.map((m: { unassessed: string[] }) => m.unassessed)).toEqual([[], ["2024-02/program/gizi.yaml"]]);
    const summary = await lokmin(["summary", ws]);
    expect(summary.stdout).toMatch(
      /2024-02 .* 1\/2\n +sementara: 2024-02\/program\/gizi\.yaml tidak dapat dibaca; 1 indikator/,
    );
    const months = JSON.parse((await lokmin(["summary", ws, "--json"])).stdout).workspaces[0].months;
    expect(months[1]).toMatchObject({ indicators: 2, indicators_not_assessed: 1, not_assessed: [expect.any(String)] });
    expect(months[0]).toMatchObject({ indicators: 2, indicators_not_assessed: 0, not_assessed: [] });
  });
});

describe("the scaffold writes what check will ask for", () => {
  it("carries the SK of the effective team, adds the quarter's section and comments each indicator", async () => {
    const ws = copyWorkspace(MINI);
    const r = await lokmin(["-C", ws, "new", "2024-03"]);
    expect(r.status, r.stderr).toBe(0);
    const meeting = read(ws, "2024-03/rapat.yaml");
    expect(meeting).toContain("sk_tim_efektif: SK 001/2024");
    expect(meeting).toMatch(/\nbahan_tribulanan: null/);
    const kia = read(ws, "2024-03/program/kia.yaml");
    expect(kia).toContain("# Pelayanan ibu hamil · kumulatif s.d. Februari 2024: 15");
    const june = await lokmin(["-C", ws, "new", "2024-06"]);
    expect(june.status).toBe(0);
    expect(read(ws, "2024-06/rapat.yaml")).toMatch(/\nevaluasi_tengah_tahun: null/);
  });
});

describe("the overdue list agrees with itself", () => {
  it("judges deadlines as of the end of the month shown, matches --pj by name in any case, shows names", async () => {
    const ws = copyWorkspace(MINI);
    const feb = await lokmin(["-C", ws, "commitments", "--per", "2024-02", "--json"]);
    const k = JSON.parse(feb.stdout).commitments.find((c: { id: string }) => c.id === "2024-02/K01");
    expect(k).toMatchObject({ overdue: false, penanggung_jawab_nama: "Citra Bidan" });
    const jan = JSON.parse(feb.stdout).commitments.find((c: { id: string }) => c.id === "2024-01/K01");
    expect(jan).toMatchObject({ overdue: true, tenggat: "2024-02-20" });
    const mine = await lokmin(["-C", ws, "commitments", "--per", "2024-02", "--pj", "CITRA"]);
    expect(mine.stdout).toContain("Citra Bidan");
    expect(mine.stdout).toContain("1 lewat tenggat) per akhir 2024-02");
    expect(mine.stdout).not.toContain(" bidan ");
    const nobody = await lokmin(["-C", ws, "commitments", "--pj", "Zainal"]);
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain("tidak ada pegawai yang cocok");
  });
});

describe("the kabupaten's own regulation, or none", () => {
  it("without a choice only national rules are cited; init asks which regulation, cites the one chosen", async () => {
    const dir = tempDir();
    expect((await lokmin(["init", dir, "--nama", "UPTD Puskesmas Uji", "--tanpa-git"])).status).toBe(0);
    const text = read(dir, "lokmin.yaml");
    expect(text).toMatch(/\npembinaan:\n  profil: nasional\n/);
    expect(text).toMatch(/# nasional = tanpa peraturan bupati/);
    expect(text).toContain("periode_data: bulan-lalu");
    const national = await lokmin(["check", "--rules", "--json"], { cwd: dir });
    const cited = JSON.stringify(JSON.parse(national.stdout));
    expect(cited).not.toContain("Musi Rawas");
    expect(cited).not.toContain("Perbup");
    expect(cited).toContain("Permenkes 44/2016");
    // Outside any workspace the national rules are cited too.
    expect((await lokmin(["check", "--rules"], { cwd: tempDir() })).stdout).not.toContain("Musi Rawas");

    const musi = tempDir();
    const args = ["init", musi, "--nama", "UPTD Puskesmas Uji", "--tanpa-git", "--peraturan", "musi-rawas-2018"];
    expect((await lokmin(args)).status).toBe(0);
    expect(read(musi, "lokmin.yaml")).toMatch(/\npembinaan:\n  profil: musi-rawas-2018\n/);
    expect((await lokmin(["check", "--rules"], { cwd: musi })).stdout).toContain("Perbup Musi Rawas 49/2018 Pasal 30");

    const own = tempDir();
    const name = "Peraturan Bupati Bulungan Nomor 12 Tahun 2021 tentang Pembinaan Lokakarya Mini Puskesmas";
    const owned = ["init", own, "--nama", "UPTD Puskesmas Uji", "--tanpa-git", "--peraturan", "sendiri"];
    const missing = await lokmin(owned);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--peraturan-nama");
    const made = await lokmin([
      ...["init", own, "--nama", "UPTD Puskesmas Uji", "--tanpa-git"],
      ...["--peraturan", "sendiri", "--peraturan-nama", name],
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(read(own, "lokmin.yaml")).toContain("singkat: Perbup Bulungan 12/2021");
    edit(own, "lokmin.yaml", (s) => s.replace("  pasal: {}", "  pasal:\n    tilik: Pasal 9"));
    const rules = await lokmin(["check", "--rules"], { cwd: own });
    expect(rules.stdout).toContain("Perbup Bulungan 12/2021 Pasal 9");
    expect(rules.stdout).not.toContain("Musi Rawas");
  });

  it("an own regulation without its name is an error that says what to write", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "lokmin.yaml", (s) => `${s}pembinaan:\n  profil: sendiri\n`);
    const r = await lokmin(["-C", ws, "check", "--json"]);
    const found = JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === "pembinaan/profil");
    expect(found.message).toContain("isi pembinaan.nama");
    expect(r.status).toBe(1);
  });
});

describe("generated text reads like a person wrote it", () => {
  it("candidate problems get a sentence title and the count says problems were added", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace(/masalah:\n  # The forum[\s\S]*?\nrtl:/, "masalah: []\nrtl:"));
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--add-candidates"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\d+ masalah ditambahkan/);
    expect(read(ws, R)).toContain("judul: Capaian pelayanan ibu hamil di bawah target");
    expect(r.stdout).toMatch(/Aturan nilai sama: bersama — [^()]*\(?[^()]*\)?$/m);
  });
});

describe("prompts", () => {
  it("rank --interactive asks every score on a terminal, saves them and shows the totals", async () => {
    const ws = copyWorkspace(MINI);
    const r = await lokmin(["-C", ws, "rank", "2024-02", "--interactive"], {
      keys: ["\r", "\r", "\r", "4\r", "4,5\r", "2\r"],
    });
    expect(r.status, r.stderr).toBe(0);
    expect(read(ws, R)).toContain("s: 4.5");
    expect(r.stdout).toContain("10,5");
  });

  it("Ctrl-C in a prompt is 'dibatalkan' with exit 130; scores entered so far are kept when asked", async () => {
    const ws = copyWorkspace(MINI);
    const before = read(ws, R);
    const cancel = await lokmin(["-C", ws, "rank", "2024-02", "--interactive"], { keys: ["\x03"] });
    expect(cancel.status).toBe(130);
    expect(cancel.stderr).toContain("dibatalkan");
    expect(read(ws, R)).toBe(before);
    const keep = await lokmin(["-C", ws, "rank", "2024-02", "--interactive"], { keys: ["2\r", "\x03", "y\r"] });
    expect(keep.status, keep.stderr).toBe(0);
    expect(read(ws, R)).toMatch(/u: 2\n/);
  });

  it("the keep-the-scores question is Indonesian (Y/t, Ya/Tidak) by default and English with --lang en", async () => {
    const ws = copyWorkspace(MINI);
    const before = read(ws, R);
    const keep = await lokmin(["-C", ws, "rank", "2024-02", "--interactive"], { keys: ["2\r", "\x03", "ya\r"] });
    expect(keep.status, keep.stderr).toBe(0);
    expect(plain(keep.stdout)).toContain("Simpan 1 skor yang sudah diisi? (Y/t)");
    expect(plain(keep.stdout)).toMatch(/\(Y\/t\) Ya/);
    expect(plain(keep.stdout)).not.toMatch(/Y\/n|Yes/);
    const copy = copyWorkspace(MINI);
    const drop = await lokmin(["-C", copy, "rank", "2024-02", "--interactive"], { keys: ["2\r", "\x03", "t\r"] });
    expect(drop.status).toBe(130);
    expect(plain(drop.stdout)).toMatch(/\(Y\/t\) Tidak/);
    expect(read(copy, R)).toBe(before);
    const en = await lokmin(["-C", copyWorkspace(MINI), "rank", "2024-02", "--interactive", "--lang", "en"], {
      keys: ["2\r", "\x03", "\r"],
    });
    expect(en.status, en.stderr).toBe(0);
    expect(plain(en.stdout)).toMatch(/Save the 1 scores entered so far\? \(Y\/n\) Yes/);
  });

  it("init on a terminal asks every question it has a flag for, NIPs included, and quotes them", async () => {
    const dir = tempDir();
    const answers = [
      "UPTD Puskesmas Uji\r",
      "Uji\r",
      "Kabupaten Uji\r",
      "Jl. Uji\r",
      "dr. Ani\r",
      "198006102006041003\r",
    ];
    // Time zone and grouping take their defaults; the regulation: the third choice (own), then its name.
    const more = ["Budi\r", "197803152005012004\r", "\r", "\r", "\x1b[B\x1b[B\r"];
    const regulation = ["Peraturan Bupati Uji Nomor 3 Tahun 2020 tentang Pembinaan Lokmin\r"];
    const r = await lokmin(["init", dir], { keys: [...answers, ...more, ...regulation] });
    expect(r.status, r.stderr).toBe(0);
    const text = read(dir, "lokmin.yaml");
    expect(text).toContain("profil: sendiri");
    expect(text).toContain("singkat: Perbup Uji 3/2020");
    expect(text).toContain('nip: "198006102006041003"');
    expect(text).toContain('nip: "197803152005012004"');
    expect(text).not.toMatch(/^\s+logo:/m);
  });
});

describe("small frictions", () => {
  it("an option value split at its spaces gets a hint to put it in quotes", async () => {
    const r = await lokmin(["-C", MINI, "commitments", "--pj", "siti", "aminah"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("terlalu banyak argumen untuk 'commitments' (paling banyak 0)");
    expect(r.stderr).toContain('nilai opsi yang berisi spasi ditulis dalam tanda kutip: --pj "siti aminah"');
    const en = await lokmin(["-C", MINI, "commitments", "--pj", "siti", "aminah", "--lang", "en"]);
    expect(en.stderr).toContain('an option value with spaces goes in quotes: --pj "siti aminah"');
  });

  it("a value holding ': ' gets a hint to put the text in quotes", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, R, (s) => s.replace("tempat: Aula", "tempat: Aula: lantai 2"));
    const r = await lokmin(["-C", ws, "check", "2024-02"]);
    expect(r.stdout).toMatch(/8:9 +galat +pemetaan bersarang/);
    expect(r.stdout).toContain(`beri tanda kutip: tempat: "Aula: lantai 2"`);
  });

  it("numbers in messages are rounded to one decimal, with a decimal comma in Indonesian", async () => {
    const ws = copyWorkspace(MINI);
    edit(ws, "2024-02/program/gizi.yaml", (s) => s.replace("kumulatif: 40", "kumulatif: 40\n    capaian_persen: 20"));
    const r = await lokmin(["-C", ws, "check", "2024-02", "--json"]);
    const found = JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === "capaian/persen-berbeda");
    expect(found.message).toContain("capaian_persen tertulis 20% tetapi hitungan ulang 16,7% (40 ÷ 240)");
    const en = await lokmin(["-C", ws, "check", "2024-02", "--json", "--lang", "en"]);
    expect(en.stdout).toContain("recomputed 16.7% (40 ÷ 240)");
    expect(en.stdout).not.toMatch(/16\.6666/);
  });

  it("init explains the village list; id/nama entries get an error that shows the expected shape", async () => {
    const dir = tempDir();
    expect((await lokmin(["init", dir, "--nama", "UPTD Puskesmas Uji", "--tanpa-git"])).status).toBe(0);
    expect(read(dir, "lokmin.yaml")).toMatch(
      /# Desa\/kelurahan .*satu nama per baris[^\n]*\n# desa:\n#   - Sukamaju\n/,
    );
    edit(dir, "lokmin.yaml", (s) => s.replace("desa: []", "desa:\n  - id: skm\n    nama: Sukamaju"));
    const r = await lokmin(["-C", dir, "check"]);
    expect(r.stdout).toContain(
      "desa[0]: harus teks, tertulis pemetaan (id, nama). 'desa' adalah daftar teks, satu nama per baris tanpa id, " +
        "mis. - Sukamaju",
    );
  });

  it("commands that take one month default to the latest month folder", async () => {
    const ws = copyWorkspace(MINI);
    const rank = await lokmin(["-C", ws, "rank", "--json"]);
    expect(JSON.parse(rank.stdout).month).toBe("2024-02");
    const next = await lokmin(["-C", ws, "new", "--json"]);
    expect(JSON.parse(next.stdout).month).toBe("2024-03");
  });

  it("export --sep ';' writes decimal commas; --json is one object; summary says there are no months", async () => {
    const semi = await lokmin(["-C", MINI, "export", "--sep", ";"]);
    expect(semi.stdout).toMatch(/;16,67;/);
    const json = await lokmin(["-C", MINI, "export", "--json"]);
    expect(Array.isArray(JSON.parse(json.stdout).rows)).toBe(true);
    const empty = tempDir();
    expect((await lokmin(["init", empty, "--nama", "X", "--tanpa-git"])).status).toBe(0);
    const summary = await lokmin(["summary", empty]);
    expect(summary.stdout).toContain("belum ada bulan");
  });

  it("init creates a git repository with a .gitignore when git is installed", async () => {
    const dir = tempDir();
    const r = await lokmin(["init", dir, "--nama", "UPTD Puskesmas Uji"]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, ".git"))).toBe(true);
    expect(read(dir, ".gitignore")).toContain(".lokmin/lock");
    expect(r.stdout).toContain("tanpa logo");
  });
});
