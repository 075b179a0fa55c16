// The documents `lokmin render` writes, as data: name (also the template's file name), title,
// what it contains, and whether the month's data supports it. The CLI's `--only` choices, the
// README table, `lokmin template --list` and the render loop all read this list; a new document
// is one entry here and one template (templates/NAME.hbs), with `context` for data only it needs.
import type { Meeting, ProgramReport } from "../domain/schema.js";
import { msg, type Message } from "../i18n/index.js";
import type { RenderContext } from "./context.js";

export interface DocumentSpec {
  name: string;
  title: string;
  contains: Message;
  needs: (meeting: Meeting, programs: readonly ProgramReport[]) => boolean;
  /** Fields only this document needs, added to the render context (documented with the document). */
  context?: (base: RenderContext) => Record<string, unknown>;
}

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
    needs: (m: Meeting) => Boolean(m.undangan),
  },
  {
    name: "susunan-acara",
    title: "Susunan acara",
    contains: msg(
      "susunan acara dengan slot waktu dan pelaksana, lalu agenda pembahasan",
      "the time-slotted programme with who leads each slot, then the agenda",
    ),
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
    needs: (m: Meeting, programs: readonly ProgramReport[]) =>
      m.rtl.length > 0 || programs.some((p) => p.rpk.length > 0),
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
    needs: () => true,
  },
  {
    name: "tren",
    title: "Tren capaian kinerja",
    contains: msg(
      "grafik capaian kumulatif tiap indikator terhadap targetnya sendiri dan tabel satu kolom per bulan",
      "a chart of each indicator's cumulative coverage against its own target, and a table with one column per month",
    ),
    needs: (_m: Meeting, programs: readonly ProgramReport[]) => programs.length > 0,
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
    needs: (m: Meeting) => Boolean(m.supervisi?.umpan_balik),
  },
] as const satisfies readonly DocumentSpec[];

export type DocumentName = (typeof DOCUMENTS)[number]["name"];
export const DOCUMENT_NAMES = DOCUMENTS.map((d) => d.name) as DocumentName[];
