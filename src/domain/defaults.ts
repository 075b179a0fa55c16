// Built-in starting points for `lokmin init`: the classic program list (UKM esensial with the
// SPM indicators, and the register figures that verify them across programs: K1/K4, KN1, births,
// HB0, SKDN, TB cases) or the ILP clusters. Each indicator says how it accumulates: a count summed
// over the year (default), a state at the time of counting, or an average of the months. Data, not
// assumptions: the workspace owns its copy.
import type { Accumulation, Program, Workspace } from "./schema.js";

type IndicatorSeed = [id: string, nama: string, satuan: string, options?: { akumulasi?: Accumulation; spm?: boolean }];
type Seed = [id: string, nama: string, kelompok: string, indikator: IndicatorSeed[]];

const STATE = { akumulasi: "terakhir", spm: false } as const;
const AVERAGE = { akumulasi: "rata-rata", spm: false } as const;
const REGISTER = { spm: false } as const;

/** Pregnancy and birth: the SPM services with the visits and births they are verified against. */
const MATERNAL: IndicatorSeed[] = [
  ["bumil", "Pelayanan kesehatan ibu hamil sesuai standar", "ibu hamil"],
  ["k1", "Ibu hamil mendapat pelayanan antenatal pertama (K1)", "ibu hamil", REGISTER],
  ["k4", "Ibu hamil mendapat pelayanan antenatal keempat (K4)", "ibu hamil", REGISTER],
  ["bulin", "Pelayanan kesehatan ibu bersalin sesuai standar", "ibu bersalin"],
  ["lahir-hidup", "Bayi lahir hidup", "bayi", REGISTER],
  ["bbl", "Pelayanan kesehatan bayi baru lahir sesuai standar", "bayi baru lahir"],
  ["kn1", "Kunjungan neonatal pertama (KN1, 6–48 jam)", "bayi baru lahir", REGISTER],
];
/** Growth monitoring at the posyandu: S and K are registers (states), D and N the month's counts (averaged). */
const SKDN: IndicatorSeed[] = [
  ["balita-s", "Balita terdaftar di posyandu (S)", "balita", STATE],
  ["balita-k", "Balita memiliki buku KIA/KMS (K)", "balita", STATE],
  ["balita-d", "Balita ditimbang (D)", "balita", AVERAGE],
  ["balita-n", "Balita naik berat badannya (N)", "balita", AVERAGE],
];
const HB0: IndicatorSeed = ["hb0", "Bayi baru lahir mendapat imunisasi HB0 (< 24 jam)", "bayi", REGISTER];
const TB_FOUND: IndicatorSeed = ["tb-ditemukan", "Kasus TB ditemukan", "kasus", REGISTER];

const CLASSIC: Seed[] = [
  ["promkes", "Promosi Kesehatan", "ukm-esensial", [["phbs", "Rumah tangga ber-PHBS", "rumah tangga", STATE]]],
  ["kesling", "Kesehatan Lingkungan", "ukm-esensial", [["stbm", "Desa STBM", "desa", STATE]]],
  ["kia", "Kesehatan Ibu dan Anak", "ukm-esensial", MATERNAL],
  ["gizi", "Gizi", "ukm-esensial", [["balita", "Pelayanan kesehatan balita sesuai standar", "balita"], ...SKDN]],
  [
    "ukgs",
    "Kesehatan Usia Sekolah",
    "ukm-esensial",
    [["dikdas", "Pelayanan kesehatan usia pendidikan dasar", "anak usia sekolah"]],
  ],
  [
    "ptm",
    "Penyakit Tidak Menular",
    "ukm-esensial",
    [
      ["produktif", "Pelayanan kesehatan usia produktif", "orang"],
      ["ht", "Pelayanan kesehatan penderita hipertensi", "penderita"],
      ["dm", "Pelayanan kesehatan penderita diabetes melitus", "penderita"],
    ],
  ],
  ["lansia", "Kesehatan Lanjut Usia", "ukm-esensial", [["lansia", "Pelayanan kesehatan usia lanjut", "lansia"]]],
  ["keswa", "Kesehatan Jiwa", "ukm-pengembangan", [["odgj", "Pelayanan kesehatan ODGJ berat", "ODGJ berat"]]],
  [
    "tb",
    "Tuberkulosis",
    "ukm-esensial",
    [["terduga-tb", "Pelayanan kesehatan orang terduga TB", "terduga TB"], TB_FOUND],
  ],
  ["hiv", "HIV/AIDS", "ukm-esensial", [["risiko-hiv", "Pelayanan kesehatan orang berisiko HIV", "orang berisiko"]]],
  ["imunisasi", "Imunisasi", "ukm-esensial", [["idl", "Imunisasi dasar lengkap", "bayi"], HB0]],
  ["kb", "Keluarga Berencana", "ukm-esensial", [["kb-aktif", "Peserta KB aktif", "PUS", STATE]]],
];

const CLUSTERS: Seed[] = [
  ["klaster-1", "Klaster 1 Manajemen", "klaster", []],
  [
    "klaster-2",
    "Klaster 2 Ibu dan Anak",
    "klaster",
    [
      ...MATERNAL,
      HB0,
      ["balita", "Pelayanan kesehatan balita sesuai standar", "balita"],
      ...SKDN,
      ["dikdas", "Pelayanan kesehatan usia pendidikan dasar", "anak usia sekolah"],
    ],
  ],
  [
    "klaster-3",
    "Klaster 3 Usia Dewasa dan Lansia",
    "klaster",
    [
      ["produktif", "Pelayanan kesehatan usia produktif", "orang"],
      ["lansia", "Pelayanan kesehatan usia lanjut", "lansia"],
      ["ht", "Pelayanan kesehatan penderita hipertensi", "penderita"],
      ["dm", "Pelayanan kesehatan penderita diabetes melitus", "penderita"],
      ["odgj", "Pelayanan kesehatan ODGJ berat", "ODGJ berat"],
    ],
  ],
  [
    "klaster-4",
    "Klaster 4 Penanggulangan Penyakit Menular",
    "klaster",
    [
      ["terduga-tb", "Pelayanan kesehatan orang terduga TB", "terduga TB"],
      TB_FOUND,
      ["risiko-hiv", "Pelayanan kesehatan orang berisiko HIV", "orang berisiko"],
    ],
  ],
  ["klaster-5", "Klaster 5 Lintas Klaster", "klaster", []],
];

export function defaultPrograms(
  taxonomy: "program" | "klaster",
  coordinator: string,
): { programs: Program[]; groups: Workspace["kelompok"] } {
  const seeds = taxonomy === "klaster" ? CLUSTERS : CLASSIC;
  const groups =
    taxonomy === "klaster"
      ? [{ id: "klaster", nama: "Klaster ILP" }]
      : [
          { id: "ukm-esensial", nama: "UKM Esensial" },
          { id: "ukm-pengembangan", nama: "UKM Pengembangan" },
          { id: "ukp", nama: "UKP" },
        ];
  const programs = seeds.map(([id, nama, kelompok, indikator]) => ({
    id,
    nama,
    kelompok,
    penanggung_jawab: coordinator,
    indikator: indikator.map(([iid, inama, satuan, options]) => ({
      id: iid,
      nama: inama,
      satuan,
      sasaran: 0,
      target: 100,
      spm: options?.spm ?? true,
      ...(options?.akumulasi ? { akumulasi: options.akumulasi } : {}),
    })),
  }));
  return { programs, groups };
}
