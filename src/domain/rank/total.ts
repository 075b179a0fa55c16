// A scoring method's total as one small expression over its criteria, interpreted three ways: the
// number `lokmin rank` computes, the formula the meeting workbook shows as a guide total, and the
// text people read (README, --help, the notulen). One expression, so the three cannot disagree.
//
// The forms: a criterion id (its mean score; a criterion with factors, such as Hanlon's PEARL, is
// the product of its factors), sum, product, quotient, and the weighted sum Σ bobot × criterion
// over the criteria in force (MCUA, whose criteria lokmin.yaml may replace). A quotient divides by
// one criterion, whose scores must then be above 0.

export type Total =
  | string
  | { op: "sum"; of: Total[] }
  | { op: "product"; of: Total[] }
  | { op: "quotient"; of: [Total, string] }
  | { op: "weighted" };

export const sum = (...of: Total[]): Total => ({ op: "sum", of });
export const product = (...of: Total[]): Total => ({ op: "product", of });
export const quotient = (dividend: Total, divisor: string): Total => ({ op: "quotient", of: [dividend, divisor] });
/** Σ bobot × criterion over the criteria in force. */
export const weighted = (): Total => ({ op: "weighted" });

/** What the interpreters need of a criterion in force. */
export interface TotalCriterion {
  id: string;
  /** The letter the formula text shows ("U", "D"). */
  symbol: string;
  weight?: number;
  /** Scored as factors that multiply (Hanlon's PEARL); cells and scores are keyed `id.factor`. */
  factors?: readonly string[];
}

/** Scores keyed by criterion id, a criterion with factors as a map of factor → score. */
export type Means = Record<string, number | Record<string, number>>;

const lookup = (criteria: readonly TotalCriterion[], id: string): TotalCriterion => {
  const found = criteria.find((c) => c.id === id);
  if (!found) throw new Error(`total refers to criterion '${id}', which the method does not have`);
  return found;
};

/** Every criterion id the total names (the weighted sum names them all). */
function criteriaOf(total: Total, criteria: readonly TotalCriterion[]): string[] {
  if (typeof total === "string") return [total];
  if (total.op === "weighted") return criteria.map((c) => c.id);
  return [...new Set(total.of.flatMap((t) => criteriaOf(t, criteria)))];
}

/** The criteria a total divides by: their scores must be above 0. */
export function divisorsOf(total: Total): string[] {
  if (typeof total === "string" || total.op === "weighted") return [];
  if (total.op === "quotient") return [...divisorsOf(total.of[0]), total.of[1]];
  return total.of.flatMap(divisorsOf);
}

// --- the number ---------------------------------------------------------------------------------

/** The total of the scores; null when a divisor is 0 (the workbook shows an empty cell then). */
export function evaluateTotal(total: Total, criteria: readonly TotalCriterion[], means: Means): number | null {
  const score = (id: string): number => {
    const criterion = lookup(criteria, id);
    const value = means[id];
    if (criterion.factors) {
      const map = typeof value === "object" ? value : {};
      return criterion.factors.reduce((p, f) => p * (map[f] ?? 0), 1);
    }
    return typeof value === "number" ? value : 0;
  };
  const value = (t: Total): number | null => {
    if (typeof t === "string") return score(t);
    if (t.op === "weighted") return criteria.reduce((s, c) => s + (c.weight ?? 1) * score(c.id), 0);
    const parts = t.of.map(value);
    if (parts.some((p) => p === null)) return null;
    const [first, ...rest] = parts as number[];
    if (t.op === "sum") return rest.reduce((a, b) => a + b, first);
    if (t.op === "product") return rest.reduce((a, b) => a * b, first);
    return rest[0] === 0 ? null : first / rest[0];
  };
  return value(total);
}

// --- the workbook formula and the text ----------------------------------------------------------

interface Notation {
  plus: string;
  times: string;
  over: string;
  /** A criterion without factors, or one factor (`id.factor`). */
  cell: (key: string) => string;
  weighted: (criteria: readonly TotalCriterion[]) => string;
  /** A criterion with factors as it appears inside the total. */
  group: (criterion: TotalCriterion) => string;
  /** `group` is an atom (a letter) rather than a product. */
  groupIsAtom: boolean;
}

/** Binding strength: sums 1, products and quotients 2, a cell 3. */
function written(t: Total, criteria: readonly TotalCriterion[], n: Notation): { text: string; level: number } {
  if (typeof t === "string") {
    const criterion = lookup(criteria, t);
    if (!criterion.factors) return { text: n.cell(t), level: 3 };
    return { text: n.group(criterion), level: n.groupIsAtom ? 3 : 2 };
  }
  if (t.op === "weighted") return { text: n.weighted(criteria), level: 1 };
  const parts = t.of.map((p) => written(p, criteria, n));
  const wrap = (p: { text: string; level: number }, min: number) => (p.level < min ? `(${p.text})` : p.text);
  if (t.op === "sum") return { text: parts.map((p) => p.text).join(n.plus), level: 1 };
  if (t.op === "product") return { text: parts.map((p) => wrap(p, 2)).join(n.times), level: 2 };
  return { text: `${wrap(parts[0], 2)}${n.over}${wrap(parts[1], 3)}`, level: 2 };
}

/**
 * The spreadsheet formula of the total over one row: `at` gives the cell of a criterion (`id`) or
 * a factor (`id.factor`). A total that divides shows an empty cell while a divisor is 0.
 */
export function excelTotal(total: Total, criteria: readonly TotalCriterion[], at: (key: string) => string): string {
  const formula = written(total, criteria, {
    plus: "+",
    times: "*",
    over: "/",
    cell: at,
    weighted: (all) =>
      all
        .map(
          (c) => `${c.weight ?? 1}*${c.factors ? `(${c.factors.map((f) => at(`${c.id}.${f}`)).join("*")})` : at(c.id)}`,
        )
        .join("+"),
    group: (c) => (c.factors ?? []).map((f) => at(`${c.id}.${f}`)).join("*"),
    groupIsAtom: false,
  }).text;
  const zero = [...new Set(divisorsOf(total))].flatMap((id) => {
    const criterion = lookup(criteria, id);
    return criterion.factors ? criterion.factors.map((f) => `${at(`${id}.${f}`)}=0`) : [`${at(id)}=0`];
  });
  if (zero.length === 0) return formula;
  return `IF(${zero.length === 1 ? zero[0] : `OR(${zero.join(",")})`},"",${formula})`;
}

/** The total as people read it: "U + S + G", "(A + B) × C × D, D = P × E × A × R × L". */
export function showTotal(total: Total, criteria: readonly TotalCriterion[]): string {
  const factors = (c: TotalCriterion) => (c.factors ?? []).map((f) => f.toUpperCase()).join(" × ");
  const text = written(total, criteria, {
    plus: " + ",
    times: " × ",
    over: " / ",
    cell: (key) => lookup(criteria, key).symbol,
    weighted: () => "Σ bobot × rata-rata nilai",
    group: (c) => c.symbol,
    groupIsAtom: true,
  }).text;
  const groups = criteriaOf(total, criteria)
    .map((id) => lookup(criteria, id))
    .filter((c) => c.factors);
  return [text, ...groups.map((c) => `${c.symbol} = ${factors(c)}`)].join(", ");
}
