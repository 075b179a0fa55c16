// The meeting's dates and reporting: the meeting date inside its month, each file's `bulan`
// matching its folder, the invitation lead time, the notulen sent to the Dinas, and the
// supervisor's feedback within the regulation's days.
import { supervisionCitation } from "../../regulations.js";
import { msg, t } from "../../../i18n/index.js";
import { daysBetween } from "../../month.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  dateOutside: msg("tanggal rapat {date} di luar bulan {month}", "meeting date {date} is outside month {month}"),
  dateMissing: msg("tanggal rapat belum diisi", "the meeting date is not filled in"),
  wrongMonth: msg(
    "bulan: {written} tidak sama dengan folder {month}",
    "bulan: {written} does not match folder {month}",
  ),
  inviteLate: msg(
    "undangan bertanggal {sent}, hanya {days} hari sebelum rapat {date}; minimal {min} hari " +
      "(surat.hari_minimal_undangan)",
    "invitation dated {sent}, only {days} days before the meeting {date}; at least {min} days " +
      "(surat.hari_minimal_undangan)",
  ),
  notReported: msg(
    "notulen belum dilaporkan ke Dinas Kesehatan; isi laporan_dinkes.tanggal_kirim setelah dikirim",
    "the notulen has not been reported to the Dinas Kesehatan; fill laporan_dinkes.tanggal_kirim once sent",
  ),
  feedbackLate: msg(
    "umpan balik pembinaan {feedback} lebih dari 7 hari setelah supervisi {visit} ({source})",
    "supervision feedback {feedback} is more than 7 days after the visit {visit} ({source})",
  ),
  feedbackMissing: msg(
    "supervisi {visit} belum ada umpan balik; sudah lewat 7 hari per {today} ({source})",
    "supervision {visit} has no feedback yet; more than 7 days have passed as of {today} ({source})",
  ),
};

export const FEEDBACK_DAYS = 7;

export const rapatRules = defineRules<
  "rapat/tanggal" | "rapat/bulan" | "undangan/terlambat" | "laporan/dinkes" | "supervisi/umpan-balik",
  MonthContext
>({
  rules: {
    "rapat/tanggal": {
      severity: "error",
      source: { kind: "permenkes-44-2016", note: msg("Lokmin bulanan", "monthly Lokmin") },
      what: msg(
        "tanggal rapat terisi dan berada di dalam bulannya",
        "the meeting date is filled in and inside its month",
      ),
      fix: msg("perbaiki tanggal", "fix tanggal"),
    },
    "rapat/bulan": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "kunci bulan di setiap berkas sama dengan nama folder",
        "the bulan key of every file matches its folder",
      ),
      fix: msg("perbaiki bulan", "fix bulan"),
    },
    "undangan/terlambat": {
      severity: "warning",
      source: {
        kind: "setempat",
        note: msg(
          "ketentuan setempat: surat.hari_minimal_undangan di lokmin.yaml",
          "local rule: surat.hari_minimal_undangan in lokmin.yaml",
        ),
      },
      what: msg("undangan dikirim minimal N hari sebelum rapat", "the invitation goes out at least N days before"),
      fix: msg("kirim undangan lebih awal, atau ubah pengaturannya", "send invitations earlier, or change the setting"),
    },
    "laporan/dinkes": {
      severity: "warning",
      source: {
        kind: "sop",
        note: msg("notulen dilaporkan ke Dinas Kesehatan setiap bulan", "the notulen goes to the Dinas every month"),
      },
      what: msg("notulen dilaporkan ke Dinas Kesehatan", "the notulen is reported to the Dinas Kesehatan"),
      fix: msg("catat laporan_dinkes.tanggal_kirim", "record laporan_dinkes.tanggal_kirim"),
    },
    "supervisi/umpan-balik": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "umpan_balik" },
      what: msg(
        "umpan balik pembinaan paling lambat 7 hari setelah supervisi",
        "supervision feedback within 7 days of the visit",
      ),
      fix: msg("catat atau minta umpan baliknya", "record or request the feedback"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    if (!meeting) return;
    const m = meeting.data;
    const file = meeting.file;
    if (!m.tanggal) report("rapat/tanggal", { file, path: ["tanggal"], message: t(M.dateMissing) });
    else if (!m.tanggal.startsWith(`${ctx.month.id}-`)) {
      report("rapat/tanggal", {
        file,
        path: ["tanggal"],
        message: t(M.dateOutside, { date: m.tanggal, month: ctx.month.id }),
      });
    }
    for (const loaded of [meeting, ...ctx.month.programs]) {
      if (loaded.data.bulan !== ctx.month.id) {
        const message = t(M.wrongMonth, { written: loaded.data.bulan, month: ctx.month.id });
        report("rapat/bulan", { file: loaded.file, path: ["bulan"], at: "value", message });
      }
    }
    const sent = m.undangan?.tanggal;
    if (m.tanggal && sent) {
      const days = daysBetween(sent, m.tanggal);
      const min = ctx.config.surat.hari_minimal_undangan;
      if (days < min) {
        report("undangan/terlambat", {
          file,
          path: ["undangan", "tanggal"],
          message: t(M.inviteLate, { sent, days, date: m.tanggal, min }),
        });
      }
    }
    if (!m.laporan_dinkes?.tanggal_kirim)
      report("laporan/dinkes", { file, path: ["laporan_dinkes"], message: t(M.notReported) });
    const visit = m.supervisi;
    if (visit) {
      const source = supervisionCitation(ctx.profile, "umpan_balik");
      const feedback = visit.umpan_balik?.tanggal;
      if (feedback) {
        if (daysBetween(visit.tanggal, feedback) > FEEDBACK_DAYS) {
          const message = t(M.feedbackLate, { feedback, visit: visit.tanggal, source });
          report("supervisi/umpan-balik", { file, path: ["supervisi", "umpan_balik", "tanggal"], message });
        }
      } else if (daysBetween(visit.tanggal, ctx.today) > FEEDBACK_DAYS) {
        const message = t(M.feedbackMissing, { visit: visit.tanggal, today: ctx.today, source });
        report("supervisi/umpan-balik", { file, path: ["supervisi"], message });
      }
    }
  },
});
