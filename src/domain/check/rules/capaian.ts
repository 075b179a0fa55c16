// Coverage arithmetic of each program file, for the period its figures cover and by how each
// indicator accumulates: filled in, never above the target population, the written percentage and
// target right, a cumulative count never dropping within the year of its figures and adding up from
// the period before (a state counted anew: its cumulative is this month's), the villages adding up to
// the total, and a meeting never dated before the period it discusses has ended.
import { monthName, plainDate } from "../../format-date.js";
import { decimal, msg, t } from "../../../i18n/index.js";
import type { PathSegment } from "../../findings.js";
import { lastDay, parseMonth, shiftMonth } from "../../month.js";
import type { IndicatorReport } from "../../schema.js";
import {
  accumulationOf,
  cumulativeIssue,
  cumulativeTarget,
  indicatorFigures,
  periodMonth,
  reportPeriod,
} from "../../targets.js";
import type { MonthContext } from "../context.js";
import { defineRules, type Placement } from "../registry.js";

const M = {
  notFilled: msg(
    "capaian {indicator} belum diisi (bulan_ini / kumulatif)",
    "coverage of {indicator} is not filled in (bulan_ini / kumulatif)",
  ),
  noSasaran: msg(
    "sasaran {indicator} masih 0 (belum diisi), jadi capaiannya tidak bisa dihitung; isi sasaran setahun " +
      "indikator ini di lokmin.yaml (Pengaturan › Indikator) dan di berkas program ini",
    "the sasaran of {indicator} is still 0 (not filled in), so its coverage cannot be computed; fill the year's " +
      "sasaran of this indicator in lokmin.yaml (Settings › Indicators) and in this program file",
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
  stateMismatch: msg(
    "{indicator} dihitung sebagai keadaan saat ini (akumulasi: terakhir): kumulatif {value} seharusnya sama dengan " +
      "bulan_ini {month}; tulis angka keadaan terakhir di keduanya",
    "{indicator} is a state at the time of counting (akumulasi: terakhir): cumulative {value} should equal " +
      "bulan_ini {month}; write the latest count in both",
  ),
  periodNotOver: msg(
    "rapat {date} membahas capaian s.d. {period}, padahal periode itu baru berakhir {end}: Lokmin membahas hasil " +
      "kegiatan bulan lalu (SOP langkah 4); tulis periode_data: bulan-lalu di lokmin.yaml (lalu angka berkas program " +
      "{month} dibaca sebagai {previous}) atau geser tanggal rapat",
    "the meeting on {date} discusses figures up to {period}, but that period only ends on {end}: a Lokmin reports " +
      "last month's results (SOP step 4); write periode_data: bulan-lalu in lokmin.yaml (the program files of " +
      "{month} are then read as {previous}) or move the meeting date",
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
  | "capaian/per-desa"
  | "capaian/periode";

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
    "capaian/periode": {
      severity: "warning",
      source: { kind: "sop", step: "4", note: msg("laporan hasil kegiatan bulan lalu", "last month's results") },
      what: msg(
        "rapat tidak diadakan sebelum periode angka yang dibahasnya berakhir",
        "a meeting is not held before the period of the figures it discusses has ended",
      ),
      fix: msg(
        "tulis periode_data: bulan-lalu di lokmin.yaml, atau geser tanggal rapat",
        "write periode_data: bulan-lalu in lokmin.yaml, or move the meeting date",
      ),
    },
  },
  run(ctx, report) {
    const prev = ctx.previous;
    const folder = ctx.month.id;
    for (const program of ctx.month.programs) {
      const period = reportPeriod(ctx.config, folder, program.data);
      const monthNumber = periodMonth(period);
      const before = prev?.programs.find((p) => p.data.program === program.data.program)?.data;
      // A cumulative figure carries on only within the year of the figures, not of the folder.
      const sameYear = prev && before && reportPeriod(ctx.config, prev.id, before).slice(0, 4) === period.slice(0, 4);
      program.data.indikator.forEach((i: IndicatorReport, index) => {
        const at = (rule: Rule, path: PathSegment[], message: string) => {
          const placement: Placement = { file: program.file, path: ["indikator", index, ...path], message };
          report(rule, placement);
        };
        const kind = accumulationOf(ctx.config, program.data.program, i.id);
        const figures = indicatorFigures(i, kind, monthNumber);
        const missing = kind === "terakhir" ? figures.served === null : i.bulan_ini === null || i.kumulatif === null;
        if (missing) at("capaian/belum-diisi", [], t(M.notFilled, { indicator: i.id }));
        if (figures.served !== null && figures.served / figures.months > i.sasaran) {
          at(
            "capaian/melebihi-sasaran",
            ["kumulatif"],
            i.sasaran === 0
              ? t(M.noSasaran, { indicator: i.id })
              : t(M.overSasaran, { value: figures.served / figures.months, sasaran: i.sasaran, indicator: i.id }),
          );
        }
        const computed = figures.capaian;
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
        if (kind === "terakhir") {
          if (i.bulan_ini !== null && i.kumulatif !== null && i.bulan_ini !== i.kumulatif)
            at(
              "capaian/kumulatif-tidak-cocok",
              ["kumulatif"],
              t(M.stateMismatch, { indicator: i.id, value: i.kumulatif, month: i.bulan_ini }),
            );
        } else {
          const earlier = sameYear ? before?.indikator.find((x) => x.id === i.id)?.kumulatif : undefined;
          const issue =
            earlier !== undefined && earlier !== null && i.kumulatif !== null
              ? cumulativeIssue(earlier, i.bulan_ini, i.kumulatif)
              : undefined;
          if (issue && earlier !== undefined && earlier !== null && i.kumulatif !== null) {
            if (issue.kind === "turun") {
              at(
                "capaian/kumulatif-turun",
                ["kumulatif"],
                t(M.decreasing, { indicator: i.id, before: earlier, month: prev?.id, after: i.kumulatif }),
              );
            } else {
              const month = i.bulan_ini ?? 0;
              const values = { indicator: i.id, value: i.kumulatif, before: earlier, month, expected: issue.expected };
              at("capaian/kumulatif-tidak-cocok", ["kumulatif"], t(M.sumMismatch, values));
            }
          }
        }
        if (i.per_desa?.length && i.kumulatif !== null && i.per_desa.every((v) => v.kumulatif !== null)) {
          const sum = i.per_desa.reduce((s, v) => s + (v.kumulatif ?? 0), 0);
          if (sum !== i.kumulatif)
            at("capaian/per-desa", ["per_desa"], t(M.villageSum, { sum, indicator: i.id, total: i.kumulatif }));
        }
      });
    }
    periodRule(ctx, report);
  },
});

/** The meeting is dated before the period of its figures has ended (the figures cannot exist yet). */
function periodRule(ctx: MonthContext, report: (rule: Rule, placement: Placement) => void) {
  const meeting = ctx.month.meeting;
  const date = meeting?.data.tanggal;
  // A workspace that chose `bulan-ini` discusses the running month's figures on purpose.
  if (ctx.config.periode_data === "bulan-ini" || !meeting || !date || ctx.month.programs.length === 0) return;
  const periods = ctx.month.programs.map((p) => reportPeriod(ctx.config, ctx.month.id, p.data));
  const latest = periods.reduce((a, b) => (a > b ? a : b));
  const end = lastDay(parseMonth(latest)!);
  if (date > end) return;
  const message = t(M.periodNotOver, {
    date: plainDate(date),
    period: monthName(latest),
    end: plainDate(end),
    month: ctx.month.id,
    previous: monthName(shiftMonth(ctx.month.id, -1)),
  });
  report("capaian/periode", { file: meeting.file, path: ["tanggal"], at: "value", message });
}
