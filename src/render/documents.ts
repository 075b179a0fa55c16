// The documents `lokmin render` writes, as data: name (also the template's file name), title,
// what it contains, whether the month's data supports it, and the parts of the render context its
// built-in template reads (only those are built when it is rendered). The CLI's `--only` choices,
// the README table, `lokmin template --list` and the render loop all read this list; a new document
// is one entry here and one template (templates/NAME.hbs).
import type { Meeting, ProgramReport } from "../domain/schema.js";
import type { MonthData } from "../domain/workspace-data.js";
import { msg, type Message } from "../i18n/index.js";
import type { PartName } from "./context.js";

export interface DocumentSpec {
  name: string;
  title: string;
  contains: Message;
  /** Whether the month's data supports it; `month` carries the meetings held beside rapat.yaml. */
  needs: (meeting: Meeting, programs: readonly ProgramReport[], month?: Month) => boolean;
  /** The parts of the render context (src/render/context.ts) the built-in template reads, besides `identity`. */
  parts: readonly PartName[];
}

type Month = Pick<MonthData, "quarterly" | "pralokmin"> | undefined;

export const DOCUMENTS = [
  {
    name: "undangan",
    title: "Surat undangan",
    contains: msg(
      "surat undangan berkop: nomor, sifat, lampiran, hal, hari/tanggal, waktu, tempat, acara, tanda tangan Kepala " +
        "Puskesmas (nama, pangkat, NIP), tembusan, lampiran daftar undangan dengan NIP",
      "the invitation letter on the letterhead: number, nature, attachments, subject, day/date, time, place, agenda, " +
        "the head's signature (name, rank, NIP), copies, and the invitee list with NIPs",
    ),
    parts: ["meeting", "attendance"],
    needs: (m: Meeting) => Boolean(m.undangan),
  },
  {
    name: "susunan-acara",
    title: "Susunan acara",
    contains: msg(
      "susunan acara dengan slot waktu dan pelaksana, lalu agenda pembahasan",
      "the time-slotted programme with who leads each slot, then the agenda",
    ),
    parts: ["meeting", "agenda"],
    needs: (m: Meeting) => m.susunan_acara.length > 0,
  },
  {
    name: "daftar-hadir",
    title: "Daftar hadir",
    contains: msg(
      "daftar hadir: nama, NIP, jabatan, kolom tanda tangan berselang kiri-kanan, keterangan (izin, dinas luar …), " +
        "baris kosong untuk tamu",
      "the attendance list: name, NIP, position, signature cells alternating left and right, a note (leave, " +
        "official travel …), blank rows for walk-ins",
    ),
    parts: ["meeting", "attendance"],
    needs: (m: Meeting) => m.hadir.length > 0,
  },
  {
    name: "notulen",
    title: "Notulen",
    contains: msg(
      "notulen: waktu buka/tutup, pimpinan, notulis, kehadiran terhitung dari daftar hadir; tiap butir agenda dengan " +
        "uraian, keputusan dan datanya (laporan kegiatan per program, rencana, informasi, verifikasi data, capaian " +
        "bulan ini dan kumulatif, per desa, analisis orang/waktu/tempat, grafik tren, masalah dan penyebab per " +
        "kategori, prioritas, solusi terpilih, RTL, evaluasi kesepakatan bulan lalu, kesepakatan); kesimpulan; " +
        "tanda tangan pimpinan dan notulis",
      "the minutes: opening and closing times, chair, minute-taker, attendance counted from the list; each agenda " +
        "item with what was said, decided and its data (each program's activity report, plans, information, data " +
        "verification, coverage this month and cumulative, per village, person/time/place analysis, trend chart, " +
        "problems and causes by category, priorities, chosen solutions, RTL, last month's commitments evaluated, " +
        "new commitments); conclusion; chair's and minute-taker's signatures",
    ),
    parts: [
      "meeting",
      "attendance",
      "agenda",
      "notes",
      "programs",
      "ranking",
      "analysis",
      "commitments",
      "conclusion",
      "trends",
    ],
    needs: () => true,
  },
  {
    name: "kesepakatan",
    title: "Nota kesepakatan",
    contains: msg(
      "nota kesepakatan: daftar kesepakatan (PJ, tenggat, target), tanda tangan para koordinator program (dengan " +
        'catatan bila tidak hadir) dan Kepala Puskesmas di bawah "Mengetahui"',
      "the commitment note: the commitments (owner, deadline, target), the program coordinators' signatures (with " +
        'a note when absent) and the head of the Puskesmas under "Mengetahui"',
    ),
    parts: ["meeting", "commitments"],
    needs: (m: Meeting) => m.kesepakatan.length > 0,
  },
  {
    name: "rtl",
    title: "RTL dan RPK bulan berikutnya",
    contains: msg(
      "RTL per masalah dengan tanda tangan Kepala Puskesmas; lampiran RPK bulan berikutnya (lanskap): program, " +
        "kegiatan, tujuan, sasaran, volume, waktu, lokasi, PJ, sumber dana",
      "the follow-up plan per problem, signed by the head; next month's RPK attached (landscape): program, " +
        "activity, aim, target group, volume, time, place, owner, funding",
    ),
    parts: ["meeting", "ranking", "programs", "commitments"],
    needs: (m: Meeting, programs: readonly ProgramReport[]) =>
      m.rtl.length > 0 || programs.some((p) => p.rpk.length > 0),
  },
  {
    name: "berita-acara-verifikasi",
    title: "Berita Acara Verifikasi Data",
    contains: msg(
      "berita acara verifikasi data antarprogram (Perbup Pasal 9–10): setiap relasi antarindikator yang dicocokkan " +
        "dengan angkanya, sesuai / tidak sesuai, justifikasi dan penyebab yang disepakati, diperbaiki atau tidak; " +
        "tanda tangan para koordinator program yang terlibat dan Kepala Puskesmas",
      "the record of the cross-program data verification (Perbup Pasal 9–10): every relation between indicators " +
        "compared, with its figures, matching or not, the justification and cause agreed, corrected or not; signed " +
        "by the coordinators of the programs involved and the head of the Puskesmas",
    ),
    parts: ["meeting", "verification"],
    needs: (m: Meeting) => Boolean(m.verifikasi_data?.tanggal),
  },
  {
    name: "daftar-tilik",
    title: "Daftar Tilik",
    contains: msg(
      "Daftar Tilik Lampiran III peraturan pembinaan: 20 butir Ya/Tidak terisi dari `check` dan jawaban pembina, " +
        "keterangan yang bisa dibaca, butir yang belum dijawab kosong; satu halaman dengan tanda tangan pembina",
      "the regulation's Lampiran III checklist: 20 yes/no items filled from `check` and the supervisor's answers, " +
        "readable notes, unanswered items blank; one page with the supervisor's signature",
    ),
    parts: ["meeting", "checklist", "supervision"],
    needs: () => true,
  },
  {
    name: "tren",
    title: "Tren capaian kinerja",
    contains: msg(
      "grafik capaian kumulatif tiap indikator terhadap targetnya sendiri dan tabel satu kolom per bulan",
      "a chart of each indicator's cumulative coverage against its own target, and a table with one column per month",
    ),
    parts: ["trends"],
    needs: (_m: Meeting, programs: readonly ProgramReport[]) => programs.length > 0,
  },
  {
    name: "analisis",
    title: "Analisis masalah",
    contains: msg(
      "fishbone tiap masalah prioritas, tabel SWOT dan strateginya, peta stakeholder (untuk layar proyektor)",
      "the fishbone of each priority problem, the SWOT table and its strategies, the stakeholder map (for the " +
        "projector)",
    ),
    parts: ["meeting", "analysis"],
    needs: (m: Meeting) =>
      m.masalah.some((p) => p.akar_masalah.length > 0 || p.swot) || (m.stakeholder?.length ?? 0) > 0,
  },
  {
    name: "umpan-balik",
    title: "Umpan balik pembinaan",
    contains: msg(
      "surat umpan balik berkop Dinas: dasar peraturan (nomor, tahun, pasal), skor Daftar Tilik, butir yang belum " +
        "terpenuhi, rekomendasi, tanda tangan Kepala Dinas (a.n./Plt.) dengan pangkat dan NIP, tembusan",
      "the Dinas' feedback letter on its letterhead: the regulation (number, year, article), the checklist score, " +
        "items not met, recommendations, signed by the Kepala Dinas (a.n./Plt.) with rank and NIP, copies",
    ),
    parts: ["checklist", "supervision", "trends"],
    needs: (m: Meeting) => Boolean(m.supervisi?.umpan_balik),
  },
  {
    name: "pembagian-tugas",
    title: "Matriks pembagian tugas dan wilayah binaan",
    contains: msg(
      "Lokmin pertama: tugas dan wilayah binaan setiap pegawai (lanskap)",
      "first Lokmin: each staff member's tasks and wilayah binaan (landscape)",
    ),
    parts: ["meeting", "first"],
    needs: (m: Meeting) => m.jenis === "pertama" && (m.pembagian_tugas?.length ?? 0) > 0,
  },
  {
    name: "poa",
    title: "Plan of Action (POA) tahunan",
    contains: msg(
      "Lokmin pertama: POA tahunan dari RPK dengan jadwal per bulan (lanskap)",
      "first Lokmin: the annual POA from the RPK with its monthly schedule (landscape)",
    ),
    parts: ["meeting", "first"],
    needs: (m: Meeting) => m.jenis === "pertama" && (m.poa?.length ?? 0) > 0,
  },
  {
    name: "tribulanan-undangan",
    title: "Surat undangan Lokmin tribulanan",
    contains: msg(
      "undangan Lokmin tribulanan kepada lintas sektor, dengan daftar undangan dan instansinya",
      "the quarterly Lokmin's invitation to the sectors outside the Puskesmas, with the invitee list",
    ),
    parts: ["quarterly"],
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => Boolean(month?.quarterly?.data.undangan),
  },
  {
    name: "tribulanan-daftar-hadir",
    title: "Daftar hadir Lokmin tribulanan",
    contains: msg(
      "daftar hadir lintas sektor dengan jabatan dan instansi",
      "the cross-sector attendance list with jabatan and instansi",
    ),
    parts: ["quarterly"],
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => (month?.quarterly?.data.hadir.length ?? 0) > 0,
  },
  {
    name: "tribulanan-notulen",
    title: "Notulen Lokmin tribulanan",
    contains: msg(
      "notulen: capaian per desa, peran sektor, rencana terpadu, kesepakatan, usulan Musrenbang",
      "the minutes: coverage per village, sectors' roles, integrated plan, agreement, Musrenbang proposals",
    ),
    parts: ["quarterly"],
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => Boolean(month?.quarterly),
  },
  {
    name: "tribulanan-kesepakatan",
    title: "Kesepakatan lintas sektor",
    contains: msg(
      "kesepakatan lintas sektor yang ditandatangani setiap sektor",
      "the cross-sector agreement, signed by each sector",
    ),
    parts: ["quarterly"],
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) =>
      (month?.quarterly?.data.kesepakatan.length ?? 0) > 0,
  },
  {
    name: "pralokmin",
    title: "Notulen dan daftar hadir pralokmin",
    contains: msg(
      "pralokmin setiap klaster: notulen singkat dan daftar hadir",
      "each klaster's pralokmin: short minutes and attendance list",
    ),
    parts: ["pralokmin"],
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => (month?.pralokmin?.length ?? 0) > 0,
  },
] as const satisfies readonly DocumentSpec[];

export type DocumentName = (typeof DOCUMENTS)[number]["name"];
export const DOCUMENT_NAMES = DOCUMENTS.map((d) => d.name) as DocumentName[];
