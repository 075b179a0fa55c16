// Ranking problems or solution alternatives: validate each score against the method's
// criteria and ranges, average several raters (showing the spread), compute totals, apply an
// explicit tie rule, and flag written totals and ranks that disagree with the recomputation.
import type { Finding, PathSegment } from "../findings.js";
import { human, humanRange, msg, t } from "../../i18n/index.js";
import type { Scores, TieRule } from "../schema.js";
import { round } from "../targets.js";
import { type MethodDef, TIE_RULE_NOTES } from "./methods.js";

export interface RankInput {
  id: string;
  title: string;
  skor?: Scores;
  skor_penilai?: Array<{ penilai: string; skor: Scores }>;
  total?: number;
  peringkat?: number;
  /** Where this item is in its file (for diagnostics). */
  path: PathSegment[];
}

export interface RankedItem {
  id: string;
  title: string;
  /** Mean score per criterion (nested factors as a map). */
  scores: Record<string, number | Record<string, number>>;
  raters: number;
  /** Max − min across raters per criterion (0 with one rater). */
  spread: Record<string, number>;
  total: number | null;
  rank: number | null;
  written: { total?: number; rank?: number };
}

export interface RankResult {
  method: string;
  formula: string;
  tie_rule: TieRule;
  tie_note: string;
  /** The criteria ids that break a tie under the `kriteria` rule, in order. */
  tie_order: string[];
  items: RankedItem[];
  findings: RankFinding[];
}

const M = {
  missing: msg(
    "skor '{criterion}' belum diisi untuk {id}; isi nilai {range}",
    "score '{criterion}' is missing for {id}; give a value {range}",
  ),
  range: msg(
    "skor {criterion} = {value} di luar rentang {range} untuk {id}; perbaiki atau ubah skala di lokmin.yaml " +
      "(penilaian)",
    "score {criterion} = {value} is outside {range} for {id}; fix it or change the scale in lokmin.yaml " +
      "(penilaian)",
  ),
  unknown: msg(
    "kriteria '{criterion}' tidak dipakai metode {method} (kriteria: {allowed}); hapus atau ganti",
    "criterion '{criterion}' is not used by {method} (criteria: {allowed}); remove or rename it",
  ),
  noScores: msg("{id} belum punya skor (skor atau skor_penilai)", "{id} has no scores yet (skor or skor_penilai)"),
  both: msg(
    "{id} punya skor dan skor_penilai sekaligus; pakai salah satu",
    "{id} has both skor and skor_penilai; use one",
  ),
  wrongTotal: msg(
    "total tertulis {written} berbeda dengan hitungan ulang {computed} ({formula}); jalankan `lokmin rank --write`",
    "written total {written} differs from the recomputed {computed} ({formula}); run `lokmin rank --write`",
  ),
  wrongRank: msg(
    "peringkat tertulis {written} berbeda dengan hitungan ulang {computed}; jalankan `lokmin rank --write`",
    "written rank {written} differs from the recomputed {computed}; run `lokmin rank --write`",
  ),
};

export type RankRule =
  | "rank/skor-ganda"
  | "rank/tanpa-skor"
  | "rank/kriteria-tidak-dikenal"
  | "rank/skor-kosong"
  | "rank/skor-rentang"
  | "rank/total-berbeda"
  | "rank/peringkat-berbeda";
export type RankFinding = Finding & { rule: RankRule };

interface Context {
  file: string;
}

function diagnostic(
  ctx: Context,
  path: PathSegment[],
  rule: RankRule,
  severity: Finding["severity"],
  message: string,
): RankFinding {
  return { rule, severity, file: ctx.file, path, at: "value", message };
}

/** Validate and average one item's scores. Returns null means when a score is unusable. */
function meanScores(item: RankInput, method: MethodDef, ctx: Context, out: RankFinding[]) {
  const rows: Array<{ scores: Scores; path: PathSegment[] }> = item.skor_penilai?.length
    ? item.skor_penilai.map((row, index) => ({ scores: row.skor, path: [...item.path, "skor_penilai", index, "skor"] }))
    : item.skor
      ? [{ scores: item.skor, path: [...item.path, "skor"] }]
      : [];
  if (item.skor && item.skor_penilai?.length)
    out.push(diagnostic(ctx, [...item.path, "skor"], "rank/skor-ganda", "error", t(M.both, { id: item.id })));
  if (rows.length === 0) {
    out.push(diagnostic(ctx, item.path, "rank/tanpa-skor", "warning", t(M.noScores, { id: item.id })));
    return null;
  }
  let usable = true;
  const collected: Record<string, number[]> = {};
  const allowed = method.criteria.map((c) => c.id);
  for (const row of rows) {
    for (const key of Object.keys(row.scores)) {
      if (!allowed.includes(key)) {
        out.push(
          diagnostic(
            ctx,
            [...row.path, key],
            "rank/kriteria-tidak-dikenal",
            "error",
            t(M.unknown, { criterion: key, method: method.id, allowed: allowed.join(", ") }),
          ),
        );
        usable = false;
      }
    }
    for (const criterion of method.criteria) {
      const keys = criterion.factors ? criterion.factors.map((f) => [criterion.id, f]) : [[criterion.id]];
      for (const key of keys) {
        const value =
          key.length === 2 ? (row.scores[key[0]] as Record<string, number> | undefined)?.[key[1]] : row.scores[key[0]];
        const label = key.join(".");
        if (typeof value !== "number") {
          out.push(
            diagnostic(
              ctx,
              key.length === 2 && row.scores[key[0]] ? [...row.path, key[0]] : row.path,
              "rank/skor-kosong",
              "error",
              t(M.missing, {
                criterion: label,
                id: item.id,
                range: humanRange(criterion.scale.min, criterion.scale.max),
              }),
            ),
          );
          usable = false;
          continue;
        }
        if (value < criterion.scale.min || value > criterion.scale.max || !Number.isFinite(value)) {
          out.push(
            diagnostic(
              ctx,
              [...row.path, ...key],
              "rank/skor-rentang",
              "error",
              t(M.range, {
                criterion: label,
                value: human(value),
                range: humanRange(criterion.scale.min, criterion.scale.max),
                id: item.id,
              }),
            ),
          );
          usable = false;
          continue;
        }
        (collected[label] ??= []).push(value);
      }
    }
  }
  if (!usable) return null;
  const means: Record<string, number | Record<string, number>> = {};
  const spread: Record<string, number> = {};
  for (const [label, values] of Object.entries(collected)) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    spread[label] = round(Math.max(...values) - Math.min(...values));
    const [head, factor] = label.split(".");
    if (factor) ((means[head] ??= {}) as Record<string, number>)[factor] = mean;
    else means[head] = mean;
  }
  return { means, spread, raters: rows.length };
}

/** Order items and assign ranks under a tie rule. Items without a total get no rank. */
export function assignRanks(
  items: Array<{ total: number | null; tiebreak: number[] }>,
  rule: TieRule,
): Array<number | null> {
  const order = items.map((item, index) => ({ ...item, index })).filter((item) => item.total !== null);
  const compareTiebreak = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      if ((b[i] ?? 0) !== (a[i] ?? 0)) return (b[i] ?? 0) - (a[i] ?? 0);
    return 0;
  };
  order.sort(
    (a, b) =>
      b.total! - a.total! || (rule === "kriteria" ? compareTiebreak(a.tiebreak, b.tiebreak) : 0) || a.index - b.index,
  );
  const ranks: Array<number | null> = items.map(() => null);
  order.forEach((item, position) => {
    const previous = order[position - 1];
    const tied =
      previous &&
      previous.total === item.total &&
      (rule === "bersama" || (rule === "kriteria" && compareTiebreak(previous.tiebreak, item.tiebreak) === 0));
    ranks[item.index] = tied ? ranks[previous.index] : position + 1;
  });
  return ranks;
}

export interface RankOptions {
  tieRule: TieRule;
  /** Criterion ids for the `kriteria` tie rule, e.g. ["u", "s", "g"]. */
  tieOrder?: string[];
  file: string;
}

export function rankItems(inputs: readonly RankInput[], method: MethodDef, options: RankOptions): RankResult {
  const ctx: Context = { file: options.file };
  const findings: RankFinding[] = [];
  const own = (options.tieOrder ?? []).filter((id) => method.criteria.some((c) => c.id === id));
  const tieOrder = own.length ? own : method.criteria.map((c) => c.id);
  const computed = inputs.map((input) => {
    const scored = meanScores(input, method, ctx, findings);
    const value = scored ? method.combine(scored.means) : null;
    const total = value === null ? null : round(value);
    const tiebreak = tieOrder.map((id) => (typeof scored?.means[id] === "number" ? (scored.means[id] as number) : 0));
    return { input, scored, total, tiebreak };
  });
  const ranks = assignRanks(computed, options.tieRule);
  const items: RankedItem[] = computed.map(({ input, scored, total }, index) => {
    const rank = ranks[index];
    if (total !== null && input.total !== undefined && Math.abs(input.total - total) > 0.005) {
      findings.push(
        diagnostic(
          ctx,
          [...input.path, "total"],
          "rank/total-berbeda",
          "error",
          t(M.wrongTotal, { written: human(input.total), computed: human(total), formula: method.formula }),
        ),
      );
    }
    if (rank !== null && input.peringkat !== undefined && input.peringkat !== rank) {
      findings.push(
        diagnostic(
          ctx,
          [...input.path, "peringkat"],
          "rank/peringkat-berbeda",
          "error",
          t(M.wrongRank, { written: input.peringkat, computed: rank }),
        ),
      );
    }
    return {
      id: input.id,
      title: input.title,
      scores: scored?.means ?? {},
      raters: scored?.raters ?? 0,
      spread: scored?.spread ?? {},
      total,
      rank,
      written: { total: input.total, rank: input.peringkat },
    };
  });
  const tie_note = t(TIE_RULE_NOTES[options.tieRule], { order: tieOrder.join(" > ") });
  return {
    method: method.id,
    formula: method.formula,
    tie_rule: options.tieRule,
    tie_note,
    tie_order: tieOrder,
    items,
    findings,
  };
}
