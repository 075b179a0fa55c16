// "Did you mean" hints that only ever name what lokmin accepts where the mistake was written: the
// candidates are exactly the values that would pass there, and a hint is given only when the
// closest of them shares at least half of what was written, so applying it fixes the mistake
// instead of trading it for another. Pure.
import { distance } from "fastest-levenshtein";
import { msg, t } from "../i18n/index.js";

const M = {
  didYouMean: msg(" (maksud Anda '{hint}'?)", " (did you mean '{hint}'?)"),
};

/** How alike two names are, from 0 (nothing shared) to 1 (the same but for case). */
export function similarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - distance(x, y) / longest;
}

/** The accepted value a misspelt one most likely means, or undefined when none is close enough. */
export function closestAccepted(written: string, accepted: Iterable<string>): string | undefined {
  let best: { value: string; score: number } | undefined;
  for (const value of accepted) {
    if (value === written) continue;
    const score = similarity(written, value);
    if (!best || score > best.score) best = { value, score };
  }
  return best && best.score >= 0.5 ? best.value : undefined;
}

/** " (maksud Anda 'gizi'?)" when an accepted value is close to what was written, else "". */
export function didYouMean(written: string, accepted: Iterable<string>): string {
  const hint = closestAccepted(written, accepted);
  return hint === undefined ? "" : t(M.didYouMean, { hint });
}
