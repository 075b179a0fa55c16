// The message catalogue: each trigger of triggers.ts is applied to a copy of its base workspace,
// the workspace is checked in Indonesian and in English as `lokmin check` does, and the findings
// of the trigger's rule in the trigger's file are written down — message in both languages, place
// (start and end), and for some the printed form with its excerpt. One text per rule family
// (the part of the id before "/"), compared with tests/golden/messages/<family>.md.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatDiagnostics } from "../../src/cli/ui.js";
import { checkWorkspace } from "../../src/domain/check/check.js";
import type { Diagnostic, Finding, PathSegment } from "../../src/domain/findings.js";
import { type Lang, setLang } from "../../src/i18n/index.js";
import { positionAll } from "../../src/io/positions.js";
import { type LoadedWorkspace, loadWorkspace, probeFile } from "../../src/io/workspace.js";
import { applyYamlEdits, type YamlEdit } from "../../src/io/yaml-patch.js";
import { copyWorkspace, REPO } from "../helpers.js";
import { DELETE, type Trigger } from "./triggers.js";

export const BASES = {
  mini: path.join(REPO, "tests", "fixtures", "mini"),
  year: path.join(REPO, "tests", "fixtures", "year"),
} as const;
export const TODAY = "2024-12-31";

const PLAIN = { color: new Proxy({}, { get: () => (s: string) => s }) } as Parameters<typeof formatDiagnostics>[0];

/** "indikator[0].kumulatif" → ["indikator", 0, "kumulatif"]; a last "[+]" means append. */
export function parsePath(text: string): { path: PathSegment[]; append: boolean } {
  const path: PathSegment[] = [];
  let append = false;
  for (const part of text.match(/[^.[\]]+|\[\d+\]|\[\+\]/g) ?? []) {
    if (part === "[+]") append = true;
    else if (/^\[\d+\]$/.test(part)) path.push(Number(part.slice(1, -1)));
    else path.push(part);
  }
  return { path, append };
}

function edits(set: Trigger["set"]): YamlEdit[] {
  return Object.entries(set ?? {}).map(([key, value]): YamlEdit => {
    const { path, append } = parsePath(key);
    if (value === DELETE) return { op: "delete", path };
    if (append) return { op: "append", path, items: [value] };
    if (value === null || ["string", "number", "boolean"].includes(typeof value))
      return { op: "set", path, value: value as string | number | boolean | null };
    return { op: "replace", path, value };
  });
}

/** The trigger's edit of its own file: the text it writes there. */
function editedText(trigger: Trigger, text: string): string {
  let out = trigger.set ? applyYamlEdits(text, edits(trigger.set)).text : text;
  if (typeof trigger.text === "function") out = trigger.text(out);
  else if (trigger.text) {
    const [from, to] = trigger.text;
    if (!out.includes(from)) throw new Error(`'${from}' is not in ${trigger.file}`);
    out = out.replace(from, to);
  }
  return out;
}

/**
 * One copy of each base, shared by the triggers that only edit their own file: the file is written,
 * checked and put back (checking writes nothing), which spares a copy of the workspace per trigger.
 */
const shared = new Map<keyof typeof BASES, string>();
export function removeCopies(): void {
  for (const root of shared.values()) rmSync(path.dirname(root), { recursive: true, force: true });
  shared.clear();
}

/**
 * The trigger's base with its edit made, and how to undo it: a copy of its own when the trigger
 * changes more than its file (a setup, edits elsewhere), else the shared copy with the file edited.
 */
export function applyTrigger(trigger: Trigger): { root: string; undo: () => void } {
  const base = trigger.base ?? "mini";
  if (!trigger.setup && !trigger.elsewhere) {
    const root = shared.get(base) ?? copyWorkspace(BASES[base]);
    shared.set(base, root);
    const file = path.join(root, trigger.file);
    const before = readFileSync(file, "utf8");
    writeFileSync(file, editedText(trigger, before));
    return { root, undo: () => writeFileSync(file, before) };
  }
  const root = copyWorkspace(BASES[base]);
  const undo = () => rmSync(path.dirname(root), { recursive: true, force: true });
  try {
    trigger.setup?.(root);
    for (const [name, set] of Object.entries(trigger.elsewhere ?? {})) {
      const file = path.join(root, name);
      writeFileSync(file, applyYamlEdits(readFileSync(file, "utf8"), edits(set)).text);
    }
    if (trigger.set || trigger.text) {
      const file = path.join(root, trigger.file);
      writeFileSync(file, editedText(trigger, readFileSync(file, "utf8")));
    }
  } catch (error) {
    undo();
    throw error;
  }
  return { root, undo };
}

const ofRule = (rule: string) => (f: Finding) =>
  f.rule === rule || (rule.endsWith("/*") && f.rule.startsWith(rule.slice(0, -1)));

export interface Entry {
  trigger: Trigger;
  /** The trigger's findings in Indonesian and the same ones in English, in the same order. */
  id: Diagnostic[];
  en: Diagnostic[];
  /** The Indonesian findings as `lokmin check` prints them (without the count below them). */
  printed: string[];
  /** Why the trigger could not be applied (a text to replace that is not in the file, an edit refused). */
  error?: string;
}

/** `lokmin check` in-process in one language: load (the loader writes its messages then) and check. */
function checkIn(lang: Lang, root: string, loaded?: LoadedWorkspace) {
  setLang(lang);
  try {
    const workspace = loaded ?? loadWorkspace(root);
    return { workspace, report: checkWorkspace({ workspace, today: TODAY, probe: probeFile(root) }) };
  } finally {
    setLang("id");
  }
}

/** Run one trigger: the findings of its rule in its file, placed at their ranges, in both languages. */
export function runTrigger(trigger: Trigger): Entry {
  let applied: { root: string; undo: () => void };
  try {
    applied = applyTrigger(trigger);
  } catch (error) {
    return { trigger, id: [], en: [], printed: [], error: `${(error as Error).message}` };
  }
  const { root, undo } = applied;
  try {
    const id = checkIn("id", root);
    const mine = (findings: readonly Finding[]) =>
      findings.filter((f) => ofRule(trigger.rule)(f) && f.file === trigger.file);
    // A rule of the loader speaks while loading; the others while checking, so English needs no second load.
    const fromLoader = mine(id.report.findings).some((f) => id.workspace.findings.includes(f));
    const en = checkIn("en", root, fromLoader ? undefined : id.workspace);
    const placed = ({ workspace, report }: typeof id) =>
      positionAll(mine(report.findings), (file) => workspace.sources.get(file)).map((d) => ({
        ...d,
        message: d.message.split(root).join("<workspace>"),
      }));
    const found = { id: placed(id), en: placed(en) };
    const printed = trigger.print
      ? formatDiagnostics(PLAIN, found.id, (file) => id.workspace.sources.get(file)?.text).slice(0, -2)
      : [];
    return { trigger, ...found, printed };
  } finally {
    undo();
  }
}

/** "capaian/melebihi-sasaran" → "capaian". */
export const familyOf = (rule: string) => rule.split("/")[0];

const where = (d: Diagnostic) =>
  d.end.line === d.start.line && d.end.column === d.start.column
    ? `${d.file}:${d.line}:${d.column}`
    : `${d.file}:${d.line}:${d.column}-${d.end.line}:${d.end.column}`;

function describe(trigger: Trigger): string {
  const parts = [trigger.base ?? "mini", trigger.file];
  const show = (set: Trigger["set"], prefix = "") =>
    Object.entries(set ?? {}).map(([p, v]) =>
      v === DELETE ? `${prefix}${p} deleted` : `${prefix}${p} = ${JSON.stringify(v)}`,
    );
  const set = [
    ...show(trigger.set),
    ...Object.entries(trigger.elsewhere ?? {}).flatMap(([file, edit]) => show(edit, `${file}: `)),
  ];
  const text = Array.isArray(trigger.text) ? [trigger.text.map((t) => JSON.stringify(t)).join(" → ")] : [];
  return [...parts, ...set, ...text, ...(trigger.note ? [trigger.note] : [])].join(" · ");
}

/** The golden text of one family. */
export function familyText(family: string, entries: readonly Entry[]): string {
  const out = [
    `# ${family}: pesan temuan / finding messages`,
    "",
    "Generated by tests/golden/catalogue.test.ts from the triggers in tests/golden/triggers.ts;",
    "`npm run golden` rewrites this file. Each entry: the trigger (base workspace · file · edit), then each",
    "finding of the rule it raises — place (line:column-end line:end column), Indonesian, English.",
  ];
  for (const { trigger, id, en, printed } of entries) {
    out.push("", `## ${trigger.rule}`, "", `Trigger: ${describe(trigger)}`, "", "```text");
    id.forEach((d, i) => {
      if (i > 0) out.push("");
      // A finding without a severity is a bug in its rule group, never a catalogue entry.
      if (!["error", "warning", "info"].includes(d.severity)) throw new Error(`${d.rule}: severity ${d.severity}`);
      out.push(`${d.rule}  ${d.severity}  ${where(d)}`, `id: ${d.message}`, `en: ${en[i].message}`);
    });
    out.push("```");
    if (printed.length) out.push("", "Printed:", "", "```text", ...printed, "```");
  }
  return `${out.join("\n")}\n`;
}
