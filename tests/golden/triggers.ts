// The triggers of the message catalogue: for every rule of `lokmin check`, one small edit of a
// clean fixture workspace (tests/fixtures/mini, a 2-month workspace, or tests/fixtures/year for the
// first, quarterly and pralokmin meetings) that makes the rule fire. A rule with several messages
// has a trigger per message. To add one: append an entry, run `npm run golden`, review the diff of
// tests/golden/messages/<family>.md. catalogue.test.ts fails while a rule of the registry has none.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

import { RELATION_LIBRARY } from "../../src/domain/verification.js";

/** As a value in `set`: delete the entry. */
export const DELETE = Symbol("delete");

export interface Trigger {
  /** The rule id raised (a member of a family: "sop/10-rtl"), or "family/*" for every member the edit raises. */
  rule: string;
  /** The clean workspace it starts from; mini unless said. */
  base?: "mini" | "year";
  /** The file the rule names — the catalogue lists the rule's findings in it — and the file `set` edits. */
  file: string;
  /**
   * YAML path → new value, applied in order with lokmin's own write-back (only those values change):
   * "indikator[0].kumulatif": 150; DELETE removes the entry; a path ending in "[+]" appends to a list.
   */
  set?: Record<string, unknown>;
  /** The same kind of edits in other files, by file (a program file that a rule on rapat.yaml reads). */
  elsewhere?: Record<string, Record<string, unknown>>;
  /** A change to the text itself, for what a path and a value cannot say (syntax, bytes), after `set`: the first
   * occurrence of one text replaced by another, or a function of the text. */
  text?: [from: string, to: string] | ((text: string) => string);
  /** Anything else, before the edit: files removed, copied, folders made. */
  setup?: (root: string) => void;
  /** Also show the findings as `lokmin check` prints them, with the excerpt. */
  print?: boolean;
  /** A word on what the edit does when the edit alone does not say it. */
  note?: string;
}

const R = "2024-02/rapat.yaml";
const KIA = "2024-02/program/kia.yaml";
const GIZI = "2024-02/program/gizi.yaml";
const W = "lokmin.yaml";
const J = "2024-01/rapat.yaml";
const T3 = "2024-03/tribulanan.yaml";
const T6 = "2024-06/tribulanan.yaml";
const P3 = "2024-03/pralokmin/klaster-2.yaml";
const year = { base: "year" } as const;
const remove = (file: string) => (root: string) => rmSync(path.join(root, file));
const PROGRAM = "2024-02/program";
/** Something else where the month's program folder should be (made with `make` once the folder is gone). */
const noFolder = (make: (abs: string) => void) => (root: string) => {
  rmSync(path.join(root, PROGRAM), { recursive: true });
  make(path.join(root, PROGRAM));
};

/** A SWOT table for problem m1, every factor and one strategy filled. */
const SWOT = {
  kekuatan: ["Bidan desa"],
  kelemahan: ["Kohort lama"],
  peluang: ["Dukungan desa"],
  ancaman: ["Jalan putus"],
  strategi: { so: ["Sweeping bersama kader"] },
};

/** The mini's pregnant women of February as they are, before the indicators a verification trigger adds. */
const KIA_BUMIL = [
  { id: "bumil", sasaran: 120, target_tahunan: 100, target_kumulatif: 16.67, bulan_ini: 9, kumulatif: 15 },
];
const report = (id: string) => (bulan_ini: number, kumulatif: number) => ({
  id,
  sasaran: 110,
  target_tahunan: 100,
  target_kumulatif: 16.67,
  bulan_ini,
  kumulatif,
});
const bulin = report("bulin");
const bbl = report("bbl");
/** KIA reports deliveries and newborns in lokmin.yaml: the default relation bbl ≈ bulin applies. */
const BIRTHS = {
  [W]: {
    "program[0].indikator": [
      { id: "bumil", nama: "Pelayanan ibu hamil", sasaran: 120, target: 100 },
      { id: "bulin", nama: "Pelayanan ibu bersalin", sasaran: 110, target: 100 },
      { id: "bbl", nama: "Pelayanan bayi baru lahir", sasaran: 110, target: 100 },
    ],
  },
};
/** An own relation of lokmin.yaml: pregnant women served never more than toddlers served. */
const OWN = { id: "bumil-balita", kiri: "kia/bumil", operator: "<=", kanan: "gizi/balita", alasan: "uji relasi" };
const OWN_HOLDS = { ...OWN, kiri: "kia/bumil", operator: "<=" };

/** October to December 2023 as copies of January: four months of history before February. */
function fourMonthsBefore(root: string) {
  for (const month of ["2023-10", "2023-11", "2023-12"]) {
    cpSync(path.join(root, "2024-01"), path.join(root, month), { recursive: true });
    for (const file of ["rapat.yaml", "program/kia.yaml", "program/gizi.yaml"]) {
      const full = path.join(root, month, file);
      writeFileSync(full, readFileSync(full, "utf8").replace("bulan: 2024-01", `bulan: ${month}`));
    }
  }
}
/** Both indicators of the mini workspace mapped to a code each. */
const MAPPED =
  "    - indikator: kia/bumil\n      bulan_ini: DE-1\n    - indikator: gizi/balita\n      bulan_ini: DE-2\n";

export const TRIGGERS: Trigger[] = [
  // ---- io, yaml: the file cannot be read as YAML
  {
    rule: "io/read",
    file: GIZI,
    setup: (root) => {
      rmSync(path.join(root, GIZI));
      mkdirSync(path.join(root, GIZI));
    },
    note: "gizi.yaml is a folder",
    print: true,
  },
  {
    rule: "io/folder",
    file: PROGRAM,
    setup: noFolder((abs) => writeFileSync(abs, "program: kia\n")),
    note: "program is a file",
    print: true,
  },
  { rule: "io/folder", file: PROGRAM, setup: noFolder((abs) => symlinkSync("program", abs)), note: "a looping link" },
  { rule: "io/folder", file: PROGRAM, setup: noFolder((abs) => symlinkSync("arsip", abs)), note: "a dangling link" },
  { rule: "io/folder", file: PROGRAM, setup: noFolder((abs) => execFileSync("mkfifo", [abs])), note: "a FIFO" },
  { rule: "io/folder", file: PROGRAM, setup: noFolder((abs) => symlinkSync("/dev/null", abs)), note: "a device" },
  {
    rule: "yaml/encoding",
    file: GIZI,
    setup: (root) => writeFileSync(path.join(root, GIZI), Buffer.from("program: gizi\nbulan: 2024-02\n", "utf16le")),
    note: "saved as UTF-16 LE without a byte order mark",
  },
  { rule: "yaml/encoding", file: R, text: ["tempat: Aula", "tempat: Au\u0000la"], note: "a NUL byte" },
  {
    rule: "yaml/encoding",
    file: GIZI,
    setup: (root) =>
      writeFileSync(
        path.join(root, GIZI),
        Buffer.concat([
          Buffer.from("program: gizi\nanalisis: Sesuai target di Pa"),
          Buffer.from([0xe9]),
          Buffer.from("tir\n"),
        ]),
      ),
    note: "Latin-1 é",
  },
  {
    rule: "yaml/size",
    file: GIZI,
    setup: (root) => writeFileSync(path.join(root, GIZI), `program: gizi\n${"# x\n".repeat(1_400_000)}`),
    note: "5.3 MB",
  },
  { rule: "yaml/empty", file: GIZI, text: () => "" },
  { rule: "yaml/not-a-mapping", file: GIZI, text: () => "- program: gizi\n- bulan: 2024-02\n", print: true },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula", "tempat: [Aula, lantai 2"], print: true },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula", 'tempat: "Aula'], note: "a quote never closed" },
  {
    rule: "yaml/syntax",
    file: R,
    text: ["tempat: Aula", "tempat: Aula: lantai 2"],
    note: "': ' in a plain value",
    print: true,
  },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula\n", "tempat Aula\n"] },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula", "tempat: {a: - b}"] },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula", 'tempat: "Aula\\q"'] },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula", "tempat: @Aula"] },
  { rule: "yaml/syntax", file: R, text: (s) => `${s}---\nbulan: 2024-03\n` },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula\n", "tempat: Aula\n- x\n"] },
  { rule: "yaml/syntax", file: R, text: ["tempat: Aula\n", `${"k".repeat(1030)}: 1\ntempat: Aula\n`] },
  { rule: "yaml/tab", file: R, text: ["  mulai:", "\tmulai:"], print: true },
  { rule: "yaml/duplicate-key", file: R, text: ["tempat: Aula\n", "tempat: Aula\ntempat: Ruang KIA\n"], print: true },
  { rule: "yaml/alias", file: R, text: ["tempat: Aula", "tempat: *aula"] },
  {
    rule: "yaml/alias",
    file: R,
    text: (s) =>
      `${s}x0: &a0 [x, x, x, x, x, x, x, x, x]\n` +
      [1, 2, 3, 4, 5].map((i) => `x${i}: &a${i} [${`*a${i - 1}, `.repeat(8)}*a${i - 1}]\n`).join(""),
    note: "aliases nested five deep (a billion laughs)",
  },
  { rule: "yaml/depth", file: R, text: ["tempat: Aula", `tempat: ${"[".repeat(70)}${"]".repeat(70)}`] },
  { rule: "yaml/tag", file: R, text: ["tempat: Aula", "tempat: !!binary QXVsYQ=="], print: true },
  { rule: "yaml/tag", file: R, text: ["tempat: Aula", "tempat: !ruang Aula"], note: "a custom tag" },
  { rule: "yaml/tag", file: R, text: (s) => `!rapat\n${s}`, note: "the whole file tagged" },
  { rule: "yaml/tag", file: R, text: (s) => `!!set\n${s}`, note: "a set tag on a mapping with values" },
  { rule: "yaml/key", file: R, text: ["tempat: Aula\n", "tempat: Aula\n1: x\n"], print: true },
  { rule: "yaml/key", file: R, text: ["tempat: Aula\n", "tempat: Aula\nnull: x\n"] },
  { rule: "yaml/key", file: R, text: ["tempat: Aula\n", "tempat: Aula\n? [a, b]\n: x\n"] },
  { rule: "yaml/key", file: R, text: ["tempat: Aula\n", "tempat: Aula\ntrue: x\n"] },
  { rule: "yaml/key", file: R, text: ["tempat: Aula\n", "<<: {tempat: Aula}\n"], note: "a merge key" },
  { rule: "yaml/syntax", file: R, text: (s) => `%YAML 1.1\n---\n${s}`, note: "a %YAML 1.1 directive" },

  // ---- schema: the YAML is not what lokmin expects
  { rule: "schema/unknown-key", file: R, text: ["tempat: Aula", "tempt: Aula"], print: true },
  {
    rule: "schema/unknown-key",
    file: R,
    set: { tempt: "Aula" },
    note: "beside tempat: no hint to a key the mapping already has",
  },
  { rule: "schema/unknown-key", file: R, set: { "waktu.awal": "08.00" }, note: "no close match: allowed keys listed" },
  { rule: "schema/missing-key", file: R, set: { pimpinan: DELETE }, print: true },
  { rule: "schema/missing-key", file: R, set: { "undangan.nomor": DELETE } },
  { rule: "schema/type", file: KIA, set: { "indikator[0].bulan_ini": "1.450 orang" }, print: true },
  { rule: "schema/type", file: KIA, set: { "indikator[0].target_kumulatif": "16,67" } },
  { rule: "schema/type", file: R, set: { tempat: { nama: "Aula", lantai: 2 } }, print: true },
  { rule: "schema/type", file: W, base: "year", set: { "desa[0]": { nama: "Rimba", kode: 1 } } },
  { rule: "schema/type", file: KIA, set: { analisis: 5 } },
  { rule: "schema/type", file: R, set: { "verifikasi_data.dilaporkan": "ya" } },
  { rule: "schema/type", file: R, set: { susunan_acara: "Lokmin pukul 08.00" } },
  { rule: "schema/type", file: KIA, set: { penanggung_jawab: null } },
  { rule: "schema/value", file: R, set: { "hadir[0].status": "ada" }, print: true },
  { rule: "schema/value", file: R, set: { "susunan_acara[0].acara": "" } },
  { rule: "schema/value", file: W, set: { pegawai: [] } },
  { rule: "schema/value", file: W, set: { "penilaian.usg": { skala: { min: 5, max: 1 } } }, note: "an inverted scale" },
  { rule: "schema/value", file: W, set: { "program[0].indikator[0].target_bulanan": [10, 20, 30] } },
  { rule: "schema/number", file: KIA, set: { "indikator[0].bulan_ini": 9.5 }, print: true },
  { rule: "schema/number", file: KIA, text: ["kumulatif: 15", "kumulatif: 2.000"] },
  { rule: "schema/number", file: KIA, text: ["kumulatif: 15", "kumulatif: 2.100"] },
  { rule: "schema/number", file: KIA, set: { "indikator[0].bulan_ini": -1 } },
  { rule: "schema/number", file: W, text: ["sasaran: 120", "sasaran: .inf"] },
  { rule: "schema/number", file: W, set: { "program[0].indikator[0].target": 120 } },
  { rule: "schema/format", file: R, set: { tanggal: "2024-02-30" }, print: true },
  { rule: "schema/format", file: R, set: { "kesepakatan[0].id": "K01" } },
  { rule: "schema/format", file: R, set: { "waktu.mulai": "jam 8" } },
  { rule: "schema/format", file: R, set: { bulan: "2024-2" } },
  { rule: "schema/format", file: W, set: { "pegawai[2].id": "Bidan Citra" } },
  { rule: "schema/format", ...year, file: T3, set: { "kesepakatan[0].id": "2024-03/K01" } },
  {
    rule: "schema/unquoted-number",
    file: W,
    text: ['"198006102006041003"', "198006102006041003"],
    print: true,
  },

  // ---- workspace: the folders and files
  { rule: "workspace/meeting-file", file: "2024-02/rapat.yaml", setup: remove(R), print: true },
  {
    rule: "workspace/month-folder",
    file: "2024-3",
    setup: (root) => mkdirSync(path.join(root, "2024-3")),
    note: "a folder 2024-3",
  },
  {
    rule: "workspace/duplicate-file",
    file: "2024-02/program/kia.yml",
    setup: (root) => copyFileSync(path.join(root, KIA), path.join(root, "2024-02/program/kia.yml")),
    note: "kia.yml beside kia.yaml",
  },

  // ---- the month's checklists: SOP steps, program reports, Daftar Tilik, archive
  {
    rule: "sop/*",
    file: R,
    set: {
      langkah_khusus: ["bulan_kedua", "tengah_tahun", "tribulanan"],
      undangan: DELETE,
      agenda: DELETE,
      persiapan: DELETE,
      informasi: DELETE,
      pembahasan: DELETE,
      masalah: DELETE,
      rtl: DELETE,
      musrenbang: DELETE,
      kesepakatan: DELETE,
    },
    setup: (root) => [KIA, GIZI].forEach((file) => rmSync(path.join(root, file))),
    note: "sections deleted, the program files too, the special steps of mid-year and quarter months",
    print: true,
  },
  {
    rule: "sop/*",
    file: R,
    set: { agenda: DELETE, persiapan: DELETE, pembahasan: DELETE, "masalah[0].akar_masalah": DELETE },
    elsewhere: {
      [KIA]: {
        laporan_kegiatan: [],
        rencana_bulan_ini: [],
        rpk: [],
        analisis: DELETE,
      },
    },
    note: "what the program files hold is missing from one of them",
  },
  {
    rule: "sop/08-analisis-capaian",
    file: R,
    set: { agenda: DELETE, pembahasan: DELETE },
    elsewhere: { [KIA]: { "indikator[0].kumulatif": null }, [GIZI]: { "indikator[0].kumulatif": null } },
  },
  {
    rule: "tilik/*",
    file: R,
    set: {
      undangan: DELETE,
      susunan_acara: DELETE,
      agenda: DELETE,
      verifikasi_data: DELETE,
      evaluasi_kehadiran: DELETE,
      pembahasan: DELETE,
      masalah: DELETE,
      rtl: DELETE,
      evaluasi_kesepakatan: DELETE,
      kesepakatan: DELETE,
      tindak_lanjut: DELETE,
      arsip: DELETE,
      "hadir[1].status": null,
    },
    setup: (root) => [KIA, GIZI].forEach((file) => rmSync(path.join(root, file))),
    note: "sections deleted, the program files too",
    print: true,
  },
  {
    rule: "tilik/*",
    file: R,
    set: {
      "undangan.nomor": null,
      hadir: [],
      "verifikasi_data.tanggal": "2024-02-21",
      supervisi: { tanggal: "2024-02-20", jawaban: { "08": false } },
    },
    note: "the supervisor answered item 8 'no'",
  },
  {
    rule: "arsip/*",
    file: R,
    set: {
      undangan: DELETE,
      susunan_acara: DELETE,
      hadir: [],
      pembahasan: DELETE,
      masalah: DELETE,
      evaluasi_kesepakatan: DELETE,
      kesepakatan: DELETE,
      tindak_lanjut: DELETE,
      arsip: DELETE,
      supervisi: { tanggal: "2024-02-20" },
    },
    setup: (root) => [KIA, GIZI].forEach((file) => rmSync(path.join(root, file))),
    note: "archive sections and program files deleted, a supervision without feedback",
    print: true,
  },
  { rule: "program/laporan-kegiatan", file: KIA, set: { laporan_kegiatan: [] }, print: true },
  { rule: "program/rencana", file: GIZI, set: { rencana_bulan_ini: [] } },
  { rule: "program/rpk", file: KIA, set: { rpk: [] } },
  {
    rule: "program/analisis",
    file: KIA,
    set: { analisis: { orang: "Ibu hamil pekerja", waktu: null } },
  },
  {
    rule: "tilik/*",
    file: R,
    set: {
      undangan: DELETE,
      susunan_acara: DELETE,
      agenda: DELETE,
      verifikasi_data: DELETE,
      evaluasi_kehadiran: DELETE,
      pembahasan: DELETE,
      masalah: DELETE,
      rtl: DELETE,
      evaluasi_kesepakatan: DELETE,
      kesepakatan: DELETE,
      tindak_lanjut: DELETE,
      arsip: DELETE,
      "hadir[1].status": null,
      supervisi: { tanggal: "2024-02-20", jawaban: { "01": false, "02": false, "03": false, "17": false } },
    },
    note: "sections deleted, the supervisor's answers 'no'",
    print: true,
  },
  {
    rule: "arsip/*",
    file: R,
    set: {
      undangan: DELETE,
      susunan_acara: DELETE,
      hadir: [],
      pembahasan: DELETE,
      kesepakatan: DELETE,
      tindak_lanjut: DELETE,
      arsip: DELETE,
      supervisi: { tanggal: "2024-02-20" },
    },
    note: "archive sections deleted, a supervision without feedback",
  },

  // ---- capaian: the program files' figures
  { rule: "capaian/belum-diisi", file: KIA, set: { "indikator[0].bulan_ini": null }, print: true },
  {
    rule: "capaian/melebihi-sasaran",
    file: KIA,
    set: { "indikator[0].kumulatif": 150, "indikator[0].bulan_ini": 144 },
    print: true,
  },
  { rule: "capaian/persen-berbeda", file: KIA, set: { "indikator[0].capaian_persen": 15 } },
  { rule: "capaian/target-kumulatif", file: KIA, set: { "indikator[0].target_kumulatif": 20 } },
  { rule: "capaian/kumulatif-turun", file: KIA, set: { "indikator[0].kumulatif": 4 } },
  { rule: "capaian/kumulatif-tidak-cocok", file: KIA, set: { "indikator[0].kumulatif": 17 }, print: true },
  {
    rule: "capaian/periode",
    file: R,
    setup: (root) =>
      writeFileSync(
        path.join(root, W),
        readFileSync(path.join(root, W), "utf8").replace("periode_data: bulan-ini\n", ""),
      ),
    print: true,
    note: "a workspace that never chose its data period, meeting on 20 February about February's figures",
  },
  {
    rule: "capaian/per-desa",
    file: KIA,
    set: {
      "indikator[0].per_desa": [
        { desa: "Barat", bulan_ini: 4, kumulatif: 7 },
        { desa: "Timur", bulan_ini: 5, kumulatif: 7 },
      ],
    },
  },

  // ---- rapat, undangan, laporan, supervisi, dokumen, kehadiran: the meeting's own record
  { rule: "rapat/tanggal", file: R, set: { tanggal: "2024-03-02" }, print: true },
  { rule: "rapat/tanggal", file: R, set: { tanggal: null } },
  { rule: "rapat/bulan", file: KIA, set: { bulan: "2024-03" }, print: true },
  { rule: "undangan/terlambat", file: R, set: { "undangan.tanggal": "2024-02-19" }, print: true },
  { rule: "laporan/dinkes", file: R, set: { "laporan_dinkes.tanggal_kirim": null }, print: true },
  {
    rule: "supervisi/umpan-balik",
    file: R,
    set: { supervisi: { tanggal: "2024-02-20", umpan_balik: { tanggal: "2024-03-05" } } },
    print: true,
  },
  { rule: "supervisi/umpan-balik", file: R, set: { supervisi: { tanggal: "2024-02-20" } } },
  { rule: "dokumen/hari-libur", file: R, set: { "undangan.tanggal": "2024-02-18" }, print: true },
  { rule: "dokumen/hari-libur", file: R, set: { tanggal: "2024-02-14" }, setup: (root) => holiday(root, "2024-02-14") },
  { rule: "dokumen/hari-libur", file: J, base: "year", set: { tanggal: "2024-01-01" } },
  {
    rule: "dokumen/hari-libur",
    file: R,
    set: { supervisi: { tanggal: "2024-02-20", umpan_balik: { tanggal: "2024-02-25" } } },
  },
  {
    rule: "kehadiran/evaluasi-berbeda",
    file: R,
    set: { evaluasi_kehadiran: "Hadir 3 dari 3" },
    print: true,
  },
  {
    rule: "kesepakatan/penanda-tangan-hadir",
    file: R,
    set: { "kesepakatan[0].ditandatangani": ["kapus", "bidan", "tu"] },
    print: true,
  },
  {
    rule: "kesepakatan/penanda-tangan-hadir",
    file: R,
    set: { "hadir[2]": DELETE },
    note: "a signer missing from the attendance list",
  },

  // ---- kesepakatan: commitments made and evaluated
  { rule: "kesepakatan/belum-dievaluasi", file: R, set: { evaluasi_kesepakatan: [] }, print: true },
  { rule: "kesepakatan/belum-dievaluasi", file: R, set: { "evaluasi_kesepakatan[0].status": null } },
  {
    rule: "kesepakatan/id-ganda",
    file: R,
    set: {
      "kesepakatan[+]": {
        id: "2024-02/K01",
        uraian: "Lagi",
        penanggung_jawab: "bidan",
        tenggat: "2024-03-20",
        target: "Satu",
      },
    },
    print: true,
  },
  { rule: "kesepakatan/id-bulan", file: R, set: { "kesepakatan[0].id": "2024-03/K01" } },
  {
    rule: "kesepakatan/evaluasi-ganda",
    file: R,
    set: { "evaluasi_kesepakatan[+]": { id: "2024-01/K01", status: "belum", catatan: "dobel" } },
  },
  { rule: "kesepakatan/id-tidak-dikenal", file: R, set: { "evaluasi_kesepakatan[0].id": "2024-01/K09" } },
  {
    rule: "kesepakatan/id-tidak-dikenal",
    file: J,
    set: { evaluasi_kesepakatan: [{ id: "2024-02/K01", status: "belum" }] },
    note: "January evaluates February's commitment",
  },
  { rule: "kesepakatan/referensi", file: R, set: { "kesepakatan[0].program": "kiaa" }, print: true },
  { rule: "kesepakatan/referensi", file: R, set: { "kesepakatan[0].indikator": "bumill" } },
  { rule: "kesepakatan/referensi", file: R, set: { "kesepakatan[0].masalah": "m9" } },
  { rule: "kesepakatan/tenggat", file: R, set: { "kesepakatan[0].tenggat": "2024-04-15" }, print: true },
  {
    rule: "kesepakatan/evaluasi-dini",
    file: R,
    elsewhere: { [J]: { "kesepakatan[0].tenggat": "2024-02-25" } },
    print: true,
    note: "January's commitment falls due after February's meeting, which evaluates it 'belum'",
  },
  { rule: "surat/nomor-pola", file: R, set: { "undangan.nomor": "B-12/PKM/II/2024" }, print: true },
  { rule: "surat/nomor-urut", file: R, set: { "undangan.nomor": "000.1.5/001/1/2024" }, print: true },

  // ---- rank: scores, totals and ranks of problems and solutions
  { rule: "rank/skor-kosong", file: R, set: { "masalah[1].skor.g": DELETE }, print: true },
  { rule: "rank/skor-rentang", file: R, set: { "masalah[0].skor.u": 7 }, print: true },
  { rule: "rank/kriteria-tidak-dikenal", file: R, set: { "masalah[0].skor.x": 1 } },
  {
    rule: "rank/skor-ganda",
    file: R,
    set: { "masalah[1].skor_penilai": [{ penilai: "kapus", skor: { u: 3, s: 3, g: 3 } }] },
  },
  { rule: "rank/tanpa-skor", file: R, set: { "masalah[1].skor": DELETE, "masalah[1].total": DELETE } },
  { rule: "rank/total-berbeda", file: R, set: { "masalah[0].total": 13 }, print: true },
  { rule: "rank/peringkat-berbeda", file: R, set: { "masalah[1].peringkat": 3 } },
  { rule: "rank/id-ganda", file: R, set: { "masalah[1].id": "m1" } },
  {
    rule: "rank/id-ganda",
    file: R,
    set: {
      "masalah[0].solusi": [
        { id: "s1", uraian: "Sweeping" },
        { id: "s1", uraian: "Kunjungan rumah" },
      ],
    },
  },

  // ---- fishbone, swot, stakeholder: the analysis tools
  { rule: "fishbone/kategori", file: R, set: { "masalah[0].akar_masalah[0].kategori": "Metod" }, print: true },
  { rule: "fishbone/tanpa-kategori", file: R, set: { "masalah[0].akar_masalah[0].kategori": DELETE } },
  {
    rule: "swot/tidak-ada",
    file: R,
    set: {
      "metode.analisis": ["fishbone", "swot"],
      "masalah[0].solusi": [{ id: "s1", uraian: "Sweeping", dipilih: true }],
    },
    print: true,
  },
  {
    rule: "swot/belum-lengkap",
    file: R,
    set: { "masalah[0].swot": { ...SWOT, ancaman: [] } },
    print: true,
  },
  {
    rule: "swot/belum-lengkap",
    file: R,
    set: { "masalah[0].swot": { ...SWOT, strategi: {} } },
  },
  {
    rule: "swot/strategi-terpilih",
    file: R,
    set: { "masalah[0].swot": SWOT, "masalah[0].solusi": [{ id: "s1", uraian: "Sweeping", dipilih: true }] },
  },
  {
    rule: "swot/strategi-tidak-ada",
    file: R,
    set: { "masalah[0].swot": SWOT, "masalah[0].solusi": [{ id: "s1", uraian: "Sweeping", strategi: "WT" }] },
  },
  {
    rule: "swot/strategi-tidak-ada",
    file: R,
    set: { "masalah[0].solusi": [{ id: "s1", uraian: "Sweeping", strategi: "SO" }] },
    note: "a strategy named without a SWOT table",
  },
  {
    rule: "stakeholder/kosong",
    file: R,
    set: { "metode.analisis": ["fishbone", "stakeholder"], stakeholder: [] },
    print: true,
  },
  {
    rule: "stakeholder/ganda",
    file: R,
    set: {
      stakeholder: [
        { nama: "Camat", pengaruh: "tinggi", kepentingan: "tinggi" },
        { nama: "Camat", pengaruh: "tinggi", kepentingan: "rendah" },
      ],
    },
  },

  // ---- referensi: ids that must name something in lokmin.yaml
  { rule: "referensi/pegawai", file: R, set: { notulis: "tux" }, print: true },
  { rule: "referensi/program", file: KIA, set: { program: "kb" }, print: true },
  { rule: "referensi/indikator", file: KIA, set: { "indikator[0].id": "bumill" } },
  { rule: "referensi/berkas-program", file: R, setup: remove(GIZI), note: "gizi.yaml deleted", print: true },
  {
    rule: "referensi/berkas-program",
    file: R,
    setup: (root) => {
      rmSync(path.join(root, GIZI));
      rmSync(path.join(root, KIA));
    },
    note: "both program files deleted",
  },
  { rule: "referensi/pejabat", file: W, set: { "pejabat.kasubag_tu": "tux" } },
  { rule: "referensi/desa", ...year, file: T3, set: { "capaian_desa[1].desa": "Talangg" }, print: true },
  { rule: "referensi/desa", ...year, file: T3, set: { "capaian_desa[1].desa": "Pasar Baru" }, note: "nothing close" },
  {
    rule: "referensi/desa-lintas-sektor",
    ...year,
    file: W,
    set: { "lintas_sektor.peserta[1].desa": "Talangg" },
    print: true,
  },
  { rule: "referensi/id-ganda", file: W, set: { "pegawai[2].id": "tu" } },

  // ---- lokmin.yaml: staff, SOP profile, logo, rule settings
  { rule: "pegawai/nip", file: W, set: { "pegawai[1].nip": "1980061020060410" }, print: true },
  { rule: "pegawai/nip", file: W, set: { "pegawai[1].nip": "198006102006141003" } },
  { rule: "pegawai/nip", file: W, set: { "pegawai[1].nip": "198013102006041003" } },
  { rule: "pegawai/nip", file: W, set: { "pegawai[1].nip": "198006102006043003" } },
  { rule: "sop/profil", file: W, set: { "sop.profil": "rutin-2030" }, print: true },
  { rule: "pembinaan/profil", file: W, set: { "pembinaan.profil": "sendiri" }, print: true },
  { rule: "puskesmas/logo", file: W, set: { "puskesmas.logo": "logo.png" }, print: true },
  { rule: "puskesmas/logo", file: W, set: { "puskesmas.logo": "../../etc/passwd" } },
  {
    rule: "puskesmas/logo",
    file: W,
    set: { "puskesmas.logo": "logo.png" },
    setup: (root) => mkdirSync(path.join(root, "logo.png")),
    note: "logo.png is a folder",
  },
  { rule: "aturan/tidak-sah", file: W, set: { aturan: { "laporan/dinkees": "error" } }, print: true },
  { rule: "aturan/tidak-sah", file: W, set: { aturan: { "schema/unknown-key": "off" } } },

  // ---- pertama: the year's first Lokmin (year fixture, January)
  { rule: "pertama/jenis", ...year, file: J, set: { jenis: "rutin" }, print: true },
  { rule: "pertama/jenis", ...year, file: "2024-03/rapat.yaml", set: { jenis: "pertama" } },
  { rule: "pertama/pembagian-tugas", ...year, file: J, set: { "pembagian_tugas[3].program": DELETE }, print: true },
  { rule: "pertama/pembagian-tugas", ...year, file: J, set: { pembagian_tugas: [] } },
  { rule: "pertama/beban-kerja", ...year, file: J, set: { "pembagian_tugas[1].tugas": DELETE } },
  {
    rule: "pertama/wilayah-binaan",
    ...year,
    file: J,
    set: { "pembagian_tugas[3].wilayah_binaan": ["Talang", "Talangg"] },
    print: true,
  },
  { rule: "pertama/wilayah-binaan", ...year, file: J, set: { "pembagian_tugas[3].wilayah_binaan": DELETE } },
  { rule: "pertama/poa", ...year, file: J, set: { "poa[0].jadwal": DELETE }, print: true },
  { rule: "pertama/poa", ...year, file: J, set: { "poa[1].kegiatan": "" } },
  { rule: "pertama/poa", ...year, file: J, set: { "poa[1]": DELETE } },
  { rule: "pertama/poa", ...year, file: J, set: { poa: [] } },
  { rule: "pertama/kesepakatan", ...year, file: J, set: { "kesepakatan[0].ditandatangani": DELETE } },
  { rule: "pertama/referensi", ...year, file: J, set: { "poa[0].penanggung_jawab": "bidann" }, print: true },
  { rule: "pertama/referensi", ...year, file: J, set: { "pembagian_tugas[2].program": ["klaster-9"] } },

  // ---- tribulanan: the quarterly cross-sector Lokmin (year fixture, March and June)
  { rule: "tribulanan/tanggal", ...year, file: T3, set: { tanggal: "2024-04-02" }, print: true },
  { rule: "tribulanan/tanggal", ...year, file: T3, set: { tanggal: null } },
  { rule: "tribulanan/tanggal", ...year, file: T3, set: { bulan: "2024-04" } },
  { rule: "tribulanan/peserta", ...year, file: T3, set: { pimpinan: "camatt" }, print: true },
  { rule: "tribulanan/peserta", ...year, file: T3, set: { notulis: "camat" } },
  { rule: "tribulanan/peserta", ...year, file: T3, set: { "hadir[0].peserta": "kapus" } },
  { rule: "tribulanan/lintas-sektor", ...year, file: T6, set: { hadir: [{ pegawai: "kapus", status: "hadir" }] } },
  { rule: "tribulanan/hadir", ...year, file: T3, set: { "hadir[5].instansi": DELETE }, print: true },
  { rule: "tribulanan/hadir", ...year, file: T3, set: { "hadir[1].status": null } },
  {
    rule: "tribulanan/stakeholder",
    ...year,
    file: T3,
    set: {
      stakeholder: [
        { nama: "Camat Rimba", pengaruh: "tinggi", kepentingan: "tinggi" },
        { nama: "Camat Rimba", pengaruh: "tinggi", kepentingan: "rendah" },
      ],
    },
  },
  { rule: "tribulanan/undangan", ...year, file: T3, set: { "undangan.tanggal": "2024-03-18" }, print: true },
  { rule: "tribulanan/undangan", ...year, file: T3, set: { "undangan.nomor": null } },
  { rule: "tribulanan/capaian-wilayah", ...year, file: T6, set: { "capaian_desa[0].uraian": null } },
  { rule: "tribulanan/peran-sektor", ...year, file: T6, set: { "peran_sektor[0].peran": null } },
  { rule: "tribulanan/rencana-terpadu", ...year, file: T6, set: { rencana_terpadu: [] } },
  { rule: "tribulanan/musrenbang", ...year, file: T3, set: { usulan_musrenbang: [] }, print: true },
  { rule: "tribulanan/kesepakatan", ...year, file: T6, set: { "kesepakatan[0].ditandatangani": ["camat"] } },
  { rule: "tribulanan/kesepakatan", ...year, file: T6, set: { kesepakatan: [] } },
  { rule: "tribulanan/kesepakatan", ...year, file: T6, set: { "kesepakatan[0].ditandatangani": ["kapus", "tu"] } },
  { rule: "tribulanan/kesepakatan-belum-dievaluasi", ...year, file: T6, set: { "evaluasi_kesepakatan[1]": DELETE } },
  {
    rule: "tribulanan/kesepakatan-belum-dievaluasi",
    ...year,
    file: T6,
    set: { "evaluasi_kesepakatan[1].status": null },
  },
  { rule: "tribulanan/kesepakatan-id", ...year, file: T6, set: { "evaluasi_kesepakatan[0].id": "2024-03/T09" } },
  {
    rule: "tribulanan/tidak-dilaksanakan",
    ...year,
    file: "2024-03/rapat.yaml",
    setup: remove(T3),
    note: "tribulanan.yaml deleted",
    print: true,
  },

  // ---- pralokmin: the klaster meetings before the Lokmin (year fixture)
  {
    rule: "pralokmin/tidak-dilaksanakan",
    ...year,
    file: "2024-03/rapat.yaml",
    setup: remove(P3),
    note: "the pralokmin file deleted",
    print: true,
  },
  { rule: "pralokmin/tidak-dilaksanakan", ...year, file: P3, set: { tanggal: null } },
  { rule: "pralokmin/tanggal", ...year, file: P3, set: { tanggal: "2024-03-28" }, print: true },
  { rule: "pralokmin/tanggal", ...year, file: P3, set: { tanggal: "2024-04-02" } },
  { rule: "pralokmin/notulen", ...year, file: P3, set: { pembahasan: [] }, print: true },
  { rule: "pralokmin/notulen", ...year, file: P3, set: { "hadir[1].status": null } },
  { rule: "pralokmin/referensi", ...year, file: P3, set: { klaster: "klaster-3" }, print: true },
  { rule: "pralokmin/referensi", ...year, file: P3, set: { klaster: "klaster-9" } },
  { rule: "pralokmin/referensi", ...year, file: P3, set: { bulan: "2024-04" } },
  { rule: "pralokmin/referensi", ...year, file: P3, set: { notulis: "tux" } },
  { rule: "pralokmin/pengaturan", ...year, file: W, set: { "pralokmin.klaster": ["klaster-9"] } },
  { rule: "pralokmin/pengaturan", ...year, file: W, set: { "program[0].anggota": ["tux"] } },

  // ---- relasi, justifikasi, verifikasi: data verification across programs (Perbup Pasal 9)
  {
    rule: "relasi/bbl-bulin",
    file: KIA,
    elsewhere: BIRTHS,
    set: { indikator: [...KIA_BUMIL, bulin(10, 18), bbl(20, 30)] },
    note: "20 newborns served for 10 deliveries",
    print: true,
  },
  {
    rule: "relasi/bumil-balita",
    file: KIA,
    set: { "indikator[0].bulan_ini": 25 },
    elsewhere: { [W]: { verifikasi: { tambahan: [{ ...OWN, kiri: "kia/bumil", operator: "<=" }] } } },
    note: "an own relation without tolerance: 25 pregnant women served for 20 toddlers",
  },
  {
    rule: "justifikasi/bbl-bulin",
    file: R,
    elsewhere: { ...BIRTHS, [KIA]: { indikator: [...KIA_BUMIL, bulin(10, 18), bbl(20, 30)] } },
    set: {
      "verifikasi_data.selisih": [{ relasi: "bbl-bulin", justifikasi: "10 bayi lahir di RSUD", penyebab: "rujukan" }],
    },
    print: true,
  },
  {
    rule: "verifikasi/belum-diperbaiki",
    file: R,
    elsewhere: { ...BIRTHS, [KIA]: { indikator: [...KIA_BUMIL, bulin(10, 18), bbl(20, 30)] } },
    set: { "verifikasi_data.selisih": [{ relasi: "bbl-bulin", justifikasi: "salah ketik", diperbaiki: true }] },
    print: true,
  },
  {
    rule: "verifikasi/catatan",
    file: R,
    elsewhere: { ...BIRTHS, [KIA]: { indikator: [...KIA_BUMIL, bulin(10, 18), bbl(10, 18)] } },
    set: { "verifikasi_data.selisih": [{ relasi: "bbl-bulan", justifikasi: "salah ketik" }] },
    print: true,
  },
  {
    rule: "verifikasi/angka-tidak-biasa",
    file: KIA,
    setup: fourMonthsBefore,
    set: { "indikator[0].bulan_ini": 90 },
    note: "90 pregnant women served after 6 a month since October",
    print: true,
  },
  {
    rule: "verifikasi/angka-tidak-biasa",
    file: KIA,
    setup: fourMonthsBefore,
    set: { "indikator[0].bulan_ini": 0, "indikator[0].kumulatif": 6 },
    note: "a month of zero after 6 a month",
  },
  {
    rule: "verifikasi/angka-dijelaskan",
    file: R,
    setup: fourMonthsBefore,
    elsewhere: { [KIA]: { "indikator[0].bulan_ini": 90 } },
    set: {
      "verifikasi_data.selisih": [
        { relasi: "angka-tidak-biasa", indikator: "kia/bumil", justifikasi: "kampanye kelas ibu hamil" },
      ],
    },
    print: true,
  },
  {
    rule: "verifikasi/pengaturan",
    file: W,
    set: { verifikasi: { tambahan: [{ ...OWN, kiri: "kia/bumill", operator: "<=" }] } },
    print: true,
  },
  {
    rule: "verifikasi/pengaturan",
    file: W,
    set: {
      "program[1].indikator[+]": { id: "bumil", nama: "Ibu hamil di posyandu", sasaran: 120, target: 100 },
      "program[+]": {
        id: "tb",
        nama: "TB",
        penanggung_jawab: "tu",
        indikator: [{ id: "terduga", nama: "Terduga TB", sasaran: 60, target: 100 }],
      },
      verifikasi: { tambahan: [{ ...OWN, kiri: "bumil", kanan: "tb/terduga" }] },
    },
    note: "bumil in two programs, tb in a third",
  },
  {
    rule: "verifikasi/pengaturan",
    file: W,
    set: { verifikasi: { tambahan: [{ ...OWN, kiri: "bumil", kanan: "kia/bumil" }] } },
  },
  {
    rule: "verifikasi/pengaturan",
    file: W,
    set: { verifikasi: { tambahan: [OWN_HOLDS, OWN_HOLDS] } },
  },
  { rule: "verifikasi/pengaturan", file: W, set: { verifikasi: { nonaktif: ["bbl-bulan"] } } },
  {
    rule: "verifikasi/pengaturan",
    file: W,
    set: { verifikasi: { tambahan: [{ ...OWN_HOLDS, operator: "~" }] } },
  },
  {
    rule: "verifikasi/pengaturan",
    file: W,
    set: { verifikasi: { tambahan: [{ ...OWN_HOLDS, per_desa: true }] } },
  },

  // ---- lintas-sektor: the cross-sector roster of lokmin.yaml (year fixture)
  { rule: "lintas-sektor/id-ganda", ...year, file: W, set: { "lintas_sektor.peserta[3].id": "bidan" }, print: true },
  {
    rule: "lintas-sektor/pejabat",
    ...year,
    file: W,
    set: { "lintas_sektor.penandatangan_undangan": "lurah" },
    print: true,
  },

  // ---- dhis2: lokmin.yaml's mapping to the Dinas' DHIS2 codes
  {
    rule: "dhis2/tanpa-kode",
    file: W,
    text: dhis2("    - indikator: kia/bumil\n      bulan_ini: DE-1\n"),
    note: "gizi/balita has no code",
    print: true,
  },
  {
    rule: "dhis2/tanpa-kode",
    file: W,
    text: dhis2("    - indikator: kia/bumil\n    - indikator: gizi/balita\n      kumulatif: DE-2\n"),
    note: "a row with no code",
  },
  {
    rule: "dhis2/indikator-tidak-dikenal",
    file: W,
    text: dhis2(MAPPED, "  tidak_dikirim: [kia/bumi]\n"),
    print: true,
  },
  {
    rule: "dhis2/kode-ganda",
    file: W,
    text: dhis2(
      "    - indikator: kia/bumil\n      bulan_ini: DE-1\n    - indikator: gizi/balita\n      bulan_ini: DE-1\n",
    ),
    print: true,
  },
  { rule: "dhis2/kode-ganda", file: W, text: dhis2(MAPPED, "  tidak_dikirim: [kia/bumil]\n"), note: "named twice" },
  { rule: "dhis2/desa", file: W, text: dhis2(MAPPED, "  desa:\n    - { desa: Sukamaju, kode: DS-1 }\n"), print: true },
];

/** lokmin.yaml with a dhis2 section: these data element rows, then anything else of the section. */
function dhis2(rows: string, rest = "") {
  return (text: string) => `${text}dhis2:\n  unit_organisasi: PKM-MINI\n  elemen_data:\n${rows}${rest}`;
}

/** lokmin.yaml with a holiday listed. */
function holiday(root: string, date: string) {
  const file = path.join(root, W);
  writeFileSync(file, `${readFileSync(file, "utf8")}hari_libur: [${date}]\n`);
}

/**
 * Every default relation beyond bbl ≈ bulin, broken once and justified once: its two indicators in
 * KIA's list in lokmin.yaml, and February's figures where the left side is far above (or, for ≥, far
 * below) the right — well beyond any tolerance, on this month's and the cumulative figures.
 */
for (const relation of RELATION_LIBRARY.filter((r) => r.id !== "bbl-bulin")) {
  const indicators = [relation.kiri, relation.kanan].map((id) => ({
    id,
    nama: `Indikator ${id}`,
    sasaran: 110,
    target: 100,
  }));
  const config = {
    [W]: {
      "program[0].indikator": [{ id: "bumil", nama: "Pelayanan ibu hamil", sasaran: 120, target: 100 }, ...indicators],
    },
  };
  const [left, right] = relation.operator === ">=" ? [5, 40] : [40, 5];
  const figures = {
    indikator: [...KIA_BUMIL, report(relation.kiri)(left, left), report(relation.kanan)(right, right)],
  };
  TRIGGERS.push(
    { rule: `relasi/${relation.id}`, file: KIA, elsewhere: config, set: figures },
    {
      rule: `justifikasi/${relation.id}`,
      file: R,
      elsewhere: { ...config, [KIA]: figures },
      set: { "verifikasi_data.selisih": [{ relasi: relation.id, justifikasi: "dicek di register", penyebab: "uji" }] },
    },
  );
}
