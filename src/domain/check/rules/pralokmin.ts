// The pralokmin of each klaster (local ILP practice): where lokmin.yaml says so (`pralokmin`), every
// klaster meets before the monthly Lokmin, with its own short notulen and attendance list.
import { msg, t } from "../../../i18n/index.js";
import type { PathSegment } from "../../findings.js";
import { didYouMean } from "../../hints.js";
import { pralokminClusters } from "../../scaffold-year.js";
import { termsOf, unitLabel } from "../../vocabulary.js";
import { meetingFile, pralokminFile } from "../../workspace-data.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  skippedNoFile: msg(
    "{unit} tidak mengadakan pralokmin bulan ini ({file} tidak ada); buat dengan `lokmin new {month} --pralokmin`",
    "{unit} held no pralokmin this month ({file} is missing); create it with `lokmin new {month} --pralokmin`",
  ),
  skipped: msg(
    "pralokmin {unit} belum tercatat terlaksana (tanggal dan kehadiran kosong)",
    "the pralokmin of {unit} is not recorded as held (date and attendance empty)",
  ),
  outside: msg("tanggal pralokmin {date} di luar bulan {month}", "pralokmin date {date} is outside month {month}"),
  after: msg(
    "pralokmin {date} sesudah Lokmin {lokmin}; pralokmin diadakan sebelum Lokmin",
    "pralokmin {date} is after the Lokmin {lokmin}; the pralokmin comes before the Lokmin",
  ),
  noMinutes: msg(
    "pralokmin {unit} belum punya notulen; isi pembahasan",
    "the pralokmin of {unit} has no minutes; fill pembahasan",
  ),
  blankStatus: msg("{n} status kehadiran belum diisi", "{n} attendance statuses are empty"),
  unknownUnit: msg("{unit} '{id}' tidak ada di lokmin.yaml{hint}", "{unit} '{id}' is not in lokmin.yaml{hint}"),
  wrongFile: msg(
    "berkas ini bernama {name} tetapi berisi klaster '{id}'; samakan nama berkas dengan id klaster",
    "this file is named {name} but holds klaster '{id}'; name the file after the klaster id",
  ),
  wrongMonth: msg(
    "bulan: {written} tidak sama dengan folder {month}",
    "bulan: {written} does not match folder {month}",
  ),
  unknownPerson: msg(
    "'{id}' tidak ada di daftar pegawai lokmin.yaml{hint}",
    "'{id}' is not in the lokmin.yaml staff roster{hint}",
  ),
};

export const pralokminRules = defineRules<
  "pralokmin/tidak-dilaksanakan" | "pralokmin/tanggal" | "pralokmin/notulen" | "pralokmin/referensi",
  MonthContext
>({
  rules: {
    "pralokmin/tidak-dilaksanakan": {
      severity: "warning",
      source: {
        kind: "setempat",
        note: msg("pralokmin per klaster (lokmin.yaml: pralokmin)", "pralokmin per klaster (lokmin.yaml: pralokmin)"),
      },
      what: msg(
        "setiap klaster mengadakan pralokmin sebelum Lokmin, bila lokmin.yaml memintanya",
        "every klaster holds its pralokmin before the Lokmin, where lokmin.yaml asks for it",
      ),
      fix: msg("`lokmin new BULAN --pralokmin`, lalu isi", "`lokmin new MONTH --pralokmin`, then fill it in"),
    },
    "pralokmin/tanggal": {
      severity: "error",
      source: { kind: "setempat", note: msg("pralokmin sebelum Lokmin", "pralokmin before the Lokmin") },
      what: msg(
        "tanggal pralokmin di bulannya dan tidak sesudah Lokmin",
        "the pralokmin date is in its month and not after the Lokmin",
      ),
      fix: msg("perbaiki tanggal", "fix tanggal"),
    },
    "pralokmin/notulen": {
      severity: "warning",
      source: { kind: "setempat", note: msg("notulen dan daftar hadir pralokmin", "pralokmin minutes and attendance") },
      what: msg(
        "pralokmin punya notulen singkat dan daftar hadir terisi",
        "a pralokmin has short minutes and a filled attendance list",
      ),
      fix: msg("isi pembahasan dan status hadir", "fill pembahasan and the attendance statuses"),
    },
    "pralokmin/referensi": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "klaster, bulan dan pegawai berkas pralokmin cocok dengan lokmin.yaml dan foldernya",
        "a pralokmin file's klaster, month and staff match lokmin.yaml and its folder",
      ),
      fix: msg("perbaiki id, bulan atau nama berkas", "fix the id, the month or the file name"),
    },
  },
  run(ctx, report) {
    const config = ctx.config;
    const terms = termsOf(config);
    const files = ctx.month.pralokmin ?? [];
    const lokminDate = ctx.month.meeting?.data.tanggal ?? null;
    const roster = new Set(config.pegawai.map((p) => p.id));
    for (const { file, data } of files) {
      const unit = unitLabel(config, data.klaster, terms);
      const ref = (path: PathSegment[], message: string) =>
        report("pralokmin/referensi", { file, path, at: "value", message });
      if (!config.program.some((p) => p.id === data.klaster)) {
        // The klaster the file is named after, when it is one; else the closest.
        const stem = (file.split("/").pop() ?? "").replace(/\.ya?ml$/i, "");
        const ids = config.program.map((p) => p.id);
        const hint = didYouMean(data.klaster, ids.includes(stem) ? [stem] : ids);
        ref(["klaster"], t(M.unknownUnit, { unit: terms.unit, id: data.klaster, hint }));
      }
      const name = file.split("/").pop() ?? file;
      if (name !== `${data.klaster}.yaml`) ref(["klaster"], t(M.wrongFile, { name, id: data.klaster }));
      if (data.bulan !== ctx.month.id) ref(["bulan"], t(M.wrongMonth, { written: data.bulan, month: ctx.month.id }));
      for (const [key, id] of [
        ["pimpinan", data.pimpinan],
        ["notulis", data.notulis],
      ] as const)
        if (!roster.has(id)) ref([key], t(M.unknownPerson, { id, hint: didYouMean(id, roster) }));
      data.hadir.forEach((h, i) => {
        if (h.pegawai && !roster.has(h.pegawai))
          ref(["hadir", i, "pegawai"], t(M.unknownPerson, { id: h.pegawai, hint: didYouMean(h.pegawai, roster) }));
      });
      if (data.tanggal && !data.tanggal.startsWith(`${ctx.month.id}-`)) {
        const message = t(M.outside, { date: data.tanggal, month: ctx.month.id });
        report("pralokmin/tanggal", { file, path: ["tanggal"], at: "value", message });
      } else if (data.tanggal && lokminDate && data.tanggal > lokminDate) {
        const message = t(M.after, { date: data.tanggal, lokmin: lokminDate });
        report("pralokmin/tanggal", { file, path: ["tanggal"], at: "value", message });
      }
      const held = Boolean(data.tanggal) && data.hadir.some((h) => h.status === "hadir");
      if (!held) continue;
      if (data.pembahasan.length === 0)
        report("pralokmin/notulen", { file, path: ["pembahasan"], message: t(M.noMinutes, { unit }) });
      const blank = data.hadir.filter((h) => h.status === null).length;
      if (blank) report("pralokmin/notulen", { file, path: ["hadir"], message: t(M.blankStatus, { n: blank }) });
    }
    if (!config.pralokmin || !ctx.month.meeting) return;
    const broken = new Set(ctx.loadFindings.map((f) => f.file));
    // A pralokmin folder that is not a folder is its own finding; which klaster held one is then unknown.
    if (broken.has(`${ctx.month.id}/pralokmin`)) return;
    for (const klaster of pralokminClusters(config)) {
      const expected = pralokminFile(ctx.month.id, klaster.id);
      if (broken.has(expected)) continue;
      const unit = unitLabel(config, klaster.id, terms);
      const found = files.find((f) => f.data.klaster === klaster.id);
      if (!found) {
        const message = t(M.skippedNoFile, { unit, file: expected, month: ctx.month.id });
        report("pralokmin/tidak-dilaksanakan", { file: meetingFile(ctx.month.id), path: [], message });
      } else if (!found.data.tanggal || !found.data.hadir.some((h) => h.status === "hadir")) {
        report("pralokmin/tidak-dilaksanakan", {
          file: found.file,
          path: ["tanggal"],
          message: t(M.skipped, { unit }),
        });
      }
    }
  },
});
