// Villages named in a month's files are villages of lokmin.yaml's `desa` list: the per-village
// figures of a program file and the per-village achievements of the quarterly meeting. A name that
// is not in the list (a misspelling, a village renamed in lokmin.yaml) would put figures on a row
// no total, chart or workbook knows; each is an error at its line with the entry it most likely
// means. Spacing and case do not matter, as for root-cause categories.
import { msg, t } from "../../../i18n/index.js";
import type { PathSegment } from "../../findings.js";
import { foldName, matchVillage, villageAdvice } from "../../villages.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  unknown: msg(
    "desa '{village}' tidak ada di daftar desa lokmin.yaml{hint}",
    "village '{village}' is not in lokmin.yaml's village list{hint}",
  ),
  twice: msg(
    "desa '{village}' ditulis dua kali untuk {what}; gabungkan angkanya ke satu baris",
    "village '{village}' appears twice for {what}; merge its figures into one row",
  ),
};

export const desaRules = defineRules<"referensi/desa", MonthContext>({
  rules: {
    "referensi/desa": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "setiap desa yang disebut (capaian per desa, capaian_desa tribulanan) ada di daftar desa lokmin.yaml, " +
          "sekali saja per indikator",
        "every village named (per-village figures, the quarterly capaian_desa) is in lokmin.yaml's village list, " +
          "once per indicator",
      ),
      fix: msg(
        "perbaiki nama desa (lihat saran 'maksud Anda') atau tambahkan desanya ke lokmin.yaml",
        "fix the village name (see the 'did you mean' hint) or add the village to lokmin.yaml",
      ),
    },
  },
  run(ctx, report) {
    const villages = ctx.config.desa;
    const named = (file: string, village: string, path: PathSegment[]) => {
      if (matchVillage(village, villages) !== undefined) return true;
      const message = t(M.unknown, { village, hint: villageAdvice(village, villages) });
      report("referensi/desa", { file, path, at: "value", message });
      return false;
    };
    for (const { file, data } of ctx.month.programs) {
      data.indikator.forEach((indicator, i) => {
        const seen = new Set<string>();
        indicator.per_desa?.forEach((row, j) => {
          const path = ["indikator", i, "per_desa", j, "desa"];
          if (!named(file, row.desa, path)) return;
          if (seen.has(foldName(row.desa))) {
            const message = t(M.twice, { village: row.desa, what: indicator.id });
            report("referensi/desa", { file, path, at: "value", message });
          }
          seen.add(foldName(row.desa));
        });
      });
    }
    const quarterly = ctx.month.quarterly;
    quarterly?.data.capaian_desa.forEach((row, j) => named(quarterly.file, row.desa, ["capaian_desa", j, "desa"]));
  },
});
