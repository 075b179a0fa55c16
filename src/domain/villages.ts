// Village (desa/kelurahan) names against lokmin.yaml's `desa` list: a name matches an entry when
// they are the same but for spacing and case ("sukamaju " is Sukamaju), as categories are matched;
// a name that matches none gets the entry it most likely means, when one is close enough to be a
// misspelling, so that the hint, once applied, passes. Pure.
import { distance } from "fastest-levenshtein";
import { msg, t } from "../i18n/index.js";

const M = {
  hint: msg(
    "; maksud Anda '{hint}'? Perbaiki namanya, atau tambahkan '{village}' ke desa: di lokmin.yaml",
    "; did you mean '{hint}'? Fix the name, or add '{village}' to desa: in lokmin.yaml",
  ),
  list: msg(
    " ({list}); perbaiki namanya, atau tambahkan '{village}' ke desa: di lokmin.yaml",
    " ({list}); fix the name, or add '{village}' to desa: in lokmin.yaml",
  ),
  noList: msg(
    ", yang masih kosong; isi desa: di lokmin.yaml dengan desa/kelurahan wilayah kerja (mis. - {village})",
    ", which is still empty; fill desa: in lokmin.yaml with the villages of the working area (e.g. - {village})",
  ),
};

/** A name as compared: trimmed, inner spacing collapsed, lower case (Indonesian rules). */
export const foldName = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");

/** The list entry a written village name means (spacing and case do not matter), or undefined. */
export function matchVillage(written: string, villages: readonly string[]): string | undefined {
  const wanted = foldName(written);
  return villages.find((v) => foldName(v) === wanted);
}

/**
 * The list entry a misspelt name most likely means: the closest by edits, when at most a third of
 * the name differs (Sukamju → Sukamaju, not Jakarta → Sukamaju); ties go to the first listed.
 */
export function villageHint(written: string, villages: readonly string[]): string | undefined {
  const wanted = foldName(written);
  let best: { village: string; edits: number } | undefined;
  for (const village of villages) {
    const edits = distance(wanted, foldName(village));
    if (!best || edits < best.edits) best = { village, edits };
  }
  if (!best) return undefined;
  const allowed = Math.max(1, Math.floor(Math.max(wanted.length, foldName(best.village).length) / 3));
  return best.edits <= allowed ? best.village : undefined;
}

/** The tail of a "not in the list" message: the likely entry, else the list, else how to make one. */
export function villageAdvice(village: string, villages: readonly string[]): string {
  const hint = villageHint(village, villages);
  if (hint !== undefined) return t(M.hint, { hint, village });
  if (villages.length) return t(M.list, { list: villages.join(", "), village });
  return t(M.noList, { village });
}
