// The message catalogue: each trigger of triggers.ts is applied to a copy of its base workspace,
// the workspace is checked in Indonesian and in English as `lokmin check` does, and the findings
// of the trigger's rule in the trigger's file are written down — message in both languages, place
// (start and end), and for some the printed form with its excerpt. One text per rule family
// (the part of the id before "/"), compared with tests/golden/messages/<family>.md.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatDiagnostics } from "../../src/cli/ui.js";
import { checkWorkspace } from "../../src/domain/check/check.js";
import type { Diagnostic, Finding, PathSegment } from "../../src/domain/findings.js";
import { type Lang, setLang } from "../../src/i18n/index.js";
import { positionAll } from "../../src/io/positions.js";
import { loadWorkspace, probeFile } from "../../src/io/workspace.js";
import { applyYamlEdits, type YamlEdit } from "../../src/io/yaml-patch.js";
import type { YamlSource } from "../../src/io/yaml-source.js";
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

/** A throw-away copy of the trigger's base with its edit made. */
export function applyTrigger(trigger: Trigger): string {
  const root = copyWorkspace(BASES[trigger.base ?? "mini"]);
  trigger.setup?.(root);
  for (const [name, set] of Object.entries(trigger.elsewhere ?? {})) {
    const file = path.join(root, name);
    writeFileSync(file, applyYamlEdits(readFileSync(file, "utf8"), edits(set)).text);
  }
  if (trigger.set || trigger.text) {
    const file = path.join(root, trigger.file);
    let text = readFileSync(file, "utf8");
    if (trigger.set) text = applyYamlEdits(text, edits(trigger.set)).text;
    if (typeof trigger.text === "function") text = trigger.text(text);
    else if (trigger.text) {
      const [from, to] = trigger.text;
      if (!text.includes(from)) throw new Error(`${trigger.rule}: '${from}' is not in ${trigger.file}`);
      text = text.replace(from, to);
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

interface Checked {
  findings: Finding[];
  sources: Map<string, YamlSource>;
}

/** `lokmin check` in-process in one language (the loader's messages are written while loading). */
function checkIn(root: string, lang: Lang): Checked {
  setLang(lang);
  try {
    const workspace = loadWorkspace(root);
    const report = checkWorkspace({ workspace, today: TODAY, probe: probeFile(root) });
    return { findings: report.findings, sources: workspace.sources };
  } finally {
    setLang("id");
  }
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

/** Run one trigger: the findings of its rule in its file, placed at their ranges. */
export function runTrigger(trigger: Trigger): Entry {
  let root: string;
  try {
    root = applyTrigger(trigger);
  } catch (error) {
    return { trigger, id: [], en: [], printed: [], error: (error as Error).message };
  }
  try {
    const fresh = (checked: Checked) => {
      const findings = checked.findings.filter((f) => ofRule(trigger.rule)(f) && f.file === trigger.file);
      const clean = (text: string) => text.split(root).join("<workspace>");
      const placed = positionAll(findings, (file) => checked.sources.get(file));
      return placed.map((d) => ({ ...d, message: clean(d.message) }));
    };
    const id = checkIn(root, "id");
    const en = checkIn(root, "en");
    const found = { id: fresh(id), en: fresh(en) };
    const printed = trigger.print
      ? formatDiagnostics(PLAIN, found.id, (file) => id.sources.get(file)?.text).slice(0, -2)
      : [];
    return { trigger, ...found, printed };
  } finally {
    rmSync(path.dirname(root), { recursive: true, force: true });
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
      out.push(`${d.rule}  ${d.severity}  ${where(d)}`, `id: ${d.message}`, `en: ${en[i].message}`);
    });
    out.push("```");
    if (printed.length) out.push("", "Printed:", "", "```text", ...printed, "```");
  }
  return `${out.join("\n")}\n`;
}
