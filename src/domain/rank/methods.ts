// Prioritisation methods used in Lokmin practice (domain brief §4), as data: each method names
// its criteria with their score ranges (set locally, Perbup Pasal 15(2)) and how criterion
// means combine into a total. Ranges come from lokmin.yaml; nothing is hard-wired to 1–5.
import { type Message, msg } from "../../i18n/index.js";
import type { Criterion, ScoringSettings } from "../schema.js";

/** The methods, as data: the schema's enums, the CLI's choices and the README table come from here. */
export const METHODS = [
  {
    id: "usg",
    nama: "USG",
    untuk: ["masalah", "solusi"],
    kriteria: "u Urgency, s Seriousness, g Growth (1–5)",
    rumus: "U + S + G; rumus: kali → U × S × G",
  },
  {
    id: "mcua",
    nama: "MCUA",
    untuk: ["masalah", "solusi"],
    kriteria: "penilaian.mcua.kriteria dengan bobot (bawaan: besar 5, gawat 4, mudah 3, dukungan 2; nilai 1–10)",
    rumus: "Σ bobot × rata-rata nilai",
  },
  { id: "carl", nama: "CARL", untuk: ["masalah", "solusi"], kriteria: "c, a, r, l (1–5)", rumus: "C × A × R × L" },
  {
    id: "hanlon",
    nama: "Hanlon",
    untuk: ["masalah"],
    kriteria: "a besar (0–10), b keseriusan (0–20), c kemudahan (0–10), pearl: {p, e, a, r, l} (0/1)",
    rumus: "(A + B) × C × D, D = P × E × A × R × L",
  },
  {
    id: "reinke",
    nama: "Reinke / MIV-C",
    untuk: ["masalah", "solusi"],
    kriteria: "m, i, v, c biaya 1 termurah … 5 termahal (1–5, boleh desimal)",
    rumus: "M × I × V / C",
  },
] as const satisfies ReadonlyArray<{
  id: string;
  nama: string;
  untuk: readonly ("masalah" | "solusi")[];
  kriteria: string;
  rumus: string;
}>;

export type Method = (typeof METHODS)[number]["id"];
export const METHOD_IDS = METHODS.map((m) => m.id) as [Method, ...Method[]];
const usableFor = (target: "masalah" | "solusi") =>
  METHODS.filter((m) => (m.untuk as readonly string[]).includes(target)).map((m) => m.id) as [Method, ...Method[]];
export const PROBLEM_METHODS = usableFor("masalah");
export const SOLUTION_METHODS = usableFor("solusi");

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

export interface Scale {
  min: number;
  max: number;
}

export interface CriterionDef {
  id: string;
  nama: string;
  scale: Scale;
  /** MCUA weight (bobot). */
  weight?: number;
  /** Nested factors scored inside this criterion (Hanlon's PEARL). */
  factors?: string[];
}

export interface MethodDef {
  id: Method;
  nama: string;
  formula: string;
  criteria: CriterionDef[];
  /** Total from the mean score of each criterion (nested factors as their own map). */
  combine(means: Record<string, number | Record<string, number>>): number;
}

const num = (value: number | Record<string, number> | undefined) => (typeof value === "number" ? value : 0);

export const DEFAULT_MCUA_PROBLEM: Criterion[] = [
  { id: "besar", nama: "Besarnya masalah", bobot: 5 },
  { id: "gawat", nama: "Kegawatan", bobot: 4 },
  { id: "mudah", nama: "Kemudahan penanggulangan", bobot: 3 },
  { id: "dukungan", nama: "Dukungan kebijakan dan masyarakat", bobot: 2 },
];
export const DEFAULT_MCUA_SOLUTION: Criterion[] = [
  { id: "efektif", nama: "Menyelesaikan masalah", bobot: 5 },
  { id: "mudah", nama: "Mudah dilaksanakan", bobot: 4 },
  { id: "murah", nama: "Biaya murah", bobot: 3 },
  { id: "cepat", nama: "Cepat terlihat hasilnya", bobot: 3 },
];

/** The method definition in force, with this workspace's scales and weights. */
export function methodDef(
  method: Method,
  settings: ScoringSettings,
  target: "masalah" | "solusi" = "masalah",
): MethodDef {
  const scale = (fallback: Scale, own?: Scale) => own ?? fallback;
  switch (method) {
    case "usg": {
      const s = scale({ min: 1, max: 5 }, settings.usg?.skala);
      const product = settings.usg?.rumus === "kali";
      return {
        id: "usg",
        nama: "USG (Urgency, Seriousness, Growth)",
        formula: product ? "U × S × G" : "U + S + G",
        criteria: [
          { id: "u", nama: "Urgency", scale: s },
          { id: "s", nama: "Seriousness", scale: s },
          { id: "g", nama: "Growth", scale: s },
        ],
        combine: (m) => (product ? num(m.u) * num(m.s) * num(m.g) : num(m.u) + num(m.s) + num(m.g)),
      };
    }
    case "carl": {
      const s = scale({ min: 1, max: 5 }, settings.carl?.skala);
      return {
        id: "carl",
        nama: "CARL (Capability, Accessibility, Readiness, Leverage)",
        formula: "C × A × R × L",
        criteria: ["c:Capability", "a:Accessibility", "r:Readiness", "l:Leverage"].map((entry) => {
          const [id, nama] = entry.split(":");
          return { id, nama, scale: s };
        }),
        combine: (m) => num(m.c) * num(m.a) * num(m.r) * num(m.l),
      };
    }
    case "hanlon": {
      const own = settings.hanlon?.skala;
      return {
        id: "hanlon",
        nama: "Hanlon",
        formula: "(A + B) × C × D, D = P × E × A × R × L",
        criteria: [
          { id: "a", nama: "A Besar masalah", scale: own ?? { min: 0, max: 10 } },
          { id: "b", nama: "B Keseriusan", scale: own ?? { min: 0, max: 20 } },
          { id: "c", nama: "C Kemudahan penanggulangan", scale: own ?? { min: 0, max: 10 } },
          { id: "pearl", nama: "D PEARL", scale: { min: 0, max: 1 }, factors: ["p", "e", "a", "r", "l"] },
        ],
        combine: (m) => {
          const pearl = typeof m.pearl === "object" ? m.pearl : {};
          const d = ["p", "e", "a", "r", "l"].reduce((product, f) => product * (pearl[f] ?? 0), 1);
          return (num(m.a) + num(m.b)) * num(m.c) * d;
        },
      };
    }
    case "reinke": {
      const s = scale({ min: 1, max: 5 }, settings.reinke?.skala);
      return {
        id: "reinke",
        nama: "Reinke / MIV-C",
        formula: "M × I × V / C",
        criteria: [
          { id: "m", nama: "Magnitude (besarnya masalah yang diatasi)", scale: s },
          { id: "i", nama: "Importancy (pentingnya)", scale: s },
          { id: "v", nama: "Vulnerability (sensitivitas)", scale: s },
          {
            id: "c",
            nama: "Cost (1 termurah … 5 termahal)",
            scale: { min: Math.max(s.min, Number.MIN_VALUE), max: s.max },
          },
        ],
        combine: (m) => (num(m.c) === 0 ? 0 : (num(m.m) * num(m.i) * num(m.v)) / num(m.c)),
      };
    }
    case "mcua": {
      const own = target === "solusi" ? settings.mcua_solusi : settings.mcua;
      const s = scale({ min: 1, max: 10 }, own?.skala);
      const criteria = own?.kriteria ?? (target === "solusi" ? DEFAULT_MCUA_SOLUTION : DEFAULT_MCUA_PROBLEM);
      return {
        id: "mcua",
        nama: "MCUA (Multiple Criteria Utility Assessment)",
        formula: "Σ bobot × rata-rata nilai",
        criteria: criteria.map((c) => ({ id: c.id, nama: c.nama, scale: c.skala ?? s, weight: c.bobot })),
        combine: (m) => criteria.reduce((sum, c) => sum + c.bobot * num(m[c.id]), 0),
      };
    }
  }
}
