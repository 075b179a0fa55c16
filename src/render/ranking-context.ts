// The scoring matrices of the render context: for the month's problems and for each problem's
// solution alternatives, every criterion of the method in force (its symbol, name and weight, from
// the one method definition in src/domain/rank/methods.ts), each item's score per criterion (the
// mean of the raters with their lowest and highest where several scored), the total by the method's
// formula, the rank, and in words how equal totals were ordered under the workspace's tie rule. So a
// reader of the notulen can recompute every priority. Pure.
import { number } from "../domain/format-id.js";
import { type CriterionDef, type MethodDef, methodDef } from "../domain/rank/methods.js";
import type { RankedItem, RankResult } from "../domain/rank/rank.js";
import type { Scores, Workspace } from "../domain/schema.js";

type Target = "masalah" | "solusi";

/** What a matrix needs of a scored item as the meeting file holds it. */
export interface ScoredItem {
  id: string;
  skor?: Scores;
  skor_penilai?: Array<{ penilai: string; skor: Scores }>;
}

/** One criterion's value in a score map: a number, or a criterion with factors as their product. */
function valueOf(criterion: CriterionDef, scores: Scores | undefined): number | undefined {
  const value = scores?.[criterion.id];
  if (criterion.factors) {
    if (!value || typeof value !== "object") return undefined;
    const map = value as Record<string, number>;
    return criterion.factors.reduce((p, f) => p * (map[f] ?? 0), 1);
  }
  return typeof value === "number" ? value : undefined;
}

/** A criterion's cell: the score, or the mean of the raters with their range ("7,33 (6–9)"). */
function cell(criterion: CriterionDef, item: ScoredItem | undefined, ranked: RankedItem | undefined): string {
  const rows = item?.skor_penilai?.length ? item.skor_penilai.map((r) => r.skor) : item?.skor ? [item.skor] : [];
  const values = rows.map((scores) => valueOf(criterion, scores)).filter((v): v is number => v !== undefined);
  if (values.length === 0) return "–";
  if (criterion.factors && values.length === 1) {
    const map = (rows[0][criterion.id] ?? {}) as Record<string, number>;
    return `${criterion.factors.map((f) => number(map[f] ?? 0)).join("×")} = ${number(values[0])}`;
  }
  const mean = ranked?.scores[criterion.id];
  const shown = typeof mean === "number" ? mean : values.reduce((a, b) => a + b, 0) / values.length;
  if (values.length === 1) return number(shown);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? number(shown) : `${number(shown)} (${number(low)}–${number(high)})`;
}

const isWeighted = (method: MethodDef) => typeof method.total === "object" && method.total.op === "weighted";

/** The header of a criterion's column: "U", or "Besarnya masalah (bobot 5)" for a weighted one. */
const header = (method: MethodDef, criterion: CriterionDef) =>
  isWeighted(method) ? `${criterion.nama} (bobot ${number(criterion.weight ?? 1)})` : criterion.symbol;

/** The criteria as a reader needs them under the table: "U = Urgency, S = Seriousness, G = Growth (1–5)". */
function legend(method: MethodDef): string {
  const weighted = isWeighted(method);
  const scales = [...new Set(method.criteria.map((c) => `${number(c.scale.min)}–${number(c.scale.max)}`))];
  const names = weighted
    ? method.criteria.map((c) => `${c.nama} bobot ${number(c.weight ?? 1)}`)
    : method.criteria.map((c) => `${c.symbol} = ${c.nama}`);
  const scale = scales.length === 1 ? `; skor ${scales[0]}` : "";
  return `${names.join(", ")}${scale}`;
}

/**
 * How equal totals were ordered, in words, naming the items and the criterion that decided:
 * "A dan B sama-sama bernilai 12; diurutkan menurut U lalu S lalu G: A (U 5) di atas B (U 4)."
 */
function tieText(result: RankResult, method: MethodDef, titles: Map<string, string>): string {
  const symbol = (id: string) => method.criteria.find((c) => c.id === id)?.symbol ?? id.toUpperCase();
  const order = result.tie_order.map(symbol).join(" lalu ");
  const groups = new Map<number, RankedItem[]>();
  for (const item of result.items) {
    if (item.total === null) continue;
    groups.set(item.total, [...(groups.get(item.total) ?? []), item]);
  }
  const sentences: string[] = [];
  for (const [total, items] of groups) {
    if (items.length < 2) continue;
    const sorted = [...items].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
    const names = sorted.map((i) => titles.get(i.id) ?? i.id);
    const list = names.length === 2 ? names.join(" dan ") : `${names.slice(0, -1).join(", ")} dan ${names.at(-1)}`;
    const head = `${list} sama-sama bernilai ${number(total)}`;
    const ranks = [...new Set(sorted.map((i) => i.rank))];
    if (result.tie_rule === "bersama" || ranks.length === 1) {
      sentences.push(`${head}; berbagi peringkat ${ranks[0]} (aturan seri: nilai sama berbagi peringkat).`);
      continue;
    }
    if (result.tie_rule === "urutan") {
      sentences.push(`${head}; diurutkan menurut urutan di berkas rapat: ${names.join(", lalu ")}.`);
      continue;
    }
    // kriteria: the first criterion of the order where neighbours differ decides.
    const steps: string[] = [];
    for (let k = 0; k + 1 < sorted.length; k++) {
      const [a, b] = [sorted[k], sorted[k + 1]];
      const decisive = result.tie_order.find((id) => a.scores[id] !== b.scores[id]);
      const score = (item: RankedItem, id: string) =>
        typeof item.scores[id] === "number" ? number(item.scores[id] as number) : "–";
      steps.push(
        decisive
          ? `${titles.get(a.id) ?? a.id} (${symbol(decisive)} ${score(a, decisive)}) di atas ` +
              `${titles.get(b.id) ?? b.id} (${symbol(decisive)} ${score(b, decisive)})`
          : `${titles.get(a.id) ?? a.id} dan ${titles.get(b.id) ?? b.id} sama pada setiap kriteria, berbagi peringkat`,
      );
    }
    sentences.push(`${head}; diurutkan menurut ${order}: ${steps.join("; ")}.`);
  }
  return sentences.join(" ");
}

export interface MatrixInput {
  config: Workspace;
  target: Target;
  result: RankResult;
  /** The items as written (for the raters' own scores). */
  items: readonly (ScoredItem & { title: string })[];
  /** A rater's name from their id. */
  name: (id: string) => string;
}

/** A scoring matrix: columns per criterion, a row per item in rank order, the total, the rank, ties explained. */
export function scoringMatrix({ config, target, result, items, name }: MatrixInput) {
  const method = methodDef(result.method as MethodDef["id"], config.penilaian, target);
  const byId = new Map(items.map((i) => [i.id, i]));
  const titles = new Map(items.map((i) => [i.id, i.title]));
  const raters = [...new Set(items.flatMap((i) => (i.skor_penilai ?? []).map((r) => r.penilai)))];
  const rows = [...result.items]
    .map((ranked, index) => ({ ranked, index }))
    .sort((a, b) => (a.ranked.rank ?? 1e9) - (b.ranked.rank ?? 1e9) || a.index - b.index)
    .map(({ ranked }) => ({
      id: ranked.id,
      judul: titles.get(ranked.id) ?? ranked.title,
      peringkat: ranked.rank === null ? "–" : String(ranked.rank),
      nilai: method.criteria.map((c) => cell(c, byId.get(ranked.id), ranked)),
      total: ranked.total === null ? "–" : number(ranked.total),
    }));
  const columns = method.criteria.map((c) => header(method, c));
  return {
    ada: rows.length > 0,
    metode: method.nama,
    rumus: method.formula,
    kriteria: legend(method),
    kolom: columns,
    /** Column proportions for `::tabel`: rank, item, one per criterion, total. */
    lebar: [7, 40, ...columns.map(() => Math.max(6, Math.round(40 / columns.length))), 10].join(","),
    /** The same with a last column for "Dipilih" (the solution chosen). */
    lebar_pilih: [7, 40, ...columns.map(() => Math.max(6, Math.round(40 / columns.length))), 10, 9].join(","),
    penilai: raters.length
      ? `Nilai rata-rata ${raters.length} penilai (${raters.map(name).join(", ")}); ` +
        "dalam kurung nilai terendah–tertinggi"
      : "",
    seri: tieText(result, method, titles),
    baris: rows,
  };
}

export type ScoringMatrix = ReturnType<typeof scoringMatrix>;
