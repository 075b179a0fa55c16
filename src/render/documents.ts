// The documents `lokmin render` writes, as data: name (also the template's file name), title,
// what it contains, and whether the month's data supports it. The CLI's `--only` choices, the
// README table and the render loop all read this list; a new document is one entry here and
// one template.
import type { Meeting, ProgramReport } from "../domain/schema.js";
import type { MonthData } from "../domain/workspace-data.js";
import { msg, type Message } from "../i18n/index.js";

export interface DocumentSpec {
  name: string;
  title: string;
  contains: Message;
  /** Whether the month's data supports it; `month` carries the meetings held beside rapat.yaml. */
  needs: (
    meeting: Meeting,
    programs: readonly ProgramReport[],
    month?: Pick<MonthData, "quarterly" | "pralokmin">,
  ) => boolean;
  /** Printed on landscape pages (wide tables). */
  landscape?: boolean;
}

type Month = Pick<MonthData, "quarterly" | "pralokmin"> | undefined;

export const DOCUMENTS = [
  {
    name: "undangan",
    title: "Surat undangan",
    contains: msg(
      "surat undangan berkop dengan nomor, sifat, lampiran, hal, acara dan daftar undangan",
      "the invitation letter with letterhead, number, agenda and invitee list",
    ),
    needs: (m: Meeting) => Boolean(m.undangan),
  },
  {
    name: "susunan-acara",
    title: "Susunan acara",
    contains: msg("susunan acara dengan slot waktu", "the time-slotted programme"),
    needs: (m: Meeting) => m.susunan_acara.length > 0,
  },
  {
    name: "daftar-hadir",
    title: "Daftar hadir",
    contains: msg(
      "daftar hadir bertanda tangan, baris kosong untuk tamu",
      "the attendance list to sign, with blank rows for walk-ins",
    ),
    needs: (m: Meeting) => m.hadir.length > 0,
  },
  {
    name: "notulen",
    title: "Notulen",
    contains: msg(
      "notulen rapat: agenda, pembahasan, capaian, grafik tren, masalah, kesepakatan",
      "the minutes: agenda, discussion, coverage, trend chart, problems, commitments",
    ),
    needs: () => true,
  },
  {
    name: "kesepakatan",
    title: "Nota kesepakatan",
    contains: msg("nota kesepakatan yang ditandatangani", "the signed commitment note"),
    needs: (m: Meeting) => m.kesepakatan.length > 0,
  },
  {
    name: "rtl",
    title: "RTL dan RPK bulan berikutnya",
    contains: msg("rencana tindak lanjut dan RPK bulan berikutnya", "the follow-up plan and next month's RPK"),
    needs: (m: Meeting, programs: readonly ProgramReport[]) =>
      m.rtl.length > 0 || programs.some((p) => p.rpk.length > 0),
  },
  {
    name: "daftar-tilik",
    title: "Daftar Tilik",
    contains: msg("Daftar Tilik pembinaan, terisi dari `check`", "the supervision checklist, pre-filled from `check`"),
    needs: () => true,
  },
  {
    name: "tren",
    title: "Tren capaian kinerja",
    contains: msg("grafik dan tabel tren capaian kumulatif", "the cumulative coverage trend chart and table"),
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
    needs: (m: Meeting) =>
      m.masalah.some((p) => p.akar_masalah.length > 0 || p.swot) || (m.stakeholder?.length ?? 0) > 0,
  },
  {
    name: "umpan-balik",
    title: "Umpan balik pembinaan",
    contains: msg(
      "surat umpan balik Dinas Kesehatan setelah supervisi",
      "the Dinas' feedback letter after a supervision visit",
    ),
    needs: (m: Meeting) => Boolean(m.supervisi?.umpan_balik),
  },
  {
    name: "pembagian-tugas",
    title: "Matriks pembagian tugas dan wilayah binaan",
    contains: msg(
      "Lokmin pertama: tugas dan wilayah binaan setiap pegawai (lanskap)",
      "first Lokmin: each staff member's tasks and wilayah binaan (landscape)",
    ),
    needs: (m: Meeting) => m.jenis === "pertama" && (m.pembagian_tugas?.length ?? 0) > 0,
    landscape: true,
  },
  {
    name: "poa",
    title: "Plan of Action (POA) tahunan",
    contains: msg(
      "Lokmin pertama: POA tahunan dari RPK dengan jadwal per bulan (lanskap)",
      "first Lokmin: the annual POA from the RPK with its monthly schedule (landscape)",
    ),
    needs: (m: Meeting) => m.jenis === "pertama" && (m.poa?.length ?? 0) > 0,
    landscape: true,
  },
  {
    name: "tribulanan-undangan",
    title: "Surat undangan Lokmin tribulanan",
    contains: msg(
      "undangan Lokmin tribulanan kepada lintas sektor, dengan daftar undangan dan instansinya",
      "the quarterly Lokmin's invitation to the sectors outside the Puskesmas, with the invitee list",
    ),
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => Boolean(month?.quarterly?.data.undangan),
  },
  {
    name: "tribulanan-daftar-hadir",
    title: "Daftar hadir Lokmin tribulanan",
    contains: msg(
      "daftar hadir lintas sektor dengan jabatan dan instansi",
      "the cross-sector attendance list with jabatan and instansi",
    ),
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => (month?.quarterly?.data.hadir.length ?? 0) > 0,
  },
  {
    name: "tribulanan-notulen",
    title: "Notulen Lokmin tribulanan",
    contains: msg(
      "notulen: capaian per desa, peran sektor, rencana terpadu, kesepakatan, usulan Musrenbang",
      "the minutes: coverage per village, sectors' roles, integrated plan, agreement, Musrenbang proposals",
    ),
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => Boolean(month?.quarterly),
  },
  {
    name: "tribulanan-kesepakatan",
    title: "Kesepakatan lintas sektor",
    contains: msg(
      "kesepakatan lintas sektor yang ditandatangani setiap sektor",
      "the cross-sector agreement, signed by each sector",
    ),
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
    needs: (_m: Meeting, _p: readonly ProgramReport[], month?: Month) => (month?.pralokmin?.length ?? 0) > 0,
  },
] as const satisfies readonly DocumentSpec[];

export type DocumentName = (typeof DOCUMENTS)[number]["name"];
export const DOCUMENT_NAMES = DOCUMENTS.map((d) => d.name) as DocumentName[];
