// Scaffolding a month: pure functions from the workspace settings (the commitments still open and
// last month's data) to the month's files as data — the meeting and one report per program — with
// the comments that guide whoever fills them in. src/io/new-yaml.ts turns them into text.
import { analysisMethods, causeCategories } from "./analysis.js";
import { commentsFor, type YamlFile } from "./yaml-file.js";
import { monthName } from "./format-date.js";
import { meetingKind, specialSteps } from "./meeting-kinds.js";
import { parseMonth } from "./month.js";
import type { Evaluation, Meeting, ProgramReport, Workspace } from "./schema.js";
import { resolveSop, stepApplies } from "./sop.js";
import { cumulativeTarget, periodMonth, reportPeriod } from "./targets.js";
import { inVocabulary, taxonomyOf } from "./vocabulary.js";
import { MEETING_FILE, PROGRAM_DIR } from "./workspace-data.js";
import { FIRST_LOKMIN_AGENDA, FIRST_LOKMIN_COMMENTS, firstLokminSections, pralokminFiles } from "./scaffold-year.js";

const PREPARATION_STEPS = new Set(["persiapan_kapus", "persiapan_program", "persiapan_tu"]);

const DEFAULT_PROGRAMME: Array<[string, string, string]> = [
  ["08.00–08.30", "Registrasi peserta", "Tata Usaha"],
  ["08.30–08.45", "Pembukaan dan arahan", "Kepala Puskesmas"],
  ["08.45–09.45", "Laporan kegiatan bulan lalu dan analisis capaian kinerja", "PJ program"],
  ["09.45–10.15", "Evaluasi kesepakatan bulan lalu", "Kepala Puskesmas"],
  ["10.15–11.15", "Pemetaan masalah, akar masalah dan prioritas", "Seluruh peserta"],
  ["11.15–11.45", "Penyusunan RTL / RPK bulan berikutnya dan kesepakatan", "Seluruh peserta"],
  ["11.45–12.00", "Penutup", "Kepala Puskesmas"],
];

const minutes = (clock: string) => {
  const [h, m] = clock.split(/[.:]/).map(Number);
  return h * 60 + m;
};
const fromMinutes = (total: number) =>
  `${String(Math.floor(total / 60) % 24).padStart(2, "0")}.${String(total % 60).padStart(2, "0")}`;

/** A programme of time slots starting at `start` (the defaults are written from 08.00). */
export function shiftedProgramme(
  programme: ReadonlyArray<readonly [string, string, string]>,
  start: string,
): Meeting["susunan_acara"] {
  const shift = minutes(start) - 8 * 60;
  return programme.map(([range, acara, pelaksana]) => ({
    waktu: range
      .split("–")
      .map((time) => fromMinutes(minutes(time) + shift))
      .join("–"),
    acara,
    pelaksana,
  }));
}

export interface ScaffoldInput {
  config: Workspace;
  month: string;
  /** Evaluation entries of commitments still open (see commitments.ts). */
  carried: Evaluation[];
  start?: string;
  /** Last month's meeting, for what carries over (the SK of the effective team). */
  previousMeeting?: Meeting;
  /** Last month's program reports, for each indicator's cumulative figure so far. */
  previousPrograms?: readonly ProgramReport[];
}

export function buildMeeting({ config, month, carried, start = "08.00", previousMeeting }: ScaffoldInput): Meeting {
  const id = parseMonth(month) ?? { year: 0, month: 1 };
  const special = specialSteps(id);
  const taxonomy = taxonomyOf(config);
  const steps = resolveSop(config.sop).steps.filter(
    (s) => !PREPARATION_STEPS.has(s.bukti) && stepApplies(s, special) !== "not-applicable",
  );
  const jenis = meetingKind(id, { firstMonth: config.penggalangan_tim?.bulan ?? 1 });
  const programme = DEFAULT_PROGRAMME.map(([w, a, p]) => [w, a, inVocabulary(p, taxonomy)] as const);
  return {
    bulan: month,
    jenis,
    langkah_khusus: special,
    tanggal: null,
    waktu: { mulai: start, selesai: null },
    tempat: null,
    pimpinan: config.pejabat.kepala_puskesmas,
    notulis: config.pejabat.kasubag_tu,
    undangan: {
      nomor: null,
      tanggal: null,
      sifat: "Biasa",
      lampiran: "1 (satu) berkas",
      hal: `Undangan Lokakarya Mini Bulanan ${monthName(month)}`,
      penerima: [],
      tembusan: [],
    },
    susunan_acara: shiftedProgramme(programme, start),
    agenda: [
      ...(jenis === "pertama" ? FIRST_LOKMIN_AGENDA.map((judul) => ({ judul })) : []),
      ...steps.map((s) => ({ judul: inVocabulary(s.judul, taxonomy), langkah: s.id })),
    ].map((item, index) => ({ id: `a${String(index + 1).padStart(2, "0")}`, ...item })),
    verifikasi_data: { tanggal: null, hasil: null, dilaporkan: false },
    persiapan: { kepala_puskesmas: null, program: null, tata_usaha: null },
    informasi: [],
    ...(special.includes("bulan_kedua") ? { musrenbang: null } : {}),
    ...(special.includes("tengah_tahun") ? { evaluasi_tengah_tahun: null } : {}),
    ...(special.includes("tribulanan") ? { bahan_tribulanan: null } : {}),
    hadir: config.pegawai.filter((p) => p.aktif !== false).map((p) => ({ pegawai: p.id, status: null })),
    evaluasi_kehadiran: null,
    evaluasi_kesepakatan: carried,
    pembahasan: [],
    masalah: [],
    ...(analysisMethods(config).includes("stakeholder") ? { stakeholder: [] } : {}),
    rtl: [],
    kesepakatan: [],
    ...(jenis === "pertama" ? firstLokminSections(config) : {}),
    laporan_dinkes: { tanggal_kirim: null },
    tindak_lanjut: null,
    arsip: { sk_tim_efektif: previousMeeting?.arsip?.sk_tim_efektif ?? null, materi: [] },
  };
}

export function buildProgramReport(config: Workspace, month: string, programId: string): ProgramReport {
  const program = config.program.find((p) => p.id === programId);
  if (!program) throw new Error(`unknown program ${programId}`);
  const period = reportPeriod(config, month);
  const m = periodMonth(period);
  return {
    program: program.id,
    bulan: month,
    // Written whenever the workspace chose its model, so each file says which month its figures cover.
    ...(config.periode_data ? { periode: period } : {}),
    penanggung_jawab: program.penanggung_jawab,
    laporan_kegiatan: [],
    rencana_bulan_ini: [],
    indikator: program.indikator.map((indicator) => ({
      id: indicator.id,
      sasaran: indicator.sasaran,
      target_tahunan: indicator.target,
      target_kumulatif: cumulativeTarget(indicator, m),
      bulan_ini: null,
      kumulatif: null,
      ...(indicator.per_desa && config.desa.length
        ? { per_desa: config.desa.map((desa) => ({ desa, bulan_ini: null, kumulatif: null })) }
        : {}),
    })),
    analisis: { orang: null, waktu: null, tempat: null },
    rpk: [],
  };
}

export const MEETING_COMMENTS: Record<string, string> = {
  tanggal: "Isi tanggal, waktu dan tempat rapat",
  undangan: "Surat undangan (SOP langkah 3); penerima kosong = daftar terlampir",
  susunan_acara: "Susunan acara dengan slot waktu",
  agenda: "Agenda: langkah SOP yang dibahas bulan ini",
  verifikasi_data:
    "Verifikasi data antarprogram (Daftar Tilik 4–6); selisih dari `lokmin check` dijustifikasi di selisih",
  persiapan: "Persiapan (SOP langkah 1–3)",
  informasi: "Informasi hasil rapat Kabupaten/Kota dan Kecamatan (SOP langkah 6)",
  musrenbang: "Bahan Musrenbang kecamatan (SOP langkah 1, Lokmin bulan kedua)",
  evaluasi_tengah_tahun: "Evaluasi tengah tahun: kinerja enam bulan pertama terhadap target (SOP langkah 11)",
  bahan_tribulanan: "Bahan Lokmin tribulanan dan/atau rekomendasi tinjauan manajemen (SOP langkah 15)",
  hadir: "Daftar hadir: status hadir | izin | sakit | dinas_luar | alpa; tamu: nama + instansi",
  evaluasi_kesepakatan: "Evaluasi kesepakatan bulan lalu: status selesai | sebagian | belum | batal",
  pembahasan: "Pembahasan per agenda: agenda, pembicara, isi, keputusan",
  masalah: "Masalah, akar masalah, skor prioritas (lokmin rank) dan alternatif solusi",
  stakeholder: "Peta stakeholder: nama, instansi, pengaruh dan kepentingan tinggi | rendah",
  rtl: "Rencana tindak lanjut (SOP langkah 10)",
  kesepakatan: "Kesepakatan bersama yang ditandatangani; id: BULAN/Knn",
  laporan_dinkes: "Pengiriman notulen ke Dinas Kesehatan",
  arsip: "Arsip: nomor SK tim efektif (dibawa dari bulan lalu) dan materi",
};

export const PROGRAM_COMMENTS: Record<string, string> = {
  laporan_kegiatan: "Laporan hasil kegiatan bulan lalu (SOP langkah 4): kegiatan, hasil",
  rencana_bulan_ini: "Rencana kegiatan bulan ini (SOP langkah 5)",
  indikator: "Capaian: isi bulan_ini dan kumulatif (jumlah dilayani sejak Januari), bilangan bulat tanpa titik ribuan",
  analisis: "Analisis masalah menurut orang, waktu dan tempat (wajib bila ada indikator di bawah target)",
  rpk: "RPK bulan berikutnya (SOP langkah 13): kegiatan, sasaran, waktu, tempat, penanggung_jawab, biaya",
};

/**
 * A comment before each indicator: its name, and the cumulative figure of the period before to add
 * to (a state counted anew each month has none to add to, so it says so).
 */
export function indicatorComments(config: Workspace, report: ProgramReport, previous?: ProgramReport) {
  const program = config.program.find((p) => p.id === report.program);
  const before = previous ? reportPeriod(config, previous.bulan, previous) : undefined;
  return report.indikator.map((indicator, index) => {
    const def = program?.indikator.find((i) => i.id === indicator.id);
    const name = def?.nama ?? indicator.id;
    if ((def?.akumulasi ?? "jumlah") === "terakhir")
      return { path: ["indikator", index], text: `${name} · keadaan saat dihitung: kumulatif = bulan_ini` };
    const figure = previous?.indikator.find((i) => i.id === indicator.id)?.kumulatif;
    // "s.d. bulan lalu (Maret 2024): 27": no digit right before the colon, which YAML's fast path reads as a key.
    const label = before && config.periode_data ? `bulan lalu (${monthYearName(before)})` : "bulan lalu";
    const tail = figure === undefined || figure === null ? "" : ` · kumulatif s.d. ${label}: ${figure}`;
    return { path: ["indikator", index], text: `${name}${tail}` };
  });
}

/** The comment on a program file's indicators, naming the month its figures cover. */
export function indicatorSectionComment(config: Workspace, report: ProgramReport): string {
  if (!config.periode_data) return PROGRAM_COMMENTS.indikator;
  const period = reportPeriod(config, report.bulan, report);
  const name = monthYearName(period);
  return (
    `Capaian ${name}: isi bulan_ini (dilayani selama ${name}) dan kumulatif (sejak Januari ${period.slice(0, 4)}),` +
    " bilangan bulat tanpa titik ribuan"
  );
}

const monthYearName = monthName;

/**
 * The comments of a meeting file in the workspace's vocabulary ("PJ klaster" under ILP); the
 * problem list's comment names the analysis tools the month uses.
 */
export function meetingComments(config: Workspace, meeting: object) {
  const taxonomy = taxonomyOf(config);
  const methods = analysisMethods(config);
  const tools = [
    methods.includes("fishbone") ? `akar_masalah: kategori (${causeCategories(config).join(", ")}), uraian` : "",
    ...(methods.includes("swot")
      ? [
          "swot: kekuatan, kelemahan, peluang, ancaman, strategi {so, wo, st, wt}",
          "solusi terpilih: strategi SO|WO|ST|WT",
        ]
      : []),
  ].filter(Boolean);
  const masalah = [MEETING_COMMENTS.masalah, ...tools.map((tool) => ` ${tool}`)].join("\n");
  const all = { ...MEETING_COMMENTS, masalah, ...FIRST_LOKMIN_COMMENTS };
  return commentsFor(meeting, Object.fromEntries(Object.entries(all).map(([k, v]) => [k, inVocabulary(v, taxonomy)])));
}

export function scaffoldMonth(input: ScaffoldInput): YamlFile[] {
  // A cumulative figure carries on only within the year of the figures, not of the folder.
  const year = reportPeriod(input.config, input.month).slice(0, 4);
  const sameYear = (p: ProgramReport) => reportPeriod(input.config, p.bulan, p).slice(0, 4) === year;
  const meeting = buildMeeting(input);
  return [
    {
      file: `${input.month}/${MEETING_FILE}`,
      kind: "meeting",
      value: meeting,
      comments: meetingComments(input.config, meeting),
    },
    ...input.config.program.map((program): YamlFile => {
      const report = buildProgramReport(input.config, input.month, program.id);
      const previous = input.previousPrograms?.find((p) => p.program === program.id && sameYear(p));
      return {
        file: `${input.month}/${PROGRAM_DIR}/${program.id}.yaml`,
        kind: "program",
        value: report,
        comments: [
          ...commentsFor(report, { ...PROGRAM_COMMENTS, indikator: indicatorSectionComment(input.config, report) }),
          ...indicatorComments(input.config, report, previous),
        ],
      };
    }),
    ...(input.config.pralokmin ? pralokminFiles(input.config, input.month, input.start) : []),
  ];
}
