// Rules over lokmin.yaml's `dhis2` section (the codes the Dinas' DHIS2 uses): every indicator has a
// data element code or is listed as not sent, the indicators and villages named exist, and no code
// is used twice. The checks themselves live in src/domain/dhis2.ts, which the export uses too.
import { msg } from "../../../i18n/index.js";
import { type Dhis2Rule, mappingProblems } from "../../dhis2.js";
import type { WorkspaceContext } from "../context.js";
import { defineRules, type RuleSpec } from "../registry.js";

const source = { kind: "lokmin", note: msg("pemetaan kode DHIS2 Dinas", "the Dinas' DHIS2 code mapping") } as const;

export const dhis2Rules = defineRules<Dhis2Rule, WorkspaceContext>({
  rules: {
    "dhis2/tanpa-kode": {
      severity: "error",
      source,
      what: msg(
        "dengan bagian dhis2, setiap indikator punya kode elemen data (bulan_ini dan/atau kumulatif) atau ada di " +
          "dhis2.tidak_dikirim",
        "with a dhis2 section, every indicator has a data element code (bulan_ini and/or kumulatif) or is in " +
          "dhis2.tidak_dikirim",
      ),
      fix: msg("tambahkan kodenya ke dhis2.elemen_data", "add its code to dhis2.elemen_data"),
    },
    "dhis2/indikator-tidak-dikenal": {
      severity: "error",
      source,
      what: msg(
        "indikator yang disebut dhis2 ada di program lokmin.yaml",
        "the indicators the dhis2 section names exist in lokmin.yaml's programs",
      ),
      fix: msg(
        "tulis program/indikator yang ada, mis. kia/bumil",
        "write an existing program/indicator, e.g. kia/bumil",
      ),
    },
    "dhis2/kode-ganda": {
      severity: "error",
      source,
      what: msg(
        "setiap kode elemen data dan kode desa DHIS2 dipakai sekali, setiap indikator disebut sekali",
        "each DHIS2 data element and village code is used once, each indicator named once",
      ),
      fix: msg("pakai kode yang diberikan Dinas untuk angka itu", "use the code the Dinas gave for that figure"),
    },
    "dhis2/desa": {
      severity: "error",
      source,
      what: msg(
        "desa di dhis2.desa ada di daftar desa, dan setiap desa punya kode bila angka dikirim per desa",
        "the villages in dhis2.desa are in the village list, and each village has a code when figures go per village",
      ),
      fix: msg("perbaiki nama desa atau tambahkan kodenya", "fix the village name or add its code"),
    },
  } satisfies Record<Dhis2Rule, RuleSpec>,
  run(ctx, report) {
    for (const problem of mappingProblems(ctx.config))
      report(problem.rule, { file: ctx.file, path: problem.path, at: "value", message: problem.message });
  },
});
