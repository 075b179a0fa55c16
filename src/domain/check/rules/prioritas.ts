// Priority scores of the month's problems and solution alternatives: complete, within the scales
// the local forum set, one id per problem, and written totals and ranks equal to the
// recomputation.
import { msg, t } from "../../../i18n/index.js";
import { rankProblems, rankSolutions } from "../../rank/month.js";
import type { RankRule } from "../../rank/rank.js";
import type { MonthContext } from "../context.js";
import { defineRules, type RuleSpec } from "../registry.js";

const M = {
  duplicateProblem: msg(
    "id masalah '{id}' dipakai lebih dari sekali; beri id lain",
    "problem id '{id}' is used more than once; give it another id",
  ),
  duplicateSolution: msg(
    "id solusi '{id}' dipakai lebih dari sekali pada masalah {problem}; beri id lain",
    "solution id '{id}' is used more than once in problem {problem}; give it another id",
  ),
};

const scores = (
  what: ReturnType<typeof msg>,
  fix: ReturnType<typeof msg>,
  severity: RuleSpec["severity"] = "error",
): RuleSpec => ({
  severity,
  source: {
    kind: "pembinaan",
    pasal: "skor",
    note: msg("skala dan bobot disepakati forum setempat", "scales and weights set by the local forum"),
  },
  what,
  fix,
});
const rerun = msg("jalankan `lokmin rank BULAN --write`", "run `lokmin rank MONTH --write`");

export const prioritasRules = defineRules<RankRule | "rank/id-ganda", MonthContext>({
  rules: {
    "rank/skor-kosong": scores(
      msg("setiap kriteria metode punya skor", "every criterion of the method has a score"),
      msg("isi skor yang disebut", "fill in the score named"),
    ),
    "rank/skor-rentang": scores(
      msg("skor di dalam skala lokmin.yaml (penilaian)", "scores are within lokmin.yaml's scale (penilaian)"),
      msg("perbaiki skor atau ubah skalanya", "fix the score or change the scale"),
    ),
    "rank/kriteria-tidak-dikenal": scores(
      msg("skor memakai kriteria metode itu", "scores use the method's criteria"),
      msg("hapus atau ganti kriteria", "remove or rename the criterion"),
    ),
    "rank/skor-ganda": scores(
      msg("skor atau skor_penilai, tidak keduanya", "skor or skor_penilai, not both"),
      msg("pakai salah satu", "use one of them"),
    ),
    "rank/tanpa-skor": scores(
      msg("masalah dan solusi sudah dinilai", "problems and solutions are scored"),
      msg("isi skor atau skor_penilai", "fill in skor or skor_penilai"),
      "warning",
    ),
    "rank/total-berbeda": scores(
      msg("total tertulis sama dengan hitungan ulang", "a written total equals the recomputation"),
      rerun,
    ),
    "rank/peringkat-berbeda": scores(
      msg("peringkat tertulis sama dengan hitungan ulang", "a written rank equals the recomputation"),
      rerun,
    ),
    "rank/id-ganda": {
      severity: "error",
      source: { kind: "lokmin" },
      what: msg(
        "id masalah unik dalam bulan, id solusi unik dalam masalahnya",
        "problem ids are unique in a month, solution ids within their problem",
      ),
      fix: msg("beri id lain", "give it another id"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    if (!meeting) return;
    const file = meeting.file;
    const problems = rankProblems(ctx.config, meeting.data, file);
    const solutions = rankSolutions(ctx.config, meeting.data, file);
    for (const finding of [...problems.findings, ...solutions.flatMap((s) => s.findings)])
      report(finding.rule, finding);
    const seen = new Set<string>();
    meeting.data.masalah.forEach((problem, index) => {
      if (seen.has(problem.id)) {
        report("rank/id-ganda", {
          file,
          path: ["masalah", index, "id"],
          at: "value",
          message: t(M.duplicateProblem, { id: problem.id }),
        });
      }
      seen.add(problem.id);
      const solutionIds = new Set<string>();
      problem.solusi.forEach((solution, j) => {
        if (solutionIds.has(solution.id)) {
          const message = t(M.duplicateSolution, { id: solution.id, problem: problem.id });
          report("rank/id-ganda", { file, path: ["masalah", index, "solusi", j, "id"], at: "value", message });
        }
        solutionIds.add(solution.id);
      });
    });
  },
});
