// The rule registry's building blocks. A rule group declares the rule ids it may emit, each with
// its default severity, its source (a regulation people can look up), what it checks and how to
// fix what it finds; `RuleId` is derived from the declarations, and a group's reporter accepts
// only its own ids. A family such as "sop/<langkah>" emits one id per member ("sop/10-rtl").
import type { Message } from "../../i18n/index.js";
import type { Finding, PathSegment, RelatedPlace, Severity } from "../findings.js";
import type { Source } from "../regulations.js";

export interface RuleSpec {
  severity: Severity;
  source: Source;
  what: Message;
  fix: Message;
  /** Input rules (YAML, schema, files) decide whether a file can be read: their severity is fixed. */
  fixed?: boolean;
  /** Members of a family id like "sop/<langkah>", for `check --rules`, the README and settings. */
  members?: () => readonly string[];
}

/** "sop/<langkah>" emits "sop/…"; any other id emits itself. */
export type Emitted<Id extends string> = Id extends `${infer Family}/<${string}>` ? `${Family}/${string}` : Id;

export interface Placement {
  file: string;
  path?: readonly PathSegment[];
  at?: "key" | "value";
  message: string;
  /** Overrides the rule's severity for this finding (an optional SOP step is "info"). */
  severity?: Severity;
  /** Other places the finding is about (printed with their lines under it). */
  related?: readonly RelatedPlace[];
}

export type Reporter<Id extends string> = (rule: Emitted<Id>, placement: Placement) => void;

export interface RuleGroup<Id extends string, Ctx> {
  rules: Readonly<Record<Id, RuleSpec>>;
  /** Absent for input rules, which the loader emits. */
  run?: (ctx: Ctx, report: Reporter<Id>) => void;
}

export const defineRules = <Id extends string, Ctx = never>(group: RuleGroup<Id, Ctx>): RuleGroup<Id, Ctx> => group;

const familyOf = (id: string) => /^(.+)\/<[^>]+>$/.exec(id)?.[1];

/** Whether `emitted` is one of the group's ids (a member of one of its families included). */
export function declares(rules: Readonly<Record<string, RuleSpec>>, emitted: string): boolean {
  if (emitted in rules) return true;
  return Object.keys(rules).some((id) => {
    const family = familyOf(id);
    return family !== undefined && emitted.startsWith(`${family}/`);
  });
}

/** Run a group, turning its reports into findings; an undeclared id is a bug in lokmin. */
export function runGroup<Ctx>(group: RuleGroup<string, Ctx>, ctx: Ctx): Finding[] {
  const out: Finding[] = [];
  group.run?.(ctx, (rule, placement) => {
    if (!declares(group.rules, rule)) throw new Error(`rule ${rule} is not declared by its group`);
    const spec = specOf(group.rules, rule);
    out.push({ rule, ...placement, severity: placement.severity ?? spec.severity });
  });
  return out;
}

export function specOf(rules: Readonly<Record<string, RuleSpec>>, emitted: string): RuleSpec {
  const direct = rules[emitted];
  if (direct) return direct;
  const family = Object.keys(rules).find((id) => {
    const name = familyOf(id);
    return name !== undefined && emitted.startsWith(`${name}/`);
  });
  if (!family) throw new Error(`unknown rule ${emitted}`);
  return rules[family];
}
