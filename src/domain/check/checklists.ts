// The three checklists of a month, each derived from the files: the SOP steps in force (evidence
// per step), the 20-item Daftar Tilik of the supervision regulation (derived where the files can
// answer, the supervisor's recorded answer where they cannot), and the 10-document archive minimum.
import { msg, t } from "../../i18n/index.js";
import { unevaluatedIn } from "../commitments.js";
import { letterNumber } from "../letters.js";
import type { Severity } from "../findings.js";
import type { SupervisionProfile } from "../regulations.js";
import type { EVIDENCE_KINDS, Meeting, ProgramReport, Workspace } from "../schema.js";
import { resolveSop, stepApplies } from "../sop.js";
import { programFigures } from "../targets.js";
import { compareMonth, openMismatches } from "../verification.js";
import { filled, type MonthContext, meetingOf } from "./context.js";

/** An invitation has its number: written out, or its agenda-book serial (the number then follows surat.pola_nomor). */
export const numbered = (u: { nomor?: string | null; urut?: number | null } | null | undefined) =>
  Boolean(u && ((typeof u.nomor === "string" && u.nomor.trim() !== "") || typeof u.urut === "number"));

export type Evidence = (typeof EVIDENCE_KINDS)[number];

/** Where the evidence of each kind lives in the meeting file (for findings). */
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

/** Evidence each program file must hold itself (a report from one program is not a report from all). */
export const PROGRAM_EVIDENCE: Partial<Record<Evidence, (report: ProgramReport) => boolean>> = {
  laporan_bulan_lalu: (report) => report.laporan_kegiatan.length > 0,
  rencana_bulan_ini: (report) => report.rencana_bulan_ini.length > 0,
  rpk: (report) => report.rpk.length > 0,
};

/** An analysis by person, time and place (Perbup Pasal 11); free text counts as written. */
export function analysisParts(report: ProgramReport): { orang: boolean; waktu: boolean; tempat: boolean } {
  const a = report.analisis;
  if (typeof a === "string") return { orang: filled(a), waktu: filled(a), tempat: filled(a) };
  return { orang: filled(a?.orang), waktu: filled(a?.waktu), tempat: filled(a?.tempat) };
}

export const behindTarget = (config: Workspace, report: ProgramReport) =>
  [...programFigures(config, report.bulan, report).values()].some((f) => f.behind);

const everyProgram = (programs: ProgramReport[], has: (report: ProgramReport) => boolean) =>
  programs.length > 0 && programs.every(has);

/** Whether the month's files hold evidence of this kind. */
export function hasEvidence(ctx: MonthContext, kind: Evidence): boolean {
  const m = meetingOf(ctx);
  if (!m) return false;
  const programs = ctx.month.programs.map((p) => p.data);
  const perProgram = PROGRAM_EVIDENCE[kind];
  if (perProgram) return everyProgram(programs, perProgram);
  switch (kind) {
    case "persiapan_kapus":
      return filled(m.persiapan?.kepala_puskesmas);
    case "persiapan_program":
      return (
        filled(m.persiapan?.program) ||
        everyProgram(programs, (p) => !behindTarget(ctx.config, p) || Object.values(analysisParts(p)).every(Boolean))
      );
    case "persiapan_tu":
      return numbered(m.undangan) && filled(m.undangan?.tanggal) && filled(m.tempat) && filled(m.notulis);
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
    case "kesepakatan":
      return m.kesepakatan.length > 0;
    case "bahan_tribulanan":
      return filled(m.bahan_tribulanan);
    case "musrenbang":
      return filled(m.musrenbang);
    default:
      return false;
  }
}

const H = {
  section: msg("bagian '{path}'", "'{path}'"),
  rootCauses: msg(
    "akar_masalah (akar penyebab) pada masalah yang sudah ditulis",
    "akar_masalah (root causes) of the problems already listed",
  ),
  perProgram: msg("{key} di berkas program {programs}", "{key} in the program files of {programs}"),
  coverage: msg("kumulatif indikator di berkas program", "the indicators' kumulatif in the program files"),
  analysis: msg(
    "persiapan.program, atau analisis (orang, waktu, tempat) di berkas program {programs}",
    "persiapan.program, or analisis (person, time, place) in the program files of {programs}",
  ),
};

const PROGRAM_KEY: Partial<Record<Evidence, string>> = {
  laporan_bulan_lalu: "laporan_kegiatan",
  rencana_bulan_ini: "rencana_bulan_ini",
  rpk: "rpk",
};

/**
 * What to fill for evidence that is missing: the part actually missing, never a section that is
 * already filled ("root causes" when the problems are listed, the program files lacking a report).
 */
export function missingEvidence(ctx: MonthContext, kind: Evidence): { path: string; fill: string } {
  const path = EVIDENCE_PATH[kind];
  const section = { path, fill: t(H.section, { path }) };
  const m = meetingOf(ctx);
  if (!m) return section;
  const programs = ctx.month.programs.map((p) => p.data);
  const lacking = (has: (report: ProgramReport) => boolean) =>
    programs
      .filter((p) => !has(p))
      .map((p) => p.program)
      .join(", ");
  const perProgram = PROGRAM_EVIDENCE[kind];
  const key = PROGRAM_KEY[kind];
  if (perProgram && key && programs.length > 0)
    return { path, fill: t(H.perProgram, { key, programs: lacking(perProgram) }) };
  switch (kind) {
    case "masalah":
      return m.masalah.length > 0 ? { path, fill: t(H.rootCauses) } : section;
    case "persiapan_kapus":
      return { path, fill: t(H.section, { path: "persiapan.kepala_puskesmas" }) };
    case "persiapan_program":
      return programs.length > 0
        ? {
            path,
            fill: t(H.analysis, {
              programs: lacking((p) => !behindTarget(ctx.config, p) || Object.values(analysisParts(p)).every(Boolean)),
            }),
          }
        : { path, fill: t(H.section, { path: "persiapan.program" }) };
    case "persiapan_tu": {
      const parts: Array<[string, unknown]> = [
        ["undangan.nomor", numbered(m.undangan) ? "urut" : null],
        ["undangan.tanggal", m.undangan?.tanggal],
        ["tempat", m.tempat],
        ["notulis", m.notulis],
      ];
      const empty = parts.filter(([, value]) => !filled(value)).map(([name]) => name);
      return empty.length ? { path: empty[0].split(".")[0], fill: empty.join(", ") } : section;
    }
    case "capaian":
      return programs.length > 0 ? { path, fill: t(H.coverage) } : section;
    default:
      return section;
  }
}

/** SOP steps recorded as discussed: a `pembahasan` item naming the step, or linked to an agenda entry for it. */
export function discussedSteps(meeting: Meeting | undefined): Set<string> {
  if (!meeting) return new Set();
  const agendaStep = new Map(meeting.agenda.map((a) => [a.id, a.langkah]));
  const steps = meeting.pembahasan.flatMap((p) => [p.langkah, p.agenda ? agendaStep.get(p.agenda) : undefined]);
  return new Set(steps.filter((step): step is string => Boolean(step)));
}

/**
 * A month's checklists are read by its rules and by its report (and the Daftar Tilik reads the
 * archive): each is worked out once per month context, which the check makes per month and per run.
 */
function once<T>(memo: WeakMap<MonthContext, T>, ctx: MonthContext, compute: (ctx: MonthContext) => T): T {
  let known = memo.get(ctx);
  if (known === undefined) memo.set(ctx, (known = compute(ctx)));
  return known;
}

export interface SopItem {
  id: string;
  judul: string;
  applies: "required" | "optional" | "not-applicable";
  done: boolean;
}

const sopChecklistMemo = new WeakMap<MonthContext, { profile: string; unknownProfile: boolean; steps: SopItem[] }>();

export function sopChecklist(ctx: MonthContext): { profile: string; unknownProfile: boolean; steps: SopItem[] } {
  return once(sopChecklistMemo, ctx, sopItems);
}

function sopItems(ctx: MonthContext): { profile: string; unknownProfile: boolean; steps: SopItem[] } {
  const sop = resolveSop(ctx.config.sop);
  const m = meetingOf(ctx);
  const discussed = discussedSteps(m);
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
  /** Why the files answer so, for `check` (names the section to fill). */
  reason: string;
  /** Severity of the finding when the answer is "tidak" (null: no finding). */
  severity: Severity | null;
  path: string;
}

type Derived = { answer: boolean; reason: string } | null;

interface TilikDef {
  no: number;
  slug: string;
  question: (profile: SupervisionProfile) => string;
  severity: Severity | null;
  path: string;
  derive: (ctx: MonthContext) => Derived;
}

const yes = (reason: string) => ({ answer: true, reason });
const no = (reason: string) => ({ answer: false, reason });
const q = (text: string) => () => text;

const R = {
  verifyDate: msg("verifikasi_data.tanggal kosong", "verifikasi_data.tanggal is empty"),
  verifyAfter: msg("verifikasi {date} sesudah rapat {meeting}", "verification {date} is after the meeting {meeting}"),
  verifiedOn: msg("verifikasi {date}", "verified {date}"),
  verifiedRelations: msg(
    "verifikasi {date}: {n} perbandingan antarindikator, {mismatches} tidak sesuai",
    "verified {date}: {n} comparisons between indicators, {mismatches} not matching",
  ),
  recorded: msg("hasil verifikasi tercatat", "verification result recorded"),
  recordedMismatches: msg(
    "hasil verifikasi tercatat; {n} selisih dijustifikasi atau diperbaiki",
    "verification result recorded; {n} mismatches justified or corrected",
  ),
  notRecorded: msg("verifikasi_data.hasil kosong", "verifikasi_data.hasil is empty"),
  unjustified: msg(
    "{n} selisih belum dijustifikasi di verifikasi_data.selisih: {list}",
    "{n} mismatches not yet justified in verifikasi_data.selisih: {list}",
  ),
  reported: msg("hasil verifikasi dilaporkan dalam rapat", "verification reported in the meeting"),
  notReported: msg("verifikasi_data.dilaporkan belum true", "verifikasi_data.dilaporkan is not true"),
  agenda: msg("{n} butir agenda", "{n} agenda items"),
  noAgenda: msg("agenda kosong", "agenda is empty"),
  noInvitation: msg("bagian undangan tidak ada", "the undangan section is missing"),
  invitationIncomplete: msg("nomor atau tanggal undangan kosong", "invitation number or date is empty"),
  invitation: msg("undangan {nomor}", "invitation {nomor}"),
  programme: msg("susunan acara ada", "programme present"),
  noProgramme: msg("susunan_acara kosong", "susunan_acara is empty"),
  noAttendance: msg("daftar hadir kosong", "attendance list is empty"),
  blankAttendance: msg("{n} status kehadiran belum diisi", "{n} attendance statuses are empty"),
  attendance: msg("{present} hadir dari {total}", "{present} present of {total}"),
  minutes: msg("{n} butir pembahasan", "{n} discussion items"),
  noMinutes: msg("pembahasan, notulis atau tanggal kosong", "pembahasan, notulis or tanggal is empty"),
  problems: msg("{problems} masalah, {rtl} RTL", "{problems} problems, {rtl} RTL"),
  noProblems: msg("masalah atau rtl kosong", "masalah or rtl is empty"),
  targets: msg("{n} indikator dengan target kumulatif", "{n} indicators with a cumulative target"),
  noTargets: msg("tidak ada indikator bertarget", "no indicator with a target"),
  discussion: msg("pembahasan tercatat", "discussion recorded"),
  noDiscussion: msg("pembahasan kosong", "pembahasan is empty"),
  agreements: msg("{n} kesepakatan", "{n} commitments"),
  noAgreements: msg("kesepakatan kosong", "kesepakatan is empty"),
  archived: msg("berkas sah dan arsip minimum lengkap", "files valid and the archive minimum complete"),
  notArchived: msg(
    "{n} dokumen arsip belum ada atau berkas tidak sah",
    "{n} archive documents missing or files invalid",
  ),
  speaker: msg("narasumber luar tercatat di daftar hadir", "an outside speaker is in the attendance list"),
  attendanceEvaluated: msg("evaluasi_kehadiran terisi", "evaluasi_kehadiran filled in"),
  attendanceNotEvaluated: msg("evaluasi_kehadiran kosong", "evaluasi_kehadiran is empty"),
  unevaluated: msg("{n} kesepakatan terbuka belum dievaluasi", "{n} open commitments not evaluated"),
  evaluated: msg("{n} kesepakatan dievaluasi", "{n} commitments evaluated"),
  nothingOpen: msg("tidak ada kesepakatan terbuka dari bulan lalu", "no open commitments from last month"),
  followUp: msg("RTL / RPK bulan berikutnya tersusun", "next month's RTL / RPK drawn up"),
  noFollowUp: msg("rtl dan rpk kosong", "rtl and rpk are empty"),
  supervisor: msg("jawaban pembina", "supervisor's answer"),
  supervisorWithData: msg("jawaban pembina (data: {reason})", "supervisor's answer (data: {reason})"),
  bySupervisor: msg(
    "diisi pembina saat supervisi (supervisi.jawaban)",
    "answered by the supervisor (supervisi.jawaban)",
  ),
};

export const TILIK: TilikDef[] = [
  {
    no: 1,
    slug: "surat-tugas",
    question: (p) => `Apakah ada surat penugasan pelaksanaan bimbingan teknis/pembinaan dari tim ${p.pembina}`,
    severity: null,
    path: "supervisi",
    derive: () => null,
  },
  {
    no: 2,
    slug: "buku-tamu",
    question: q("Apakah mengisi buku tamu / kunjungan kerja"),
    severity: null,
    path: "supervisi",
    derive: () => null,
  },
  {
    no: 3,
    slug: "jadwal",
    question: q("Adakah kesesuaian jadwal dengan kunjungan bimbingan teknis/pembinaan"),
    severity: null,
    path: "supervisi",
    derive: () => null,
  },
  {
    no: 4,
    slug: "verifikasi",
    question: q("Apakah sebelum pelaksanaan LOKMIN Bulanan dilakukan verifikasi data antar program"),
    severity: "warning",
    path: "verifikasi_data",
    derive: (ctx) => {
      const v = meetingOf(ctx)?.verifikasi_data;
      const date = meetingOf(ctx)?.tanggal;
      if (!v?.tanggal) return no(t(R.verifyDate));
      if (date && v.tanggal > date) return no(t(R.verifyAfter, { date: v.tanggal, meeting: date }));
      const comparisons = compareMonth(ctx.config, ctx.month);
      if (comparisons.length === 0) return yes(t(R.verifiedOn, { date: v.tanggal }));
      const mismatches = comparisons.filter((c) => !c.holds).length;
      return yes(t(R.verifiedRelations, { date: v.tanggal, n: comparisons.length, mismatches }));
    },
  },
  {
    no: 5,
    slug: "verifikasi-tercatat",
    question: q("Apakah hasil verifikasi tercatat dengan baik"),
    severity: "warning",
    path: "verifikasi_data",
    derive: (ctx) => {
      const v = meetingOf(ctx)?.verifikasi_data;
      const comparisons = compareMonth(ctx.config, ctx.month);
      const open = openMismatches(comparisons);
      if (open.length) {
        const list = [...new Set(open.map((c) => `${c.instance.relation.id}${c.desa ? ` (${c.desa})` : ""}`))];
        return no(t(R.unjustified, { n: open.length, list: list.join(", ") }));
      }
      const settled = comparisons.filter((c) => c.status === "dijustifikasi" || c.status === "diperbaiki").length;
      if (!filled(v?.hasil) && !settled) return no(t(R.notRecorded));
      return yes(settled ? t(R.recordedMismatches, { n: settled }) : t(R.recorded));
    },
  },
  {
    no: 6,
    slug: "verifikasi-dilaporkan",
    question: q("Apakah hasil verifikasi dilaporkan dalam LOKMIN"),
    severity: "warning",
    path: "verifikasi_data",
    derive: (ctx) => (meetingOf(ctx)?.verifikasi_data?.dilaporkan ? yes(t(R.reported)) : no(t(R.notReported))),
  },
  {
    no: 7,
    slug: "agenda",
    question: q("Apakah ada agenda khusus dalam LOKMIN secara sistematis"),
    severity: "warning",
    path: "agenda",
    derive: (ctx) => {
      const n = meetingOf(ctx)?.agenda.length ?? 0;
      return n > 0 ? yes(t(R.agenda, { n })) : no(t(R.noAgenda));
    },
  },
  {
    no: 8,
    slug: "undangan",
    question: q("Apakah ada surat undangan pelaksanaan LOKMIN tersebut"),
    severity: "warning",
    path: "undangan",
    derive: (ctx) => {
      const u = meetingOf(ctx)?.undangan;
      if (!u) return no(t(R.noInvitation));
      const nomor = letterNumber(ctx.config.surat, u);
      return nomor && filled(u.tanggal) ? yes(t(R.invitation, { nomor })) : no(t(R.invitationIncomplete));
    },
  },
  {
    no: 9,
    slug: "susunan-acara",
    question: q("Apakah ada susunan acara pada pelaksanaan LOKMIN tersebut"),
    severity: "warning",
    path: "susunan_acara",
    derive: (ctx) => ((meetingOf(ctx)?.susunan_acara.length ?? 0) > 0 ? yes(t(R.programme)) : no(t(R.noProgramme))),
  },
  {
    no: 10,
    slug: "daftar-hadir",
    question: q("Apakah tersedia daftar hadir dalam LOKMIN"),
    severity: "warning",
    path: "hadir",
    derive: (ctx) => {
      const rows = meetingOf(ctx)?.hadir ?? [];
      if (rows.length === 0) return no(t(R.noAttendance));
      const blank = rows.filter((r) => r.status === null).length;
      if (blank) return no(t(R.blankAttendance, { n: blank }));
      return yes(t(R.attendance, { present: rows.filter((r) => r.status === "hadir").length, total: rows.length }));
    },
  },
  {
    no: 11,
    slug: "notulen",
    question: q("Apakah notulen lokakarya mini tercatat dan terkumpul dalam satu dokumen dengan baik"),
    severity: "warning",
    path: "pembahasan",
    derive: (ctx) => {
      const m = meetingOf(ctx);
      return m && m.pembahasan.length > 0 && filled(m.notulis) && filled(m.tanggal)
        ? yes(t(R.minutes, { n: m.pembahasan.length }))
        : no(t(R.noMinutes));
    },
  },
  {
    no: 12,
    slug: "masalah-rencana-aksi",
    question: q("Apakah tercatat rumusan masalah dan rencana aksi dalam LOKMIN bulanan"),
    severity: "warning",
    path: "masalah",
    derive: (ctx) => {
      const m = meetingOf(ctx);
      return m && m.masalah.length > 0 && m.rtl.length > 0
        ? yes(t(R.problems, { problems: m.masalah.length, rtl: m.rtl.length }))
        : no(t(R.noProblems));
    },
  },
  {
    no: 13,
    slug: "target",
    question: q("Apakah ada target dan batasan yang akan dicapai"),
    severity: "warning",
    path: "kesepakatan",
    derive: (ctx) => {
      const n = ctx.month.programs.flatMap((p) => p.data.indikator).length;
      return n > 0 ? yes(t(R.targets, { n })) : no(t(R.noTargets));
    },
  },
  {
    no: 14,
    slug: "pembahasan",
    question: q("Apakah ada proses pembahasan dalam LOKMIN tersebut"),
    severity: "warning",
    path: "pembahasan",
    derive: (ctx) => ((meetingOf(ctx)?.pembahasan.length ?? 0) > 0 ? yes(t(R.discussion)) : no(t(R.noDiscussion))),
  },
  {
    no: 15,
    slug: "kesepakatan",
    question: q("Apakah ada kesepakatan pelaksanaan peningkatan kinerja program"),
    severity: "warning",
    path: "kesepakatan",
    derive: (ctx) => {
      const n = meetingOf(ctx)?.kesepakatan.length ?? 0;
      return n > 0 ? yes(t(R.agreements, { n })) : no(t(R.noAgreements));
    },
  },
  {
    no: 16,
    slug: "arsip",
    question: q("Apakah dokumen LOKMIN tersimpan dengan rapi dan sistematis"),
    severity: "warning",
    path: "arsip",
    derive: (ctx) => {
      const missing = archiveChecklist(ctx).filter((d) => d.present === false).length;
      const valid = ctx.month.meeting !== undefined && ctx.loadFindings.every((f) => f.severity !== "error");
      return valid && missing === 0 ? yes(t(R.archived)) : no(t(R.notArchived, { n: missing }));
    },
  },
  {
    no: 17,
    slug: "narasumber",
    question: q("Apakah ada narasumber dalam LOKMIN dari luar"),
    severity: null,
    path: "hadir",
    derive: (ctx) => ((meetingOf(ctx)?.hadir ?? []).some((h) => h.narasumber) ? yes(t(R.speaker)) : null),
  },
  {
    no: 18,
    slug: "evaluasi-kehadiran",
    question: q("Apakah kehadiran peserta di evaluasi dalam LOKMIN tersebut"),
    severity: "warning",
    path: "evaluasi_kehadiran",
    derive: (ctx) =>
      filled(meetingOf(ctx)?.evaluasi_kehadiran) ? yes(t(R.attendanceEvaluated)) : no(t(R.attendanceNotEvaluated)),
  },
  {
    no: 19,
    slug: "evaluasi-kesepakatan",
    question: q("Apakah kesepakatan kinerja di evaluasi dalam LOKMIN tersebut"),
    severity: "warning",
    path: "evaluasi_kesepakatan",
    derive: (ctx) => {
      const { missing, blank } = unevaluatedIn(ctx.meetings, ctx.month.id);
      const done = meetingOf(ctx)?.evaluasi_kesepakatan.filter((e) => e.status !== null).length ?? 0;
      if (missing.length + blank.length > 0) return no(t(R.unevaluated, { n: missing.length + blank.length }));
      return yes(done ? t(R.evaluated, { n: done }) : t(R.nothingOpen));
    },
  },
  {
    no: 20,
    slug: "tindak-lanjut",
    question: q("Apakah ada dokumen tindak lanjut hasil LOKMIN tersebut"),
    severity: "warning",
    path: "rtl",
    derive: (ctx) => {
      const m = meetingOf(ctx);
      const rpk = ctx.month.programs.some((p) => p.data.rpk.length > 0);
      return m && (m.rtl.length > 0 || rpk) ? yes(t(R.followUp)) : no(t(R.noFollowUp));
    },
  },
];

export const tilikId = (def: Pick<TilikDef, "no" | "slug">) => `${String(def.no).padStart(2, "0")}-${def.slug}`;
export const TILIK_IDS = TILIK.map(tilikId);

/** The supervisor's recorded answer for an item: keyed "01", "1" or "01-surat-tugas". */
export function supervisorAnswer(answers: Record<string, boolean>, def: Pick<TilikDef, "no" | "slug">) {
  return answers[String(def.no).padStart(2, "0")] ?? answers[String(def.no)] ?? answers[tilikId(def)];
}

const tilikChecklistMemo = new WeakMap<MonthContext, { score: number; total: number; items: TilikItem[] }>();

export function tilikChecklist(ctx: MonthContext): { score: number; total: number; items: TilikItem[] } {
  return once(tilikChecklistMemo, ctx, tilikItems);
}

function tilikItems(ctx: MonthContext): { score: number; total: number; items: TilikItem[] } {
  const answers = meetingOf(ctx)?.supervisi?.jawaban ?? {};
  const items = TILIK.map((def): TilikItem => {
    const recorded = supervisorAnswer(answers, def);
    const derived = def.derive(ctx);
    const base = {
      no: def.no,
      id: tilikId(def),
      question: def.question(ctx.profile),
      severity: def.severity,
      path: def.path,
    };
    if (recorded !== undefined) {
      const reason = derived ? t(R.supervisorWithData, { reason: derived.reason }) : t(R.supervisor);
      return { ...base, answer: recorded, source: "pembina", reason };
    }
    if (derived) return { ...base, answer: derived.answer, source: "data", reason: derived.reason };
    return { ...base, answer: null, source: null, reason: t(R.bySupervisor) };
  });
  return { score: items.filter((i) => i.answer === true).length, total: items.length, items };
}

export interface ArchiveItem {
  id: ArchiveId;
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
export type ArchiveId = (typeof ARCHIVE_IDS)[number];

const A = {
  undangan: msg("isi undangan.nomor dan undangan.tanggal", "fill undangan.nomor and undangan.tanggal"),
  acara: msg("isi susunan_acara", "fill susunan_acara"),
  hadir: msg("isi status setiap baris hadir", "fill the status of every hadir row"),
  notulen: msg("catat pembahasan per agenda", "record the discussion per agenda item"),
  materi: msg("isi capaian program atau arsip.materi", "fill the programs' coverage or arsip.materi"),
  bahasan: msg("catat masalah atau keputusan pembahasan", "record problems or decisions"),
  nota: msg("catat kesepakatan yang ditandatangani", "record the signed commitments"),
  sk: msg("isi arsip.sk_tim_efektif dengan nomor SK", "fill arsip.sk_tim_efektif with the decree number"),
  tindakLanjut: msg(
    "isi tindak_lanjut atau status evaluasi_kesepakatan",
    "fill tindak_lanjut or the evaluation statuses",
  ),
  umpanBalik: msg("catat supervisi.umpan_balik dari Dinas Kesehatan", "record supervisi.umpan_balik from the Dinas"),
};

const archiveChecklistMemo = new WeakMap<MonthContext, ArchiveItem[]>();

export function archiveChecklist(ctx: MonthContext): ArchiveItem[] {
  return once(archiveChecklistMemo, ctx, archiveItems);
}

function archiveItems(ctx: MonthContext): ArchiveItem[] {
  const m = meetingOf(ctx);
  const programs = ctx.month.programs.map((p) => p.data);
  const item = (
    id: ArchiveId,
    name: string,
    present: boolean | null,
    severity: Severity,
    path: string,
    hint: string,
  ) => ({
    id,
    name,
    present,
    severity,
    path,
    hint,
  });
  return [
    item(
      "undangan",
      "Surat undangan",
      Boolean(m?.undangan && numbered(m.undangan) && filled(m.undangan.tanggal)),
      "error",
      "undangan",
      t(A.undangan),
    ),
    item("susunan-acara", "Susunan acara", (m?.susunan_acara.length ?? 0) > 0, "error", "susunan_acara", t(A.acara)),
    item(
      "daftar-hadir",
      "Daftar hadir",
      (m?.hadir.length ?? 0) > 0 && (m?.hadir.every((h) => h.status !== null) ?? false),
      "error",
      "hadir",
      t(A.hadir),
    ),
    item(
      "notulen",
      "Notulen rapat",
      Boolean(m && m.pembahasan.length > 0 && filled(m.tanggal)),
      "error",
      "pembahasan",
      t(A.notulen),
    ),
    item(
      "materi",
      "Bahan / materi LOKMIN",
      (m?.arsip?.materi.length ?? 0) > 0 || programs.some((p) => p.indikator.some((i) => i.kumulatif !== null)),
      "warning",
      "arsip",
      t(A.materi),
    ),
    item(
      "hasil-bahasan",
      "Hasil bahasan",
      Boolean(m && (m.masalah.length > 0 || m.pembahasan.some((p) => filled(p.keputusan)))),
      "error",
      "masalah",
      t(A.bahasan),
    ),
    item("nota-kesepakatan", "Nota kesepakatan", (m?.kesepakatan.length ?? 0) > 0, "error", "kesepakatan", t(A.nota)),
    item("sk-tim-efektif", "SK pembentukan tim efektif", filled(m?.arsip?.sk_tim_efektif), "warning", "arsip", t(A.sk)),
    item(
      "laporan-tindak-lanjut",
      "Laporan tindak lanjut kesepakatan",
      filled(m?.tindak_lanjut) || (m?.evaluasi_kesepakatan.some((e) => e.status !== null) ?? false),
      "warning",
      "tindak_lanjut",
      t(A.tindakLanjut),
    ),
    item(
      "umpan-balik",
      "Feedback pembinaan dari Dinkes",
      m?.supervisi ? Boolean(m.supervisi.umpan_balik?.tanggal) : null,
      "warning",
      "supervisi",
      t(A.umpanBalik),
    ),
  ];
}
