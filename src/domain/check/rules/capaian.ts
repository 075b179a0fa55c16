// Coverage arithmetic of each program file: filled in, never above the target population, the
// written percentage and cumulative target right, the cumulative never dropping within a year and
// adding up from last month, and the villages adding up to the total.
import { decimal, msg, t } from "../../../i18n/index.js";
import type { PathSegment } from "../../findings.js";
import { parseMonth } from "../../month.js";
import type { IndicatorReport } from "../../schema.js";
import { coveragePercent, cumulativeIssue, cumulativeTarget } from "../../targets.js";
import type { MonthContext } from "../context.js";
import { defineRules, type Placement } from "../registry.js";

const M = {
  notFilled: msg(
    "capaian {indicator} belum diisi (bulan_ini / kumulatif)",
    "coverage of {indicator} is not filled in (bulan_ini / kumulatif)",
  ),
  overSasaran: msg(
    "kumulatif {value} melebihi sasaran {sasaran} untuk {indicator}; periksa data atau perbarui sasaran",
    "cumulative {value} exceeds sasaran {sasaran} for {indicator}; check the data or update sasaran",
  ),
  percentWrong: msg(
    "capaian_persen tertulis {written}% tetapi hitungan ulang {computed}% ({kumulatif} ÷ {sasaran}); perbaiki atau " +
      "hapus angka tertulis",
    "written capaian_persen {written}% but recomputed {computed}% ({kumulatif} ÷ {sasaran}); fix or remove the " +
      "written value",
  ),
  targetWrong: msg(
    "target_kumulatif {written}% berbeda dengan target lokmin.yaml untuk bulan ini ({computed}%); tulis {computed}",
    "target_kumulatif {written}% differs from lokmin.yaml's target for this month ({computed}%); write {computed}",
  ),
  decreasing: msg(
    "kumulatif {indicator} turun dari {before} ({month}) menjadi {after}; angka kumulatif tidak boleh turun dalam " +
      "satu tahun",
    "cumulative {indicator} drops from {before} ({month}) to {after}; cumulative figures never decrease within a year",
  ),
  sumMismatch: msg(
    "kumulatif {indicator} = {value}, tetapi kumulatif bulan lalu {before} + bulan ini {month} = {expected}; " +
      "periksa salah satunya",
    "cumulative {indicator} = {value}, but last month's {before} + this month's {month} = {expected}; check one of " +
      "them",
  ),
  villageSum: msg(
    "jumlah kumulatif per desa {sum} ≠ kumulatif {indicator} {total}; perbaiki baris desa",
    "sum of per-village cumulative {sum} ≠ cumulative {indicator} {total}; correct the village rows",
  ),
};

type Rule =
  | "capaian/belum-diisi"
  | "capaian/melebihi-sasaran"
  | "capaian/persen-berbeda"
  | "capaian/target-kumulatif"
  | "capaian/kumulatif-turun"
  | "capaian/kumulatif-tidak-cocok"
  | "capaian/per-desa";

export const capaianRules = defineRules<Rule, MonthContext>({
  rules: {
    "capaian/belum-diisi": {
      severity: "error",
      source: { kind: "sop", step: "8" },
      what: msg("setiap indikator punya bulan_ini dan kumulatif", "every indicator has bulan_ini and kumulatif"),
      fix: msg("isi jumlah yang dilayani", "fill in the numbers served"),
    },
    "capaian/melebihi-sasaran": {
      severity: "warning",
      source: { kind: "spm" },
      what: msg("kumulatif tidak melebihi sasaran", "cumulative never exceeds sasaran"),
      fix: msg("periksa data atau sasaran di lokmin.yaml", "check the data or the sasaran in lokmin.yaml"),
    },
    "capaian/persen-berbeda": {
      severity: "error",
      source: { kind: "spm" },
      what: msg(
        "capaian_persen tertulis sama dengan kumulatif ÷ sasaran × 100",
        "a written capaian_persen equals kumulatif ÷ sasaran × 100",
      ),
      fix: msg("perbaiki atau hapus capaian_persen", "fix or remove capaian_persen"),
    },
    "capaian/target-kumulatif": {
      severity: "warning",
      source: {
        kind: "permenkes-44-2016",
        note: msg("target bulanan = target tahunan ÷ 12, kumulatif", "monthly target = annual ÷ 12, cumulative"),
      },
      what: msg(
        "target_kumulatif sama dengan target lokmin.yaml untuk bulan itu",
        "target_kumulatif matches lokmin.yaml's target for that month",
      ),
      fix: msg("salin angka yang disebut pesan", "copy the value the message gives"),
    },
    "capaian/kumulatif-turun": {
      severity: "error",
      source: { kind: "spm" },
      what: msg("kumulatif tidak turun dalam satu tahun", "cumulative never drops within a year"),
      fix: msg("perbaiki salah satu dari dua bulan", "correct one of the two months"),
    },
    "capaian/kumulatif-tidak-cocok": {
      severity: "warning",
      source: { kind: "spm" },
      what: msg("kumulatif = kumulatif bulan lalu + bulan ini", "cumulative = last month's cumulative + this month"),
      fix: msg("perbaiki salah satu dari dua bulan", "correct one of the two months"),
    },
    "capaian/per-desa": {
      severity: "warning",
      source: { kind: "pembinaan", pasal: "deskripsi", note: msg("orang, waktu, tempat", "person, time, place") },
      what: msg("jumlah per desa sama dengan total", "per-village figures add up to the total"),
      fix: msg("perbaiki baris desa", "correct the village rows"),
    },
  },
  run(ctx, report) {
    const monthNumber = parseMonth(ctx.month.id)?.month ?? 1;
    const prev = ctx.previous;
    const sameYear = prev && parseMonth(prev.id)?.year === parseMonth(ctx.month.id)?.year;
    for (const program of ctx.month.programs) {
      program.data.indikator.forEach((i: IndicatorReport, index) => {
        const at = (rule: Rule, path: PathSegment[], message: string) => {
          const placement: Placement = { file: program.file, path: ["indikator", index, ...path], message };
          report(rule, placement);
        };
        if (i.bulan_ini === null || i.kumulatif === null)
          at("capaian/belum-diisi", [], t(M.notFilled, { indicator: i.id }));
        if (i.kumulatif !== null && i.kumulatif > i.sasaran) {
          at(
            "capaian/melebihi-sasaran",
            ["kumulatif"],
            t(M.overSasaran, { value: i.kumulatif, sasaran: i.sasaran, indicator: i.id }),
          );
        }
        const computed = coveragePercent(i);
        if (i.capaian_persen !== undefined && computed !== null && Math.abs(i.capaian_persen - computed) > 0.05) {
          const values = {
            written: decimal(i.capaian_persen, 2),
            computed: decimal(computed),
            kumulatif: i.kumulatif ?? 0,
            sasaran: i.sasaran,
          };
          at("capaian/persen-berbeda", ["capaian_persen"], t(M.percentWrong, values));
        }
        const def = ctx.config.program.find((p) => p.id === program.data.program)?.indikator.find((x) => x.id === i.id);
        if (def) {
          const target = cumulativeTarget({ ...def, target: i.target_tahunan }, monthNumber);
          if (Math.abs(target - i.target_kumulatif) > 0.01) {
            at(
              "capaian/target-kumulatif",
              ["target_kumulatif"],
              t(M.targetWrong, { written: i.target_kumulatif, computed: target }),
            );
          }
        }
        const before = sameYear
          ? prev?.programs
              .find((p) => p.data.program === program.data.program)
              ?.data.indikator.find((x) => x.id === i.id)?.kumulatif
          : undefined;
        const issue =
          before !== undefined && before !== null && i.kumulatif !== null
            ? cumulativeIssue(before, i.bulan_ini, i.kumulatif)
            : undefined;
        if (issue && before !== undefined && before !== null && i.kumulatif !== null) {
          if (issue.kind === "turun") {
            at(
              "capaian/kumulatif-turun",
              ["kumulatif"],
              t(M.decreasing, { indicator: i.id, before, month: prev?.id, after: i.kumulatif }),
            );
          } else {
            const month = i.bulan_ini ?? 0;
            const values = { indicator: i.id, value: i.kumulatif, before, month, expected: issue.expected };
            at("capaian/kumulatif-tidak-cocok", ["kumulatif"], t(M.sumMismatch, values));
          }
        }
        if (i.per_desa?.length && i.kumulatif !== null && i.per_desa.every((v) => v.kumulatif !== null)) {
          const sum = i.per_desa.reduce((s, v) => s + (v.kumulatif ?? 0), 0);
          if (sum !== i.kumulatif)
            at("capaian/per-desa", ["per_desa"], t(M.villageSum, { sum, indicator: i.id, total: i.kumulatif }));
        }
      });
    }
  },
});
