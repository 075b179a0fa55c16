// The first Lokmin of the year (penggalangan tim, Permenkes 44/2016): held in the month the
// workspace names, it divides every program (or klaster) and every village among the staff, draws
// up the annual POA from the RPK, and ends with a signed kesepakatan to carry it out.
import { msg, t } from "../../../i18n/index.js";
import { parseMonth } from "../../month.js";
import type { PathSegment } from "../../findings.js";
import { termsOf, unitLabel } from "../../vocabulary.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";
import { didYouMean } from "../../hints.js";
import { foldName, matchVillage, villageAdvice } from "../../villages.js";

const M = {
  notFirst: msg(
    "bulan {month} adalah Lokmin pertama tahun ini (penggalangan_tim.bulan: {first}); tulis jenis: pertama",
    "{month} is the first Lokmin of the year (penggalangan_tim.bulan: {first}); write jenis: pertama",
  ),
  firstElsewhere: msg(
    "jenis: pertama, tetapi Lokmin pertama tahun ini jatuh di bulan {first} (penggalangan_tim.bulan); tulis jenis: " +
      "rutin atau ubah pengaturannya",
    "jenis: pertama, but the year's first Lokmin falls in month {first} (penggalangan_tim.bulan); write jenis: rutin " +
      "or change the setting",
  ),
  noDivision: msg(
    "Lokmin pertama belum mencatat pembagian tugas dan wilayah binaan; isi pembagian_tugas (`lokmin new` " +
      "menyiapkannya)",
    "the first Lokmin has no division of tasks and wilayah binaan; fill pembagian_tugas (`lokmin new` scaffolds it)",
  ),
  unassigned: msg(
    "{unit} belum dipegang siapa pun di pembagian_tugas",
    "{unit} is assigned to nobody in pembagian_tugas",
  ),
  idle: msg(
    "{name} belum mendapat {units}, tugas atau wilayah binaan; bagi beban kerja ke setiap pegawai",
    "{name} has no {units}, task or wilayah binaan; share the workload among all staff",
  ),
  villageUncovered: msg(
    "desa {village} belum punya pembina di pembagian_tugas (wilayah_binaan)",
    "village {village} has nobody in charge in pembagian_tugas (wilayah_binaan)",
  ),
  villageUnknown: msg(
    "desa '{village}' tidak ada di daftar desa lokmin.yaml",
    "village '{village}' is not in lokmin.yaml's village list",
  ),
  noPoa: msg(
    "Lokmin pertama belum menyusun POA tahunan; isi poa dari RPK (`lokmin new` menyiapkan satu baris per indikator)",
    "the first Lokmin has no annual POA; fill poa from the RPK (`lokmin new` scaffolds a row per indicator)",
  ),
  poaMissingUnit: msg("POA belum punya kegiatan untuk {unit}", "the POA has no activity for {unit}"),
  poaNoActivity: msg("baris POA {n} ({unit}) belum berisi kegiatan", "POA row {n} ({unit}) has no activity"),
  poaNoSchedule: msg(
    "baris POA {n} ({unit}) belum berjadwal; isi jadwal dengan bulan pelaksanaan, mis. [1, 4, 7, 10]",
    "POA row {n} ({unit}) has no schedule; fill jadwal with the months, e.g. [1, 4, 7, 10]",
  ),
  unsigned: msg(
    "Lokmin pertama belum punya kesepakatan bersama yang ditandatangani untuk melaksanakan POA; isi kesepakatan " +
      "dengan ditandatangani",
    "the first Lokmin has no signed kesepakatan to carry out the POA; fill kesepakatan with ditandatangani",
  ),
  unknownPerson: msg(
    "'{id}' tidak ada di daftar pegawai lokmin.yaml{hint}",
    "'{id}' is not in the lokmin.yaml staff roster{hint}",
  ),
  unknownUnit: msg("{unit} '{id}' tidak ada di lokmin.yaml{hint}", "{unit} '{id}' is not in lokmin.yaml{hint}"),
};

export const pertamaRules = defineRules<
  | "pertama/jenis"
  | "pertama/pembagian-tugas"
  | "pertama/beban-kerja"
  | "pertama/wilayah-binaan"
  | "pertama/poa"
  | "pertama/kesepakatan"
  | "pertama/referensi",
  MonthContext
>({
  rules: {
    "pertama/jenis": {
      severity: "warning",
      source: { kind: "permenkes-44-2016", note: msg("Lokmin bulanan pertama", "first monthly Lokmin") },
      what: msg(
        "Lokmin pertama tahun ini ada di bulan yang disebut lokmin.yaml (penggalangan_tim.bulan, bawaan Januari)",
        "the year's first Lokmin is in the month lokmin.yaml names (penggalangan_tim.bulan, default January)",
      ),
      fix: msg("perbaiki jenis di rapat.yaml atau pengaturannya", "fix jenis in rapat.yaml or the setting"),
    },
    "pertama/pembagian-tugas": {
      severity: "error",
      source: { kind: "permenkes-44-2016", note: msg("penggalangan tim", "team building") },
      what: msg(
        "Lokmin pertama membagi setiap program/klaster kepada pegawai",
        "the first Lokmin assigns every program/klaster to staff",
      ),
      fix: msg("isi pembagian_tugas", "fill pembagian_tugas"),
    },
    "pertama/beban-kerja": {
      severity: "warning",
      source: { kind: "permenkes-44-2016", note: msg("penggalangan tim", "team building") },
      what: msg(
        "setiap pegawai aktif mendapat tugas atau wilayah binaan",
        "every active member of staff gets a task or a wilayah binaan",
      ),
      fix: msg("tambahkan tugasnya di pembagian_tugas", "add their tasks in pembagian_tugas"),
    },
    "pertama/wilayah-binaan": {
      severity: "error",
      source: { kind: "permenkes-44-2016", note: msg("pembagian wilayah binaan", "villages divided") },
      what: msg(
        "setiap desa di lokmin.yaml punya pembina, dan hanya desa itu yang dibagi",
        "every village of lokmin.yaml has someone in charge, and only those villages are divided",
      ),
      fix: msg("isi wilayah_binaan di pembagian_tugas", "fill wilayah_binaan in pembagian_tugas"),
    },
    "pertama/poa": {
      severity: "error",
      source: { kind: "permenkes-44-2016", note: msg("POA tahunan dari RPK", "annual POA from the RPK") },
      what: msg(
        "POA tahunan punya kegiatan berjadwal untuk setiap program/klaster",
        "the annual POA has scheduled activities for every program/klaster",
      ),
      fix: msg("isi poa: kegiatan dan jadwal", "fill poa: kegiatan and jadwal"),
    },
    "pertama/kesepakatan": {
      severity: "error",
      source: { kind: "permenkes-44-2016", note: msg("kesepakatan bersama", "shared agreement") },
      what: msg(
        "Lokmin pertama diakhiri kesepakatan bersama yang ditandatangani",
        "the first Lokmin ends with a signed shared agreement",
      ),
      fix: msg("isi kesepakatan dengan ditandatangani", "fill kesepakatan with ditandatangani"),
    },
    "pertama/referensi": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "pegawai dan program/klaster di pembagian_tugas dan poa ada di lokmin.yaml",
        "staff and programs/klaster in pembagian_tugas and poa exist in lokmin.yaml",
      ),
      fix: msg("perbaiki id-nya", "fix the id"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    if (!meeting) return;
    const m = meeting.data;
    const file = meeting.file;
    const config = ctx.config;
    const terms = termsOf(config);
    const first = config.penggalangan_tim?.bulan ?? 1;
    const isFirstMonth = parseMonth(ctx.month.id)?.month === first;
    if (isFirstMonth && m.jenis !== "pertama")
      report("pertama/jenis", {
        file,
        path: ["jenis"],
        at: "value",
        message: t(M.notFirst, { month: ctx.month.id, first }),
      });
    if (!isFirstMonth && m.jenis === "pertama")
      report("pertama/jenis", { file, path: ["jenis"], at: "value", message: t(M.firstElsewhere, { first }) });
    if (m.jenis !== "pertama") return;

    const roster = new Set(config.pegawai.map((p) => p.id));
    const units = new Set(config.program.map((p) => p.id));
    const ref = (path: PathSegment[], message: string) =>
      report("pertama/referensi", { file, path, at: "value", message });
    const rows = m.pembagian_tugas ?? [];
    if (rows.length === 0) {
      report("pertama/pembagian-tugas", { file, path: ["pembagian_tugas"], message: t(M.noDivision) });
    } else {
      rows.forEach((row, i) => {
        if (!roster.has(row.pegawai)) {
          const hint = didYouMean(row.pegawai, roster);
          ref(["pembagian_tugas", i, "pegawai"], t(M.unknownPerson, { id: row.pegawai, hint }));
        }
        row.program.forEach((id, j) => {
          if (units.has(id)) return;
          const hint = didYouMean(
            id,
            [...units].filter((u) => !row.program.includes(u)),
          );
          ref(["pembagian_tugas", i, "program", j], t(M.unknownUnit, { unit: terms.unit, id, hint }));
        });
        row.wilayah_binaan.forEach((village, j) => {
          if (matchVillage(village, config.desa) === undefined) {
            const path = ["pembagian_tugas", i, "wilayah_binaan", j];
            const message = t(M.villageUnknown, { village }) + villageAdvice(village, config.desa);
            report("pertama/wilayah-binaan", { file, path, at: "value", message });
          }
        });
      });
      const held = new Set(rows.flatMap((r) => r.program));
      for (const program of config.program) {
        if (held.has(program.id)) continue;
        const message = t(M.unassigned, { unit: unitLabel(config, program.id, terms) });
        report("pertama/pembagian-tugas", { file, path: ["pembagian_tugas"], message });
      }
      for (const person of config.pegawai.filter((p) => p.aktif !== false)) {
        const row = rows.find((r) => r.pegawai === person.id);
        if (row && (row.program.length || row.tugas.length || row.wilayah_binaan.length)) continue;
        const at = row ? ["pembagian_tugas", rows.indexOf(row)] : ["pembagian_tugas"];
        report("pertama/beban-kerja", {
          file,
          path: at,
          message: t(M.idle, { name: person.nama, units: terms.units }),
        });
      }
      const covered = new Set(rows.flatMap((r) => r.wilayah_binaan).map(foldName));
      for (const village of config.desa) {
        if (!covered.has(foldName(village)))
          report("pertama/wilayah-binaan", {
            file,
            path: ["pembagian_tugas"],
            message: t(M.villageUncovered, { village }),
          });
      }
    }

    const poa = m.poa ?? [];
    if (poa.length === 0) report("pertama/poa", { file, path: ["poa"], message: t(M.noPoa) });
    else {
      poa.forEach((row, i) => {
        const unit = unitLabel(config, row.program, terms);
        if (!units.has(row.program))
          ref(
            ["poa", i, "program"],
            t(M.unknownUnit, { unit: terms.unit, id: row.program, hint: didYouMean(row.program, units) }),
          );
        if (!roster.has(row.penanggung_jawab))
          ref(
            ["poa", i, "penanggung_jawab"],
            t(M.unknownPerson, { id: row.penanggung_jawab, hint: didYouMean(row.penanggung_jawab, roster) }),
          );
        if (!row.kegiatan?.trim())
          report("pertama/poa", {
            file,
            path: ["poa", i, "kegiatan"],
            message: t(M.poaNoActivity, { n: i + 1, unit }),
          });
        else if (row.jadwal.length === 0)
          report("pertama/poa", { file, path: ["poa", i, "jadwal"], message: t(M.poaNoSchedule, { n: i + 1, unit }) });
      });
      const planned = new Set(poa.map((r) => r.program));
      for (const program of config.program) {
        if (planned.has(program.id)) continue;
        const message = t(M.poaMissingUnit, { unit: unitLabel(config, program.id, terms) });
        report("pertama/poa", { file, path: ["poa"], message });
      }
    }

    if (!m.kesepakatan.some((k) => k.ditandatangani.length > 0))
      report("pertama/kesepakatan", { file, path: ["kesepakatan"], message: t(M.unsigned) });
  },
});
