// The SWOT table of a priority problem (Perbup Pasal 17 ayat (2): SWOT finds the strategy to solve
// the problem): strengths and weaknesses inside the Puskesmas, opportunities and threats outside,
// and the four strategies drawn from them. The chosen solution names the strategy it comes from;
// what `check` finds missing or inconsistent is computed here. Pure.
import type { PathSegment } from "./findings.js";
import type { Problem } from "./schema.js";

export const SWOT_FACTORS = [
  { key: "kekuatan", huruf: "S", nama: "Kekuatan (S)", arti: "faktor internal yang mendukung" },
  { key: "kelemahan", huruf: "W", nama: "Kelemahan (W)", arti: "faktor internal yang menghambat" },
  { key: "peluang", huruf: "O", nama: "Peluang (O)", arti: "faktor eksternal yang dapat dimanfaatkan" },
  { key: "ancaman", huruf: "T", nama: "Ancaman (T)", arti: "faktor eksternal yang mengancam" },
] as const;
export type SwotFactor = (typeof SWOT_FACTORS)[number]["key"];

export const SWOT_STRATEGIES = [
  { id: "SO", key: "so", arti: "memakai kekuatan untuk meraih peluang" },
  { id: "WO", key: "wo", arti: "mengatasi kelemahan dengan memanfaatkan peluang" },
  { id: "ST", key: "st", arti: "memakai kekuatan untuk menghadapi ancaman" },
  { id: "WT", key: "wt", arti: "mengurangi kelemahan dan menghindari ancaman" },
] as const;
export type StrategyId = (typeof SWOT_STRATEGIES)[number]["id"];
export const STRATEGY_IDS = SWOT_STRATEGIES.map((s) => s.id) as [StrategyId, ...StrategyId[]];

export type SwotIssue =
  /** A factor list (kekuatan …) is empty. */
  | { kind: "factor-empty"; path: PathSegment[]; factor: SwotFactor }
  /** No strategy at all: the table has not done its job yet. */
  | { kind: "no-strategy"; path: PathSegment[] }
  /** The chosen solution of a problem with a SWOT names no strategy. */
  | { kind: "chosen-without-strategy"; path: PathSegment[]; solution: string }
  /** A solution names a strategy its problem's SWOT does not have. */
  | { kind: "strategy-missing"; path: PathSegment[]; solution: string; strategy: StrategyId; noSwot: boolean };

/** What is missing or inconsistent in one problem's SWOT and its solutions' strategies. */
export function swotIssues(problem: Pick<Problem, "swot" | "solusi">, base: PathSegment[]): SwotIssue[] {
  const issues: SwotIssue[] = [];
  const swot = problem.swot;
  if (swot) {
    for (const factor of SWOT_FACTORS)
      if (swot[factor.key].length === 0)
        issues.push({ kind: "factor-empty", path: [...base, "swot", factor.key], factor: factor.key });
    if (SWOT_STRATEGIES.every((s) => swot.strategi[s.key].length === 0))
      issues.push({ kind: "no-strategy", path: [...base, "swot", "strategi"] });
  }
  problem.solusi.forEach((solution, index) => {
    const at: PathSegment[] = [...base, "solusi", index];
    if (solution.strategi) {
      const key = SWOT_STRATEGIES.find((s) => s.id === solution.strategi)!.key;
      if (!swot || swot.strategi[key].length === 0)
        issues.push({
          kind: "strategy-missing",
          path: [...at, "strategi"],
          solution: solution.id,
          strategy: solution.strategi,
          noSwot: !swot,
        });
    } else if (swot && solution.dipilih)
      issues.push({ kind: "chosen-without-strategy", path: at, solution: solution.id });
  });
  return issues;
}
