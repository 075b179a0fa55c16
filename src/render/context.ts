// The data a document template sees: one plain object built from the workspace and the month,
// with everything already formatted the Indonesian way (dates, times, numbers, NIPs) so the
// templates only arrange text. Pure.

import type { MonthReport } from "../domain/check/check.js";
import { dayName, longDate, monthName, plainDate } from "../domain/format-date.js";
import { formatNip, number, percent, timeRange } from "../domain/format-id.js";
import { meetingKindName } from "../domain/meeting-kinds.js";
import { shiftMonth } from "../domain/month.js";
import type { RankResult } from "../domain/rank/rank.js";
import type { Meeting, Person, ProgramReport, Workspace } from "../domain/schema.js";
import { coverageGap, coveragePercent } from "../domain/targets.js";
import type { IndicatorTrend } from "../domain/trends.js";
import { buildAnalysisContext } from "./analysis-context.js";

export interface RenderInput {
  config: Workspace;
  month: string;
  meeting: Meeting;
  programs: ProgramReport[];
  problems: RankResult;
  tilik?: MonthReport["tilik"];
  trends?: IndicatorTrend[];
}

const STATUS_LABEL: Record<string, string> = {
  hadir: "Hadir",
  izin: "Izin",
  sakit: "Sakit",
  dinas_luar: "Dinas luar",
  alpa: "Tanpa keterangan",
};

export function personView(config: Workspace, id: string | undefined) {
  const person: Person | undefined = config.pegawai.find((p) => p.id === id);
  return {
    id,
    nama: person?.nama ?? id ?? "",
    jabatan: person?.jabatan ?? "",
    nip: formatNip(person?.nip),
    ada_nip: Boolean(person?.nip),
  };
}

export function buildRenderContext({ config, month, meeting, programs, problems, tilik, trends = [] }: RenderInput) {
  const person = (id: string | undefined) => personView(config, id);
  const zone = config.zona_waktu;
  const place = config.puskesmas.tempat_surat ?? config.puskesmas.kecamatan;
  const invitationDate = meeting.undangan?.tanggal ?? meeting.tanggal;
  const recipients = (meeting.undangan?.penerima ?? []).map((r) =>
    config.pegawai.some((p) => p.id === r) ? person(r).nama : r,
  );
  const attendees = meeting.hadir.map((h, index) => {
    const p = h.pegawai
      ? person(h.pegawai)
      : { nama: h.nama ?? "", jabatan: [h.jabatan, h.instansi].filter(Boolean).join(", ") };
    return {
      no: index + 1,
      nama: p.nama,
      jabatan: p.jabatan,
      status: h.status ? STATUS_LABEL[h.status] : "",
      ganjil: index % 2 === 0,
      narasumber: Boolean(h.narasumber),
    };
  });
  const blankRows = Array.from({ length: 5 }, (_, i) => ({
    no: attendees.length + i + 1,
    ganjil: (attendees.length + i) % 2 === 0,
  }));
  const rankById = new Map(problems.items.map((item) => [item.id, item]));
  const indicators = programs.flatMap((report) => {
    const program = config.program.find((p) => p.id === report.program);
    return report.indikator.map((i) => {
      const gap = coverageGap(i);
      return {
        program: program?.nama ?? report.program,
        indikator: program?.indikator.find((x) => x.id === i.id)?.nama ?? i.id,
        sasaran: number(i.sasaran, 0),
        target: percent(i.target_kumulatif),
        kumulatif: number(i.kumulatif, 0),
        capaian: percent(coveragePercent(i)),
        kesenjangan: gap === null ? "–" : gap > 0 ? `−${number(gap, 1)}` : `+${number(-gap, 1)}`,
        tertinggal: gap !== null && gap > 0,
      };
    });
  });
  const ranked = [...meeting.masalah]
    .map((p) => ({ p, r: rankById.get(p.id) }))
    .sort((a, b) => (a.r?.rank ?? 1e9) - (b.r?.rank ?? 1e9));
  const nextMonth = shiftMonth(month, 1);
  return {
    puskesmas: config.puskesmas,
    dinas: config.dinas_kesehatan,
    kabupaten_huruf_besar: config.puskesmas.kabupaten_kota.toUpperCase(),
    puskesmas_huruf_besar: config.puskesmas.nama.toUpperCase(),
    kepala: person(config.pejabat.kepala_puskesmas),
    tu: person(config.pejabat.kasubag_tu),
    pimpinan: person(meeting.pimpinan),
    notulis: person(meeting.notulis),
    bulan: month,
    bulan_nama: monthName(month),
    bulan_depan_nama: monthName(nextMonth),
    jenis: meetingKindName(meeting.jenis),
    rapat: {
      hari_tanggal: meeting.tanggal ? longDate(meeting.tanggal) : "…",
      hari: meeting.tanggal ? dayName(meeting.tanggal) : "…",
      tanggal: meeting.tanggal ? plainDate(meeting.tanggal) : "…",
      waktu: timeRange(meeting.waktu.mulai, meeting.waktu.selesai, zone),
      tempat: meeting.tempat ?? "…",
    },
    surat: {
      tempat_tanggal: `${place}, ${invitationDate ? plainDate(invitationDate) : "…"}`,
      nomor: meeting.undangan?.nomor ?? "…",
      sifat: meeting.undangan?.sifat ?? "Biasa",
      lampiran: meeting.undangan?.lampiran ?? "-",
      hal: meeting.undangan?.hal ?? `Undangan Lokakarya Mini Bulanan ${monthName(month)}`,
      penerima: recipients,
      daftar_terlampir: recipients.length === 0,
      tembusan: meeting.undangan?.tembusan ?? [],
    },
    tempat_tanggal_rapat: `${place}, ${meeting.tanggal ? plainDate(meeting.tanggal) : "…"}`,
    acara: meeting.susunan_acara.map((a, i) => ({
      no: i + 1,
      waktu: a.waktu,
      acara: a.acara,
      pelaksana: a.pelaksana ?? "",
    })),
    agenda: meeting.agenda.map((a, i) => ({ no: i + 1, id: a.id, judul: a.judul, langkah: a.langkah ?? "" })),
    peserta: attendees,
    peserta_kosong: blankRows,
    jumlah_hadir: attendees.filter((a) => a.status === "Hadir").length,
    jumlah_undangan: attendees.length,
    evaluasi_kehadiran: meeting.evaluasi_kehadiran ?? "",
    informasi: meeting.informasi,
    pembahasan: meeting.pembahasan.map((p, i) => ({
      no: i + 1,
      agenda: meeting.agenda.find((a) => a.id === p.agenda)?.judul ?? p.agenda ?? "",
      pembicara: config.pegawai.some((x) => x.id === p.pembicara) ? person(p.pembicara).nama : p.pembicara,
      isi: p.isi,
      keputusan: p.keputusan ?? "",
    })),
    capaian: indicators,
    analisis: buildAnalysisContext({ config, meeting, problems }),
    metode: problems.method.toUpperCase(),
    rumus: problems.formula,
    masalah: ranked.map(({ p, r }) => ({
      peringkat: r?.rank ?? "–",
      id: p.id,
      judul: p.judul,
      total: r?.total === null || r?.total === undefined ? "–" : number(r.total),
      akar_masalah: p.akar_masalah.map((a) => (a.kategori ? `${a.kategori}: ${a.uraian}` : a.uraian)).join("; "),
      solusi_terpilih: p.solusi.find((s) => s.dipilih)?.uraian ?? "",
    })),
    evaluasi_kesepakatan: meeting.evaluasi_kesepakatan.map((e, i) => ({
      no: i + 1,
      id: e.id,
      uraian: e.uraian ?? "",
      pj: person(e.penanggung_jawab).nama,
      status: e.status ?? "belum dinilai",
      catatan: e.catatan ?? "",
    })),
    kesepakatan: meeting.kesepakatan.map((k, i) => ({
      no: i + 1,
      id: k.id,
      uraian: k.uraian,
      pj: person(k.penanggung_jawab).nama,
      tenggat: plainDate(k.tenggat),
      target: k.target,
    })),
    penandatangan: [...new Set(meeting.kesepakatan.flatMap((k) => k.ditandatangani))].map((id) => person(id)),
    rtl: meeting.rtl.map((r, i) => ({
      no: i + 1,
      id: r.id,
      kegiatan: r.kegiatan,
      sasaran: r.sasaran ?? "",
      waktu: r.waktu ?? "",
      biaya: r.biaya ?? "",
      indikator_keberhasilan: r.indikator_keberhasilan ?? "",
      pj: person(r.penanggung_jawab).nama,
      masalah: meeting.masalah.find((m) => m.id === r.masalah)?.judul ?? r.masalah ?? "",
    })),
    rpk: programs
      .flatMap((report) =>
        report.rpk.map((r) => ({
          program: config.program.find((p) => p.id === report.program)?.nama ?? report.program,
          kegiatan: r.kegiatan,
          sasaran: r.sasaran ?? "",
          waktu: r.waktu ?? "",
          tempat: r.tempat ?? "",
          biaya: r.biaya ?? "",
          pj: person(r.penanggung_jawab ?? report.penanggung_jawab).nama,
        })),
      )
      .map((r, i) => ({ no: i + 1, ...r })),
    tilik: tilik
      ? {
          skor: tilik.score,
          total: tilik.total,
          butir: tilik.items.map((item) => ({
            no: item.no,
            pertanyaan: item.question,
            ya: item.answer === true ? "✓" : "",
            tidak: item.answer === false ? "✓" : "",
            keterangan: item.answer === null ? "diisi pembina" : item.reason,
          })),
        }
      : null,
    supervisi: meeting.supervisi
      ? { tanggal: plainDate(meeting.supervisi.tanggal), pembina: meeting.supervisi.pembina ?? "" }
      : null,
    tren: trends.map((trend) => {
      const last = trend.points[trend.points.length - 1];
      return {
        program: trend.programName,
        indikator: trend.nama,
        per_bulan: trend.points.map((p) => (p.capaian === null ? "–" : number(p.capaian, 1))).join(" · "),
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
    tren_tertinggal: trends
      .filter((t) => t.flagged)
      .map((t) => ({ indikator: t.nama, program: t.programName, bulan: t.behindStreak })),
    ada_tren: trends.length > 0,
    umpan_balik: meeting.supervisi?.umpan_balik
      ? {
          nomor: meeting.supervisi.umpan_balik.nomor ?? "…",
          tanggal: meeting.supervisi.umpan_balik.tanggal ? plainDate(meeting.supervisi.umpan_balik.tanggal) : "…",
          tempat_tanggal: `${config.puskesmas.kabupaten_kota.replace(/^(Kabupaten|Kota) /, "")}, ${
            meeting.supervisi.umpan_balik.tanggal ? plainDate(meeting.supervisi.umpan_balik.tanggal) : "…"
          }`,
          rekomendasi: meeting.supervisi.umpan_balik.rekomendasi,
          tidak: (tilik?.items ?? [])
            .filter((i) => i.answer === false)
            .map((i) => ({ no: i.no, pertanyaan: i.question, alasan: i.reason })),
        }
      : null,
  };
}

export type RenderContext = ReturnType<typeof buildRenderContext>;

/**
 * Make every string of the data inert in the block language: each character that means something
 * there (line breaks, cell bars, inline markup, and the characters that start a block, a list item
 * or a cell marker) is escaped with a backslash, which the parser turns back into the character.
 * Data can never become layout.
 */
export function escapeForBlocks<T>(value: T): T {
  if (typeof value === "string") return value.replace(/[\\|*_:#>^-]/g, "\\$&").replace(/\r?\n|\r/g, "\\n") as T;
  if (Array.isArray(value)) return value.map(escapeForBlocks) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeForBlocks(v)])) as T;
  }
  return value;
}
