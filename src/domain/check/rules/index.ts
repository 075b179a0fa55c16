// Every rule group of `lokmin check`, in the order they run. `check --rules`, the README table and
// the `aturan` settings of lokmin.yaml all read this list.
import type { RuleSpec } from "../registry.js";
import { analisisRules } from "./analisis.js";
import { capaianRules } from "./capaian.js";
import { checklistRules } from "./checklists.js";
import { desaRules } from "./desa.js";
import { dhis2Rules } from "./dhis2.js";
import { dokumenRules } from "./dokumen.js";
import { inputRules } from "./input.js";
import { kesepakatanRules } from "./kesepakatan.js";
import { pertamaRules } from "./pertama.js";
import { pralokminRules } from "./pralokmin.js";
import { prioritasRules } from "./prioritas.js";
import { rapatRules } from "./rapat.js";
import { suratRules } from "./surat.js";
import { referensiRules } from "./referensi.js";
import { tahunanRules } from "./tahunan.js";
import { tribulananRules } from "./tribulanan.js";
import { verifikasiRules, verifikasiSettingsRules } from "./verifikasi.js";
import { workspaceRules } from "./workspace.js";

export const MONTH_GROUPS = [
  checklistRules,
  capaianRules,
  verifikasiRules,
  rapatRules,
  suratRules,
  kesepakatanRules,
  prioritasRules,
  analisisRules,
  referensiRules,
  pertamaRules,
  dokumenRules,
] as const;
/**
 * Groups over the meetings held beside the monthly Lokmin, and over the villages every file of the
 * month names: run even when rapat.yaml cannot be read.
 */
export const OTHER_MEETING_GROUPS = [tribulananRules, pralokminRules, desaRules] as const;
export const WORKSPACE_GROUPS = [workspaceRules, tahunanRules, verifikasiSettingsRules, dhis2Rules] as const;
export const INPUT_GROUPS = [inputRules] as const;

export interface CatalogueEntry {
  id: string;
  spec: RuleSpec;
  scope: "input" | "workspace" | "month";
}

/** The whole registry, in the order `check --rules` and the README print it. */
export function ruleCatalogue(): CatalogueEntry[] {
  const entries = (groups: readonly { rules: Readonly<Record<string, RuleSpec>> }[], scope: CatalogueEntry["scope"]) =>
    groups.flatMap((group) => Object.entries(group.rules).map(([id, spec]) => ({ id, spec, scope })));
  return [
    ...entries(INPUT_GROUPS, "input"),
    ...entries(MONTH_GROUPS, "month"),
    ...entries(OTHER_MEETING_GROUPS, "month"),
    ...entries(WORKSPACE_GROUPS, "workspace"),
  ];
}
