// The analysis tools of the forum, as data (Perbup Musi Rawas 49/2018): the fishbone model for
// root causes (Pasal 15), the SWOT table for the strategy (Pasal 17) and the stakeholder map
// (Pasal 36). Which tools a month uses, and the fishbone's categories, come from lokmin.yaml
// (`analisis`) and the month's `metode.analisis`, with the defaults below.
import type { Meeting, Workspace } from "./schema.js";

export const ANALYSIS_METHODS = ["fishbone", "swot", "stakeholder"] as const;
export type AnalysisMethod = (typeof ANALYSIS_METHODS)[number];

/** The bones of the fishbone seen in Puskesmas practice; a workspace sets its own list. */
export const DEFAULT_CAUSE_CATEGORIES = ["Manusia", "Metode", "Dana", "Sarana & Prasarana", "Lingkungan"] as const;
export const DEFAULT_ANALYSIS_METHODS: readonly AnalysisMethod[] = ["fishbone"];

export const causeCategories = (config: Pick<Workspace, "analisis">): string[] => [
  ...(config.analisis?.kategori ?? DEFAULT_CAUSE_CATEGORIES),
];

/** The month's own list (`metode.analisis`) wins; else the workspace's; else fishbone only. */
export const analysisMethods = (
  config: Pick<Workspace, "analisis">,
  meeting?: Pick<Meeting, "metode">,
): AnalysisMethod[] => [...(meeting?.metode?.analisis ?? config.analisis?.metode ?? DEFAULT_ANALYSIS_METHODS)];
