// Rules from the month's checklists: the SOP steps in force, each program's own report, plan, RPK
// and analysis, the Daftar Tilik items the files can answer, and the archive minimum.
import { supervisionCitation } from "../../regulations.js";
import { msg, t } from "../../../i18n/index.js";
import { resolveSop } from "../../sop.js";
import {
  ARCHIVE_IDS,
  analysisParts,
  archiveChecklist,
  behindTarget,
  missingEvidence,
  sopChecklist,
  TILIK_IDS,
  tilikChecklist,
} from "../checklists.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";
import { inVocabulary, taxonomyOf, unitLabel } from "../../vocabulary.js";
import { meetingFile } from "../../workspace-data.js";

const M = {
  sopMissing: msg(
    "langkah SOP {step} belum ada buktinya: {title}; isi {fill} atau catat di pembahasan dengan langkah: {step}",
    "SOP step {step} has no evidence: {title}; fill in {fill} or record it in pembahasan with langkah: {step}",
  ),
  tilikNo: msg('Daftar Tilik {no} "{question}": tidak ({reason})', 'Checklist item {no} "{question}": no ({reason})'),
  arsipMissing: msg(
    "arsip minimum ({source}): {name} belum ada; {hint}",
    "minimum archive ({source}): {name} is missing; {hint}",
  ),
  noReport: msg(
    "{program} belum melaporkan kegiatan bulan lalu (SOP langkah 4); isi laporan_kegiatan",
    "{program} has not reported last month's activities (SOP step 4); fill laporan_kegiatan",
  ),
  noPlan: msg(
    "{program} belum menulis rencana bulan ini (SOP langkah 5); isi rencana_bulan_ini",
    "{program} has no plan for this month (SOP step 5); fill rencana_bulan_ini",
  ),
  noRpk: msg(
    "{program} belum menyusun RPK bulan berikutnya (SOP langkah 13); isi rpk",
    "{program} has no RPK for next month (SOP step 13); fill rpk",
  ),
  noAnalysis: msg(
    "{program} tertinggal dari target tetapi analisis belum menyebut {parts} (orang, waktu, tempat); isi " + "analisis",
    "{program} is behind target but its analysis does not give {parts} (person, time, place); fill analisis",
  ),
};

export const checklistRules = defineRules<
  | "sop/<langkah>"
  | "program/laporan-kegiatan"
  | "program/rencana"
  | "program/rpk"
  | "program/analisis"
  | "tilik/<nn-butir>"
  | "arsip/<dokumen>",
  MonthContext
>({
  rules: {
    "sop/<langkah>": {
      severity: "error",
      source: { kind: "sop", note: msg("profil di lokmin.yaml: sop.profil", "profile in lokmin.yaml: sop.profil") },
      what: msg(
        "setiap langkah SOP yang berlaku punya bukti di berkas bulan ini",
        "each SOP step in force has evidence in the month's files",
      ),
      fix: msg(
        "isi bagian yang disebut, atau catat butir pembahasan dengan langkah: <id> (atau agenda yang langkahnya itu)",
        "fill the section named, or record a pembahasan item with langkah: <id> (or an agenda entry for that step)",
      ),
      members: () => resolveSop({ profil: "rutin-2022", nonaktif: [], tambahan: [] }).steps.map((s) => s.id),
    },
    "program/laporan-kegiatan": {
      severity: "error",
      source: { kind: "sop", step: "4" },
      what: msg("setiap program melaporkan kegiatan bulan lalu", "every program reports last month's activities"),
      fix: msg("isi laporan_kegiatan di berkas program itu", "fill laporan_kegiatan in that program's file"),
    },
    "program/rencana": {
      severity: "error",
      source: { kind: "sop", step: "5" },
      what: msg("setiap program menulis rencana bulan ini", "every program writes this month's plan"),
      fix: msg("isi rencana_bulan_ini di berkas program itu", "fill rencana_bulan_ini in that program's file"),
    },
    "program/rpk": {
      severity: "error",
      source: { kind: "sop", step: "13" },
      what: msg("setiap program menyusun RPK bulan berikutnya", "every program draws up next month's RPK"),
      fix: msg("isi rpk di berkas program itu", "fill rpk in that program's file"),
    },
    "program/analisis": {
      severity: "error",
      source: { kind: "pembinaan", pasal: "deskripsi", note: msg("orang, waktu, tempat", "person, time, place") },
      what: msg(
        "program yang tertinggal dari target punya analisis menurut orang, waktu dan tempat",
        "a program behind target has an analysis by person, time and place",
      ),
      fix: msg("isi analisis: {orang, waktu, tempat}", "fill analisis: {orang, waktu, tempat}"),
    },
    "tilik/<nn-butir>": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "tilik" },
      what: msg(
        "butir Daftar Tilik yang dapat dijawab dari berkas dijawab 'ya'",
        "checklist items the files can answer are 'yes'",
      ),
      fix: msg(
        "isi bagian yang disebut; butir 1–3 dan 17 dicatat pembina di supervisi.jawaban",
        "fill the section named; items 1–3 and 17 are recorded by the supervisor in supervisi.jawaban",
      ),
      members: () => TILIK_IDS,
    },
    "arsip/<dokumen>": {
      severity: "error",
      source: { kind: "pembinaan", pasal: "arsip" },
      what: msg("10 dokumen arsip minimum ada", "the 10 minimum archive documents are present"),
      fix: msg("isi bagian yang disebut pesan", "fill the section the message names"),
      members: () => ARCHIVE_IDS,
    },
  },
  run(ctx, report) {
    const file = meetingFile(ctx.month.id);
    const sop = resolveSop(ctx.config.sop);
    for (const step of sopChecklist(ctx).steps) {
      if (step.done || step.applies === "not-applicable") continue;
      const def = sop.steps.find((s) => s.id === step.id);
      if (!def) continue;
      const missing = missingEvidence(ctx, def.bukti);
      report(`sop/${step.id}`, {
        file,
        path: [missing.path],
        severity: step.applies === "required" ? "error" : "info",
        message: t(M.sopMissing, {
          step: step.id,
          title: inVocabulary(step.judul, taxonomyOf(ctx.config)),
          fill: missing.fill,
        }),
      });
    }
    for (const { file: programFile, data } of ctx.month.programs) {
      const program = unitLabel(ctx.config, data.program);
      if (data.laporan_kegiatan.length === 0)
        report("program/laporan-kegiatan", {
          file: programFile,
          path: ["laporan_kegiatan"],
          message: t(M.noReport, { program }),
        });
      if (data.rencana_bulan_ini.length === 0)
        report("program/rencana", {
          file: programFile,
          path: ["rencana_bulan_ini"],
          message: t(M.noPlan, { program }),
        });
      if (data.rpk.length === 0)
        report("program/rpk", { file: programFile, path: ["rpk"], message: t(M.noRpk, { program }) });
      if (behindTarget(ctx.config, data)) {
        const missing = Object.entries(analysisParts(data))
          .filter(([, present]) => !present)
          .map(([part]) => part);
        if (missing.length)
          report("program/analisis", {
            file: programFile,
            path: ["analisis"],
            message: t(M.noAnalysis, { program, parts: missing.join(", ") }),
          });
      }
    }
    for (const item of tilikChecklist(ctx).items) {
      if (item.answer !== false || !item.severity) continue;
      report(`tilik/${item.id}`, {
        file,
        path: [item.path],
        severity: item.severity,
        message: t(M.tilikNo, { no: item.no, question: item.question, reason: item.reason }),
      });
    }
    const source = supervisionCitation(ctx.profile, "arsip");
    for (const doc of archiveChecklist(ctx)) {
      if (doc.present !== false) continue;
      report(`arsip/${doc.id}`, {
        file,
        path: [doc.path],
        severity: doc.severity,
        message: t(M.arsipMissing, { source, name: doc.name, hint: doc.hint }),
      });
    }
  },
});
