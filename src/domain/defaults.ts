// Built-in starting points for `lokmin init`: the classic program list (UKM esensial with the
// SPM indicators) or the ILP clusters. Data, not assumptions: the workspace owns its copy.
import type { Program, Workspace } from "./schema.js";

type Seed = [id: string, nama: string, kelompok: string, indikator: Array<[id: string, nama: string, satuan: string]>];

const CLASSIC: Seed[] = [
  ["promkes", "Promosi Kesehatan", "ukm-esensial", [["phbs", "Rumah tangga ber-PHBS", "rumah tangga"]]],
  ["kesling", "Kesehatan Lingkungan", "ukm-esensial", [["stbm", "Desa STBM", "desa"]]],
  [
    "kia",
    "Kesehatan Ibu dan Anak",
    "ukm-esensial",
    [
      ["bumil", "Pelayanan kesehatan ibu hamil sesuai standar", "ibu hamil"],
      ["bulin", "Pelayanan kesehatan ibu bersalin sesuai standar", "ibu bersalin"],
      ["bbl", "Pelayanan kesehatan bayi baru lahir sesuai standar", "bayi baru lahir"],
    ],
  ],
  ["gizi", "Gizi", "ukm-esensial", [["balita", "Pelayanan kesehatan balita sesuai standar", "balita"]]],
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
  ["tb", "Tuberkulosis", "ukm-esensial", [["terduga-tb", "Pelayanan kesehatan orang terduga TB", "terduga TB"]]],
  ["hiv", "HIV/AIDS", "ukm-esensial", [["risiko-hiv", "Pelayanan kesehatan orang berisiko HIV", "orang berisiko"]]],
  ["imunisasi", "Imunisasi", "ukm-esensial", [["idl", "Imunisasi dasar lengkap", "bayi"]]],
  ["kb", "Keluarga Berencana", "ukm-esensial", [["kb-aktif", "Peserta KB aktif", "PUS"]]],
];

const CLUSTERS: Seed[] = [
  ["klaster-1", "Klaster 1 Manajemen", "klaster", []],
  [
    "klaster-2",
    "Klaster 2 Ibu dan Anak",
    "klaster",
    [
      ["bumil", "Pelayanan kesehatan ibu hamil sesuai standar", "ibu hamil"],
      ["bulin", "Pelayanan kesehatan ibu bersalin sesuai standar", "ibu bersalin"],
      ["bbl", "Pelayanan kesehatan bayi baru lahir sesuai standar", "bayi baru lahir"],
      ["balita", "Pelayanan kesehatan balita sesuai standar", "balita"],
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
    indikator: indikator.map(([iid, inama, satuan]) => ({
      id: iid,
      nama: inama,
      satuan,
      sasaran: 0,
      target: 100,
      spm: true,
    })),
  }));
  return { programs, groups };
}
