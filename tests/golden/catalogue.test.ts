// The message catalogue (hledger's habit): the exact text of every finding message of `lokmin check`,
// in Indonesian and English, held in one golden file per rule family, so a change of wording is a
// reviewed diff. `npm run golden` rewrites the files from the triggers in triggers.ts.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TILIK, tilikId } from "../../src/domain/check/checklists.js";
import { ruleCatalogue } from "../../src/domain/check/rules/index.js";
import { type Entry, familyOf, familyText, parsePath, removeCopies, runTrigger } from "./catalogue.js";
import { TRIGGERS } from "./triggers.js";

const GOLDEN = path.join(import.meta.dirname, "messages");
/** Daftar Tilik items only the supervisor answers (supervisi.jawaban): scored, never reported as findings. */
const SILENT = TILIK.filter((item) => item.severity === null).map((item) => `tilik/${tilikId(item)}`);
const families = [...new Set(TRIGGERS.map((t) => familyOf(t.rule)))].sort();
const entries: Entry[] = [];

beforeAll(() => {
  for (const trigger of TRIGGERS) entries.push(runTrigger(trigger));
});
afterAll(removeCopies);

describe("the message catalogue", () => {
  it("every trigger raises its rule in its file, the same findings in both languages", () => {
    const problems: string[] = [];
    for (const { trigger, id, en, error } of entries) {
      const name = `${trigger.rule} (${trigger.file}${trigger.note ? `, ${trigger.note}` : ""})`;
      if (error) problems.push(`${name}: ${error}`);
      else if (id.length === 0) problems.push(`${name} raises nothing in ${trigger.file}`);
      const places = (list: typeof id) => list.map((d) => `${d.rule} ${d.file}:${d.line}:${d.column}`);
      if (places(en).join() !== places(id).join()) problems.push(`${name}: the English run found other findings`);
      for (const [i, d] of id.entries())
        if (en[i]?.message === d.message) problems.push(`${name}: '${d.message}' is not translated`);
    }
    expect(problems).toEqual([]);
  });

  it("every rule of the registry has a trigger (each member of a family is raised by one)", () => {
    const raised = new Set(entries.flatMap((e) => e.id.map((d) => d.rule)));
    const declared = ruleCatalogue().flatMap(({ id, spec }) => {
      const members = spec.members?.() ?? [];
      return members.length ? members.map((m) => `${id.replace(/<.*>$/, "")}${m}`) : [id];
    });
    const missing = declared.filter((rule) => !raised.has(rule) && !SILENT.includes(rule));
    expect(missing, "add a trigger for each to tests/golden/triggers.ts").toEqual([]);
    expect(SILENT.filter((rule) => raised.has(rule) || !declared.includes(rule))).toEqual([]);
  });

  it("every family shows at least one finding printed with its excerpt", () => {
    const unprinted = families.filter(
      (family) => !entries.some((e) => familyOf(e.trigger.rule) === family && e.printed.length > 0),
    );
    expect(unprinted, "give one trigger of each print: true").toEqual([]);
  });

  it.each(families)("tests/golden/messages/%s.md holds the family's messages", async (family) => {
    const text = familyText(
      family,
      entries.filter((e) => familyOf(e.trigger.rule) === family),
    );
    await expect(text).toMatchFileSnapshot(path.join(GOLDEN, `${family}.md`));
  });

  it("no golden file is left over from a family that has no trigger (delete it)", () => {
    const files = readdirSync(GOLDEN).filter((name) => name.endsWith(".md"));
    expect(files.map((name) => name.replace(/\.md$/, "")).filter((family) => !families.includes(family))).toEqual([]);
  });

  it("trigger paths read as written", () => {
    expect(parsePath("indikator[0].kumulatif")).toEqual({ path: ["indikator", 0, "kumulatif"], append: false });
    expect(parsePath("kesepakatan[+]")).toEqual({ path: ["kesepakatan"], append: true });
    expect(parsePath("supervisi.jawaban.01")).toEqual({ path: ["supervisi", "jawaban", "01"], append: false });
  });
});
