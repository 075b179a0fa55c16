// The forum's analysis tools (Perbup Pasal 15, 17, 36): root causes on the fishbone's bones, the
// SWOT of a priority problem and the strategy its chosen solution comes from, and the stakeholder
// map. Tools the month uses (`analysisMethods`) must be filled; what is filled must be consistent.
import { msg, t } from "../../../i18n/index.js";
import { analysisMethods, causeCategories } from "../../analysis.js";
import { categoryHint, matchCategory } from "../../fishbone.js";
import { duplicateStakeholders } from "../../stakeholders.js";
import { SWOT_STRATEGIES, swotIssues } from "../../swot.js";
import type { MonthContext } from "../context.js";
import { defineRules } from "../registry.js";

const M = {
  unknownCategory: msg(
    "kategori akar masalah '{value}' tidak ada di analisis.kategori lokmin.yaml ({list}); maksud Anda '{hint}'? " +
      "Perbaiki kategorinya atau tambahkan ke daftar",
    "root-cause category '{value}' is not in lokmin.yaml's analisis.kategori ({list}); did you mean '{hint}'? Fix " +
      "the category or add it to the list",
  ),
  noCategory: msg(
    "akar masalah '{cause}' ({problem}) belum punya kategori, jadi tidak punya tulang di fishbone; isi kategori: " +
      "{list}",
    "root cause '{cause}' ({problem}) has no category, so it has no bone on the fishbone; set kategori: {list}",
  ),
  factorEmpty: msg(
    "SWOT masalah {problem}: {factor} masih kosong; isi paling sedikit satu butir",
    "SWOT of problem {problem}: {factor} is empty; list at least one item",
  ),
  noStrategy: msg(
    "SWOT masalah {problem} belum punya strategi (so, wo, st, wt); rumuskan strategi dari tabel SWOT",
    "SWOT of problem {problem} has no strategy yet (so, wo, st, wt); draw the strategies from the SWOT table",
  ),
  chosenWithoutStrategy: msg(
    "solusi terpilih {solution} (masalah {problem}) belum menyebut strategi SWOT asalnya; tulis strategi: SO | WO | " +
      "ST | WT",
    "chosen solution {solution} (problem {problem}) does not name the SWOT strategy it comes from; write strategi: " +
      "SO | WO | ST | WT",
  ),
  strategyMissing: msg(
    "solusi {solution} menyebut strategi {strategy}, tetapi SWOT masalah {problem} tidak punya strategi {strategy}; " +
      "isi swot.strategi.{key} atau perbaiki strateginya",
    "solution {solution} names strategy {strategy}, but the SWOT of problem {problem} has no {strategy} strategy; " +
      "fill swot.strategi.{key} or fix the strategy",
  ),
  strategyWithoutSwot: msg(
    "solusi {solution} menyebut strategi {strategy}, tetapi masalah {problem} belum punya tabel swot; isi swot atau " +
      "hapus strateginya",
    "solution {solution} names strategy {strategy}, but problem {problem} has no swot table; fill swot or remove the " +
      "strategy",
  ),
  swotMissing: msg(
    "bulan ini memakai SWOT (metode analisis), tetapi masalah {problem} dengan solusi terpilih belum punya swot",
    "this month uses SWOT (analysis method), but problem {problem}, which has a chosen solution, has no swot",
  ),
  noStakeholders: msg(
    "bulan ini memakai peta stakeholder (metode analisis), tetapi daftar stakeholder kosong; isi nama, instansi, " +
      "pengaruh dan kepentingan",
    "this month uses the stakeholder map (analysis method), but the stakeholder list is empty; fill nama, instansi, " +
      "pengaruh and kepentingan",
  ),
  duplicateStakeholder: msg(
    "stakeholder '{name}' sudah tercantum di urutan ke-{first}; hapus salah satunya",
    "stakeholder '{name}' is already listed as entry {first}; remove one of them",
  ),
};

const FACTOR_NAME: Record<string, string> = {
  kekuatan: "kekuatan (S)",
  kelemahan: "kelemahan (W)",
  peluang: "peluang (O)",
  ancaman: "ancaman (T)",
};

const fishbone = { kind: "pembinaan", pasal: "fishbone" } as const;
const swot = { kind: "pembinaan", pasal: "swot" } as const;
const stakeholder = { kind: "pembinaan", pasal: "stakeholder" } as const;

export const analisisRules = defineRules<
  | "fishbone/kategori"
  | "fishbone/tanpa-kategori"
  | "swot/tidak-ada"
  | "swot/belum-lengkap"
  | "swot/strategi-terpilih"
  | "swot/strategi-tidak-ada"
  | "stakeholder/kosong"
  | "stakeholder/ganda",
  MonthContext
>({
  rules: {
    "fishbone/kategori": {
      severity: "warning",
      source: fishbone,
      what: msg(
        "kategori setiap akar masalah ada di daftar analisis.kategori lokmin.yaml (tulang fishbone)",
        "every root cause's category is in lokmin.yaml's analisis.kategori list (the fishbone's bones)",
      ),
      fix: msg("perbaiki kategorinya atau tambahkan ke daftar", "fix the category or add it to the list"),
    },
    "fishbone/tanpa-kategori": {
      severity: "warning",
      source: fishbone,
      what: msg(
        "bila bulan ini memakai fishbone, setiap akar masalah punya kategori",
        "when the month uses the fishbone, every root cause has a category",
      ),
      fix: msg("isi kategori akar masalah", "set the root cause's kategori"),
    },
    "swot/tidak-ada": {
      severity: "warning",
      source: swot,
      what: msg(
        "bila bulan ini memakai SWOT, setiap masalah dengan solusi terpilih punya tabel swot",
        "when the month uses SWOT, every problem with a chosen solution has a swot table",
      ),
      fix: msg(
        "isi swot: kekuatan, kelemahan, peluang, ancaman, strategi",
        "fill swot: kekuatan, kelemahan, peluang, ancaman, strategi",
      ),
    },
    "swot/belum-lengkap": {
      severity: "warning",
      source: swot,
      what: msg(
        "tabel SWOT punya keempat faktor dan paling sedikit satu strategi",
        "a SWOT table has all four factors and at least one strategy",
      ),
      fix: msg("isi faktor atau strategi yang kosong", "fill the empty factor or strategy"),
    },
    "swot/strategi-terpilih": {
      severity: "error",
      source: swot,
      what: msg(
        "solusi terpilih dari masalah yang punya SWOT menyebut strategi asalnya (SO, WO, ST, WT)",
        "the chosen solution of a problem with a SWOT names the strategy it comes from (SO, WO, ST, WT)",
      ),
      fix: msg("tulis strategi: SO | WO | ST | WT pada solusinya", "write strategi: SO | WO | ST | WT on the solution"),
    },
    "swot/strategi-tidak-ada": {
      severity: "error",
      source: swot,
      what: msg(
        "strategi yang disebut solusi ada di tabel SWOT masalahnya",
        "the strategy a solution names is in its problem's SWOT table",
      ),
      fix: msg("isi strategi itu di swot.strategi atau perbaiki", "fill that strategy in swot.strategi or fix it"),
    },
    "stakeholder/kosong": {
      severity: "warning",
      source: stakeholder,
      what: msg(
        "bila bulan ini memakai peta stakeholder, daftar stakeholder terisi",
        "when the month uses the stakeholder map, the stakeholder list is filled",
      ),
      fix: msg(
        "isi stakeholder: nama, instansi, pengaruh, kepentingan",
        "fill stakeholder: nama, instansi, pengaruh, kepentingan",
      ),
    },
    "stakeholder/ganda": {
      severity: "warning",
      source: { kind: "lokmin" },
      what: msg("setiap stakeholder tercantum sekali", "each stakeholder is listed once"),
      fix: msg("hapus salah satunya", "remove one of them"),
    },
  },
  run(ctx, report) {
    const meeting = ctx.month.meeting;
    if (!meeting) return;
    const { file, data } = meeting;
    const methods = analysisMethods(ctx.config, data);
    const categories = causeCategories(ctx.config);
    const list = categories.join(", ");
    data.masalah.forEach((problem, i) => {
      problem.akar_masalah.forEach((cause, j) => {
        const at = ["masalah", i, "akar_masalah", j];
        if (cause.kategori === undefined || cause.kategori.trim() === "") {
          if (methods.includes("fishbone"))
            report("fishbone/tanpa-kategori", {
              file,
              path: at,
              message: t(M.noCategory, { cause: cause.uraian, problem: problem.id, list }),
            });
        } else if (!matchCategory(cause.kategori, categories)) {
          const hint = categoryHint(cause.kategori, categories) ?? "";
          report("fishbone/kategori", {
            file,
            path: [...at, "kategori"],
            at: "value",
            message: t(M.unknownCategory, { value: cause.kategori, list, hint }),
          });
        }
      });
      const base = ["masalah", i];
      if (methods.includes("swot") && !problem.swot && problem.solusi.some((s) => s.dipilih))
        report("swot/tidak-ada", { file, path: base, message: t(M.swotMissing, { problem: problem.id }) });
      for (const issue of swotIssues(problem, base)) {
        switch (issue.kind) {
          case "factor-empty":
            report("swot/belum-lengkap", {
              file,
              path: issue.path,
              message: t(M.factorEmpty, { problem: problem.id, factor: FACTOR_NAME[issue.factor] }),
            });
            break;
          case "no-strategy":
            report("swot/belum-lengkap", { file, path: issue.path, message: t(M.noStrategy, { problem: problem.id }) });
            break;
          case "chosen-without-strategy":
            report("swot/strategi-terpilih", {
              file,
              path: issue.path,
              message: t(M.chosenWithoutStrategy, { solution: issue.solution, problem: problem.id }),
            });
            break;
          case "strategy-missing": {
            const key = SWOT_STRATEGIES.find((s) => s.id === issue.strategy)!.key;
            const params = { solution: issue.solution, strategy: issue.strategy, problem: problem.id, key };
            report("swot/strategi-tidak-ada", {
              file,
              path: issue.path,
              at: "value",
              message: t(issue.noSwot ? M.strategyWithoutSwot : M.strategyMissing, params),
            });
            break;
          }
        }
      }
    });
    const stakeholders = data.stakeholder ?? [];
    if (methods.includes("stakeholder") && stakeholders.length === 0)
      report("stakeholder/kosong", {
        file,
        path: data.stakeholder ? ["stakeholder"] : [],
        message: t(M.noStakeholders),
      });
    for (const { index, first } of duplicateStakeholders(stakeholders))
      report("stakeholder/ganda", {
        file,
        path: ["stakeholder", index, "nama"],
        at: "value",
        message: t(M.duplicateStakeholder, { name: stakeholders[index].nama, first: first + 1 }),
      });
  },
});
