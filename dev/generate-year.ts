// The year's meetings for the generated workspaces: the cross-sector roster, what the first Lokmin
// of each year records (tasks, wilayah binaan, the POA and its kesepakatan), the quarterly
// cross-sector Lokmin at the end of each quarter, the pralokmin of each klaster, and the small ILP
// twin's configuration. Built on the same scaffolds `lokmin new` uses, then filled in.
import type { MonthMeeting } from "../src/domain/commitments.js";
import { evaluationsToCarry } from "../src/domain/commitments.js";
import { number } from "../src/domain/format-id.js";
import { lastDay, parseMonth } from "../src/domain/month.js";
import { buildPralokmin, buildQuarterlyMeeting, pralokminClusters } from "../src/domain/scaffold-year.js";
import type {
  CommitmentStatus,
  Meeting,
  Pralokmin,
  ProgramReport,
  QuarterlyMeeting,
  Workspace,
} from "../src/domain/schema.js";

type Rand = { next: () => number; int: (min: number, max: number) => number };

/** A name inside a sentence: words in lower case, acronyms (TB, HIV/AIDS, PTM) kept. */
export const inSentence = (name: string) =>
  name
    .split(" ")
    .map((word) => (/[A-Z].*[A-Z]/.test(word) ? word : word.toLowerCase()))
    .join(" ");

const programName = (config: Workspace, id: string) => config.program.find((p) => p.id === id)?.nama ?? id;

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export const CROSS_SECTOR: NonNullable<Workspace["lintas_sektor"]> = {
  pimpinan: "camat",
  penandatangan_undangan: "ratna",
  tempat: "Aula Kantor Camat Sukamaju",
  peserta: [
    {
      id: "camat",
      nama: "Drs. H. Syamsul Bahri, M.Si",
      jabatan: "Camat Sukamaju",
      instansi: "Kecamatan Sukamaju",
      sektor: "camat",
      nip: "197106121997031004",
      pangkat: "Pembina (IV/a)",
    },
    {
      id: "kades-sidomulyo",
      nama: "Sugeng Riyadi",
      jabatan: "Kepala Desa Sidomulyo",
      instansi: "Pemerintah Desa Sidomulyo",
      sektor: "desa",
      desa: "Sidomulyo",
    },
    {
      id: "kades-tanjung-sari",
      nama: "Hj. Rohana",
      jabatan: "Kepala Desa Tanjung Sari",
      instansi: "Pemerintah Desa Tanjung Sari",
      sektor: "desa",
      desa: "Tanjung Sari",
    },
    {
      id: "pkk",
      nama: "Ny. Lestari Syamsul",
      jabatan: "Ketua TP-PKK Kecamatan",
      instansi: "TP-PKK Kecamatan Sukamaju",
      sektor: "pkk",
    },
    {
      id: "danramil",
      nama: "Kapten Inf. Wahyu Hidayat",
      jabatan: "Danramil Sukamaju",
      instansi: "Koramil Sukamaju",
      sektor: "tni",
    },
    {
      id: "kapolsek",
      nama: "AKP Darmawan",
      jabatan: "Kapolsek Sukamaju",
      instansi: "Polsek Sukamaju",
      sektor: "polri",
    },
    {
      id: "kua",
      nama: "H. Abdul Rahman, S.Ag",
      jabatan: "Kepala KUA Kecamatan Sukamaju",
      instansi: "KUA Kecamatan Sukamaju",
      sektor: "kua",
    },
    {
      id: "kepsek",
      nama: "Sumarni, S.Pd",
      jabatan: "Kepala SD Negeri 1 Sukamaju",
      instansi: "SD Negeri 1 Sukamaju",
      sektor: "sekolah",
    },
  ],
};

const OTHER_TASKS: Record<string, string[]> = {
  ratna: ["Penanggung jawab wilayah kerja", "Pembinaan Pustu"],
  agus: ["Administrasi, keuangan dan pelaporan bulanan"],
  fajar: ["Koordinator pelayanan dalam gedung (UKP)"],
  rina: ["Pelayanan laboratorium"],
  lina: ["Administrasi umum dan kearsipan"],
};

const ACTIVITY: Record<string, string> = {
  bumil: "Kelas ibu hamil dan kunjungan ANC terpadu",
  bulin: "Pendampingan persalinan di fasilitas kesehatan",
  bbl: "Kunjungan neonatal ke rumah",
  balita: "Posyandu balita dan pemantauan pertumbuhan",
  idl: "Imunisasi rutin di posyandu",
  ht: "Posbindu PTM di setiap desa",
  dm: "Skrining gula darah di posbindu",
  produktif: "Skrining usia produktif di tempat kerja",
  lansia: "Posyandu lansia",
  "terduga-tb": "Investigasi kontak dan penjaringan terduga TB",
};

export const POA_COMMITMENT = "Seluruh pegawai melaksanakan POA tahun ini sesuai pembagian tugas dan wilayah binaan";

/** The POA kesepakatan's evaluation: under way until its deadline month, then done (no random draw). */
export function evaluatePoa<E extends { tenggat?: string }>(e: E, month: string) {
  const done = (e.tenggat ?? "") <= lastDay(parseMonth(month)!);
  return done
    ? { ...e, status: "selesai" as const, catatan: "Kegiatan POA triwulan I terlaksana 92%" }
    : { ...e, status: "sebagian" as const, catatan: "POA berjalan sesuai jadwal" };
}

/** The first Lokmin of a year: tasks and villages divided, the POA filled from the RPK, one kesepakatan on it. */
export function fillFirstLokmin(config: Workspace, meeting: Meeting, month: string, rand: Rand): void {
  const field = config.pegawai.filter((p) =>
    config.program.some((x) => x.penanggung_jawab === p.id || x.anggota?.includes(p.id)),
  );
  const binaan = (id: string) => config.desa.filter((_, i) => field[i % field.length]?.id === id);
  meeting.pembagian_tugas = (meeting.pembagian_tugas ?? []).map((row) => ({
    ...row,
    tugas: OTHER_TASKS[row.pegawai] ?? (row.program.length ? [] : ["Pelayanan dalam gedung"]),
    wilayah_binaan: binaan(row.pegawai),
  }));
  meeting.poa = (meeting.poa ?? []).map((row) => {
    const step = rand.int(1, 3);
    return {
      ...row,
      kegiatan:
        ACTIVITY[row.indikator ?? ""] ?? `Pelayanan dan pencatatan ${inSentence(programName(config, row.program))}`,
      tujuan: "Capaian sesuai target tahunan",
      lokasi: "Seluruh desa wilayah kerja",
      jadwal: Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => (m - 1) % step === 0),
      biaya: `Rp ${(rand.int(4, 24) * 500_000).toLocaleString("id-ID")}`,
      sumber_dana: rand.next() < 0.7 ? "BOK" : "JKN",
    };
  });
  const pjs = [...new Set(config.program.map((p) => p.penanggung_jawab))];
  const id = `${month}/K${String(meeting.kesepakatan.length + 1).padStart(2, "0")}`;
  meeting.kesepakatan.push({
    id,
    uraian: POA_COMMITMENT,
    penanggung_jawab: config.pejabat.kepala_puskesmas,
    tenggat: lastDay({ year: parseMonth(month)!.year, month: 3 }),
    target: "Kegiatan POA triwulan I terlaksana minimal 90%",
    ditandatangani: [config.pejabat.kepala_puskesmas, ...pjs.filter((p) => p !== config.pejabat.kepala_puskesmas)],
  });
  const first = meeting.pembahasan.find((p) => p.agenda === meeting.agenda[0]?.id);
  if (first) {
    first.isi = "Pembagian tugas dan wilayah binaan dibacakan; beban kerja setiap pegawai ditimbang bersama";
    first.keputusan = "Matriks tugas dan wilayah binaan disepakati";
  }
}

/** The quarterly cross-sector Lokmin of a month at the end of a quarter, filled in. */
export function fillQuarterly(
  config: Workspace,
  month: string,
  monthlyDate: string,
  programs: readonly ProgramReport[],
  quarterly: readonly MonthMeeting[],
  rand: Rand,
): QuarterlyMeeting {
  const carried = evaluationsToCarry(quarterly, month);
  const earlier = quarterly.some((q) => q.id < month && q.id.slice(0, 4) === month.slice(0, 4));
  const meeting = buildQuarterlyMeeting({ config, month, carried, quarterlyEarlier: earlier });
  const date = addDays(monthlyDate, -5);
  const m = parseMonth(month)!;
  meeting.tanggal = date;
  meeting.waktu = { mulai: "09.00", selesai: "12.00" };
  meeting.undangan = {
    ...meeting.undangan!,
    nomor: `000.1.5/${String(60 + m.month * 11).padStart(3, "0")}/436.7.2.3.3/${m.year}`,
    tanggal: addDays(date, -7),
  };
  meeting.hadir = meeting.hadir.map((h, i) => ({ ...h, status: i === 4 ? "dinas_luar" : "hadir" }));
  meeting.hadir.push({ nama: "Marlina", jabatan: "Kader Posyandu Melati", instansi: "Desa Sukamaju", status: "hadir" });
  const bumil = programs.flatMap((p) => p.indikator).find((i) => i.per_desa?.length);
  meeting.capaian_desa = meeting.capaian_desa.map((row) => {
    const village = bumil?.per_desa?.find((v) => v.desa === row.desa);
    const percent = village?.sasaran && village.kumulatif !== null ? (village.kumulatif / village.sasaran) * 100 : null;
    return {
      ...row,
      uraian:
        village && percent !== null
          ? `Ibu hamil ${village.kumulatif} dari ${village.sasaran} terlayani (${number(percent, 1, 1)}%)`
          : "Capaian dibahas per indikator",
    };
  });
  const roles: Record<string, string> = {
    "Kecamatan Sukamaju": "Menggerakkan pemerintah desa mendata sasaran dan mendukung posyandu",
    "Pemerintah Desa Sidomulyo": "Menganggarkan PMT lokal dari dana desa",
    "Pemerintah Desa Tanjung Sari": "Memperbaiki akses jalan dusun ke posyandu",
    "TP-PKK Kecamatan Sukamaju": "Kader PKK mendampingi kelas ibu hamil dan posyandu",
    "Koramil Sukamaju": "Babinsa membantu sweeping sasaran imunisasi",
    "Polsek Sukamaju": "Bhabinkamtibmas ikut penyuluhan bahaya narkoba di sekolah",
    "KUA Kecamatan Sukamaju": "Penyuluhan kesehatan calon pengantin",
    "SD Negeri 1 Sukamaju": "Menjadwalkan penjaringan kesehatan anak sekolah",
  };
  meeting.peran_sektor = meeting.peran_sektor.map((p) => ({ ...p, peran: roles[p.instansi] ?? "Dukungan sektor" }));
  // Who can move the sectors, and who cares (Perbup Pasal 36); the map is drawn in the notulen.
  meeting.stakeholder = [
    { nama: "Camat Sukamaju", instansi: "Kecamatan Sukamaju", pengaruh: "tinggi", kepentingan: "tinggi" },
    {
      nama: "Kepala Desa Tanjung Sari",
      instansi: "Pemerintah Desa Tanjung Sari",
      pengaruh: "tinggi",
      kepentingan: "rendah",
    },
    { nama: "Ketua TP-PKK", instansi: "TP-PKK Kecamatan Sukamaju", pengaruh: "rendah", kepentingan: "tinggi" },
    { nama: "Danramil", instansi: "Koramil Sukamaju", pengaruh: "tinggi", kepentingan: "rendah" },
    { nama: "Kepala Sekolah", instansi: "SD Negeri 1 Sukamaju", pengaruh: "rendah", kepentingan: "rendah" },
  ];
  meeting.rencana_terpadu = [
    {
      instansi: "Pemerintah Desa Tanjung Sari",
      kegiatan: "Pendataan ibu hamil dan balita door to door bersama kader",
      waktu: "Bulan pertama triwulan berikutnya",
      lokasi: "Desa Tanjung Sari",
      sumber_daya: "Dana desa, kader",
      penanggung_jawab: "kades-tanjung-sari",
    },
    {
      instansi: "TP-PKK Kecamatan Sukamaju",
      kegiatan: "Pendampingan kelas ibu hamil di 5 desa",
      waktu: "Setiap bulan",
      lokasi: "Seluruh desa",
      sumber_daya: "Kader PKK",
      penanggung_jawab: "pkk",
    },
    {
      instansi: "Koramil Sukamaju",
      kegiatan: "Sweeping sasaran imunisasi di dusun terjauh",
      waktu: "Minggu kedua",
      lokasi: "Dusun terjauh",
      sumber_daya: "Babinsa",
      penanggung_jawab: "danramil",
    },
  ];
  meeting.evaluasi_kesepakatan = meeting.evaluasi_kesepakatan.map((e) => {
    const status: CommitmentStatus = rand.next() < 0.6 ? "selesai" : "sebagian";
    return {
      ...e,
      status,
      catatan: status === "selesai" ? "Terlaksana, laporan desa diterima" : "Baru sebagian desa; dilanjutkan",
    };
  });
  const ditandatangani = (pj: string) => [...new Set(["camat", pj, config.pejabat.kepala_puskesmas])];
  const deadline = lastDay({ year: m.month === 12 ? m.year + 1 : m.year, month: ((m.month + 2) % 12) + 1 });
  meeting.kesepakatan = [
    {
      id: `${month}/T01`,
      uraian: "Desa Tanjung Sari menuntaskan pendataan ibu hamil dan balita",
      instansi: "Pemerintah Desa Tanjung Sari",
      penanggung_jawab: "kades-tanjung-sari",
      tenggat: addDays(deadline, -20),
      target: "Data sasaran lengkap dan diserahkan ke Puskesmas",
      ditandatangani: ditandatangani("kades-tanjung-sari"),
    },
    {
      id: `${month}/T02`,
      uraian: "TP-PKK mendampingi kelas ibu hamil di setiap desa",
      instansi: "TP-PKK Kecamatan Sukamaju",
      penanggung_jawab: "pkk",
      tenggat: deadline,
      target: "Kelas ibu hamil berjalan di 5 desa",
      ditandatangani: ditandatangani("pkk"),
    },
  ];
  meeting.usulan_musrenbang =
    meeting.jenis === "tribulanan-pertama"
      ? [
          {
            usulan: "Perbaikan jalan dusun menuju Posyandu Melati",
            lokasi: "Desa Tanjung Sari",
            sasaran: "120 KK, 18 ibu hamil",
            alasan: "Akses terputus saat musim hujan",
            pengusul: "Pemerintah Desa Tanjung Sari",
          },
          {
            usulan: "PMT lokal balita gizi kurang dari dana desa",
            lokasi: "Seluruh desa",
            sasaran: "45 balita",
            alasan: "Capaian balita di bawah target",
            pengusul: "UPTD Puskesmas Sukamaju",
          },
        ]
      : [
          {
            usulan: "Posbindu PTM di kantor desa setiap bulan",
            lokasi: "Seluruh desa",
            sasaran: "Usia produktif",
            alasan: "Capaian hipertensi tertinggal",
            pengusul: "UPTD Puskesmas Sukamaju",
          },
        ];
  meeting.pembahasan = meeting.agenda.map((item) => ({
    agenda: item.id,
    langkah: item.langkah,
    pembicara: item.langkah === "capaian-wilayah" ? config.pejabat.kepala_puskesmas : "camat",
    isi: `${item.judul}: dipaparkan dan ditanggapi setiap sektor`,
    keputusan: item.langkah === "kesepakatan" ? "Kesepakatan ditandatangani seluruh sektor" : "Disepakati",
  }));
  meeting.laporan_dinkes = { tanggal_kirim: addDays(date, 3), cara: "email" };
  return meeting;
}

/** Each klaster's pralokmin on a working day before the Lokmin (a Tuesday), held and recorded. */
export function fillPralokmin(config: Workspace, month: string, lokminDate: string): Pralokmin[] {
  return pralokminClusters(config).map((klaster, index) => {
    const file = buildPralokmin(config, month, klaster, "13.00");
    return {
      ...file,
      tanggal: addDays(lokminDate, -[1, 4, 5, 6][index % 4]),
      waktu: { mulai: "13.00", selesai: "14.30" },
      tempat: "Ruang rapat Puskesmas",
      hadir: file.hadir.map((h) => ({ ...h, status: "hadir" as const })),
      pembahasan: [
        {
          pembicara: klaster.penanggung_jawab,
          isi: `PWS ${klaster.nama}: capaian per desa dari SIMPUS dan laporan Pustu dibahas`,
          keputusan: "Indikator tertinggal dibawa ke Lokmin sebagai kandidat masalah",
        },
      ],
      bahan_lokmin: `Capaian ${klaster.nama}, masalah per desa dan usulan RTL`,
    };
  });
}

/** The ILP twin: three klaster, nine staff, the same villages and sectors, pralokmin for every klaster. */
export function clusterConfig(base: Workspace): Workspace {
  const keep = new Set(["ratna", "agus", "sri", "dewi", "yuliana", "fitri", "fauzi", "bambang", "teguh"]);
  const lead: Record<string, string> = { sri: "PJ Klaster 2", fitri: "PJ Klaster 3", bambang: "PJ Klaster 4" };
  const indicator = (programId: string, id: string) =>
    base.program.find((p) => p.id === programId)!.indikator.find((i) => i.id === id)!;
  return {
    ...base,
    puskesmas: {
      ...base.puskesmas,
      nama: "UPTD Puskesmas Sukamaju Klaster",
      email: "pkm.sukamaju.ilp@lembahhijau.example.id",
    },
    taksonomi: "klaster",
    pegawai: base.pegawai
      .filter((p) => keep.has(p.id))
      .map((p) => {
        const job = p.jabatan.replace(/ \/ PJ [A-Za-z ]+$/, "");
        return { ...p, jabatan: lead[p.id] ? `${job} / ${lead[p.id]}` : job };
      }),
    kelompok: [{ id: "klaster", nama: "Klaster ILP" }],
    program: [
      {
        id: "klaster-2",
        nama: "Klaster 2 Ibu dan Anak",
        kelompok: "klaster",
        penanggung_jawab: "sri",
        anggota: ["dewi", "yuliana"],
        indikator: [indicator("kia", "bumil"), indicator("gizi", "balita"), indicator("imunisasi", "idl")].map((i) => ({
          ...i,
          per_desa: undefined,
        })),
      },
      {
        id: "klaster-3",
        nama: "Klaster 3 Usia Dewasa dan Lansia",
        kelompok: "klaster",
        penanggung_jawab: "fitri",
        anggota: ["fauzi"],
        indikator: [indicator("ptm", "ht"), indicator("lansia", "lansia")],
      },
      {
        id: "klaster-4",
        nama: "Klaster 4 Penanggulangan Penyakit Menular",
        kelompok: "klaster",
        penanggung_jawab: "bambang",
        anggota: ["teguh"],
        indikator: [indicator("tb", "terduga-tb")],
      },
    ],
    lintas_sektor: CROSS_SECTOR,
    pralokmin: {},
  };
}
