// Rules about what the printed documents say: a date on a letter or a meeting that falls on a
// Sunday or a holiday (national fixed holidays plus lokmin.yaml `hari_libur`, the year's SKB list),
// a person who signs the nota kesepakatan without having attended the meeting, and an attendance
// note whose numbers contradict the attendance list.
import { msg, t } from "../../../i18n/index.js";
import { longDate } from "../../format-date.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  holiday: msg("{what} {date} jatuh pada {why}; periksa tanggalnya", "{what} {date} falls on {why}; check the date"),
  sunday: msg("hari Minggu", "a Sunday"),
  fixed: msg("hari libur nasional ({name})", "a national holiday ({name})"),
  listed: msg("hari libur (lokmin.yaml hari_libur)", "a holiday (lokmin.yaml hari_libur)"),
  absentSigner: msg(
    "{name} menandatangani kesepakatan {id} tetapi {status} di daftar hadir; nota kesepakatan mencetak catatan " +
      "itu di bawah jabatannya",
    "{name} signs commitment {id} but is {status} in the attendance list; the nota kesepakatan prints that note " +
      "under the title",
  ),
  notListed: msg("tidak tercatat", "not listed"),
  countsDiffer: msg(
    "evaluasi_kehadiran menyebut {written} tetapi daftar hadir mencatat {present} hadir dari {total}; notulen " +
      "mencetak hitungan daftar hadir",
    "evaluasi_kehadiran says {written} but the attendance list records {present} present of {total}; the notulen " +
      "prints the list's count",
  ),
  absent: msg("tercatat '{status}'", "recorded as '{status}'"),
};

/** Holidays on a fixed date every year (the moving ones come from lokmin.yaml `hari_libur`). */
const FIXED_HOLIDAYS: Record<string, string> = {
  "01-01": "Tahun Baru Masehi",
  "05-01": "Hari Buruh Internasional",
  "06-01": "Hari Lahir Pancasila",
  "08-17": "Hari Kemerdekaan RI",
  "12-25": "Hari Raya Natal",
};

const WHAT = {
  rapat: msg("tanggal rapat", "the meeting date"),
  undangan: msg("tanggal surat undangan", "the invitation's date"),
  umpan: msg("tanggal surat umpan balik", "the feedback letter's date"),
};

export const dokumenRules = defineRules<
  "dokumen/hari-libur" | "kesepakatan/penanda-tangan-hadir" | "kehadiran/evaluasi-berbeda",
  MonthContext
>({
  rules: {
    "dokumen/hari-libur": {
      severity: "warning",
      source: {
        kind: "permendagri-1-2023",
        note: msg("tanggal naskah dinas pada hari kerja", "official documents are dated on working days"),
      },
      what: msg(
        "tanggal rapat, undangan dan umpan balik bukan hari Minggu atau hari libur",
        "meeting, invitation and feedback dates are not on a Sunday or a holiday",
      ),
      fix: msg(
        "periksa tanggalnya, atau lengkapi hari_libur di lokmin.yaml",
        "check the date, or complete hari_libur in lokmin.yaml",
      ),
    },
    "kesepakatan/penanda-tangan-hadir": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "kesepakatan" },
      what: msg(
        "yang menandatangani kesepakatan hadir dalam rapat",
        "those who sign a commitment attended the meeting",
      ),
      fix: msg(
        "perbaiki status kehadirannya, atau minta tanda tangan susulan dengan catatan",
        "correct the attendance status, or collect the signature later with the note",
      ),
    },
    "kehadiran/evaluasi-berbeda": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "tilik" },
      what: msg(
        "angka di evaluasi_kehadiran sama dengan hitungan daftar hadir",
        "the numbers in evaluasi_kehadiran match the attendance list",
      ),
      fix: msg("perbaiki angkanya atau status kehadiran", "correct the numbers or the attendance statuses"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    if (!meeting) return;
    const m = meeting.data;
    const file = meeting.file;
    const listed = new Set(ctx.config.hari_libur ?? []);
    const check = (date: string | null | undefined, what: keyof typeof WHAT, path: string[]) => {
      if (!date) return;
      const [y, mo, d] = date.split("-").map(Number);
      const sunday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === 0;
      const fixed = FIXED_HOLIDAYS[date.slice(5)];
      const why = sunday ? t(M.sunday) : fixed ? t(M.fixed, { name: fixed }) : listed.has(date) ? t(M.listed) : null;
      if (why)
        report("dokumen/hari-libur", {
          file,
          path,
          message: t(M.holiday, { what: t(WHAT[what]), date: longDate(date), why }),
        });
    };
    check(m.tanggal, "rapat", ["tanggal"]);
    check(m.undangan?.tanggal, "undangan", ["undangan", "tanggal"]);
    check(m.supervisi?.umpan_balik?.tanggal, "umpan", ["supervisi", "umpan_balik", "tanggal"]);
    if (m.hadir.length === 0) return;
    const written = /(\d+)\s*(?:orang\s*)?(?:hadir\s*)?dari\s*(\d+)/i.exec(m.evaluasi_kehadiran ?? "");
    const present = m.hadir.filter((h) => h.status === "hadir").length;
    if (written && (Number(written[1]) !== present || Number(written[2]) !== m.hadir.length)) {
      report("kehadiran/evaluasi-berbeda", {
        file,
        path: ["evaluasi_kehadiran"],
        at: "value",
        message: t(M.countsDiffer, { written: written[0], present, total: m.hadir.length }),
      });
    }
    const status = new Map(m.hadir.filter((h) => h.pegawai).map((h) => [h.pegawai as string, h.status]));
    const head = ctx.config.pejabat.kepala_puskesmas;
    m.kesepakatan.forEach((k, i) => {
      k.ditandatangani.forEach((id, j) => {
        const s = status.get(id);
        if (s === "hadir" || (s === undefined && id === head && !status.size)) return;
        if (s === null) return; // attendance not filled in yet: `check` reports that elsewhere
        const name = ctx.config.pegawai.find((p) => p.id === id)?.nama ?? id;
        report("kesepakatan/penanda-tangan-hadir", {
          file,
          path: ["kesepakatan", i, "ditandatangani", j],
          message: t(M.absentSigner, {
            name,
            id: k.id,
            status: s === undefined ? t(M.notListed) : t(M.absent, { status: s }),
          }),
        });
      });
    });
  },
});
