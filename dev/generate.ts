// Workspace generator: writes a realistic, valid workspace of a fictional Puskesmas — the
// bundled example (6 months, 13 programs) and the large benchmark workspaces (years × programs).
// Every month is built with the same scaffold `lokmin new` uses, then filled in, so the files
// are in lokmin's canonical YAML form. Deterministic for a given seed.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { evaluationsToCarry, type MonthMeeting } from "../src/domain/commitments.js";
import { jsonSchemas } from "../src/domain/json-schema.js";
import { formatMonth, lastDay, parseMonth } from "../src/domain/month.js";
import { methodDef } from "../src/domain/rank/methods.js";
import { rankItems } from "../src/domain/rank/rank.js";
import { DEFAULT_CAUSE_CATEGORIES } from "../src/domain/analysis.js";
import {
  buildMeeting,
  buildProgramReport,
  indicatorComments,
  meetingComments,
  PROGRAM_COMMENTS,
} from "../src/domain/scaffold.js";
import { PRALOKMIN_COMMENTS, QUARTERLY_COMMENTS } from "../src/domain/scaffold-year.js";
import {
  clusterConfig,
  CROSS_SECTOR,
  evaluatePoa,
  fillFirstLokmin,
  fillPralokmin,
  fillQuarterly,
  POA_COMMITMENT,
  inSentence,
} from "./generate-year.js";
import { monthName } from "../src/domain/format-date.js";
import { commentsFor, type FileKindName, type YamlComment } from "../src/domain/yaml-file.js";
import { newYamlText } from "../src/io/new-yaml.js";
import type {
  CommitmentStatus,
  Meeting,
  Person,
  Program,
  ProgramReport,
  Stakeholder,
  Swot,
  Workspace,
} from "../src/domain/schema.js";
import type { StrategyId } from "../src/domain/swot.js";
import { programFigures, round } from "../src/domain/targets.js";

export interface GenerateOptions {
  out: string;
  /** Name of the fictional Puskesmas (default UPTD Puskesmas Sukamaju). */
  name?: string;
  startMonth: string;
  months: number;
  programs: number;
  seed: number;
  /** "klaster": the small ILP twin (three klaster, pralokmin every month). */
  taksonomi?: "program" | "klaster";
}

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
  };
}

const VILLAGES = ["Sukamaju", "Sidomulyo", "Karang Anyar", "Tanjung Sari", "Mekar Jaya"];

const STAFF: Array<[string, string, string, string | undefined]> = [
  ["ratna", "dr. Ratna Sari Dewi, M.Kes", "Kepala UPTD Puskesmas Sukamaju", "197803152005012004"],
  ["agus", "Agus Salim, S.Sos", "Kepala Subbagian Tata Usaha", "198006102006041003"],
  ["sri", "Sri Wahyuni, A.Md.Keb", "Bidan Koordinator / PJ KIA", "198204222008012011"],
  ["dewi", "Dewi Lestari, S.Gz", "Nutrisionis / PJ Gizi", "198911052014022002"],
  ["rudi", "Rudi Hartono, S.KM", "Sanitarian / PJ Kesehatan Lingkungan", "198503172010011008"],
  ["nurhayati", "Nurhayati, S.KM", "Promotor Kesehatan / PJ Promkes", "198707092011012015"],
  ["yuliana", "Yuliana, A.Md.Kep", "Perawat / PJ Imunisasi", "199001142015032003"],
  ["bambang", "Bambang Setiawan, A.Md.Kep", "Perawat / PJ TB", "198112302009031002"],
  ["fitri", "Fitri Handayani, S.Kep., Ns", "Perawat / PJ PTM", "198808212012022004"],
  ["siti", "Siti Aminah, A.Md.Keb", "Bidan / PJ KB", "198605122010012019"],
  ["fauzi", "Ahmad Fauzi, A.Md.Kep", "Perawat / PJ Lansia", "199203172019031005"],
  ["maya", "Maya Sari, S.Psi", "Psikolog / PJ Kesehatan Jiwa", "199105262020122006"],
  ["indah", "drg. Indah Permata", "Dokter Gigi / PJ UKGS", "198909182017042001"],
  ["teguh", "Teguh Prasetyo, A.Md.Kep", "Perawat / PJ HIV", "199307042022031001"],
  ["fajar", "dr. Fajar Nugroho", "Dokter / Koordinator UKP", "199002282019031004"],
  ["rina", "Rina Marlina, A.Md.AK", "Pranata Laboratorium", "199411102022032008"],
  ["putri", "apt. Putri Ayu, S.Farm", "Apoteker / PJ Farmasi", "199506152022032009"],
  ["lina", "Lina Oktaviani, A.Md", "Staf Tata Usaha (honorer)", undefined],
];

type ProgramSeed = [
  id: string,
  nama: string,
  kelompok: string,
  pj: string,
  indicators: Array<
    [id: string, nama: string, satuan: string, sasaran: number, target: number, pace: number, perDesa?: boolean]
  >,
];

const PROGRAMS: ProgramSeed[] = [
  [
    "kia",
    "Kesehatan Ibu dan Anak",
    "ukm-esensial",
    "sri",
    [
      ["bumil", "Pelayanan kesehatan ibu hamil sesuai standar", "ibu hamil", 812, 100, 0.86, true],
      ["bulin", "Pelayanan kesehatan ibu bersalin sesuai standar", "ibu bersalin", 775, 100, 1.1],
      ["bbl", "Pelayanan kesehatan bayi baru lahir sesuai standar", "bayi baru lahir", 738, 100, 1.12],
    ],
  ],
  [
    "gizi",
    "Gizi",
    "ukm-esensial",
    "dewi",
    [
      ["balita", "Pelayanan kesehatan balita sesuai standar", "balita", 3120, 100, 0.9, true],
      ["ttd-remaja", "Remaja putri mendapat tablet tambah darah", "remaja putri", 1450, 60, 1.15],
    ],
  ],
  [
    "imunisasi",
    "Imunisasi",
    "ukm-esensial",
    "yuliana",
    [["idl", "Imunisasi dasar lengkap", "bayi", 720, 95, 0.88, true]],
  ],
  [
    "promkes",
    "Promosi Kesehatan",
    "ukm-esensial",
    "nurhayati",
    [["phbs", "Rumah tangga ber-PHBS", "rumah tangga", 6400, 70, 1.14]],
  ],
  [
    "kesling",
    "Kesehatan Lingkungan",
    "ukm-esensial",
    "rudi",
    [["akses-jamban", "Keluarga dengan akses jamban sehat", "KK", 6400, 85, 1.12]],
  ],
  [
    "ptm",
    "Penyakit Tidak Menular",
    "ukm-esensial",
    "fitri",
    [
      ["produktif", "Pelayanan kesehatan usia produktif", "orang", 24800, 100, 0.8],
      ["ht", "Pelayanan kesehatan penderita hipertensi", "penderita", 5320, 100, 0.74],
      ["dm", "Pelayanan kesehatan penderita diabetes melitus", "penderita", 812, 100, 1.1],
    ],
  ],
  [
    "lansia",
    "Kesehatan Lanjut Usia",
    "ukm-esensial",
    "fauzi",
    [["lansia", "Pelayanan kesehatan usia lanjut", "lansia", 3950, 100, 1.04]],
  ],
  [
    "tb",
    "Tuberkulosis",
    "ukm-esensial",
    "bambang",
    [["terduga-tb", "Pelayanan kesehatan orang terduga TB", "terduga TB", 610, 100, 0.78]],
  ],
  [
    "hiv",
    "HIV/AIDS",
    "ukm-esensial",
    "teguh",
    [["risiko-hiv", "Pelayanan kesehatan orang berisiko terinfeksi HIV", "orang berisiko", 1480, 100, 1.13]],
  ],
  ["kb", "Keluarga Berencana", "ukm-esensial", "siti", [["kb-aktif", "Peserta KB aktif", "PUS", 5200, 75, 1.13]]],
  [
    "keswa",
    "Kesehatan Jiwa",
    "ukm-pengembangan",
    "maya",
    [["odgj", "Pelayanan kesehatan ODGJ berat", "ODGJ berat", 62, 100, 1.14]],
  ],
  [
    "ukgs",
    "Kesehatan Gigi Usia Sekolah",
    "ukm-pengembangan",
    "indah",
    [["dikdas", "Pelayanan kesehatan usia pendidikan dasar", "anak usia sekolah", 4300, 100, 1.18]],
  ],
  [
    "farmasi",
    "Kefarmasian",
    "ukp",
    "putri",
    [["obat-esensial", "Ketersediaan obat esensial", "item obat", 40, 90, 1.15]],
  ],
];

const ROOT_CAUSES: Array<[string, string[]]> = [
  [
    "Manusia",
    [
      "Kader posyandu belum terlatih pencatatan",
      "Petugas merangkap beberapa program",
      "Bidan desa cuti melahirkan, belum ada pengganti",
    ],
  ],
  [
    "Metode",
    [
      "Sweeping sasaran belum terjadwal",
      "Pencatatan kohort belum diperbarui tiap minggu",
      "Belum ada alur rujukan balik yang jelas",
    ],
  ],
  ["Dana", ["Dana BOK transport kader terlambat cair", "Anggaran PMT terbatas"]],
  ["Sarana & Prasarana", ["Alat ukur (tensimeter, timbangan) di posyandu rusak", "Reagen pemeriksaan habis stok"]],
  [
    "Lingkungan",
    [
      "Akses jalan ke dusun terputus saat musim hujan",
      "Sasaran bekerja di kebun pada jam layanan",
      "Sasaran pindah domisili tanpa lapor",
    ],
  ],
];

const SOLUTIONS = [
  "Sweeping sasaran door to door bersama kader",
  "Posyandu/posbindu sore hari di dusun terjauh",
  "Pelatihan penyegaran kader tentang pencatatan",
  "Koordinasi lintas sektor dengan kepala desa dan PKK",
  "Validasi data sasaran bersama bidan desa setiap minggu",
  "Pengajuan pengadaan alat dan reagen ke Dinas Kesehatan",
];

/** The SWOT strategy each solution above comes from (Perbup Pasal 17 ayat (2)). */
const SOLUTION_STRATEGY: StrategyId[] = ["SO", "ST", "WO", "SO", "WO", "WT"];

/** May's SWOT of its first priority problem. */
const SWOT: Swot = {
  kekuatan: ["Bidan desa tinggal di setiap desa", "Kader posyandu aktif di kelima desa"],
  kelemahan: ["Pencatatan kohort belum diperbarui tiap minggu", "Petugas merangkap beberapa program"],
  peluang: ["Dana desa dapat membiayai transport kader", "Camat mendukung gerakan pendataan sasaran"],
  ancaman: ["Akses jalan dusun terputus saat musim hujan", "Sasaran bekerja di kebun pada jam layanan"],
  strategi: {
    so: ["Sweeping sasaran bersama kader dengan dukungan kecamatan dan desa"],
    wo: ["Transport kader dari dana desa untuk validasi data sasaran setiap minggu"],
    st: ["Pelayanan sore hari di dusun terjauh oleh bidan desa"],
    wt: ["Jadwal pelayanan disesuaikan dengan musim hujan dan musim panen"],
  },
};

/** May's stakeholder map, prepared for the cross-sector support of the sweeping (Perbup Pasal 36). */
const STAKEHOLDERS: Stakeholder[] = [
  { nama: "Camat Sukamaju", instansi: "Kecamatan Sukamaju", pengaruh: "tinggi", kepentingan: "tinggi" },
  {
    nama: "Kepala Desa Tanjung Sari",
    instansi: "Pemerintah Desa Tanjung Sari",
    pengaruh: "tinggi",
    kepentingan: "tinggi",
  },
  { nama: "Kapolsek Sukamaju", instansi: "Polsek Sukamaju", pengaruh: "tinggi", kepentingan: "rendah" },
  { nama: "Kepala Desa Mekar Jaya", instansi: "Pemerintah Desa Mekar Jaya", pengaruh: "tinggi", kepentingan: "rendah" },
  { nama: "Ketua TP-PKK Kecamatan", instansi: "TP-PKK Kecamatan Sukamaju", pengaruh: "rendah", kepentingan: "tinggi" },
  { nama: "Kader Posyandu Mawar", instansi: "Desa Sidomulyo", pengaruh: "rendah", kepentingan: "tinggi" },
  {
    nama: "Pengelola kebun",
    instansi: "PT Sawit Lestari",
    pengaruh: "rendah",
    kepentingan: "rendah",
    keterangan: "Pekerja kebun adalah sasaran yang sulit dijangkau pada jam layanan",
  },
];

const INFORMASI = [
  ["Rapat koordinasi Dinas Kesehatan", "Penguatan pencatatan ASIK dan target SPM triwulan berjalan"],
  ["Rapat minggon Kecamatan", "Kecamatan mendukung gerakan jumat bersih dan pendataan ibu hamil oleh desa"],
  ["Surat edaran Dinas Kesehatan", "Bulan imunisasi anak nasional dan pelaporan mingguan kasus campak"],
];

function tinyPng(): Buffer {
  const size = 96;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const dx = x - size / 2 + 0.5;
      const dy = y - size / 2 + 0.5;
      const inCircle = dx * dx + dy * dy < (size / 2 - 2) ** 2;
      const inCross = (Math.abs(dx) < 9 && Math.abs(dy) < 30) || (Math.abs(dy) < 9 && Math.abs(dx) < 30);
      const [r, g, b] = !inCircle ? [255, 255, 255] : inCross ? [255, 255, 255] : [0, 128, 96];
      const offset = y * (size * 3 + 1) + 1 + x * 3;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function buildConfig(programCount: number): Workspace {
  const base = PROGRAMS.map(([id, nama, kelompok, pj, indicators]): Program => ({
    id,
    nama,
    kelompok,
    penanggung_jawab: pj,
    indikator: indicators.map(([iid, inama, satuan, sasaran, target, , perDesa]) => ({
      id: iid,
      nama: inama,
      satuan,
      sasaran,
      target,
      spm: target === 100,
      ...(perDesa ? { per_desa: true } : {}),
    })),
  }));
  const programs: Program[] = [];
  for (let i = 0; i < programCount; i++) {
    const seed = base[i % base.length];
    const round = Math.floor(i / base.length);
    programs.push(round === 0 ? seed : { ...seed, id: `${seed.id}-${round + 1}`, nama: `${seed.nama} ${round + 1}` });
  }
  const staff: Person[] = STAFF.map(([id, nama, jabatan, nip]) => ({ id, nama, ...(nip ? { nip } : {}), jabatan }));
  return {
    versi: 1,
    puskesmas: {
      nama: "UPTD Puskesmas Sukamaju",
      alamat: "Jl. Lintas Sumatera Km. 12 No. 45",
      kelurahan: "Sukamaju",
      kecamatan: "Sukamaju",
      kabupaten_kota: "Kabupaten Lembah Hijau",
      provinsi: "Sumatera Selatan",
      kode_pos: "31661",
      telepon: "(0733) 451234",
      email: "pkm.sukamaju@lembahhijau.example.id",
      logo: "logo.png",
      tempat_surat: "Sukamaju",
    },
    dinas_kesehatan: { nama: "Dinas Kesehatan Kabupaten Lembah Hijau", alamat: "Jl. Pembangunan No. 3, Lembah Hijau" },
    zona_waktu: "WIB",
    kertas: { ukuran: "A4", font: "Arial", ukuran_font: 12, margin_cm: { atas: 2, kanan: 2, bawah: 2.5, kiri: 3 } },
    surat: {
      pola_nomor: "{klasifikasi}/{urut}/{kode_unit}/{tahun}",
      kode_unit: "436.7.2.3.3",
      klasifikasi_undangan: "000.1.5",
      hari_minimal_undangan: 3,
    },
    pejabat: { kepala_puskesmas: "ratna", kasubag_tu: "agus" },
    pegawai: staff,
    desa: VILLAGES,
    kelompok: [
      { id: "ukm-esensial", nama: "UKM Esensial" },
      { id: "ukm-pengembangan", nama: "UKM Pengembangan" },
      { id: "ukp", nama: "UKP, Kefarmasian dan Laboratorium" },
    ],
    program: programs,
    taksonomi: "program",
    lintas_sektor: CROSS_SECTOR,
    sop: { profil: "rutin-2022", nonaktif: [], tambahan: [] },
    penilaian: {
      metode_masalah: "usg",
      metode_solusi: "reinke",
      seri: "kriteria",
      urutan_kriteria: ["u", "s", "g"],
      usg: { skala: { min: 1, max: 5 }, rumus: "jumlah" },
      reinke: { skala: { min: 1, max: 5 } },
      mcua: {
        skala: { min: 1, max: 10 },
        kriteria: [
          { id: "besar", nama: "Besarnya masalah", bobot: 5 },
          { id: "gawat", nama: "Kegawatan", bobot: 4 },
          { id: "mudah", nama: "Kemudahan penanggulangan", bobot: 3 },
          { id: "dukungan", nama: "Dukungan kebijakan dan masyarakat", bobot: 2 },
        ],
      },
    },
    analisis: { kategori: [...DEFAULT_CAUSE_CATEGORIES], metode: ["fishbone"] },
    aturan: {},
  };
}

/** What an indicator counts ("ibu hamil"), for sentences about its targets. */
const unitOf = (config: Workspace, program: string | undefined, indicator: string | undefined) => {
  const found = config.program.find((p) => p.id === program)?.indikator.find((i) => i.id === indicator);
  if (!found) return indicator ?? "";
  if (found.satuan && found.satuan.includes(" ")) return found.satuan;
  return inSentence(found.nama).replace(/^(pelayanan kesehatan|cakupan|persentase) /, "");
};

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** The day itself, or the Monday after when it falls on a weekend (letters are dated on working days). */
const weekday = (iso: string) => {
  let day = iso;
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
};

/** Tuesday of the last full week: a typical Lokmin date. */
function meetingDate(month: string): string {
  let day = addDays(lastDay(parseMonth(month)!), -6);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 2) day = addDays(day, -1);
  return day;
}

/**
 * The example's two real mismatches of bbl ≈ bulin (newborns served and deliveries attended), with
 * the justification and cause the verification agreed (Perbup Pasal 9 ayat (3)): in April nine
 * babies born at the district hospital got their neonatal visits from the village midwives (and one
 * set of twins); in June two stillbirths, one early neonatal death and five babies taken out of the
 * area before their visits were complete.
 */
const EXAMPLE_MISMATCHES: Array<{
  month: string;
  program: string;
  total: number;
  record: { relasi: string; lingkup: "bulan_ini"; justifikasi: string; penyebab: string };
}> = [
  {
    month: "2024-04",
    program: "kia",
    total: 10,
    record: {
      relasi: "bbl-bulin",
      lingkup: "bulan_ini",
      justifikasi:
        "9 bayi lahir di RSUD Lembah Hijau dari ibu warga Sukamaju: persalinannya dicatat RSUD, kunjungan " +
        "neonatalnya oleh bidan desa; 1 pasang bayi kembar di Sidomulyo",
      penyebab: "Persalinan rujukan di RSUD tidak masuk register persalinan Puskesmas",
    },
  },
  {
    month: "2024-06",
    program: "kia",
    total: -8,
    record: {
      relasi: "bbl-bulin",
      lingkup: "bulan_ini",
      justifikasi:
        "2 bayi lahir mati (IUFD) dan 1 kematian neonatal dini di Tanjung Sari; 5 bayi dibawa pindah ke luar " +
        "wilayah sebelum kunjungan neonatal lengkap",
      penyebab: "Kunjungan neonatal tidak dapat dilengkapi untuk bayi yang meninggal atau pindah domisili",
    },
  },
];

interface State {
  cumulative: Map<string, number>;
  village: Map<string, number>;
  meetings: MonthMeeting[];
  quarterly: MonthMeeting[];
  previous: ProgramReport[];
  yearRand: ReturnType<typeof prng>;
}

/** How fast an indicator's coverage grows, from the seed that defines it (by program, else by indicator). */
function paceOf(programId: string, indicatorId: string): number {
  const seed = PROGRAMS.find(([id]) => programId.startsWith(id));
  const row = (seed ? [seed] : PROGRAMS).flatMap((s) => s[4]).find(([iid]) => iid === indicatorId);
  return row?.[5] ?? 1;
}

function fillPrograms(config: Workspace, month: string, rand: ReturnType<typeof prng>, state: State): ProgramReport[] {
  const m = parseMonth(month)!;
  if (m.month === 1) {
    state.cumulative.clear();
    state.village.clear();
  }
  return config.program.map((program) => {
    const report = buildProgramReport(config, month, program.id);
    const servedBy = new Map<string, { total: number; villages: number[] }>();
    report.indikator = report.indikator.map((indicator) => {
      const pace = paceOf(program.id, indicator.id);
      const dip = m.month === 3 || m.month === 4 ? 0.85 : 1;
      const expected = (indicator.sasaran * indicator.target_tahunan) / 100 / 12;
      const draw = rand.next();
      const births = indicator.id === "bbl" ? servedBy.get("bulin") : undefined;
      const mismatch = births && EXAMPLE_MISMATCHES.find((x) => x.month === month && x.program === program.id);
      // Newborns served follow the deliveries attended (the relation bbl ≈ bulin): a baby more or less
      // in the first village, or one of the example's two real mismatches.
      const noise = births && !mismatch ? Math.round(draw * 2) - 1 : 0;
      const served = births
        ? Math.max(0, births.total + noise + (mismatch ? mismatch.total : 0))
        : Math.max(0, Math.round(expected * pace * dip * (0.9 + draw * 0.2)));
      const key = `${program.id}/${indicator.id}`;
      const cumulative = (state.cumulative.get(key) ?? 0) + served;
      state.cumulative.set(key, cumulative);
      const filled = { ...indicator, bulan_ini: served, kumulatif: cumulative };
      const villages: number[] = [];
      servedBy.set(indicator.id, { total: served, villages });
      if (indicator.per_desa) {
        const shares = [0.28, 0.22, 0.2, 0.16, 0.14];
        let rest = served;
        filled.per_desa = indicator.per_desa.map((row, index) => {
          const following = births?.villages.length
            ? births.villages[index] + (index === 0 ? noise + (mismatch ? mismatch.total : 0) : 0)
            : Math.round(served * shares[index]);
          const part = index === shares.length - 1 ? rest : following;
          rest -= part;
          villages.push(part);
          const vkey = `${key}/${row.desa}`;
          const vcum = (state.village.get(vkey) ?? 0) + part;
          state.village.set(vkey, vcum);
          return {
            desa: row.desa,
            sasaran: Math.round(indicator.sasaran * shares[index]),
            bulan_ini: part,
            kumulatif: vcum,
          };
        });
      }
      return filled;
    });
    const pj = program.penanggung_jawab;
    report.laporan_kegiatan = [
      {
        kegiatan: `Pelayanan ${inSentence(program.nama)} di dalam gedung dan posyandu`,
        hasil: `Terlaksana sesuai jadwal di ${rand.int(4, 5)} desa`,
      },
      { kegiatan: "Pencatatan dan pelaporan bulanan", hasil: "Laporan dikirim tepat waktu" },
    ];
    report.rencana_bulan_ini = [`Kunjungan lapangan ${inSentence(program.nama)} ke desa ${rand.pick(VILLAGES)}`];
    const figures = programFigures(config, report.bulan, report);
    const behind = report.indikator.filter((i) => figures.get(i.id)?.behind);
    const behindUnits = [...new Set(behind.map((i) => unitOf(config, program.id, i.id)))];
    report.analisis = behind.length
      ? {
          orang: `Sasaran usia kerja yang belum datang ke posyandu (${behindUnits.join(", ")})`,
          waktu: "Jam layanan pagi bentrok dengan jam kerja; kunjungan turun saat musim panen",
          tempat: `Dusun terjauh di desa ${rand.pick(VILLAGES)}`,
        }
      : "Capaian sesuai atau di atas target kumulatif bulan ini.";
    report.rpk = [
      {
        kegiatan: `Posyandu / pelayanan luar gedung ${program.nama}`,
        sasaran: "Sasaran program di 5 desa",
        tujuan: "Menjangkau sasaran yang belum terlayani",
        volume: "1 kali per desa binaan",
        waktu: `Minggu ke-${rand.int(1, 4)}`,
        tempat: rand.pick(VILLAGES),
        penanggung_jawab: pj,
        biaya: "BOK",
      },
    ];
    return report;
  });
}

function fillMeeting(
  config: Workspace,
  month: string,
  programs: ProgramReport[],
  rand: ReturnType<typeof prng>,
  state: State,
  index: number,
): Meeting {
  const carried = evaluationsToCarry(state.meetings, month);
  const meeting = buildMeeting({ config, month, carried });
  const date = meetingDate(month);
  const m = parseMonth(month)!;
  meeting.tanggal = date;
  meeting.waktu = { mulai: "08.00", selesai: "12.00" };
  meeting.tempat = "Aula UPTD Puskesmas Sukamaju";
  meeting.undangan = {
    ...meeting.undangan!,
    nomor: `000.1.5/${String(40 + index * 17).padStart(3, "0")}/436.7.2.3.3/${m.year}`,
    tanggal: addDays(date, -rand.int(4, 6)),
  };
  const mismatches = EXAMPLE_MISMATCHES.filter(
    (x) => x.month === month && config.program.some((p) => p.id === x.program),
  );
  meeting.verifikasi_data = {
    tanggal: addDays(date, -2),
    hasil: mismatches.length
      ? "Data kohort KIA, register imunisasi dan laporan PTM dicocokkan; selisih bayi baru lahir dan ibu bersalin " +
        "dijustifikasi"
      : "Data kohort KIA, register imunisasi dan laporan PTM dicocokkan; selisih 3 sasaran ibu hamil sudah dikoreksi",
    dilaporkan: true,
    ...(mismatches.length ? { selisih: mismatches.map((x) => ({ ...x.record, diperbaiki: false })) } : {}),
  };
  meeting.persiapan = {
    kepala_puskesmas:
      "Umpan balik kinerja bulan lalu dan capaian kumulatif, kebijakan baru Dinas Kesehatan, rencana perbaikan " +
      "bulan depan",
    program: "Setiap PJ program menyiapkan laporan kinerja, analisis masalah dan RPK bulanan",
    tata_usaha: "Surat undangan, ruang aula, LCD proyektor, daftar hadir dan buku notulen disiapkan",
  };
  meeting.informasi = [{ sumber: INFORMASI[index % 3][0], isi: INFORMASI[index % 3][1] }];
  meeting.audit_internal =
    m.month % 2 === 0
      ? "Tim audit internal melaporkan 2 temuan minor pada pengelolaan rekam medis; tindak lanjut oleh PJ UKP"
      : null;
  if (meeting.langkah_khusus.includes("bulan_kedua"))
    meeting.musrenbang =
      "Usulan kesehatan dari 5 desa: pembangunan jamban sehat, PMT lokal balita, dan posbindu di setiap desa";
  if (meeting.langkah_khusus.includes("tengah_tahun"))
    meeting.evaluasi_tengah_tahun =
      "Evaluasi 6 bulan: 9 dari 16 indikator sesuai target kumulatif; hipertensi dan usia produktif tertinggal";
  if (meeting.langkah_khusus.includes("tribulanan"))
    meeting.bahan_tribulanan =
      "Capaian triwulan, usulan dukungan lintas sektor untuk sweeping sasaran dan akses jalan dusun";
  if (m.month === 5) meeting.ruk = "Penyusunan draf RUK tahun depan: kebutuhan tenaga bidan desa dan alat posbindu";
  const absentees = new Set([rand.pick(config.pegawai).id]);
  meeting.hadir = [
    ...meeting.hadir.map((row) => ({
      ...row,
      status:
        absentees.has(row.pegawai!) &&
        row.pegawai !== config.pejabat.kepala_puskesmas &&
        row.pegawai !== config.pejabat.kasubag_tu
          ? ("dinas_luar" as const)
          : ("hadir" as const),
    })),
    ...(m.month % 3 === 0
      ? [
          {
            nama: "Drs. Hasan Basri",
            jabatan: "Sekretaris Camat",
            instansi: "Kecamatan Sukamaju",
            status: "hadir" as const,
            narasumber: true,
          },
        ]
      : []),
  ];
  const present = meeting.hadir.filter((h) => h.status === "hadir").length;
  meeting.evaluasi_kehadiran =
    present === meeting.hadir.length
      ? `Hadir ${present} dari ${meeting.hadir.length} undangan; seluruh undangan hadir`
      : `Hadir ${present} dari ${meeting.hadir.length} undangan; yang berhalangan sudah memberi kabar`;
  meeting.evaluasi_kesepakatan = meeting.evaluasi_kesepakatan.map((e) => {
    if (e.uraian === POA_COMMITMENT) return evaluatePoa(e, month);
    const status: CommitmentStatus = rand.next() < 0.7 ? "selesai" : rand.next() < 0.5 ? "sebagian" : "belum";
    return {
      ...e,
      status,
      catatan:
        status === "selesai"
          ? "Terlaksana, bukti kegiatan terlampir"
          : status === "sebagian"
            ? "Baru terlaksana di sebagian desa; dilanjutkan bulan depan"
            : "Belum terlaksana karena petugas dinas luar; dijadwalkan ulang",
    };
  });

  const candidates = programs
    .flatMap((p) => {
      const figures = programFigures(config, p.bulan, p);
      return p.indikator.map((i) => ({ program: p.program, indikator: i.id, gap: figures.get(i.id)?.gap ?? 0 }));
    })
    .filter((c) => c.gap > 0)
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 3);
  const useMcua = m.month === 4;
  const analysis = prng(m.year * 100 + m.month);
  if (useMcua) meeting.metode = { masalah: "mcua" };
  const raters = ["ratna", "sri", "fitri"];
  meeting.masalah = candidates.map((c, i) => {
    const program = config.program.find((p) => p.id === c.program)!;
    const indicator = program.indikator.find((x) => x.id === c.indikator)!;
    // Every category of the fishbone has a cause: the first three drawn as before (so the rest of the
    // example keeps its values), the others from their own generator.
    const drawn = new Map([0, 1, 4].map((k) => [k, rand.pick(ROOT_CAUSES[k][1])]));
    const causes = ROOT_CAUSES.map(([kategori, list], k) => ({
      kategori,
      uraian: drawn.get(k) ?? analysis.pick(list),
    }));
    const scores = useMcua
      ? {
          skor_penilai: raters.map((penilai) => ({
            penilai,
            skor: { besar: rand.int(6, 9), gawat: rand.int(5, 9), mudah: rand.int(4, 8), dukungan: rand.int(5, 8) },
          })),
        }
      : { skor: { u: 5 - Math.min(i, 2), s: rand.int(3, 5), g: rand.int(3, 4) } };
    const withSwot = m.month === 5 && i === 0;
    const solusi = SOLUTIONS.slice(i % 3, (i % 3) + 3).map((uraian, k) => ({
      id: `s${k + 1}`,
      uraian,
      skor: { m: rand.int(3, 5), i: rand.int(3, 5), v: rand.int(3, 5), c: rand.int(1, 4) },
      ...(withSwot ? { strategi: SOLUTION_STRATEGY[(i % 3) + k] } : {}),
    }));
    return {
      id: `m${i + 1}`,
      judul: `Capaian ${inSentence(indicator.nama)} di bawah target`,
      program: c.program,
      indikator: c.indikator,
      kesenjangan: round(c.gap),
      akar_masalah: causes,
      ...scores,
      solusi,
      ...(withSwot ? { swot: SWOT } : {}),
    };
  });
  const file = `${month}/rapat.yaml`;
  const problemRanks = rankItems(
    meeting.masalah.map((p, i) => ({
      id: p.id,
      title: p.judul,
      skor: p.skor,
      skor_penilai: p.skor_penilai,
      path: ["masalah", i],
    })),
    methodDef(useMcua ? "mcua" : "usg", config.penilaian),
    { tieRule: config.penilaian.seri, tieOrder: config.penilaian.urutan_kriteria, file },
  );
  meeting.masalah = meeting.masalah.map((p, i) => {
    const solutionRanks = rankItems(
      p.solusi.map((s, k) => ({ id: s.id, title: s.uraian, skor: s.skor, path: [k] })),
      methodDef("reinke", config.penilaian, "solusi"),
      { tieRule: config.penilaian.seri, tieOrder: config.penilaian.urutan_kriteria, file },
    );
    const solusi = p.solusi.map((s, k) => ({
      ...s,
      total: solutionRanks.items[k].total!,
      peringkat: solutionRanks.items[k].rank!,
    }));
    const best = solusi.findIndex((s) => s.peringkat === 1);
    return {
      ...p,
      total: problemRanks.items[i].total!,
      peringkat: problemRanks.items[i].rank!,
      solusi: solusi.map((s, k) => (k === best ? { ...s, dipilih: true } : s)),
    };
  });
  if (m.month === 5) {
    meeting.metode = { analisis: ["fishbone", "stakeholder"] };
    Object.assign(meeting, withKeyAfter(meeting, "masalah", "stakeholder", STAKEHOLDERS));
  }
  const next = formatMonth({ year: m.month === 12 ? m.year + 1 : m.year, month: (m.month % 12) + 1 });
  meeting.rtl = meeting.masalah.map((p, i) => {
    const chosen = p.solusi.find((s) => s.dipilih) ?? p.solusi[0];
    const program = config.program.find((x) => x.id === p.program)!;
    return {
      id: `r${i + 1}`,
      masalah: p.id,
      kegiatan: chosen.uraian,
      sasaran: `Sasaran ${unitOf(config, p.program, p.indikator)} yang belum terlayani`,
      waktu: `Minggu ke-${i + 1} ${monthName(next)}`,
      penanggung_jawab: program.penanggung_jawab,
      biaya: "BOK",
      indikator_keberhasilan: `Kesenjangan capaian ${unitOf(config, p.program, p.indikator)} turun minimal 5 poin`,
    };
  });
  meeting.kesepakatan = meeting.rtl.map((r, i) => ({
    id: `${month}/K${String(i + 1).padStart(2, "0")}`,
    uraian: r.kegiatan,
    program: meeting.masalah[i].program,
    indikator: meeting.masalah[i].indikator,
    masalah: meeting.masalah[i].id,
    penanggung_jawab: r.penanggung_jawab,
    tenggat: addDays(lastDay(parseMonth(next)!), -5),
    target: r.indikator_keberhasilan!,
    ditandatangani: [config.pejabat.kepala_puskesmas, r.penanggung_jawab],
  }));
  meeting.pembahasan = meeting.agenda.map((item) => ({
    agenda: item.id,
    langkah: item.langkah,
    pembicara:
      item.langkah === "08-analisis-capaian" || item.langkah === "04-laporan-bulan-lalu"
        ? "sri"
        : config.pejabat.kepala_puskesmas,
    isi: `${item.judul}: dipaparkan dan dibahas bersama peserta`,
    keputusan: item.langkah === "14-komitmen" ? "Kesepakatan ditandatangani seluruh PJ program" : "Disepakati forum",
  }));
  meeting.laporan_dinkes = { tanggal_kirim: addDays(date, rand.int(1, 4)), cara: "email" };
  meeting.tindak_lanjut = carried.length
    ? "Laporan tindak lanjut kesepakatan bulan lalu dibacakan setiap PJ program dan dicatat dalam tabel " +
      "evaluasi kesepakatan"
    : "Belum ada kesepakatan bulan lalu untuk ditindaklanjuti";
  meeting.arsip = {
    sk_tim_efektif:
      `SK Kepala UPTD Puskesmas Sukamaju Nomor 400.7/012/436.7.2.3.3/${m.year} tentang Tim Lokakarya ` + `Mini`,
    materi: ["Paparan capaian program (PowerPoint)", "Rekap capaian SPM"],
  };
  if (m.month % 3 === 0) {
    meeting.supervisi = {
      tanggal: date,
      pembina: "Hendra Gunawan, SKM, M.Kes",
      jawaban: { "01": true, "02": true, "03": m.month !== 3 },
      umpan_balik: {
        tanggal: weekday(addDays(date, 5)),
        nomor: `400.7/${100 + m.month}/Dinkes/${m.year}`,
        rekomendasi: [
          "Pertajam analisis per desa untuk indikator hipertensi",
          "Lampirkan bukti tindak lanjut kesepakatan",
        ],
      },
    };
  }
  // The year's meetings draw from their own sequence, so adding them left the monthly data as it was.
  if (meeting.jenis === "pertama") fillFirstLokmin(config, meeting, month, state.yearRand);
  return meeting;
}

/** The object with `key` placed right after `after` (YAML keeps insertion order). */
function withKeyAfter<T extends object>(object: T, after: keyof T, key: string, value: unknown): T {
  const entries = Object.entries(object).filter(([k]) => k !== key);
  const at = entries.findIndex(([k]) => k === after) + 1;
  entries.splice(at, 0, [key, value]);
  for (const k of Object.keys(object)) delete (object as Record<string, unknown>)[k];
  return Object.assign(object, Object.fromEntries(entries));
}

function writeYaml(root: string, file: string, kind: FileKindName, value: object, comments: YamlComment[]) {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, newYamlText({ file, kind, value, comments }));
}

/**
 * The codes the Dinas' DHIS2 uses (lokmin.yaml's `dhis2`): the Puskesmas' org unit, each village as an
 * org unit below it, and per indicator a data element for the month's count and one for the cumulative
 * figure; the school programme (UKGS) is reported to the Dinas another way, so it is not sent.
 */
function dhis2Mapping(config: Workspace): NonNullable<Workspace["dhis2"]> {
  const code = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]+/g, "-");
  const unit = `PKM-LHJ-${code(config.puskesmas.nama.replace(/^UPTD Puskesmas /, ""))}`;
  const skip = config.program
    .filter((p) => p.id.startsWith("ukgs"))
    .flatMap((p) => p.indikator.map((i) => `${p.id}/${i.id}`));
  const perVillage = config.program.some((p) => p.indikator.some((i) => i.per_desa));
  return {
    unit_organisasi: unit,
    desa_sebagai: "unit_organisasi",
    desa: perVillage ? config.desa.map((desa) => ({ desa, kode: `DS-LHJ-${code(desa)}` })) : [],
    elemen_data: config.program.flatMap((p) =>
      p.indikator
        .filter((i) => !skip.includes(`${p.id}/${i.id}`))
        .map((i) => ({
          indikator: `${p.id}/${i.id}`,
          bulan_ini: `LKM-${code(p.id)}-${code(i.id)}-BLN`,
          kumulatif: `LKM-${code(p.id)}-${code(i.id)}-KUM`,
        })),
    ),
    tidak_dikirim: skip,
  };
}

export function generateWorkspace(options: GenerateOptions): Workspace {
  const rand = prng(options.seed);
  const base = buildConfig(options.programs);
  const config = options.taksonomi === "klaster" ? clusterConfig(base) : base;
  if (options.name) config.puskesmas.nama = options.name;
  config.dhis2 = dhis2Mapping(config);
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  writeYaml(
    options.out,
    "lokmin.yaml",
    "workspace",
    config,
    commentsFor(config, {
      puskesmas: "Identitas dan kop surat",
      pegawai: "Pegawai; NIP selalu dalam tanda kutip",
      program: "Program, koordinator dan indikator (sasaran setahun, target %)",
      penilaian: "Metode prioritas dan skala (disepakati forum Lokmin)",
      analisis: "Kategori akar masalah (tulang fishbone) dan alat analisis forum (Perbup Pasal 15, 17, 36)",
      dhis2: "Kode DHIS2 Dinas: unit organisasi, desa, elemen data (lokmin export --format dhis2)",
    }),
  );
  writeFileSync(path.join(options.out, "logo.png"), tinyPng());
  for (const [name, content] of Object.entries(jsonSchemas())) {
    mkdirSync(path.join(options.out, ".lokmin/schema"), { recursive: true });
    writeFileSync(path.join(options.out, ".lokmin/schema", name), content);
  }
  const state: State = {
    cumulative: new Map(),
    village: new Map(),
    meetings: [],
    quarterly: [],
    previous: [],
    yearRand: prng(options.seed + 1),
  };
  let current = parseMonth(options.startMonth)!;
  for (let i = 0; i < options.months; i++) {
    const month = formatMonth(current);
    const programs = fillPrograms(config, month, rand, state);
    const meeting = fillMeeting(config, month, programs, rand, state, i);
    state.meetings.push({ id: month, file: `${month}/rapat.yaml`, meeting });
    writeYaml(options.out, `${month}/rapat.yaml`, "meeting", meeting, meetingComments(config, meeting));
    if (parseMonth(month)!.month % 3 === 0) {
      const quarterly = fillQuarterly(config, month, meeting.tanggal!, programs, state.quarterly, state.yearRand);
      state.quarterly.push({ id: month, file: `${month}/tribulanan.yaml`, meeting: quarterly });
      writeYaml(
        options.out,
        `${month}/tribulanan.yaml`,
        "tribulanan",
        quarterly,
        commentsFor(quarterly, QUARTERLY_COMMENTS),
      );
    }
    if (config.pralokmin) {
      for (const pralokmin of fillPralokmin(config, month, meeting.tanggal!)) {
        const file = `${month}/pralokmin/${pralokmin.klaster}.yaml`;
        writeYaml(options.out, file, "pralokmin", pralokmin, commentsFor(pralokmin, PRALOKMIN_COMMENTS));
      }
    }
    for (const report of programs) {
      const previous = state.previous.find(
        (p) => p.program === report.program && p.bulan.slice(0, 4) === month.slice(0, 4),
      );
      const comments = [...commentsFor(report, PROGRAM_COMMENTS), ...indicatorComments(config, report, previous)];
      writeYaml(options.out, `${month}/program/${report.program}.yaml`, "program", report, comments);
    }
    state.previous = programs;
    current = parseMonth(
      formatMonth({ year: current.month === 12 ? current.year + 1 : current.year, month: (current.month % 12) + 1 }),
    )!;
  }
  return config;
}

function parseArgs(argv: string[]): GenerateOptions {
  const get = (name: string, fallback: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : fallback;
  };
  const years = Number(get("years", "0"));
  return {
    out: get("out", "bench/out/workspace"),
    startMonth: get("start", "2024-01"),
    months: years > 0 ? years * 12 : Number(get("months", "6")),
    programs: Number(get("programs", "13")),
    seed: Number(get("seed", "20240101")),
    name: get("nama", "") || undefined,
    taksonomi: get("taksonomi", "program") === "klaster" ? "klaster" : "program",
  };
}

if (process.argv[1] && /generate\.(js|ts)$/.test(process.argv[1])) {
  const argv = process.argv.slice(2);
  const paket = argv.indexOf("--paket");
  if (paket >= 0) {
    // `--paket N --out DIR`: N Puskesmas × 12 monthly packages (dev/generate-paket.ts).
    const { generatePackages } = await import("./generate-paket.js");
    const out = argv[argv.indexOf("--out") + 1] ?? "bench/out/paket";
    const count = Number(argv[paket + 1]);
    await generatePackages({ out, count, seed: Number(parseArgs(argv).seed) });
    process.stdout.write(`paket: ${out} (${count} Puskesmas × 12 bulan)\n`);
    process.exit(0);
  }
  const options = parseArgs(argv);
  const config = generateWorkspace(options);
  process.stdout.write(`workspace: ${options.out} (${options.months} bulan × ${config.program.length} program)\n`);
}
