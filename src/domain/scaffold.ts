// Scaffolding a month: a pure function from the workspace settings (and the commitments still
// open) to the text of the month's files — the meeting file and one file per program, each
// opening with a `$schema` line so editors autocomplete. Nothing here touches the disk.
import type { Document, Pair } from "yaml";
import { monthName } from "./format-date.js";
import { meetingKind, parseMonth, specialSteps } from "./month.js";
import type { Evaluation, Meeting, ProgramReport, Workspace } from "./schema.js";
import { resolveSop, stepApplies } from "./sop.js";
import { cumulativeTarget } from "./targets.js";
import { MEETING_FILE, PROGRAM_DIR, SCHEMA_DIR } from "../io/workspace.js";
import { serializeYaml } from "../io/write.js";
import { yamlLib } from "../io/yaml-lib.js";

export interface ScaffoldFile {
  rel: string;
  content: string;
}

const schemaComment = (depth: number, file: string) =>
  ` yaml-language-server: $schema=${"../".repeat(depth)}${SCHEMA_DIR}/${file}`;

/** Put a comment line (and a blank line) before top-level keys of a document. */
function commentKeys(doc: Document, comments: Record<string, string>): void {
  if (!yamlLib().isMap(doc.contents)) return;
  for (const item of doc.contents.items as Pair[]) {
    if (!yamlLib().isScalar(item.key)) continue;
    const comment = comments[String(item.key.value)];
    if (comment === undefined) continue;
    item.key.spaceBefore = true;
    if (comment) item.key.commentBefore = ` ${comment}`;
  }
}

const PREPARATION_STEPS = new Set(["persiapan_kapus", "persiapan_program", "persiapan_tu"]);

function defaultProgramme(start: string): Meeting["susunan_acara"] {
  const slots: Array<[string, string, string]> = [
    ["08.00–08.30", "Registrasi peserta", "Tata Usaha"],
    ["08.30–08.45", "Pembukaan dan arahan", "Kepala Puskesmas"],
    ["08.45–09.45", "Laporan kegiatan bulan lalu dan analisis capaian kinerja", "PJ program"],
    ["09.45–10.15", "Evaluasi kesepakatan bulan lalu", "Kepala Puskesmas"],
    ["10.15–11.15", "Pemetaan masalah, akar masalah dan prioritas", "Seluruh peserta"],
    ["11.15–11.45", "Penyusunan RTL / RPK bulan berikutnya dan kesepakatan", "Seluruh peserta"],
    ["11.45–12.00", "Penutup", "Kepala Puskesmas"],
  ];
  const shift = start.replace(":", ".") === "08.00" ? 0 : minutes(start) - 8 * 60;
  return slots.map(([range, acara, pelaksana]) => ({
    waktu:
      shift === 0
        ? range
        : range
            .split("–")
            .map((t) => fromMinutes(minutes(t) + shift))
            .join("–"),
    acara,
    pelaksana,
  }));
}

const minutes = (clock: string) => {
  const [h, m] = clock.split(/[.:]/).map(Number);
  return h * 60 + m;
};
const fromMinutes = (total: number) =>
  `${String(Math.floor(total / 60) % 24).padStart(2, "0")}.${String(total % 60).padStart(2, "0")}`;

export interface ScaffoldInput {
  config: Workspace;
  month: string;
  /** Evaluation entries of commitments still open (see commitments.ts). */
  carried: Evaluation[];
  start?: string;
}

export function buildMeeting({ config, month, carried, start = "08.00" }: ScaffoldInput): Meeting {
  const id = parseMonth(month)!;
  const special = specialSteps(id);
  const steps = resolveSop(config.sop).steps.filter(
    (s) => !PREPARATION_STEPS.has(s.bukti) && stepApplies(s, special) !== "not-applicable",
  );
  return {
    bulan: month,
    jenis: meetingKind(id),
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
    susunan_acara: defaultProgramme(start),
    agenda: steps.map((s, index) => ({ id: `a${String(index + 1).padStart(2, "0")}`, judul: s.judul, langkah: s.id })),
    verifikasi_data: { tanggal: null, hasil: null, dilaporkan: false },
    persiapan: { kepala_puskesmas: null, program: null, tata_usaha: null },
    informasi: [],
    hadir: config.pegawai.filter((p) => p.aktif !== false).map((p) => ({ pegawai: p.id, status: null })),
    evaluasi_kehadiran: null,
    evaluasi_kesepakatan: carried,
    pembahasan: [],
    masalah: [],
    rtl: [],
    kesepakatan: [],
    laporan_dinkes: { tanggal_kirim: null },
    tindak_lanjut: null,
  };
}

export function buildProgramReport(config: Workspace, month: string, programId: string): ProgramReport {
  const program = config.program.find((p) => p.id === programId)!;
  const m = parseMonth(month)!.month;
  return {
    program: program.id,
    bulan: month,
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
    analisis: null,
    rpk: [],
  };
}

export const MEETING_COMMENTS: Record<string, string> = {
  tanggal: "Isi tanggal, waktu dan tempat rapat",
  undangan: "Surat undangan (SOP langkah 3); penerima kosong = daftar terlampir",
  susunan_acara: "Susunan acara dengan slot waktu",
  agenda: "Agenda: langkah SOP yang dibahas bulan ini",
  verifikasi_data: "Verifikasi data antarprogram sebelum Lokmin (Daftar Tilik 4–6)",
  persiapan: "Persiapan (SOP langkah 1–3)",
  informasi: "Informasi hasil rapat Kabupaten/Kota dan Kecamatan (SOP langkah 6)",
  hadir: "Daftar hadir: status hadir | izin | sakit | dinas_luar | alpa; tamu: nama + instansi",
  evaluasi_kesepakatan: "Evaluasi kesepakatan bulan lalu (Perbup Pasal 20): status selesai | sebagian | belum | batal",
  pembahasan: "Pembahasan per agenda: agenda, pembicara, isi, keputusan",
  masalah: "Masalah, akar masalah, skor prioritas (lokmin rank) dan alternatif solusi",
  rtl: "Rencana tindak lanjut (SOP langkah 10)",
  kesepakatan: "Kesepakatan bersama yang ditandatangani; id: BULAN/Knn",
  laporan_dinkes: "Pengiriman notulen ke Dinas Kesehatan",
};

export const PROGRAM_COMMENTS: Record<string, string> = {
  laporan_kegiatan: "Laporan hasil kegiatan bulan lalu (SOP langkah 4)",
  indikator: "Capaian: isi bulan_ini dan kumulatif (jumlah dilayani sejak Januari)",
  analisis: "Analisis masalah menurut orang, waktu dan tempat",
  rpk: "RPK bulan berikutnya",
};

/**
 * The text of a new YAML file the way lokmin writes them: the `$schema` line (`depth` folders
 * below the workspace root), a comment before each named section, canonical serialisation.
 */
export function newYamlText(
  value: unknown,
  depth: number,
  schemaFile: string,
  comments: Record<string, string> = {},
): string {
  const doc = new (yamlLib().Document)(value);
  doc.commentBefore = schemaComment(depth, schemaFile);
  commentKeys(doc, comments);
  return serializeYaml(doc);
}

export function scaffoldMonth(input: ScaffoldInput): ScaffoldFile[] {
  return [
    {
      rel: `${input.month}/${MEETING_FILE}`,
      content: newYamlText(buildMeeting(input), 1, "rapat.schema.json", MEETING_COMMENTS),
    },
    ...input.config.program.map((program) => ({
      rel: `${input.month}/${PROGRAM_DIR}/${program.id}.yaml`,
      content: newYamlText(
        buildProgramReport(input.config, input.month, program.id),
        2,
        "program.schema.json",
        PROGRAM_COMMENTS,
      ),
    })),
  ];
}
