// The data a document template sees, built in named parts (who and where, the meeting, attendance,
// the agenda, the programs, the ranking, the analysis, commitments, the conclusion, the checklist,
// supervision, trends, and the year's other meetings), with everything already formatted the
// Indonesian way (dates, times, numbers with one decimal, NIPs, signature titles) so templates only
// arrange text. Each document names the parts its built-in template reads (src/render/documents.ts),
// and rendering it builds only those, once per month however many documents share them; a
// workspace's own template (Word or Handlebars) sees every part. The fields are documented once in
// templates/README.md. Every field is always present (null, "" or [] when the month has no data)
// so strict templates never trip on absent data. Pure.

import type { MonthReport } from "../domain/check/check.js";
import { dayName, longDate, monthName, periodNames, plainDate, shortMonthName } from "../domain/format-date.js";
import { clock, number, percent, signedGap, timeRange } from "../domain/format-id.js";
import { meetingKindName } from "../domain/meeting-kinds.js";
import { shiftMonth } from "../domain/month.js";
import { rankSolutions } from "../domain/rank/month.js";
import type { RankResult } from "../domain/rank/rank.js";
import { legalBasis, regulationParts, supervisionCitation, supervisionProfile } from "../domain/regulations.js";
import type { EVIDENCE_KINDS, Meeting, ProgramReport, SupervisionTopic, Workspace } from "../domain/schema.js";
import { resolveSop } from "../domain/sop.js";
import {
  accumulationOf,
  monthPeriod,
  periodMonth,
  programFigures,
  reportPeriod,
  villageFigures,
} from "../domain/targets.js";
import { letterNumber } from "../domain/letters.js";
import type { IndicatorTrend } from "../domain/trends.js";
import { compareMonth } from "../domain/verification.js";
import { indonesianTerms } from "../domain/vocabulary.js";
import type { MonthData } from "../domain/workspace-data.js";
import { buildAnalysisContext } from "./analysis-context.js";
import { scoringMatrix } from "./ranking-context.js";
import { headTitle, personView, type PersonView, printNip } from "./people.js";
import { buildVerificationContext, type VerificationSummary, verificationSummary } from "./verification-context.js";
import { firstLokmin, pralokmin, quarterly } from "./year-context.js";

export { headTitle, personView, type PersonView, printNip, rankText } from "./people.js";

export interface RenderInput {
  config: Workspace;
  month: string;
  meeting: Meeting;
  programs: ProgramReport[];
  /** The month's problems ranked; asked for only by the parts that show them. */
  problems: () => RankResult;
  tilik?: MonthReport["tilik"];
  /** The year's coverage trends up to the month; asked for only by the trend part. */
  trends?: () => IndicatorTrend[];
  /** The month fails `lokmin check`: documents carry a DRAF mark. */
  draft?: boolean;
  /** The month as loaded: its meetings beside rapat.yaml (quarterly, pralokmin) and its files, for the verification. */
  loaded: MonthData;
  /**
   * The program files whose figures cover a period (YYYY-MM), from whichever month folder holds
   * them (the quarterly Lokmin reports the quarter that ended before it); empty when none is loaded.
   */
  reportsOf?: (period: string) => ProgramReport[];
}

type Evidence = (typeof EVIDENCE_KINDS)[number];

const STATUS_LABEL: Record<string, string> = {
  hadir: "Hadir",
  izin: "Izin",
  sakit: "Sakit",
  dinas_luar: "Dinas luar",
  alpa: "Tanpa keterangan",
};

const str = (value: string | null | undefined) => value ?? "";

/** Human notes for the Daftar Tilik, by item slug: what the files show, never key names or true/false. */
function tilikNote(
  slug: string,
  meeting: Meeting,
  programs: ProgramReport[],
  present: number,
  invited: number,
  counts: () => VerificationSummary,
  nomor: string | null,
) {
  const v = meeting.verifikasi_data;
  switch (slug) {
    case "verifikasi":
      return v?.tanggal ? `Verifikasi ${plainDate(v.tanggal)}` : "";
    case "verifikasi-tercatat": {
      // Short: the form is one page. The Berita Acara Verifikasi Data has the details.
      const verification = counts();
      if (verification.open) return `${verification.open} selisih belum dijustifikasi`;
      if (verification.settled) return `Tercatat; ${verification.settled} selisih dijustifikasi`;
      return v?.hasil ? "Hasil verifikasi tercatat" : "";
    }
    case "verifikasi-dilaporkan":
      return v?.dilaporkan ? "Dilaporkan dalam Lokmin" : "";
    case "agenda":
      return meeting.agenda.length ? `${meeting.agenda.length} butir agenda` : "";
    case "undangan":
      // A zero-width space after each slash lets a narrow column break a letter number there.
      return nomor ? `Nomor ${nomor.replace(/\//g, "/\u200b")}` : "";
    case "susunan-acara":
      return meeting.susunan_acara.length ? `${meeting.susunan_acara.length} mata acara` : "";
    case "daftar-hadir":
      return invited ? `${present} hadir dari ${invited} undangan` : "";
    case "notulen":
      return meeting.pembahasan.length ? `${meeting.pembahasan.length} butir pembahasan` : "";
    case "masalah-rencana-aksi":
      return meeting.masalah.length ? `${meeting.masalah.length} masalah, ${meeting.rtl.length} RTL` : "";
    case "target": {
      const n = programs.flatMap((p) => p.indikator).length;
      return n ? `${n} indikator bertarget` : "";
    }
    case "kesepakatan":
      return meeting.kesepakatan.length ? `${meeting.kesepakatan.length} kesepakatan` : "";
    case "narasumber": {
      // Only a speaker who came is credited (the checklist's own rule).
      const names = meeting.hadir
        .filter((h) => h.narasumber && h.status === "hadir")
        .map((h) => h.nama ?? h.pegawai ?? "");
      return names.join(", ");
    }
    case "evaluasi-kehadiran":
      return meeting.evaluasi_kehadiran ? "Kehadiran dievaluasi dalam rapat" : "";
    case "evaluasi-kesepakatan":
      return meeting.evaluasi_kesepakatan.length
        ? `${meeting.evaluasi_kesepakatan.length} kesepakatan bulan lalu dievaluasi`
        : "";
    case "tindak-lanjut":
      return meeting.tindak_lanjut ? "Laporan tindak lanjut tercatat" : "";
    default:
      return "";
  }
}

/** Which data a SOP step's agenda item presents in the notulen. */
const SHOWN: Evidence[] = [
  "laporan_bulan_lalu",
  "rencana_bulan_ini",
  "informasi",
  "audit_internal",
  "capaian",
  "masalah",
  "rtl",
  "evaluasi_tengah_tahun",
  "ruk",
  "rpk",
  "kesepakatan",
  "bahan_tribulanan",
  "musrenbang",
];

/** A value computed on first use, then kept. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** What several parts share, each piece computed when a part first asks for it. */
function monthView(input: RenderInput) {
  const { config, month, meeting } = input;
  const person = (id: string | undefined) => personView(config, id);
  const programOrder = new Map(config.program.map((p, i) => [p.id, i]));
  const programs = [...input.programs].sort(
    (a, b) => (programOrder.get(a.program) ?? 1e9) - (programOrder.get(b.program) ?? 1e9),
  );
  const programName = (id: string) => config.program.find((p) => p.id === id)?.nama ?? id;
  const problems = once(input.problems);
  const solutions = once(() => rankSolutions(config, meeting, `${month}/rapat.yaml`));
  /** The month the figures cover (the month before the meeting's under `periode_data: bulan-lalu`). */
  const period = monthPeriod(config, month, programs);
  const attendance = once(() => {
    const attendees = meeting.hadir.map((h, index) => {
      const p = h.pegawai
        ? person(h.pegawai)
        : { nama: h.nama ?? "", jabatan: [h.jabatan, h.instansi].filter(Boolean).join(", "), nip: "" };
      const hadir = h.status === "hadir";
      return {
        no: index + 1,
        nama: p.nama,
        nip: p.nip,
        jabatan: p.jabatan,
        status: h.status ? STATUS_LABEL[h.status] : "",
        hadir,
        /** "Dinas luar", "Izin" …: printed where the signature would go. */
        keterangan: h.status && !hadir ? STATUS_LABEL[h.status] : "",
        ganjil: index % 2 === 0,
        narasumber: Boolean(h.narasumber),
        /** Someone from outside the staff list (a guest, a speaker). */
        tamu: !h.pegawai,
      };
    });
    const count = (status: string) => meeting.hadir.filter((h) => h.status === status).length;
    const absentParts = (["izin", "sakit", "dinas_luar", "alpa"] as const)
      .filter((s) => count(s) > 0)
      .map((s) => `${count(s)} ${STATUS_LABEL[s].toLowerCase()}`);
    const unfilled = meeting.hadir.filter((h) => h.status === null).length;
    if (unfilled) absentParts.push(`${unfilled} belum diisi`);
    /** "Drs. Hasan Basri (Sekretaris Camat, Kecamatan Sukamaju)": who came from outside, named. */
    const named = (a: (typeof attendees)[number]) => (a.jabatan ? `${a.nama} (${a.jabatan})` : a.nama);
    const speakers = attendees.filter((a) => a.narasumber && a.hadir).map(named);
    const guests = attendees.filter((a) => a.tamu && !a.narasumber && a.hadir).map(named);
    return { attendees, present: count("hadir"), absentParts, speakers, guests };
  });
  const indicators = once(() =>
    programs.flatMap((report) => {
      const program = config.program.find((p) => p.id === report.program);
      const figures = programFigures(config, month, report);
      return report.indikator.map((i) => {
        const f = figures.get(i.id);
        const gap = f?.gap ?? null;
        return {
          program: program?.nama ?? report.program,
          indikator: program?.indikator.find((x) => x.id === i.id)?.nama ?? i.id,
          sasaran: number(i.sasaran, 0),
          // The target cumulated to the end of the period the figures cover (by the indicator's kind).
          target: percent(f?.target ?? i.target_kumulatif),
          target_tahunan: percent(i.target_tahunan),
          bulan_ini: number(i.bulan_ini, 0),
          kumulatif: number(i.kumulatif, 0),
          capaian: percent(f?.capaian ?? null),
          kesenjangan: signedGap(gap),
          tertinggal: f?.behind ?? false,
          /** Its capaian could be computed (a sasaran and the figures are there). */
          terukur: f?.capaian != null,
          catatan: str(i.catatan),
        };
      });
    }),
  );
  const reports = once(() =>
    programs
      .filter((p) => p.laporan_kegiatan.length > 0)
      .map((p) => ({
        program: programName(p.program),
        pj: person(p.penanggung_jawab).nama,
        kegiatan: p.laporan_kegiatan.map((k) => ({ kegiatan: k.kegiatan, hasil: str(k.hasil) })),
      })),
  );
  const plans = once(() =>
    programs
      .filter((p) => p.rencana_bulan_ini.length > 0)
      .map((p) => ({ program: programName(p.program), kegiatan: p.rencana_bulan_ini })),
  );
  const evaluations = once(() =>
    meeting.evaluasi_kesepakatan.map((e, i) => ({
      no: i + 1,
      id: e.id,
      uraian: str(e.uraian),
      pj: e.penanggung_jawab ? person(e.penanggung_jawab).nama : "",
      status: e.status ?? "belum dinilai",
      catatan: str(e.catatan),
    })),
  );
  const commitments = once(() =>
    meeting.kesepakatan.map((k, i) => ({
      no: i + 1,
      id: k.id,
      uraian: k.uraian,
      pj: person(k.penanggung_jawab).nama,
      tenggat: plainDate(k.tenggat),
      target: k.target,
    })),
  );
  const ranked = once(() => {
    const rankById = new Map(problems().items.map((item) => [item.id, item]));
    return [...meeting.masalah]
      .map((p) => ({ p, r: rankById.get(p.id) }))
      .sort((a, b) => (a.r?.rank ?? 1e9) - (b.r?.rank ?? 1e9));
  });
  /** The cross-program verification's comparisons (as `check` makes them) and their counts. */
  const comparisons = once(() => compareMonth(config, input.loaded));
  const verification = once(() => verificationSummary(comparisons()));
  const supervisorNotes = meeting.supervisi?.catatan ?? {};
  type Item = { no: number; id: string };
  return {
    config,
    month,
    meeting,
    input,
    person,
    programs,
    programName,
    problems,
    solutions,
    period,
    attendance,
    indicators,
    reports,
    plans,
    evaluations,
    commitments,
    ranked,
    comparisons,
    verification,
    profile: once(() => supervisionProfile(config.pembinaan, config.dinas_kesehatan.nama)),
    place: config.puskesmas.tempat_surat ?? config.puskesmas.kecamatan,
    nextMonth: shiftMonth(month, 1),
    /** The supervisor's own note on a checklist item, by its number ("03", "3") or id. */
    noteFor: (item: Item): string | undefined =>
      supervisorNotes[String(item.no).padStart(2, "0")] ?? supervisorNotes[String(item.no)] ?? supervisorNotes[item.id],
    /** The note the files give a checklist item. */
    derivedNote: (item: Item) =>
      tilikNote(
        item.id.replace(/^\d+-/, ""),
        meeting,
        programs,
        attendance().present,
        attendance().attendees.length,
        verification,
        letterNumber(config.surat, meeting.undangan),
      ),
  };
}

type MonthView = ReturnType<typeof monthView>;

/** Rows of a table grouped by program: the program's name on its first row only (`program_tampil`). */
const firstOfGroup = <T extends { program: string }>(rows: T[]) =>
  rows.map((row, i) => ({ ...row, program_tampil: i > 0 && rows[i - 1].program === row.program ? "" : row.program }));

/** Who and where, and which month: the letterheads, the head and the TU, in every document. */
function identity(v: MonthView) {
  const { config, month } = v;
  const dinas = config.dinas_kesehatan;
  const kepala = v.person(config.pejabat.kepala_puskesmas);
  kepala.jabatan_ttd = headTitle(config);
  const terms = indonesianTerms(config);
  return {
    puskesmas: {
      nama: config.puskesmas.nama,
      alamat: config.puskesmas.alamat,
      kelurahan: str(config.puskesmas.kelurahan),
      kecamatan: config.puskesmas.kecamatan,
      kabupaten_kota: config.puskesmas.kabupaten_kota,
      provinsi: str(config.puskesmas.provinsi),
      kode_pos: str(config.puskesmas.kode_pos),
      telepon: str(config.puskesmas.telepon),
      email: str(config.puskesmas.email),
      laman: str(config.puskesmas.laman),
      tempat_surat: v.place,
    },
    dinas: {
      nama: dinas.nama,
      alamat: str(dinas.alamat),
      kode_pos: str(dinas.kode_pos),
      telepon: str(dinas.telepon),
      email: str(dinas.email),
      laman: str(dinas.laman),
      tembusan: dinas.tembusan ?? ["Arsip"],
    },
    kabupaten_huruf_besar: config.puskesmas.kabupaten_kota.toUpperCase(),
    puskesmas_huruf_besar: config.puskesmas.nama.toUpperCase(),
    kepala,
    tu: v.person(config.pejabat.kasubag_tu),
    draf: v.input.draft ?? false,
    bulan: month,
    bulan_nama: monthName(month),
    bulan_depan_nama: monthName(v.nextMonth),
    tahun: month.slice(0, 4),
    /**
     * The period the figures cover, which every document that prints figures names beside the
     * meeting date: "April 2024", "Januari–April 2024", "s.d. April 2024" (README: the data period).
     */
    periode: { ...periodNames(v.period), sama_dengan_rapat: v.period === month },
    istilah: { unit: terms.unit, Unit: terms.Unit, pj: terms.pj },
  };
}

/** The meeting's header: its kind, chair and minute-taker, date, time and place, the invitation letter. */
function meetingHeader(v: MonthView) {
  const { config, meeting, month, place } = v;
  const zone = config.zona_waktu;
  const invitationDate = meeting.undangan?.tanggal ?? meeting.tanggal;
  const recipients = (meeting.undangan?.penerima ?? []).map((r) =>
    config.pegawai.some((p) => p.id === r) ? v.person(r).nama : r,
  );
  return {
    pimpinan: v.person(meeting.pimpinan),
    notulis: v.person(meeting.notulis),
    jenis: meetingKindName(meeting.jenis),
    rapat: {
      hari_tanggal: meeting.tanggal ? longDate(meeting.tanggal) : "…",
      hari: meeting.tanggal ? dayName(meeting.tanggal) : "…",
      tanggal: meeting.tanggal ? plainDate(meeting.tanggal) : "…",
      waktu: timeRange(meeting.waktu.mulai, meeting.waktu.selesai, zone),
      mulai: `${clock(meeting.waktu.mulai)} ${zone}`,
      selesai: meeting.waktu.selesai ? `${clock(meeting.waktu.selesai)} ${zone}` : "",
      tempat: meeting.tempat ?? "…",
    },
    surat: {
      tempat_tanggal: `${place}, ${invitationDate ? plainDate(invitationDate) : "…"}`,
      nomor: letterNumber(config.surat, meeting.undangan) ?? "…",
      sifat: meeting.undangan?.sifat ?? "Biasa",
      lampiran: meeting.undangan?.lampiran ?? "-",
      hal: meeting.undangan?.hal ?? `Undangan Lokakarya Mini Bulanan ${monthName(month)}`,
      penerima: recipients,
      daftar_terlampir: recipients.length === 0,
      tembusan: meeting.undangan?.tembusan ?? [],
    },
    tempat_tanggal_rapat: `${place}, ${meeting.tanggal ? plainDate(meeting.tanggal) : "…"}`,
    persiapan: {
      kepala_puskesmas: str(meeting.persiapan?.kepala_puskesmas),
      program: str(meeting.persiapan?.program),
      tata_usaha: str(meeting.persiapan?.tata_usaha),
    },
  };
}

/** Who was invited and who came: the attendance list, blank rows for walk-ins, the counts. */
function attendance(v: MonthView) {
  const { attendees, present, absentParts, speakers, guests } = v.attendance();
  const blankRows = Array.from({ length: 5 }, (_, i) => ({
    no: attendees.length + i + 1,
    ganjil: (attendees.length + i) % 2 === 0,
  }));
  return {
    peserta: attendees,
    peserta_kosong: blankRows,
    jumlah_hadir: present,
    jumlah_undangan: attendees.length,
    kehadiran: {
      hadir: present,
      undangan: attendees.length,
      tidak_hadir: absentParts.join(", "),
      ringkas: `${present} hadir dari ${attendees.length} undangan${
        absentParts.length ? ` (${absentParts.join(", ")})` : ""
      }`,
      /** The outside speakers who came, named with their position ("" when none). */
      narasumber: speakers.join("; "),
      /** Guests from outside the staff who came, other than the speakers ("" when none). */
      tamu: guests.join("; "),
    },
    evaluasi_kehadiran: str(v.meeting.evaluasi_kehadiran),
  };
}

/**
 * The programme and the agenda: the notulen follows the agenda, each item presenting the data of
 * its SOP step; data no item claims is presented after the agenda under the step's own title, so
 * nothing is left out.
 */
function agenda(v: MonthView) {
  const { config, meeting, programs } = v;
  const speaker = (id: string) => (config.pegawai.some((x) => x.id === id) ? v.person(id).nama : id);
  const sop = resolveSop(config.sop);
  const stepKind = new Map(sop.steps.map((s) => [s.id, s.bukti]));
  const hasData: Record<Evidence, boolean> = {
    persiapan_kapus: false,
    persiapan_program: false,
    persiapan_tu: false,
    pembahasan: false,
    laporan_bulan_lalu: v.reports().length > 0 || v.evaluations().length > 0 || Boolean(meeting.tindak_lanjut),
    rencana_bulan_ini: v.plans().length > 0,
    informasi: meeting.informasi.length > 0,
    audit_internal: Boolean(meeting.audit_internal),
    capaian: v.indicators().length > 0 || Boolean(meeting.verifikasi_data),
    masalah: meeting.masalah.length > 0,
    rtl: meeting.rtl.length > 0,
    evaluasi_tengah_tahun: Boolean(meeting.evaluasi_tengah_tahun),
    ruk: Boolean(meeting.ruk),
    rpk: programs.some((p) => p.rpk.length > 0),
    kesepakatan: v.commitments().length > 0,
    bahan_tribulanan: Boolean(meeting.bahan_tribulanan),
    musrenbang: Boolean(meeting.musrenbang),
  };
  const sections = (kinds: Evidence[]) =>
    Object.fromEntries(SHOWN.map((k) => [k, kinds.includes(k) && hasData[k]])) as Record<
      (typeof SHOWN)[number],
      boolean
    >;
  const claimed = new Set<Evidence>();
  const items = meeting.agenda.map((a, i) => {
    const kind = a.langkah ? stepKind.get(a.langkah) : undefined;
    const kinds = kind && !claimed.has(kind) ? [kind] : [];
    for (const k of kinds) claimed.add(k);
    const discussion = meeting.pembahasan
      .filter((p) => p.agenda === a.id || (!p.agenda && p.langkah && p.langkah === a.langkah))
      .map((p) => ({ pembicara: speaker(p.pembicara), isi: p.isi, keputusan: str(p.keputusan) }));
    const bagian = sections(kinds);
    return {
      no: i + 1,
      id: a.id,
      judul: a.judul,
      langkah: str(a.langkah),
      pembahasan: discussion,
      bagian,
      /** Nothing recorded for the item: the notulen leaves a blank to fill, never a sentence of its own. */
      kosong: discussion.length === 0 && !Object.values(bagian).some(Boolean),
    };
  });
  const unclaimed = SHOWN.filter((k) => hasData[k] && !claimed.has(k));
  const extra = unclaimed.map((kind, i) => ({
    no: items.length + i + 1,
    id: "",
    judul: sop.steps.find((s) => s.bukti === kind)?.judul ?? kind,
    langkah: sop.steps.find((s) => s.bukti === kind)?.id ?? "",
    pembahasan: [] as Array<{ pembicara: string; isi: string; keputusan: string }>,
    bagian: sections([kind]),
    kosong: false,
  }));
  const unlinked = meeting.pembahasan
    .filter((p) => !meeting.agenda.some((a) => a.id === p.agenda || (!p.agenda && p.langkah === a.langkah)))
    .map((p) => ({ pembicara: speaker(p.pembicara), isi: p.isi, keputusan: str(p.keputusan) }));
  return {
    acara: meeting.susunan_acara.map((a, i) => ({
      no: i + 1,
      waktu: a.waktu,
      acara: a.acara,
      pelaksana: a.pelaksana ?? "",
    })),
    agenda: items,
    /** The agenda items and, after them, the steps no item covers: the body of the notulen. */
    jalannya_rapat: [...items, ...extra],
    pembahasan_lain: unlinked,
    pembahasan: meeting.pembahasan.map((p, i) => ({
      no: i + 1,
      agenda: meeting.agenda.find((a) => a.id === p.agenda)?.judul ?? p.agenda ?? "",
      pembicara: speaker(p.pembicara),
      isi: p.isi,
      keputusan: p.keputusan ?? "",
    })),
  };
}

/** What the meeting recorded beside the agenda: information, data verification, audits, plans. */
function notes(v: MonthView) {
  const { meeting } = v;
  return {
    informasi: meeting.informasi,
    verifikasi: meeting.verifikasi_data
      ? {
          tanggal: meeting.verifikasi_data.tanggal ? plainDate(meeting.verifikasi_data.tanggal) : "",
          hasil: str(meeting.verifikasi_data.hasil),
          dilaporkan: meeting.verifikasi_data.dilaporkan,
        }
      : null,
    audit_internal: str(meeting.audit_internal),
    evaluasi_tengah_tahun: str(meeting.evaluasi_tengah_tahun),
    ruk: str(meeting.ruk),
    musrenbang: str(meeting.musrenbang),
    bahan_tribulanan: str(meeting.bahan_tribulanan),
    tindak_lanjut: str(meeting.tindak_lanjut),
  };
}

/** The programs' reports (in the order of lokmin.yaml): activities, plans, analyses, coverage, next month's RPK. */
function programReports(v: MonthView) {
  const { config, programs } = v;
  const villages = programs.flatMap((report) =>
    report.indikator
      .filter((i) => (i.per_desa ?? []).length > 0)
      .map((i) => ({
        program: v.programName(report.program),
        indikator:
          config.program.find((p) => p.id === report.program)?.indikator.find((x) => x.id === i.id)?.nama ?? i.id,
        desa: (i.per_desa ?? []).map((d) => ({
          desa: d.desa,
          sasaran: number(d.sasaran, 0),
          bulan_ini: number(d.bulan_ini, 0),
          kumulatif: number(d.kumulatif, 0),
          capaian: percent(
            villageFigures(
              i,
              d,
              accumulationOf(config, report.program, i.id),
              periodMonth(reportPeriod(config, v.month, report)),
            )?.capaian ?? null,
          ),
        })),
      })),
  );
  const analysesAll = programs
    .filter((p) => p.analisis)
    .map((p) => {
      const a = p.analisis;
      const parts = typeof a === "string" ? { orang: "", waktu: "", tempat: "", catatan: a } : a;
      return {
        program: v.programName(p.program),
        pj: v.person(p.penanggung_jawab).nama,
        orang: str(parts?.orang),
        waktu: str(parts?.waktu),
        tempat: str(parts?.tempat),
        catatan: str(parts?.catatan),
      };
    });
  // By person, time and place where it was written so; free-text notes are listed apart.
  const analyses = analysesAll.filter((a) => a.orang || a.waktu || a.tempat);
  const analysisNotes = analysesAll.filter((a) => a.catatan).map((a) => ({ program: a.program, catatan: a.catatan }));
  const reports = v.reports();
  const plans = v.plans();
  return {
    laporan: reports,
    laporan_kegiatan: firstOfGroup(
      reports.flatMap((r) => r.kegiatan.map((k) => ({ program: r.program, pj: r.pj, ...k }))),
    ),
    rencana: plans,
    rencana_kegiatan: firstOfGroup(
      plans.flatMap((p) => p.kegiatan.map((kegiatan) => ({ program: p.program, kegiatan }))),
    ),
    analisis_program: analyses,
    analisis_program_catatan: analysisNotes,
    capaian: firstOfGroup(v.indicators()),
    capaian_desa: villages,
    rpk: programs
      .flatMap((report) =>
        report.rpk.map((r) => ({
          program: v.programName(report.program),
          kegiatan: r.kegiatan,
          tujuan: r.tujuan ?? "",
          sasaran: r.sasaran ?? "",
          volume: r.volume ?? "",
          waktu: r.waktu ?? "",
          tempat: r.tempat ?? "",
          biaya: r.biaya ?? "",
          pj: v.person(r.penanggung_jawab ?? report.penanggung_jawab).nama,
        })),
      )
      .map((r, i) => ({ no: i + 1, ...r })),
    jumlah_rpk: programs.reduce((sum, p) => sum + p.rpk.length, 0),
  };
}

/** The month's problems by rank, with the method, its formula, causes and solutions. */
function ranking(v: MonthView) {
  const problems = v.problems();
  const { config, meeting } = v;
  const rater = (id: string) => (config.pegawai.some((p) => p.id === id) ? v.person(id).nama : id);
  const rankOf = new Map(problems.items.map((item) => [item.id, item.rank]));
  return {
    metode: problems.method.toUpperCase(),
    rumus: problems.formula,
    /** The scoring matrix of the problems: each criterion, the scores, total, rank, ties explained. */
    matriks_masalah: scoringMatrix({
      config,
      target: "masalah",
      result: problems,
      items: meeting.masalah.map((p) => ({ ...p, title: p.judul })),
      name: rater,
    }),
    /** Per problem (in rank order), the matrix of its solution alternatives and which was chosen. */
    matriks_solusi: v
      .solutions()
      .map((result) => {
        const problem = meeting.masalah[result.problemIndex];
        const chosen = new Set(problem.solusi.filter((s) => s.dipilih).map((s) => s.id));
        const matrix = scoringMatrix({
          config,
          target: "solusi",
          result,
          items: problem.solusi.map((s) => ({ ...s, title: s.uraian })),
          name: rater,
        });
        const rank = rankOf.get(problem.id) ?? null;
        return {
          ...matrix,
          masalah: problem.judul,
          peringkat_masalah: rank === null ? "–" : String(rank),
          urut: rank ?? 1e9,
          baris: matrix.baris.map((row) => ({ ...row, dipilih: chosen.has(row.id) ? "✓" : "" })),
        };
      })
      .sort((a, b) => a.urut - b.urut)
      .map(({ urut: _, ...rest }) => rest),
    masalah: v.ranked().map(({ p, r }) => ({
      peringkat: r?.rank ?? "–",
      id: p.id,
      judul: p.judul,
      program: p.program ? v.programName(p.program) : "",
      uraian: str(p.uraian),
      total: r?.total === null || r?.total === undefined ? "–" : number(r.total),
      akar_masalah: p.akar_masalah.map((a) => (a.kategori ? `${a.kategori}: ${a.uraian}` : a.uraian)).join("; "),
      akar_masalah_baris: p.akar_masalah.map((a) => (a.kategori ? `${a.kategori}: ${a.uraian}` : a.uraian)).join("\n"),
      solusi_baris: [...p.solusi]
        .sort((a, b) => (a.peringkat ?? 1e9) - (b.peringkat ?? 1e9))
        .map((s) => `${s.peringkat ?? "–"}. ${s.uraian}${s.total === undefined ? "" : ` (${number(s.total)})`}`)
        .join("\n"),
      penyebab: p.akar_masalah.map((a) => ({ kategori: a.kategori ?? "Lainnya", uraian: a.uraian })),
      solusi: [...p.solusi]
        .sort((a, b) => (a.peringkat ?? 1e9) - (b.peringkat ?? 1e9))
        .map((s) => ({
          peringkat: s.peringkat ?? "–",
          uraian: s.uraian,
          total: s.total === undefined ? "–" : number(s.total),
          dipilih: Boolean(s.dipilih),
        })),
      solusi_terpilih: p.solusi.find((s) => s.dipilih)?.uraian ?? "",
    })),
  };
}

/** The forum's analysis (src/render/analysis-context.ts): fishbones, SWOT, the stakeholder map. */
function analysis(v: MonthView) {
  const built = buildAnalysisContext({ config: v.config, meeting: v.meeting, problems: v.problems() });
  const profile = v.profile();
  // Each tool the month used, with the article of the kabupaten's regulation where there is one.
  const cited = (text: string, topic: SupervisionTopic) =>
    profile.regional ? `${text} (${supervisionCitation(profile, topic)})` : text;
  const tools = [
    built.ada_fishbone ? cited("fishbone akar masalah", "fishbone") : "",
    built.ada_swot ? cited("tabel SWOT", "swot") : "",
    built.stakeholder.ada ? cited("peta stakeholder", "stakeholder") : "",
  ].filter(Boolean);
  const dasar = tools.length ? `${tools[0][0].toUpperCase()}${inWords(tools).slice(1)}` : "";
  return { analisis: { ...built, dasar } };
}

/** Last month's commitments evaluated, this month's, who signs them, and the follow-up plan (RTL). */
function commitments(v: MonthView) {
  const { config, meeting } = v;
  const statusOf = new Map(meeting.hadir.filter((h) => h.pegawai).map((h) => [h.pegawai as string, h.status]));
  const signerIds = [...new Set(meeting.kesepakatan.flatMap((k) => k.ditandatangani))];
  const absentNote = (id: string) => {
    const status = statusOf.get(id);
    if (status === "hadir") return "";
    return status ? `tidak hadir: ${STATUS_LABEL[status].toLowerCase()}` : "tidak tercatat di daftar hadir";
  };
  const coordinators = signerIds
    .filter((id) => id !== config.pejabat.kepala_puskesmas)
    .map((id) => ({ ...v.person(id), catatan: absentNote(id) }));
  return {
    evaluasi_kesepakatan: v.evaluations(),
    kesepakatan: v.commitments(),
    /** Program coordinators who sign the nota kesepakatan (the head signs under "Mengetahui"). */
    penandatangan: coordinators,
    /** The same signers in a sentence, for the notulen: who signed, with the same notes; who has not. */
    penandatangan_kalimat: signersSentence(v, signerIds, coordinators),
    rtl: meeting.rtl.map((r, i) => ({
      no: i + 1,
      id: r.id,
      kegiatan: r.kegiatan,
      sasaran: r.sasaran ?? "",
      waktu: r.waktu ?? "",
      biaya: r.biaya ?? "",
      indikator_keberhasilan: r.indikator_keberhasilan ?? "",
      pj: v.person(r.penanggung_jawab).nama,
      masalah: meeting.masalah.find((m) => m.id === r.masalah)?.judul ?? r.masalah ?? "",
    })),
  };
}

/** "A, B dan C": names in a sentence. */
const inWords = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} dan ${names[names.length - 1]}`;

/**
 * Who signed the nota kesepakatan, from the one list the nota prints: the coordinators by name
 * (with the nota's note for one who was absent), the head when they signed, and the commitments'
 * owners who have not signed. "seluruh" only when every owner of a commitment did sign.
 */
function signersSentence(
  v: MonthView,
  signerIds: readonly string[],
  coordinators: ReadonlyArray<PersonView & { catatan: string }>,
) {
  const { config, meeting } = v;
  if (meeting.kesepakatan.length === 0) return "";
  const owners = [...new Set(meeting.kesepakatan.map((k) => k.penanggung_jawab))].filter(
    (id) => id !== config.pejabat.kepala_puskesmas,
  );
  const unsigned = owners.filter((id) => !signerIds.includes(id));
  const headSigned = signerIds.includes(config.pejabat.kepala_puskesmas);
  if (coordinators.length === 0 && !headSigned) return "Nota kesepakatan belum ditandatangani.";
  const names = coordinators.map((c) => (c.catatan ? `${c.nama} (${c.catatan})` : c.nama));
  const all = unsigned.length === 0 && owners.length > 1 && coordinators.every((c) => !c.catatan);
  const signed = coordinators.length
    ? `Nota kesepakatan ditandatangani ${all ? `seluruh PJ kesepakatan (${owners.length} orang): ` : "oleh "}` +
      `${inWords(names)}${headSigned ? `, diketahui ${v.person(config.pejabat.kepala_puskesmas).nama}` : ""}.`
    : `Nota kesepakatan ditandatangani ${v.person(config.pejabat.kepala_puskesmas).nama}.`;
  const missing = unsigned.length ? ` Belum menandatangani: ${inWords(unsigned.map((id) => v.person(id).nama))}.` : "";
  return signed + missing;
}

/** The meeting's conclusion: its own words, or composed from the coverage, the ranking and the commitments. */
function conclusion(v: MonthView) {
  const { meeting } = v;
  const written = meeting.kesimpulan
    ? Array.isArray(meeting.kesimpulan)
      ? meeting.kesimpulan
      : [meeting.kesimpulan]
    : [];
  if (written.length) return { kesimpulan: written };
  const indicators = v.indicators();
  const behind = indicators.filter((i) => i.tertinggal).length;
  const statusCount = (s: string) => meeting.evaluasi_kesepakatan.filter((e) => e.status === s).length;
  const commitmentCount = v.commitments().length;
  const measured = indicators.filter((i) => i.terukur).length;
  const unmeasured = indicators.length - measured;
  const kesimpulan = [
    measured ? `${behind} dari ${measured} indikator masih di bawah target kumulatif ${periodNames(v.period).sd}.` : "",
    // Counted apart, so "4 dari 14" never reads as ten on target when ten have no figures or sasaran.
    unmeasured
      ? `${unmeasured} indikator belum dapat dihitung capaiannya (sasaran atau angka capaian belum diisi).`
      : "",
    meeting.masalah.length
      ? `${meeting.masalah.length} masalah diprioritaskan dengan metode ${v.problems().method.toUpperCase()}; ` +
        `prioritas pertama: ${v.ranked()[0]?.p.judul ?? "–"}.`
      : "",
    meeting.evaluasi_kesepakatan.length
      ? `Kesepakatan bulan lalu: ${(
          [
            ["selesai", "selesai"],
            ["sebagian", "sebagian"],
            ["berjalan", "berjalan (belum jatuh tempo)"],
            ["belum", "belum terlaksana"],
            ["batal", "batal"],
          ] as const
        )
          .filter(([status]) => statusCount(status) > 0)
          .map(([status, words]) => `${statusCount(status)} ${words}`)
          .join(", ")}.`
      : "",
    commitmentCount
      ? `${commitmentCount} kesepakatan baru disepakati dan dievaluasi pada Lokakarya Mini bulan ` +
        `${monthName(v.nextMonth)}.`
      : "",
  ].filter(Boolean);
  return { kesimpulan };
}

/** The Daftar Tilik: the 20 items answered from `check` and the supervisor, with notes a person can read. */
function checklist(v: MonthView) {
  const tilik = v.input.tilik;
  const unanswered = (tilik?.items ?? []).filter((i) => i.answer === null).length;
  return {
    tilik: {
      skor: tilik?.score ?? 0,
      total: tilik?.total ?? 0,
      belum_dijawab: unanswered,
      butir: (tilik?.items ?? []).map((item) => ({
        no: item.no,
        pertanyaan: item.question,
        ya: item.answer === true ? "✓" : "",
        tidak: item.answer === false ? "✓" : "",
        keterangan: v.noteFor(item) ?? (item.answer === null ? "" : v.derivedNote(item)),
      })),
    },
  };
}

/** Supervision: the regulation, the Dinas' signer, the visit, and the feedback letter. */
function supervision(v: MonthView) {
  const { config, meeting } = v;
  const profile = v.profile();
  const regulation = regulationParts(profile);
  const dinas = config.dinas_kesehatan;
  const dinasSigner = (() => {
    const on = dinas.penandatangan;
    const base = `Kepala ${dinas.nama}`;
    if (on) {
      const title =
        on.sebutan === "a.n."
          ? `a.n. ${base}\n${on.jabatan ?? ""}`.trim()
          : on.sebutan
            ? `${on.sebutan} ${base}`
            : (on.jabatan ?? base);
      return { jabatan_ttd: title, nama: on.nama, pangkat: str(on.pangkat), nip: printNip(on.nip), ada: true };
    }
    if (dinas.kepala)
      return {
        jabatan_ttd: base,
        nama: dinas.kepala.nama,
        pangkat: str(dinas.kepala.pangkat),
        nip: printNip(dinas.kepala.nip),
        ada: true,
      };
    return { jabatan_ttd: base, nama: "", pangkat: "", nip: "", ada: false };
  })();
  const feedback = meeting.supervisi?.umpan_balik;
  const tilik = v.input.tilik;
  return {
    penandatangan_dinas: dinasSigner,
    regulasi: {
      /** A kabupaten/kota regulation governs supervision (else only national rules are cited). */
      daerah: profile.regional,
      nama: profile.nama,
      singkat: profile.singkat,
      jenis: regulation.jenis,
      nomor: regulation.nomor,
      tahun: regulation.tahun,
      tentang: regulation.tentang,
      lampiran_tilik: profile.lampiran_tilik,
      /** "LAMPIRAN III PERATURAN BUPATI MUSI RAWAS" ("" without a kabupaten regulation). */
      lampiran_besar: profile.regional
        ? `${profile.lampiran_tilik || "Lampiran"} ${regulation.jenis}`.toUpperCase()
        : "",
      tentang_besar: regulation.tentang.toUpperCase(),
      judul_tilik: profile.judul_tilik,
      pasal_umpan_balik: profile.pasal.umpan_balik,
      pasal_tilik: profile.pasal.tilik,
      pembina: profile.pembina,
      /** What the feedback letter rests on, in full: the article and the regulation, or Permenkes 44/2016. */
      dasar_umpan_balik: legalBasis(profile, "umpan_balik"),
    },
    supervisi: {
      ada: Boolean(meeting.supervisi),
      tanggal: meeting.supervisi ? plainDate(meeting.supervisi.tanggal) : "",
      pembina: meeting.supervisi?.pembina ?? "",
    },
    umpan_balik: feedback
      ? {
          nomor: feedback.nomor ?? "…",
          tanggal: feedback.tanggal ? plainDate(feedback.tanggal) : "…",
          tempat_tanggal: `${config.puskesmas.kabupaten_kota.replace(/^(Kabupaten|Kota) /, "")}, ${
            feedback.tanggal ? plainDate(feedback.tanggal) : "…"
          }`,
          rekomendasi: feedback.rekomendasi,
          tidak: (tilik?.items ?? [])
            .filter((i) => i.answer === false)
            .map((i) => ({
              no: i.no,
              pertanyaan: i.question,
              alasan: v.noteFor(i) ?? v.derivedNote(i),
            })),
        }
      : null,
  };
}

/** The coverage trend of each indicator over the year up to the month. */
function trends(v: MonthView) {
  const list = v.input.trends?.() ?? [];
  return {
    tren_bulan: [...new Set(list.flatMap((t) => t.points.map((p) => p.month)))].sort().map(shortMonthName),
    tren: firstOfGroup(
      list.map((trend) => {
        const last = trend.points[trend.points.length - 1];
        return {
          program: trend.programName,
          indikator: trend.nama,
          nilai: trend.points.map((p) => (p.capaian === null ? "–" : number(p.capaian, 1, 1))),
          per_bulan: trend.points.map((p) => (p.capaian === null ? "–" : number(p.capaian, 1, 1))).join(" · "),
          capaian: percent(last.capaian),
          target: percent(last.target),
          tertinggal: trend.flagged,
          keterangan: trend.flagged
            ? `tertinggal ${trend.behindStreak} bulan berturut-turut`
            : trend.behindStreak === 1
              ? "di bawah target bulan ini"
              : "sesuai target",
        };
      }),
    ),
    tren_tertinggal: list
      .filter((t) => t.flagged)
      .map((t) => ({ indikator: t.nama, program: t.programName, bulan: t.behindStreak })),
    ada_tren: list.length > 0,
  };
}

/** The parts of the render context, each a function of the month; `identity` is in every document. */
export const PARTS = {
  identity,
  meeting: meetingHeader,
  attendance,
  agenda,
  notes,
  programs: programReports,
  ranking,
  analysis,
  commitments,
  conclusion,
  checklist,
  supervision,
  trends,
  /** The cross-program data verification's Berita Acara (src/render/verification-context.ts). */
  verification: (v: MonthView) =>
    buildVerificationContext({
      config: v.config,
      loaded: v.input.loaded,
      profile: v.profile(),
      comparisons: v.comparisons(),
    }),
  /** The first Lokmin of the year: the task matrix and the POA (src/render/year-context.ts). */
  first: (v: MonthView) => ({ pertama: v.meeting.jenis === "pertama" ? firstLokmin(v.config, v.meeting) : null }),
  /** The quarterly cross-sector Lokmin held in the month (tribulanan.yaml). */
  quarterly: (v: MonthView) => ({
    tribulanan: v.input.loaded?.quarterly
      ? quarterly(
          v.config,
          v.input.loaded.quarterly.data,
          v.input.reportsOf ??
            ((period: string) => v.programs.filter((p) => reportPeriod(v.config, v.month, p) === period)),
        )
      : null,
  }),
  /** The pralokmin of each klaster. */
  pralokmin: (v: MonthView) => ({
    pralokmin: pralokmin(
      v.config,
      (v.input.loaded?.pralokmin ?? []).map((p) => p.data),
    ),
  }),
} satisfies Record<string, (v: MonthView) => object>;

export type PartName = keyof typeof PARTS;
export const PART_NAMES = Object.keys(PARTS) as PartName[];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every field a template may read: all parts together. */
export type RenderContext = UnionToIntersection<ReturnType<(typeof PARTS)[PartName]>>;

/** The fields of some parts (identity's always among them). */
export type PartialContext = Pick<RenderContext, keyof ReturnType<typeof identity>> & Partial<RenderContext>;

/**
 * The render context of a month, built part by part as documents ask for them: each part at most
 * once, the ranking and the trends only when a part that shows them is asked for.
 */
export function renderContext(input: RenderInput) {
  const view = monthView(input);
  const built = new Map<PartName, object>();
  const part = (name: PartName) => {
    let fields = built.get(name);
    if (!fields) {
      fields = PARTS[name](view);
      built.set(name, fields);
    }
    return fields;
  };
  const escapedParts = new Map<PartName, object>();
  const escapedPart = (name: PartName) => {
    let fields = escapedParts.get(name);
    if (!fields) {
      fields = escapeForBlocks(part(name));
      escapedParts.set(name, fields);
    }
    return fields;
  };
  /** The fields of some parts; its escaped copy is made of the parts' copies, each escaped once. */
  const compose = (names: readonly PartName[]) => {
    const fields = Object.assign({}, ...names.map(part)) as object;
    COMPOSED.set(fields, () => withMarker(Object.assign({}, ...names.map(escapedPart)) as object, ""));
    return fields;
  };
  return {
    /** The fields of these parts and of `identity`, in the order of PARTS. */
    of: (names: readonly PartName[]): PartialContext =>
      compose(PART_NAMES.filter((n) => n === "identity" || names.includes(n))) as PartialContext,
    /** Every field: what a workspace's own template sees. */
    all: (): RenderContext => compose(PART_NAMES) as RenderContext,
    /** The parts built so far. */
    built: (): PartName[] => [...built.keys()],
  };
}

/** The whole render context of a month at once. */
export const buildRenderContext = (input: RenderInput): RenderContext => renderContext(input).all();

/** What a list or a section of the data prints as, so that a template printing one can be told what it did. */
export const NOT_TEXT = /\uE000(list|section):([^\uE001]*)\uE001/;

/**
 * Make every string of the data inert in the block language: each character that means something
 * there (line breaks, cell bars, inline markup, and the characters that start a block, a list item
 * or a cell marker) is escaped with a backslash, which the parser turns back into the character.
 * Data can never become layout. A list or section printed as text (`{{rapat}}`) prints a marker
 * naming it (NOT_TEXT) instead of "[object Object]", and the template is refused.
 */
export function escapeForBlocks<T>(value: T, field = ""): T {
  if (typeof value === "string")
    return value
      .replace(/[\uE000\uE001]/g, "")
      .replace(/[\\|*_:#>^-]/g, "\\$&")
      .replace(/\r?\n|\r/g, "\\n") as T;
  if (value && typeof value === "object") {
    const list = Array.isArray(value);
    const copy = list
      ? value.map((v, i) => escapeForBlocks(v, `${field}.${i}`))
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeForBlocks(v, field ? `${field}.${k}` : k)]));
    return withMarker(copy, field) as T;
  }
  return value;
}

/** A list or section that prints as its NOT_TEXT marker. */
function withMarker<T extends object>(copy: T, field: string): T {
  const marker = `\uE000${Array.isArray(copy) ? "list" : "section"}:${field}\uE001`;
  Object.defineProperty(copy, "toString", { value: () => marker, enumerable: false });
  return copy;
}

/** How to make the escaped copy of a context `renderContext` composed: from its parts' escaped copies. */
const COMPOSED = new WeakMap<object, () => object>();
const INERT = new WeakMap<object, object>();

/** The escaped copy of a context (escapeForBlocks), made once however many times a template reads it. */
export function inert(context: object): object {
  let copy = INERT.get(context);
  if (!copy) {
    copy = COMPOSED.get(context)?.() ?? escapeForBlocks(context);
    INERT.set(context, copy);
  }
  return copy;
}
