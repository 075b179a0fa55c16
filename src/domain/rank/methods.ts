// Prioritisation methods used in Lokmin practice (domain brief §4), one entry each: what the
// method is for, its criteria with their default scales (set locally, Perbup Pasal 15(2): lokmin.yaml
// may change them), weights and raters where it has them, and its total as one expression
// (./total.ts) from which the computation, the workbook formula and the formula text all follow.
// The schema's enums and `penilaian.<method>` settings, the CLI's `--metode` choices and --help,
// the README table (`npm run docs`) and the meeting workbook come from these entries.
import { type Message, msg, t } from "../../i18n/index.js";
import type { Criterion, ScoringSettings } from "../schema.js";
import {
  divisorsOf,
  evaluateTotal,
  type Means,
  product,
  quotient,
  showTotal,
  sum,
  type Total,
  weighted,
} from "./total.js";

export type Target = "masalah" | "solusi";

export interface Scale {
  min: number;
  max: number;
}

export interface CriterionEntry {
  id: string;
  nama: string;
  /** The letter in the formula text; the id in capitals when not given. */
  simbol?: string;
  /** Its own default scale (the method's `skala` otherwise). */
  skala?: Scale;
  /** lokmin.yaml cannot change the scale (PEARL's factors are 0 or 1). */
  tetap?: boolean;
  /** Weight (bobot) in a weighted total. */
  bobot?: number;
  /** Scored as factors that multiply (Hanlon's PEARL). */
  faktor?: readonly string[];
}

export interface MethodEntry {
  /** The key in lokmin.yaml (`penilaian.metode_masalah`, `metode: {masalah: …}`) and `--metode`. */
  id: string;
  /** Short name: the README table and --help. */
  nama: string;
  /** Full name: the meeting workbook's heading. */
  judul: string;
  untuk: readonly Target[];
  /** Default scale of every criterion without its own; `penilaian.<id>.skala` replaces both. */
  skala: Scale;
  kriteria: readonly CriterionEntry[];
  /** Other default criteria for solution alternatives, set in `penilaian.<id>_solusi`. */
  kriteriaSolusi?: readonly CriterionEntry[];
  /** lokmin.yaml may replace the criteria with their weights (`penilaian.<id>.kriteria`). */
  kriteriaDiatur?: boolean;
  /**
   * The total: one expression, or named variants `penilaian.<id>.rumus` chooses from (the first is
   * the default).
   */
  total: Total | Readonly<Record<string, Total>>;
  /** The meeting workbook has a block of scores per rater (the mean of the raters is ranked). */
  perPenilai?: boolean;
  /** What else to know when scoring (the README and --help show it). */
  catatan?: Message;
}

export const METHODS = [
  {
    id: "usg",
    nama: "USG",
    judul: "USG (Urgency, Seriousness, Growth)",
    untuk: ["masalah", "solusi"],
    skala: { min: 1, max: 5 },
    kriteria: [
      { id: "u", nama: "Urgency" },
      { id: "s", nama: "Seriousness" },
      { id: "g", nama: "Growth" },
    ],
    total: { jumlah: sum("u", "s", "g"), kali: product("u", "s", "g") },
  },
  {
    id: "mcua",
    nama: "MCUA",
    judul: "MCUA (Multiple Criteria Utility Assessment)",
    untuk: ["masalah", "solusi"],
    skala: { min: 1, max: 10 },
    kriteria: [
      { id: "besar", nama: "Besarnya masalah", bobot: 5 },
      { id: "gawat", nama: "Kegawatan", bobot: 4 },
      { id: "mudah", nama: "Kemudahan penanggulangan", bobot: 3 },
      { id: "dukungan", nama: "Dukungan kebijakan dan masyarakat", bobot: 2 },
    ],
    kriteriaSolusi: [
      { id: "efektif", nama: "Menyelesaikan masalah", bobot: 5 },
      { id: "mudah", nama: "Mudah dilaksanakan", bobot: 4 },
      { id: "murah", nama: "Biaya murah", bobot: 3 },
      { id: "cepat", nama: "Cepat terlihat hasilnya", bobot: 3 },
    ],
    kriteriaDiatur: true,
    total: weighted(),
    perPenilai: true,
  },
  {
    id: "carl",
    nama: "CARL",
    judul: "CARL (Capability, Accessibility, Readiness, Leverage)",
    untuk: ["masalah", "solusi"],
    skala: { min: 1, max: 5 },
    kriteria: [
      { id: "c", nama: "Capability" },
      { id: "a", nama: "Accessibility" },
      { id: "r", nama: "Readiness" },
      { id: "l", nama: "Leverage" },
    ],
    total: product("c", "a", "r", "l"),
  },
  {
    id: "hanlon",
    nama: "Hanlon",
    judul: "Hanlon",
    untuk: ["masalah"],
    skala: { min: 0, max: 10 },
    kriteria: [
      { id: "a", nama: "A Besar masalah" },
      { id: "b", nama: "B Keseriusan", skala: { min: 0, max: 20 } },
      { id: "c", nama: "C Kemudahan penanggulangan" },
      {
        id: "pearl",
        nama: "D PEARL",
        simbol: "D",
        skala: { min: 0, max: 1 },
        tetap: true,
        faktor: ["p", "e", "a", "r", "l"],
      },
    ],
    total: product(sum("a", "b"), "c", "pearl"),
    catatan: msg("PEARL: tiap faktor 0 (tidak) atau 1 (ya)", "PEARL: each factor 0 (no) or 1 (yes)"),
  },
  {
    id: "reinke",
    nama: "Reinke / MIV-C",
    judul: "Reinke / MIV-C",
    untuk: ["masalah", "solusi"],
    skala: { min: 1, max: 5 },
    kriteria: [
      { id: "m", nama: "Magnitude (besarnya masalah yang diatasi)" },
      { id: "i", nama: "Importancy (pentingnya)" },
      { id: "v", nama: "Vulnerability (sensitivitas)" },
      { id: "c", nama: "Cost (1 termurah … 5 termahal)" },
    ],
    total: quotient(product("m", "i", "v"), "c"),
    catatan: msg("nilai desimal lazim (mis. 2,5)", "decimal scores are common (e.g. 2.5)"),
  },
] as const satisfies readonly MethodEntry[];

export type Method = (typeof METHODS)[number]["id"];
const usableFor = (target: Target) =>
  METHODS.filter((m) => (m.untuk as readonly string[]).includes(target)).map((m) => m.id) as [Method, ...Method[]];
export const PROBLEM_METHODS = usableFor("masalah");
export const SOLUTION_METHODS = usableFor("solusi");

const methodEntry = (id: Method): MethodEntry => METHODS.find((m) => m.id === id)!;

const isTotal = (value: MethodEntry["total"]): value is Total => typeof value === "string" || "op" in value;

/** The named totals of a method (`{ "": total }` when it has one), the default first. */
export const totalVariants = (entry: MethodEntry): Record<string, Total> =>
  isTotal(entry.total) ? { "": entry.total } : { ...entry.total };

/** The keys of `penilaian` that hold a method's settings: `<id>`, and `<id>_solusi` for its own solution criteria. */
export const settingsKeys = (entry: MethodEntry): Array<{ key: string; target: Target }> => [
  { key: entry.id, target: "masalah" },
  ...(entry.kriteriaSolusi ? [{ key: `${entry.id}_solusi`, target: "solusi" as const }] : []),
];

type SettingsKeyOf<E> = E extends { id: infer I extends string }
  ? I | (E extends { kriteriaSolusi: readonly unknown[] } ? `${I}_solusi` : never)
  : never;
/** The method keys of `penilaian`: usg, mcua, mcua_solusi, … */
export type MethodSettingsKey = SettingsKeyOf<(typeof METHODS)[number]>;

/** One method's settings in lokmin.yaml (`penilaian.usg`, `penilaian.mcua_solusi`, …). */
export interface MethodSettings {
  skala?: Scale;
  rumus?: string;
  kriteria?: Criterion[];
}

export const TIE_RULES = ["bersama", "urutan", "kriteria"] as const;
export type TieRule = (typeof TIE_RULES)[number];
export const TIE_RULE_NOTES: Record<TieRule, Message> = {
  bersama: msg("nilai sama berbagi peringkat: 1, 2, 2, 4", "equal totals share a rank: 1, 2, 2, 4"),
  urutan: msg("nilai sama diurutkan menurut urutan di berkas", "equal totals are ordered as listed in the file"),
  kriteria: msg(
    "nilai sama diurutkan menurut kriteria {order}, lalu berbagi peringkat",
    "equal totals are ordered by criteria {order}, then share a rank",
  ),
};

export interface CriterionDef {
  id: string;
  nama: string;
  /** The letter in the formula text. */
  symbol: string;
  scale: Scale;
  /** Weight (bobot) of a weighted total. */
  weight?: number;
  /** Nested factors scored inside this criterion (Hanlon's PEARL). */
  factors?: readonly string[];
}

/** A method in force: this workspace's criteria, scales, weights and total. */
export interface MethodDef {
  id: Method;
  nama: string;
  /** The total as people read it, e.g. "U + S + G". */
  formula: string;
  criteria: CriterionDef[];
  total: Total;
  /** Scored per rater in the meeting workbook. */
  raters: boolean;
  /** Total from the mean score of each criterion (nested factors as their own map); null when a divisor is 0. */
  combine(means: Means): number | null;
}

/** The method definition in force, with this workspace's scales and weights. */
export function methodDef(id: Method, settings: ScoringSettings, target: Target = "masalah"): MethodDef {
  const entry = methodEntry(id);
  const key = target === "solusi" && entry.kriteriaSolusi ? `${entry.id}_solusi` : entry.id;
  const own: MethodSettings | undefined = settings[key as MethodSettingsKey];
  const variants = totalVariants(entry);
  const total = variants[own?.rumus ?? ""] ?? Object.values(variants)[0];
  const divisors = divisorsOf(total);
  const configured = entry.kriteriaDiatur ? own?.kriteria : undefined;
  const list: readonly CriterionEntry[] = configured ?? (key === entry.id ? entry.kriteria : entry.kriteriaSolusi!);
  const criteria = list.map((c): CriterionDef => {
    const fixed = c.tetap ? c.skala : undefined;
    const chosen = fixed ?? (configured ? (c.skala ?? own?.skala) : (own?.skala ?? c.skala)) ?? entry.skala;
    // A divisor's score must be above 0: its scale starts just above 0 even when the scale says 0.
    const scale = divisors.includes(c.id) ? { min: Math.max(chosen.min, Number.MIN_VALUE), max: chosen.max } : chosen;
    return {
      id: c.id,
      nama: c.nama,
      symbol: c.simbol ?? c.id.toUpperCase(),
      scale,
      ...(entry.kriteriaDiatur ? { weight: c.bobot ?? 1 } : {}),
      ...(c.faktor ? { factors: c.faktor } : {}),
    };
  });
  return {
    id,
    nama: entry.judul,
    formula: showTotal(total, criteria),
    criteria,
    total,
    raters: entry.perPenilai === true,
    combine: (means) => evaluateTotal(total, criteria, means),
  };
}

// --- how the README and --help describe a method --------------------------------------------------

const range = (s: Scale) => `${s.min}–${s.max}`;

/** Consecutive criteria sharing a scale, as "their items (scale)". */
function byScale(entry: MethodEntry, list: readonly CriterionEntry[], item: (c: CriterionEntry) => string): string {
  const groups: Array<{ scale: string; items: string[] }> = [];
  for (const c of list) {
    const scale = range(c.skala ?? entry.skala) + (c.tetap ? ", tetap" : "");
    const last = groups[groups.length - 1];
    if (last?.scale === scale) last.items.push(item(c));
    else groups.push({ scale, items: [item(c)] });
  }
  return groups.map((g) => `${g.items.join(", ")} (${g.scale})`).join(", ");
}

const factors = (c: CriterionEntry) => (c.faktor ? `: ${c.faktor.join(", ")}` : "");

/** "u Urgency, s Seriousness, g Growth (1–5)"; weighted criteria as "bobot besar 5, gawat 4 (1–10)". */
const criteriaText = (entry: MethodEntry, list: readonly CriterionEntry[]) =>
  entry.kriteriaDiatur
    ? `bobot ${byScale(entry, list, (c) => `${c.id} ${c.bobot ?? 1}`)}`
    : byScale(entry, list, (c) => `${c.id} ${c.nama}${factors(c)}`);

/** The JSON Schema's description of `penilaian.<key>`: "USG: u, s, g (1–5); rumus jumlah | kali". */
export function settingsDescription(entry: MethodEntry, target: Target): string {
  const list = target === "solusi" && entry.kriteriaSolusi ? entry.kriteriaSolusi : entry.kriteria;
  const variants = Object.keys(totalVariants(entry)).filter(Boolean);
  const name = `${entry.nama}${entry.kriteriaSolusi ? ` (${target})` : ""}`;
  return [
    `${name}: ${byScale(entry, list, (c) => `${c.id}${factors(c)}`)}`,
    ...(variants.length > 1 ? [`rumus ${variants.join(" | ")}`] : []),
  ].join("; ");
}

/** What the README's table and `lokmin rank --help` say of a method: criteria and total. */
export function describeMethod(
  entry: MethodEntry,
  say: (m: Message) => string = t,
): { criteria: string; total: string } {
  const criteria = [
    entry.kriteriaSolusi
      ? `masalah: ${criteriaText(entry, entry.kriteria)}; solusi: ${criteriaText(entry, entry.kriteriaSolusi)}`
      : criteriaText(entry, entry.kriteria),
    ...(entry.kriteriaDiatur
      ? [
          `lokmin.yaml: ${settingsKeys(entry)
            .map((k) => `penilaian.${k.key}.kriteria`)
            .join(", ")}`,
        ]
      : []),
    ...(entry.catatan ? [say(entry.catatan)] : []),
  ].join("; ");
  const variants = Object.entries(totalVariants(entry)).map(([name, total]) => {
    const criteria = entry.kriteria.map((c) => ({
      id: c.id,
      symbol: c.simbol ?? c.id.toUpperCase(),
      weight: c.bobot,
      factors: c.faktor,
    }));
    return { name, text: showTotal(total, criteria) };
  });
  const total = [
    variants[0].text,
    ...variants.slice(1).map((v) => `penilaian.${entry.id}.rumus: ${v.name} → ${v.text}`),
  ].join("; ");
  return { criteria, total };
}
