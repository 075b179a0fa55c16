// The fishbone (Ishikawa) model of a problem's root causes (Perbup Pasal 15 ayat (1) huruf c):
// the problem at the head, one bone per category of the workspace's list, each cause on its bone.
// A cause whose category is missing or not in the list goes on a last bone, "Lainnya", so the
// picture never drops what the forum wrote; `check` reports it. Pure.
import { closest } from "fastest-levenshtein";
import type { Problem } from "./schema.js";

export const OTHER_BONE = "Lainnya";

export interface Bone {
  kategori: string;
  sebab: string[];
  /** False for the "Lainnya" bone of causes outside the list. */
  listed: boolean;
}

export interface Fishbone {
  id: string;
  masalah: string;
  bones: Bone[];
  /** Number of causes drawn. */
  count: number;
}

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");

/** The list entry a written category means (spacing and case do not matter), or undefined. */
export function matchCategory(written: string | undefined, categories: readonly string[]): string | undefined {
  if (written === undefined) return undefined;
  const wanted = fold(written);
  return categories.find((c) => fold(c) === wanted);
}

/** The list entry a mistyped category most likely means: one containing it as a word, else the closest. */
export function categoryHint(written: string, categories: readonly string[]): string | undefined {
  if (!categories.length) return undefined;
  const folded = categories.map(fold);
  const wanted = fold(written);
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const containing = folded.findIndex(
    (c) => words(wanted).length > 0 && words(wanted).every((w) => words(c).includes(w)),
  );
  if (containing >= 0) return categories[containing];
  return categories[folded.indexOf(closest(wanted, folded))];
}

export function fishboneOf(problem: Pick<Problem, "id" | "judul" | "akar_masalah">, categories: readonly string[]) {
  const bones: Bone[] = categories.map((kategori) => ({ kategori, sebab: [], listed: true }));
  const other: Bone = { kategori: OTHER_BONE, sebab: [], listed: false };
  for (const cause of problem.akar_masalah) {
    const category = matchCategory(cause.kategori, categories);
    (bones.find((b) => b.kategori === category) ?? other).sebab.push(cause.uraian.trim());
  }
  if (other.sebab.length) bones.push(other);
  return { id: problem.id, masalah: problem.judul, bones, count: problem.akar_masalah.length } satisfies Fishbone;
}
