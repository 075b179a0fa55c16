// The three checklists of a month, each derived from the files: the SOP steps in force
// (evidence per step), the 20-item Daftar Tilik of Perbup Musi Rawas 49/2018 Lampiran III
// (derived where the files can answer, the supervisor's recorded answer where they cannot),
// and the 10-document archive minimum of Pasal 31.
import { unevaluatedIn } from "../commitments.js";
import type { Severity } from "../findings.js";
import type { EVIDENCE_KINDS } from "../schema.js";
import { resolveSop, stepApplies } from "../sop.js";
import { filled, type MonthContext } from "./context.js";

type Evidence = (typeof EVIDENCE_KINDS)[number];

/** Where the evidence of each kind lives (path in the meeting file, for findings). */
export const EVIDENCE_PATH: Record<Evidence, string> = {
  persiapan_kapus: "persiapan",
  persiapan_program: "persiapan",
  persiapan_tu: "undangan",
  laporan_bulan_lalu: "pembahasan",
  rencana_bulan_ini: "pembahasan",
  informasi: "informasi",
  audit_internal: "audit_internal",
  capaian: "pembahasan",
  masalah: "masalah",
  rtl: "rtl",
  evaluasi_tengah_tahun: "evaluasi_tengah_tahun",
  ruk: "ruk",
  rpk: "pembahasan",
  kesepakatan: "kesepakatan",
  bahan_tribulanan: "bahan_tribulanan",
  musrenbang: "musrenbang",
  pembahasan: "pembahasan",
};

/** Whether the month's files hold evidence of this kind. */
export function hasEvidence(ctx: MonthContext, kind: Evidence): boolean {
  const m = ctx.month.meeting?.data;
  if (!m) return false;
  const programs = ctx.month.programs.map((p) => p.data);
  switch (kind) {
    case "persiapan_kapus":
      return filled(m.persiapan?.kepala_puskesmas);
    case "persiapan_program":
      return (
        filled(m.persiapan?.program) ||
        (programs.length > 0 && programs.every((p) => filled(p.analisis) || p.rpk.length > 0))
      );
    case "persiapan_tu":
      return filled(m.undangan?.nomor) && filled(m.undangan?.tanggal) && filled(m.tempat) && filled(m.notulis);
    case "laporan_bulan_lalu":
      return programs.some((p) => p.laporan_kegiatan.length > 0);
    case "rencana_bulan_ini":
      return programs.some((p) => p.rencana_bulan_ini.length > 0);
    case "informasi":
      return m.informasi.length > 0;
    case "audit_internal":
      return filled(m.audit_internal);
    case "capaian":
      return programs.some((p) => p.indikator.some((i) => i.kumulatif !== null));
    case "masalah":
      return m.masalah.length > 0 && m.masalah.some((p) => p.akar_masalah.length > 0);
    case "rtl":
      return m.rtl.length > 0;
    case "evaluasi_tengah_tahun":
      return filled(m.evaluasi_tengah_tahun);
    case "ruk":
      return filled(m.ruk);
    case "rpk":
      return programs.some((p) => p.rpk.length > 0);
    case "kesepakatan":
      return m.kesepakatan.length > 0;
    case "bahan_tribulanan":
      return filled(m.bahan_tribulanan);
    case "musrenbang":
      return filled(m.musrenbang);
    case "pembahasan":
      return false;
  }
}

export interface SopItem {
  id: string;
  judul: string;
  applies: "required" | "optional" | "not-applicable";
  done: boolean;
}

export function sopChecklist(ctx: MonthContext): { profile: string; unknownProfile: boolean; steps: SopItem[] } {
  const sop = resolveSop(ctx.config.sop);
  const m = ctx.month.meeting?.data;
  const discussed = new Set((m?.pembahasan ?? []).map((p) => p.langkah).filter(Boolean));
  const special = m?.langkah_khusus ?? [];
  return {
    profile: sop.profile,
    unknownProfile: sop.unknownProfile,
    steps: sop.steps.map((step) => ({
      id: step.id,
      judul: step.judul,
      applies: stepApplies(step, special),
      done: hasEvidence(ctx, step.bukti) || discussed.has(step.id),
    })),
  };
}

export interface TilikItem {
  no: number;
  id: string;
  question: string;
  answer: boolean | null;
  source: "data" | "pembina" | null;
  reason: string;
  /** Severity of the finding when the answer is "tidak" (null: no finding). */
  severity: Severity | null;
  path: string;
}

type Derive = (ctx: MonthContext) => { answer: boolean; reason: string } | null;

interface TilikDef {
  no: number;
  slug: string;
  question: string;
  severity: Severity | null;
  path: string;
  derive: Derive;
}

const yes = (reason: string) => ({ answer: true, reason });
const no = (reason: string) => ({ answer: false, reason });
const meeting = (ctx: MonthContext) => ctx.month.meeting?.data;

export const TILIK: TilikDef[] = [
  {
    no: 1,
    slug: "surat-tugas",
    question: "Apakah ada surat penugasan pelaksanaan bimbingan teknis/pembinaan dari tim Dinkes",
    severity: null,
    path: "supervisi",
    derive: () => null,
  },
  {
    no: 2,
    slug: "buku-tamu",
    question: "Apakah mengisi buku tamu / kunjungan kerja",
    severity: null,
    path: "supervisi",
    derive: () => null,
  },
  {
    no: 3,
    slug: "jadwal",
    question: "Adakah kesesuaian jadwal dengan kunjungan bimbingan teknis/pembinaan",
    severity: null,
    path: "supervisi",
    derive: () => null,
  },
  {
    no: 4,
    slug: "verifikasi",
    question: "Apakah sebelum pelaksanaan LOKMIN Bulanan dilakukan verifikasi data antar program",
    severity: "warning",
    path: "verifikasi_data",
    derive: (ctx) => {
      const v = meeting(ctx)?.verifikasi_data;
      const date = meeting(ctx)?.tanggal;
      if (!v?.tanggal) return no("verifikasi_data.tanggal kosong");
      return date && v.tanggal > date
        ? no(`verifikasi ${v.tanggal} sesudah rapat ${date}`)
        : yes(`verifikasi ${v.tanggal}`);
    },
  },
  {
    no: 5,
    slug: "verifikasi-tercatat",
    question: "Apakah hasil verifikasi tercatat dengan baik",
    severity: "warning",
    path: "verifikasi_data",
    derive: (ctx) =>
      filled(meeting(ctx)?.verifikasi_data?.hasil)
        ? yes("verifikasi_data.hasil terisi")
        : no("verifikasi_data.hasil kosong"),
  },
  {
    no: 6,
    slug: "verifikasi-dilaporkan",
    question: "Apakah hasil verifikasi dilaporkan dalam LOKMIN",
    severity: "warning",
    path: "verifikasi_data",
    derive: (ctx) =>
      meeting(ctx)?.verifikasi_data?.dilaporkan
        ? yes("verifikasi_data.dilaporkan: true")
        : no("verifikasi_data.dilaporkan bukan true"),
  },
  {
    no: 7,
    slug: "agenda",
    question: "Apakah ada agenda khusus dalam LOKMIN secara sistematis",
    severity: "warning",
    path: "agenda",
    derive: (ctx) =>
      (meeting(ctx)?.agenda.length ?? 0) > 0 ? yes(`${meeting(ctx)!.agenda.length} butir agenda`) : no("agenda kosong"),
  },
  {
    no: 8,
    slug: "undangan",
    question: "Apakah ada surat undangan pelaksanaan LOKMIN tersebut",
    severity: "warning",
    path: "undangan",
    derive: (ctx) => {
      const u = meeting(ctx)?.undangan;
      if (!u) return no("bagian undangan tidak ada");
      return filled(u.nomor) && filled(u.tanggal)
        ? yes(`undangan ${u.nomor}`)
        : no("nomor atau tanggal undangan kosong");
    },
  },
  {
    no: 9,
    slug: "susunan-acara",
    question: "Apakah ada susunan acara pada pelaksanaan LOKMIN tersebut",
    severity: "warning",
    path: "susunan_acara",
    derive: (ctx) =>
      (meeting(ctx)?.susunan_acara.length ?? 0) > 0 ? yes("susunan acara ada") : no("susunan_acara kosong"),
  },
  {
    no: 10,
    slug: "daftar-hadir",
    question: "Apakah tersedia daftar hadir dalam LOKMIN",
    severity: "warning",
    path: "hadir",
    derive: (ctx) => {
      const rows = meeting(ctx)?.hadir ?? [];
      if (rows.length === 0) return no("daftar hadir kosong");
      const blank = rows.filter((r) => r.status === null).length;
      return blank
        ? no(`${blank} status kehadiran belum diisi`)
        : yes(`${rows.filter((r) => r.status === "hadir").length} hadir dari ${rows.length}`);
    },
  },
  {
    no: 11,
    slug: "notulen",
    question: "Apakah notulen lokakarya mini tercatat dan terkumpul dalam satu dokumen dengan baik",
    severity: "warning",
    path: "pembahasan",
    derive: (ctx) => {
      const m = meeting(ctx);
      return m && m.pembahasan.length > 0 && filled(m.notulis) && filled(m.tanggal)
        ? yes(`${m.pembahasan.length} butir pembahasan`)
        : no("pembahasan, notulis atau tanggal kosong");
    },
  },
  {
    no: 12,
    slug: "masalah-rencana-aksi",
    question: "Apakah tercatat rumusan masalah dan rencana aksi dalam LOKMIN bulanan",
    severity: "warning",
    path: "masalah",
    derive: (ctx) => {
      const m = meeting(ctx);
      return m && m.masalah.length > 0 && m.rtl.length > 0
        ? yes(`${m.masalah.length} masalah, ${m.rtl.length} RTL`)
        : no("masalah atau rtl kosong");
    },
  },
  {
    no: 13,
    slug: "target",
    question: "Apakah ada target dan batasan yang akan dicapai",
    severity: "warning",
    path: "kesepakatan",
    derive: (ctx) => {
      const indicators = ctx.month.programs.flatMap((p) => p.data.indikator);
      return indicators.length > 0
        ? yes(`${indicators.length} indikator dengan target kumulatif`)
        : no("tidak ada indikator bertarget");
    },
  },
  {
    no: 14,
    slug: "pembahasan",
    question: "Apakah ada proses pembahasan dalam LOKMIN tersebut",
    severity: "warning",
    path: "pembahasan",
    derive: (ctx) =>
      (meeting(ctx)?.pembahasan.length ?? 0) > 0 ? yes("pembahasan tercatat") : no("pembahasan kosong"),
  },
  {
    no: 15,
    slug: "kesepakatan",
    question: "Apakah ada kesepakatan pelaksanaan peningkatan kinerja program",
    severity: "warning",
    path: "kesepakatan",
    derive: (ctx) =>
      (meeting(ctx)?.kesepakatan.length ?? 0) > 0
        ? yes(`${meeting(ctx)!.kesepakatan.length} kesepakatan`)
        : no("kesepakatan kosong"),
  },
  {
    no: 16,
    slug: "arsip",
    question: "Apakah dokumen LOKMIN tersimpan dengan rapi dan sistematis",
    severity: "warning",
    path: "arsip",
    derive: (ctx) => {
      const missing = archiveChecklist(ctx).filter((d) => d.present === false).length;
      return ctx.meetingValid && ctx.loadFindings.every((f) => f.severity !== "error") && missing === 0
        ? yes("berkas sah dan arsip minimum lengkap")
        : no(`${missing} dokumen arsip belum ada atau berkas tidak sah`);
    },
  },
  {
    no: 17,
    slug: "narasumber",
    question: "Apakah ada narasumber dalam LOKMIN dari luar",
    severity: null,
    path: "hadir",
    derive: (ctx) =>
      (meeting(ctx)?.hadir ?? []).some((h) => h.narasumber) ? yes("narasumber luar tercatat di daftar hadir") : null,
  },
  {
    no: 18,
    slug: "evaluasi-kehadiran",
    question: "Apakah kehadiran peserta di evaluasi dalam LOKMIN tersebut",
    severity: "warning",
    path: "evaluasi_kehadiran",
    derive: (ctx) =>
      filled(meeting(ctx)?.evaluasi_kehadiran) ? yes("evaluasi_kehadiran terisi") : no("evaluasi_kehadiran kosong"),
  },
  {
    no: 19,
    slug: "evaluasi-kesepakatan",
    question: "Apakah kesepakatan kinerja di evaluasi dalam LOKMIN tersebut",
    severity: "warning",
    path: "evaluasi_kesepakatan",
    derive: (ctx) => {
      const { missing, blank } = unevaluatedIn(ctx.meetings, ctx.month.id);
      const done = meeting(ctx)?.evaluasi_kesepakatan.filter((e) => e.status !== null).length ?? 0;
      if (missing.length + blank.length > 0)
        return no(`${missing.length + blank.length} kesepakatan terbuka belum dievaluasi`);
      return yes(done ? `${done} kesepakatan dievaluasi` : "tidak ada kesepakatan terbuka dari bulan lalu");
    },
  },
  {
    no: 20,
    slug: "tindak-lanjut",
    question: "Apakah ada dokumen tindak lanjut hasil LOKMIN tersebut",
    severity: "warning",
    path: "rtl",
    derive: (ctx) => {
      const m = meeting(ctx);
      const rpk = ctx.month.programs.some((p) => p.data.rpk.length > 0);
      return m && (m.rtl.length > 0 || rpk) ? yes("RTL / RPK bulan berikutnya tersusun") : no("rtl dan rpk kosong");
    },
  },
];

export const tilikId = (def: Pick<TilikDef, "no" | "slug">) => `${String(def.no).padStart(2, "0")}-${def.slug}`;

export function tilikChecklist(ctx: MonthContext): { score: number; total: number; items: TilikItem[] } {
  const answers = meeting(ctx)?.supervisi?.jawaban ?? {};
  const items = TILIK.map((def): TilikItem => {
    const key = String(def.no).padStart(2, "0");
    const recorded = answers[key] ?? answers[String(def.no)] ?? answers[tilikId(def)];
    const derived = def.derive(ctx);
    const base = { no: def.no, id: tilikId(def), question: def.question, severity: def.severity, path: def.path };
    if (recorded !== undefined)
      return {
        ...base,
        answer: recorded,
        source: "pembina",
        reason: derived ? `jawaban pembina (data: ${derived.reason})` : "jawaban pembina",
      };
    if (derived) return { ...base, answer: derived.answer, source: "data", reason: derived.reason };
    return { ...base, answer: null, source: null, reason: "diisi pembina saat supervisi (supervisi.jawaban)" };
  });
  return { score: items.filter((i) => i.answer === true).length, total: items.length, items };
}

export interface ArchiveItem {
  id: string;
  name: string;
  /** null: not applicable this month. */
  present: boolean | null;
  severity: Severity;
  path: string;
  hint: string;
}

export const ARCHIVE_IDS = [
  "undangan",
  "susunan-acara",
  "daftar-hadir",
  "notulen",
  "materi",
  "hasil-bahasan",
  "nota-kesepakatan",
  "sk-tim-efektif",
  "laporan-tindak-lanjut",
  "umpan-balik",
] as const;

export function archiveChecklist(ctx: MonthContext): ArchiveItem[] {
  const m = meeting(ctx);
  const programs = ctx.month.programs.map((p) => p.data);
  const item = (
    id: (typeof ARCHIVE_IDS)[number],
    name: string,
    present: boolean | null,
    severity: Severity,
    path: string,
    hint: string,
  ): ArchiveItem => ({ id, name, present, severity, path, hint });
  return [
    item(
      "undangan",
      "Surat undangan",
      Boolean(m?.undangan && filled(m.undangan.nomor) && filled(m.undangan.tanggal)),
      "error",
      "undangan",
      "isi undangan.nomor dan undangan.tanggal",
    ),
    item(
      "susunan-acara",
      "Susunan acara",
      (m?.susunan_acara.length ?? 0) > 0,
      "error",
      "susunan_acara",
      "isi susunan_acara",
    ),
    item(
      "daftar-hadir",
      "Daftar hadir",
      (m?.hadir.length ?? 0) > 0 && m!.hadir.every((h) => h.status !== null),
      "error",
      "hadir",
      "isi status setiap baris hadir",
    ),
    item(
      "notulen",
      "Notulen rapat",
      Boolean(m && m.pembahasan.length > 0 && filled(m.tanggal)),
      "error",
      "pembahasan",
      "catat pembahasan per agenda",
    ),
    item(
      "materi",
      "Bahan / materi LOKMIN",
      (m?.arsip?.materi.length ?? 0) > 0 || programs.some((p) => p.indikator.some((i) => i.kumulatif !== null)),
      "warning",
      "arsip",
      "isi capaian program atau arsip.materi",
    ),
    item(
      "hasil-bahasan",
      "Hasil bahasan",
      Boolean(m && (m.masalah.length > 0 || m.pembahasan.some((p) => filled(p.keputusan)))),
      "error",
      "masalah",
      "catat masalah atau keputusan pembahasan",
    ),
    item(
      "nota-kesepakatan",
      "Nota kesepakatan",
      (m?.kesepakatan.length ?? 0) > 0,
      "error",
      "kesepakatan",
      "catat kesepakatan yang ditandatangani",
    ),
    item(
      "sk-tim-efektif",
      "SK pembentukan tim efektif",
      filled(m?.arsip?.sk_tim_efektif),
      "warning",
      "arsip",
      "isi arsip.sk_tim_efektif dengan nomor SK",
    ),
    item(
      "laporan-tindak-lanjut",
      "Laporan tindak lanjut kesepakatan",
      filled(m?.tindak_lanjut) || (m?.evaluasi_kesepakatan.some((e) => e.status !== null) ?? false),
      "warning",
      "tindak_lanjut",
      "isi tindak_lanjut atau status evaluasi_kesepakatan",
    ),
    item(
      "umpan-balik",
      "Feedback pembinaan dari Dinkes",
      m?.supervisi ? Boolean(m.supervisi.umpan_balik?.tanggal) : null,
      "warning",
      "supervisi",
      "catat supervisi.umpan_balik dari Dinas Kesehatan",
    ),
  ];
}
