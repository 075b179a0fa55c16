// One small mutation of the clean year fixture (tests/fixtures/year) per rule of the year's rule
// groups (first Lokmin, quarterly cross-sector Lokmin, pralokmin, their lokmin.yaml settings): the
// rule must fire at the file and line given. Shared by year-rules.test.ts and the registry-coverage
// test of check-rules.test.ts.
import { rmSync } from "node:fs";
import path from "node:path";

export interface YearCase {
  rule: string;
  file: string;
  edit: (text: string) => string;
  /** Text on the line the finding must point at. */
  at: string;
  setup?: (root: string) => void;
}

const J = "2024-01/rapat.yaml";
const T3 = "2024-03/tribulanan.yaml";
const T6 = "2024-06/tribulanan.yaml";
const P3 = "2024-03/pralokmin/klaster-2.yaml";
const W = "lokmin.yaml";

export const YEAR_CASES: YearCase[] = [
  { rule: "pertama/jenis", file: J, edit: (s) => s.replace("jenis: pertama", "jenis: rutin"), at: "jenis: rutin" },
  {
    rule: "pertama/pembagian-tugas",
    file: J,
    edit: (s) => s.replace("    program: [klaster-3]\n", ""),
    at: "pembagian_tugas:",
  },
  {
    rule: "pertama/beban-kerja",
    file: J,
    edit: (s) => s.replace("    tugas: [Pelaporan bulanan]\n", ""),
    at: "- pegawai: tu\n  - pegawai: bidan\n    program",
  },
  {
    rule: "pertama/wilayah-binaan",
    file: J,
    edit: (s) => s.replace("wilayah_binaan: [Talang]", "wilayah_binaan: [Talang, Talangg]"),
    at: "wilayah_binaan: [Talang, Talangg]",
  },
  {
    rule: "referensi/desa",
    file: T3,
    edit: (s) => s.replace("  - desa: Talang\n", "  - desa: Talangg\n"),
    at: "- desa: Talangg",
  },
  {
    rule: "pertama/poa",
    file: J,
    edit: (s) => s.replace("    jadwal: [2, 5, 8, 11]\n", ""),
    at: "- program: klaster-2\n    indikator: bumil",
  },
  {
    rule: "pertama/kesepakatan",
    file: J,
    edit: (s) => s.replace("    ditandatangani: [kapus, bidan, perawat]\n", ""),
    at: "kesepakatan:",
  },
  {
    rule: "pertama/referensi",
    file: J,
    edit: (s) => s.replace("penanggung_jawab: bidan", "penanggung_jawab: bidann"),
    at: "penanggung_jawab: bidann",
  },
  {
    rule: "tribulanan/tanggal",
    file: T3,
    edit: (s) => s.replace("tanggal: 2024-03-19", "tanggal: 2024-04-02"),
    at: "tanggal: 2024-04-02",
  },
  {
    rule: "tribulanan/peserta",
    file: T3,
    edit: (s) => s.replace("pimpinan: camat", "pimpinan: camatt"),
    at: "pimpinan:",
  },
  {
    rule: "tribulanan/lintas-sektor",
    file: T6,
    edit: (s) => s.replace(/ {2}- peserta: camat\n {4}status: hadir\n {2}- peserta: pkk\n {4}status: hadir\n/, ""),
    at: "hadir:",
  },
  {
    rule: "tribulanan/hadir",
    file: T3,
    edit: (s) => s.replace("    instansi: Posyandu Melati Talang\n", ""),
    at: "- nama: Joko Kader",
  },
  {
    rule: "tribulanan/stakeholder",
    file: T3,
    edit: (s) =>
      s.replace(
        "rencana_terpadu:\n",
        "stakeholder:\n  - nama: Camat Rimba\n    pengaruh: tinggi\n    kepentingan: tinggi\n" +
          "  - nama: Camat Rimba\n    pengaruh: tinggi\n    kepentingan: rendah\nrencana_terpadu:\n",
      ),
    at: "  - nama: Camat Rimba\n    pengaruh: tinggi\n    kepentingan: rendah",
  },
  {
    rule: "tribulanan/undangan",
    file: T3,
    edit: (s) => s.replace("tanggal: 2024-03-12", "tanggal: 2024-03-18"),
    at: "tanggal: 2024-03-18",
  },
  {
    rule: "tribulanan/capaian-wilayah",
    file: T6,
    edit: (s) => s.replace("    uraian: Ibu hamil 50 dari 60 terlayani", "    uraian: null"),
    at: "capaian_desa:",
  },
  {
    rule: "tribulanan/peran-sektor",
    file: T6,
    edit: (s) => s.replace("peran: Memantau pendataan desa", "peran: null"),
    at: "peran_sektor:",
  },
  {
    rule: "tribulanan/rencana-terpadu",
    file: T6,
    edit: (s) => s.replace(/rencana_terpadu:\n(  .*\n)+/, "rencana_terpadu: []\n"),
    at: "rencana_terpadu: []",
  },
  {
    rule: "tribulanan/musrenbang",
    file: T3,
    edit: (s) => s.replace(/usulan_musrenbang:\n(  .*\n)+/, "usulan_musrenbang: []\n"),
    at: "usulan_musrenbang: []",
  },
  {
    rule: "tribulanan/kesepakatan",
    file: T6,
    edit: (s) => s.replace("ditandatangani: [camat, kapus]", "ditandatangani: [camat]"),
    at: "ditandatangani: [camat]",
  },
  {
    rule: "tribulanan/kesepakatan-belum-dievaluasi",
    file: T6,
    edit: (s) => s.replace(/ {2}- id: 2024-03\/T02\n(    .*\n)+/, ""),
    at: "evaluasi_kesepakatan:",
  },
  {
    rule: "tribulanan/kesepakatan-id",
    file: T6,
    edit: (s) => s.replace("- id: 2024-03/T01", "- id: 2024-03/T09"),
    at: "- id: 2024-03/T09",
  },
  {
    rule: "tribulanan/tidak-dilaksanakan",
    file: "2024-03/rapat.yaml",
    edit: (s) => s,
    at: "bulan: 2024-03",
    setup: (root) => rmSync(path.join(root, T3)),
  },
  {
    rule: "pralokmin/tidak-dilaksanakan",
    file: "2024-03/rapat.yaml",
    edit: (s) => s,
    at: "bulan: 2024-03",
    setup: (root) => rmSync(path.join(root, P3)),
  },
  {
    rule: "pralokmin/tanggal",
    file: P3,
    edit: (s) => s.replace("tanggal: 2024-03-20", "tanggal: 2024-03-28"),
    at: "tanggal: 2024-03-28",
  },
  {
    rule: "pralokmin/notulen",
    file: P3,
    edit: (s) => s.replace(/pembahasan:\n(  .*\n)+/, "pembahasan: []\n"),
    at: "pembahasan: []",
  },
  {
    rule: "pralokmin/referensi",
    file: P3,
    edit: (s) => s.replace("klaster: klaster-2", "klaster: klaster-3"),
    at: "klaster: klaster-3",
  },
  {
    rule: "lintas-sektor/id-ganda",
    file: W,
    edit: (s) => s.replace("- id: polsek", "- id: bidan"),
    at: "- id: bidan\n      nama: Iptu",
  },
  {
    rule: "lintas-sektor/pejabat",
    file: W,
    edit: (s) => s.replace("penandatangan_undangan: kapus", "penandatangan_undangan: lurah"),
    at: "penandatangan_undangan: lurah",
  },
  {
    rule: "pralokmin/pengaturan",
    file: W,
    edit: (s) => s.replace("klaster: [klaster-2]", "klaster: [klaster-9]"),
    at: "klaster: [klaster-9]",
  },
];

export const YEAR_CASE_RULES = new Set(YEAR_CASES.map((c) => c.rule));
