// The words a workspace uses for its units of work. A Puskesmas grouping its work as classic
// programs speaks of a "program" and its "PJ program"; under ILP (KMK HK.01.07/MENKES/2015/2023)
// it reports by "klaster" with a "PJ klaster" ("in the klaster system there are no PJ program").
// Messages, scaffolded files, documents and exports take their words from here. The file format's
// keys (`program:`, `penanggung_jawab:`) stay the same in both.
import { getLang } from "../i18n/index.js";
import type { Workspace } from "./schema.js";

export type Taxonomy = "program" | "klaster";

/** The workspace's taxonomy: `taksonomi` in lokmin.yaml, else klaster when every program is in group 'klaster'. */
export function taxonomyOf(config: Pick<Workspace, "taksonomi" | "program">): Taxonomy {
  if (config.taksonomi) return config.taksonomi;
  return config.program.length > 0 && config.program.every((p) => p.kelompok === "klaster") ? "klaster" : "program";
}

export interface Terms {
  /** "program" / "klaster" */
  unit: string;
  /** "Program" / "Klaster" */
  Unit: string;
  /** "program" / "klaster" in English messages too ("cluster"). */
  units: string;
  /** "PJ program" / "PJ klaster" */
  pj: string;
  /** The column that names the unit in exports: "program" / "klaster". */
  column: string;
}

const TERMS: Record<Taxonomy, { id: Terms; en: Terms }> = {
  program: {
    id: { unit: "program", Unit: "Program", units: "program", pj: "PJ program", column: "program" },
    en: { unit: "program", Unit: "Program", units: "programs", pj: "program coordinator", column: "program" },
  },
  klaster: {
    id: { unit: "klaster", Unit: "Klaster", units: "klaster", pj: "PJ klaster", column: "klaster" },
    en: { unit: "cluster", Unit: "Cluster", units: "clusters", pj: "cluster lead", column: "klaster" },
  },
};

/** The words in the current message language. */
export const termsOf = (config: Pick<Workspace, "taksonomi" | "program">): Terms =>
  TERMS[taxonomyOf(config)][getLang()];

/** The words in Indonesian, for what lokmin writes into files and documents. */
export const indonesianTerms = (config: Pick<Workspace, "taksonomi" | "program">): Terms =>
  TERMS[taxonomyOf(config)].id;

/**
 * A unit named for a sentence: "program Gizi", and "Klaster 2 Ibu dan Anak" as it is (not
 * "klaster Klaster 2 …") when its name already says what it is.
 */
export function unitLabel(config: Pick<Workspace, "taksonomi" | "program">, id: string, terms = termsOf(config)) {
  const name = config.program.find((p) => p.id === id)?.nama ?? id;
  return name.toLowerCase().startsWith(terms.unit.toLowerCase()) ? name : `${terms.unit} ${name}`;
}

/** Our own wording adapted to the taxonomy: "PJ program" → "PJ klaster" in a klaster workspace. */
export const inVocabulary = (text: string, taxonomy: Taxonomy) =>
  taxonomy === "klaster"
    ? text.replace(/\bPJ program\b/g, "PJ klaster").replace(/\bantarprogram\b/g, "antarklaster")
    : text;
