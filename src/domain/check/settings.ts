// Per-rule settings from lokmin.yaml (`aturan`), as ESLint and knip let users set them: any rule,
// a family ("tilik/*") or everything under a prefix can be made an error, a warning, info, or off.
// The most specific setting wins; a finding whose severity a setting changed says so.
import type { Finding, Severity } from "../findings.js";
import type { CatalogueEntry } from "./rules/index.js";

export type RuleLevel = Severity | "off";

const familyOf = (id: string) => /^(.+)\/<[^>]+>$/.exec(id)?.[1];

/** How specific a setting key is for a rule id: exact beats family, a longer prefix beats a shorter one. */
function specificity(key: string, rule: string): number {
  if (key === rule) return 10_000;
  if (key === "*") return 1;
  const family = familyOf(key);
  if (family && rule.startsWith(`${family}/`)) return 5_000 + family.length;
  if (key.endsWith("/*") && rule.startsWith(key.slice(0, -1))) return 1_000 + key.length;
  return 0;
}

export function settingFor(rule: string, settings: Readonly<Record<string, RuleLevel>>): RuleLevel | undefined {
  let best: { level: RuleLevel; score: number } | undefined;
  for (const [key, level] of Object.entries(settings)) {
    const score = specificity(key, rule);
    if (score > 0 && (!best || score > best.score)) best = { level, score };
  }
  return best?.level;
}

/** A family's members as this workspace has them ("10-rtl" of sop/<langkah>); undefined: any name counts. */
export type MembersOf = (family: string, entry: CatalogueEntry) => readonly string[] | undefined;
const declaredMembers: MembersOf = (_family, entry) => entry.spec.members?.();

/**
 * Whether a setting key names something in the registry, and whether that may be changed. A member
 * of a family counts only when the family has it ("tilik/08-undangan", not "tilik/08-undanga",
 * which would silently change nothing).
 */
export function settingStatus(
  key: string,
  catalogue: readonly CatalogueEntry[],
  membersOf: MembersOf = declaredMembers,
): "ok" | "unknown" | "fixed" {
  const matches = catalogue.filter((entry) => {
    const { id } = entry;
    const family = familyOf(id);
    if (key === id || key === "*") return true;
    if (family && key === `${family}/*`) return true;
    if (family && key.startsWith(`${family}/`)) {
      const members = membersOf(family, entry);
      return members === undefined || members.includes(key.slice(family.length + 1));
    }
    return key.endsWith("/*") && id.startsWith(key.slice(0, -1));
  });
  if (matches.length === 0) return "unknown";
  return matches.every((entry) => entry.spec.fixed) ? "fixed" : "ok";
}

/**
 * Every key `aturan` may name with effect, for hints: each rule that is not fixed (a family's
 * members one by one), each family and each prefix as "prefix/*". A hint drawn from these, applied,
 * is a setting lokmin accepts.
 */
export function settableKeys(catalogue: readonly CatalogueEntry[], membersOf: MembersOf = declaredMembers): string[] {
  const keys = new Set<string>();
  for (const entry of catalogue) {
    if (entry.spec.fixed) continue;
    const family = familyOf(entry.id);
    if (family) for (const member of membersOf(family, entry) ?? []) keys.add(`${family}/${member}`);
    else keys.add(entry.id);
    keys.add(`${(family ?? entry.id).split("/")[0]}/*`);
  }
  return [...keys].filter((key) => settingStatus(key, catalogue, membersOf) === "ok");
}

export interface SettingsResult {
  findings: Finding[];
  /** Findings a setting switched off. */
  off: number;
}

export function applyRuleSettings(
  findings: readonly Finding[],
  settings: Readonly<Record<string, RuleLevel>>,
  isFixed: (rule: string) => boolean,
): SettingsResult {
  if (Object.keys(settings).length === 0) return { findings: [...findings], off: 0 };
  const out: Finding[] = [];
  let off = 0;
  for (const finding of findings) {
    const level = isFixed(finding.rule) ? undefined : settingFor(finding.rule, settings);
    if (level === undefined || level === finding.severity) out.push(finding);
    else if (level === "off") off++;
    else out.push({ ...finding, severity: level, defaultSeverity: finding.severity });
  }
  return { findings: out, off };
}
