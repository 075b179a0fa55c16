// References between files: every person named is on the staff roster, program files and their
// indicators match lokmin.yaml, and every program has its file for the month.
import { msg, t } from "../../../i18n/index.js";
import type { PathSegment } from "../../findings.js";
import { didYouMean } from "../../hints.js";
import { unitLabel } from "../../vocabulary.js";
import { programFile } from "../../workspace-data.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  unknownPerson: msg(
    "'{id}' tidak ada di daftar pegawai lokmin.yaml{hint}",
    "'{id}' is not in the lokmin.yaml staff roster{hint}",
  ),
  unknownProgram: msg(
    "program '{id}' tidak ada di lokmin.yaml{hint}; tambahkan programnya atau hapus berkas ini",
    "program '{id}' is not in lokmin.yaml{hint}; add the program or delete this file",
  ),
  unknownIndicator: msg(
    "indikator '{id}' tidak ada pada program {program} di lokmin.yaml{hint}",
    "indicator '{id}' is not in program {program} in lokmin.yaml{hint}",
  ),
  missingProgramFile: msg(
    "{unit} tidak punya berkas {file}; buat yang hilang dengan `lokmin new {month} --lengkapi` (berkas yang " +
      "ada tidak diubah)",
    "{unit} has no file {file}; create the missing ones with `lokmin new {month} --lengkapi` (existing files " +
      "are kept)",
  ),
  noProgramFiles: msg(
    "bulan {month} tidak punya berkas program sama sekali; buat dengan `lokmin new {month} --lengkapi`",
    "month {month} has no program files at all; create them with `lokmin new {month} --lengkapi`",
  ),
};

export const referensiRules = defineRules<
  "referensi/pegawai" | "referensi/program" | "referensi/indikator" | "referensi/berkas-program",
  MonthContext
>({
  rules: {
    "referensi/pegawai": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "setiap orang yang dirujuk (pimpinan, notulis, hadir, PJ, penanda tangan, penilai) ada di daftar pegawai",
        "every person referenced (chair, minute-taker, attendance, PJ, signatories, raters) is on the staff roster",
      ),
      fix: msg("tambahkan orangnya ke pegawai atau perbaiki id", "add the person to pegawai or fix the id"),
    },
    "referensi/program": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg("program setiap berkas program ada di lokmin.yaml", "each program file's program is in lokmin.yaml"),
      fix: msg(
        "tambahkan program ke lokmin.yaml atau hapus berkasnya",
        "add the program to lokmin.yaml or delete the file",
      ),
    },
    "referensi/indikator": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "indikator berkas program ada pada programnya di lokmin.yaml",
        "a program file's indicators belong to its program in lokmin.yaml",
      ),
      fix: msg("perbaiki id indikator", "fix the indicator id"),
    },
    "referensi/berkas-program": {
      severity: "warning",
      source: { kind: "lokmin" },
      what: msg(
        "setiap program di lokmin.yaml punya berkas bulan ini",
        "every program in lokmin.yaml has its file this month",
      ),
      fix: msg(
        "`lokmin new BULAN --lengkapi` membuat berkas yang hilang saja",
        "`lokmin new MONTH --lengkapi` creates only the missing files",
      ),
    },
  },
  run(ctx, report) {
    const roster = new Set(ctx.config.pegawai.map((p) => p.id));
    const person = (file: string, id: string | undefined, path: PathSegment[]) => {
      if (id && !roster.has(id))
        report("referensi/pegawai", {
          file,
          path,
          at: "value",
          message: t(M.unknownPerson, { id, hint: didYouMean(id, roster) }),
        });
    };
    const meeting = ctx.month.meeting;
    if (meeting) {
      const d = meeting.data;
      const f = meeting.file;
      person(f, d.pimpinan, ["pimpinan"]);
      person(f, d.notulis, ["notulis"]);
      d.hadir.forEach((h, i) => person(f, h.pegawai, ["hadir", i, "pegawai"]));
      d.kesepakatan.forEach((k, i) => {
        person(f, k.penanggung_jawab, ["kesepakatan", i, "penanggung_jawab"]);
        k.ditandatangani.forEach((s, j) => person(f, s, ["kesepakatan", i, "ditandatangani", j]));
      });
      d.evaluasi_kesepakatan.forEach((e, i) =>
        person(f, e.penanggung_jawab, ["evaluasi_kesepakatan", i, "penanggung_jawab"]),
      );
      d.rtl.forEach((r, i) => person(f, r.penanggung_jawab, ["rtl", i, "penanggung_jawab"]));
      d.masalah.forEach((p, i) => {
        p.skor_penilai?.forEach((r, j) => person(f, r.penilai, ["masalah", i, "skor_penilai", j, "penilai"]));
        p.solusi.forEach((s, k) =>
          s.skor_penilai?.forEach((r, j) =>
            person(f, r.penilai, ["masalah", i, "solusi", k, "skor_penilai", j, "penilai"]),
          ),
        );
      });
    }
    for (const p of ctx.month.programs) {
      person(p.file, p.data.penanggung_jawab, ["penanggung_jawab"]);
      p.data.rpk.forEach((r, i) => person(p.file, r.penanggung_jawab, ["rpk", i, "penanggung_jawab"]));
    }
    if (!meeting) return;
    const brokenPrograms = ctx.loadFindings.some(
      (f) => f.file === `${ctx.month.id}/program` || f.file.startsWith(`${ctx.month.id}/program/`),
    );
    if (ctx.month.programs.length === 0 && !brokenPrograms) {
      report("referensi/berkas-program", {
        file: meeting.file,
        path: [],
        message: t(M.noProgramFiles, { month: ctx.month.id }),
      });
      return;
    }
    const known = new Map(ctx.config.program.map((p) => [p.id, p]));
    // A hint names only what would pass: a program no other file of the month holds, an indicator
    // the file does not have yet.
    const held = new Set(ctx.month.programs.map((p) => p.data.program));
    const free = ctx.config.program.map((p) => p.id).filter((id) => !held.has(id));
    for (const p of ctx.month.programs) {
      const def = known.get(p.data.program);
      if (!def) {
        report("referensi/program", {
          file: p.file,
          path: ["program"],
          at: "value",
          message: t(M.unknownProgram, { id: p.data.program, hint: didYouMean(p.data.program, free) }),
        });
        continue;
      }
      const written = new Set(p.data.indikator.map((i) => i.id));
      const missing = def.indikator.map((x) => x.id).filter((id) => !written.has(id));
      p.data.indikator.forEach((i, index) => {
        if (!def.indikator.some((x) => x.id === i.id)) {
          const message = t(M.unknownIndicator, { id: i.id, program: def.id, hint: didYouMean(i.id, missing) });
          report("referensi/indikator", { file: p.file, path: ["indikator", index, "id"], at: "value", message });
        }
      });
    }
    // Which program files exist is unknown while the program folder is not a folder (its own finding).
    if (ctx.loadFindings.some((f) => f.file === `${ctx.month.id}/program`)) return;
    const present = new Set(ctx.month.programs.map((p) => p.data.program));
    const broken = new Set(ctx.loadFindings.map((f) => f.file));
    for (const def of ctx.config.program) {
      const file = programFile(ctx.month.id, def.id);
      if (present.has(def.id) || broken.has(file) || broken.has(file.replace(/\.yaml$/, ".yml"))) continue;
      report("referensi/berkas-program", {
        file: meeting.file,
        path: [],
        message: t(M.missingProgramFile, { unit: unitLabel(ctx.config, def.id), file, month: ctx.month.id }),
      });
    }
  },
});
