// Scaffolding the meetings of the year beyond the routine month, as data: what the first Lokmin
// produces (the task and wilayah binaan matrix, the annual POA), the quarterly cross-sector
// Lokmin (tribulanan.yaml: cross-sector invitees, the Permenkes 44/2016 agenda, the quarterly
// kesepakatan still open) and the pralokmin of each klaster. src/io/new-yaml.ts writes them.
import { monthName } from "./format-date.js";
import { number } from "./format-id.js";
import { crossSectorRoster, QUARTERLY_STEPS, quarterlyOfficials } from "./lintas-sektor.js";
import { meetingKind, type QuarterlyKind } from "./meeting-kinds.js";
import { parseMonth } from "./month.js";
import type { Evaluation, Meeting, Pralokmin, Program, QuarterlyMeeting, Workspace } from "./schema.js";
import { inVocabulary, taxonomyOf } from "./vocabulary.js";
import { commentsFor, type YamlFile } from "./yaml-file.js";
import { pralokminFile, quarterlyFile } from "./workspace-data.js";

const minutes = (clock: string) => {
  const [h, m] = clock.split(/[.:]/).map(Number);
  return h * 60 + m;
};
const fromMinutes = (total: number) =>
  `${String(Math.floor(total / 60) % 24).padStart(2, "0")}.${String(total % 60).padStart(2, "0")}`;

function programme(slots: ReadonlyArray<readonly [number, string, string]>, start: string) {
  let at = minutes(start);
  return slots.map(([length, acara, pelaksana]) => {
    const from = at;
    at += length;
    return { waktu: `${fromMinutes(from)}–${fromMinutes(at)}`, acara, pelaksana };
  });
}

const active = (config: Workspace) => config.pegawai.filter((p) => p.aktif !== false);

/** The first Lokmin's own sections: every member of staff with the programs they lead, and a POA row per indicator. */
export function firstLokminSections(config: Workspace): Pick<Meeting, "pembagian_tugas" | "poa"> {
  return {
    pembagian_tugas: active(config).map((person) => ({
      pegawai: person.id,
      program: config.program
        .filter((p) => p.penanggung_jawab === person.id || p.anggota?.includes(person.id))
        .map((p) => p.id),
      tugas: [],
      wilayah_binaan: [],
    })),
    poa: config.program.flatMap((program) => poaRows(program)),
  };
}

function poaRows(program: Program): NonNullable<Meeting["poa"]> {
  const row = (indikator: string | undefined, sasaran: string | null, target: string | null) => ({
    program: program.id,
    ...(indikator ? { indikator } : {}),
    kegiatan: null,
    sasaran,
    target,
    jadwal: [],
    penanggung_jawab: program.penanggung_jawab,
    biaya: null,
    sumber_dana: null,
  });
  if (program.indikator.length === 0) return [row(undefined, null, null)];
  return program.indikator.map((i) =>
    row(i.id, `${number(i.sasaran, 0)}${i.satuan ? ` ${i.satuan}` : ""}`, `${number(i.target, 2)}%`),
  );
}

/** Agenda items the first Lokmin adds to the SOP's. */
export const FIRST_LOKMIN_AGENDA = [
  "Penggalangan tim: pembagian tugas dan wilayah binaan",
  "Penyusunan POA tahunan dari RPK",
  "Kesepakatan bersama melaksanakan POA",
];

export const FIRST_LOKMIN_COMMENTS: Record<string, string> = {
  pembagian_tugas:
    "Lokmin pertama: pembagian tugas (program = id PJ program yang dipegang, tugas lain) dan wilayah binaan (desa) " +
    "setiap pegawai",
  poa:
    "Lokmin pertama: POA tahunan dari RPK; per baris kegiatan, sasaran, target, jadwal (bulan 1–12), " +
    "penanggung_jawab, biaya, sumber_dana",
};

const QUARTERLY_PROGRAMME: Array<readonly [number, string, string]> = [
  [30, "Registrasi peserta", "Tata Usaha"],
  [15, "Pembukaan dan arahan", "Pimpinan rapat"],
  [30, "Kebijakan Puskesmas dan capaian kinerja per desa triwulan lalu", "Kepala Puskesmas"],
  [30, "Evaluasi kesepakatan tribulanan lalu", "Kepala Puskesmas"],
  [45, "Peran dan dukungan setiap sektor, rencana kegiatan terpadu", "Seluruh sektor"],
  [30, "Usulan kesehatan untuk Musrenbang kecamatan", "Seluruh sektor"],
  [30, "Penandatanganan kesepakatan lintas sektor dan penutup", "Pimpinan rapat"],
];

export interface QuarterlyInput {
  config: Workspace;
  month: string;
  /** Evaluation entries of quarterly commitments still open (made at earlier quarterly meetings). */
  carried: Evaluation[];
  /** Whether a quarterly meeting was already held earlier this year. */
  quarterlyEarlier: boolean;
  start?: string;
}

export function buildQuarterlyMeeting({
  config,
  month,
  carried,
  quarterlyEarlier,
  start = "08.00",
}: QuarterlyInput): QuarterlyMeeting {
  const id = parseMonth(month) ?? { year: 0, month: 1 };
  const jenis: QuarterlyKind = meetingKind(id, { quarterlyEarlier }, "tribulanan");
  const officials = quarterlyOfficials(config);
  const roster = crossSectorRoster(config).filter((p) => p.aktif !== false);
  const instansi = [...new Set(roster.map((p) => p.instansi))];
  const steps = QUARTERLY_STEPS.filter((s) => s.id !== "evaluasi-kesepakatan" || carried.length > 0);
  return {
    bulan: month,
    jenis,
    tanggal: null,
    waktu: { mulai: start, selesai: null },
    tempat: config.lintas_sektor?.tempat ?? null,
    pimpinan: officials.pimpinan,
    notulis: config.pejabat.kasubag_tu,
    undangan: {
      nomor: null,
      tanggal: null,
      sifat: "Biasa",
      lampiran: "1 (satu) berkas",
      hal: `Undangan Lokakarya Mini Tribulanan Lintas Sektor ${monthName(month)}`,
      penandatangan: officials.penandatangan,
      penerima: [],
      tembusan: [`Kepala ${config.dinas_kesehatan.nama}`],
    },
    susunan_acara: programme(
      QUARTERLY_PROGRAMME.filter(([, acara]) => carried.length > 0 || !acara.startsWith("Evaluasi")),
      start,
    ),
    agenda: steps.map((s, i) => ({ id: `a${String(i + 1).padStart(2, "0")}`, judul: s.judul, langkah: s.id })),
    hadir: [
      ...roster.map((p) => ({ peserta: p.id, status: null })),
      ...[config.pejabat.kepala_puskesmas, config.pejabat.kasubag_tu, ...config.program.map((p) => p.penanggung_jawab)]
        .filter((pid, i, all) => all.indexOf(pid) === i)
        .map((pid) => ({ pegawai: pid, status: null })),
    ],
    capaian_desa: config.desa.map((desa) => ({ desa, uraian: null })),
    peran_sektor: instansi.map((name) => ({ instansi: name, peran: null })),
    stakeholder: [],
    rencana_terpadu: [],
    pembahasan: [],
    kesepakatan: [],
    evaluasi_kesepakatan: carried,
    usulan_musrenbang: [],
    laporan_dinkes: { tanggal_kirim: null },
  };
}

export const QUARTERLY_COMMENTS: Record<string, string> = {
  tanggal: "Isi tanggal, waktu dan tempat (Lokmin tribulanan lintas sektor, Permenkes 44/2016)",
  pimpinan: "Pimpinan rapat: id peserta lintas sektor (mis. camat) atau pegawai; bawaan dari lokmin.yaml lintas_sektor",
  undangan: "Undangan kepada lintas sektor; penerima kosong = daftar terlampir (peserta di daftar hadir)",
  agenda: "Agenda Permenkes 44/2016: capaian per desa, peran sektor, rencana terpadu, kesepakatan, usulan Musrenbang",
  hadir: "Daftar hadir: peserta = id lintas sektor, pegawai = id pegawai; tamu: nama + jabatan + instansi",
  capaian_desa: "Capaian kinerja per desa/kelurahan triwulan lalu yang dibahas bersama",
  peran_sektor: "Peran dan dukungan setiap sektor/instansi",
  stakeholder:
    "Peta stakeholder lintas sektor: nama, instansi, pengaruh dan kepentingan tinggi | rendah; " +
    "kelompoknya dihitung lokmin",
  rencana_terpadu: "Rencana kegiatan terpadu per sektor: instansi, kegiatan, sasaran, waktu, lokasi, sumber_daya",
  kesepakatan:
    "Kesepakatan lintas sektor yang ditandatangani; id BULAN/Tnn; dievaluasi pada Lokmin tribulanan berikutnya",
  evaluasi_kesepakatan: "Evaluasi kesepakatan tribulanan lalu: status selesai | sebagian | belum | batal",
  usulan_musrenbang: "Usulan kesehatan untuk Musrenbang kecamatan: usulan, lokasi, sasaran, alasan",
};

export function scaffoldQuarterly(input: QuarterlyInput): YamlFile {
  const meeting = buildQuarterlyMeeting(input);
  return {
    file: quarterlyFile(input.month),
    kind: "tribulanan",
    value: meeting,
    comments: commentsFor(meeting, QUARTERLY_COMMENTS),
  };
}

/** The klaster that hold a pralokmin: lokmin.yaml `pralokmin.klaster`, else every klaster. */
export function pralokminClusters(config: Workspace): Program[] {
  const wanted = config.pralokmin?.klaster;
  return wanted?.length ? config.program.filter((p) => wanted.includes(p.id)) : config.program;
}

export function buildPralokmin(config: Workspace, month: string, klaster: Program, start = "08.00"): Pralokmin {
  const members = [klaster.penanggung_jawab, ...(klaster.anggota ?? [])].filter((id, i, all) => all.indexOf(id) === i);
  return {
    bulan: month,
    klaster: klaster.id,
    tanggal: null,
    waktu: { mulai: start, selesai: null },
    tempat: null,
    pimpinan: klaster.penanggung_jawab,
    notulis: klaster.anggota?.[0] ?? klaster.penanggung_jawab,
    hadir: members.map((id) => ({ pegawai: id, status: null })),
    pembahasan: [],
    bahan_lokmin: null,
  };
}

export const PRALOKMIN_COMMENTS: Record<string, string> = {
  tanggal: "Pralokmin diadakan sebelum Lokmin bulanan; isi tanggal, waktu dan tempat",
  hadir: "Daftar hadir anggota klaster (lokmin.yaml program.anggota): status hadir | izin | sakit | dinas_luar | alpa",
  pembahasan: "Notulen singkat: pembicara, isi, keputusan",
  bahan_lokmin: "Yang dibawa ke Lokmin: capaian (PWS), masalah, usulan",
};

/** A pralokmin file for each klaster that holds one (see `pralokminClusters`). */
export function pralokminFiles(config: Workspace, month: string, start?: string): YamlFile[] {
  const taxonomy = taxonomyOf(config);
  return pralokminClusters(config).map((klaster) => {
    const value = buildPralokmin(config, month, klaster, start);
    const comments = Object.fromEntries(
      Object.entries(PRALOKMIN_COMMENTS).map(([k, v]) => [k, inVocabulary(v, taxonomy)]),
    );
    return { file: pralokminFile(month, klaster.id), kind: "pralokmin", value, comments: commentsFor(value, comments) };
  });
}
